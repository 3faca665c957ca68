package org.metriclifecycle.events.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.metriclifecycle.events.CorrelationMethod;
import org.metriclifecycle.events.Direction;
import org.metriclifecycle.events.HypothesisStatus;
import org.metriclifecycle.events.SupportCriteria;
import org.metriclifecycle.events.Verdict;

/** The fixed-effect pool, Q, I^2 and the p-value against the bar, against pools.csv from reference_values.py. */
class PoolTest {

    @Test
    void poolsMatchTheIndependentTable() {
        List<ReferenceTable.Row> rows = ReferenceTable.read("pools.csv");
        assertThat(rows).hasSizeGreaterThanOrEqualTo(9);
        for (ReferenceTable.Row row : rows) {
            String name = row.text("case");
            Pool pool = Pool.of(estimates(row.text("studies")), row.number("confidence")).orElseThrow();
            assertThat(pool.correlations()).as(name).isEqualTo(row.integer("correlations"));
            assertThat(pool.sampleSize()).as(name).isEqualTo(row.integer("sampleSize"));
            assertThat(pool.zBar()).as(name).isCloseTo(row.number("zBar"), within(1e-10));
            assertThat(pool.standardError()).as(name).isCloseTo(row.number("standardError"), within(1e-12));
            assertThat(pool.estimate()).as(name).isCloseTo(row.number("estimate"), within(1e-10));
            assertThat(pool.interval().low()).as(name).isCloseTo(row.number("low"), within(1e-9));
            assertThat(pool.interval().high()).as(name).isCloseTo(row.number("high"), within(1e-9));
            assertThat(pool.q()).as(name).isCloseTo(row.number("q"), within(1e-9 * Math.max(1, row.number("q"))));
            assertThat(pool.iSquared()).as(name).isCloseTo(row.number("iSquared"), within(1e-9));
            SupportCriteria criteria = new SupportCriteria(Direction.valueOf(row.text("direction")), row.number("bar"), 1);
            double expectedP = row.number("pValue");
            assertThat(OneSidedPValue.of(pool, criteria)).as(name)
                    .isCloseTo(expectedP, within(Math.max(1e-9 * expectedP, 1e-300)));
        }
    }

    @Test
    void theTwoProductExamplesPooledAreSupportedAndVisiblyHeterogeneous() {
        Pool pool = Pool.of(List.of(pearson(0.72, 120), pearson(0.81, 1200)), 0.95).orElseThrow();
        assertThat(pool.estimate()).isCloseTo(0.8032, within(1e-4));
        assertThat(pool.interval().low()).isCloseTo(0.7831, within(1e-4));
        assertThat(pool.interval().high()).isCloseTo(0.8215, within(1e-4));
        assertThat(pool.sampleSize()).isEqualTo(1320);
        assertThat(pool.q()).isCloseTo(5.1297, within(1e-4));
        assertThat(pool.iSquared()).isCloseTo(0.8051, within(1e-4));
        assertThat(pool.status(new SupportCriteria(Direction.POSITIVE, 0.70, 500))).isEqualTo(HypothesisStatus.SUPPORTED);
    }

    @Test
    void fourRefutationsAndOneSupportDoNotMakeASupport() {
        List<FisherEstimate> month = List.of(pearson(0.40, 500), pearson(0.45, 500), pearson(0.38, 500),
                pearson(0.42, 500), pearson(0.80, 500));
        SupportCriteria criteria = new SupportCriteria(Direction.POSITIVE, 0.7, 500);
        assertThat(IntervalRule.verdict(CorrelationMethod.PEARSON, 0.80, 500, criteria, 0.95))
                .isEqualTo(Verdict.SUPPORTED);
        Pool pool = Pool.of(month, 0.95).orElseThrow();
        assertThat(pool.status(criteria)).isEqualTo(HypothesisStatus.REFUTED);
        assertThat(pool.iSquared()).isGreaterThan(0.9);
    }

    @Test
    void anInconclusivePoolLeavesTheHypothesisOpenAndNoPoolToo() {
        SupportCriteria criteria = new SupportCriteria(Direction.POSITIVE, 0.70, 100);
        Optional<Pool> pool = Pool.of(List.of(pearson(0.72, 120)), 0.95);
        assertThat(pool.orElseThrow().verdict(criteria)).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(Pool.status(pool, criteria)).isEqualTo(HypothesisStatus.OPEN);
        assertThat(Pool.of(List.of(), 0.95)).isEmpty();
        assertThat(Pool.status(Optional.empty(), criteria)).isEqualTo(HypothesisStatus.OPEN);
    }

    @Test
    void thePoolsSampleSizeIsTheSumSoSmallStudiesCanTogetherReachMinSampleSize() {
        SupportCriteria criteria = new SupportCriteria(Direction.POSITIVE, 0.3, 500);
        List<FisherEstimate> studies = Collections.nCopies(5, pearson(0.6, 120));
        assertThat(IntervalRule.verdict(CorrelationMethod.PEARSON, 0.6, 120, criteria, 0.95))
                .isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(Pool.of(studies, 0.95).orElseThrow().status(criteria)).isEqualTo(HypothesisStatus.SUPPORTED);
    }

    @Test
    void oneStudyPoolsToItselfWithNoHeterogeneity() {
        FisherEstimate one = FisherEstimate.of(CorrelationMethod.SPEARMAN, 0.55, 80).orElseThrow();
        Pool pool = Pool.of(List.of(one), 0.9).orElseThrow();
        assertThat(pool.zBar()).isEqualTo(one.z());
        assertThat(pool.standardError()).isCloseTo(one.standardError(), within(1e-15));
        assertThat(pool.interval().low()).isCloseTo(one.interval(0.9).low(), within(1e-15));
        assertThat(pool.q()).isZero();
        assertThat(pool.iSquared()).isZero();
    }

    @Test
    void orderDoesNotChangeADigit() {
        List<FisherEstimate> studies = new ArrayList<>(List.of(pearson(0.1, 500), pearson(0.6, 500),
                pearson(0.35, 300), FisherEstimate.of(CorrelationMethod.KENDALL, 0.3, 90).orElseThrow(),
                FisherEstimate.of(CorrelationMethod.SPEARMAN, -0.2, 40).orElseThrow()));
        Pool first = Pool.of(studies, 0.95).orElseThrow();
        Collections.reverse(studies);
        assertThat(Pool.of(studies, 0.95)).contains(first);
        Collections.swap(studies, 0, 2);
        assertThat(Pool.of(studies, 0.95)).contains(first);
    }

    @Test
    void aPoolOfPoolsIsThePoolOfAll() {
        List<FisherEstimate> a = List.of(pearson(0.3, 100), pearson(0.5, 200));
        List<FisherEstimate> b = List.of(pearson(0.4, 150), pearson(0.2, 80), pearson(0.45, 300));
        List<FisherEstimate> all = new ArrayList<>(a);
        all.addAll(b);
        Pool whole = Pool.of(all, 0.95).orElseThrow();
        Pool ofPools = Pool.of(List.of(Pool.of(a, 0.95).orElseThrow().asEstimate(),
                Pool.of(b, 0.95).orElseThrow().asEstimate()), 0.95).orElseThrow();
        assertThat(ofPools.zBar()).isCloseTo(whole.zBar(), within(1e-14));
        assertThat(ofPools.standardError()).isCloseTo(whole.standardError(), within(1e-14));
        assertThat(ofPools.sampleSize()).isEqualTo(whole.sampleSize());
    }

    @Test
    void pValuesOrientByDirectionAndABarOfOneIsNeverCleared() {
        Pool positive = Pool.of(List.of(pearson(0.6, 200)), 0.95).orElseThrow();
        Pool negative = Pool.of(List.of(pearson(-0.6, 200)), 0.95).orElseThrow();
        double p = OneSidedPValue.of(positive, new SupportCriteria(Direction.POSITIVE, 0.5, 1));
        assertThat(OneSidedPValue.of(negative, new SupportCriteria(Direction.NEGATIVE, 0.5, 1))).isEqualTo(p);
        // (atanh 0.6 - atanh 0.5) sqrt(197) = 2.019: p = 1 - Phi(2.019).
        assertThat(p).isCloseTo(StandardNormal.upperTail((PearsonScale.atanh(0.6) - PearsonScale.atanh(0.5))
                * Math.sqrt(197)), within(1e-16)).isCloseTo(0.0217, within(1e-4));
        assertThat(OneSidedPValue.of(positive, new SupportCriteria(Direction.POSITIVE, 1.0, 1))).isEqualTo(1.0);
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> Pool.of(List.of(pearson(0.5, 10)), 1.0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Pool.of(null, 0.95)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FisherEstimate(0.1, 0, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FisherEstimate(Double.NaN, 0.1, 10)).isInstanceOf(IllegalArgumentException.class);
    }

    static FisherEstimate pearson(double r, int n) {
        return FisherEstimate.of(CorrelationMethod.PEARSON, r, n).orElseThrow();
    }

    /** "PEARSON:0.72:120;SPEARMAN:0.6:150" as estimates. */
    private static List<FisherEstimate> estimates(String studies) {
        List<FisherEstimate> estimates = new ArrayList<>();
        for (String study : studies.split(";")) {
            String[] parts = study.split(":");
            estimates.add(FisherEstimate.of(CorrelationMethod.valueOf(parts[0]), Double.parseDouble(parts[1]),
                    Integer.parseInt(parts[2])).orElseThrow());
        }
        return estimates;
    }
}
