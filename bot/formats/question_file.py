"""The question bank on its own: the Questions sheet of a workbook or YAML file, and only it."""

from pathlib import Path

from bot.domain.contest import ContestData
from bot.domain.draft import Located
from bot.domain.problems import Problem, Sheet
from bot.domain.questions import Question
from bot.formats.columns import SPECS
from bot.formats.document import RawDocument
from bot.formats.export import to_document
from bot.formats.files import (
    WORKBOOK_SUFFIXES,
    YAML_SUFFIXES,
    UnsupportedFormatError,
    read_document,
)
from bot.formats.limits import WorkbookLimits
from bot.formats.parse import read_rows
from bot.formats.question_cells import read_question
from bot.formats.xlsx_writer import write_sheet
from bot.formats.yaml_writer import write_yaml


def read_questions(
    path: Path, limits: WorkbookLimits | None = None
) -> tuple[list[Located[Question]], list[Problem]]:
    """The questions of a questions-only file or of a whole contest file, with their rows.

    Raises UnsupportedFormatError and UnreadableFileError like `read_document`.
    """
    return parse_questions(read_document(path, limits))


def parse_questions(document: RawDocument) -> tuple[list[Located[Question]], list[Problem]]:
    """The Questions sheet alone: other sheets, present or missing, are not looked at."""
    if document.refused:
        return [], list(document.problems)
    problems = [problem for problem in document.problems if problem.sheet is Sheet.QUESTIONS]
    rows = document.sheets.get(Sheet.QUESTIONS, [])
    questions, _ = read_rows(Sheet.QUESTIONS, rows, read_question, problems)
    return questions, problems


def write_questions(data: ContestData, path: Path) -> None:
    """The contest's questions, laid out as the Questions sheet of the contest workbook."""
    rows = to_document(data)[Sheet.QUESTIONS.value]
    suffix = path.suffix.lower()
    if suffix in WORKBOOK_SUFFIXES:
        write_sheet(SPECS[Sheet.QUESTIONS], rows, path)
    elif suffix in YAML_SUFFIXES:
        write_yaml({Sheet.QUESTIONS.value: rows}, path)
    else:
        raise UnsupportedFormatError(path.suffix)
