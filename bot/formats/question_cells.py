"""Reading a question row: options, the answer in its type's notation, key points."""

import re
from dataclasses import replace

from bot.domain.enums import QuestionType
from bot.domain.problems import N_
from bot.domain.questions import OPTION_LETTERS, KeyPoint, Question
from bot.formats.cells import CellReader, split_lines
from bot.formats.choices import FALSE_WORDS, QUESTION_TYPE_LABELS, TRUE_WORDS

BLANK_SEPARATOR = "|"
ALTERNATIVE_SEPARATOR = "/"
LETTER_NOISE = re.compile(r"[\s,，、;；.]+")


def read_question(cells: CellReader) -> Question | None:
    code = cells.code("code", required=True)
    kind = cells.choice("type", QUESTION_TYPE_LABELS, required=True)
    stem = cells.text("stem", required=True)
    track = cells.code("track")
    options = cells.lines("options")
    difficulty = cells.integer("difficulty")
    question = Question(
        code=code or "",
        type=kind or QuestionType.SINGLE,
        stem=stem,
        track_code=track,
        options=options,
        key_points=_key_points(cells),
        explanation=cells.text("explanation"),
        source=cells.text("source"),
        topics=cells.items("topics"),
        difficulty=difficulty,
    )
    if kind is None:
        return None
    return _with_answer(cells, question)


def _with_answer(cells: CellReader, question: Question) -> Question:
    raw = cells.raw("answer")
    if question.type.has_options:
        return replace(question, correct_options=_letters(cells, raw))
    if question.type is QuestionType.TRUE_FALSE:
        return replace(question, truth=_truth(cells, raw))
    if question.type is QuestionType.FILL_IN:
        return replace(question, blanks=_blanks(raw))
    return replace(question, reference_answer=cells.text("answer"))


def _letters(cells: CellReader, raw: object) -> tuple[int, ...]:
    if raw is None:
        return ()
    letters = LETTER_NOISE.sub("", str(raw)).upper()
    if not letters or any(letter not in OPTION_LETTERS for letter in letters):
        cells.report("answer", N_("'{value}' is not a list of option letters"), value=str(raw))
        return ()
    return tuple(sorted({OPTION_LETTERS.index(letter) for letter in letters}))


def _truth(cells: CellReader, raw: object) -> bool | None:
    if raw is None:
        return None
    word = str(raw).strip().casefold()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    cells.report("answer", N_("'{value}' is neither true nor false"), value=str(raw))
    return None


def _blanks(raw: object) -> tuple[tuple[str, ...], ...]:
    if raw is None:
        return ()
    entries: list[object] = (
        list(raw) if isinstance(raw, list) else list(str(raw).split(BLANK_SEPARATOR))
    )
    blanks = []
    for entry in entries:
        alternatives = entry if isinstance(entry, list) else str(entry).split(ALTERNATIVE_SEPARATOR)
        cleaned = tuple(str(a).strip() for a in alternatives if str(a).strip())
        if cleaned:
            blanks.append(cleaned)
    return tuple(blanks)


def _key_points(cells: CellReader) -> tuple[KeyPoint, ...]:
    raw = cells.raw("key_points")
    if raw is None:
        return ()
    entries: list[object] = raw if isinstance(raw, list) else list(split_lines(str(raw)))
    points = []
    for entry in entries:
        point = _key_point(cells, entry)
        if point is not None:
            points.append(point)
    return tuple(points)


def _key_point(cells: CellReader, entry: object) -> KeyPoint | None:
    if isinstance(entry, dict):
        text = str(entry.get("point", "")).strip()
        weight: object = entry.get("weight", 1)
        synonyms_raw: object = entry.get("synonyms") or []
        synonyms = (
            [str(s) for s in synonyms_raw]
            if isinstance(synonyms_raw, list)
            else str(synonyms_raw).split(ALTERNATIVE_SEPARATOR)
        )
    else:
        parts = [part.strip() for part in str(entry).split(BLANK_SEPARATOR)]
        text = parts[0]
        weight = parts[1] if len(parts) > 1 and parts[1] else 1
        synonyms = parts[2].split(ALTERNATIVE_SEPARATOR) if len(parts) > 2 else []
    try:
        number = float(str(weight))
    except ValueError:
        cells.report("key_points", N_("'{value}' is not a weight"), value=str(weight))
        return None
    if not text:
        cells.report("key_points", N_("a key point has no text"))
        return None
    return KeyPoint(text, number, tuple(s.strip() for s in synonyms if s.strip()))
