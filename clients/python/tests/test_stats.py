"""Coefficients against known values: hand-worked examples (worked out in the comments), textbook data sets, and an
O(n^2) reference by the definition for tau-b and exact rational arithmetic for Pearson. No third-party package is
used, at test time or otherwise."""
from __future__ import annotations

import io
import math
import random
import unittest
from datetime import date
from fractions import Fraction
from typing import List, Sequence

from mlc.stats import (CorrelationResult, PearsonAccumulator, StatsError, correlate_csv, kendall_tau_b, mid_ranks,
                       pearson, spearman)


def exact_pearson(xs: Sequence[float], ys: Sequence[float]) -> float:
    """Pearson's r with every sum in exact rationals (only the final square root is floating point)."""
    fx = [Fraction(x) for x in xs]
    fy = [Fraction(y) for y in ys]
    n = len(fx)
    mx = sum(fx) / n
    my = sum(fy) / n
    sxy = sum((a - mx) * (b - my) for a, b in zip(fx, fy))
    sxx = sum((a - mx) ** 2 for a in fx)
    syy = sum((b - my) ** 2 for b in fy)
    return float(sxy) / math.sqrt(float(sxx * syy))


def tau_b_by_definition(xs: Sequence[float], ys: Sequence[float]) -> float:
    """Kendall's tau-b straight from its definition, over all n(n-1)/2 pairs."""
    concordant = discordant = only_x_tied = only_y_tied = 0
    n = len(xs)
    for i in range(n):
        for j in range(i + 1, n):
            dx = (xs[i] > xs[j]) - (xs[i] < xs[j])
            dy = (ys[i] > ys[j]) - (ys[i] < ys[j])
            if dx == 0 and dy == 0:
                continue
            if dx == 0:
                only_x_tied += 1
            elif dy == 0:
                only_y_tied += 1
            elif dx == dy:
                concordant += 1
            else:
                discordant += 1
    return (concordant - discordant) / math.sqrt((concordant + discordant + only_x_tied)
                                                 * (concordant + discordant + only_y_tied))


# Anscombe's quartet (Anscombe 1973, "Graphs in statistical analysis"): every set has the published r = 0.816
# (to 3 decimals, truncated: set IV is 0.8165).
ANSCOMBE_X = [10, 8, 13, 9, 11, 14, 6, 4, 12, 7, 5]
ANSCOMBE = {
    "I": (ANSCOMBE_X, [8.04, 6.95, 7.58, 8.81, 8.33, 9.96, 7.24, 4.26, 10.84, 4.82, 5.68]),
    "II": (ANSCOMBE_X, [9.14, 8.14, 8.74, 8.77, 9.26, 8.10, 6.13, 3.10, 9.13, 7.26, 4.74]),
    "III": (ANSCOMBE_X, [7.46, 6.77, 12.74, 7.11, 7.81, 8.84, 6.08, 5.39, 8.15, 6.42, 5.73]),
    "IV": ([8, 8, 8, 8, 8, 8, 8, 19, 8, 8, 8], [6.58, 5.76, 7.71, 8.84, 8.47, 7.04, 5.25, 12.50, 5.56, 7.91, 6.89]),
}

# IQ and hours of television per week (the worked example of Spearman's rho in most textbooks and in Wikipedia):
# no ties, sum d^2 = 194, rho = 1 - 6 * 194 / (10 * (100 - 1)) = -29/165.
IQ = [106, 100, 86, 101, 99, 103, 97, 113, 112, 110]
TV = [7, 27, 2, 50, 28, 29, 20, 12, 6, 17]


class PearsonTest(unittest.TestCase):
    def test_hand_worked(self) -> None:
        # x = 1..5, y = 2,4,5,4,5: deviations (-2,-1,0,1,2) and (-2,0,1,0,1); Sxy = 6, Sxx = 10, Syy = 6;
        # r = 6 / sqrt(60) = sqrt(0.6).
        self.assertAlmostEqual(pearson([1, 2, 3, 4, 5], [2, 4, 5, 4, 5]), math.sqrt(0.6), places=14)

    def test_perfect_lines(self) -> None:
        self.assertAlmostEqual(pearson([1, 2, 3], [10, 20, 30]), 1.0, places=14)
        self.assertAlmostEqual(pearson([1, 2, 3], [3, 2, 1]), -1.0, places=14)

    def test_anscombe_quartet(self) -> None:
        for name, (xs, ys) in ANSCOMBE.items():
            with self.subTest(set=name):
                r = pearson(xs, ys)
                self.assertTrue(0.816 <= r < 0.817, r)
                self.assertAlmostEqual(r, exact_pearson(xs, ys), places=12)

    def test_streaming_is_stable_far_from_zero(self) -> None:
        # A large offset ruins the naive sum-of-squares formula; Welford's update keeps r.
        xs = [1e9 + v for v in (1, 2, 3, 4, 5)]
        self.assertAlmostEqual(pearson(xs, [2, 4, 5, 4, 5]), math.sqrt(0.6), places=9)

    def test_random_against_exact_arithmetic(self) -> None:
        rng = random.Random(7)
        xs = [rng.gauss(0, 1) for _ in range(500)]
        ys = [0.6 * x + rng.gauss(0, 1) for x in xs]
        self.assertAlmostEqual(pearson(xs, ys), exact_pearson(xs, ys), places=12)

    def test_undefined(self) -> None:
        with self.assertRaises(StatsError):
            pearson([1], [2])
        with self.assertRaisesRegex(StatsError, "eval column is constant"):
            pearson([3, 3, 3], [1, 2, 3])
        with self.assertRaisesRegex(StatsError, "outcome column is constant"):
            pearson([1, 2, 3], [0, 0, 0])
        acc = PearsonAccumulator()
        with self.assertRaises(StatsError):
            acc.result()


class SpearmanTest(unittest.TestCase):
    def test_mid_ranks(self) -> None:
        self.assertEqual(mid_ranks([10, 20, 20, 30]), [1.0, 2.5, 2.5, 4.0])
        self.assertEqual(mid_ranks([5, 5, 5]), [2.0, 2.0, 2.0])
        self.assertEqual(mid_ranks([3, 1, 2]), [3.0, 1.0, 2.0])

    def test_textbook_without_ties(self) -> None:
        self.assertAlmostEqual(spearman(IQ, TV), -29 / 165, places=14)

    def test_hand_worked_with_ties_in_y(self) -> None:
        # y = 2,4,5,4,5 has mid-ranks 1, 2.5, 4.5, 2.5, 4.5; with x ranks 1..5: Sxy = 7, Sxx = 10, Syy = 9,
        # rho = 7 / sqrt(90) = 0.737864787...
        self.assertAlmostEqual(spearman([1, 2, 3, 4, 5], [2, 4, 5, 4, 5]), 7 / math.sqrt(90), places=14)

    def test_hand_worked_with_one_tie(self) -> None:
        # y = 5,6,7,8,7 ranks 1, 2, 3.5, 5, 3.5: Sxy = 8, Sxx = 10, Syy = 9.5, rho = 8 / sqrt(95) = 0.820782681...
        self.assertAlmostEqual(spearman([1, 2, 3, 4, 5], [5, 6, 7, 8, 7]), 8 / math.sqrt(95), places=14)

    def test_ties_in_both_columns(self) -> None:
        # x = 1,1,2,2 ranks 1.5,1.5,3.5,3.5; y = 1,2,2,3 ranks 1,2.5,2.5,4: deviations (-1,-1,1,1) and
        # (-1.5,0,0,1.5): Sxy = 3, Sxx = 4, Syy = 4.5, rho = 3 / sqrt(18) = 1/sqrt(2).
        self.assertAlmostEqual(spearman([1, 1, 2, 2], [1, 2, 2, 3]), 1 / math.sqrt(2), places=14)

    def test_the_no_ties_shortcut_would_be_wrong_with_ties(self) -> None:
        # 1 - 6 sum d^2 / (n^3 - n) with mid-ranks gives 0.75 for the example above, not 0.7378...
        xs, ys = [1, 2, 3, 4, 5], [2, 4, 5, 4, 5]
        d2 = sum((a - b) ** 2 for a, b in zip(mid_ranks(xs), mid_ranks(ys)))
        shortcut = 1 - 6 * d2 / (5 ** 3 - 5)
        self.assertNotAlmostEqual(spearman(xs, ys), shortcut, places=3)

    def test_monotone_is_one(self) -> None:
        self.assertAlmostEqual(spearman([1, 2, 3, 4], [1, 8, 27, 64]), 1.0, places=14)


class KendallTest(unittest.TestCase):
    def test_hand_worked_with_ties_in_y(self) -> None:
        # x = 1..5, y = 2,4,5,4,5: 10 pairs, 7 concordant, 1 discordant, 2 tied in y only (n2 = 2, n1 = 0):
        # tau_b = (7 - 1) / sqrt(10 * 8) = 0.670820393...
        self.assertAlmostEqual(kendall_tau_b([1, 2, 3, 4, 5], [2, 4, 5, 4, 5]), 6 / math.sqrt(80), places=14)

    def test_hand_worked_with_ties_in_both(self) -> None:
        # x = 12,2,1,12,2, y = 1,4,7,1,0: concordant (0,4),(3,4); discordant (0,1),(0,2),(1,2),(1,3),(2,3),(2,4);
        # tied in x: (0,3),(1,4) (n1 = 2); tied in y: (0,3) (n2 = 1), (0,3) tied in both.
        # tau_b = (2 - 6) / sqrt((10 - 2) * (10 - 1)) = -4 / sqrt(72) = -0.471404520...
        self.assertAlmostEqual(kendall_tau_b([12, 2, 1, 12, 2], [1, 4, 7, 1, 0]), -4 / math.sqrt(72), places=14)

    def test_no_ties(self) -> None:
        # 1,2,3,4 against 1,3,2,4: one discordant pair of six: (5 - 1) / 6.
        self.assertAlmostEqual(kendall_tau_b([1, 2, 3, 4], [1, 3, 2, 4]), 4 / 6, places=14)
        self.assertAlmostEqual(kendall_tau_b([1, 2, 3], [3, 2, 1]), -1.0, places=14)

    def test_textbook_iq_tv_against_definition(self) -> None:
        self.assertAlmostEqual(kendall_tau_b(IQ, TV), tau_b_by_definition(IQ, TV), places=14)
        # 45 pairs, no ties: 20 concordant and 25 discordant, tau = -5/45 = -1/9.
        self.assertAlmostEqual(kendall_tau_b(IQ, TV), -1 / 9, places=14)

    def test_anscombe_iv_heavy_ties_against_definition(self) -> None:
        xs, ys = ANSCOMBE["IV"]
        self.assertAlmostEqual(kendall_tau_b(xs, ys), tau_b_by_definition(xs, ys), places=14)

    def test_random_with_many_ties_against_definition(self) -> None:
        rng = random.Random(11)
        for trial in range(60):
            n = rng.randint(2, 60)
            xs = [float(rng.randint(0, 4)) for _ in range(n)]
            ys = [float(rng.randint(0, 4)) for _ in range(n)]
            if len(set(xs)) < 2 or len(set(ys)) < 2:
                continue
            with self.subTest(trial=trial):
                self.assertAlmostEqual(kendall_tau_b(xs, ys), tau_b_by_definition(xs, ys), places=12)

    def test_larger_sample_against_definition(self) -> None:
        rng = random.Random(5)
        xs = [round(rng.gauss(0, 1), 1) for _ in range(600)]
        ys = [round(x + rng.gauss(0, 1), 1) for x in xs]
        self.assertAlmostEqual(kendall_tau_b(xs, ys), tau_b_by_definition(xs, ys), places=12)

    def test_undefined(self) -> None:
        with self.assertRaises(StatsError):
            kendall_tau_b([1], [1])
        with self.assertRaisesRegex(StatsError, "eval column is constant"):
            kendall_tau_b([2, 2, 2], [1, 2, 3])


CSV = """session,day,eval_score,user_reports
s1,2026-11-01,0.9,1
s2,2026-11-02,0.8,
s3,2026-11-02,0.7,3
s4,2026-11-03,n/a,2
s5,2026-11-04,0.5,5

s6,2026-11-30T23:10:00Z,0.6,4
s7,2026-11-05,nan,4
s8,2026-11-06
"""


class CsvTest(unittest.TestCase):
    def test_skips_and_counts_unusable_rows(self) -> None:
        result = correlate_csv(io.StringIO(CSV), "eval_score", "user_reports", method="pearson")
        self.assertIsInstance(result, CorrelationResult)
        self.assertEqual(result.method, "PEARSON")
        self.assertEqual(result.n, 4)  # s1, s3, s5, s6
        self.assertEqual(result.rows_read, 8)  # the blank line is no row
        self.assertEqual(result.rows_skipped, 4)
        lines = [line for line, _ in result.skipped_examples]
        self.assertEqual(lines, [3, 5, 9, 10])
        self.assertIn("user_reports is empty", result.skipped_examples[0][1])
        self.assertIn("not a finite number", result.skipped_examples[1][1])
        self.assertAlmostEqual(result.coefficient, pearson([0.9, 0.7, 0.5, 0.6], [1, 3, 5, 4]), places=14)

    def test_methods_and_the_date_column(self) -> None:
        for method, expected in (("spearman", spearman([0.9, 0.7, 0.5, 0.6], [1, 3, 5, 4])),
                                 ("kendall", kendall_tau_b([0.9, 0.7, 0.5, 0.6], [1, 3, 5, 4]))):
            with self.subTest(method=method):
                result = correlate_csv(io.StringIO(CSV), "eval_score", "user_reports", method=method,
                                       date_column="day")
                self.assertEqual(result.method, method.upper())
                self.assertAlmostEqual(result.coefficient, expected, places=14)
                self.assertEqual((result.period_start, result.period_end), (date(2026, 11, 1), date(2026, 11, 30)))

    def test_progress_every_n_rows(self) -> None:
        text = "x,y\n" + "".join(f"{i},{i * i % 17}\n" for i in range(1, 1001))
        calls: List[tuple] = []
        result = correlate_csv(io.StringIO(text), "x", "y", progress=lambda *a: calls.append(a), progress_every=250)
        self.assertEqual(result.n, 1000)
        self.assertEqual(calls, [(250, 250, 0), (500, 500, 0), (750, 750, 0), (1000, 1000, 0)])

    def test_unknown_column_names_the_columns(self) -> None:
        with self.assertRaisesRegex(StatsError, "no outcome column 'reports'.*session, day, eval_score"):
            correlate_csv(io.StringIO(CSV), "eval_score", "reports")

    def test_too_few_usable_rows(self) -> None:
        with self.assertRaisesRegex(StatsError, "at least 2 rows, got 1"):
            correlate_csv(io.StringIO("x,y\n1,2\n,3\n"), "x", "y")


if __name__ == "__main__":
    unittest.main()
