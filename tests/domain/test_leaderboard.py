"""The practice leaderboard: most right answers first, ties share a place, the week is local."""

from datetime import datetime
from itertools import pairwise
from zoneinfo import ZoneInfo

from hypothesis import given
from hypothesis import strategies as st

from bot.domain.leaderboard import Tally, ranked, week_start

ZONE = ZoneInfo("Asia/Shanghai")


def tally(person: int, right: int, answered: int, name: str = "") -> Tally:
    return Tally(person, name or f"P{person}", "T", right, answered)


def test_the_most_right_answers_come_first() -> None:
    places = ranked([tally(1, 3, 10), tally(2, 8, 10), tally(3, 5, 5)])
    assert [(p.rank, p.tally.person_id) for p in places] == [(1, 2), (2, 3), (3, 1)]


def test_equal_right_answers_share_a_place_and_the_next_is_skipped() -> None:
    places = ranked([tally(1, 5, 10), tally(2, 5, 5), tally(3, 2, 2)])
    assert [(p.rank, p.tally.person_id) for p in places] == [(1, 2), (1, 1), (3, 3)]


def test_among_equals_the_better_accuracy_is_listed_first() -> None:
    places = ranked([tally(1, 4, 8, "甲"), tally(2, 4, 4, "乙")])
    assert [p.tally.person_id for p in places] == [2, 1]


def test_someone_who_answered_nothing_is_not_listed() -> None:
    assert ranked([tally(1, 0, 0)]) == []


def test_the_week_starts_on_monday_midnight_contest_time() -> None:
    sunday_night_utc = datetime(2024, 9, 22, 17, tzinfo=ZoneInfo("UTC"))  # Monday 01:00 local
    assert week_start(sunday_night_utc, ZONE) == datetime(2024, 9, 23, tzinfo=ZONE)


@given(st.lists(st.tuples(st.integers(0, 50), st.integers(0, 50)), max_size=12))
def test_places_never_go_down_and_only_ties_share_them(counts: list[tuple[int, int]]) -> None:
    tallies = [tally(i, min(r, a), a) for i, (r, a) in enumerate(counts)]
    places = ranked(tallies)
    assert len(places) == sum(1 for t in tallies if t.answered)
    for before, after in pairwise(places):
        assert before.tally.right >= after.tally.right
        assert (before.rank == after.rank) == (before.tally.right == after.tally.right)
    for index, place in enumerate(places):
        assert place.rank == 1 + sum(1 for p in places if p.tally.right > place.tally.right)
        assert place.rank <= index + 1
