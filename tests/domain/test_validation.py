"""Cross-row checks of a draft: each problem is found, located, and nothing valid is flagged."""

from dataclasses import replace

import pytest

from bot.domain.contest import Person, Round, Team
from bot.domain.draft import ContestDraft, Located
from bot.domain.enums import Role, RoundKind
from bot.domain.problems import Problem, Sheet
from bot.domain.validation import validate
from tests.domain.builders import slot, small_draft, with_people, with_slots


def located(problems: list[Problem]) -> list[tuple[Sheet | None, int | None, str | None]]:
    return [(p.sheet, p.row, p.column) for p in problems]


def test_a_valid_draft_has_no_problems() -> None:
    assert validate(small_draft()) == []


def test_a_draft_without_a_contest_is_reported() -> None:
    problems = validate(replace(small_draft(), contest=None))
    assert [p.message for p in problems] == ["the contest itself is missing"]


def test_an_end_before_the_start_is_reported() -> None:
    from datetime import date

    draft = small_draft()
    assert draft.contest is not None
    contest = replace(draft.contest, starts_on=date(2024, 9, 27), ends_on=date(2024, 9, 25))
    assert [p.message for p in validate(replace(draft, contest=contest))] == [
        "the end date is before the start date"
    ]


@pytest.mark.parametrize(
    ("person", "column", "message"),
    [
        (
            Person("P1", "重复", Role.JUDGE),
            "code",
            "duplicate code '{code}' (first used in row {first_row})",
        ),
        (Person("P9", "孙八", Role.CONTESTANT, "X"), "team", "team '{value}' does not exist"),
        (
            Person("P9", "孙八", Role.CONTESTANT),
            "team",
            "contestants and leaders must belong to a team",
        ),
        (
            Person("P9", "孙八", Role.ORGANIZER, "H01"),
            "team",
            "only contestants and leaders belong to a team",
        ),
        (Person("P9", "孙八", Role.LEADER, "H02", seat=1), "seat", "only contestants have a seat"),
        (
            Person("P9", "孙八", Role.LEADER, "H01"),
            "role",
            "team '{team}' already has a leader: {leader} (row {first_row})",
        ),
        (
            Person("P9", "张三", Role.CONTESTANT, "H01", seat=3),
            "name",
            "{name} already appears in team '{team}' (row {first_row})",
        ),
        (
            Person("P9", "孙八", Role.CONTESTANT, "H01", seat=2),
            "seat",
            "seat {seat} of team '{team}' is taken by {person} (row {first_row})",
        ),
    ],
)
def test_a_bad_person_row_is_reported_at_its_cell(
    person: Person, column: str, message: str
) -> None:
    problems = validate(with_people(small_draft(), person))
    assert [(p.sheet, p.row, p.column, p.message) for p in problems] == [
        (Sheet.PEOPLE, 7, column, message)
    ]


def test_an_invite_code_used_twice_is_reported() -> None:
    draft = with_people(
        small_draft(),
        Person("P8", "孙八", Role.JUDGE, invite_code="ABCD2345"),
        Person("P9", "周九", Role.JUDGE, invite_code="ABCD2345"),
    )
    problems = validate(draft)
    assert located(problems) == [(Sheet.PEOPLE, 8, "invite_code")]
    assert problems[0].params == {"code": "ABCD2345", "person": "孙八", "first_row": 7}


def test_references_to_missing_tracks_venues_and_rounds_are_reported() -> None:
    draft = small_draft()
    draft = replace(
        draft,
        teams=[*draft.teams, Located(Team("H03", "三队", "nope"), 5)],
        rounds=[*draft.rounds, Located(Round("AR", "擂台", RoundKind.OTHER, "nope", "ROOM"), 3)],
    )
    draft = with_slots(draft, replace(slot(1, None, 600), round_code="ZZ"))
    assert located(validate(draft)) == [
        (Sheet.TEAMS, 5, "track"),
        (Sheet.ROUNDS, 3, "track"),
        (Sheet.ROUNDS, 3, "venue"),
        (Sheet.SCHEDULE, 4, "round"),
    ]


def test_a_reference_to_an_unreadable_row_is_not_reported_twice() -> None:
    draft = with_people(small_draft(), Person("P9", "孙八", Role.CONTESTANT, "H09"))
    draft.unreadable[Sheet.TEAMS] = {"H09"}
    assert validate(draft) == []


def test_every_problem_is_reported_not_just_the_first() -> None:
    draft = with_people(
        small_draft(),
        Person("P1", "重复", Role.JUDGE),
        Person("P9", "孙八", Role.CONTESTANT, "X"),
    )
    draft = with_slots(draft, slot(3, "H02", 4))  # 4 minutes into H01's 8-minute slot
    assert [(p.sheet, p.row, p.column) for p in validate(draft)] == [
        (Sheet.PEOPLE, 7, "code"),
        (Sheet.PEOPLE, 8, "team"),
        (Sheet.SCHEDULE, 3, "starts_at"),  # H02's own slot now starts inside the new one
        (Sheet.SCHEDULE, 3, "starts_at"),  # ... which is also H02, twice at once
        (Sheet.SCHEDULE, 4, "starts_at"),  # the new one starts inside H01's slot
    ]


def test_problems_come_sorted_by_sheet_then_row() -> None:
    draft = with_slots(small_draft(), slot(3, "H02", 4))
    draft = with_people(draft, Person("P9", "孙八", Role.CONTESTANT, "X"))
    problems = validate(draft)
    assert problems == sorted(problems, key=lambda p: p.sort_key)
    assert problems[0].sheet is Sheet.PEOPLE


def test_codes_of_every_sheet_must_be_unique() -> None:
    draft: ContestDraft = small_draft()
    draft = replace(draft, tracks=[*draft.tracks, Located(draft.tracks[0].item, 4)])
    assert located(validate(draft)) == [(Sheet.TRACKS, 4, "code")]
