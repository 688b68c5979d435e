import time
from datetime import UTC, datetime

import pytest

from bot.adapters.fsrs_scheduler import fsrs_scheduler
from bot.services.ports import ReviewRating

AT = datetime(2024, 9, 26, 12, 0, tzinfo=UTC)


def test_a_first_review_is_the_same_for_the_same_answer_at_the_same_moment() -> None:
    first = fsrs_scheduler().review(None, ReviewRating.Good, AT)
    again = fsrs_scheduler().review(None, ReviewRating.Good, AT)
    assert first == again


def test_a_first_review_never_sleeps(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(seconds: float) -> None:
        raise AssertionError(f"slept {seconds} s in the event loop")

    monkeypatch.setattr(time, "sleep", refuse)
    card, due = fsrs_scheduler().review(None, ReviewRating.Again, AT)
    assert due > AT
    assert card["due"] == due.isoformat()
