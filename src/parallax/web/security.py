"""Security for every response and request: headers, body size limits, tokens, origins.

One ASGI middleware, so nothing reaches a route without passing through it:

* every response carries a strict Content-Security-Policy (scripts only from this server,
  never inline, no framing), ``X-Content-Type-Options: nosniff`` and a Referrer-Policy;
* a request body larger than the configured limit is refused with 413 before it is read
  in full, whether or not it declares its length;
* write requests (anything but GET/HEAD/OPTIONS, except the read-only claim check) need
  ``Authorization: Bearer <token>`` when the server has a token, and a browser request
  from another site's page (an ``Origin`` that is not this server) is refused, so a web page
  cannot make a local server ingest on its visitor's behalf.
"""

from __future__ import annotations

import hmac
import json
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any
from urllib.parse import urlsplit

from starlette.exceptions import HTTPException

from parallax.web.settings import ServerSettings

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
"""Inline styles are allowed because the chart library sets styles at run time; scripts are
never inline and only come from this server, so injected markup cannot run anything."""

SECURITY_HEADERS = [
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
]
READ_ONLY_POSTS = frozenset({"/api/check"})
"""POST endpoints that only compute an answer and write nothing."""


def _human(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB" if n >= 1024 * 1024 else f"{n / 1024:.0f} KB"


class PayloadTooLarge(HTTPException):
    """The request body went over the limit while it was being read.

    An HTTPException, so the framework's body parsing passes it on as a 413 instead of
    turning it into a generic "could not parse" 400.
    """

    def __init__(self, message: str) -> None:
        super().__init__(status_code=413, detail=message)


class SecurityMiddleware:
    """Headers on every response; size limit, token and origin checks on every request."""

    def __init__(self, app: ASGIApp, settings: ServerSettings) -> None:
        self.app = app
        self.settings = settings

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Check the request, then pass it on with a body reader that enforces the limit."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *SECURITY_HEADERS]
            await send(message)

        problem = self._refusal(scope, headers)
        if problem is not None:
            await _send_error(send_with_headers, *problem)
            return
        limit = self.settings.max_request_bytes
        received = 0
        started = False

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise PayloadTooLarge(self._too_large_message(None))
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send_with_headers(message)

        try:
            await self.app(scope, limited_receive, tracking_send)
        except PayloadTooLarge as exc:
            if not started:
                await _send_error(send_with_headers, 413, str(exc.detail))

    def _too_large_message(self, declared: int | None) -> str:
        limit = _human(self.settings.max_request_bytes)
        size = f" ({_human(declared)})" if declared else ""
        return (
            f"the request body{size} is larger than this server accepts ({limit}); send "
            "fewer or smaller files, or restart the server with a larger --max-request-size"
        )

    def _refusal(self, scope: Scope, headers: dict[str, str]) -> tuple[int, str] | None:
        declared = headers.get("content-length")
        if declared is not None:
            try:
                size = int(declared)
            except ValueError:
                return 400, "the Content-Length header is not a number"
            if size > self.settings.max_request_bytes:
                return 413, self._too_large_message(size)
        method = scope["method"]
        if method in {"GET", "HEAD", "OPTIONS"} or scope["path"] in READ_ONLY_POSTS:
            return None
        origin = headers.get("origin")
        if origin and origin != "null" and urlsplit(origin).netloc != headers.get("host"):
            return 403, (
                f"requests from pages of another site ({origin}) may not change this "
                "server's data; use the server's own pages or a client without an Origin"
            )
        token = self.settings.token
        if token:
            given = headers.get("authorization", "")
            scheme, _, value = given.partition(" ")
            if scheme.lower() != "bearer" or not hmac.compare_digest(
                value.strip().encode(), token.encode()
            ):
                return 401, (
                    "this server needs a token for changes: send the header "
                    "'Authorization: Bearer <token>' with the token it was started with "
                    "(--token or PARALLAX_TOKEN)"
                )
        return None


async def _send_error(send: Send, status: int, message: str) -> None:
    body = json.dumps({"detail": message}).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    if status == 401:
        headers.append((b"www-authenticate", b"Bearer"))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
