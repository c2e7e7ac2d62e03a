"""Each rule of the stylesheets is written once: a class styled in two files wins or loses by
which screen loaded first, so shared classes live in app.tcss."""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "coach_tui" / "ui"
RULE = re.compile(r"^([^\s/*}][^{}]*)\{", re.MULTILINE)


def _selectors_by_file() -> dict[str, list[str]]:
    found: dict[str, list[str]] = defaultdict(list)
    for sheet in sorted(UI.rglob("*.tcss")):
        text = re.sub(r"/\*.*?\*/", "", sheet.read_text(encoding="utf-8"), flags=re.DOTALL)
        for match in RULE.finditer(text):
            for selector in match.group(1).split(","):
                found[" ".join(selector.split())].append(sheet.name)
    return found


def test_the_stylesheets_are_found() -> None:
    assert "app.tcss" in {name for names in _selectors_by_file().values() for name in names}


def test_no_selector_is_styled_in_two_stylesheets() -> None:
    twice = {
        selector: files for selector, files in _selectors_by_file().items() if len(set(files)) > 1
    }
    assert twice == {}


def test_the_shared_classes_live_in_the_app_stylesheet() -> None:
    found = _selectors_by_file()
    for shared in (".muted", ".flag", ".section-title"):
        assert found[shared] == ["app.tcss"]
