"""The client against a fake service: what it sends (method, path, query, headers, body) and how it reads answers."""
from __future__ import annotations

import base64
import datetime as dt
import socket
import unittest
import uuid
from typing import List

from fakeservice import Answer, FakeService, problem
from mlc.client import ApiError, Client, RetryPolicy, TransportError


class ClientTest(unittest.TestCase):
    service: FakeService

    @classmethod
    def setUpClass(cls) -> None:
        cls.service = FakeService().start()

    @classmethod
    def tearDownClass(cls) -> None:
        cls.service.stop()

    def setUp(self) -> None:
        self.service.reset()
        self.sleeps: List[float] = []
        self.client = Client(self.service.url, user="carl", password="carl", sleep=self.sleeps.append)

    # -------------------------------------------------------------------------------- requests

    def test_propose_sends_json_auth_and_a_uuid_idempotency_key(self) -> None:
        self.service.enqueue(Answer(201, {"metricId": "m1"}, headers={"Location": self.service.url + "/api/v1/metrics/m1"}))
        answer = self.client.propose_metric("Answer accuracy", team="search", owner="carl", valid_for="English")
        self.assertEqual(answer["metricId"], "m1")
        self.assertEqual(answer["location"], self.service.url + "/api/v1/metrics/m1")
        (request,) = self.service.requests
        self.assertEqual(request.method, "POST")
        self.assertEqual(request.path, "/api/v1/metrics")
        self.assertEqual(request.headers["content-type"], "application/json")
        self.assertEqual(request.headers["accept"], "application/json")
        self.assertEqual(request.headers["authorization"], "Basic " + base64.b64encode(b"carl:carl").decode())
        self.assertEqual(uuid.UUID(request.headers["idempotency-key"]).version, 4)
        # Optional fields left None are not sent at all (the service rejects unknown fields).
        self.assertEqual(request.json(), {"name": "Answer accuracy", "team": "search", "owner": "carl",
                                          "validFor": "English"})

    def test_each_write_gets_its_own_key_and_reads_get_none(self) -> None:
        self.service.enqueue(Answer(201, {"hypothesisId": "h1"}), Answer(201, {"hypothesisId": "h2"}),
                             Answer(200, {"metricId": "m1", "status": "LINKED"}))
        self.client.link_hypothesis("m1", "user-reported errors", "fewer reports", "negative", 0.7, 500)
        self.client.link_hypothesis("m1", "user-reported errors", "fewer reports", "NEGATIVE", 0.7, 500,
                                    decision_rule="interval", confidence=0.9)
        self.client.get_metric("m1")
        first, second, read = self.service.requests
        self.assertNotEqual(first.headers["idempotency-key"], second.headers["idempotency-key"])
        self.assertNotIn("idempotency-key", read.headers)
        self.assertNotIn("content-type", read.headers)
        self.assertEqual(first.json(), {"outcome": "user-reported errors", "statement": "fewer reports",
                                        "direction": "NEGATIVE", "minCorrelation": 0.7, "minSampleSize": 500})
        self.assertEqual(second.json()["decisionRule"], "INTERVAL")
        self.assertEqual(second.json()["confidence"], 0.9)

    def test_record_correlation_body(self) -> None:
        self.service.enqueue(Answer(201, {"correlationId": "c1", "verdict": "SUPPORTED",
                                          "interval": {"low": 0.79, "high": 0.829}, "hypothesisStatus": "SUPPORTED"}))
        answer = self.client.record_correlation("m 1/x", "h1", 0.81, 1200, dt.date(2026, 11, 1), "2026-11-30",
                                                method="spearman", source="nightly", definition_version="1.0",
                                                supersedes="c0")
        self.assertEqual(answer["interval"], {"low": 0.79, "high": 0.829})
        (request,) = self.service.requests
        self.assertEqual(request.path, "/api/v1/metrics/m%201%2Fx/correlations")  # ids are quoted as one segment
        self.assertEqual(request.json(), {"hypothesisId": "h1", "coefficient": 0.81, "sampleSize": 1200,
                                          "periodStart": "2026-11-01", "periodEnd": "2026-11-30",
                                          "method": "SPEARMAN", "source": "nightly", "definitionVersion": "1.0",
                                          "supersedes": "c0"})

    def test_every_endpoint_has_its_method_and_path(self) -> None:
        c = self.client
        calls = [
            (lambda: c.list_metrics(team="search", status="validated", owner="carl", q="accuracy", page=1, size=20),
             "GET", "/api/v1/metrics", {"team": ["search"], "status": ["VALIDATED"], "owner": ["carl"],
                                        "q": ["accuracy"], "page": ["1"], "size": ["20"]}),
            (lambda: c.get_metric("m1", as_of=dt.datetime(2026, 1, 31, 12, 0, 0, 123456)), "GET", "/api/v1/metrics/m1",
             {"asOf": ["2026-01-31T12:00:00.123Z"]}),
            (lambda: c.get_metric("m1", as_of=dt.date(2026, 1, 31)), "GET", "/api/v1/metrics/m1",
             {"asOf": ["2026-01-31"]}),
            (lambda: c.list_correlations("m1", hypothesis_id="h1", page=0, size=5), "GET",
             "/api/v1/metrics/m1/correlations", {"hypothesisId": ["h1"], "page": ["0"], "size": ["5"]}),
            (lambda: c.list_shadow_checks("m1"), "GET", "/api/v1/metrics/m1/shadow-checks", {}),
            (lambda: c.open_shadow_check("m1", "h1", "new prompt", 0.04, observe_for="PT72H"), "POST",
             "/api/v1/metrics/m1/shadow-checks", {}),
            (lambda: c.conclude_shadow_check("m1", "k1", -0.02, sample_size=900, note="A/B"), "POST",
             "/api/v1/metrics/m1/shadow-checks/k1/outcome", {}),
            (lambda: c.deprecate_metric("m1", "replaced", replaced_by="m2"), "POST", "/api/v1/metrics/m1/deprecation", {}),
            (lambda: c.history("m1"), "GET", "/api/v1/metrics/m1/history", {}),
            (lambda: c.verify_history("m1"), "GET", "/api/v1/metrics/m1/history/verify", {}),
            (lambda: c.change_owner("m1", "lena", "rotation"), "PUT", "/api/v1/metrics/m1/owner", {}),
            (lambda: c.revise_definition("m1", "1.1", "wording", deltas=[{"subject": "baseline", "before": 0.7,
                                                                           "after": 0.72}]),
             "POST", "/api/v1/metrics/m1/revisions", {}),
            (lambda: c.record_blind_spot("m1", "tone", "missed rude answers", incident_ref="INC-1"), "POST",
             "/api/v1/metrics/m1/blind-spots", {}),
            (lambda: c.set_rotation("search", ["carl", "lena"], "P1W", dt.datetime(2026, 12, 7, tzinfo=dt.timezone.utc)),
             "PUT", "/api/v1/teams/search/rotation", {}),
            (lambda: c.stop_rotation("search"), "DELETE", "/api/v1/teams/search/rotation", {}),
            (lambda: c.add_rotation_override("search", "carl", "lena", "2026-12-20T00:00:00Z", "2027-01-03T00:00:00Z"),
             "POST", "/api/v1/teams/search/rotation/overrides", {}),
            (lambda: c.get_rotation("search"), "GET", "/api/v1/teams/search/rotation", {}),
            (lambda: c.rotation_calendar("search", member="carl", count=3), "GET", "/api/v1/teams/search/rotation.ics",
             {"member": ["carl"], "count": ["3"]}),
            (lambda: c.set_budget("search", 10, reason="new product"), "PUT", "/api/v1/teams/search/budget", {}),
            (lambda: c.set_members("search", ["carl", "lena"], reason="roster"), "PUT", "/api/v1/teams/search/members", {}),
            (lambda: c.team_summary("search"), "GET", "/api/v1/teams/search", {}),
            (lambda: c.team_history("search"), "GET", "/api/v1/teams/search/history", {}),
            (lambda: c.review("search"), "GET", "/api/v1/teams/search/review", {}),
            (lambda: c.review("search", format="csv"), "GET", "/api/v1/teams/search/review", {"format": ["csv"]}),
            (lambda: c.subscribe_webhook("search", "https://hooks.example/x", format="slack"), "POST",
             "/api/v1/teams/search/webhooks", {}),
            (lambda: c.list_webhooks("search"), "GET", "/api/v1/teams/search/webhooks", {}),
            (lambda: c.unsubscribe_webhook("search", "w1"), "DELETE", "/api/v1/teams/search/webhooks/w1", {}),
            (lambda: c.webhook_deliveries("search", "w1", page=2), "GET", "/api/v1/teams/search/webhooks/w1/deliveries",
             {"page": ["2"]}),
            (lambda: c.create_checkpoint(), "POST", "/api/v1/audit/checkpoints", {}),
            (lambda: c.latest_checkpoint(), "GET", "/api/v1/audit/checkpoints/latest", {}),
            (lambda: c.verify_checkpoint({"digest": "d", "streams": []}), "POST", "/api/v1/audit/verify", {}),
            (lambda: c.rebuild_projections(), "POST", "/api/v1/admin/projections/rebuild", {}),
            (lambda: c.rebuild_status(), "GET", "/api/v1/admin/projections/rebuild", {}),
        ]
        for call, method, path, query in calls:
            with self.subTest(path=path, method=method, query=query):
                self.service.reset()
                body = "x" if path.endswith(".ics") or query.get("format") else [] if path.endswith("/history") else {}
                self.service.enqueue(Answer(204 if method == "DELETE" else 200, body if method != "DELETE" else None))
                call()
                (request,) = self.service.requests
                self.assertEqual((request.method, request.path, request.query), (method, path, query))
                self.assertEqual("idempotency-key" in request.headers, method != "GET")
                self.assertEqual(request.headers.get("content-type"), "application/json" if request.body else None)

    def test_bodies_of_governance_writes(self) -> None:
        self.service.enqueue(Answer(200, {}), Answer(201, {}), Answer(201, {}))
        self.client.set_rotation("search", ["carl", "lena"], "P1W", dt.datetime(2026, 12, 7, 9, 30))
        self.client.add_rotation_override("search", "carl", "lena", dt.datetime(2026, 12, 20), dt.datetime(2027, 1, 3))
        self.client.open_shadow_check("m1", "h1", "new prompt", 0.04)
        rotation, override, shadow = self.service.requests
        self.assertEqual(rotation.json(), {"members": ["carl", "lena"], "period": "P1W",
                                           "startsAt": "2026-12-07T09:30:00.000Z"})
        self.assertEqual(override.json(), {"member": "carl", "replacement": "lena", "from": "2026-12-20T00:00:00.000Z",
                                           "to": "2027-01-03T00:00:00.000Z"})
        self.assertEqual(shadow.json(), {"change": "new prompt", "evalDelta": 0.04, "hypothesisId": "h1"})

    def test_review_formats(self) -> None:
        self.service.enqueue(Answer(200, "| metric | verdict |\n", content_type="text/markdown"),
                             Answer(200, {"team": "search", "metrics": []}))
        self.assertEqual(self.client.review("search", format="md"), "| metric | verdict |\n")
        self.assertEqual(self.client.review("search"), {"team": "search", "metrics": []})
        md, js = self.service.requests
        self.assertEqual(md.query, {"format": ["md"]})
        self.assertEqual(md.headers["accept"], "text/markdown")
        self.assertEqual(js.headers["accept"], "application/json")
        with self.assertRaises(ValueError):
            self.client.review("search", format="pdf")

    def test_iter_metrics_pages_through(self) -> None:
        self.service.enqueue(Answer(200, {"items": [{"metricId": "a"}, {"metricId": "b"}], "total": 3}),
                             Answer(200, {"items": [{"metricId": "c"}], "total": 3}))
        ids = [m["metricId"] for m in self.client.iter_metrics(team="search", page_size=2)]
        self.assertEqual(ids, ["a", "b", "c"])
        self.assertEqual([r.query["page"] for r in self.service.requests], [["0"], ["1"]])

    # -------------------------------------------------------------------------------- credentials

    def test_credentials_from_the_environment(self) -> None:
        bearer = Client.from_env({"MLC_URL": self.service.url + "/", "MLC_TOKEN": "t0k", "MLC_USER": "ignored"})
        basic = Client.from_env({"MLC_URL": self.service.url, "MLC_USER": "lena", "MLC_PASSWORD": "lena"})
        anonymous = Client.from_env({"MLC_URL": self.service.url})
        self.assertEqual(Client.from_env({}).base_url, "http://127.0.0.1:8080")
        self.service.enqueue(Answer(200, {}), Answer(200, {}), Answer(200, {}))
        bearer.team_summary("search")
        basic.team_summary("search")
        anonymous.team_summary("search")
        first, second, third = self.service.requests
        self.assertEqual(first.headers["authorization"], "Bearer t0k")
        self.assertEqual(second.headers["authorization"], "Basic " + base64.b64encode(b"lena:lena").decode())
        self.assertNotIn("authorization", third.headers)

    def test_bad_configuration(self) -> None:
        with self.assertRaises(ValueError):
            Client("ftp://example.org")
        with self.assertRaises(ValueError):
            Client("http://x", user="a", password="b", token="t")
        with self.assertRaises(ValueError):
            self.client.get_metric("")

    # -------------------------------------------------------------------------------- errors

    def test_a_problem_document_becomes_an_api_error_with_field_errors(self) -> None:
        self.service.enqueue(problem(400, "invalid-request", "Invalid request", "the request has invalid fields",
                                     [{"field": "coefficient", "message": "must be less than or equal to 1"},
                                      {"field": "sampleSize", "message": "must be greater than or equal to 2"}],
                                     instance="/api/v1/metrics/m1/correlations"))
        with self.assertRaises(ApiError) as caught:
            self.client.record_correlation("m1", "h1", 2.0, 1, "2026-11-01", "2026-11-30")
        error = caught.exception
        self.assertEqual(error.status, 400)
        self.assertEqual(error.title, "Invalid request")
        self.assertEqual(error.detail, "the request has invalid fields")
        self.assertEqual(error.type, "urn:metric-lifecycle:problem:invalid-request")
        self.assertEqual(error.kind, "invalid-request")
        self.assertEqual(error.instance, "/api/v1/metrics/m1/correlations")
        self.assertEqual([(e.field, e.message) for e in error.errors],
                         [("coefficient", "must be less than or equal to 1"),
                          ("sampleSize", "must be greater than or equal to 2")])
        text = str(error)
        self.assertIn("HTTP 400 Invalid request: the request has invalid fields", text)
        self.assertIn("  - coefficient: must be less than or equal to 1", text)
        self.assertEqual(len(self.service.requests), 1)  # a 400 is not retried
        self.assertEqual(self.sleeps, [])

    def test_conflicts_and_not_found_are_not_retried(self) -> None:
        self.service.enqueue(problem(409, "lifecycle-conflict", "Lifecycle conflict", "metric m1 is deprecated"))
        with self.assertRaises(ApiError) as caught:
            self.client.deprecate_metric("m1", "again")
        self.assertEqual((caught.exception.status, caught.exception.kind), (409, "lifecycle-conflict"))
        self.assertEqual(caught.exception.errors, [])
        with self.assertRaises(ApiError) as missing:
            self.client.get_metric("nope")  # the fake answers 404 problems for unknown paths
        self.assertEqual(missing.exception.status, 404)
        self.assertEqual(len(self.service.requests), 2)

    def test_an_answer_that_is_not_a_problem_document(self) -> None:
        self.service.enqueue(Answer(401, None), Answer(502, "<html>bad gateway</html>", content_type="text/html"))
        with self.assertRaises(ApiError) as unauthorized:
            self.client.team_summary("search")
        self.assertEqual(unauthorized.exception.status, 401)
        self.assertEqual(unauthorized.exception.title, "Unauthorized")
        with self.assertRaises(ApiError) as gateway:
            self.client.team_summary("search")
        self.assertIn("bad gateway", str(gateway.exception))

    def test_a_redirect_is_not_followed(self) -> None:
        self.service.enqueue(Answer(302, None, headers={"Location": "http://elsewhere.invalid/steal"}))
        with self.assertRaises(ApiError) as caught:
            self.client.team_summary("search")
        self.assertEqual(caught.exception.status, 302)
        self.assertEqual(len(self.service.requests), 1)

    # -------------------------------------------------------------------------------- retries

    def test_503_is_retried_after_retry_after_with_the_same_idempotency_key(self) -> None:
        unavailable = problem(503, "database-unavailable", "Service unavailable", "the database is unavailable")
        unavailable.headers["Retry-After"] = "2"
        self.service.enqueue(unavailable, unavailable, Answer(201, {"metricId": "m1"}))
        answer = self.client.propose_metric("Answer accuracy", team="search", owner="carl")
        self.assertEqual(answer["metricId"], "m1")
        self.assertEqual(self.sleeps, [2.0, 2.0])
        keys = {r.headers["idempotency-key"] for r in self.service.requests}
        self.assertEqual(len(self.service.requests), 3)
        self.assertEqual(len(keys), 1)
        bodies = {r.body for r in self.service.requests}
        self.assertEqual(len(bodies), 1)

    def test_a_given_idempotency_key_is_used(self) -> None:
        self.service.enqueue(Answer(201, {"correlationId": "c1", "verdict": "SUPPORTED"}))
        self.client.record_correlation("m1", "h1", 0.8, 900, "2026-11-01", "2026-11-30", idempotency_key="job-42")
        self.assertEqual(self.service.requests[0].headers["idempotency-key"], "job-42")

    def test_503_retries_are_bounded(self) -> None:
        client = Client(self.service.url, sleep=self.sleeps.append, retry=RetryPolicy(max_attempts=3, max_wait=5))
        unavailable = problem(503, "database-unavailable", "Service unavailable", "down")
        unavailable.headers["Retry-After"] = "120"  # longer than max_wait: cut to it
        self.service.enqueue(unavailable, unavailable, unavailable, Answer(200, {}))
        with self.assertRaises(ApiError) as caught:
            client.team_summary("search")
        self.assertEqual(caught.exception.status, 503)
        self.assertEqual(len(self.service.requests), 3)
        self.assertEqual(self.sleeps, [5.0, 5.0])

    def test_503_without_retry_after_backs_off(self) -> None:
        self.service.enqueue(Answer(503, None), Answer(200, {"team": "search"}))
        self.assertEqual(self.client.team_summary("search"), {"team": "search"})
        self.assertEqual(len(self.sleeps), 1)
        self.assertTrue(0.3 <= self.sleeps[0] <= 0.7, self.sleeps)

    def test_retry_after_as_an_http_date(self) -> None:
        when = dt.datetime.now(dt.timezone.utc) + dt.timedelta(seconds=3)
        unavailable = Answer(503, None, headers={"Retry-After": when.strftime("%a, %d %b %Y %H:%M:%S GMT")})
        self.service.enqueue(unavailable, Answer(200, {}))
        self.client.team_summary("search")
        self.assertEqual(len(self.sleeps), 1)
        self.assertTrue(1.0 <= self.sleeps[0] <= 3.0, self.sleeps)

    def test_a_key_still_in_flight_is_retried(self) -> None:
        in_flight = problem(409, "idempotency-key-in-flight", "Idempotency key in use", "still being processed")
        self.service.enqueue(in_flight, Answer(201, {"metricId": "m1"}, headers={"Idempotent-Replayed": "true"}))
        self.client.propose_metric("Answer accuracy", team="search", owner="carl")
        first, second = self.service.requests
        self.assertEqual(first.headers["idempotency-key"], second.headers["idempotency-key"])

    def test_a_dropped_connection_is_retried_with_the_same_key(self) -> None:
        self.service.enqueue(Answer(0, drop=True), Answer(201, {"correlationId": "c1", "verdict": "INCONCLUSIVE"}))
        answer = self.client.record_correlation("m1", "h1", 0.5, 40, "2026-11-01", "2026-11-30")
        self.assertEqual(answer["verdict"], "INCONCLUSIVE")
        first, second = self.service.requests
        self.assertEqual(first.headers["idempotency-key"], second.headers["idempotency-key"])
        self.assertEqual(first.body, second.body)
        self.assertEqual(len(self.sleeps), 1)

    def test_an_unreachable_service_is_a_transport_error_after_bounded_attempts(self) -> None:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]  # nothing listens there once the socket is closed
        client = Client(f"http://127.0.0.1:{port}", sleep=self.sleeps.append, timeout=2,
                        retry=RetryPolicy(max_attempts=3))
        with self.assertRaises(TransportError) as caught:
            client.propose_metric("x", team="search", owner="carl")
        self.assertEqual(caught.exception.attempts, 3)
        self.assertEqual(len(self.sleeps), 2)
        self.assertIn("could not reach the service", str(caught.exception))


if __name__ == "__main__":
    unittest.main()
