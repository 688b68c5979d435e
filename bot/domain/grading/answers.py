"""The answer a person gives to a question, as data, one shape per kind of question.

- `ChoiceAnswer`: the chosen option indices (single and multiple choice); order is irrelevant.
- `TruthAnswer`: true or false.
- `BlankAnswers`: one text per blank of a fill-in question, in the order of the blanks.
- `TextAnswer`: the free text of a short answer or an essay.

`split_blanks` turns one typed line into one text per blank. It tries the separators from the
strongest to the weakest: line breaks, then semicolons (；;), then commas and enumeration commas
(，,、), then slashes (/／); the first kind that cuts the text into exactly as many non-empty
pieces as there are blanks wins, so a date typed as 2020/1/1 next to a comma stays whole. When
no kind fits, the text is cut on all separators at once; missing pieces are empty, and the
pieces beyond the last blank are kept, joined by a space, in the last one.
"""

import re
from dataclasses import dataclass

from bot.domain.enums import QuestionType
from bot.domain.questions import Question

_SEPARATORS = (r"[\r\n]+", r"[；;]", r"[，,、]", r"[/／]")
_ANY_SEPARATOR = r"[\r\n；;，,、/／]"


@dataclass(frozen=True, slots=True)
class ChoiceAnswer:
    indices: frozenset[int]

    @classmethod
    def of(cls, *indices: int) -> "ChoiceAnswer":
        return cls(frozenset(indices))


@dataclass(frozen=True, slots=True)
class TruthAnswer:
    value: bool


@dataclass(frozen=True, slots=True)
class BlankAnswers:
    texts: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class TextAnswer:
    text: str


Answer = ChoiceAnswer | TruthAnswer | BlankAnswers | TextAnswer


def split_blanks(text: str, count: int) -> tuple[str, ...]:
    """One stripped text per blank, `count` of them (rules in the module docstring)."""
    if count <= 0:
        return ()
    if count == 1:
        return (text.strip(),)
    for separator in _SEPARATORS:
        pieces = _pieces(text, separator)
        if len(pieces) == count:
            return pieces
    pieces = _pieces(text, _ANY_SEPARATOR)
    if len(pieces) < count:
        return pieces + ("",) * (count - len(pieces))
    return (*pieces[: count - 1], " ".join(pieces[count - 1 :]))


def _pieces(text: str, separator: str) -> tuple[str, ...]:
    return tuple(piece.strip() for piece in re.split(separator, text) if piece.strip())


def typed_answer(question: Question, text: str) -> Answer:
    """What a typed message answers: the blanks of a fill-in, or the text of an open answer."""
    if question.type is QuestionType.FILL_IN:
        return BlankAnswers(split_blanks(text, len(question.blanks)))
    return TextAnswer(text)
