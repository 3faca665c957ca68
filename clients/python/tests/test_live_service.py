"""Against a real service, only when ``MLC_IT_URL`` is set (for example ``MLC_IT_URL=http://127.0.0.1:8080``).

It needs the embedded default's demo users (password = name): ``carl`` proposes and links, ``pipe`` records
correlations, ``lena`` (lead of ``search``) reads the review and deprecates, ``vera`` (viewer) is refused. It
proposes metrics in team ``search`` (unique names) and deprecates them at the end, so the team's budget is given
back. Endpoints that a service does not serve yet (404/405 on a metric that exists) skip their test, saying so.
"""
from __future__ import annotations

import datetime as dt
import io
import json
import os
import random
import tempfile
import unittest
import uuid
from typing import Callable, ClassVar, List, Optional, Tuple

from mlc import cli
from mlc.cli import _parse_instant as parse_instant
from mlc.client import ApiError, Client, RetryPolicy
from mlc.stats import correlate_csv

URL = os.environ.get("MLC_IT_URL", "").strip()
TEAM = "search"


def user(name: str) -> Client:
    return Client(URL, user=name, password=name, timeout=30, retry=RetryPolicy(max_attempts=4, max_wait=5))


def not_served(error: ApiError) -> bool:
    """A 404/405 that is not about a missing metric: the route itself does not exist on this service."""
    if error.status == 405:
        return True
    return error.status == 404 and "no metric" not in (error.detail or "")


@unittest.skipUnless(URL, "set MLC_IT_URL to a running service (embedded default, demo users) to run these tests")
class LiveServiceTest(unittest.TestCase):
    metric_id: ClassVar[str]
    hypothesis_id: ClassVar[str]
    name: ClassVar[str]
    created: ClassVar[List[str]]
    restore_limit: ClassVar[Optional[int]]
    tmp: ClassVar[tempfile.TemporaryDirectory]  # type: ignore[type-arg]

    @classmethod
    def setUpClass(cls) -> None:
        cls.created = []
        cls.tmp = tempfile.TemporaryDirectory()
        suffix = uuid.uuid4().hex[:8]
        cls.name = f"IT answer accuracy {suffix}"
        cls.restore_limit = None
        try:
            summary = user("ada").team_summary(TEAM)
        except ApiError as error:  # a fresh service: the team has no stream yet, so the default budget applies
            if error.status != 404:
                raise
            summary = {"coreMetricLimit": 8, "metricsCounted": 0}
        if summary["coreMetricLimit"] - summary["metricsCounted"] < 3:  # a busy team (a demo, say): make room
            cls.restore_limit = summary["coreMetricLimit"]
            user("ada").set_budget(TEAM, min(100, summary["metricsCounted"] + 3), reason="integration test")
        carl = user("carl")
        proposed = carl.propose_metric(cls.name, team=TEAM, owner="carl",
                                       description="share of support answers judged correct (integration test)",
                                       valid_for="English support answers")
        cls.metric_id = proposed["metricId"]
        cls.created.append(cls.metric_id)
        linked = carl.link_hypothesis(cls.metric_id, "user-reported errors",
                                      "sessions with higher accuracy see fewer reported errors", "POSITIVE", 0.5, 30,
                                      reason="integration test")
        cls.hypothesis_id = linked["hypothesisId"]

    @classmethod
    def tearDownClass(cls) -> None:
        lena = user("lena")
        for metric_id in cls.created:
            try:
                lena.deprecate_metric(metric_id, "integration test finished")
            except ApiError:
                pass
        if cls.restore_limit is not None:
            user("ada").set_budget(TEAM, cls.restore_limit, reason="integration test finished")
        cls.tmp.cleanup()

    # ------------------------------------------------------------------ helpers

    def mlc(self, who: str, *argv: str) -> Tuple[int, str, str]:
        out, err = io.StringIO(), io.StringIO()
        code = cli.main(list(argv), env={"MLC_URL": URL, "MLC_USER": who, "MLC_PASSWORD": who}, stdout=out, stderr=err)
        return code, out.getvalue(), err.getvalue()

    @staticmethod
    def period() -> Tuple[dt.date, dt.date]:
        today = dt.datetime.now(dt.timezone.utc).date()
        return today - dt.timedelta(days=8), today - dt.timedelta(days=1)

    def csv(self, rows: int, seed: int) -> str:
        rng = random.Random(seed)
        path = os.path.join(self.tmp.name, f"sessions-{seed}.csv")
        with open(path, "w", encoding="utf-8", newline="") as handle:
            handle.write("session,day,accuracy,resolved\n")
            start, _ = self.period()
            for i in range(rows):
                x = rng.random()
                handle.write(f"s{i},{start + dt.timedelta(days=i % 8)},{x:.4f},{x + rng.gauss(0, 0.08):.4f}\n")
            handle.write("broken,2026-01-01,,1\n")
        return path

    def call_or_skip(self, call: Callable[[], object], what: str) -> object:
        try:
            return call()
        except ApiError as error:
            if not_served(error):
                self.skipTest(f"{what} is not served by this service yet ({error.status})")
            raise

    # ------------------------------------------------------------------ tests, in name order

    def test_1_refusals_store_nothing(self) -> None:
        with self.assertRaises(ApiError) as viewer:
            user("vera").propose_metric(self.name + " (refused)", team=TEAM, owner="vera")
        self.assertEqual(viewer.exception.status, 403)
        with self.assertRaises(ApiError) as contributor:
            user("carl").record_correlation(self.metric_id, self.hypothesis_id, 0.9, 100, *self.period())
        self.assertEqual(contributor.exception.status, 403)
        with self.assertRaises(ApiError) as invalid:
            user("pipe").record_correlation(self.metric_id, self.hypothesis_id, 1.5, 1, *self.period())
        self.assertEqual(invalid.exception.status, 400)
        fields = {e.field for e in invalid.exception.errors}
        self.assertEqual(fields, {"coefficient", "sampleSize"})
        with self.assertRaises(ApiError) as missing:
            user("vera").get_metric("no-such-metric")
        self.assertEqual(missing.exception.status, 404)
        names = [m["name"] for m in user("vera").iter_metrics(team=TEAM)]
        self.assertNotIn(self.name + " (refused)", names)
        self.assertIn(self.name, names)

    def test_2_gate_refuses_a_linked_metric(self) -> None:
        code, out, err = self.mlc("vera", "gate", "--metric", self.metric_id)
        self.assertEqual(code, 1, err)
        self.assertIn("is LINKED, not VALIDATED", out)
        self.assertIn("no evidence recorded yet", out)

    def test_3_correlate_records_and_the_gate_passes(self) -> None:
        start, end = self.period()
        code, out, err = self.mlc("pipe", "correlate", "--metric", self.metric_id, "--hypothesis", self.hypothesis_id,
                                  "--csv", self.csv(400, seed=1), "--eval-column", "accuracy",
                                  "--outcome-column", "resolved", "--method", "spearman", "--date-column", "day",
                                  "--source", "it-nightly")
        self.assertEqual(code, 0, err)
        self.assertIn("over n = 400 rows (401 read, 1 skipped)", out)
        self.assertIn(f"period {start}..{end}", out)
        self.assertIn("verdict SUPPORTED", out)
        self.assertIn("hypothesis SUPPORTED", out)
        code, out, err = self.mlc("vera", "gate", "--metric", self.metric_id)
        self.assertEqual(code, 0, out + err)
        self.assertIn("is VALIDATED", out)
        # A second pipeline measures it too, through the library: Kendall over 300 sessions.
        result = correlate_csv(self.csv(300, seed=2), "accuracy", "resolved", method="kendall", date_column="day")
        self.assertEqual((result.n, result.rows_skipped), (300, 1))
        answer = user("pipe").record_correlation(self.metric_id, self.hypothesis_id, result.coefficient, result.n,
                                                 start, end, method=result.method, source="it-weekly")
        self.assertEqual(answer["verdict"], "SUPPORTED")

    def test_4_the_view_history_and_lists(self) -> None:
        vera = user("vera")
        view = vera.get_metric(self.metric_id)
        self.assertEqual((view["status"], view["owner"], view["team"]), ("VALIDATED", "carl", TEAM))
        (hypothesis,) = view["hypotheses"]
        self.assertEqual(hypothesis["status"], "SUPPORTED")
        latest = hypothesis["latestCorrelation"]
        self.assertEqual((latest["method"], latest["sampleSize"]), ("KENDALL", 300))
        history = vera.history(self.metric_id)
        self.assertEqual([(e["type"], e["actor"]) for e in history if e["type"] != "MetricReprioritized"][:4],
                         [("MetricProposed", "carl"), ("HypothesisLinked", "carl"), ("CorrelationRecorded", "pipe"),
                          ("CorrelationRecorded", "pipe")])
        self.assertEqual([e["sequence"] for e in history], list(range(len(history))))
        verification = vera.verify_history(self.metric_id)
        self.assertTrue(verification.get("intact"), verification)
        proposed_at = parse_instant(view["proposedAt"])
        linked_at = parse_instant(history[1]["occurredAt"])
        assert proposed_at is not None and linked_at is not None
        with self.assertRaises(ApiError) as before:
            vera.get_metric(self.metric_id, as_of=proposed_at - dt.timedelta(seconds=5))
        self.assertEqual(before.exception.status, 404)
        as_linked = vera.get_metric(self.metric_id, as_of=linked_at + dt.timedelta(milliseconds=1))
        self.assertEqual(as_linked["status"], "LINKED")
        validated = [m["metricId"] for m in vera.iter_metrics(team=TEAM, status="VALIDATED")]
        self.assertIn(self.metric_id, validated)
        summary = vera.team_summary(TEAM)
        self.assertGreaterEqual(summary["countsByStatus"]["VALIDATED"], 1)

    def test_5_a_retried_write_is_stored_once(self) -> None:
        carl = user("carl")
        key = str(uuid.uuid4())
        first = carl.propose_metric(self.name + " (retried)", team=TEAM, owner="carl", idempotency_key=key)
        self.created.append(first["metricId"])
        again = carl.propose_metric(self.name + " (retried)", team=TEAM, owner="carl", idempotency_key=key)
        self.assertEqual(first["metricId"], again["metricId"])
        with self.assertRaises(ApiError) as reused:
            carl.propose_metric(self.name + " (another)", team=TEAM, owner="carl", idempotency_key=key)
        self.assertEqual(reused.exception.status, 422)

    def test_6_review_as_the_lead(self) -> None:
        code, out, err = self.mlc("lena", "review", "--team", TEAM, "--format", "md")
        self.assertEqual(code, 0, err)
        self.assertIn(self.name, out)
        code, out, err = self.mlc("lena", "review", "--team", TEAM, "--format", "csv")
        self.assertEqual(code, 0, err)
        self.assertIn(self.name, out)
        review = user("lena").review(TEAM)
        assert isinstance(review, dict)
        mine = [m for m in review["metrics"] if m["metricId"] == self.metric_id]
        self.assertEqual(len(mine), 1)
        self.assertIn(mine[0]["verdict"], ("PENDING", "KEEP", "REVALIDATE"))

    def test_7_correlation_listing(self) -> None:
        listing = self.call_or_skip(lambda: user("vera").list_correlations(self.metric_id), "GET .../correlations")
        assert isinstance(listing, dict)
        self.assertEqual(listing["total"], 2)
        self.assertEqual([c["sampleSize"] for c in listing["items"]], [300, 400])  # newest first

    def test_8_shadow_check_open_and_conclude(self) -> None:
        self.call_or_skip(lambda: user("vera").list_shadow_checks(self.metric_id), "GET .../shadow-checks")
        code, out, err = self.mlc("carl", "--json", "shadow", "open", "--metric", self.metric_id,
                                  "--hypothesis", self.hypothesis_id, "--change", "retrieval prompt v2",
                                  "--eval-delta", "0.04", "--observe-for", "PT1H")
        if code != 0 and "HTTP 403" in err:
            code, out, err = self.mlc("lena", "--json", "shadow", "open", "--metric", self.metric_id,
                                      "--hypothesis", self.hypothesis_id, "--change", "retrieval prompt v2",
                                      "--eval-delta", "0.04", "--observe-for", "PT1H")
        self.assertEqual(code, 0, err)
        check_id = json.loads(out)["checkId"]
        code, out, err = self.mlc("lena", "shadow", "conclude", "--metric", self.metric_id, "--check", check_id,
                                  "--outcome-delta", "0.02", "--sample-size", "500")
        self.assertEqual(code, 0, err)
        self.assertIn("CONFIRMED", out)

    def test_9_team_history_and_search(self) -> None:
        history = user("vera").team_history(TEAM)
        self.assertIsInstance(history, list)
        self.assertIn("TeamMetricAdmitted", [entry["type"] for entry in history])
        self.assertEqual([entry["sequence"] for entry in history], list(range(len(history))))
        found = user("vera").list_metrics(team=TEAM, q=self.name.upper())
        self.assertIn(self.metric_id, [m["metricId"] for m in found["items"]])
        with self.assertRaises(ApiError) as unknown:
            user("vera").request("GET", "/api/v1/metrics", query={"teams": TEAM})
        self.assertEqual(unknown.exception.status, 400)

    def test_zz_deprecated_metric_fails_the_gate(self) -> None:
        lena = user("lena")
        extra = user("carl").propose_metric(self.name + " (to deprecate)", team=TEAM, owner="carl")["metricId"]
        self.created.append(extra)
        lena.deprecate_metric(extra, "integration test: replaced", replaced_by=self.metric_id)
        code, out, _ = self.mlc("vera", "gate", "--metric", extra)
        self.assertEqual(code, 1)
        self.assertIn("DEPRECATED", out)
        self.assertIn(f"replaced by {self.metric_id}", out)
        with self.assertRaises(ApiError) as conflict:
            lena.deprecate_metric(extra, "again")
        self.assertEqual(conflict.exception.status, 409)
        self.assertIn(extra, user("vera").get_metric(self.metric_id)["replaces"])

if __name__ == "__main__":
    unittest.main()
