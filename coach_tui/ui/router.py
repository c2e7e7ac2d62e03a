"""Which screen each route opens, and how.

Imported by the app alone (`CoachApp.open`). Screens and kit modules never import a screen
module; the app does (its own menu actions, and this router), as do the openers it calls
(`review_actions` for the reviews, `flow_opening` for the draft-rescue question). Each
builder imports its screen module when first used, so only the dashboard is on the
start-up path. A route whose screen is a guided flow goes through `open_flow`, which
resumes the flow's draft, or asks first about a draft that once stopped coach.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from coach_tui.model.draft import FlowDraft
from coach_tui.ui import routes as r
from coach_tui.ui.flow_opening import open_flow

if TYPE_CHECKING:
    from textual.screen import Screen

    from coach_tui.ui.app import CoachApp

Callback = Callable[[Any], object] | None
Opener = Callable[["CoachApp", Any, Callback], "Screen | None"]


def open_route(app: CoachApp, route: object, callback: Callback = None) -> Screen | None:
    """Show the screen `route` names; a route type with no screen is a programming error."""
    opener = _OPENERS.get(type(route))
    if opener is None:
        raise LookupError(f"No screen is routed for {type(route).__name__}")
    return opener(app, route, callback)


def _pushed(build: Callable[[Any], Screen]) -> Opener:
    """Push the screen `build` makes, its result going to the callback."""

    def opener(app: CoachApp, route: Any, callback: Callback) -> Screen:
        screen = build(route)
        app.push_screen(screen, callback)
        return screen

    return opener


def _flow(build: Callable[[Any, FlowDraft | None, datetime], Screen]) -> Opener:
    """Open the guided flow `build` makes from the route and the flow's draft, at the
    moment it is built (after any question about the draft)."""

    def opener(app: CoachApp, route: Any, callback: Callback) -> None:
        open_flow(app, route.flow, lambda draft: build(route, draft, app.now()), callback)

    return opener


# --- builders: one per screen, each importing its module on first use ----------------------


def _account(route: r.AccountRoute) -> Screen:
    from coach_tui.ui.screens.account import AccountScreen

    return AccountScreen(route.account_uid)


def _account_form(route: r.AccountFormRoute) -> Screen:
    from coach_tui.ui.screens.account_form import AccountForm

    return AccountForm(route.account)


def _account_picker(route: r.AccountPickerRoute) -> Screen:
    from coach_tui.ui.screens.account_picker import AccountPicker

    return AccountPicker(route.names, route.question, keep_order=route.keep_order)


def _perspective(route: r.PerspectiveRoute) -> Screen:
    from coach_tui.ui.screens.account_forms import PerspectiveForm

    return PerspectiveForm(route.account)


def _close_objective(route: r.CloseObjectiveRoute) -> Screen:
    from coach_tui.ui.screens.account_forms import CloseObjectiveForm

    return CloseObjectiveForm(route.objective)


def _objective(route: r.ObjectiveRoute, draft: FlowDraft | None, _now: datetime) -> Screen:
    from coach_tui.ui.screens.objective_flow import ObjectiveFlowScreen

    return ObjectiveFlowScreen(
        route.account, draft=draft, current=route.current, default_currency=route.default_currency
    )


def _entry(route: r.EntryRoute) -> Screen:
    from coach_tui.ui.screens.entry import AccountEntryScreen

    return AccountEntryScreen(route.account_uid)


def _entry_point(route: r.EntryPointRoute) -> Screen:
    from coach_tui.ui.screens.entry_point_form import EntryPointForm

    return EntryPointForm(route.account, route.entry)


def _contact_form(route: r.ContactFormRoute) -> Screen:
    from coach_tui.ui.screens.contact_form import ContactForm

    return ContactForm(route.account, route.contact)


def _campaign(route: r.CampaignRoute, draft: FlowDraft | None, _now: datetime) -> Screen:
    from coach_tui.ui.screens.campaign_flow import CampaignFlowScreen

    return CampaignFlowScreen(
        route.account,
        route.contacts,
        draft=draft,
        client_focus=route.client_focus,
        why_now=route.why_now,
        holiday_region=route.holiday_region,
    )


def _touch_form(route: r.TouchFormRoute) -> Screen:
    from coach_tui.ui.screens.touch_forms import TouchForm

    return TouchForm(route.touch, route.contacts, today=route.today, new=route.new)


def _touch_done(route: r.TouchDoneRoute) -> Screen:
    from coach_tui.ui.screens.touch_forms import TouchDoneForm

    return TouchDoneForm(route.touch, route.who, today=route.today)


def _touch_skip(route: r.TouchSkipRoute) -> Screen:
    from coach_tui.ui.screens.touch_forms import TouchSkipForm

    return TouchSkipForm(route.touch, route.who, today=route.today)


def _touch_snooze(route: r.TouchSnoozeRoute) -> Screen:
    from coach_tui.ui.screens.touch_forms import SnoozeForm

    return SnoozeForm(route.touch, route.who, today=route.today)


def _call_form(route: r.CallFormRoute) -> Screen:
    from coach_tui.ui.screens.call_form import CallForm

    return CallForm(
        route.account,
        route.contacts,
        now=route.now,
        objective_uid=route.objective_uid,
        call=route.call,
    )


def _call_history(route: r.CallHistoryRoute) -> Screen:
    from coach_tui.ui.screens.call_history import CallHistoryScreen

    return CallHistoryScreen(route.account_uid)


def _prep(route: r.PrepRoute, draft: FlowDraft | None, now: datetime) -> Screen:
    from coach_tui.ui.screens.prep_flow import PrepFlowScreen

    return PrepFlowScreen(
        route.call,
        route.account,
        now=now,
        draft=draft,
        why=route.why,
        objective=route.objective,
        last=route.last,
        commitments=route.commitments,
        contacts=route.contacts,
        perspectives=route.perspectives,
    )


def _debrief(route: r.DebriefRoute, draft: FlowDraft | None, now: datetime) -> Screen:
    from coach_tui.ui.screens.debrief_flow import DebriefFlowScreen

    return DebriefFlowScreen(route.call, route.account, now=now, draft=draft, context=route.context)


def _goal_form(route: r.GoalFormRoute) -> Screen:
    from coach_tui.ui.screens.goal_forms import GoalForm

    return GoalForm(route.goal, today=route.today, currency=route.currency)


def _progress(route: r.ProgressRoute) -> Screen:
    from coach_tui.ui.screens.goal_forms import ProgressForm

    return ProgressForm(route.goal, today=route.today)


def _skill_form(route: r.SkillFormRoute) -> Screen:
    from coach_tui.ui.screens.goal_skill_forms import SkillForm

    return SkillForm(route.skill, today=route.today)


def _retire_skill(route: r.RetireSkillRoute) -> Screen:
    from coach_tui.ui.screens.goal_skill_forms import RetireSkillForm

    return RetireSkillForm(route.skill, today=route.today)


def _resume_offer(route: r.ResumeOfferRoute) -> Screen:
    from coach_tui.ui.screens.resume_offer import ResumeOfferScreen

    return ResumeOfferScreen(route.flows)


# --- the review screens: opened with what they read, and never twice on top of each other ---


def _weekly_review(app: CoachApp, route: r.WeeklyReviewRoute, callback: Callback) -> None:
    assert callback is None, "the review says itself that it was saved"
    from coach_tui.ui.review_actions import open_weekly_review

    open_weekly_review(app, route.week)


def _past_reviews(app: CoachApp, _route: r.PastReviewsRoute, callback: Callback) -> None:
    assert callback is None, "a list of reviews has no result"
    from coach_tui.ui.review_actions import open_past_reviews

    open_past_reviews(app)


def _trends(app: CoachApp, _route: r.TrendsRoute, callback: Callback) -> None:
    assert callback is None, "trends have no result"
    from coach_tui.ui.review_actions import open_trends

    open_trends(app)


_OPENERS: dict[type, Opener] = {
    r.AccountRoute: _pushed(_account),
    r.AccountFormRoute: _pushed(_account_form),
    r.AccountPickerRoute: _pushed(_account_picker),
    r.PerspectiveRoute: _pushed(_perspective),
    r.CloseObjectiveRoute: _pushed(_close_objective),
    r.ObjectiveRoute: _flow(_objective),
    r.EntryRoute: _pushed(_entry),
    r.EntryPointRoute: _pushed(_entry_point),
    r.ContactFormRoute: _pushed(_contact_form),
    r.CampaignRoute: _flow(_campaign),
    r.TouchFormRoute: _pushed(_touch_form),
    r.TouchDoneRoute: _pushed(_touch_done),
    r.TouchSkipRoute: _pushed(_touch_skip),
    r.TouchSnoozeRoute: _pushed(_touch_snooze),
    r.CallFormRoute: _pushed(_call_form),
    r.CallHistoryRoute: _pushed(_call_history),
    r.PrepRoute: _flow(_prep),
    r.DebriefRoute: _flow(_debrief),
    r.GoalFormRoute: _pushed(_goal_form),
    r.ProgressRoute: _pushed(_progress),
    r.SkillFormRoute: _pushed(_skill_form),
    r.RetireSkillRoute: _pushed(_retire_skill),
    r.ResumeOfferRoute: _pushed(_resume_offer),
    r.WeeklyReviewRoute: _weekly_review,
    r.PastReviewsRoute: _past_reviews,
    r.TrendsRoute: _trends,
}
