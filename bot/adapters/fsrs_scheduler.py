"""Spaced repetition with FSRS: a card per person and question, rated at each answer.

fsrs is imported with the first review: start-up and the CLI do not pay for it.
"""

import threading
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from bot.services.ports import ReviewRating, ReviewScheduler

if TYPE_CHECKING:
    from fsrs import Card, Scheduler


class FsrsScheduler:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._scheduler: Scheduler | None = None

    def review(
        self, card: dict[str, Any] | None, rating: ReviewRating, at: datetime
    ) -> tuple[dict[str, Any], datetime]:
        from fsrs import Card, Rating

        utc = at.astimezone(UTC)  # FSRS insists on UTC
        found = Card.from_dict(card) if card else new_card(utc)  # type: ignore[arg-type]
        found, _ = self._loaded().review_card(
            found,
            Rating(rating.value),  # the same four ratings, numbered alike
            review_datetime=utc,
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


def new_card(at: datetime) -> "Card":
    """A card first seen `at`. fsrs's own default takes its id and due time from the wall clock
    and sleeps a millisecond to keep ids apart, which blocks the event loop on every first
    answer; the id only names the card, and ours are kept per person and question."""
    from fsrs import Card

    return Card(card_id=int(at.timestamp() * 1000), due=at)


def fsrs_scheduler() -> ReviewScheduler:
    return FsrsScheduler()
