"""`coach serve`: the same app in a local browser, through textual-serve.

Each browser tab starts its own `coach` process on the data folder, so the folder lock still
holds: a second tab is told another coach is open, exactly as a second terminal would be.
The server listens on 127.0.0.1 only — a seller's pipeline is not for the office network.
"""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

from rich.console import Console

from coach_tui.commands.output import data, line

HOST = "127.0.0.1"
DEFAULT_PORT = 8000


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


def serve(
    data_dir: Path,
    *,
    port: int = DEFAULT_PORT,
    theme: str | None = None,
    console: Console | None = None,
) -> int:
    """Run the web server until Ctrl+C; exit code 2 for a bad port, 1 if it cannot listen."""
    out = console or Console(stderr=True)
    problem = check_port(port)
    if problem:
        out.print(data(problem, "red"))
        return 2
    from textual_serve.server import Server

    server = Server(app_command(data_dir, theme), host=HOST, port=port, title="coach")
    out.print(
        line("coach is at ", line(f"http://{HOST}:{port}", style="bold"), " — open it in your "
             "browser. Ctrl+C stops the server.")
    )  # fmt: skip
    try:
        server.serve()
    except OSError as error:
        out.print(
            line(f"Could not listen on {HOST}:{port}: ", data(error.strerror or error), ". Is "
                 "another server using that port? Try --port with another number.", style="red")
        )  # fmt: skip
        return 1
    return 0
