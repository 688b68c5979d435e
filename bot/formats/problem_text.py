"""Problems as sentences in the reader's language, with sheet, row and column in front."""

from bot.domain.enums import Locale
from bot.domain.problems import N_, Problem
from bot.formats.columns import CONTEST_LAYOUT, SPECS
from bot.i18n import translator


def column_title(problem: Problem, locale: Locale) -> str | None:
    if problem.column is None or problem.sheet is None:
        return None
    columns = (*SPECS[problem.sheet].columns, *CONTEST_LAYOUT)
    column = next((c for c in columns if c.key == problem.column), None)
    if column is None:
        return problem.column
    return column.key if locale is Locale.EN else column.header


def describe(problem: Problem, locale: Locale) -> str:
    translate = translator(locale)
    message = translate(problem.message).format(**problem.params)
    if problem.sheet is None:
        return message
    sheet = problem.sheet.value
    if locale is not Locale.EN:
        sheet = f"{sheet}（{SPECS[problem.sheet].title}）"  # the workbook's name, then ours
    column = column_title(problem, locale)
    if problem.row is not None and column is not None:
        template = N_("{sheet} row {row}, column {column}: {message}")
    elif problem.row is not None:
        template = N_("{sheet} row {row}: {message}")
    else:
        template = N_("{sheet}: {message}")
    return translate(template).format(sheet=sheet, row=problem.row, column=column, message=message)
