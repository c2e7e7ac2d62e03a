"""The single object services, screens and commands read and write data through."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Self, TypeVar

from coach_tui.model.clock import Clock, system_clock
from coach_tui.store.repos.days import DayRepository
from coach_tui.store.repos.drafts import DraftRepository
from coach_tui.store.repos.settings import SettingsRepository
from coach_tui.store.repos.why import WhyRepository
from coach_tui.store.store import Store
from coach_tui.store.unit_of_work import UnitOfWork

T = TypeVar("T")

if TYPE_CHECKING:
    from coach_tui.store.repos.accounts import AccountRepository
    from coach_tui.store.repos.calls import CallRepository
    from coach_tui.store.repos.campaigns import CampaignRepository
    from coach_tui.store.repos.contacts import ContactRepository
    from coach_tui.store.repos.entry_points import EntryPointRepository
    from coach_tui.store.repos.goals import GoalRepository
    from coach_tui.store.repos.objectives import ObjectiveRepository
    from coach_tui.store.repos.perspectives import PerspectiveRepository
    from coach_tui.store.repos.reviews import ReviewRepository
    from coach_tui.store.repos.touches import TouchRepository


class Repository:
    """Facade over the store: one attribute per kind of record (`repo.why`, `repo.accounts`…).

    A context manager: `with Repository.open(folder) as repo:` closes it (backup, lock
    released) however the block is left, so no caller repeats the try/finally.
    """

    def __init__(self, store: Store) -> None:
        self.store = store
        self.why = WhyRepository(store)
        self.drafts = DraftRepository(store)
        self.settings = SettingsRepository(store)
        self.days = DayRepository(store)
        self._building = threading.RLock()

    # The kinds of record a start does not read to decide its first screen (the why,
    # drafts, settings and the day's plan do) are imported on first use, with their
    # model classes: an empty folder's welcome is drawn without them.

    def _one(self, name: str, build: Callable[[], T]) -> T:
        """The one repository of `name`, built under a lock: the dashboard's worker and
        the UI thread may ask for it at the same moment (`cached_property` keeps it)."""
        with self._building:
            if name not in self.__dict__:
                self.__dict__[name] = build()
            return self.__dict__[name]

    @cached_property
    def goals(self) -> GoalRepository:
        from coach_tui.store.repos.goals import GoalRepository

        return self._one("goals", lambda: GoalRepository(self.store))

    @cached_property
    def accounts(self) -> AccountRepository:
        from coach_tui.store.repos.accounts import AccountRepository

        return self._one("accounts", lambda: AccountRepository(self.store))

    @cached_property
    def objectives(self) -> ObjectiveRepository:
        from coach_tui.store.repos.objectives import ObjectiveRepository

        return self._one("objectives", lambda: ObjectiveRepository(self.store))

    @cached_property
    def perspectives(self) -> PerspectiveRepository:
        from coach_tui.store.repos.perspectives import PerspectiveRepository

        return self._one("perspectives", lambda: PerspectiveRepository(self.store))

    @cached_property
    def contacts(self) -> ContactRepository:
        from coach_tui.store.repos.contacts import ContactRepository

        return self._one("contacts", lambda: ContactRepository(self.store))

    @cached_property
    def entry_points(self) -> EntryPointRepository:
        from coach_tui.store.repos.entry_points import EntryPointRepository

        return self._one("entry_points", lambda: EntryPointRepository(self.store))

    @cached_property
    def touches(self) -> TouchRepository:
        from coach_tui.store.repos.touches import TouchRepository

        return self._one("touches", lambda: TouchRepository(self.store))

    @cached_property
    def campaigns(self) -> CampaignRepository:
        from coach_tui.store.repos.campaigns import CampaignRepository

        return self._one("campaigns", lambda: CampaignRepository(self.store, self.touches))

    @cached_property
    def calls(self) -> CallRepository:
        from coach_tui.store.repos.calls import CallRepository

        return self._one("calls", lambda: CallRepository(self.store))

    @cached_property
    def reviews(self) -> ReviewRepository:
        """Weekly reviews: the home screen never reads them."""
        from coach_tui.store.repos.reviews import ReviewRepository

        return self._one("reviews", lambda: ReviewRepository(self.store, self.touches))

    @classmethod
    def open(
        cls,
        data_dir: Path,
        *,
        read_only: bool = False,
        clock: Clock = system_clock,
        adopt: bool = False,
        missing_ok: bool = False,
        backup_in_background: bool = False,
        backup_later: bool = False,
    ) -> Repository:
        """Open the data folder (checked record by record) and take the day's backup.

        `adopt` and `missing_ok` are `Store.open`'s: a folder of other files the user
        agreed to, a read-only look at a folder not made yet. The app takes the backup
        `backup_in_background`, drawing its first screen meanwhile; saves wait for it.
        `backup_later` takes none now: the caller starts it (`store.backup_in_background`)
        once its first screen shows, so the copy does not compete with drawing it; a write
        before then takes the backup first, as every write does.
        """
        store = Store.open(
            data_dir, read_only=read_only, clock=clock, adopt=adopt, missing_ok=missing_ok
        )
        if not read_only and backup_in_background:
            store.backup_in_background()
        elif not read_only and not backup_later:
            store.backup_if_new_day()
        return cls(store)

    @contextmanager
    def unit_of_work(self) -> Iterator[UnitOfWork]:
        """One user action's writes, whatever families they touch, in one transaction."""
        with self.store.transaction():
            yield UnitOfWork(self.drafts)

    @property
    def data_dir(self) -> Path:
        return self.store.data_dir

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()
