"""A typed client for the metric lifecycle service's HTTP API v1, on ``urllib`` alone.

Every write carries an ``Idempotency-Key`` (a fresh UUID per call, or the caller's own) that is reused across its
retries, so retrying a write whose answer was lost cannot store it twice. Requests are retried, a bounded number of
times, on 503 (honouring ``Retry-After``), on 409 "idempotency key in use" (the first attempt is still running), and
on connection errors. Every other error answer is raised as an :class:`ApiError` carrying the RFC 9457 problem
document (``type``, ``title``, ``detail`` and the field errors ``errors[]``).
"""
from __future__ import annotations

import base64
import datetime as _dt
import email.utils
import http.client
import json
import os
import random
import socket
import ssl
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, Iterator, List, Mapping, Optional, Sequence, Tuple, Union

__all__ = [
    "ApiError",
    "Client",
    "FieldError",
    "MlcError",
    "Response",
    "TransportError",
    "DEFAULT_URL",
]

DEFAULT_URL = "http://127.0.0.1:8080"
USER_AGENT = "mlc-python/0.1.0"
PROBLEM_PREFIX = "urn:metric-lifecycle:problem:"
IN_FLIGHT_TYPE = PROBLEM_PREFIX + "idempotency-key-in-flight"

Json = Dict[str, Any]
DateLike = Union[str, _dt.date]
InstantLike = Union[str, _dt.datetime, _dt.date]
Number = Union[int, float]


class MlcError(Exception):
    """Base class of every error this package raises."""


@dataclass(frozen=True)
class FieldError:
    """One offending field of a 400: ``field`` as the service names it (``coefficient``, ``members[1]``)."""

    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"


class ApiError(MlcError):
    """An error answer of the service (4xx or 5xx), with its RFC 9457 problem document when it sent one."""

    def __init__(self, status: int, method: str, url: str, *, title: Optional[str] = None,
                 detail: Optional[str] = None, type: Optional[str] = None, instance: Optional[str] = None,
                 errors: Optional[Sequence[FieldError]] = None, problem: Optional[Json] = None,
                 headers: Optional[Mapping[str, str]] = None, body: str = "") -> None:
        self.status = status
        self.method = method
        self.url = url
        self.title = title
        self.detail = detail
        self.type = type
        self.instance = instance
        self.errors: List[FieldError] = list(errors or [])
        self.problem: Optional[Json] = problem
        self.headers: Dict[str, str] = dict(headers or {})
        self.body = body
        super().__init__(self.summary())

    @property
    def kind(self) -> Optional[str]:
        """The problem type without the service's prefix: ``invalid-request``, ``not-found``, ``lifecycle-conflict``..."""
        if self.type and self.type.startswith(PROBLEM_PREFIX):
            return self.type[len(PROBLEM_PREFIX):]
        return self.type

    def summary(self) -> str:
        head = f"HTTP {self.status}"
        if self.title:
            head += f" {self.title}"
        text = self.detail or (self.body.strip()[:500] if self.body and not self.problem else "")
        line = f"{head}: {text}" if text else head
        return f"{line} ({self.method} {self.url})"

    def describe(self) -> str:
        """The problem, readably: the summary line, then one line per field error."""
        lines = [self.summary()]
        lines.extend(f"  - {error}" for error in self.errors)
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.describe()

    @classmethod
    def from_answer(cls, status: int, method: str, url: str, headers: Mapping[str, str], body: bytes) -> "ApiError":
        text = body.decode("utf-8", errors="replace")
        problem: Optional[Json] = None
        content_type = _header(headers, "Content-Type") or ""
        if text.strip() and ("json" in content_type or text.lstrip().startswith("{")):
            try:
                parsed = json.loads(text)
                if isinstance(parsed, dict):
                    problem = parsed
            except ValueError:
                problem = None
        if problem is None:
            return cls(status, method, url, title=http.client.responses.get(status), headers=headers, body=text)
        errors = []
        for item in problem.get("errors") or []:
            if isinstance(item, dict):
                errors.append(FieldError(str(item.get("field", "")), str(item.get("message", ""))))
        return cls(status, method, url, title=_text(problem.get("title")) or http.client.responses.get(status),
                   detail=_text(problem.get("detail")), type=_text(problem.get("type")),
                   instance=_text(problem.get("instance")), errors=errors, problem=problem, headers=headers,
                   body=text)


class TransportError(MlcError):
    """The service could not be reached (connection refused, reset, timed out) after every attempt."""

    def __init__(self, method: str, url: str, attempts: int, cause: BaseException,
                 idempotency_key: Optional[str] = None) -> None:
        self.method = method
        self.url = url
        self.attempts = attempts
        self.cause = cause
        self.idempotency_key = idempotency_key  # a write's key: resend with it and the write is stored at most once
        super().__init__(f"could not reach the service ({method} {url}) after {attempts} attempt(s): {cause}")


@dataclass
class Response:
    """A successful answer: status, headers, raw body, and the ``Idempotency-Key`` the write was sent with."""

    status: int
    headers: Dict[str, str]
    body: bytes
    idempotency_key: Optional[str] = None
    attempts: int = 1

    def json(self) -> Any:
        if not self.body.strip():
            return None
        return json.loads(self.body.decode("utf-8"))

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")

    def header(self, name: str) -> Optional[str]:
        return _header(self.headers, name)


@dataclass
class RetryPolicy:
    """How often and how long to retry. ``max_attempts`` counts the first attempt too."""

    max_attempts: int = 4
    max_wait: float = 30.0  # seconds; a longer Retry-After is cut to this
    backoff: float = 0.5  # first wait when the service names none; doubles per attempt
    retry_connection_errors: bool = True


@dataclass
class _Attempt:
    number: int = 0
    waits: List[float] = field(default_factory=list)


class Client:
    """The metric lifecycle service's HTTP API v1.

    >>> client = Client.from_env()                      # MLC_URL, MLC_USER/MLC_PASSWORD or MLC_TOKEN
    >>> metric_id = client.propose_metric("Answer accuracy", team="search", owner="carl")["metricId"]

    Methods return the service's JSON as dicts and lists (field names as in the API); text documents (the review
    as Markdown or CSV, the rotation's iCalendar feed) as ``str``. Optional arguments left ``None`` are not sent,
    so the service applies its defaults (and a service that does not know a field yet is not sent it).
    """

    def __init__(self, base_url: Optional[str] = None, *, user: Optional[str] = None,
                 password: Optional[str] = None, token: Optional[str] = None, timeout: float = 30.0,
                 retry: Optional[RetryPolicy] = None, sleep: Optional[Callable[[float], None]] = None,
                 opener: Optional[urllib.request.OpenerDirector] = None) -> None:
        url = (base_url or DEFAULT_URL).strip().rstrip("/")
        if url.endswith("/api/v1"):
            url = url[: -len("/api/v1")]
        parts = urllib.parse.urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ValueError(f"not an http(s) URL: {base_url!r}")
        if token and (user or password):
            raise ValueError("give either a bearer token or a user and password, not both")
        self.base_url = url
        self.user = user
        self.password = password
        self.token = token
        self.timeout = timeout
        self.retry = retry or RetryPolicy()
        self._sleep = sleep
        self._opener = opener or urllib.request.build_opener(_NoRedirect())

    @classmethod
    def from_env(cls, env: Optional[Mapping[str, str]] = None, **kwargs: Any) -> "Client":
        """``MLC_URL`` (default http://127.0.0.1:8080), ``MLC_TOKEN`` (Bearer) or ``MLC_USER``/``MLC_PASSWORD``."""
        env = os.environ if env is None else env
        token = env.get("MLC_TOKEN") or None
        user = env.get("MLC_USER") or None
        password = env.get("MLC_PASSWORD")
        if token:
            user, password = None, None
        if user and password is None:
            password = ""
        kwargs.setdefault("base_url", env.get("MLC_URL") or DEFAULT_URL)
        return cls(user=user, password=password, token=token, **kwargs)

    # ------------------------------------------------------------------ metrics: writes

    def propose_metric(self, name: str, team: str, owner: str, *, description: Optional[str] = None,
                       version: Optional[str] = None, valid_for: Optional[str] = None,
                       rationale: Optional[str] = None, replaces: Optional[str] = None,
                       business_case: Optional[str] = None, idempotency_key: Optional[str] = None) -> Json:
        """``POST /metrics`` → ``{"metricId"}`` (plus ``location``, the ``Location`` header)."""
        body = _body(name=name, team=team, owner=owner, description=description, version=version,
                     validFor=valid_for, rationale=rationale, replaces=replaces, businessCase=business_case)
        answer = self.request("POST", "/api/v1/metrics", body=body, idempotency_key=idempotency_key)
        result = _object(answer)
        location = answer.header("Location")
        if location:
            result.setdefault("location", location)
        return result

    def link_hypothesis(self, metric_id: str, outcome: str, statement: str, direction: str,
                        min_correlation: float, min_sample_size: int, *, decision_rule: Optional[str] = None,
                        confidence: Optional[float] = None, reason: Optional[str] = None,
                        idempotency_key: Optional[str] = None) -> Json:
        """``POST /metrics/{id}/hypotheses`` → ``{"hypothesisId","samplesNeeded"}``; direction POSITIVE or NEGATIVE."""
        body = _body(outcome=outcome, statement=statement, direction=direction.upper(),
                     minCorrelation=min_correlation, minSampleSize=min_sample_size,
                     decisionRule=decision_rule.upper() if decision_rule else None, confidence=confidence,
                     reason=reason)
        return _object(self.request("POST", _path("metrics", metric_id, "hypotheses"), body=body,
                                    idempotency_key=idempotency_key))

    def record_correlation(self, metric_id: str, hypothesis_id: str, coefficient: float, sample_size: int,
                           period_start: DateLike, period_end: DateLike, *, method: Optional[str] = None,
                           source: Optional[str] = None, definition_version: Optional[str] = None,
                           supersedes: Optional[str] = None, idempotency_key: Optional[str] = None) -> Json:
        """``POST /metrics/{id}/correlations`` → ``{"correlationId","verdict","interval","hypothesisStatus"}``."""
        body = _body(hypothesisId=hypothesis_id, coefficient=float(coefficient), sampleSize=int(sample_size),
                     periodStart=_date(period_start), periodEnd=_date(period_end),
                     method=method.upper() if method else None, source=source,
                     definitionVersion=definition_version, supersedes=supersedes)
        return _object(self.request("POST", _path("metrics", metric_id, "correlations"), body=body,
                                    idempotency_key=idempotency_key))

    def open_shadow_check(self, metric_id: str, hypothesis_id: str, change: str, eval_delta: float, *,
                          observe_for: Optional[str] = None, idempotency_key: Optional[str] = None) -> Json:
        """``POST /metrics/{id}/shadow-checks`` → ``{"checkId","observeUntil"}``; observe_for an ISO duration."""
        body = _body(change=change, evalDelta=float(eval_delta), hypothesisId=hypothesis_id, observeFor=observe_for)
        return _object(self.request("POST", _path("metrics", metric_id, "shadow-checks"), body=body,
                                    idempotency_key=idempotency_key))

    def conclude_shadow_check(self, metric_id: str, check_id: str, outcome_delta: float, *,
                              sample_size: Optional[int] = None, note: Optional[str] = None,
                              idempotency_key: Optional[str] = None) -> Json:
        """``POST /metrics/{id}/shadow-checks/{checkId}/outcome`` → ``{"result"}``: CONFIRMED or DIVERGED."""
        body = _body(outcomeDelta=float(outcome_delta), sampleSize=sample_size, note=note)
        return _object(self.request("POST", _path("metrics", metric_id, "shadow-checks", check_id, "outcome"),
                                    body=body, idempotency_key=idempotency_key))

    def deprecate_metric(self, metric_id: str, reason: str, *, replaced_by: Optional[str] = None,
                         idempotency_key: Optional[str] = None) -> Json:
        """``POST /metrics/{id}/deprecation`` (terminal)."""
        body = _body(reason=reason, replacedBy=replaced_by)
        return _object(self.request("POST", _path("metrics", metric_id, "deprecation"), body=body,
                                    idempotency_key=idempotency_key))

    # ------------------------------------------------------------------ metrics: reads

    def get_metric(self, metric_id: str, *, as_of: Optional[InstantLike] = None) -> Json:
        """``GET /metrics/{id}`` (``as_of``: an instant, or a date meaning the end of that day UTC)."""
        query = {"asOf": _instant(as_of)} if as_of is not None else None
        return _object(self.request("GET", _path("metrics", metric_id), query=query))

    def list_metrics(self, *, team: Optional[str] = None, status: Optional[str] = None,
                     owner: Optional[str] = None, q: Optional[str] = None, page: Optional[int] = None,
                     size: Optional[int] = None) -> Json:
        """``GET /metrics`` → ``{"items":[MetricView...],"total":N}`` (one page)."""
        query = _query(team=team, status=status.upper() if status else None, owner=owner, q=q, page=page,
                       size=size)
        return _object(self.request("GET", "/api/v1/metrics", query=query))

    def iter_metrics(self, *, team: Optional[str] = None, status: Optional[str] = None,
                     owner: Optional[str] = None, q: Optional[str] = None, page_size: int = 200) -> Iterator[Json]:
        """Every matching metric, page after page."""
        page = 0
        seen = 0
        while True:
            answer = self.list_metrics(team=team, status=status, owner=owner, q=q, page=page, size=page_size)
            items = answer.get("items") or []
            yield from items
            seen += len(items)
            if not items or seen >= int(answer.get("total", 0)):
                return
            page += 1

    def list_correlations(self, metric_id: str, *, hypothesis_id: Optional[str] = None,
                          page: Optional[int] = None, size: Optional[int] = None) -> Json:
        """``GET /metrics/{id}/correlations`` → ``{"items":[...],"total":N}``, newest first."""
        query = _query(hypothesisId=hypothesis_id, page=page, size=size)
        return _object(self.request("GET", _path("metrics", metric_id, "correlations"), query=query))

    def list_shadow_checks(self, metric_id: str) -> Json:
        """``GET /metrics/{id}/shadow-checks`` → ``{"items":[{checkId, change, evalDelta, ..., state, result}]}``."""
        return _object(self.request("GET", _path("metrics", metric_id, "shadow-checks")))

    def history(self, metric_id: str) -> List[Json]:
        """``GET /metrics/{id}/history``: every event, oldest first."""
        return _array(self.request("GET", _path("metrics", metric_id, "history")))

    def verify_history(self, metric_id: str) -> Json:
        """``GET /metrics/{id}/history/verify``: whether the hash chain is intact and where it breaks."""
        return _object(self.request("GET", _path("metrics", metric_id, "history", "verify")))

    # ------------------------------------------------------------------ governance

    def change_owner(self, metric_id: str, owner: str, reason: str, *,
                     idempotency_key: Optional[str] = None) -> Json:
        """``PUT /metrics/{id}/owner``."""
        return _object(self.request("PUT", _path("metrics", metric_id, "owner"),
                                    body=_body(owner=owner, reason=reason), idempotency_key=idempotency_key))

    def revise_definition(self, metric_id: str, version: str, change_note: str, *,
                          valid_for: Optional[str] = None,
                          deltas: Optional[Sequence[Mapping[str, Any]]] = None,
                          idempotency_key: Optional[str] = None) -> Json:
        """``POST /metrics/{id}/revisions``; deltas ``[{"subject": "baseline", "before": 0.7, "after": 0.8}]``."""
        body = _body(version=version, changeNote=change_note, validFor=valid_for,
                     deltas=[dict(d) for d in deltas] if deltas is not None else None)
        return _object(self.request("POST", _path("metrics", metric_id, "revisions"), body=body,
                                    idempotency_key=idempotency_key))

    def record_blind_spot(self, metric_id: str, failure_mode: str, description: str, *,
                          incident_ref: Optional[str] = None, idempotency_key: Optional[str] = None) -> Json:
        """``POST /metrics/{id}/blind-spots``: a production failure this metric did not catch."""
        body = _body(failureMode=failure_mode, description=description, incidentRef=incident_ref)
        return _object(self.request("POST", _path("metrics", metric_id, "blind-spots"), body=body,
                                    idempotency_key=idempotency_key))

    def set_rotation(self, team: str, members: Sequence[str], period: str, starts_at: InstantLike, *,
                     idempotency_key: Optional[str] = None) -> Json:
        """``PUT /teams/{team}/rotation``: members in order, an ISO period (``P1W``), the first handoff."""
        body = _body(members=list(members), period=period, startsAt=_instant(starts_at))
        return _object(self.request("PUT", _path("teams", team, "rotation"), body=body,
                                    idempotency_key=idempotency_key))

    def stop_rotation(self, team: str, *, idempotency_key: Optional[str] = None) -> None:
        """``DELETE /teams/{team}/rotation`` (204)."""
        self.request("DELETE", _path("teams", team, "rotation"), idempotency_key=idempotency_key)

    def add_rotation_override(self, team: str, member: str, replacement: str, start: InstantLike,
                              end: InstantLike, *, idempotency_key: Optional[str] = None) -> Json:
        """``POST /teams/{team}/rotation/overrides``: while ``member`` is away (start..end), ``replacement`` stands in."""
        body = _body(member=member, replacement=replacement, **{"from": _instant(start), "to": _instant(end)})
        return _object(self.request("POST", _path("teams", team, "rotation", "overrides"), body=body,
                                    idempotency_key=idempotency_key))

    def get_rotation(self, team: str) -> Json:
        """``GET /teams/{team}/rotation``: members, period, startsAt, nextHandoffAt, overrides, assignments."""
        return _object(self.request("GET", _path("teams", team, "rotation")))

    def rotation_calendar(self, team: str, *, member: Optional[str] = None, count: Optional[int] = None) -> str:
        """``GET /teams/{team}/rotation.ics``: the upcoming handoffs as iCalendar text."""
        return self.request("GET", _path("teams", team, "rotation.ics"), query=_query(member=member, count=count),
                            accept="text/calendar").text

    def set_budget(self, team: str, core_metric_limit: int, *, reason: Optional[str] = None,
                   idempotency_key: Optional[str] = None) -> Json:
        """``PUT /teams/{team}/budget`` (1..100)."""
        return _object(self.request("PUT", _path("teams", team, "budget"),
                                    body=_body(coreMetricLimit=int(core_metric_limit), reason=reason),
                                    idempotency_key=idempotency_key))

    def set_members(self, team: str, members: Sequence[str], *, reason: Optional[str] = None,
                    idempotency_key: Optional[str] = None) -> Json:
        """``PUT /teams/{team}/members``: the team's roster (owners and rotation members must be on it)."""
        return _object(self.request("PUT", _path("teams", team, "members"),
                                    body=_body(members=list(members), reason=reason), idempotency_key=idempotency_key))

    def team_summary(self, team: str) -> Json:
        """``GET /teams/{team}``: limit, counts by status, owner load, rotation summary."""
        return _object(self.request("GET", _path("teams", team)))

    def team_history(self, team: str) -> List[Json]:
        """``GET /teams/{team}/history``: the team stream's events (budget, roster, rotation, ...), oldest first."""
        return _array(self.request("GET", _path("teams", team, "history")))

    def review(self, team: str, *, format: str = "json") -> Union[Json, str]:
        """``GET /teams/{team}/review``: a dict for ``json``, the mapping document's text for ``md`` or ``csv``."""
        chosen = format.lower()
        if chosen not in ("json", "md", "csv"):
            raise ValueError("format must be json, md or csv")
        accept = {"json": "application/json", "md": "text/markdown", "csv": "text/csv"}[chosen]
        query = None if chosen == "json" else {"format": chosen}
        answer = self.request("GET", _path("teams", team, "review"), query=query, accept=accept)
        return _object(answer) if chosen == "json" else answer.text

    # ------------------------------------------------------------------ webhooks (a team's subscriptions)

    def subscribe_webhook(self, team: str, url: str, *, format: Optional[str] = None,
                          events: Optional[Sequence[str]] = None, idempotency_key: Optional[str] = None) -> Json:
        """``POST /teams/{team}/webhooks``."""
        body = _body(url=url, format=format, events=list(events) if events is not None else None)
        return _object(self.request("POST", _path("teams", team, "webhooks"), body=body,
                                    idempotency_key=idempotency_key))

    def list_webhooks(self, team: str) -> Json:
        """``GET /teams/{team}/webhooks``."""
        return _object(self.request("GET", _path("teams", team, "webhooks")))

    def unsubscribe_webhook(self, team: str, subscription_id: str, *,
                            idempotency_key: Optional[str] = None) -> None:
        """``DELETE /teams/{team}/webhooks/{id}``."""
        self.request("DELETE", _path("teams", team, "webhooks", subscription_id), idempotency_key=idempotency_key)

    def webhook_deliveries(self, team: str, subscription_id: str, *, page: Optional[int] = None,
                           size: Optional[int] = None) -> Json:
        """``GET /teams/{team}/webhooks/{id}/deliveries``."""
        return _object(self.request("GET", _path("teams", team, "webhooks", subscription_id, "deliveries"),
                                    query=_query(page=page, size=size)))

    # ------------------------------------------------------------------ audit and admin

    def create_checkpoint(self, *, idempotency_key: Optional[str] = None) -> Json:
        """``POST /audit/checkpoints`` (admin): sign a checkpoint of every stream's head now."""
        return _object(self.request("POST", "/api/v1/audit/checkpoints", idempotency_key=idempotency_key))

    def latest_checkpoint(self) -> Json:
        """``GET /audit/checkpoints/latest``: the newest signed checkpoint, with the public key."""
        return _object(self.request("GET", "/api/v1/audit/checkpoints/latest"))

    def verify_checkpoint(self, checkpoint: Mapping[str, Any], *, idempotency_key: Optional[str] = None) -> Json:
        """``POST /audit/verify`` → ``{"signatureValid","intact","breaks":[...]}``."""
        return _object(self.request("POST", "/api/v1/audit/verify", body=dict(checkpoint),
                                    idempotency_key=idempotency_key))

    def rebuild_projections(self, *, idempotency_key: Optional[str] = None) -> Optional[Json]:
        """``POST /admin/projections/rebuild`` (admin; 202 at once)."""
        answer = self.request("POST", "/api/v1/admin/projections/rebuild", idempotency_key=idempotency_key)
        value = answer.json()
        return value if isinstance(value, dict) else None

    def rebuild_status(self) -> Json:
        """``GET /admin/projections/rebuild`` → ``{state, eventsApplied, eventsTotal, ...}``."""
        return _object(self.request("GET", "/api/v1/admin/projections/rebuild"))

    # ------------------------------------------------------------------ transport

    def request(self, method: str, path: str, *, query: Optional[Mapping[str, Any]] = None,
                body: Optional[Any] = None, accept: str = "application/json",
                idempotency_key: Optional[str] = None) -> Response:
        """Send one request (with its retries) and answer the 2xx :class:`Response`, or raise :class:`ApiError`.

        Writes (every method but GET and HEAD) carry ``Idempotency-Key``: ``idempotency_key`` or a fresh UUID4,
        the same on every retry of this call.
        """
        method = method.upper()
        url = self.base_url + path
        if query:
            pairs = [(k, _query_value(v)) for k, v in query.items() if v is not None]
            if pairs:
                url += "?" + urllib.parse.urlencode(pairs)
        headers = {"Accept": accept, "User-Agent": USER_AGENT}
        auth = self._authorization()
        if auth:
            headers["Authorization"] = auth
        write = method not in ("GET", "HEAD", "OPTIONS")
        key: Optional[str] = None
        if write:
            key = idempotency_key or str(uuid.uuid4())
            headers["Idempotency-Key"] = key
        data: Optional[bytes] = None
        if body is not None:
            data = json.dumps(body, ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode("utf-8")
            headers["Content-Type"] = "application/json"
        attempt = _Attempt()
        policy = self.retry
        while True:
            attempt.number += 1
            try:
                status, answer_headers, payload = self._send(method, url, headers, data)
            except _CONNECTION_ERRORS as failure:
                # A certificate the client refuses will not change on a retry.
                retryable = policy.retry_connection_errors and not isinstance(_unwrap(failure), ssl.CertificateError)
                if not retryable or attempt.number >= policy.max_attempts:
                    raise TransportError(method, url, attempt.number, _unwrap(failure), key) from failure
                self._wait(self._backoff(attempt.number), attempt)
                continue
            if 200 <= status < 300:
                return Response(status, answer_headers, payload, key, attempt.number)
            error = ApiError.from_answer(status, method, url, answer_headers, payload)
            if self._retryable(error) and attempt.number < policy.max_attempts:
                wait = _retry_after(_header(answer_headers, "Retry-After"))
                self._wait(self._backoff(attempt.number) if wait is None else wait, attempt)
                continue
            raise error

    def _send(self, method: str, url: str, headers: Mapping[str, str],
              data: Optional[bytes]) -> Tuple[int, Dict[str, str], bytes]:
        request = urllib.request.Request(url, data=data, method=method, headers=dict(headers))
        try:
            with self._opener.open(request, timeout=self.timeout) as answer:
                return answer.status, dict(answer.headers.items()), answer.read()
        except urllib.error.HTTPError as error:
            try:
                payload = error.read()
            except (OSError, http.client.HTTPException):
                payload = b""
            finally:
                error.close()
            return error.code, dict(error.headers.items()) if error.headers else {}, payload

    @staticmethod
    def _retryable(error: ApiError) -> bool:
        if error.status == 503:
            return True
        # The first request with this key is still running on the service: its answer will be replayed.
        return error.status == 409 and error.type == IN_FLIGHT_TYPE

    def _backoff(self, attempt: int) -> float:
        base = self.retry.backoff * (2.0 ** (attempt - 1))
        return min(self.retry.max_wait, base * (0.75 + random.random() * 0.5))

    def _wait(self, seconds: float, attempt: _Attempt) -> None:
        seconds = max(0.0, min(float(seconds), self.retry.max_wait))
        attempt.waits.append(seconds)
        (self._sleep or time.sleep)(seconds)

    def _authorization(self) -> Optional[str]:
        if self.token:
            return "Bearer " + self.token
        if self.user:
            raw = f"{self.user}:{self.password or ''}".encode("utf-8")
            return "Basic " + base64.b64encode(raw).decode("ascii")
        return None


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """The API never redirects; following one would resend the credentials elsewhere. A 3xx becomes an error."""

    def redirect_request(self, req: urllib.request.Request, fp: Any, code: int, msg: str, headers: Any,
                         newurl: str) -> None:
        return None


_CONNECTION_ERRORS = (urllib.error.URLError, http.client.HTTPException, ConnectionError, socket.timeout, OSError)


def _unwrap(error: BaseException) -> BaseException:
    if isinstance(error, urllib.error.URLError) and isinstance(error.reason, BaseException):
        return error.reason
    return error


def _retry_after(value: Optional[str]) -> Optional[float]:
    """``Retry-After`` as seconds: delta-seconds or an HTTP-date; None when absent or unreadable."""
    if value is None:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=_dt.timezone.utc)
    return max(0.0, (when - _dt.datetime.now(_dt.timezone.utc)).total_seconds())


def _header(headers: Mapping[str, str], name: str) -> Optional[str]:
    lower = name.lower()
    for key, value in headers.items():
        if key.lower() == lower:
            return value
    return None


def _path(*segments: str) -> str:
    for segment in segments:
        if not isinstance(segment, str) or not segment:
            raise ValueError(f"an id or name in the path is empty: {segments!r}")
    return "/api/v1/" + "/".join(urllib.parse.quote(s, safe="") for s in segments)


def _body(**fields: Any) -> Json:
    return {k: v for k, v in fields.items() if v is not None}


def _query(**fields: Any) -> Dict[str, Any]:
    return {k: v for k, v in fields.items() if v is not None}


def _query_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (_dt.datetime, _dt.date)):
        return _instant(value)
    return str(value)


def _date(value: DateLike) -> str:
    if isinstance(value, _dt.datetime):
        return value.date().isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    return str(value)


def _instant(value: InstantLike) -> str:
    """A datetime as ISO-8601 UTC with milliseconds (naive means UTC); a date or a string as is."""
    if isinstance(value, _dt.datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=_dt.timezone.utc)
        value = value.astimezone(_dt.timezone.utc)
        return value.strftime("%Y-%m-%dT%H:%M:%S.") + f"{value.microsecond // 1000:03d}Z"
    if isinstance(value, _dt.date):
        return value.isoformat()
    return str(value)


def _text(value: Any) -> Optional[str]:
    return None if value is None else str(value)


def _object(answer: Response) -> Json:
    value = answer.json()
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise MlcError(f"expected a JSON object from the service, got {type(value).__name__}")
    return value


def _array(answer: Response) -> List[Json]:
    value = answer.json()
    if value is None:
        return []
    if isinstance(value, dict) and isinstance(value.get("items"), list):
        return list(value["items"])
    if not isinstance(value, list):
        raise MlcError(f"expected a JSON array from the service, got {type(value).__name__}")
    return value
