"""The verifiable draw: a committed seed, an order anyone can recompute with sha256sum."""

import hashlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.domain.draw import DrawCheck, DrawOutcome, commitment, draw_order, valid_seed, verify

SEED = "3f9a0c1e5b7d2468ace013579bdf8642"
TEAMS = ["H01", "H02", "H03", "H04", "H05"]


def sha256sum(text: str) -> str:
    """What `printf '%s' TEXT | sha256sum` prints."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def test_the_commitment_is_the_sha256_of_the_seed() -> None:
    assert commitment(SEED) == sha256sum(SEED)
    assert commitment("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"


def test_the_order_sorts_teams_by_the_sha256_of_seed_colon_code() -> None:
    keys = {code: sha256sum(f"{SEED}:{code}") for code in TEAMS}
    assert draw_order(SEED, TEAMS) == sorted(TEAMS, key=keys.__getitem__)


def test_a_known_seed_gives_the_order_sha256sum_gives_in_a_shell() -> None:
    # for c in H01 H02 H03 H04 H05; do printf '%s' "$SEED:$c" | sha256sum; done  -> 4f46… H04,
    # 6e5a… H05, 80ca… H02, b616… H01, f0dd… H03
    assert draw_order(SEED, TEAMS) == ["H04", "H05", "H02", "H01", "H03"]


def test_the_order_teams_are_given_in_does_not_matter() -> None:
    assert draw_order(SEED, list(reversed(TEAMS))) == draw_order(SEED, TEAMS)


@given(st.permutations(TEAMS))
def test_any_permutation_of_the_teams_draws_the_same_order(teams: list[str]) -> None:
    assert draw_order(SEED, teams) == draw_order(SEED, TEAMS)


def test_another_seed_draws_another_order() -> None:
    assert draw_order("0" * 32, TEAMS) != draw_order(SEED, TEAMS)


def test_a_team_listed_twice_is_refused() -> None:
    with pytest.raises(ValueError, match="distinct"):
        draw_order(SEED, ["H01", "H01"])


def test_an_honest_draw_verifies() -> None:
    check = verify(SEED, commitment(SEED), TEAMS, draw_order(SEED, TEAMS))
    assert check.ok
    assert check.expected == tuple(draw_order(SEED, TEAMS))


def test_the_commitment_may_be_published_in_capitals() -> None:
    assert verify(SEED, commitment(SEED).upper(), TEAMS, draw_order(SEED, TEAMS)).ok


def test_a_seed_changed_after_the_commitment_is_detected() -> None:
    other = "0" * 32
    check = verify(other, commitment(SEED), TEAMS, draw_order(other, TEAMS))
    assert check == DrawCheck(DrawOutcome.SEED_MISMATCH)


def test_two_swapped_teams_are_detected_at_the_first_changed_position() -> None:
    order = draw_order(SEED, TEAMS)
    order[1], order[3] = order[3], order[1]
    check = verify(SEED, commitment(SEED), TEAMS, order)
    assert (check.outcome, check.position) == (DrawOutcome.ORDER_MISMATCH, 2)


def test_a_team_missing_from_the_end_of_the_published_order_is_detected() -> None:
    check = verify(SEED, commitment(SEED), TEAMS, draw_order(SEED, TEAMS)[:-1])
    assert (check.outcome, check.position) == (DrawOutcome.ORDER_MISMATCH, len(TEAMS))


@pytest.mark.parametrize(
    ("seed", "valid"),
    [
        (SEED, True),
        ("a" * 128, True),
        ("a" * 31, False),
        ("a" * 129, False),
        (SEED.upper(), False),
        ("correct horse battery staple 2024", False),
        (f"{SEED[:-1]}:", False),
    ],
)
def test_a_seed_is_32_to_128_lowercase_hex_digits(seed: str, valid: bool) -> None:
    assert valid_seed(seed) is valid
