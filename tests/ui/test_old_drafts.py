"""A draft written before flows were typed (answers as a dict of strings: composite keys,
comma-joined picks, lists as JSON inside a string) resumes at the same step with the same
answers, and saves what it holds.

"Today" is Tuesday 24 Nov 2026, so the review offered is last week's, 2026-W47.
"""

import json

from coach_tui.coaching.review_answers import ReviewAnswers, SkillAnswers
from coach_tui.model.draft import FlowDraft
from coach_tui.model.flows.codec import answers_of
from tests.helpers import on_screen
from tests.ui.flow import later, run, settle
from tests.ui.test_weekly_review import W47, open_review, seed_week


async def test_an_old_review_draft_resumes_where_it_was_and_saves_its_answers(
    make_app, with_why, open_repo, clock
) -> None:
    uids = seed_week(open_repo)
    old = {
        "figures_note": "Thin week",
        "went_well": "Greta said yes",
        "went_badly": "A promise slipped",
        "learned": "Budgets are set in March",
        f"skill:{uids['skill']}:practised": "no",
        f"skill:{uids['skill']}:rating": "3",
        f"clear:promise:{uids['promise']}": "done",
        f"clear:touch:{uids['touch']}": "next week",
        "focus": "Book the CFO meeting",
        "key_calls": uids["call"],
        "_skills": json.dumps([[uids["skill"], "Ask a second question"]]),
        "_clear": json.dumps(
            [["promise", uids["promise"], "The waste study"], ["touch", uids["touch"], "Greta"]]
        ),
    }
    repo = open_repo()
    repo.drafts.save(FlowDraft("review:2026-W47", 10, old, clock()))  # on "Key calls"
    repo.close()
    app = make_app()
    async with run(app) as pilot:
        await later(pilot)  # the offer of half-done flows
        flow = await open_review(pilot)
        assert flow.step == 10 and flow.current.title == "Key calls"
        assert flow.answers.key_calls == (uids["call"],)
        assert flow.answers.skills == {uids["skill"]: SkillAnswers(practised=False, rating=3)}
        await pilot.press("ctrl+s")
        await pilot.pause()
        text = on_screen(app)
        assert "Ask a second question: not practised, rated 3/5" in text
        assert "Clear-up: 2 of 2 open items settled" in text
        assert "Key calls to prep: 1" in text
        await pilot.press("ctrl+q")
    draft = app.repo.drafts.get("review:2026-W47")
    assert draft is not None and draft.typed and draft.step == 11  # written typed from now on
    assert answers_of(draft, ReviewAnswers).key_calls == (uids["call"],)
    app.repo.close()

    app = make_app()
    async with run(app) as pilot:
        await later(pilot)
        flow = await open_review(pilot)
        assert flow.current.title == "Look it over"
        await pilot.press("ctrl+s")
        await settle(pilot)
    review = app.repo.reviews.get(W47)
    assert review.went_well == "Greta said yes"
    assert [(s.practised, s.rating) for s in review.skills] == [(False, 3)]
    assert review.key_call_uids == (uids["call"],)
    assert review.cleared == 2
