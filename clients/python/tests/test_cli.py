"""The ``mlc`` command end to end against the fake service (in process, and once as ``python3 -m mlc``)."""
from __future__ import annotations

import base64
import io
import math
import os
import socket
import subprocess
import sys
import tempfile
import unittest
import unittest.mock
from contextlib import redirect_stderr
from typing import Dict, Optional, Tuple

from fakeservice import Answer, FakeService, problem
from mlc import cli
from mlc.stats import pearson, spearman

CLIENT_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

VALIDATED = {
    "metricId": "m1", "name": "Answer accuracy", "team": "search", "status": "VALIDATED",
    "revalidationDue": "2099-01-01T00:00:00.000Z",
    "hypotheses": [{"hypothesisId": "h1", "outcome": "user-reported errors", "direction": "NEGATIVE",
                    "minCorrelation": 0.7, "minSampleSize": 500, "status": "SUPPORTED",
                    "latestCorrelation": {"coefficient": -0.81, "sampleSize": 1200, "method": "PEARSON",
                                          "periodStart": "2026-11-01", "periodEnd": "2026-11-30",
                                          "verdict": "SUPPORTED"}}],
}
LINKED = {
    "metricId": "m2", "name": "Tone score", "team": "search", "status": "LINKED",
    "linkDeadline": "2027-01-13T10:00:00.000Z",
    "hypotheses": [{"hypothesisId": "h2", "outcome": "CSAT", "direction": "POSITIVE", "minCorrelation": 0.5,
                    "minSampleSize": 300, "status": "OPEN", "samplesNeeded": 160, "latestCorrelation": None}],
}


class CliTest(unittest.TestCase):
    service: FakeService

    @classmethod
    def setUpClass(cls) -> None:
        cls.service = FakeService().start()

    @classmethod
    def tearDownClass(cls) -> None:
        cls.service.stop()

    def setUp(self) -> None:
        self.service.reset()
        self.env = {"MLC_URL": self.service.url, "MLC_USER": "pipe", "MLC_PASSWORD": "pipe"}
        self.tmp = tempfile.TemporaryDirectory()
        self.addCleanup(self.tmp.cleanup)

    def run_mlc(self, *argv: str, env: Optional[Dict[str, str]] = None) -> Tuple[int, str, str]:
        out, err = io.StringIO(), io.StringIO()
        try:
            code = cli.main(list(argv), env=env or self.env, stdout=out, stderr=err)
        except SystemExit as exit_:  # argparse's own usage errors
            code = int(exit_.code or 0)
        return code, out.getvalue(), err.getvalue()

    def write_csv(self, text: str) -> str:
        path = os.path.join(self.tmp.name, "sessions.csv")
        with open(path, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        return path

    # -------------------------------------------------------------------------------- correlate

    def test_correlate_computes_records_and_prints_the_verdict(self) -> None:
        rows = [(0.91, 1), (0.85, 2), (0.80, 2), (0.72, 4), (0.64, 5), (0.60, 7)]
        text = "session,eval,reports\n" + "".join(f"s{i},{x},{y}\n" for i, (x, y) in enumerate(rows))
        text += "s9,,3\ns10,abc,1\n"
        path = self.write_csv(text)
        self.service.enqueue(Answer(201, {"correlationId": "c1", "verdict": "SUPPORTED",
                                          "interval": {"low": -0.99, "high": -0.79}, "hypothesisStatus": "SUPPORTED"}))
        code, out, err = self.run_mlc("correlate", "--metric", "m1", "--hypothesis", "h1", "--csv", path,
                                      "--eval-column", "eval", "--outcome-column", "reports", "--method", "spearman",
                                      "--period-start", "2026-11-01", "--period-end", "2026-11-30",
                                      "--source", "nightly", "--supersedes", "c0", "--definition-version", "1.0")
        self.assertEqual(code, 0, err)
        expected = spearman([x for x, _ in rows], [y for _, y in rows])
        (request,) = self.service.requests
        self.assertEqual((request.method, request.path), ("POST", "/api/v1/metrics/m1/correlations"))
        self.assertEqual(request.headers["content-type"], "application/json")
        self.assertEqual(request.headers["authorization"], "Basic " + base64.b64encode(b"pipe:pipe").decode())
        self.assertIn("idempotency-key", request.headers)
        body = request.json()
        self.assertTrue(math.isclose(body.pop("coefficient"), expected, abs_tol=1e-12))
        self.assertEqual(body, {"hypothesisId": "h1", "sampleSize": 6, "periodStart": "2026-11-01",
                                "periodEnd": "2026-11-30", "method": "SPEARMAN", "source": "nightly",
                                "definitionVersion": "1.0", "supersedes": "c0"})
        self.assertIn(f"SPEARMAN coefficient {expected:.6f} over n = 6 rows (8 read, 2 skipped)", out)
        self.assertIn("recorded correlation c1: verdict SUPPORTED, interval [-0.990, -0.790], hypothesis SUPPORTED",
                      out)
        self.assertIn("skipped 2 row(s)", err)
        self.assertIn("line 8: eval is empty", err)
        self.assertNotIn("rows read", err)  # no progress line: stderr is not a terminal

    def test_correlate_with_the_period_from_a_date_column_and_a_service_without_hypothesis_status(self) -> None:
        path = self.write_csv("day,x,y\n2026-11-03,1,2\n2026-11-01,2,4\n2026-11-09,3,5\n2026-11-04,4,4\n2026-11-02,5,5\n")
        self.service.enqueue(Answer(201, {"correlationId": "c2", "verdict": "INCONCLUSIVE"}),
                             Answer(200, {"metricId": "m2", "status": "LINKED",
                                          "hypotheses": [{"hypothesisId": "h2", "status": "OPEN"}]}))
        code, out, err = self.run_mlc("correlate", "--metric", "m2", "--hypothesis", "h2", "--csv", path,
                                      "--eval-column", "x", "--outcome-column", "y", "--date-column", "day")
        self.assertEqual(code, 0, err)
        record, view = self.service.requests
        body = record.json()
        self.assertEqual((body["periodStart"], body["periodEnd"], body["method"]), ("2026-11-01", "2026-11-09", "PEARSON"))
        self.assertAlmostEqual(body["coefficient"], pearson([1, 2, 3, 4, 5], [2, 4, 5, 4, 5]), places=12)
        self.assertNotIn("source", body)
        self.assertEqual((view.method, view.path), ("GET", "/api/v1/metrics/m2"))
        self.assertIn("recorded correlation c2: verdict INCONCLUSIVE, hypothesis OPEN, metric LINKED", out)

    def test_correlate_progress_lines_when_asked(self) -> None:
        path = self.write_csv("x,y\n" + "".join(f"{i},{(i * 7) % 13}\n" for i in range(1, 31)))
        self.service.enqueue(Answer(201, {"correlationId": "c3", "verdict": "REFUTED", "interval": None,
                                          "hypothesisStatus": "REFUTED"}))
        code, out, err = self.run_mlc("correlate", "--metric", "m1", "--hypothesis", "h1", "--csv", path,
                                      "--eval-column", "x", "--outcome-column", "y", "--period-start", "2026-11-01",
                                      "--period-end", "2026-11-02", "--progress", "--progress-every", "10")
        self.assertEqual(code, 0, err)
        self.assertEqual([line for line in err.splitlines() if "rows read" in line],
                         ["mlc: 10 rows read, 10 used, 0 skipped", "mlc: 20 rows read, 20 used, 0 skipped",
                          "mlc: 30 rows read, 30 used, 0 skipped"])
        self.assertIn("interval none (too few rows)", out)

    def test_correlate_dry_run_records_nothing(self) -> None:
        path = self.write_csv("x,y\n1,1\n2,3\n3,2\n")
        code, out, _ = self.run_mlc("correlate", "--metric", "m1", "--hypothesis", "h1", "--csv", path,
                                    "--eval-column", "x", "--outcome-column", "y", "--method", "kendall",
                                    "--period-start", "2026-11-01", "--period-end", "2026-11-01", "--dry-run")
        self.assertEqual(code, 0)
        self.assertIn("KENDALL coefficient 0.333333 over n = 3", out)
        self.assertEqual(self.service.requests, [])

    def test_correlate_refused_by_the_service_prints_the_problem_and_exits_2(self) -> None:
        path = self.write_csv("x,y\n1,1\n2,3\n3,2\n4,4\n")
        self.service.enqueue(problem(409, "lifecycle-conflict", "Lifecycle conflict",
                                     "the period overlaps correlation c0 from the same source; name it in supersedes"))
        code, _, err = self.run_mlc("correlate", "--metric", "m1", "--hypothesis", "h1", "--csv", path,
                                    "--eval-column", "x", "--outcome-column", "y", "--period-start", "2026-11-01",
                                    "--period-end", "2026-11-30")
        self.assertEqual(code, 2)
        self.assertIn("HTTP 409 Lifecycle conflict: the period overlaps correlation c0", err)

    def test_correlate_field_errors_are_listed(self) -> None:
        path = self.write_csv("x,y\n1,1\n2,3\n3,2\n4,4\n")
        self.service.enqueue(problem(400, "invalid-request", "Invalid request", "the request has invalid fields",
                                     [{"field": "periodEnd", "message": "may not lie after today (UTC)"}]))
        code, _, err = self.run_mlc("correlate", "--metric", "m1", "--hypothesis", "h1", "--csv", path,
                                    "--eval-column", "x", "--outcome-column", "y", "--period-start", "2026-11-01",
                                    "--period-end", "2099-11-30")
        self.assertEqual(code, 2)
        self.assertIn("the request has invalid fields", err)
        self.assertIn("  - periodEnd: may not lie after today (UTC)", err)

    def test_correlate_input_errors_exit_2(self) -> None:
        path = self.write_csv("x,y\n1,1\n2,3\n")
        for argv, message in (
                (["--csv", path, "--eval-column", "nope", "--outcome-column", "y"], "no eval column 'nope'"),
                (["--csv", os.path.join(self.tmp.name, "missing.csv"), "--eval-column", "x", "--outcome-column", "y"],
                 "cannot read the input"),
                (["--csv", self.write_csv("x,y\n1,1\n1,2\n1,3\n"), "--eval-column", "x", "--outcome-column", "y"],
                 "eval column is constant"),
                (["--csv", path, "--eval-column", "x", "--outcome-column", "y", "--period-start", "2026-11-02",
                  "--period-end", "2026-11-01"], "--period-start is after --period-end")):
            with self.subTest(message=message):
                code, _, err = self.run_mlc("correlate", "--metric", "m1", "--hypothesis", "h1", *argv)
                self.assertEqual(code, 2)
                self.assertIn(message, err)
        self.assertEqual(self.service.requests, [])

    def test_usage_errors_exit_2(self) -> None:
        with redirect_stderr(io.StringIO()):
            self.assertEqual(self.run_mlc("correlate", "--metric", "m1")[0], 2)
            self.assertEqual(self.run_mlc("gate")[0], 2)
            self.assertEqual(self.run_mlc("correlate", "--metric", "m1", "--hypothesis", "h", "--csv", "f",
                                          "--eval-column", "x", "--outcome-column", "y", "--method", "cosine")[0], 2)
            self.assertEqual(self.run_mlc("shadow", "open", "--metric", "m1", "--hypothesis", "h1", "--change", "c",
                                          "--eval-delta", "lots")[0], 2)

    # -------------------------------------------------------------------------------- gate

    def test_gate_passes_a_validated_metric(self) -> None:
        self.service.route("GET", "/api/v1/metrics/m1", Answer(200, VALIDATED))
        code, out, _ = self.run_mlc("gate", "--metric", "m1")
        self.assertEqual(code, 0)
        self.assertIn("PASS: metric 'Answer accuracy' (m1) is VALIDATED", out)
        self.assertIn("'user-reported errors' (r <= -0.7 over >= 500 sessions): SUPPORTED", out)

    def test_gate_refuses_a_linked_metric_and_says_why(self) -> None:
        self.service.route("GET", "/api/v1/metrics/m2", Answer(200, LINKED))
        code, out, _ = self.run_mlc("gate", "--metric", "m2")
        self.assertEqual(code, 1)
        self.assertIn("FAIL: metric 'Tone score' (m2) is LINKED, not VALIDATED", out)
        self.assertIn("'CSAT' (r >= 0.5 over >= 300 sessions): OPEN; no evidence recorded yet", out)
        self.assertIn("about 160 sessions", out)
        self.assertIn("link deadline 2027-01-13T10:00:00.000Z", out)
        self.assertEqual([r.method for r in self.service.requests], ["GET"])
        self.assertNotIn("idempotency-key", self.service.requests[0].headers)

    def test_gate_names_the_reason_of_a_deprioritization(self) -> None:
        view = dict(LINKED, status="DEPRIORITIZED", deprioritizedAt="2026-12-01T00:00:00.000Z")
        self.service.route("GET", "/api/v1/metrics/m2", Answer(200, view))
        self.service.route("GET", "/api/v1/metrics/m2/history", Answer(200, [
            {"sequence": 0, "type": "MetricProposed"},
            {"sequence": 3, "type": "MetricDeprioritized", "reason": "no supported hypothesis within the link window"}]))
        code, out, _ = self.run_mlc("gate", "--metric", "m2")
        self.assertEqual(code, 1)
        self.assertIn("deprioritized 2026-12-01T00:00:00.000Z: no supported hypothesis within the link window", out)

    def test_gate_on_an_unknown_metric_exits_2(self) -> None:
        code, out, err = self.run_mlc("gate", "--metric", "nope")
        self.assertEqual(code, 2)
        self.assertEqual(out, "")
        self.assertIn("HTTP 404 Not found", err)

    def test_gate_with_the_service_down_exits_2(self) -> None:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        env = dict(self.env, MLC_URL=f"http://127.0.0.1:{port}")
        with unittest.mock.patch("time.sleep"):
            code, _, err = self.run_mlc("gate", "--metric", "m1", env=env)
        self.assertEqual(code, 2)
        self.assertIn("could not reach the service", err)

    def test_correlate_with_the_service_down_names_the_key_to_retry_with(self) -> None:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        path = self.write_csv("x,y\n1,1\n2,3\n3,2\n4,4\n")
        with unittest.mock.patch("time.sleep"):
            code, _, err = self.run_mlc("--url", f"http://127.0.0.1:{port}", "correlate", "--metric", "m1",
                                        "--hypothesis", "h1", "--csv", path, "--eval-column", "x", "--outcome-column",
                                        "y", "--period-start", "2026-11-01", "--period-end", "2026-11-30")
        self.assertEqual(code, 2)
        self.assertRegex(err, r"re-run with --idempotency-key [0-9a-f-]{36} to record it at most once")

    def test_gate_as_a_process(self) -> None:
        self.service.route("GET", "/api/v1/metrics/m1", Answer(200, VALIDATED))
        self.service.route("GET", "/api/v1/metrics/m2", Answer(200, LINKED))
        env = dict(os.environ, **self.env)
        env.pop("MLC_TOKEN", None)
        for metric, expected in (("m1", 0), ("m2", 1), ("nope", 2)):
            with self.subTest(metric=metric):
                done = subprocess.run([sys.executable, "-m", "mlc", "gate", "--metric", metric], cwd=CLIENT_DIR,
                                      env=env, capture_output=True, text=True, timeout=60)
                self.assertEqual(done.returncode, expected, done.stderr)

    # -------------------------------------------------------------------------------- shadow checks, review

    def test_shadow_open_and_conclude(self) -> None:
        self.service.enqueue(Answer(201, {"checkId": "k1", "observeUntil": "2026-12-05T20:00:00.000Z"}),
                             Answer(200, {"result": "DIVERGED"}))
        code, out, err = self.run_mlc("shadow", "open", "--metric", "m1", "--hypothesis", "h1", "--change",
                                      "new retrieval prompt", "--eval-delta", "0.04", "--observe-for", "PT72H")
        self.assertEqual(code, 0, err)
        self.assertIn("opened shadow check k1; observe until 2026-12-05T20:00:00.000Z", out)
        code, out, err = self.run_mlc("shadow", "conclude", "--metric", "m1", "--check", "k1", "--outcome-delta",
                                      "-0.01", "--sample-size", "900", "--note", "A/B week 49")
        self.assertEqual(code, 0, err)
        self.assertIn("shadow check k1: DIVERGED (the outcome did not follow the eval", out)
        opened, concluded = self.service.requests
        self.assertEqual((opened.method, opened.path), ("POST", "/api/v1/metrics/m1/shadow-checks"))
        self.assertEqual(opened.json(), {"change": "new retrieval prompt", "evalDelta": 0.04, "hypothesisId": "h1",
                                         "observeFor": "PT72H"})
        self.assertEqual((concluded.method, concluded.path), ("POST", "/api/v1/metrics/m1/shadow-checks/k1/outcome"))
        self.assertEqual(concluded.json(), {"outcomeDelta": -0.01, "sampleSize": 900, "note": "A/B week 49"})
        for request in (opened, concluded):
            self.assertEqual(request.headers["content-type"], "application/json")
            self.assertIn("idempotency-key", request.headers)

    def test_shadow_conclude_after_expiry_exits_2(self) -> None:
        self.service.enqueue(problem(409, "lifecycle-conflict", "Lifecycle conflict", "shadow check k1 has expired"))
        code, _, err = self.run_mlc("shadow", "conclude", "--metric", "m1", "--check", "k1", "--outcome-delta", "1")
        self.assertEqual(code, 2)
        self.assertIn("shadow check k1 has expired", err)

    def test_shadow_list(self) -> None:
        self.service.enqueue(Answer(200, {"items": [{"checkId": "k1", "state": "OPEN", "evalDelta": 0.04,
                                                     "change": "prompt", "observeUntil": "2026-12-05T20:00:00Z"}]}))
        code, out, _ = self.run_mlc("shadow", "list", "--metric", "m1")
        self.assertEqual(code, 0)
        self.assertIn("k1  OPEN  eval 0.04", out)

    def test_review_markdown(self) -> None:
        markdown = "# Review of search\n\n| metric | verdict | why |\n| --- | --- | --- |\n| Answer accuracy | KEEP | ok |\n"
        self.service.enqueue(Answer(200, markdown, content_type="text/markdown;charset=UTF-8"))
        code, out, _ = self.run_mlc("review", "--team", "search", "--format", "md", env=dict(self.env, MLC_USER="lena",
                                                                                            MLC_PASSWORD="lena"))
        self.assertEqual(code, 0)
        self.assertEqual(out, markdown)
        (request,) = self.service.requests
        self.assertEqual((request.method, request.path, request.query), ("GET", "/api/v1/teams/search/review",
                                                                         {"format": ["md"]}))
        self.assertEqual(request.headers["authorization"], "Basic " + base64.b64encode(b"lena:lena").decode())

    def test_review_json_and_bearer_token(self) -> None:
        self.service.enqueue(Answer(200, {"team": "search", "metrics": [{"name": "Answer accuracy", "verdict": "KEEP"}]}))
        code, out, _ = self.run_mlc("review", "--team", "search", "--format", "json",
                                    env={"MLC_URL": self.service.url, "MLC_TOKEN": "abc"})
        self.assertEqual(code, 0)
        self.assertIn('"verdict": "KEEP"', out)
        self.assertEqual(self.service.requests[0].headers["authorization"], "Bearer abc")

    def test_url_flag_overrides_the_environment(self) -> None:
        self.service.route("GET", "/api/v1/metrics/m1", Answer(200, VALIDATED))
        code, _, _ = self.run_mlc("--url", self.service.url, "gate", "--metric", "m1",
                                  env={"MLC_URL": "http://127.0.0.1:9", "MLC_USER": "vera", "MLC_PASSWORD": "vera"})
        self.assertEqual(code, 0)

if __name__ == "__main__":
    unittest.main()
