"""A stand-in for the service: a stdlib HTTP server on 127.0.0.1 (a free port) in a thread, recording requests.

Answers come from a queue (one per request, in order) and then from fixed routes ``(method, path)``; anything else
is a 404 problem document, like the service's.
"""
from __future__ import annotations

import json
import threading
import urllib.parse
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Deque, Dict, List, Optional, Tuple


@dataclass
class Recorded:
    method: str
    path: str
    query: Dict[str, List[str]]
    headers: Dict[str, str]  # names lower-cased
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body.decode("utf-8"))


@dataclass
class Answer:
    status: int
    body: Any = None  # dict/list → JSON; str → text as is
    headers: Dict[str, str] = field(default_factory=dict)
    content_type: Optional[str] = None
    drop: bool = False  # close the connection without answering


def problem(status: int, kind: str, title: str, detail: str, errors: Optional[List[Dict[str, str]]] = None,
            instance: str = "/api/v1/x") -> Answer:
    body: Dict[str, Any] = {"type": "urn:metric-lifecycle:problem:" + kind, "title": title, "status": status,
                            "detail": detail, "instance": instance}
    if errors:
        body["errors"] = errors
    return Answer(status, body, content_type="application/problem+json")


class FakeService:
    def __init__(self) -> None:
        self.requests: List[Recorded] = []
        self.queue: Deque[Answer] = deque()
        self.routes: Dict[Tuple[str, str], Answer] = {}
        self._lock = threading.Lock()
        service = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:  # quiet
                return

            def _handle(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                parts = urllib.parse.urlsplit(self.path)
                recorded = Recorded(self.command, parts.path, urllib.parse.parse_qs(parts.query, keep_blank_values=True),
                                    {k.lower(): v for k, v in self.headers.items()}, body)
                with service._lock:
                    service.requests.append(recorded)
                    answer = service.queue.popleft() if service.queue else service.routes.get(
                        (self.command, parts.path))
                if answer is None:
                    answer = problem(404, "not-found", "Not found", f"nothing at {parts.path}", instance=parts.path)
                if answer.drop:
                    self.close_connection = True
                    return
                content_type: Optional[str]
                if isinstance(answer.body, (dict, list)):
                    payload = json.dumps(answer.body).encode("utf-8")
                    content_type = answer.content_type or "application/json"
                elif isinstance(answer.body, str):
                    payload = answer.body.encode("utf-8")
                    content_type = answer.content_type or "text/plain; charset=UTF-8"
                else:
                    payload = b""
                    content_type = answer.content_type
                self.send_response(answer.status)
                if content_type and payload:
                    self.send_header("Content-Type", content_type)
                for name, value in answer.headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                if payload:
                    self.wfile.write(payload)

            do_GET = _handle
            do_POST = _handle
            do_PUT = _handle
            do_DELETE = _handle

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, name="fake-service", daemon=True)

    @property
    def url(self) -> str:
        port = self._server.server_address[1]
        return f"http://127.0.0.1:{port}"

    def start(self) -> "FakeService":
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(5)

    def enqueue(self, *answers: Answer) -> None:
        with self._lock:
            self.queue.extend(answers)

    def route(self, method: str, path: str, answer: Answer) -> None:
        with self._lock:
            self.routes[(method, path)] = answer

    def reset(self) -> None:
        with self._lock:
            self.requests.clear()
            self.queue.clear()
            self.routes.clear()
