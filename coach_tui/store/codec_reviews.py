"""Records of weekly reviews, one per ISO week."""

from __future__ import annotations

from coach_tui.model.errors import ValidationError
from coach_tui.model.review import RATINGS, SkillReflection, WeekReview
from coach_tui.model.week import IsoWeek
from coach_tui.store.codec import Reader, Record, moment_to_text

TABLE = "reviews"
SKILL_FIELDS = frozenset(SkillReflection.__dataclass_fields__)


def review_to_record(review: WeekReview) -> Record:
    return {
        "uid": review.uid,
        "week": str(review.week),
        "figures_note": review.figures_note,
        "went_well": review.went_well,
        "went_badly": review.went_badly,
        "learned": review.learned,
        "skills": [
            {
                "goal_uid": skill.goal_uid,
                "skill": skill.skill,
                "practised": skill.practised,
                "example": skill.example,
                "rating": skill.rating,
            }
            for skill in review.skills
        ],
        "focus": list(review.focus),
        "key_call_uids": list(review.key_call_uids),
        "cleared": review.cleared,
        "saved_at": moment_to_text(review.saved_at),
    }


def _rating(read: Reader) -> int | None:
    if read.record.get("rating") is None:
        return None
    rating = read.integer("rating")
    if rating not in RATINGS:
        raise read.fail(f"'rating' should be 1 to 5, not {rating}")
    return rating


def review_from_record(record: Record, doc_id: object = "?") -> WeekReview:
    read = Reader(TABLE, doc_id, record)
    try:
        week = IsoWeek.parse(read.text("week"))
    except ValidationError as error:
        raise read.fail(f"'week' is not an ISO week: {error.message}") from None
    skills = []
    for item in read.records("skills"):
        inner = read.nested(item, SKILL_FIELDS, "a skill reflection")
        skills.append(
            SkillReflection(
                goal_uid=inner.text("goal_uid"),
                skill=inner.text("skill"),
                practised=inner.flag("practised"),
                example=inner.optional_text("example"),
                rating=_rating(inner),
            )
        )
    return WeekReview(
        week=week,
        figures_note=read.optional_text("figures_note"),
        went_well=read.optional_text("went_well"),
        went_badly=read.optional_text("went_badly"),
        learned=read.optional_text("learned"),
        skills=tuple(skills),
        focus=tuple(read.text_list("focus")),
        key_call_uids=tuple(read.text_list("key_call_uids")),
        cleared=read.integer("cleared") if "cleared" in record else 0,
        saved_at=read.optional_moment("saved_at"),
        uid=read.text("uid"),
    )
