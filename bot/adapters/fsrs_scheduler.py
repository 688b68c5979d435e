"""Spaced repetition with FSRS: a card per person and question, rated at each answer.

fsrs is imported with the first review: start-up and the CLI do not pay for it.
"""

import threading
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from bot.services.ports import ReviewRating, ReviewScheduler

if TYPE_CHECKING:
    from fsrs import Scheduler


class FsrsScheduler:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._scheduler: Scheduler | None = None

    def review(
        self, card: dict[str, Any] | None, rating: ReviewRating, at: datetime
    ) -> tuple[dict[str, Any], datetime]:
        from fsrs import Card, Rating

        found = Card.from_dict(card) if card else Card()  # type: ignore[arg-type]
        found, _ = self._loaded().review_card(
            found,
            Rating(rating.value),  # the same four ratings, numbered alike
            review_datetime=at.astimezone(UTC),  # FSRS insists on UTC
        )
        return dict(found.to_dict()), found.due

    def _loaded(self) -> "Scheduler":
        if self._scheduler is None:
            with self._lock:
                if self._scheduler is None:
                    from fsrs import Scheduler

                    # No fuzzing: the same answers at the same times give the same schedule.
                    self._scheduler = Scheduler(enable_fuzzing=False)
        return self._scheduler


def fsrs_scheduler() -> ReviewScheduler:
    return FsrsScheduler()
