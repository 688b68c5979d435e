"""Questions and fake segmenters for grading tests."""

from bot.domain.enums import QuestionType
from bot.domain.questions import KeyPoint, Question


def space_words(text: str) -> list[str]:
    """A fake segmenter: words are what spaces separate."""
    return text.split()


def single(correct: int = 1) -> Question:
    return Question(
        "S1", QuestionType.SINGLE, "?", options=("a", "b", "c", "d"), correct_options=(correct,)
    )


def multiple(*correct: int) -> Question:
    return Question(
        "M1",
        QuestionType.MULTIPLE,
        "?",
        options=("a", "b", "c", "d", "e"),
        correct_options=correct or (0, 2, 3),
    )


def true_false(truth: bool) -> Question:
    return Question("T1", QuestionType.TRUE_FALSE, "?", truth=truth)


def fill_in(*blanks: tuple[str, ...]) -> Question:
    return Question("F1", QuestionType.FILL_IN, "?", blanks=blanks)


def open_question(*points: KeyPoint, kind: QuestionType = QuestionType.SHORT_ANSWER) -> Question:
    return Question("O1", kind, "?", reference_answer="", key_points=points)


def point(text: str, weight: float = 1.0, *synonyms: str) -> KeyPoint:
    return KeyPoint(text, weight, synonyms)
