"""Who gets a card, in which order, and the link each card carries."""

import re
from dataclasses import replace

import pytest

from bot.domain.contest import ContestData, Person
from bot.domain.enums import Role
from bot.invites.cards import InviteCard, deep_link, invite_cards, normalise_username
from tests.invites.conftest import BOT


def expected_order(data: ContestData) -> list[str]:
    codes: list[str] = []
    for team in data.teams:
        members = [p for p in data.people if p.team_code == team.code]
        contestants = [p for p in members if p.role is Role.CONTESTANT]
        codes += [p.code for p in sorted(contestants, key=lambda p: p.seat or 0)]
        codes += [p.code for p in members if p.role is Role.LEADER]
    for role in (Role.ORGANIZER, Role.JUDGE, Role.AUDITOR):
        codes += [p.code for p in data.people if p.role is role]
    return codes


def test_everyone_gets_one_card_team_by_team_then_organizers_judges_auditors(
    demo_data: ContestData, demo_cards: list[InviteCard]
) -> None:
    codes = [card.code for card in demo_cards]
    assert len(codes) == len(set(codes)) == len(demo_data.people) == 172
    assert codes == expected_order(demo_data)
    assert codes[:5] == ["H01-1", "H01-2", "H01-3", "H01-L", "H02-1"]
    roles = [card.role for card in demo_cards]
    assert roles[160:] == [Role.ORGANIZER] * 4 + [Role.JUDGE] * 7 + [Role.AUDITOR]


def test_the_order_does_not_depend_on_how_people_were_listed(
    demo_data: ContestData, demo_cards: list[InviteCard]
) -> None:
    shuffled = replace(demo_data, people=tuple(reversed(demo_data.people)))
    cards = invite_cards(shuffled, BOT)
    team_codes = [c.code for c in cards if c.role.belongs_to_team]
    assert team_codes == [c.code for c in demo_cards if c.role.belongs_to_team]
    judges = [c.code for c in cards if c.role is Role.JUDGE]
    assert judges == [f"J{n}" for n in range(7, 0, -1)]  # staff keep the order they were listed


def test_a_card_carries_name_chinese_role_team_and_code(
    demo_data: ContestData, demo_cards: list[InviteCard]
) -> None:
    first, last = demo_cards[0], demo_cards[-1]
    person = next(p for p in demo_data.people if p.code == "H01-1")
    assert (first.name, first.role_label, first.team) == (person.name, "选手", "沈阳市热线代表队")
    assert first.invite_code == person.invite_code
    assert (last.code, last.role_label, last.team) == ("AUD1", "监督员", "")
    assert {c.role_label for c in demo_cards} == {"选手", "领队", "组织者", "评委", "监督员"}


def test_the_link_is_the_bots_deep_link_with_the_invite_code(
    demo_cards: list[InviteCard],
) -> None:
    for card in demo_cards:
        assert card.link == f"https://t.me/{BOT}?start={card.invite_code}"
        assert re.fullmatch(r"https://t\.me/\w{5,32}\?start=[A-Za-z0-9_-]{1,64}", card.link)
    assert demo_cards[0].link == "https://t.me/contest_demo_bot?start=CODE0001"


def test_a_code_with_other_characters_is_escaped_in_the_link() -> None:
    assert deep_link("contest_bot", "A B/1") == "https://t.me/contest_bot?start=A%20B%2F1"


def test_people_without_an_invite_code_get_no_card(demo_data: ContestData) -> None:
    people = (replace(demo_data.people[0], invite_code=None), *demo_data.people[1:])
    cards = invite_cards(replace(demo_data, people=people), BOT)
    assert len(cards) == 171
    assert demo_data.people[0].code not in {c.code for c in cards}


def test_a_contestant_without_a_seat_comes_after_the_seated_ones(demo_data: ContestData) -> None:
    unseated = Person("H01-4", "新选手", Role.CONTESTANT, "H01", None, "NEWCODE1")
    cards = invite_cards(replace(demo_data, people=(unseated, *demo_data.people)), BOT)
    assert [c.code for c in cards[:5]] == ["H01-1", "H01-2", "H01-3", "H01-4", "H01-L"]


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("contest_demo_bot", "contest_demo_bot"),
        ("@Contest_Demo_Bot", "Contest_Demo_Bot"),
        ("  @abcde ", "abcde"),
        ("abcd", None),
        ("1contest_bot", None),
        ("my bot", None),
        ("contest-bot", None),
        ("a" * 33, None),
        ("", None),
    ],
)
def test_the_bot_username_is_checked(given: str, expected: str | None) -> None:
    assert normalise_username(given) == expected
