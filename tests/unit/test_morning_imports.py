"""The morning plan, the day's first screen, imports what it draws and its agenda reads,
not the rules of screens it only opens on a key (the debrief's)."""

import subprocess
import sys

MORNING = (
    "import coach_tui.ui.app, coach_tui.ui.screens.morning, coach_tui.services.agenda, "
    "coach_tui.services.today_digest"
)
ON_A_KEY = (
    "coach_tui.services.call_saves",
    "coach_tui.coaching.debrief_checks",
    "coach_tui.coaching.outcome_slots",
)


def test_the_morning_plan_leaves_the_debriefs_rules_unimported() -> None:
    check = f"import sys\n{MORNING}\nprint(' '.join(m for m in {ON_A_KEY!r} if m in sys.modules))"
    result = subprocess.run(
        [sys.executable, "-c", check], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.split() == []
