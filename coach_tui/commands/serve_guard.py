"""Who may use `coach serve`: a browser tab opened from the address it printed, nothing else.

The server listens on 127.0.0.1, but that alone keeps out neither another user of this
machine nor a web page the user happens to visit: browsers let any page open a websocket to
127.0.0.1. So every request — the page, its scripts and fonts, the app's websocket — passes
three checks before anything is served or any coach process starts:

- **Host** is 127.0.0.1 or localhost on our port. A site whose name its owner points at
  127.0.0.1 (DNS rebinding) reaches us as the "same origin" in the browser, but says its own
  name here.
- **Token**: the random token of this run, made by `secrets` and shown only in the address
  `coach serve` prints. It comes in the query (`?token=`) the first time; the server answers
  by setting a cookie and sending the browser on to the bare address. The token so leaves the
  address bar, and the page's own requests carry it without it being written into each URL
  (textual.js appends `?width=…` to the websocket address it is given, so a token in that
  address's query would not survive). The cookie is HttpOnly (no script reads it),
  SameSite=Lax (other sites' requests in the background do not carry it) and named after the
  port (cookies ignore ports; two servers must not overwrite each other's).
- **Origin**, when a browser sends one, is our own address: a page on another site that
  opens our websocket is refused even if it somehow had the token.

A refused request gets 403 and one sentence, never data.
"""

from __future__ import annotations

import hmac
import secrets
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

from aiohttp import web

TOKEN_PARAM = "token"
LOCAL_NAMES = ("127.0.0.1", "localhost")

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def new_token() -> str:
    """256 random bits, URL-safe: nobody guesses it, and it pastes into an address as is."""
    return secrets.token_urlsafe(32)


def same_secret(offered: str, token: str) -> bool:
    """Compare in constant time, so response timing does not reveal the token bit by bit."""
    return hmac.compare_digest(offered.encode("utf-8"), token.encode("utf-8"))


@dataclass(frozen=True)
class Guard:
    """The checks for one run of the server on `port`; a new run draws a new token."""

    port: int
    token: str = field(default_factory=new_token, repr=False)

    @property
    def cookie_name(self) -> str:
        return f"coach-serve-{self.port}"

    @property
    def address(self) -> str:
        """The address to print once: the only way in."""
        return f"http://{LOCAL_NAMES[0]}:{self.port}/?{TOKEN_PARAM}={self.token}"

    def local_host(self, host: str | None) -> bool:
        """Whether a Host header names this server (any letter case, as DNS names go)."""
        return (host or "").lower() in {f"{name}:{self.port}" for name in LOCAL_NAMES}

    def refusal(
        self, *, host: str | None, origin: str | None, query_token: str | None, cookie: str | None
    ) -> str | None:
        """Why a request is refused, in one sentence for the browser; None lets it through.

        A token in the query is the one judged when there is one (an old address from a
        previous run fails even next to a good cookie, so the user learns it is stale).
        """
        if not self.local_host(host):
            return (
                f"coach answers only at 127.0.0.1:{self.port} or localhost:{self.port}. "
                "Open the address `coach serve` printed."
            )
        offered = query_token if query_token is not None else cookie
        if not offered:
            return (
                "coach needs the address `coach serve` printed, with its ?token= part. "
                "It is shown where the server was started."
            )
        if not same_secret(offered, self.token):
            return (
                "That token is not this server's: a new one is made each time `coach serve` "
                "starts. Open the address it printed this time."
            )
        if origin is not None and origin.lower() != f"http://{host}".lower():
            return "A page from another site may not use coach. Nothing was sent."
        return None

    def middleware(self) -> Callable[[web.Request, Handler], Awaitable[web.StreamResponse]]:
        """The aiohttp middleware that runs `refusal` before any route, the websocket included."""

        @web.middleware
        async def guard(request: web.Request, handler: Handler) -> web.StreamResponse:
            reason = self.refusal(
                host=request.headers.get("Host"),
                origin=request.headers.get("Origin"),
                query_token=request.query.get(TOKEN_PARAM),
                cookie=request.cookies.get(self.cookie_name),
            )
            if reason is not None:
                return web.Response(status=403, text=reason + "\n", headers=PLAIN_HEADERS)
            if request.path == "/" and TOKEN_PARAM in request.query:
                return self._enter(request)
            response = await handler(request)
            if not response.prepared:  # a websocket has already answered by now
                response.headers.update(page_headers(request.headers["Host"]))
            return response

        return guard

    def _enter(self, request: web.Request) -> web.StreamResponse:
        """The first visit, token in hand: remember it in a cookie, go on to the bare page."""
        response = web.Response(status=303, headers={**PLAIN_HEADERS, "Location": "/"})
        response.set_cookie(self.cookie_name, self.token, path="/", httponly=True, samesite="Lax")
        return response


PLAIN_HEADERS = {
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


def page_headers(host: str) -> dict[str, str]:
    """What the browser may load for coach's page: its own files and its own websocket.

    Styles may also be inline because the terminal library writes its own <style> elements
    as it draws; with fonts, images and connections limited to this server, a style cannot
    send anything elsewhere.
    """
    policy = "; ".join(
        [
            "default-src 'none'",
            "script-src 'self'",
            "style-src 'self' 'unsafe-inline'",
            "font-src 'self'",
            "img-src 'self'",
            f"connect-src 'self' ws://{host}",
            "base-uri 'none'",
            "form-action 'none'",
            "frame-ancestors 'none'",
        ]
    )
    return {**PLAIN_HEADERS, "Content-Security-Policy": policy, "X-Frame-Options": "DENY"}
