"""Invite codes: kept across re-imports, unique, and free of look-alike characters."""

from collections.abc import Callable
from itertools import count

from hypothesis import given
from hypothesis import strategies as st

from bot.domain.contest import Person
from bot.domain.enums import Role
from bot.domain.invites import ALPHABET, assign_invite_codes


def people(n: int) -> list[Person]:
    return [Person(f"P{i}", f"人{i}", Role.JUDGE) for i in range(n)]


def sequence(prefix: str = "NEW") -> Callable[[], str]:
    numbers = count(1)
    return lambda: f"{prefix}{next(numbers)}"


def test_an_explicit_code_is_kept() -> None:
    person = Person("P1", "张三", Role.JUDGE, invite_code="MINE2345")
    assigned = assign_invite_codes([person], {"P1": "OLD23456"}, sequence())
    assert assigned[0].invite_code == "MINE2345"


def test_an_empty_code_keeps_the_one_already_stored() -> None:
    assigned = assign_invite_codes(people(1), {"P0": "OLD23456"}, sequence())
    assert assigned[0].invite_code == "OLD23456"


def test_a_new_person_gets_a_fresh_code() -> None:
    assigned = assign_invite_codes(people(2), {}, sequence())
    assert [p.invite_code for p in assigned] == ["NEW1", "NEW2"]


def test_a_generated_code_never_repeats_one_in_use() -> None:
    taken = Person("P9", "李四", Role.JUDGE, invite_code="NEW1")
    assigned = assign_invite_codes([*people(1), taken], {}, sequence())
    assert [p.invite_code for p in assigned] == ["NEW2", "NEW1"]


def test_a_stored_code_now_given_to_someone_else_is_replaced() -> None:
    claimant = Person("P9", "李四", Role.JUDGE, invite_code="OLD23456")
    assigned = assign_invite_codes(
        [*people(1), claimant],
        {"P0": "OLD23456"},
        sequence(),
    )
    assert [p.invite_code for p in assigned] == ["NEW1", "OLD23456"]


@given(
    st.integers(0, 60),
    st.dictionaries(
        st.sampled_from([f"P{i}" for i in range(60)]), st.text(ALPHABET, min_size=8, max_size=8)
    ),
)
def test_everyone_ends_up_with_a_distinct_code(n: int, stored: dict[str, str]) -> None:
    assigned = assign_invite_codes(people(n), stored, sequence())
    codes = [p.invite_code for p in assigned]
    assert None not in codes
    assert len(set(codes)) == n


def test_the_secure_generator_uses_only_unambiguous_characters() -> None:
    from bot.services.contest_import import secure_invite_code

    codes = {secure_invite_code() for _ in range(200)}
    assert len(codes) == 200
    assert all(len(code) == 8 and set(code) <= set(ALPHABET) for code in codes)
    assert not set("01ILO") & set(ALPHABET)
