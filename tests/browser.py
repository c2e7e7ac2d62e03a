"""A real browser for tests: headless Chromium, driven over the DevTools protocol.

Enough of the protocol to open a page, read what a textual-serve terminal shows and type
into it, as a person at the browser would. The client is aiohttp (already here for
textual-serve); Chromium itself is the Debian package, where one is installed.

The terminal draws on a canvas, so the page's DOM holds none of its text. What the screen
shows is read from the terminal's own buffer (xterm.js's public `buffer.active` API): a
script added before textual.js runs notes the `Terminal` textual.js makes, the moment it is
assigned to its `terminal` property. That is the text xterm.js parsed from the app's stream
and draws; `Tab.drawn()` checks the canvas holds more than its background as well.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import os
import shutil
import signal
import subprocess
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import aiohttp

CHROMIUM = "chromium"
# The machine running the tests may have no network at all: no first-run pages, no updates,
# no sync, no QUIC probes, so Chromium makes no connection but the ones a test asks for.
FLAGS = (
    "--headless",
    "--no-sandbox",  # tests may run as root, where Chromium's sandbox refuses to start
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1280,800",
    "--remote-debugging-port=0",
)

# Runs in every new document before the page's own scripts: the first object given a
# `terminal` property (textual.js's terminal wrapper, `this.terminal = new Terminal(...)`)
# keeps it as its own property and the page's `window.coachTestTerminal` points at it.
NOTE_THE_TERMINAL = """
Object.defineProperty(Object.prototype, "terminal", {
  configurable: true,
  set(value) {
    Object.defineProperty(this, "terminal", {value, writable: true, enumerable: true});
    if (value && value.buffer && !window.coachTestTerminal) window.coachTestTerminal = value;
  },
});
"""

# The terminal's visible text, one line per row, or null while there is no terminal yet.
SCREEN_TEXT = """
(() => {
  const terminal = window.coachTestTerminal;
  if (!terminal) return null;
  const buffer = terminal.buffer.active;
  const rows = [];
  for (let y = 0; y < terminal.rows; y++) {
    const line = buffer.getLine(buffer.viewportY + y);
    rows.push(line ? line.translateToString(true) : "");
  }
  return rows.join("\\n");
})()
"""

# Whether a person sees the terminal: nothing (the "starting" note) lies over its middle, and
# how many distinct colours its canvases hold in a sample of their pixels (1 for a blank
# canvas, more than 2 once text is drawn on it).
DRAWN = """
(() => {
  const middle = document.elementFromPoint(innerWidth / 2, innerHeight / 2);
  const colours = new Set();
  for (const canvas of document.querySelectorAll(".xterm-screen canvas")) {
    const copy = document.createElement("canvas");
    copy.width = canvas.width; copy.height = canvas.height;
    const context = copy.getContext("2d");
    context.drawImage(canvas, 0, 0);
    const pixels = context.getImageData(0, 0, copy.width, copy.height).data;
    for (let i = 0; i < pixels.length; i += 4 * 97) {
      colours.add(pixels[i] + "," + pixels[i + 1] + "," + pixels[i + 2]);
    }
  }
  return {on_top: !!(middle && middle.closest(".textual-terminal")), colours: colours.size};
})()
"""


class BrowserError(Exception):
    """Chromium did not start, or the protocol answered with an error."""


def chromium_path() -> str | None:
    """Where Chromium is installed, or None."""
    return shutil.which(CHROMIUM)


@contextlib.contextmanager
def chromium(profile: Path, *, start_seconds: float = 5) -> Iterator[str]:
    """A headless Chromium on a fresh profile: yields its DevTools websocket address, and
    kills it with all its helper processes (and waits for it) however the test ends."""
    executable = chromium_path()
    if executable is None:
        raise BrowserError("Chromium is not installed")
    profile.mkdir(parents=True, exist_ok=True)
    with (profile / "chromium.log").open("wb") as log:  # read back if it fails to start
        process = subprocess.Popen(
            [executable, *FLAGS, f"--user-data-dir={profile}", "about:blank"],
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=log,
            env={**os.environ, "HOME": str(profile)},
            start_new_session=True,  # a process group of its own: its helpers end with it
        )
    try:
        yield devtools_address(profile, process, start_seconds)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def devtools_address(profile: Path, process: subprocess.Popen[bytes], seconds: float) -> str:
    """The browser's DevTools websocket, from the file Chromium writes once it listens."""
    active = profile / "DevToolsActivePort"
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            said = (profile / "chromium.log").read_text(errors="replace")[-2000:]
            raise BrowserError(f"Chromium exited at start (code {process.returncode}):\n{said}")
        lines = active.read_text().split("\n") if active.exists() else []
        if len(lines) >= 2 and lines[0].isdigit() and lines[1]:
            return f"ws://127.0.0.1:{lines[0]}{lines[1]}"
        time.sleep(0.05)
    raise BrowserError(f"Chromium did not open its DevTools port within {seconds:g} s")


class DevTools:
    """One DevTools connection: commands answered in order of asking, events ignored."""

    def __init__(self, socket: aiohttp.ClientWebSocketResponse) -> None:
        self.socket = socket
        self.ids = itertools.count(1)
        self.waiting: dict[int, asyncio.Future[dict[str, Any]]] = {}
        self.reader = asyncio.create_task(self._read())

    async def _read(self) -> None:
        async for message in self.socket:
            if message.type != aiohttp.WSMsgType.TEXT:
                break
            answer = json.loads(message.data)
            future = self.waiting.pop(answer.get("id", -1), None)
            if future is not None and not future.done():
                future.set_result(answer)
        for future in self.waiting.values():
            if not future.done():
                future.set_exception(BrowserError("Chromium closed the DevTools connection"))

    async def send(
        self, method: str, params: dict[str, Any] | None = None, session: str | None = None
    ) -> dict[str, Any]:
        """Run one protocol command; its result, or BrowserError with the protocol's reason."""
        number = next(self.ids)
        future: asyncio.Future[dict[str, Any]] = asyncio.get_running_loop().create_future()
        self.waiting[number] = future
        command: dict[str, Any] = {"id": number, "method": method, "params": params or {}}
        if session is not None:
            command["sessionId"] = session
        await self.socket.send_str(json.dumps(command))
        answer = await asyncio.wait_for(future, timeout=10)
        if "error" in answer:
            raise BrowserError(f"{method}: {answer['error'].get('message')}")
        return answer.get("result", {})


class Tab:
    """One page in the browser, as a person uses it: open an address, read, type."""

    def __init__(self, devtools: DevTools, session: str) -> None:
        self.devtools = devtools
        self.session = session

    async def send(self, method: str, params: dict[str, Any] | None = None) -> dict[str, Any]:
        return await self.devtools.send(method, params, self.session)

    async def evaluate(self, expression: str) -> Any:
        """The value of a JavaScript expression in the page (JSON-like values only)."""
        result = await self.send(
            "Runtime.evaluate", {"expression": expression, "returnByValue": True}
        )
        if "exceptionDetails" in result:
            raise BrowserError(f"the page's script failed: {result['exceptionDetails']}")
        return result["result"].get("value")

    async def open(self, address: str) -> None:
        await self.send("Page.addScriptToEvaluateOnNewDocument", {"source": NOTE_THE_TERMINAL})
        await self.send("Page.navigate", {"url": address})

    async def screen(self) -> str:
        """What the terminal shows now ("" before it exists)."""
        return await self.evaluate(SCREEN_TEXT) or ""

    async def wait_for_text(self, wanted: str, seconds: float) -> str:
        """The screen, once `wanted` is on it; TimeoutError (with the screen) if it never is."""
        deadline = time.monotonic() + seconds
        shown = ""
        while time.monotonic() < deadline:
            try:
                shown = await self.screen()
            except BrowserError as error:  # e.g. the page is still being replaced
                shown = str(error)
            if wanted in " ".join(shown.split()):
                return shown
            await asyncio.sleep(0.1)
        if await self.evaluate("!window.coachTestTerminal"):
            shown = "(no terminal: textual.js made none, or no longer names it `terminal`)"
        elif not shown.strip():
            shown = "(a blank terminal: nothing came from the app)"
        raise TimeoutError(f"{wanted!r} not on screen within {seconds:g} s; it shows:\n{shown}")

    async def drawn(self, seconds: float) -> dict[str, Any]:
        """Whether the terminal is on top (`on_top`) and how many colours it shows (`colours`),
        once both say it is drawn, else as they are after `seconds` (the canvas is painted at
        the next animation frame after the text arrives)."""
        deadline = time.monotonic() + seconds
        while True:
            state = await self.evaluate(DRAWN)
            if (state["on_top"] and state["colours"] > 2) or time.monotonic() > deadline:
                return state
            await asyncio.sleep(0.1)

    async def press(self, key: str) -> None:
        """Type one lower-case letter into the terminal, as a keyboard does.

        The key goes to the terminal's input (where a click in it would put it); a click
        itself is not sent, as the app would take it for a click on whatever lies under it.
        """
        if not (len(key) == 1 and "a" <= key <= "z"):
            raise ValueError(f"press() types one lower-case letter, not {key!r}")
        await self.evaluate("document.querySelector('.xterm-helper-textarea').focus()")
        common = {
            "key": key,
            "code": f"Key{key.upper()}",
            "windowsVirtualKeyCode": ord(key.upper()),
        }
        await self.send("Input.dispatchKeyEvent", {"type": "keyDown", "text": key, **common})
        await self.send("Input.dispatchKeyEvent", {"type": "keyUp", **common})


@contextlib.asynccontextmanager
async def new_tab(devtools_url: str) -> AsyncIterator[Tab]:
    """A blank tab in the browser at `devtools_url`, attached for commands."""
    async with (
        aiohttp.ClientSession() as http,
        http.ws_connect(devtools_url, max_msg_size=0) as socket,
    ):
        devtools = DevTools(socket)
        try:
            target = await devtools.send("Target.createTarget", {"url": "about:blank"})
            attached = await devtools.send(
                "Target.attachToTarget", {"targetId": target["targetId"], "flatten": True}
            )
            tab = Tab(devtools, attached["sessionId"])
            await tab.send("Page.enable")
            yield tab
        finally:
            devtools.reader.cancel()
