"""A local HTTP server that answers with canned responses, for download tests."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class _Handler(BaseHTTPRequestHandler):
    """Serves ``self.server.responses[path] = (status, body, declared_length)``."""

    def do_GET(self) -> None:
        status, body, declared = self.server.responses.get(self.path, (404, b"not found", None))
        self.send_response(status)
        self.send_header("Content-Length", str(declared if declared is not None else len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@contextmanager
def canned_server() -> Iterator[ThreadingHTTPServer]:
    """A server on a free localhost port; set ``server.responses`` per test."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.responses = {}
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield httpd
    finally:
        httpd.shutdown()
        httpd.server_close()
