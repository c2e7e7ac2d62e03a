"""The outcome coach on phrasings it was never tuned against (`fixtures/outcomes_own.tsv`).

The lead wrote these 40 before the rules were rewritten, and the rules' author never read
them, so this is the honest figure. The bar here was set before the first run, lower than
the corpus's (which the rules were tuned on): a held-out set is expected to score less.
"""

from __future__ import annotations

import csv
from pathlib import Path

from coach_tui.coaching.outcome import OutcomeIssue, check_outcome

HELD_OUT = Path(__file__).parent.parent / "fixtures" / "outcomes_own.tsv"
DIAGNOSIS = {
    "seller-only": OutcomeIssue.SELLER_ONLY,
    "vague": OutcomeIssue.VAGUE,
    "too-big": OutcomeIssue.TOO_BIG,
}


def _rows() -> list[tuple[str, str]]:
    with HELD_OUT.open(encoding="utf-8", newline="") as file:
        return [(row["label"], row["outcome"]) for row in csv.DictReader(file, delimiter="\t")]


def test_the_held_out_set_has_every_label() -> None:
    labels = [label for label, _ in _rows()]
    assert len(labels) == 40
    assert set(labels) == {"advance", *DIAGNOSIS}


def test_most_unseen_advances_pass() -> None:
    advances = [text for label, text in _rows() if label == "advance"]
    failing = [text for text in advances if not check_outcome(text).is_advance]
    assert len(failing) <= len(advances) * 0.15, failing


def test_most_unseen_non_advances_are_questioned_with_the_right_diagnosis() -> None:
    others = [(label, text) for label, text in _rows() if label != "advance"]
    waved_through = [text for _, text in others if check_outcome(text).is_advance]
    misread = [
        text
        for label, text in others
        if not check_outcome(text).is_advance
        and check_outcome(text).issues[0] is not DIAGNOSIS[label]
    ]
    assert len(waved_through) <= len(others) * 0.15, waved_through
    assert len(waved_through) + len(misread) <= len(others) * 0.25, (waved_through, misread)
