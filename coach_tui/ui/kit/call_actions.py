"""Schedule, prepare, debrief and move a call — shared by the calls list and the account."""

from __future__ import annotations

from collections.abc import Callable

from coach_tui.coaching.calls import held_at, still_ahead
from coach_tui.model.account import Account
from coach_tui.model.call import Call
from coach_tui.store.errors import StoreError
from coach_tui.ui.kit.base import CoachScreen
from coach_tui.ui.kit.confirm import ConfirmScreen
from coach_tui.ui.routes import CallFormRoute, CallHistoryRoute, DebriefRoute, PrepRoute
from coach_tui.ui.text import day_and_time


class CallActions(CoachScreen[None]):
    """Screens that show calls implement `highlighted_call`; the rest is shared."""

    def highlighted_call(self) -> Call | None:
        raise NotImplementedError

    def _failed(self, error: StoreError) -> None:
        self.notify(str(error), severity="error", timeout=15, markup=False)

    def schedule_call(self, account_uid: str, call: Call | None = None) -> None:
        repo = self.coach.repo
        try:
            account = repo.accounts.get(account_uid)
            contacts = repo.contacts.for_account(account_uid)
            objective = repo.objectives.active_for(account_uid)
        except StoreError as error:
            self._failed(error)
            return
        if account is None:
            return

        def saved(done: Call | None) -> None:
            if done is not None and call is None:
                self._offer_prep(done)

        self.coach.open(
            CallFormRoute(
                account,
                contacts,
                now=self.coach.now(),
                objective_uid=objective.uid if objective else "",
                call=call,
            ),
            saved,
        )

    def _offer_prep(self, call: Call) -> None:
        """No call without an outcome: offer the prep at once, while the call is in mind."""

        def answered(now: bool | None) -> None:
            if now:
                self.start_prep(call)
            else:
                self.notify("Saved without an outcome yet: c on the dashboard, then p.")

        self.app.push_screen(
            ConfirmScreen(
                f"Call saved for {day_and_time(self.local(call.when))}. What should the client "
                "agree to by "
                "its end? Prepare the outcome now?",
                confirm="Prepare now",
                keep="Later",
            ),
            answered,
        )

    def show_call_history(self, account_uid: str) -> None:
        """The account's debriefed calls, archived ones included."""
        self.coach.open(CallHistoryRoute(account_uid))

    def action_move_call(self) -> None:
        call = self.highlighted_call()
        if call is not None:
            self.schedule_call(call.account_uid, call)

    def _call_and_account(self) -> tuple[Call, Account] | None:
        """The highlighted call and its account, or None (having said why)."""
        call = self.highlighted_call()
        if call is None:
            self.notify("No call is highlighted.")
            return None
        try:
            account = self.coach.repo.accounts.get(call.account_uid)
        except StoreError as error:
            self._failed(error)
            return None
        return None if account is None else (call, account)

    def action_prep(self) -> None:
        call = self.highlighted_call()
        if call is None:
            self.notify("No call is highlighted.")
            return
        self.start_prep(call)

    def start_prep(self, call: Call) -> None:
        repo = self.coach.repo
        try:
            account = repo.accounts.get(call.account_uid)
            if account is None:
                return
            objective = repo.objectives.active_for(call.account_uid)
            recent = repo.calls.recent_for_account(call.account_uid)
            earlier = [c for c in recent if c.when < call.when]
            last = next((c for c in reversed(earlier) if c.debrief is not None), None)
            commitments = repo.calls.open_commitments(call.account_uid)
            why = repo.why.current()
            contacts = tuple(repo.contacts.for_account(call.account_uid))
            perspectives = tuple(repo.perspectives.for_account(call.account_uid))
        except StoreError as error:
            self._failed(error)
            return
        self.coach.open(
            PrepRoute(
                call,
                account,
                why=why,
                objective=objective,
                last=last,
                commitments=commitments,
                contacts=contacts,
                perspectives=perspectives,
            ),
            self._said("Prepared. Go and get that yes.", "Prep"),
        )

    def _said(self, message: str, title: str) -> Callable[[Call | None], None]:
        def done(call: Call | None) -> None:
            if call is not None:
                self.notify(message, title=title)

        return done

    def action_debrief(self) -> None:
        """Debrief the highlighted call; one still ahead asks first whether it happened."""
        found = self._call_and_account()
        if found is None:
            return
        call, account = found
        now = self.coach.now()
        if not still_ahead(call, now):
            self.start_debrief(call, account)
            return

        def answered(held: bool | None) -> None:
            if held:
                self.start_debrief(held_at(call, self.coach.now()), account)
            else:
                self.notify("Nothing recorded. Debrief it after the call (b).")

        self.app.push_screen(
            ConfirmScreen(
                f"This call is set for {day_and_time(self.local(call.when))}, still ahead. "
                "Was it moved earlier and held already? Then the "
                f"debrief records it as held now, {day_and_time(self.local(now))}.",
                confirm="It happened: debrief it",
                keep="Not yet",
            ),
            answered,
        )

    def start_debrief(self, call: Call, account: Account | None = None) -> None:
        """Open the debrief of `call`, resuming its draft (its account looked up if not given);
        a call moved earlier gets its new time when the debrief saves."""
        # Here, not at the top: the debrief's rules are not needed to draw a screen of calls
        # (the morning plan is the first screen of the day).
        from coach_tui.services.call_saves import debrief_context

        try:
            if account is None:
                account = self.coach.repo.accounts.get(call.account_uid)
            context = debrief_context(self.coach.repo, call)
        except StoreError as error:
            self._failed(error)
            return
        if account is None:
            return
        self.coach.open(
            DebriefRoute(call, account, context),
            self._said("Debrief saved.", "Debrief"),
        )
