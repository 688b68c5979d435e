"""`contest-bot questions import|export FILE`: the practice question bank on its own."""

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from bot.cli.console import Console, UserError
from bot.cli.contest_commands import FileArgument, dry_run_option, unsupported, workbook_limits
from bot.domain.problems import N_, N_plural

if TYPE_CHECKING:  # the formats pull in openpyxl, which `--help` should not wait for
    from bot.domain.draft import Located
    from bot.domain.problems import Problem
    from bot.domain.questions import Question
    from bot.formats.limits import WorkbookLimits
    from bot.services.contest_import import ImportResult

NO_CONTEST = N_("No contest is loaded yet. Try: contest-bot demo load")


def register(app: typer.Typer, console: Console) -> None:
    questions = typer.Typer(
        help=console.text(N_("The practice question bank in a workbook.")), no_args_is_help=True
    )
    app.add_typer(questions, name="questions")

    @questions.command(
        "import",
        help=console.text(
            N_(
                "Replace the question bank with the Questions sheet of a workbook (.xlsx) "
                "or YAML file; all or nothing."
            )
        ),
    )
    def import_command(
        path: FileArgument, dry_run: Annotated[bool, dry_run_option(console)] = False
    ) -> None:
        if not console.run(_import(console, path, dry_run)):
            raise typer.Exit(1)

    @questions.command("export", help=console.text(N_("Write the question bank to .xlsx or YAML.")))
    def export_command(path: FileArgument) -> None:
        console.run(_export(console, path))


async def _import(console: Console, path: Path, dry_run: bool) -> bool:
    from bot.cli.runtime import database, report_import
    from bot.services.question_bank import NoContestError, import_questions

    questions, problems = _read(path, workbook_limits(console.settings))
    async with database(console) as db:
        try:
            result = await import_questions(db.unit_of_work, questions, problems, dry_run=dry_run)
        except NoContestError as error:
            raise UserError(NO_CONTEST) from error
    if result.problems:
        return report_import(console, result, path)
    _report_changes(console, result, path)
    return True


def _read(path: Path, limits: "WorkbookLimits") -> "tuple[list[Located[Question]], list[Problem]]":
    from bot.formats.files import UnreadableFileError, UnsupportedFormatError
    from bot.formats.question_file import read_questions

    if not path.is_file():
        raise UserError(N_("File not found: {file}"), file=path)
    try:
        return read_questions(path, limits)
    except UnsupportedFormatError as error:
        raise unsupported(error) from error
    except UnreadableFileError as error:
        raise UserError(N_("Cannot read {file}: {reason}"), file=path, reason=error) from error


def _report_changes(console: Console, result: "ImportResult", path: Path) -> None:
    from bot.domain.changes import Changes
    from bot.domain.problems import Sheet

    changes = result.changes.get(Sheet.QUESTIONS, Changes())
    counts = {
        "file": path,
        "added": changes.added,
        "updated": changes.updated,
        "removed": changes.removed,
        "unchanged": changes.unchanged,
    }
    if not (changes.added or changes.updated or changes.removed):
        console.say(
            N_("The question bank in {file} is the one already loaded: "
               "{unchanged} question(s), 0 changed."),
            **counts,
        )  # fmt: skip
    elif result.applied:
        console.say(
            N_("Imported the question bank from {file}: {added} added, {updated} updated, "
               "{removed} removed, {unchanged} unchanged."),
            **counts,
        )  # fmt: skip
    else:
        console.say(
            N_("Dry run: the question bank in {file} is valid and would have {added} added, "
               "{updated} updated, {removed} removed, {unchanged} unchanged; nothing was saved."),
            **counts,
        )  # fmt: skip


async def _export(console: Console, path: Path) -> None:
    from bot.cli.runtime import database
    from bot.formats.files import UnsupportedFormatError
    from bot.formats.question_file import write_questions

    async with database(console) as db, db.unit_of_work() as uow:
        data = await uow.contest.load()
    if data is None:
        raise UserError(NO_CONTEST)
    try:
        write_questions(data, path)
    except UnsupportedFormatError as error:
        raise unsupported(error) from error
    except OSError as error:
        raise UserError(N_("Cannot write {file}: {reason}"), file=path, reason=error) from error
    console.say(N_plural("Exported {count} question to {file}.",
                         "Exported {count} questions to {file}."),
                count=len(data.questions), file=path)  # fmt: skip
