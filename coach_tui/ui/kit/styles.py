"""Where the stylesheets of the screen families live.

Base screens here are also shown directly (a confirm dialog, say), so their `CSS_PATH` is
absolute: Textual resolves a relative one beside the file of the class being shown.
"""

from pathlib import Path

SCREEN_STYLES = Path(__file__).resolve().parent.parent / "screens"
# The goal and getting-better forms (two screen modules) look alike.
GOAL_FORM_CSS = [SCREEN_STYLES / "dialogs.tcss", SCREEN_STYLES / "goals.tcss"]
