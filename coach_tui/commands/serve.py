"""`coach serve`: the same app in a local browser, through textual-serve.

Each browser tab starts its own `coach` process on the data folder, so the folder lock still
holds: a second tab's coach is refused as a second terminal's would be. (textual-serve writes
that refusal in the server's terminal, not in the tab, which stays at "starting".)
The server listens on 127.0.0.1 only — a seller's pipeline is not for the office network —
and answers only a tab opened from the address with this run's token (see `serve_guard`).
textual-serve runs each tab's app; the page, the routes and the checks in front are coach's.
"""

from __future__ import annotations

import asyncio
import errno
import html
import os
import shlex
import sys
from collections.abc import Callable
from pathlib import Path
from string import Template

from aiohttp import web
from rich.console import Console
from textual_serve.server import Server

from coach_tui.commands.console import CommandConsole
from coach_tui.commands.output import data, line
from coach_tui.commands.serve_guard import Guard

HOST = "127.0.0.1"
DEFAULT_PORT = 8000
PAGE_DIR = Path(__file__).with_name("serve_page")


def app_command(data_dir: Path, theme: str | None = None) -> str:
    """The shell command textual-serve runs for each browser tab."""
    parts = [sys.executable, "-m", "coach_tui", "--data", str(data_dir)]
    if theme:
        parts += ["--theme", theme]
    return shlex.join(parts)


def check_port(port: int) -> str | None:
    """Why `port` cannot be used, or None."""
    if not 1024 <= port <= 65535:
        return f"Port {port} is not one coach can use: pick one from 1024 to 65535."
    return None


def listen_failure(port: int, error: OSError) -> str:
    """Why the server could not start on `port`, once, and what to do about it.

    The error's own text repeats the address ("error while attempting to bind on address
    ('127.0.0.1', 8000): address already in use"), so only its number is used.
    """
    where = f"Could not listen on {HOST}:{port}"
    if error.errno == errno.EADDRINUSE:
        other = port + 1 if port < 65535 else DEFAULT_PORT
        return (
            f"{where}: another program is already using that port. Start coach serve "
            f"with another one, e.g. --port {other}."
        )
    reason = os.strerror(error.errno).lower() if error.errno else str(error)
    return f"{where}: {reason}."


class CoachServer:
    """coach's web server: its own page and routes, the guard in front of every one of them,
    and behind it textual-serve's websocket handler, which starts and feeds one app per tab.

    It holds textual-serve's Server rather than being one, so there is no unguarded way to
    start it; and the routes are ours, so there is no download route and no folder listing.
    """

    def __init__(self, command: str, guard: Guard) -> None:
        self.guard = guard
        self.tabs = Server(command, host=HOST, port=guard.port, title="coach")
        self.page_template = Template((PAGE_DIR / "index.html").read_text(encoding="utf-8"))
        self.open_tabs: set[asyncio.Task[None]] = set()

    def make_app(self) -> web.Application:
        app = web.Application(middlewares=[self.guard.middleware()])
        app.add_routes(
            [
                web.get("/", self.handle_page),
                web.get("/ws", self.handle_tab),
                web.static("/static", self.tabs.statics_path),  # textual.js, xterm.css, fonts
                web.static("/coach", PAGE_DIR / "static"),  # the page's own style
            ]
        )
        app.on_shutdown.append(self.close_tabs)
        return app

    async def handle_page(self, request: web.Request) -> web.Response:
        """The terminal page. Its websocket is on the host name the browser used, which the
        guard has checked, so the cookie set for that name goes along."""
        websocket_url = f"ws://{request.headers['Host']}/ws"
        page = self.page_template.substitute(websocket_url=html.escape(websocket_url, quote=True))
        return web.Response(text=page, content_type="text/html")

    async def handle_tab(self, request: web.Request) -> web.StreamResponse:
        """One browser tab's app (textual-serve runs it), remembered so Ctrl+C can end it."""
        self.open_tabs.add(request.task)
        try:
            return await self.tabs.handle_websocket(request)
        finally:
            self.open_tabs.discard(request.task)

    async def close_tabs(self, _app: web.Application) -> None:
        """On Ctrl+C, end each tab's websocket: textual-serve then tells that tab's app to quit
        and waits for it. Without this the server waits for each browser to hang up (~20 s)."""
        for task in self.open_tabs:
            task.cancel()

    def run(self, listening: Callable[[], None]) -> None:
        """Serve until Ctrl+C; `listening` runs once the port is bound.

        No access log: it would write down every address asked for, the token with the first.
        """
        web.run_app(
            self.make_app(),
            host=HOST,
            port=self.guard.port,
            access_log=None,
            print=lambda _banner: listening(),
        )


def serve(
    data_dir: Path,
    *,
    port: int = DEFAULT_PORT,
    theme: str | None = None,
    console: Console | None = None,
) -> int:
    """Run the web server until Ctrl+C; exit code 2 for a bad port, 1 if it cannot listen."""
    out = console or CommandConsole(stderr=True)
    problem = check_port(port)
    if problem:
        out.print(data(problem, "red"))
        return 2
    guard = Guard(port)
    server = CoachServer(app_command(data_dir, theme), guard)

    def listening() -> None:
        out.print("coach is ready. Open this address in your browser:")
        out.print(line("    ", data(guard.address)), highlight=False, soft_wrap=True)
        out.print(
            "Only this address opens it (the token in it is new each run); keep it to "
            "yourself. Ctrl+C stops the server."
        )

    try:
        server.run(listening)
    except OSError as error:
        out.print(line(listen_failure(port, error), style="red"))
        return 1
    return 0
