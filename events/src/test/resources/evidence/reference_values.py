#!/usr/bin/env python3
"""Reference values for the evidence statistics, computed independently of the Java code.

Only the Python standard library is used: math (atanh, tanh, sin, cos, erfc) and statistics.NormalDist, whose
inv_cdf is Wichura's AS241, a different algorithm from the Java one. The formulas are written here straight from
the product's evidence rules, in their naive form, without the numerically stable rewrites the Java code uses.

Run from this folder:  python3 reference_values.py
It rewrites intervals.csv, pools.csv, normal.csv and samples_needed.csv beside it; the Java tests read them.
"""
import csv
import math
import os
from statistics import NormalDist

CLAMP = 0.999999
STANDARD = NormalDist()
HERE = os.path.dirname(os.path.abspath(__file__))


def clamp(x):
    return max(-CLAMP, min(CLAMP, x))


def pearson_equivalent(method, r):
    if method == "PEARSON":
        return r
    if method == "SPEARMAN":
        return 2 * math.sin(math.pi * r / 6)
    if method == "KENDALL":
        return math.sin(math.pi * r / 2)
    raise ValueError(method)


def has_interval(method, n):
    return n > (4 if method == "KENDALL" else 3)


def z_and_variance(method, r, n):
    rho = pearson_equivalent(method, r)
    z = math.atanh(clamp(rho))
    if method == "PEARSON":
        var = 1 / (n - 3)
    else:
        rc = clamp(r)
        rho_c = pearson_equivalent(method, rc)
        if method == "SPEARMAN":
            g = (math.pi / 3) * math.cos(math.pi * rc / 6) * (1 - rc ** 2) / (1 - rho_c ** 2)
            var = 1.06 / (n - 3) * g ** 2
        else:
            g = (math.pi / 2) * math.cos(math.pi * rc / 2) * (1 - rc ** 2) / (1 - rho_c ** 2)
            var = 0.437 / (n - 4) * g ** 2
    return rho, z, var


def quantile(confidence):
    return STANDARD.inv_cdf((1 + confidence) / 2)


def interval(z, var, confidence):
    half = quantile(confidence) * math.sqrt(var)
    return math.tanh(z - half), math.tanh(z + half)


def upper_tail(x):
    return 0.5 * math.erfc(x / math.sqrt(2))


def lower_tail(x):
    return 0.5 * math.erfc(-x / math.sqrt(2))


def fmt(x):
    return "" if x is None else repr(float(x))


def write(name, header, rows):
    with open(os.path.join(HERE, name), "w", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def intervals():
    cases = [
        # The product's two examples.
        ("PEARSON", 0.72, 120, 0.95),
        ("PEARSON", 0.81, 1200, 0.95),
        # Small samples: no interval at n <= 3 (n <= 4 for KENDALL), then the first ones that have one.
        ("PEARSON", 0.02, 3, 0.95), ("PEARSON", 0.5, 4, 0.95), ("PEARSON", 0.5, 5, 0.9),
        ("SPEARMAN", 0.4, 3, 0.95), ("SPEARMAN", 0.4, 4, 0.99), ("SPEARMAN", 0.4, 5, 0.95),
        ("KENDALL", 0.5, 4, 0.95), ("KENDALL", 0.5, 5, 0.95), ("KENDALL", -0.5, 5, 0.99),
        # Near and at +-1, where the clamps act.
        ("PEARSON", 0.999, 30, 0.95), ("PEARSON", -0.9999, 10, 0.99), ("PEARSON", 1.0, 100, 0.95),
        ("PEARSON", -1.0, 25, 0.9), ("SPEARMAN", 0.999999, 50, 0.95), ("SPEARMAN", 1.0, 10, 0.95),
        ("SPEARMAN", -1.0, 8, 0.99), ("SPEARMAN", 0.99, 40, 0.95), ("KENDALL", 1.0, 20, 0.95),
        ("KENDALL", -0.99, 50, 0.9), ("KENDALL", 0.999999, 100, 0.95), ("KENDALL", 0.95, 60, 0.99),
        # Odd confidences.
        ("PEARSON", 0.3, 50, 0.51), ("PEARSON", 0.3, 50, 0.999), ("KENDALL", 0.2, 500, 0.8),
    ]
    for method in ("PEARSON", "SPEARMAN", "KENDALL"):
        for r in (-0.95, -0.5, -0.1, 0.0, 0.2, 0.7, 0.99):
            for n in (6, 30, 1000):
                for c in (0.9, 0.95, 0.99):
                    cases.append((method, r, n, c))
    rows = []
    for method, r, n, c in cases:
        if has_interval(method, n):
            rho, z, var = z_and_variance(method, r, n)
            low, high = interval(z, var, c)
        else:
            rho, z, var, low, high = pearson_equivalent(method, r), None, None, None, None
        rows.append([method, fmt(r), n, fmt(c), fmt(rho), fmt(z), fmt(var), fmt(low), fmt(high)])
    write("intervals.csv", ["method", "r", "n", "confidence", "rho", "z", "variance", "low", "high"], rows)


def pools():
    cases = [
        ("the two product examples together", 0.95, "POSITIVE", 0.70,
         [("PEARSON", 0.72, 120), ("PEARSON", 0.81, 1200)]),
        ("three methods on one scale", 0.9, "POSITIVE", 0.5,
         [("PEARSON", 0.55, 200), ("SPEARMAN", 0.60, 150), ("KENDALL", 0.42, 80)]),
        ("heterogeneous studies", 0.95, "POSITIVE", 0.3,
         [("PEARSON", 0.1, 500), ("PEARSON", 0.6, 500), ("PEARSON", 0.35, 300)]),
        ("negative direction", 0.99, "NEGATIVE", 0.3,
         [("PEARSON", -0.4, 100), ("SPEARMAN", -0.45, 60)]),
        ("one study", 0.95, "POSITIVE", 0.4, [("PEARSON", 0.5, 50)]),
        ("four identical studies", 0.95, "POSITIVE", 0.4, [("PEARSON", 0.5, 50)] * 4),
        ("homogeneous studies", 0.95, "POSITIVE", 0.2,
         [("PEARSON", 0.30, 100), ("PEARSON", 0.32, 120), ("PEARSON", 0.29, 90)]),
        ("four refutations and one support for one month", 0.95, "POSITIVE", 0.7,
         [("PEARSON", 0.40, 500), ("PEARSON", 0.45, 500), ("PEARSON", 0.38, 500), ("PEARSON", 0.42, 500),
          ("PEARSON", 0.80, 500)]),
        ("opposite sign to the direction", 0.95, "POSITIVE", 0.1,
         [("KENDALL", -0.2, 400), ("SPEARMAN", -0.15, 300)]),
    ]
    rows = []
    for name, c, direction, bar, studies in cases:
        weights, zs, total_n = [], [], 0
        for method, r, n in studies:
            _, z, var = z_and_variance(method, r, n)
            weights.append(1 / var)
            zs.append(z)
            total_n += n
        sum_w = sum(weights)
        z_bar = sum(w * z for w, z in zip(weights, zs)) / sum_w
        se = 1 / math.sqrt(sum_w)
        low, high = interval(z_bar, se * se, c)
        q = sum(w * (z - z_bar) ** 2 for w, z in zip(weights, zs))
        k = len(studies)
        i2 = 0.0 if k == 1 or q == 0 else max(0.0, (q - (k - 1)) / q)
        oriented = z_bar if direction == "POSITIVE" else -z_bar
        p = upper_tail((oriented - math.atanh(bar)) / se)
        text = ";".join(f"{m}:{r!r}:{n}" for m, r, n in studies)
        rows.append([name, fmt(c), direction, fmt(bar), text, k, total_n, fmt(z_bar), fmt(se), fmt(math.tanh(z_bar)),
                     fmt(low), fmt(high), fmt(q), fmt(i2), fmt(p)])
    write("pools.csv", ["case", "confidence", "direction", "bar", "studies", "correlations", "sampleSize", "zBar",
                        "standardError", "estimate", "low", "high", "q", "iSquared", "pValue"], rows)


def normal():
    rows = []
    for p in (1e-300, 1e-100, 1e-20, 1e-10, 1e-5, 0.001, 0.01, 0.02, 0.02425, 0.025, 0.05, 0.1, 0.3, 0.5, 0.7,
              0.9, 0.95, 0.975, 0.97575, 0.98, 0.99, 0.995, 0.999, 1 - 1e-10):
        rows.append(["quantile", fmt(p), fmt(STANDARD.inv_cdf(p))])
    for x in (-38.0, -20.0, -10.0, -5.0, -3.0, -2.5, -2.0, -1.96, -1.0, -0.5, -1e-9, 0.0, 0.3, 1.0, 1.5, 1.96, 2.0,
              2.5, 3.0, 5.0, 8.0, 10.0, 20.0, 38.0):
        rows.append(["cdf", fmt(x), fmt(lower_tail(x))])
        rows.append(["upperTail", fmt(x), fmt(upper_tail(x))])
    write("normal.csv", ["function", "argument", "value"], rows)


def samples_needed():
    rows = []
    for bar in (0.05, 0.1, 0.3, 0.5, 0.7, 0.85, 0.89, 0.9, 0.95, 0.98, 0.989, 0.99, 1.0):
        for c in (0.9, 0.95, 0.99):
            if bar >= 0.99:
                needed = ""
            else:
                target = min(bar + 0.1, 0.99)
                needed = math.ceil((quantile(c) / (math.atanh(target) - math.atanh(bar))) ** 2) + 3
            rows.append([fmt(bar), fmt(c), needed])
    write("samples_needed.csv", ["minCorrelation", "confidence", "samplesNeeded"], rows)


if __name__ == "__main__":
    intervals()
    pools()
    normal()
    samples_needed()
