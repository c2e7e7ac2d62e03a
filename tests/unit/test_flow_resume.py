"""Which half-done flows coach offers to carry on with, and how it names them."""

from coach_tui.model.account import Account
from coach_tui.model.call import Call
from coach_tui.model.draft import FlowDraft
from coach_tui.ui.flow_resume import in_progress


def test_flows_are_named_by_their_subject_and_the_step_reached(repo, clock) -> None:
    account = Account("Nordvale Foods", created_at=clock())
    repo.accounts.save(account)
    call = Call(account.uid, clock())
    repo.calls.save(call)
    repo.drafts.save(FlowDraft(f"prep:{call.uid}", 0, {}, clock()))
    repo.drafts.save(FlowDraft("review:2026-W47", 4, {}, clock()))
    labels = {flow.flow: flow.label for flow in in_progress(repo)}
    assert labels == {
        f"prep:{call.uid}": "Prep of the call with Nordvale Foods, at step 1",
        "review:2026-W47": "The weekly review of 2026-W47, at step 5",
    }


def test_a_draft_whose_account_or_call_is_gone_is_not_offered(repo, clock) -> None:
    repo.drafts.save(FlowDraft("objective:gone", 1, {}, clock()))
    repo.drafts.save(FlowDraft("debrief:gone", 1, {}, clock()))
    repo.drafts.save(FlowDraft("a-flow-from-a-newer-coach", 1, {}, clock()))
    assert in_progress(repo) == []
    assert repo.drafts.get("objective:gone") is not None  # not offered, still kept
