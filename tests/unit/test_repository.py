"""The repository hands out model objects and keeps versions, drafts and settings."""

from coach_tui.model.draft import FlowDraft
from coach_tui.model.settings import Settings
from coach_tui.model.why import WhyStatement, new_why


def test_why_history_is_newest_first_and_current_is_the_newest(repo, clock) -> None:
    assert repo.why.current() is None
    assert repo.why.history() == []
    repo.why.save(new_why("First", {"gives": "a home"}, now=clock()))
    clock.advance(days=30)
    repo.why.save(new_why("Second", {}, now=clock()))
    history = repo.why.history()
    assert [why.statement for why in history] == ["Second", "First"]
    assert all(isinstance(why, WhyStatement) for why in history)
    assert history[1].answers.gives == "a home"
    assert repo.why.current() == history[0]


def test_saved_why_survives_reopening_unchanged(open_repo, clock) -> None:
    repo = open_repo()
    saved = new_why("Für meine Familie 👨‍👩‍👧", {"win": "שלום"}, now=clock())
    repo.why.save(saved)
    repo.close()
    assert open_repo().why.current() == saved


def test_draft_is_one_per_flow_and_replaced_each_step(repo, clock) -> None:
    repo.drafts.save(FlowDraft("why", 0, {"gives": "a"}, clock()))
    repo.drafts.save(FlowDraft("why", 1, {"gives": "a", "seller": "b"}, clock()))
    repo.drafts.save(FlowDraft("other", 0, {}, clock()))
    draft = repo.drafts.get("why")
    assert draft is not None
    assert draft.step == 1
    assert draft.answers == {"gives": "a", "seller": "b"}
    assert len(repo.drafts.all()) == 2
    repo.drafts.discard("why")
    assert repo.drafts.get("why") is None
    assert repo.drafts.get("other") is not None


def test_settings_default_then_saved(open_repo) -> None:
    repo = open_repo()
    assert repo.settings.get() == Settings()
    repo.settings.save(Settings(theme="coach-light"))
    repo.settings.save(Settings(theme="coach-contrast"))
    repo.close()
    assert open_repo().settings.get().theme == "coach-contrast"


def test_returned_objects_do_not_alias_the_cache(repo, clock) -> None:
    repo.drafts.save(FlowDraft("why", 0, {"gives": "original"}, clock()))
    draft = repo.drafts.get("why")
    assert draft is not None
    draft.answers["gives"] = "mutated by a screen"
    again = repo.drafts.get("why")
    assert again is not None
    assert again.answers["gives"] == "original"
