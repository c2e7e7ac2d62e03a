"""The app's start imports what its first frame needs and no more: each screen, the
dashboard's rules, the archive pass and the record kinds a start does not read are
imported when first used."""

import subprocess
import sys

# What `coach` imports to show its first screen: the app, and the store it opens.
START = "import coach_tui.cli, coach_tui.ui.app, coach_tui.store.repository"
LATER = (
    # screens, imported by the router or an action when first opened
    "coach_tui.ui.screens.welcome",
    "coach_tui.ui.screens.morning",
    "coach_tui.ui.screens.why_flow",
    "coach_tui.ui.screens.accounts",
    "coach_tui.ui.screens.help",
    "coach_tui.ui.router",
    "coach_tui.ui.commands",
    "coach_tui.ui.kit.call_actions",
    # the dashboard's read model and rules, imported by its first read (in a worker)
    "coach_tui.services.dashboard",
    "coach_tui.coaching.dashboard",
    "coach_tui.coaching.agenda",
    "coach_tui.coaching.red_flags",
    "coach_tui.ui.widgets.dashboard_panels",
    # the daily archive pass, run once the dashboard is loaded
    "coach_tui.store.archive",
    "coach_tui.coaching.archivable",
    # drafts left half done, offered only to a seller who has written a why
    "coach_tui.ui.flow_resume",
    # the kinds of record a start does not read to choose its first screen, with their
    # model classes: imported by the repository and the codec when first read or written
    "coach_tui.store.repos.accounts",
    "coach_tui.store.repos.calls",
    "coach_tui.store.repos.campaigns",
    "coach_tui.store.repos.contacts",
    "coach_tui.store.repos.goals",
    "coach_tui.store.repos.touches",
    "coach_tui.model.account",
    "coach_tui.model.call",
    "coach_tui.model.contact",
    "coach_tui.model.goal",
    "coach_tui.model.review",
    "coach_tui.model.touch",
)


def test_the_start_leaves_what_later_screens_need_unimported() -> None:
    check = f"import sys\n{START}\nprint(' '.join(m for m in {LATER!r} if m in sys.modules))"
    result = subprocess.run(
        [sys.executable, "-c", check], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.split() == []
