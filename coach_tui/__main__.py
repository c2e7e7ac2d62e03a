"""Let `python -m coach_tui` behave exactly like the `coach` command."""

from coach_tui.cli import main

raise SystemExit(main())
