"""Spaced repetition with FSRS: a card per person and question, rated at each answer."""

from datetime import UTC, datetime
from typing import Any

from fsrs import Card, Rating, Scheduler

from bot.services.ports import ReviewRating, ReviewScheduler

RATINGS = {
    ReviewRating.Again: Rating.Again,
    ReviewRating.Hard: Rating.Hard,
    ReviewRating.Good: Rating.Good,
    ReviewRating.Easy: Rating.Easy,
}


class FsrsScheduler:
    def __init__(self) -> None:
        # No fuzzing: the same answers at the same times give the same schedule.
        self._scheduler = Scheduler(enable_fuzzing=False)

    def review(
        self, card: dict[str, Any] | None, rating: ReviewRating, at: datetime
    ) -> tuple[dict[str, Any], datetime]:
        found = Card.from_dict(card) if card else Card()  # type: ignore[arg-type]
        found, _ = self._scheduler.review_card(
            found,
            RATINGS[rating],
            review_datetime=at.astimezone(UTC),  # FSRS insists on UTC
        )
        return dict(found.to_dict()), found.due


def fsrs_scheduler() -> ReviewScheduler:
    return FsrsScheduler()
