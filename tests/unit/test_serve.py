"""`coach serve`: the app in a browser, and only for the tab opened from the printed address.

The server really runs. A websocket client plays the browser's part and reads the dashboard's
text from the terminal stream; other clients play a local stranger (no token, a wrong one), a
web page on another site (its Origin) and a rebound DNS name (its Host), and each is refused
before any coach process starts. Where Chromium is installed, a real headless one opens the
address, shows the dashboard and takes a key (tests/browser.py drives it).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import queue
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import aiohttp
import pytest

from coach_tui.commands.serve import app_command, check_port
from coach_tui.model.clock import system_clock
from coach_tui.model.day import DayPlan, Priority
from coach_tui.model.why import new_why
from coach_tui.store.repository import Repository
from tests.browser import chromium, chromium_path, new_tab

WHY = "I sell so my team keeps its jobs."
ANSI = re.compile(r"\x1b\[[0-9;?<>=]*[ -/]*[@-~]|\x1b[P\]_^][^\x1b]*\x1b\\|\x1b[()][0-9A-Za-z]")
ADDRESS = re.compile(r"http://127\.0\.0\.1:\d+\S*")
WAIT_SECONDS = 60
EVIL = "http://evil.example"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def seeded(data_dir: Path) -> Path:
    repo = Repository.open(data_dir)
    now = system_clock()  # the served app runs on the real clock too
    repo.why.save(new_why(WHY, {}, now=now))
    repo.days.save(DayPlan(now.date(), (Priority("Prep the Nordvale call"),)))
    repo.close()
    return data_dir


class ServerLog:
    """Everything `coach serve` writes on standard error, read as it comes (so it never
    blocks on a full pipe)."""

    def __init__(self, process: subprocess.Popen[str]) -> None:
        self.lines: queue.Queue[str] = queue.Queue()
        self.text = ""
        self.reader = threading.Thread(target=self._drain, args=(process,), daemon=True)
        self.reader.start()

    def _drain(self, process: subprocess.Popen[str]) -> None:
        assert process.stderr is not None
        for line in process.stderr:
            self.lines.put(line)

    def read(self, timeout: float) -> bool:
        """Take in what has come within `timeout` seconds; False if nothing did."""
        try:
            self.text += self.lines.get(timeout=timeout)
        except queue.Empty:
            return False
        while not self.lines.empty():
            self.text += self.lines.get()
        return True

    def address(self, process: subprocess.Popen[str]) -> str:
        """The address `coach serve` printed, once it is there."""
        deadline = time.monotonic() + WAIT_SECONDS
        while time.monotonic() < deadline:
            if found := ADDRESS.search(self.text):
                return found.group(0)
            if not self.read(timeout=0.5) and process.poll() is not None:
                break
        pytest.fail(f"coach serve printed no address:\n{self.text}")

    def everything(self) -> str:
        """All it wrote, once the process has ended."""
        self.reader.join(timeout=WAIT_SECONDS)
        self.read(timeout=0)
        return self.text


@dataclass(frozen=True)
class Served:
    """A running `coach serve`: the address it printed, its process and what it wrote."""

    address: str
    process: subprocess.Popen[str]
    log: ServerLog

    @property
    def base(self) -> str:
        parts = urlsplit(self.address)
        return f"{parts.scheme}://{parts.netloc}"

    @property
    def host(self) -> str:
        return urlsplit(self.address).netloc

    @property
    def token(self) -> str:
        return self.address.partition("token=")[2]

    def app_processes(self) -> list[str]:
        """The server's child processes: one coach per connected tab."""
        tasks = Path(f"/proc/{self.process.pid}/task")
        return [pid for task in tasks.iterdir() for pid in (task / "children").read_text().split()]

    def stop(self) -> None:
        stop(self.process)


def stop(process: subprocess.Popen[str]) -> None:
    """Ctrl+C, as the user stops it."""
    if process.poll() is None:
        process.send_signal(signal.SIGINT)
    try:
        process.wait(timeout=WAIT_SECONDS)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@contextlib.contextmanager
def serving(data_dir: Path) -> Iterator[Served]:
    """`coach serve` on a free port, once it answers; stopped afterwards."""
    port = free_port()
    seeded(data_dir)
    process = subprocess.Popen(
        [sys.executable, "-m", "coach_tui", "serve", "--port", str(port), "--data", str(data_dir)],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        log = ServerLog(process)
        served = Served(log.address(process), process, log)
        deadline = time.monotonic() + WAIT_SECONDS
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=2).close()
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    pytest.fail("coach serve printed its address but does not answer")
                time.sleep(0.2)
        yield served
    finally:
        stop(process)


@pytest.fixture(scope="module")
def guarded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """One server for the tests that only knock at its door: none opens a tab or stops it,
    so none changes what the next one finds (and each start costs most of a second)."""
    with serving(tmp_path_factory.mktemp("serve") / "data") as served:
        yield served


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Served]:
    """A server of the test's own, for a test that opens a tab or stops the server."""
    with serving(tmp_path / "data") as served:
        yield served


def browser() -> aiohttp.ClientSession:
    """A client that keeps cookies for 127.0.0.1, as a browser does."""
    return aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True))


async def get(url: str, **headers: str) -> tuple[int, str, str]:
    """Status, content type and body of one request without cookies or redirects."""
    async with (
        aiohttp.ClientSession() as session,
        session.get(url, headers=headers, allow_redirects=False) as response,
    ):
        return response.status, response.content_type, await response.text()


async def open_page(served: Served) -> tuple[str, str, aiohttp.ClientSession]:
    """Open the printed address as a browser would: the page, where it ended, the session."""
    session = browser()
    async with session.get(served.address) as response:
        assert response.status == 200, await response.text()
        return await response.text(), str(response.url), session


async def websocket_status(url: str, **headers: str) -> int:
    """The HTTP status a websocket handshake gets (101 when it is accepted)."""
    async with aiohttp.ClientSession() as session:
        try:
            async with session.ws_connect(url, headers=headers) as ws:
                await ws.close()
                return 101
        except aiohttp.WSServerHandshakeError as refused:
            return refused.status


def assert_refused_plainly(status: int, content_type: str, body: str) -> None:
    assert status == 403
    assert content_type == "text/plain"
    assert WHY not in body
    assert "<" not in body  # one sentence, no page
    assert body.strip().endswith(".")


def test_the_printed_address_opens_the_page_and_leaves_the_token_behind(guarded: Served) -> None:
    async def visit() -> tuple[str, str]:
        page, landed, session = await open_page(guarded)
        await session.close()
        return page, landed

    assert "token=" in guarded.address
    page, landed = asyncio.run(visit())
    assert "js/textual.js" in page  # the terminal front end
    assert f'data-session-websocket-url="ws://{guarded.host}/ws"' in page
    assert landed == f"{guarded.base}/"  # the token is out of the address bar (a cookie now)


def test_the_token_is_printed_once_and_never_logged(served: Served) -> None:
    assert served.token

    async def visit() -> None:
        _, _, session = await open_page(served)
        async with session, session.get(f"{served.base}/coach/coach.css?token={served.token}"):
            pass

    asyncio.run(visit())
    served.stop()
    assert served.log.everything().count(served.token) == 1


def test_a_taken_port_is_reported_and_no_address_is_printed(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = subprocess.run(
            [sys.executable, "-m", "coach_tui", "serve", "--port", str(port),
             "--data", str(tmp_path / "data")],
            capture_output=True, text=True, timeout=WAIT_SECONDS, stdin=subprocess.DEVNULL,
        )  # fmt: skip
    assert done.returncode == 1
    said = " ".join(done.stderr.split())
    assert f"Could not listen on 127.0.0.1:{port}: another program is already using" in said
    assert said.count(str(port)) == 1  # the address once, not again in the system's words
    assert f"e.g. --port {port + 1}." in said
    assert "http://" not in done.stderr  # an address that leads nowhere is not offered


@pytest.mark.parametrize("path", ["/", "/static/js/textual.js", "/coach/coach.css", "/ws", "/x"])
def test_a_request_without_the_token_is_refused(guarded: Served, path: str) -> None:
    assert_refused_plainly(*asyncio.run(get(guarded.base + path)))
    assert guarded.app_processes() == []


def test_a_websocket_without_the_token_starts_no_app(guarded: Served) -> None:
    status = asyncio.run(websocket_status(f"{guarded.base}/ws?width=80&height=24"))
    assert status == 403
    assert guarded.app_processes() == []


def test_a_wrong_token_is_refused(guarded: Served) -> None:
    wrong = "A" * len(guarded.token) if guarded.token else "guess"
    assert_refused_plainly(*asyncio.run(get(f"{guarded.base}/?token={wrong}")))
    cookie = f"coach-serve-{urlsplit(guarded.base).port}={wrong}"
    assert_refused_plainly(*asyncio.run(get(f"{guarded.base}/", Cookie=cookie)))
    status = asyncio.run(websocket_status(f"{guarded.base}/ws?token={wrong}&width=80&height=24"))
    assert status == 403
    assert guarded.app_processes() == []


@pytest.mark.parametrize("origin", [EVIL, "null", "http://127.0.0.1:1"])
def test_a_websocket_from_another_site_is_refused_even_with_the_token(
    guarded: Served, origin: str
) -> None:
    stream = f"{guarded.base}/ws?token={guarded.token}&width=80&height=24"
    assert asyncio.run(websocket_status(stream, Origin=origin)) == 403
    assert guarded.app_processes() == []


def test_a_rebound_host_name_is_refused_even_with_the_token(guarded: Served) -> None:
    port = urlsplit(guarded.base).port
    refused = asyncio.run(get(guarded.address, Host=f"evil.example:{port}"))
    assert_refused_plainly(*refused)


def test_the_page_loads_nothing_from_another_host(guarded: Served) -> None:
    async def page_and_styles() -> tuple[str, list[str], str]:
        page, _, session = await open_page(guarded)
        styles = []
        async with session:
            for link in re.findall(r'(?:href|src)="(/[^/"][^"]*)"', page):  # this server's files
                async with session.get(guarded.base + link) as response:
                    assert response.status == 200, link
                    if response.content_type == "text/css":
                        styles.append(await response.text())
            async with session.get(guarded.base + "/") as response:
                policy = response.headers.get("Content-Security-Policy", "")
        return page, styles, policy

    page, styles, policy = asyncio.run(page_and_styles())
    for text in [page, *styles]:
        code = re.sub(r"/\*.*?\*/|<!--.*?-->", "", text, flags=re.DOTALL)  # comments load nothing
        for url in re.findall(r"(?:https?|wss?):(//[^\s\"')]+)", code):
            assert urlsplit(url).netloc == guarded.host, url
        for target in re.findall(r"(?:href|src)=\"([^\"]+)\"|url\(\s*[\"']?([^\"')]+)", code):
            assert urlsplit("".join(target)).netloc in ("", guarded.host), target
    assert "default-src 'none'" in policy
    assert f"connect-src 'self' ws://{guarded.host}" in policy
    assert "frame-ancestors 'none'" in policy


async def read_screen(served: Served, wanted: str) -> str:
    """Open the page, then its websocket as the page does, until `wanted` shows."""
    seen = ""
    page, _, session = await open_page(served)
    stream = re.search(r'data-session-websocket-url="([^"]+)"', page)
    assert stream is not None
    async with (
        session,
        session.ws_connect(f"{stream.group(1)}?width=110&height=34", origin=served.base) as ws,
    ):
        await ws.send_str(json.dumps(["resize", {"width": 110, "height": 34}]))
        deadline = time.monotonic() + WAIT_SECONDS
        while wanted not in seen and time.monotonic() < deadline:
            try:
                message = await ws.receive(timeout=5)
            except TimeoutError:
                continue
            if message.type == aiohttp.WSMsgType.BINARY:
                seen += ANSI.sub("", message.data.decode("utf-8", "replace"))
            elif message.type == aiohttp.WSMsgType.TEXT:
                seen += ANSI.sub("", message.data)
            elif message.type in (aiohttp.WSMsgType.CLOSED, aiohttp.WSMsgType.ERROR):
                break
        await ws.send_str(json.dumps(["stdin", "\x11"]))  # ctrl+q: quit cleanly
    return seen


def test_the_dashboard_streams_to_the_tab_opened_from_the_address(served: Served) -> None:
    seen = asyncio.run(read_screen(served, "Your why"))
    flat = " ".join(seen.split())
    assert "Your why" in flat
    assert "Accounts" in flat  # the footer's keys came through too


@pytest.mark.skipif(
    chromium_path() is None,
    reason="Chromium is not installed (Debian: apt install chromium) — the websocket test "
    "above still checks the app streams to a browser client",
)
def test_in_chromium_the_dashboard_shows_and_a_key_opens_accounts(
    served: Served, tmp_path: Path
) -> None:
    """The page in a real browser: its script runs under the page's policy, the cookie takes
    its websocket past the guard, the terminal draws the dashboard, and a key typed in the
    page reaches the app, which answers with the next screen."""

    async def use_it(devtools: str) -> tuple[str, dict[str, object], str]:
        async with new_tab(devtools) as tab:
            await tab.open(served.address)
            dashboard = await tab.wait_for_text("Prep the Nordvale call", seconds=11)
            drawn = await tab.drawn(seconds=2)
            await tab.press("a")
            accounts = await tab.wait_for_text("No accounts yet", seconds=4)
            return dashboard, drawn, accounts

    with chromium(tmp_path / "profile") as devtools:  # it starts within 5 s or fails
        dashboard, drawn, accounts = asyncio.run(asyncio.wait_for(use_it(devtools), 16))
    assert WHY in " ".join(dashboard.split())
    assert drawn["on_top"]  # the "starting" note is gone, nothing covers the terminal
    assert drawn["colours"] > 2  # its canvas holds drawn text, not just a background
    assert "Your why" not in accounts
    assert "Accounts" in accounts.splitlines()[0]  # the title bar names the new screen


def test_the_command_each_tab_runs_opens_this_data_folder() -> None:
    command = app_command(Path("/tmp/my data"), "coach-light")
    assert command.endswith("-m coach_tui --data '/tmp/my data' --theme coach-light")


@pytest.mark.parametrize(("port", "ok"), [(8000, True), (80, False), (70000, False)])
def test_ports_outside_the_user_range_are_refused(port: int, ok: bool) -> None:
    assert (check_port(port) is None) is ok
