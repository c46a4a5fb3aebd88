"""What keeps a local review app safe: loopback by default, one token per server against cross-site forgery,
DNS rebinding refused, and a Content-Security-Policy that runs only the app's own script.

The texts are web pages and news items: whatever they hold is shown as text (the templates
escape everything, `review/templates/`), and with this policy even a missed escape could not run
an inline script or an `onerror=` handler. A state-changing request must carry the token the
server put in its pages (`X-CSRF-Token`) and, where the browser says, come from the app's own
origin; another site can make a browser send a request to 127.0.0.1, but not read the token.
"""

from __future__ import annotations

import hmac
import ipaddress
import secrets
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
TOKEN_HEADER = "X-CSRF-Token"
HEADERS = {
    "Content-Security-Policy": "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
                               "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cache-Control": "no-store",
}


def is_loopback(host: str) -> bool:
    """Whether `host` (a name or an address) stays on this machine.

    >>> is_loopback("127.0.0.1"), is_loopback("localhost"), is_loopback("0.0.0.0")
    (True, True, False)
    """
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@dataclass(frozen=True, slots=True)
class Guard:
    """The server's token and the Host names it answers to (None: any, when bound beyond loopback)."""

    hosts: frozenset[str] | None
    token: str = field(default_factory=lambda: secrets.token_urlsafe(32))

    @classmethod
    def for_address(cls, host: str, port: int) -> Guard:
        """A guard for a server bound to host:port; on loopback it answers only to loopback names."""
        if not is_loopback(host):
            return cls(None)
        names = {host, "127.0.0.1", "localhost", "[::1]"}
        return cls(frozenset(f"{name}:{port}" for name in names) | frozenset(names))

    def origins(self) -> set[str] | None:
        return None if self.hosts is None else {f"http://{host}" for host in self.hosts}

    def refusal(self, request: Request) -> Response | None:
        """Why the request is refused, as a response; None when it may go on."""
        host = request.headers.get("host", "")
        if self.hosts is not None and host not in self.hosts:
            return PlainTextResponse("unknown host: gwr review answers only to its own address", status_code=400)
        if request.method in SAFE_METHODS:
            return None
        origins = self.origins()
        origin = request.headers.get("origin")
        if origin is not None and origins is not None and origin not in origins:
            return JSONResponse({"error": "cross-site request refused"}, status_code=403)
        if request.headers.get("sec-fetch-site", "same-origin") not in ("same-origin", "none"):
            return JSONResponse({"error": "cross-site request refused"}, status_code=403)
        given = request.headers.get(TOKEN_HEADER, "")
        if not hmac.compare_digest(given.encode(), self.token.encode()):
            return JSONResponse({"error": "missing or wrong CSRF token: reload the page"}, status_code=403)
        return None

    async def middleware(self, request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        """Refuse what `refusal` refuses; put the safety headers on every response."""
        response = self.refusal(request) or await call_next(request)
        response.headers.update(HEADERS)
        return response
