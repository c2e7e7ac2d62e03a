"""`coach serve`: the app in a browser. The server really runs; a websocket client plays the
browser's part and reads the dashboard's text from the terminal stream; a real headless
Chromium loads the page where one is installed."""

from __future__ import annotations

import asyncio
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import aiohttp
import pytest

from coach_tui.commands.serve import app_command, check_port
from coach_tui.model.clock import system_clock
from coach_tui.model.day import DayPlan, Priority
from coach_tui.model.why import new_why
from coach_tui.store.repository import Repository

WHY = "I sell so my team keeps its jobs."
ANSI = re.compile(r"\x1b\[[0-9;?<>=]*[ -/]*[@-~]|\x1b[P\]_^][^\x1b]*\x1b\\|\x1b[()][0-9A-Za-z]")
WAIT_SECONDS = 60


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


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    """`coach serve` on a free port; its base URL once it answers."""
    port = free_port()
    data_dir = seeded(tmp_path / "data")
    process = subprocess.Popen(
        [sys.executable, "-m", "coach_tui", "serve", "--port", str(port), "--data", str(data_dir)],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + WAIT_SECONDS
        while True:
            try:
                with urllib.request.urlopen(url, timeout=2) as response:
                    assert response.status == 200
                    break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    out, err = process.communicate(timeout=5)
                    pytest.fail(f"coach serve did not answer:\n{out}\n{err}")
                time.sleep(0.2)
        yield url
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def test_the_page_is_served_on_localhost(server: str) -> None:
    with urllib.request.urlopen(server, timeout=5) as response:
        page = response.read().decode("utf-8")
    assert "js/textual.js" in page  # the terminal front end
    assert "ws://127.0.0.1:" in page  # the browser is told where the app's stream is


async def read_screen(url: str, wanted: str) -> str:
    """Connect as the browser does and collect the terminal text until `wanted` shows."""
    seen = ""
    stream = f"{url.replace('http', 'ws')}/ws?width=110&height=34"
    async with aiohttp.ClientSession() as session, session.ws_connect(stream) as ws:
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


def test_the_dashboard_streams_to_a_browser_client(server: str) -> None:
    seen = asyncio.run(read_screen(server, "Your why"))
    flat = " ".join(seen.split())
    assert "Your why" in flat
    assert "Accounts" in flat  # the footer's keys came through too


@pytest.mark.skipif(
    shutil.which("chromium") is None,
    reason="Chromium is not installed (Debian: apt install chromium) — the websocket test "
    "above still checks the app streams to a browser client",
)
def test_headless_chromium_loads_the_page(server: str, tmp_path: Path) -> None:
    done = subprocess.run(
        ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--virtual-time-budget=8000",
         f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom", server],
        capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL,
        env={**os.environ, "HOME": str(tmp_path)},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    assert "data-session-websocket-url" in done.stdout
    assert "textual.js" in done.stdout  # the terminal front end was loaded


def test_the_command_each_tab_runs_opens_this_data_folder() -> None:
    command = app_command(Path("/tmp/my data"), "coach-light")
    assert command.endswith("-m coach_tui --data '/tmp/my data' --theme coach-light")


@pytest.mark.parametrize(("port", "ok"), [(8000, True), (80, False), (70000, False)])
def test_ports_outside_the_user_range_are_refused(port: int, ok: bool) -> None:
    assert (check_port(port) is None) is ok
