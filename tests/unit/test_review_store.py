"""Storing weekly reviews: one per ISO week, saved with what the clear-up settled."""

import json
from datetime import date, datetime

import pytest

from coach_tui.coaching.review import ClearChoice, settle_promise, settle_touch
from coach_tui.model.call import Commitment, Party
from coach_tui.model.draft import FlowDraft
from coach_tui.model.review import SkillReflection, WeekReview
from coach_tui.model.touch import Channel, Purpose, Touch, TouchStatus
from coach_tui.model.week import IsoWeek
from coach_tui.services.flow_saves import save_review
from coach_tui.store.errors import UnreadableFile
from coach_tui.store.repository import Repository
from tests.helpers import BERLIN

W53 = IsoWeek(2026, 53)
SAVED = datetime(2027, 1, 1, 17, 0, tzinfo=BERLIN)


def full_review(week: IsoWeek = W53, **changes) -> WeekReview:
    fields = {
        "week": week,
        "figures_note": "Fewer calls, more advances.",
        "went_well": "Priya introduced me to the CFO.",
        "went_badly": "Skipped prep twice — ✗ 不好",
        "learned": "Their budget freezes in March.",
        "skills": (
            SkillReflection("s1", "Ask a second question", True, "With Hiro on Tuesday", 4),
            SkillReflection("s2", "Listen more", False, "", None),
        ),
        "focus": ("Book the pilot review", "Prep every call"),
        "key_call_uids": ("c1",),
        "cleared": 3,
        "saved_at": SAVED,
    }
    fields.update(changes)
    return WeekReview(**fields)


def test_a_review_round_trips_and_reopens(open_repo) -> None:
    review = full_review()
    first = open_repo()
    first.reviews.save(review)
    first.close()
    again = open_repo()
    assert again.reviews.get(W53) == review
    assert again.reviews.weeks() == {W53}
    assert again.reviews.get(IsoWeek(2027, 1)) is None


def test_saving_a_week_again_replaces_it_and_all_lists_by_week(repo) -> None:
    repo.reviews.save(full_review(IsoWeek(2027, 2)))
    first = full_review()
    repo.reviews.save(first)
    edited = full_review(went_well="Rewritten", uid=first.uid)
    repo.reviews.save(edited)
    assert [r.week for r in repo.reviews.all()] == [W53, IsoWeek(2027, 2)]
    assert repo.reviews.get(W53).went_well == "Rewritten"


def test_the_clear_up_and_the_draft_go_in_the_same_save(repo) -> None:
    late = Touch("camp", "acme", "greta", date(2026, 12, 21), Channel.EMAIL, Purpose.SHARE_INSIGHT)
    keep = Commitment("acme", Party.ME, "send pricing", due=date(2026, 12, 22))
    drop = Commitment("acme", Party.THEM, "share the org chart", due=date(2026, 12, 23))
    repo.touches.save(late)
    repo.calls.save_commitment(keep)
    repo.calls.save_commitment(drop)
    repo.drafts.save(FlowDraft("review:2026-W53", 4, {"went_well": "x"}))
    today = date(2027, 1, 1)
    save_review(
        repo,
        full_review(),
        touches=[settle_touch(late, ClearChoice.DONE, today)],
        commitments=[settle_promise(keep, ClearChoice.NEXT_WEEK, today)],
        dropped_commitments=[drop.uid],
        draft="review:2026-W53",
    )
    assert repo.touches.get(late.uid).status is TouchStatus.DONE
    promises = repo.calls.commitments()
    assert [(c.what, c.due) for c in promises] == [("send pricing", date(2027, 1, 4))]
    assert repo.drafts.get("review:2026-W53") is None


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda r: r.update(week="2027-W53"), "'week' is not an ISO week"),
        (lambda r: r["skills"][0].update(rating=9), "'rating' should be 1 to 5"),
        (lambda r: r.update(focus="one"), "'focus' should be a list of text"),
    ],
)
def test_a_hand_broken_review_stops_the_open(open_repo, data_dir, change, message) -> None:
    repo = open_repo()
    repo.reviews.save(full_review())
    repo.close()
    path = data_dir / "rhythm.json"
    raw = json.loads(path.read_text())
    (record,) = raw["reviews"].values()
    change(record)
    path.write_text(json.dumps(raw))
    with pytest.raises(UnreadableFile, match=message):
        Repository.open(data_dir)


def test_average_rating_ignores_unrated_skills() -> None:
    assert full_review().average_rating == 4
    assert full_review(skills=()).average_rating is None
