"""Correlation coefficients for eval pipelines: Pearson r, Spearman rho and Kendall tau-b, standard library only.

Memory and time, for n rows used:

* **Pearson** is computed in one pass with constant memory (Welford's co-moment update, numerically stable), so a
  CSV of any size streams through it.
* **Spearman** needs every value to rank it: the two columns are kept in memory as ``array('d')`` (16 bytes per
  row, plus some 100 bytes per row of working space while sorting) and ranked by sorting, O(n log n). Ties get average ranks ("mid-ranks") and rho is Pearson's r of the ranks,
  which is the tie-correct Spearman coefficient (the ``1 - 6 sum d^2 / (n^3 - n)`` shortcut is not used: it is wrong
  with ties).
* **Kendall tau-b** needs the columns in memory too and uses Knight's O(n log n) algorithm (sort by x then y, count
  the exchanges of a merge sort on y); ties in x, in y and in both are handled as tau-b prescribes:
  ``tau_b = (n_c - n_d) / sqrt((n0 - n1) (n0 - n2))``.

Rows whose eval or outcome cell is empty, not a number, or not finite are skipped and counted.
"""
from __future__ import annotations

import csv
import io
import math
from array import array
from dataclasses import dataclass, field
from datetime import date
from typing import IO, Callable, Iterator, List, Optional, Sequence, Tuple, Union

__all__ = [
    "METHODS",
    "CorrelationResult",
    "PearsonAccumulator",
    "PairReader",
    "StatsError",
    "correlate",
    "correlate_csv",
    "kendall_tau_b",
    "mid_ranks",
    "pearson",
    "spearman",
]

METHODS = ("pearson", "spearman", "kendall")


class StatsError(ValueError):
    """The coefficient does not exist for these data (too few rows, a constant column) or the input is unusable."""


class PearsonAccumulator:
    """Pearson's r over a stream of (x, y) pairs, one pass, constant memory (Welford's update)."""

    __slots__ = ("n", "_mean_x", "_mean_y", "_m2x", "_m2y", "_cxy")

    def __init__(self) -> None:
        self.n = 0
        self._mean_x = 0.0
        self._mean_y = 0.0
        self._m2x = 0.0
        self._m2y = 0.0
        self._cxy = 0.0

    def add(self, x: float, y: float) -> None:
        self.n += 1
        dx = x - self._mean_x
        dy = y - self._mean_y
        self._mean_x += dx / self.n
        self._mean_y += dy / self.n
        self._m2x += dx * (x - self._mean_x)
        self._m2y += dy * (y - self._mean_y)
        self._cxy += dx * (y - self._mean_y)

    def result(self) -> float:
        if self.n < 2:
            raise StatsError(f"a correlation needs at least 2 rows, got {self.n}")
        if self._m2x <= 0.0 or self._m2y <= 0.0:
            which = "eval" if self._m2x <= 0.0 else "outcome"
            raise StatsError(f"the {which} column is constant over the {self.n} rows used: no correlation exists")
        return _clamp(self._cxy / math.sqrt(self._m2x * self._m2y))


def pearson(xs: Sequence[float], ys: Sequence[float]) -> float:
    """Pearson's product-moment r."""
    _check_lengths(xs, ys)
    acc = PearsonAccumulator()
    for x, y in zip(xs, ys):
        acc.add(x, y)
    return acc.result()


def mid_ranks(values: Sequence[float]) -> List[float]:
    """1-based ranks, ties given the average of the ranks they span (``[10, 20, 20, 30]`` → ``[1, 2.5, 2.5, 4]``)."""
    order = sorted(range(len(values)), key=values.__getitem__)
    ranks = [0.0] * len(values)
    i = 0
    n = len(order)
    while i < n:
        j = i + 1
        value = values[order[i]]
        while j < n and values[order[j]] == value:
            j += 1
        rank = (i + j + 1) / 2.0  # the mean of the 1-based ranks i+1 .. j
        for k in range(i, j):
            ranks[order[k]] = rank
        i = j
    return ranks


def spearman(xs: Sequence[float], ys: Sequence[float]) -> float:
    """Spearman's rho: Pearson's r of the mid-ranks (tie-correct)."""
    _check_lengths(xs, ys)
    if len(xs) < 2:
        raise StatsError(f"a correlation needs at least 2 rows, got {len(xs)}")
    return pearson(mid_ranks(xs), mid_ranks(ys))


def kendall_tau_b(xs: Sequence[float], ys: Sequence[float]) -> float:
    """Kendall's tau-b, O(n log n) (Knight 1966): ties in x, y and both are handled."""
    _check_lengths(xs, ys)
    n = len(xs)
    if n < 2:
        raise StatsError(f"a correlation needs at least 2 rows, got {n}")
    order = sorted(range(n), key=ys.__getitem__)  # by y, then (stably) by x: by (x, y) without a tuple per row
    order.sort(key=xs.__getitem__)
    total = n * (n - 1) // 2
    ties_x = 0  # pairs tied in x (n1)
    ties_xy = 0  # pairs tied in both (n3)
    i = 0
    while i < n:
        j = i + 1
        x = xs[order[i]]
        while j < n and xs[order[j]] == x:
            j += 1
        ties_x += (j - i) * (j - i - 1) // 2
        k = i
        while k < j:  # inside one x group the ys are sorted: runs of equal y are joint ties
            m = k + 1
            y = ys[order[k]]
            while m < j and ys[order[m]] == y:
                m += 1
            ties_xy += (m - k) * (m - k - 1) // 2
            k = m
        i = j
    ordered_y = [ys[i] for i in order]
    exchanges = _sort_counting_exchanges(ordered_y)  # discordant pairs (n_d)
    ties_y = 0  # pairs tied in y (n2), from the now sorted ys
    i = 0
    while i < n:
        j = i + 1
        while j < n and ordered_y[j] == ordered_y[i]:
            j += 1
        ties_y += (j - i) * (j - i - 1) // 2
        i = j
    if ties_x == total or ties_y == total:
        which = "eval" if ties_x == total else "outcome"
        raise StatsError(f"the {which} column is constant over the {n} rows used: no correlation exists")
    concordant_minus_discordant = total - ties_x - ties_y + ties_xy - 2 * exchanges
    return _clamp(concordant_minus_discordant / math.sqrt((total - ties_x) * (total - ties_y)))


def _sort_counting_exchanges(values: List[float]) -> int:
    """Sorts ``values`` in place (bottom-up merge sort) and answers how many pairs were out of order (strictly)."""
    n = len(values)
    source = values
    target = [0.0] * n
    exchanges = 0
    width = 1
    while width < n:
        for start in range(0, n, 2 * width):
            mid = min(start + width, n)
            end = min(start + 2 * width, n)
            i, j, k = start, mid, start
            while i < mid and j < end:
                if source[j] < source[i]:
                    target[k] = source[j]
                    exchanges += mid - i
                    j += 1
                else:
                    target[k] = source[i]
                    i += 1
                k += 1
            while i < mid:
                target[k] = source[i]
                i += 1
                k += 1
            while j < end:
                target[k] = source[j]
                j += 1
                k += 1
        source, target = target, source
        width *= 2
    if source is not values:
        values[:] = source
    return exchanges


def correlate(method: str, xs: Sequence[float], ys: Sequence[float]) -> float:
    """The coefficient of ``method`` (pearson, spearman or kendall; case-insensitive)."""
    chosen = method.lower()
    if chosen == "pearson":
        return pearson(xs, ys)
    if chosen == "spearman":
        return spearman(xs, ys)
    if chosen == "kendall":
        return kendall_tau_b(xs, ys)
    raise StatsError(f"unknown method {method!r}: one of {', '.join(METHODS)}")


@dataclass
class CorrelationResult:
    """A coefficient computed from a CSV: what was used and what was skipped."""

    method: str  # PEARSON, SPEARMAN or KENDALL, as the API names it
    coefficient: float
    n: int  # rows used
    rows_read: int
    rows_skipped: int
    skipped_examples: List[Tuple[int, str]] = field(default_factory=list)  # (line number, why), the first few
    period_start: Optional[date] = None  # from the date column, when one was named
    period_end: Optional[date] = None


ProgressCallback = Callable[[int, int, int], None]  # rows read, rows used, rows skipped


class PairReader:
    """Streams (eval, outcome) pairs out of a CSV with a header row, skipping and counting unusable rows."""

    MAX_EXAMPLES = 5

    def __init__(self, source: Union[str, IO[str]], eval_column: str, outcome_column: str, *,
                 date_column: Optional[str] = None, progress: Optional[ProgressCallback] = None,
                 progress_every: int = 100_000, delimiter: Optional[str] = None) -> None:
        self.source = source
        self.eval_column = eval_column
        self.outcome_column = outcome_column
        self.date_column = date_column
        self.progress = progress
        self.progress_every = max(1, progress_every)
        self.delimiter = delimiter
        self.rows_read = 0
        self.rows_used = 0
        self.rows_skipped = 0
        self.skipped_examples: List[Tuple[int, str]] = []
        self.first_date: Optional[date] = None
        self.last_date: Optional[date] = None

    def __iter__(self) -> Iterator[Tuple[float, float]]:
        if isinstance(self.source, str):
            with open(self.source, newline="", encoding="utf-8-sig") as handle:
                yield from self._pairs(handle)
        else:
            yield from self._pairs(self.source)

    def _pairs(self, handle: IO[str]) -> Iterator[Tuple[float, float]]:
        reader = csv.reader(handle, delimiter=self.delimiter) if self.delimiter else csv.reader(handle)
        try:
            header = next(reader)
        except StopIteration:
            raise StatsError("the CSV is empty (no header row)") from None
        header = [name.strip() for name in header]
        x_index = self._column(header, self.eval_column, "eval")
        y_index = self._column(header, self.outcome_column, "outcome")
        d_index = self._column(header, self.date_column, "date") if self.date_column else None
        width = max(x_index, y_index, d_index if d_index is not None else -1)
        every = self.progress_every
        for row in reader:
            if not row or (len(row) == 1 and not row[0].strip()):
                continue  # a blank line is no row
            self.rows_read += 1
            line = reader.line_num
            if len(row) <= width:
                self._skip(line, f"has {len(row)} cells, fewer than the header's columns")
            else:
                x = _number(row[x_index])
                y = _number(row[y_index])
                if x is None or y is None:
                    column = self.eval_column if x is None else self.outcome_column
                    cell = row[x_index] if x is None else row[y_index]
                    self._skip(line, f"{column} is {'empty' if not cell.strip() else 'not a finite number: ' + repr(cell[:40])}")
                else:
                    if d_index is not None:
                        day = _day(row[d_index])
                        if day is None:
                            self._skip(line, f"{self.date_column} is not a date: {row[d_index][:40]!r}")
                            if self.progress and self.rows_read % every == 0:
                                self.progress(self.rows_read, self.rows_used, self.rows_skipped)
                            continue
                        if self.first_date is None or day < self.first_date:
                            self.first_date = day
                        if self.last_date is None or day > self.last_date:
                            self.last_date = day
                    self.rows_used += 1
                    yield x, y
            if self.progress and self.rows_read % every == 0:
                self.progress(self.rows_read, self.rows_used, self.rows_skipped)

    def _skip(self, line: int, why: str) -> None:
        self.rows_skipped += 1
        if len(self.skipped_examples) < self.MAX_EXAMPLES:
            self.skipped_examples.append((line, why))

    @staticmethod
    def _column(header: List[str], name: Optional[str], role: str) -> int:
        assert name is not None
        if name in header:
            return header.index(name)
        folded = [h.casefold() for h in header]
        if name.casefold() in folded:
            return folded.index(name.casefold())
        raise StatsError(f"the CSV has no {role} column {name!r}; its columns: {', '.join(header) or '(none)'}")


def correlate_csv(source: Union[str, IO[str]], eval_column: str, outcome_column: str, *, method: str = "pearson",
                  date_column: Optional[str] = None, progress: Optional[ProgressCallback] = None,
                  progress_every: int = 100_000) -> CorrelationResult:
    """Reads the CSV once and computes the coefficient of ``method`` and its n.

    Pearson streams in constant memory; Spearman and Kendall keep the two columns in memory (16 bytes per row).
    """
    chosen = method.lower()
    if chosen not in METHODS:
        raise StatsError(f"unknown method {method!r}: one of {', '.join(METHODS)}")
    reader = PairReader(source, eval_column, outcome_column, date_column=date_column, progress=progress,
                        progress_every=progress_every)
    if chosen == "pearson":
        acc = PearsonAccumulator()
        for x, y in reader:
            acc.add(x, y)
        coefficient = acc.result()
        n = acc.n
    else:
        xs = array("d")
        ys = array("d")
        for x, y in reader:
            xs.append(x)
            ys.append(y)
        coefficient = correlate(chosen, xs, ys)
        n = len(xs)
    return CorrelationResult(method=chosen.upper(), coefficient=coefficient, n=n, rows_read=reader.rows_read,
                             rows_skipped=reader.rows_skipped, skipped_examples=list(reader.skipped_examples),
                             period_start=reader.first_date, period_end=reader.last_date)


def correlate_text(text: str, eval_column: str, outcome_column: str, **kwargs: object) -> CorrelationResult:
    """:func:`correlate_csv` over CSV text (for tests and notebooks)."""
    return correlate_csv(io.StringIO(text), eval_column, outcome_column, **kwargs)  # type: ignore[arg-type]


def _number(cell: str) -> Optional[float]:
    text = cell.strip()
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def _day(cell: str) -> Optional[date]:
    text = cell.strip()
    if len(text) < 10:
        return None
    try:
        return date.fromisoformat(text[:10])  # a date, or the date part of an ISO instant
    except ValueError:
        return None


def _check_lengths(xs: Sequence[float], ys: Sequence[float]) -> None:
    if len(xs) != len(ys):
        raise StatsError(f"the columns differ in length: {len(xs)} and {len(ys)}")


def _clamp(value: float) -> float:
    return max(-1.0, min(1.0, value))
