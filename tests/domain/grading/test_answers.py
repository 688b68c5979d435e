"""One typed line becomes one text per blank."""

import pytest

from bot.domain.grading.answers import ChoiceAnswer, split_blanks


@pytest.mark.parametrize(
    ("text", "count", "expected"),
    [
        ("常态；例外", 2, ("常态", "例外")),
        ("常态;例外", 2, ("常态", "例外")),
        ("常态，例外", 2, ("常态", "例外")),
        ("常态,例外", 2, ("常态", "例外")),
        ("常态、例外", 2, ("常态", "例外")),
        ("常态/例外", 2, ("常态", "例外")),
        ("常态\n例外", 2, ("常态", "例外")),
        (" 15 ， 3 ， 24 ", 3, ("15", "3", "24")),
        ("722，2020/1/1", 2, ("722", "2020/1/1")),
        ("包容审慎，", 1, ("包容审慎，",)),
    ],
)
def test_a_line_is_split_on_the_separator_that_gives_one_piece_per_blank(
    text: str, count: int, expected: tuple[str, ...]
) -> None:
    assert split_blanks(text, count) == expected


def test_a_single_blank_takes_the_whole_text() -> None:
    assert split_blanks(" 一次办结，限时办结 ", 1) == ("一次办结，限时办结",)


def test_missing_pieces_are_empty() -> None:
    assert split_blanks("15", 3) == ("15", "", "")


def test_pieces_beyond_the_last_blank_stay_in_the_last_one() -> None:
    assert split_blanks("a,b,c", 2) == ("a", "b c")


def test_a_choice_answer_ignores_the_order_of_its_options() -> None:
    assert ChoiceAnswer.of(2, 0) == ChoiceAnswer.of(0, 2)
