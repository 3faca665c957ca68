package org.metriclifecycle.events.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.metriclifecycle.events.evidence.RandomCases.forAll;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.metriclifecycle.events.CorrelationMethod;
import org.metriclifecycle.events.Direction;
import org.metriclifecycle.events.SupportCriteria;
import org.metriclifecycle.events.Verdict;

/** Properties of the evidence rules, each checked on {@value RandomCases#TRIALS} seeded random inputs. */
class EvidencePropertiesTest {

    @Test
    void aVerdictOnOneCorrelationNeverTakesSidesWhenItsIntervalStraddlesTheBar() {
        forAll("one correlation", draw -> {
            CorrelationMethod method = draw.method("method");
            double r = draw.coefficient("r");
            int n = draw.sampleSize("n");
            double c = draw.confidence("c");
            SupportCriteria criteria = new SupportCriteria(draw.direction("direction"), draw.bar("bar"),
                    draw.between("minSampleSize", 0, 2000));
            Verdict verdict = IntervalRule.verdict(method, r, n, criteria, c);
            Optional<Interval> interval = FisherEstimate.of(method, r, n).map(e -> e.interval(c));
            checkVerdict(verdict, interval, n, criteria);
        });
    }

    @Test
    void aVerdictOnAnyIntervalNeverTakesSidesWhenItStraddlesTheBar() {
        forAll("any interval", draw -> {
            double a = draw.uniform("a", -1, 1);
            double b = draw.random().nextDouble() < 0.2 ? draw.logged("b", a) : draw.uniform("b", -1, 1);
            // Bars exactly at a bound are the edge cases of >= and <.
            double u = draw.random().nextDouble();
            double bar = u < 0.2 ? draw.logged("bar", Math.abs(a)) : u < 0.4 ? draw.logged("bar", Math.abs(b))
                    : draw.bar("bar");
            Interval interval = new Interval(Math.min(a, b), Math.max(a, b), 0.95);
            SupportCriteria criteria = new SupportCriteria(draw.direction("direction"), bar,
                    draw.between("minSampleSize", 0, 100));
            long n = draw.between("n", 0, 200);
            checkVerdict(IntervalRule.verdict(Optional.of(interval), n, criteria), Optional.of(interval), n, criteria);
        });
    }

    private static void checkVerdict(Verdict verdict, Optional<Interval> interval, long n, SupportCriteria criteria) {
        if (interval.isEmpty() || n < criteria.minSampleSize()) {
            assertThat(verdict).isEqualTo(Verdict.INCONCLUSIVE);
            return;
        }
        Interval oriented = interval.get().oriented(criteria.direction());
        double bar = criteria.minCorrelation();
        if (oriented.low() < bar && bar <= oriented.high()) {
            assertThat(verdict).isEqualTo(Verdict.INCONCLUSIVE);
        }
        if (verdict == Verdict.SUPPORTED) {
            assertThat(oriented.low()).isGreaterThanOrEqualTo(bar);
        }
        if (verdict == Verdict.REFUTED) {
            assertThat(oriented.high()).isLessThan(bar);
        }
        // And conversely the rule is decisive whenever the interval lies wholly on one side.
        if (oriented.low() >= bar) {
            assertThat(verdict).isEqualTo(Verdict.SUPPORTED);
        } else if (oriented.high() < bar) {
            assertThat(verdict).isEqualTo(Verdict.REFUTED);
        }
    }

    @Test
    void aNegativeHypothesisJudgesMinusRAsAPositiveOneJudgesR() {
        forAll("mirror", draw -> {
            CorrelationMethod method = draw.method("method");
            double r = draw.coefficient("r");
            int n = draw.sampleSize("n");
            double c = draw.confidence("c");
            double bar = draw.bar("bar");
            int minSampleSize = draw.between("minSampleSize", 0, 500);
            assertThat(IntervalRule.verdict(method, -r, n, new SupportCriteria(Direction.NEGATIVE, bar, minSampleSize), c))
                    .isEqualTo(IntervalRule.verdict(method, r, n,
                            new SupportCriteria(Direction.POSITIVE, bar, minSampleSize), c));
        });
    }

    @Test
    void poolingDoesNotDependOnTheOrderOfTheCorrelations() {
        forAll("order", draw -> {
            List<FisherEstimate> studies = randomStudies(draw);
            double c = draw.confidence("c");
            Pool pool = Pool.of(studies, c).orElseThrow();
            List<FisherEstimate> shuffled = new ArrayList<>(studies);
            Collections.shuffle(shuffled, draw.random());
            Pool again = Pool.of(shuffled, c).orElseThrow();
            assertThat(again.zBar()).isCloseTo(pool.zBar(), within(1e-12));
            assertThat(again.standardError()).isCloseTo(pool.standardError(), within(1e-12));
            assertThat(again.interval().low()).isCloseTo(pool.interval().low(), within(1e-12));
            assertThat(again.interval().high()).isCloseTo(pool.interval().high(), within(1e-12));
            assertThat(again.q()).isCloseTo(pool.q(), within(1e-12 * Math.max(1, pool.q())));
            assertThat(again.iSquared()).isCloseTo(pool.iSquared(), within(1e-12));
            assertThat(again.sampleSize()).isEqualTo(pool.sampleSize());
            assertThat(again).isEqualTo(pool);
        });
    }

    @Test
    void thePooledZLiesAmongTheStudiesAndISquaredIsAShare() {
        forAll("bounds", draw -> {
            List<FisherEstimate> studies = randomStudies(draw);
            Pool pool = Pool.of(studies, 0.95).orElseThrow();
            double min = studies.stream().mapToDouble(FisherEstimate::z).min().orElseThrow();
            double max = studies.stream().mapToDouble(FisherEstimate::z).max().orElseThrow();
            assertThat(pool.zBar()).isBetween(min - 1e-12, max + 1e-12);
            assertThat(pool.q()).isGreaterThanOrEqualTo(0);
            assertThat(pool.iSquared()).isBetween(0.0, 1.0);
            double smallestStudyError = studies.stream().mapToDouble(FisherEstimate::standardError).min().orElseThrow();
            assertThat(pool.standardError()).isLessThanOrEqualTo(smallestStudyError * (1 + 1e-12));
            assertThat(pool.correlations()).isEqualTo(studies.size());
        });
    }

    @Test
    void aSupportedPoolHasAOneSidedPValueOfAtMostHalfOneMinusC() {
        forAll("p of a support", draw -> {
            List<FisherEstimate> studies = randomStudies(draw);
            double c = draw.confidence("c");
            SupportCriteria criteria = new SupportCriteria(draw.direction("direction"), draw.bar("bar"), 0);
            Pool pool = Pool.of(studies, c).orElseThrow();
            double p = OneSidedPValue.of(pool, criteria);
            assertThat(p).isBetween(0.0, 1.0);
            if (pool.verdict(criteria) == Verdict.SUPPORTED) {
                assertThat(p).isLessThanOrEqualTo((1 - c) / 2 * (1 + 1e-9));
            }
        });
    }

    @Test
    void thePooledIntervalNarrowsAsIdenticalStudiesAreAdded() {
        forAll("narrowing", draw -> {
            FisherEstimate study = FisherEstimate.of(draw.method("method"), draw.uniform("r", -0.999, 0.999),
                    draw.between("n", 5, 5000)).orElseThrow();
            double c = draw.confidence("c");
            Pool previous = Pool.of(List.of(study), c).orElseThrow();
            for (int k = 2; k <= 12; k++) {
                Pool pool = Pool.of(Collections.nCopies(k, study), c).orElseThrow();
                assertThat(pool.zBar()).isCloseTo(study.z(), within(1e-12));
                assertThat(pool.standardError()).isCloseTo(study.standardError() / Math.sqrt(k), within(1e-12));
                assertThat(pool.standardError()).isLessThan(previous.standardError());
                assertThat(pool.interval().low()).isGreaterThanOrEqualTo(previous.interval().low());
                assertThat(pool.interval().high()).isLessThanOrEqualTo(previous.interval().high());
                assertThat(width(pool)).isLessThanOrEqualTo(width(previous));
                assertThat(pool.iSquared()).isZero();
                previous = pool;
            }
        });
    }

    @Test
    void benjaminiHochbergQValuesAreMonotoneInPAndNeverBelowP() {
        forAll("bh", draw -> {
            int m = draw.between("m", 1, 40);
            List<Double> p = new ArrayList<>();
            for (int i = 0; i < m; i++) {
                p.add(draw.random().nextDouble() < 0.15 && !p.isEmpty() ? p.get(draw.random().nextInt(p.size()))
                        : draw.probability("p" + i));
            }
            List<Double> q = BenjaminiHochberg.qValues(p);
            assertThat(q).hasSize(m);
            for (int i = 0; i < m; i++) {
                assertThat(q.get(i)).isGreaterThanOrEqualTo(p.get(i)).isLessThanOrEqualTo(1.0);
                for (int j = 0; j < m; j++) {
                    if (p.get(i) <= p.get(j)) {
                        assertThat(q.get(i)).isLessThanOrEqualTo(q.get(j));
                    }
                }
            }
        });
    }

    @Test
    void theQuantileInvertsPhi() {
        forAll("quantile", draw -> {
            double p = Math.pow(10, -draw.uniform("exponent", 0, 300)) * (draw.random().nextBoolean() ? 1 : 0.5);
            double x = StandardNormal.quantile(p);
            // x itself is known only to its last digit, and Phi's relative slope there is |x|: allow x^2 ulps.
            assertThat(StandardNormal.cdf(x)).isCloseTo(p, within(p * (1e-14 + 4 * x * x * Math.ulp(1.0))));
            if (1 - p < 1) {
                // 1 - p rounds p's digits away: the mirror holds for the p that 1 - (1 - p) actually is.
                assertThat(StandardNormal.quantile(1 - p)).isCloseTo(-StandardNormal.quantile(1 - (1 - p)),
                        within(1e-12 * Math.max(1, Math.abs(x))));
            }
        });
    }

    private static double width(Pool pool) {
        return pool.interval().high() - pool.interval().low();
    }

    private static List<FisherEstimate> randomStudies(RandomCases.Draw draw) {
        int k = draw.between("k", 1, 12);
        List<FisherEstimate> studies = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            CorrelationMethod method = draw.method("method" + i);
            int n = Math.max(PearsonScale.smallestSampleWithInterval(method), draw.sampleSize("n" + i));
            studies.add(FisherEstimate.of(method, draw.coefficient("r" + i), n).orElseThrow());
            if (draw.random().nextDouble() < 0.2) {
                studies.add(studies.get(draw.random().nextInt(studies.size())));
            }
        }
        return studies;
    }
}
