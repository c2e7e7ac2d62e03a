"""The rules in front of `coach serve`, one request at a time: which host, which token, which
site. The server itself is tested running in test_serve.py; these read like the rules."""

from __future__ import annotations

import pytest

from coach_tui.commands.serve_guard import Guard, page_headers, same_secret

PORT = 8765
GUARD = Guard(PORT, token="s3cret-token_of-this-run")
HOST = f"127.0.0.1:{PORT}"
OWN = f"http://{HOST}"


def let_through(
    host: str | None = HOST,
    origin: str | None = None,
    query_token: str | None = GUARD.token,
    cookie: str | None = None,
) -> bool:
    reason = GUARD.refusal(host=host, origin=origin, query_token=query_token, cookie=cookie)
    if reason is not None:
        assert reason.endswith(".")  # a sentence for the browser, never a traceback
    return reason is None


@pytest.mark.parametrize(
    ("host", "ok"),
    [
        (HOST, True),
        (f"localhost:{PORT}", True),
        (f"LocalHost:{PORT}", True),  # host names ignore letter case
        ("evil.example:8765", False),  # a name rebound to 127.0.0.1
        ("127.0.0.1:9999", False),
        ("127.0.0.1", False),
        ("", False),
        (None, False),
    ],
)
def test_only_this_machines_own_names_on_this_port_are_answered(host: str | None, ok: bool) -> None:
    assert let_through(host=host) is ok


@pytest.mark.parametrize(
    ("query_token", "cookie", "ok"),
    [
        (GUARD.token, None, True),  # the printed address
        (None, GUARD.token, True),  # the page's own requests, after the first visit
        (None, None, False),
        ("", None, False),
        (None, "", False),
        ("guess", None, False),
        (GUARD.token[:-1], None, False),
        (GUARD.token + "x", None, False),
        ("s3cret-tökén", None, False),  # not ASCII: refused, not a crash
        ("stale-token-of-last-run", GUARD.token, False),  # the address in hand is judged
    ],
)
def test_only_this_runs_token_lets_a_request_in(
    query_token: str | None, cookie: str | None, ok: bool
) -> None:
    assert let_through(query_token=query_token, cookie=cookie) is ok


@pytest.mark.parametrize(
    ("origin", "ok"),
    [
        (None, True),  # not a browser page; the token is still required
        (OWN, True),
        ("http://evil.example", False),
        ("null", False),  # a sandboxed frame or a file on disk
        (f"http://localhost:{PORT}", False),  # our page on one name talks to that same name
        ("http://127.0.0.1:1", False),
        (f"https://{HOST}", False),
    ],
)
def test_a_page_from_another_site_is_refused_even_with_the_token(
    origin: str | None, ok: bool
) -> None:
    assert let_through(origin=origin) is ok


def test_each_run_draws_a_new_long_token_and_prints_it_only_in_the_address() -> None:
    first, second = Guard(PORT), Guard(PORT)
    assert first.token != second.token
    assert len(first.token) >= 43  # 32 random bytes
    assert first.address == f"http://127.0.0.1:{PORT}/?token={first.token}"
    assert first.token not in repr(first)


def test_tokens_are_compared_in_constant_time_over_any_text() -> None:
    assert same_secret("abc", "abc")
    assert not same_secret("abd", "abc")
    assert not same_secret("äbc", "abc")  # hmac.compare_digest on str would raise here


def test_each_port_keeps_its_own_cookie() -> None:
    assert Guard(8000).cookie_name != Guard(8001).cookie_name


def test_the_page_may_load_only_from_this_server() -> None:
    policy = page_headers(HOST)["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives["default-src"] == "'none'"
    assert directives["script-src"] == "'self'"
    assert directives["font-src"] == "'self'"
    assert directives["connect-src"] == f"'self' ws://{HOST}"
    assert directives["frame-ancestors"] == "'none'"
    assert "http" not in policy.replace(f"ws://{HOST}", "")  # no other host anywhere
