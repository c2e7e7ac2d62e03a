"""Every guided flow with a draft can be picked up again, from the start of coach or the
place it belongs to.

A draft key names its flow and what the flow is about ("objective:<account uid>",
"prep:<call uid>", "review:2026-W48"). `in_progress` lists the drafts a seller can carry on
with, in words; `resume` opens one where it lives: an account's objective on that account's
page, a campaign on its getting-in screen, a call's prep or debrief on its account, so that
closing the flow leaves the seller where the work belongs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from coach_tui.coaching.plan_year import OBJECTIVE_WALK, PLAN_FLOW
from coach_tui.coaching.why import WHY_FLOW
from coach_tui.model.draft import FlowDraft, flow_label
from coach_tui.model.flows.plan_year import walk_accounts
from coach_tui.model.week import IsoWeek
from coach_tui.store.errors import DamagedRecord, StoreError
from coach_tui.store.repository import Repository

if TYPE_CHECKING:
    from coach_tui.ui.app import CoachApp
    from coach_tui.ui.routes import AccountRoute, EntryRoute
    from coach_tui.ui.screens.account import AccountScreen


@dataclass(frozen=True, slots=True)
class FlowInProgress:
    """A draft a seller can carry on with, named as they would name it."""

    flow: str  # the draft's key
    label: str  # "Nordvale's strategic objective, at step 3"


def in_progress(repo: Repository) -> list[FlowInProgress]:
    """The flows with a draft, most recently touched first; drafts whose subject is gone
    (a deleted account or call) are left out: there is nothing left to open them on."""
    drafts = sorted(
        repo.drafts.all(),
        key=lambda draft: draft.updated_at.timestamp() if draft.updated_at else 0.0,
        reverse=True,
    )
    walking = _walk_account(repo)
    found = []
    for draft in drafts:
        subject = _subject(repo, draft.flow)
        if subject is None or (walking and draft.flow == f"objective:{walking}"):
            continue  # gone, or the plan's walk (listed itself) carries on with it
        found.append(FlowInProgress(draft.flow, _label(draft, subject)))
    return found


def draft_of(repo: Repository, flow: str) -> FlowDraft | None:
    """Where `flow` stands, to show it ("in progress at step 3"); None when it has no draft
    or one that cannot be read (opening the flow sets that one aside, saying where)."""
    try:
        return repo.drafts.get(flow)
    except DamagedRecord:
        return None


def _subject(repo: Repository, flow: str) -> str | None:
    """What the flow is about, in words ("" for flows about the seller); None if gone."""
    kind, _, rest = flow.partition(":")
    if flow in (WHY_FLOW, PLAN_FLOW, OBJECTIVE_WALK) or kind == "review":
        return ""
    if kind in ("objective", "campaign"):
        account = repo.accounts.get(rest)
        return None if account is None else account.name
    if kind in ("prep", "debrief"):
        call = repo.calls.get(rest)
        account = None if call is None else repo.accounts.get(call.account_uid)
        return None if account is None else account.name
    return None  # a flow this version of coach does not know


_SUBJECT_LABELS = {
    "objective": "Strategic objective for {}",
    "campaign": "Entry campaign for {}",
    "prep": "Prep of the call with {}",
    "debrief": "Debrief of the call with {}",
}


def _label(draft: FlowDraft, subject: str) -> str:
    kind = draft.flow.partition(":")[0]
    if draft.flow == OBJECTIVE_WALK:
        count = len(walk_accounts(draft))
        return f"Plan the year: the objectives of your key accounts, {draft.step} of {count} done"
    name = _SUBJECT_LABELS[kind].format(subject) if subject else flow_label(draft.flow)
    return f"{name}, at step {draft.step + 1}"


def resume(app: CoachApp, flow: str) -> None:
    """Open the flow of draft `flow` where it belongs, at the step the seller left."""
    from coach_tui.ui.routes import WeeklyReviewRoute

    kind, _, rest = flow.partition(":")
    if flow == WHY_FLOW:
        app.action_write_why()
    elif flow in (PLAN_FLOW, OBJECTIVE_WALK):
        app.action_plan_year()
    elif kind == "review":
        app.open(WeeklyReviewRoute(IsoWeek.parse(rest)))
    elif kind == "objective":
        _on_account(app, rest, lambda screen: screen.action_objective())
    elif kind == "campaign":
        _on_entry(app, rest)
    elif kind in ("prep", "debrief"):
        _on_call(app, rest, prep=kind == "prep")


def _walk_account(repo: Repository) -> str:
    """The account whose objective the plan-the-year walk is on, or ""."""
    walk = draft_of(repo, OBJECTIVE_WALK)
    if walk is None:
        return ""
    uids = walk_accounts(walk)
    return uids[walk.step] if 0 <= walk.step < len(uids) else ""


def _on_account(app: CoachApp, account_uid: str, then: Callable[..., None]) -> None:
    from coach_tui.ui.routes import AccountRoute

    if _walk_account(app.repo) == account_uid and not app.repo.drafts.has(PLAN_FLOW):
        app.action_plan_year()  # part of the plan: carry on with the walk, not alone
        return
    _open_then(app, AccountRoute(account_uid), then)


def _on_entry(app: CoachApp, account_uid: str) -> None:
    from coach_tui.ui.routes import EntryRoute

    _open_then(app, EntryRoute(account_uid), lambda screen: screen.action_campaign())


def _on_call(app: CoachApp, call_uid: str, *, prep: bool) -> None:
    from coach_tui.ui.routes import AccountRoute

    call = app.repo.calls.get(call_uid)
    if call is None:
        return

    def start(screen: AccountScreen) -> None:
        if prep:
            screen.start_prep(call)
        else:
            screen.start_debrief(call)

    _open_then(app, AccountRoute(call.account_uid), start)


def _open_then(app: CoachApp, route: AccountRoute | EntryRoute, then: Callable[..., None]) -> None:
    """Show the screen of `route`, then open the flow on it once it has loaded its data."""
    screen = app.open(route)
    assert screen is not None  # account and entry screens are pushed at once
    screen.call_after_refresh(then, screen)


def offer_on_start(app: CoachApp) -> None:
    """Ask whether to carry on with the flows left half done, if there are any."""
    offer_in_progress(app, say_if_none=False)


def offer_in_progress(app: CoachApp, *, say_if_none: bool = True) -> None:
    """Offer the flows left half done (from the palette too), or say there are none."""
    from coach_tui.ui.routes import ResumeOfferRoute

    try:
        flows = in_progress(app.repo)
    except StoreError as error:
        app.notify(str(error), severity="error", timeout=15, markup=False)
        return
    if not flows:
        if say_if_none:
            app.notify("Nothing is half done: every guided flow was finished or never started.")
        return

    def chosen(flow: str | None) -> None:
        if flow is not None:
            try:
                resume(app, flow)
            except StoreError as error:
                app.notify(str(error), severity="error", timeout=15, markup=False)

    app.open(ResumeOfferRoute(flows), chosen)
