"""The interpreter against a table of real phrasings, in Chinese, English and both."""

from dataclasses import replace

from bot.domain.interpreter import Query, Vocabulary, interpret
from tests.domain.interpreter.conftest import TODAY
from tests.domain.interpreter.phrasings import MIXED
from tests.domain.interpreter.phrasings_en import ENGLISH
from tests.domain.interpreter.phrasings_zh import CHINESE

REQUIRED_ACCURACY = 0.9
TABLE = CHINESE + ENGLISH + MIXED


def reading_of(query: Query) -> Query:
    """What this table pins down: intent, day and names; the fact asked is tested elsewhere."""
    return replace(query, ask=None, own_team=False)


def test_the_table_covers_both_languages() -> None:
    assert len(CHINESE) >= 45
    assert len(ENGLISH) >= 45
    assert len(MIXED) >= 5
    assert len(TABLE) >= 100
    texts = [text for text, _ in TABLE]
    assert len(set(texts)) == len(texts)


def test_at_least_nine_in_ten_phrasings_are_understood_exactly(vocabulary: Vocabulary) -> None:
    failures = [
        f"{text!r}: expected {expected}, got {actual}"
        for text, expected in TABLE
        if (actual := reading_of(interpret(text, vocabulary, TODAY))) != expected
    ]
    right = len(TABLE) - len(failures)
    print(f"\n{right}/{len(TABLE)} phrasings interpreted exactly", *failures, sep="\n")
    assert right / len(TABLE) >= REQUIRED_ACCURACY
