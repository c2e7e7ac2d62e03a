"""Weekly reviews, one per ISO week (saving a week again replaces it)."""

from __future__ import annotations

from collections.abc import Sequence

from tinydb import Query

from coach_tui.model.call import Commitment
from coach_tui.model.review import WeekReview
from coach_tui.model.touch import Touch
from coach_tui.model.week import IsoWeek
from coach_tui.store.codec import decode, encode
from coach_tui.store.repos.common import BY_UID, upsert_by_uid
from coach_tui.store.repos.touches import TouchRepository
from coach_tui.store.store import Store

TABLE = "reviews"


class ReviewRepository:
    def __init__(self, store: Store, touches: TouchRepository) -> None:
        self._store = store
        self._touches = touches

    def get(self, week: IsoWeek) -> WeekReview | None:
        with self._store.reading() as tx:
            found = tx.table(TABLE).get(Query().week == str(week))
            return decode("reviews", found, found.doc_id) if isinstance(found, dict) else None

    def all(self) -> list[WeekReview]:
        """Every review, oldest week first."""
        with self._store.reading() as tx:
            reviews = [decode("reviews", r, r.doc_id) for r in tx.table(TABLE).all()]
        return sorted(reviews, key=lambda review: review.week)

    def weeks(self) -> set[IsoWeek]:
        """The weeks that have a review, without decoding them."""
        with self._store.reading() as tx:
            return {IsoWeek.parse(r["week"]) for r in tx.table(TABLE).all()}

    def save(
        self,
        review: WeekReview,
        *,
        touches: Sequence[Touch] = (),
        commitments: Sequence[Commitment] = (),
        dropped_commitments: Sequence[str] = (),
    ) -> None:
        """The review with what its clear-up settled, in one write."""
        with self._store.transaction() as tx:
            tx.table(TABLE).upsert(encode(review), Query().week == str(review.week))
            if touches:
                self._touches.write(tx, [encode(touch) for touch in touches])
            promises = tx.table("commitments")
            for commitment in commitments:
                upsert_by_uid(promises, encode(commitment))
            for uid in dropped_commitments:
                promises.remove(uid == BY_UID)
