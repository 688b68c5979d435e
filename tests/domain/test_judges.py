"""Judges score the showcase rounds they are assigned to, by track or by round."""

from dataclasses import replace
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.domain.contest import ContestData, Person, Round, Team
from bot.domain.draft import Located
from bot.domain.enums import Role, RoundKind
from bot.domain.judges import JudgeSheet, assigned_judges, judged_rounds, may_score
from bot.domain.problems import Problem, Sheet
from bot.domain.snapshot import ContestSnapshot
from bot.domain.validation import validate
from tests.domain.builders import small_draft, with_people

SHOWCASE_12345 = Round("SC-12345", "风采展示", RoundKind.SHOWCASE, "12345")
SHOWCASE_WINDOW = Round("SC-window", "风采展示", RoundKind.SHOWCASE, "window")
SHOWCASE_ALL = Round("SC-all", "风采展示", RoundKind.SHOWCASE)
ARENA = Round("AR-12345", "擂台赛", RoundKind.ARENA_PRELIMINARY, "12345")


def judge(tracks: tuple[str, ...] = (), rounds: tuple[str, ...] = ()) -> Person:
    return Person("J1", "钱七", Role.JUDGE, judge_tracks=tracks, judge_rounds=rounds)


@pytest.mark.parametrize(
    ("person", "round_", "allowed"),
    [
        (judge(), SHOWCASE_12345, True),  # unassigned: every showcase
        (judge(), SHOWCASE_ALL, True),
        (judge(), ARENA, False),  # the arena is kept by the scorekeeper
        (judge(("12345",)), SHOWCASE_12345, True),
        (judge(("12345",)), SHOWCASE_WINDOW, False),
        (judge(("12345",)), SHOWCASE_ALL, False),
        (judge(rounds=("SC-all",)), SHOWCASE_ALL, True),
        (judge(rounds=("SC-all",)), SHOWCASE_12345, False),
        (judge(("12345",), ("SC-window",)), SHOWCASE_WINDOW, True),
        (Person("O1", "组织者", Role.ORGANIZER), SHOWCASE_12345, False),
    ],
)
def test_who_may_score_which_round(person: Person, round_: Round, allowed: bool) -> None:
    assert may_score(person, round_) is allowed


def test_the_assigned_judges_of_a_round_are_listed_in_people_order(
    demo_data: ContestData,
) -> None:
    snapshot = ContestSnapshot.build(demo_data, revision=1)
    assert [p.code for p in assigned_judges(snapshot, "SC-12345")] == ["J1", "J2", "J3", "J4"]
    assert [p.code for p in assigned_judges(demo_data, "SC-window")] == ["J5", "J6", "J7"]
    assert assigned_judges(demo_data, "AR-12345") == ()
    assert assigned_judges(demo_data, "NOPE") == ()


def test_a_judge_is_offered_the_rounds_of_their_track(demo_data: ContestData) -> None:
    j5 = next(p for p in demo_data.people if p.code == "J5")
    assert [r.code for r in judged_rounds(demo_data, j5)] == ["SC-window"]


def problems_of(*people: Person) -> list[tuple[int | None, str | None, str]]:
    draft = with_people(small_draft(), *people)
    draft = replace(draft, rounds=[*draft.rounds, Located(ARENA, 3)])
    return [(p.row, p.column, p.message) for p in validate(draft) if p.sheet is Sheet.PEOPLE]


@pytest.mark.parametrize(
    ("person", "column", "message"),
    [
        (judge(("nope",)), "judge_tracks", "track '{value}' does not exist"),
        (judge(rounds=("nope",)), "judge_rounds", "round '{value}' does not exist"),
        (
            judge(rounds=("AR-12345",)),
            "judge_rounds",
            "round '{value}' is not a showcase round: judges score the showcase",
        ),
        (
            Person("O1", "组织者", Role.ORGANIZER, judge_tracks=("12345",)),
            "judge_tracks",
            "only judges are assigned what to score",
        ),
        (
            Person("O1", "组织者", Role.ORGANIZER, judge_rounds=("SC",)),
            "judge_rounds",
            "only judges are assigned what to score",
        ),
    ],
)
def test_a_wrong_assignment_is_located(person: Person, column: str, message: str) -> None:
    person = replace(person, code="P9")
    assert problems_of(person) == [(7, column, message)]


def test_valid_assignments_have_no_problems() -> None:
    assert problems_of(replace(judge(("12345", "window"), ("SC",)), code="P9")) == []


def test_the_problem_names_the_code() -> None:
    draft = with_people(small_draft(), replace(judge(("HOTLINE",)), code="P9"))
    (problem,) = validate(draft)
    assert problem == Problem(
        "track '{value}' does not exist", {"value": "HOTLINE"}, Sheet.PEOPLE, 7, "judge_tracks"
    )


CODES = [f"H{n:02d}" for n in range(1, 9)]


@given(st.sets(st.sampled_from(CODES)), st.sampled_from(CODES))
def test_the_next_team_offered_is_unscored_and_follows_in_running_order(
    scored: set[str], current: str
) -> None:
    sheet = JudgeSheet(
        tuple(Team(code, code, "12345") for code in CODES),
        {code: Decimal(80) for code in scored},
    )
    following = sheet.next_after(current)
    unscored = [code for code in CODES if code not in scored]
    if not unscored:
        assert following is None
        return
    assert following is not None
    assert following.code in unscored
    later = [code for code in unscored if code > current]
    assert following.code == (later or unscored)[0]


@given(st.sets(st.sampled_from(CODES)))
def test_unscored_teams_come_first_each_part_in_running_order(scored: set[str]) -> None:
    sheet = JudgeSheet(
        tuple(Team(code, code, "12345") for code in CODES),
        {code: Decimal(80) for code in scored},
    )
    codes = [team.code for team in sheet.unscored_first]
    assert codes == [c for c in CODES if c not in scored] + [c for c in CODES if c in scored]
