"""The first day a folder was used: nothing before it can be asked of the seller.

Coach keeps no stamp of when a folder was first opened, but every first step leaves a dated
record: the why, an account, a day's plan, a weekly review. The earliest of those is the
first use. An account from before accounts carried a creation date says the folder was in
use long ago.
"""

from __future__ import annotations

from datetime import date

from coach_tui.store.repository import Repository


def first_use(repo: Repository) -> date | None:
    """The first day the folder holds anything the seller did; None before the first step
    (raises StoreError like any read)."""
    days: list[date] = [why.written_at.date() for why in repo.why.history()]
    days += [week.monday for week in repo.reviews.weeks()]
    first_plan = repo.days.first_day()
    if first_plan is not None:
        days.append(first_plan)
    for account in repo.accounts.all(include_archived=True):
        days.append(account.created_at.date() if account.created_at else date.min)
    return min(days, default=None)
