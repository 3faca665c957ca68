"""The ``mlc`` command: correlate, gate, shadow open|conclude|list, review.

Exit codes: 0 success (for ``gate``: the metric is VALIDATED); 1 ``gate`` refused (the metric is not VALIDATED);
2 usage errors, unreadable input, the service unreachable, or an error answer of the service (its problem document
is printed on stderr: the detail, then each field error).
"""
from __future__ import annotations

import argparse
import json
import os
import re
import sys
from datetime import date, datetime, timedelta, timezone
from typing import Any, Dict, List, Mapping, Optional, Sequence, TextIO, Tuple

from . import __version__
from .client import ApiError, Client, MlcError, TransportError
from .stats import METHODS, CorrelationResult, StatsError, correlate_csv

EXIT_OK = 0
EXIT_GATE_REFUSED = 1
EXIT_ERROR = 2

REVALIDATION_WARNING = timedelta(days=14)


class _Output:
    def __init__(self, out: TextIO, err: TextIO) -> None:
        self.out = out
        self.err = err

    def say(self, text: str = "") -> None:
        print(text, file=self.out)

    def warn(self, text: str) -> None:
        print(f"mlc: {text}", file=self.err)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="mlc",
        description="Client of the metric lifecycle service. Credentials: MLC_URL (default http://127.0.0.1:8080), "
                    "MLC_USER and MLC_PASSWORD (HTTP Basic) or MLC_TOKEN (Bearer).")
    parser.add_argument("--version", action="version", version=f"mlc {__version__}")
    parser.add_argument("--url", help="the service's base URL (default: $MLC_URL or http://127.0.0.1:8080)")
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds per request (default 30)")
    parser.add_argument("--json", action="store_true", help="print the service's JSON answer instead of prose")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.required = True

    correlate = commands.add_parser(
        "correlate", help="compute a correlation from a CSV of per-session rows and record it",
        description="Reads the CSV once (header row; rows with an empty or non-numeric cell in either column are "
                    "skipped and counted), computes the coefficient and n, and records it against the hypothesis. "
                    "Pearson streams in constant memory; Spearman and Kendall keep the two columns in memory.")
    correlate.add_argument("--metric", required=True, metavar="ID")
    correlate.add_argument("--hypothesis", required=True, metavar="ID")
    correlate.add_argument("--csv", required=True, metavar="FILE", help="the CSV file ('-' for standard input)")
    correlate.add_argument("--eval-column", required=True, metavar="X", help="the column holding the eval's score")
    correlate.add_argument("--outcome-column", required=True, metavar="Y", help="the column holding the outcome")
    correlate.add_argument("--method", choices=METHODS, default="pearson", type=str.lower)
    correlate.add_argument("--period-start", type=_iso_date, metavar="D", help="first day measured (YYYY-MM-DD)")
    correlate.add_argument("--period-end", type=_iso_date, metavar="D", help="last day measured (YYYY-MM-DD)")
    correlate.add_argument("--date-column", metavar="C",
                           help="a column of dates (or ISO instants): the period defaults to its first..last day")
    correlate.add_argument("--source", metavar="NAME", help="the pipeline or data set that measured it")
    correlate.add_argument("--supersedes", metavar="ID", help="the correlation this one corrects")
    correlate.add_argument("--definition-version", metavar="V", help="the metric definition version measured")
    correlate.add_argument("--idempotency-key", metavar="KEY",
                           help="reuse a key to make a re-run of the same job record once (default: a fresh UUID)")
    correlate.add_argument("--dry-run", action="store_true", help="compute and print; record nothing")
    correlate.add_argument("--progress", action="store_true", default=None,
                           help="report progress on stderr even when it is not a terminal")
    correlate.add_argument("--no-progress", dest="progress", action="store_false", help="never report progress")
    correlate.add_argument("--progress-every", type=_positive_int, default=100_000, metavar="N",
                           help="rows between progress lines (default 100000)")
    correlate.set_defaults(handler=_correlate)

    gate = commands.add_parser(
        "gate", help="exit 0 only when the metric is VALIDATED (a CI step)",
        description="Exits 0 when the metric's status is VALIDATED; otherwise prints why and exits 1 "
                    "(2 on usage or HTTP errors).")
    gate.add_argument("--metric", required=True, metavar="ID")
    gate.set_defaults(handler=_gate)

    shadow = commands.add_parser("shadow", help="shadow checks: the eval's track record")
    shadow_commands = shadow.add_subparsers(dest="shadow_command", metavar="ACTION")
    shadow_commands.required = True
    opening = shadow_commands.add_parser("open", help="open a shadow check before a change ships")
    opening.add_argument("--metric", required=True, metavar="ID")
    opening.add_argument("--hypothesis", required=True, metavar="ID")
    opening.add_argument("--change", required=True, metavar="TEXT", help="what changed (1-200 characters)")
    opening.add_argument("--eval-delta", required=True, type=_float, metavar="X", help="the eval's delta (non-zero)")
    opening.add_argument("--observe-for", metavar="DURATION", help="ISO-8601 duration (service default PT72H)")
    opening.set_defaults(handler=_shadow_open)
    concluding = shadow_commands.add_parser("conclude", help="post the observed outcome delta")
    concluding.add_argument("--metric", required=True, metavar="ID")
    concluding.add_argument("--check", required=True, metavar="ID")
    concluding.add_argument("--outcome-delta", required=True, type=_float, metavar="X")
    concluding.add_argument("--sample-size", type=_positive_int, metavar="N")
    concluding.add_argument("--note", metavar="TEXT")
    concluding.set_defaults(handler=_shadow_conclude)
    listing = shadow_commands.add_parser("list", help="the metric's shadow checks")
    listing.add_argument("--metric", required=True, metavar="ID")
    listing.set_defaults(handler=_shadow_list)

    review = commands.add_parser("review", help="print a team's quarterly review")
    review.add_argument("--team", required=True, metavar="T")
    review.add_argument("--format", choices=("md", "csv", "json"), default="md", type=str.lower)
    review.set_defaults(handler=_review)
    return parser


def main(argv: Optional[Sequence[str]] = None, *, env: Optional[Mapping[str, str]] = None,
         stdout: Optional[TextIO] = None, stderr: Optional[TextIO] = None,
         client: Optional[Client] = None) -> int:
    """Runs the command line and answers its exit code (argparse exits 2 itself on a usage error)."""
    output = _Output(stdout or sys.stdout, stderr or sys.stderr)
    args = build_parser().parse_args(argv)
    environment = os.environ if env is None else env
    try:
        if client is None:
            overrides: Dict[str, Any] = {"timeout": args.timeout}
            if args.url:
                overrides["base_url"] = args.url
            client = Client.from_env(environment, **overrides)
        return int(args.handler(args, client, output))
    except ApiError as error:
        output.warn(error.describe())
        return EXIT_ERROR
    except TransportError as error:
        output.warn(str(error))
        if error.idempotency_key and args.command == "correlate":
            output.warn(f"it may have been recorded: re-run with --idempotency-key {error.idempotency_key} "
                        "to record it at most once")
        return EXIT_ERROR
    except StatsError as error:
        output.warn(str(error))
        return EXIT_ERROR
    except (OSError, UnicodeDecodeError) as error:
        output.warn(f"cannot read the input: {error}")
        return EXIT_ERROR
    except (MlcError, ValueError) as error:
        output.warn(str(error))
        return EXIT_ERROR
    except KeyboardInterrupt:
        output.warn("interrupted")
        return 130


# ---------------------------------------------------------------------------------------------- correlate

def _correlate(args: argparse.Namespace, client: Client, output: _Output) -> int:
    if args.period_start and args.period_end and args.period_start > args.period_end:
        output.warn("--period-start is after --period-end")
        return EXIT_ERROR
    show_progress = args.progress if args.progress is not None else _is_tty(output.err)
    progress = _ProgressLine(output.err, _is_tty(output.err)) if show_progress else None
    source: Any = sys.stdin if args.csv == "-" else args.csv
    try:
        result = correlate_csv(source, args.eval_column, args.outcome_column, method=args.method,
                               date_column=args.date_column, progress=progress.update if progress else None,
                               progress_every=args.progress_every)
    finally:
        if progress:
            progress.finish()
    period_start, period_end = _period(args, result, output)
    _describe_result(result, period_start, period_end, output, quiet=args.json)
    if args.dry_run:
        if args.json:
            output.say(json.dumps(_result_json(result, period_start, period_end), indent=2))
        else:
            output.say("dry run: nothing recorded")
        return EXIT_OK
    answer = client.record_correlation(
        args.metric, args.hypothesis, result.coefficient, result.n, period_start, period_end,
        method=result.method, source=args.source, definition_version=args.definition_version,
        supersedes=args.supersedes, idempotency_key=args.idempotency_key)
    if args.json:
        output.say(json.dumps(answer, indent=2))
        return EXIT_OK
    hypothesis_status = answer.get("hypothesisStatus")
    metric_status: Optional[str] = None
    if hypothesis_status is None:
        # A service that does not answer the hypothesis's status yet: read it back from the metric view.
        try:
            view = client.get_metric(args.metric)
            metric_status = view.get("status")
            for hypothesis in view.get("hypotheses") or []:
                if hypothesis.get("hypothesisId") == args.hypothesis:
                    hypothesis_status = hypothesis.get("status")
        except MlcError:
            pass
    line = f"recorded correlation {answer.get('correlationId', '?')}: verdict {answer.get('verdict', '?')}"
    line += f", interval {_interval(answer.get('interval'))}" if "interval" in answer else ""
    if hypothesis_status:
        line += f", hypothesis {hypothesis_status}"
    if metric_status:
        line += f", metric {metric_status}"
    output.say(line)
    return EXIT_OK


def _period(args: argparse.Namespace, result: CorrelationResult, output: _Output) -> Tuple[date, date]:
    start: Optional[date] = args.period_start or result.period_start
    end: Optional[date] = args.period_end or result.period_end
    if start is None and end is None:
        today = datetime.now(timezone.utc).date()
        output.warn(f"no --period-start/--period-end or --date-column: recording the period as today ({today})")
        return today, today
    if start is None:
        start = end
    if end is None:
        end = start
    assert start is not None and end is not None
    if start > end:
        raise ValueError(f"the period starts ({start}) after it ends ({end})")
    return start, end


def _describe_result(result: CorrelationResult, start: date, end: date, output: _Output, *, quiet: bool) -> None:
    text = (f"{result.method} coefficient {result.coefficient:.6f} over n = {result.n} rows "
            f"({result.rows_read} read, {result.rows_skipped} skipped), period {start}..{end}")
    if quiet:
        output.err.write(text + "\n")
    else:
        output.say(text)
    if result.rows_skipped:
        output.warn(f"skipped {result.rows_skipped} row(s) with an empty or non-numeric cell, e.g.:")
        for line, why in result.skipped_examples:
            print(f"  line {line}: {why}", file=output.err)


def _result_json(result: CorrelationResult, start: date, end: date) -> Dict[str, Any]:
    return {"method": result.method, "coefficient": result.coefficient, "sampleSize": result.n,
            "rowsRead": result.rows_read, "rowsSkipped": result.rows_skipped,
            "periodStart": start.isoformat(), "periodEnd": end.isoformat()}


class _ProgressLine:
    """``rows read / used / skipped`` on stderr: rewritten in place on a terminal, one line each otherwise."""

    def __init__(self, stream: TextIO, tty: bool) -> None:
        self.stream = stream
        self.tty = tty
        self.shown = False

    def update(self, read: int, used: int, skipped: int) -> None:
        text = f"mlc: {read:,} rows read, {used:,} used, {skipped:,} skipped"
        if self.tty:
            self.stream.write("\r" + text)
        else:
            self.stream.write(text + "\n")
        self.stream.flush()
        self.shown = True

    def finish(self) -> None:
        if self.shown and self.tty:
            self.stream.write("\n")
            self.stream.flush()


# ---------------------------------------------------------------------------------------------- gate

def _gate(args: argparse.Namespace, client: Client, output: _Output) -> int:
    view = client.get_metric(args.metric)
    status = view.get("status")
    name = view.get("name") or args.metric
    if args.json:
        output.say(json.dumps({"metricId": view.get("metricId", args.metric), "status": status,
                               "passed": status == "VALIDATED"}, indent=2))
        return EXIT_OK if status == "VALIDATED" else EXIT_GATE_REFUSED
    hypotheses: List[Dict[str, Any]] = list(view.get("hypotheses") or [])
    if status == "VALIDATED":
        supported = [h for h in hypotheses if h.get("status") == "SUPPORTED"]
        output.say(f"PASS: metric '{name}' ({args.metric}) is VALIDATED")
        for hypothesis in supported:
            output.say(f"  supported: {_hypothesis_line(hypothesis)}")
        due = _parse_instant(view.get("revalidationDue"))
        if due is not None and due - datetime.now(timezone.utc) <= REVALIDATION_WARNING:
            output.say(f"  note: revalidation is due {view.get('revalidationDue')}: record fresh evidence")
        return EXIT_OK
    output.say(f"FAIL: metric '{name}' ({args.metric}) is {status}, not VALIDATED")
    for reason in _why_not(view, hypotheses, client, args.metric):
        output.say(f"  {reason}")
    return EXIT_GATE_REFUSED


def _why_not(view: Mapping[str, Any], hypotheses: List[Dict[str, Any]], client: Client, metric_id: str) -> List[str]:
    status = view.get("status")
    reasons: List[str] = []
    if status == "DEPRECATED":
        reasons.append(f"deprecated {view.get('deprecatedAt') or ''}: {view.get('deprecationReason') or '(no reason)'}")
        if view.get("replacedBy"):
            reasons.append(f"replaced by {view['replacedBy']}: gate on that metric instead")
        return reasons
    if status == "DEPRIORITIZED":
        why = _last_deprioritization(client, metric_id)
        reasons.append(f"deprioritized {view.get('deprioritizedAt') or ''}" + (f": {why}" if why else ""))
        reasons.append("new evidence that supports a hypothesis makes it VALIDATED again")
    if not hypotheses:
        reasons.append("no hypothesis is linked: link one that ties the eval to a business outcome")
    for hypothesis in hypotheses:
        reasons.append(f"hypothesis {_hypothesis_line(hypothesis)}")
        needed = hypothesis.get("samplesNeeded")
        if hypothesis.get("status") == "OPEN" and needed:
            reasons.append(f"    about {needed} sessions per correlation would be enough to decide it")
    if status in ("PROPOSED", "LINKED", "REFUTED") and view.get("linkDeadline"):
        reasons.append(f"link deadline {view['linkDeadline']}: without supporting evidence by then the metric "
                       "is deprioritized")
    return reasons


def _last_deprioritization(client: Client, metric_id: str) -> Optional[str]:
    try:
        history = client.history(metric_id)
    except MlcError:
        return None
    reason: Optional[str] = None
    for entry in history:
        if entry.get("type") == "MetricDeprioritized":
            reason = entry.get("reason")
    return reason


def _hypothesis_line(hypothesis: Mapping[str, Any]) -> str:
    direction = hypothesis.get("direction")
    bar = hypothesis.get("minCorrelation")
    comparison = f"r <= -{bar}" if direction == "NEGATIVE" else f"r >= {bar}"
    text = (f"'{hypothesis.get('outcome', '?')}' ({comparison} over >= {hypothesis.get('minSampleSize', '?')} "
            f"sessions): {hypothesis.get('status', '?')}")
    latest = hypothesis.get("latestCorrelation")
    if isinstance(latest, Mapping):
        text += (f"; latest {str(latest.get('method') or 'PEARSON').lower()} r = {latest.get('coefficient')}"
                 f" over n = {latest.get('sampleSize')} ({latest.get('periodStart')}..{latest.get('periodEnd')})"
                 f" {latest.get('verdict')}")
    else:
        text += "; no evidence recorded yet"
    return text


# ---------------------------------------------------------------------------------------------- shadow checks

def _shadow_open(args: argparse.Namespace, client: Client, output: _Output) -> int:
    answer = client.open_shadow_check(args.metric, args.hypothesis, args.change, args.eval_delta,
                                      observe_for=args.observe_for)
    if args.json:
        output.say(json.dumps(answer, indent=2))
    else:
        output.say(f"opened shadow check {answer.get('checkId', '?')}; observe until {answer.get('observeUntil', '?')}")
        output.say(f"conclude it with: mlc shadow conclude --metric {args.metric} --check "
                   f"{answer.get('checkId', 'ID')} --outcome-delta X")
    return EXIT_OK


def _shadow_conclude(args: argparse.Namespace, client: Client, output: _Output) -> int:
    answer = client.conclude_shadow_check(args.metric, args.check, args.outcome_delta, sample_size=args.sample_size,
                                          note=args.note)
    if args.json:
        output.say(json.dumps(answer, indent=2))
    else:
        result = answer.get("result", "?")
        meaning = {"CONFIRMED": "the outcome moved the way the hypothesis predicts",
                   "DIVERGED": "the outcome did not follow the eval: a false positive of the eval"}.get(result, "")
        output.say(f"shadow check {args.check}: {result}" + (f" ({meaning})" if meaning else ""))
    return EXIT_OK


def _shadow_list(args: argparse.Namespace, client: Client, output: _Output) -> int:
    answer = client.list_shadow_checks(args.metric)
    if args.json:
        output.say(json.dumps(answer, indent=2))
        return EXIT_OK
    items = answer.get("items") or []
    if not items:
        output.say("no shadow checks")
    for item in items:
        output.say(f"{item.get('checkId')}  {item.get('state')}  eval {item.get('evalDelta')}  "
                   f"outcome {item.get('outcomeDelta')}  until {item.get('observeUntil')}  {item.get('change')}")
    return EXIT_OK


# ---------------------------------------------------------------------------------------------- review

def _review(args: argparse.Namespace, client: Client, output: _Output) -> int:
    answer = client.review(args.team, format=args.format)
    if isinstance(answer, str):
        output.out.write(answer if answer.endswith("\n") else answer + "\n")
    else:
        output.say(json.dumps(answer, indent=2, ensure_ascii=False))
    return EXIT_OK


# ---------------------------------------------------------------------------------------------- helpers

def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def _float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if value != value or value in (float("inf"), float("-inf")):
        raise argparse.ArgumentTypeError(f"not a finite number: {text!r}")
    return value


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an integer: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1: {text!r}")
    return value


def _interval(interval: Any) -> str:
    if isinstance(interval, Mapping) and interval.get("low") is not None and interval.get("high") is not None:
        return f"[{float(interval['low']):.3f}, {float(interval['high']):.3f}]"
    return "none (too few rows)"


def _parse_instant(text: Any) -> Optional[datetime]:
    if not isinstance(text, str) or not text:
        return None
    # datetime.fromisoformat before 3.11 takes neither "Z" nor more than 6 fractional digits.
    match = re.fullmatch(r"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:\d{2})?", text.strip())
    if not match:
        return None
    fraction = (match.group(2) or "0")[:6].ljust(6, "0")
    zone = match.group(3) or "Z"
    try:
        return datetime.fromisoformat(f"{match.group(1)}.{fraction}{'+00:00' if zone == 'Z' else zone}")
    except ValueError:
        return None


def _is_tty(stream: TextIO) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
