"""`contest-bot import`, `export` and `template`."""

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from bot.cli.console import Console, UserError
from bot.config import Settings
from bot.domain.draft import ContestDraft
from bot.domain.problems import N_, Problem

if TYPE_CHECKING:  # the formats pull in openpyxl, which `--help` should not wait for
    from bot.formats.files import UnsupportedFormatError
    from bot.formats.limits import WorkbookLimits

FileArgument = Annotated[Path, typer.Argument(metavar="FILE", show_default=False)]


def register(app: typer.Typer, console: Console) -> None:
    @app.command(
        "import",
        help=console.text(
            N_("Load a contest from a workbook (.xlsx) or YAML file; all or nothing.")
        ),
    )
    def import_file(
        path: FileArgument,
        dry_run: Annotated[bool, dry_run_option(console)] = False,
        replace: Annotated[bool, replace_option(console)] = False,
    ) -> None:
        if not console.run(_import(console, path, dry_run, replace)):
            raise typer.Exit(1)

    @app.command("export", help=console.text(N_("Write the loaded contest to .xlsx or YAML.")))
    def export_file(path: FileArgument) -> None:
        console.run(_export(console, path))

    @app.command("template", help=console.text(N_("Write an empty workbook to fill in.")))
    def template_file(path: FileArgument) -> None:
        _template(console, path)


def dry_run_option(console: Console) -> Any:
    return typer.Option("--dry-run", help=console.text(N_("Check only, save nothing.")))


def replace_option(console: Console) -> Any:
    return typer.Option(
        "--replace",
        help=console.text(
            N_("Replace a different contest that is loaded (its people, scores and results "
               "are removed; the audit trail is kept).")
        ),
    )  # fmt: skip


async def _import(console: Console, path: Path, dry_run: bool, replace: bool) -> bool:
    from bot.cli.runtime import database, report_import
    from bot.services.contest_import import import_contest
    from bot.views import BotViews

    draft, problems = read_file(path, workbook_limits(console.settings))
    async with database(console) as db:
        result = await import_contest(
            db.unit_of_work,
            draft,
            problems,
            views=BotViews(),
            dry_run=dry_run,
            replace_loaded=replace,
        )
    return report_import(console, result, path)


def workbook_limits(settings: Settings) -> "WorkbookLimits":
    from bot.formats.limits import MEGABYTE, WorkbookLimits

    return WorkbookLimits(
        max_file_bytes=int(settings.import_max_file_mb * MEGABYTE),
        max_unpacked_bytes=int(settings.import_max_unpacked_mb * MEGABYTE),
        max_rows=settings.import_max_rows,
        max_columns=settings.import_max_columns,
        max_cells=settings.import_max_cells,
    )


def read_file(path: Path, limits: "WorkbookLimits") -> tuple[ContestDraft, list[Problem]]:
    from bot.formats.files import UnreadableFileError, UnsupportedFormatError, read_document
    from bot.formats.parse import parse_document

    if not path.is_file():
        raise UserError(N_("File not found: {file}"), file=path)
    try:
        return parse_document(read_document(path, limits))
    except UnsupportedFormatError as error:
        raise unsupported(error) from error
    except UnreadableFileError as error:
        raise UserError(N_("Cannot read {file}: {reason}"), file=path, reason=error) from error


def unsupported(error: "UnsupportedFormatError") -> UserError:
    return UserError(
        N_("Unsupported file type '{suffix}': use .xlsx, .yaml or .yml"), suffix=error.suffix
    )


async def _export(console: Console, path: Path) -> None:
    from bot.cli.runtime import database
    from bot.formats.export import to_document
    from bot.formats.files import UnsupportedFormatError, write_document

    async with database(console) as db, db.unit_of_work() as uow:
        data = await uow.contest.load()
    if data is None:
        raise UserError(N_("There is no contest to export yet; import one first."))
    try:
        write_document(to_document(data), path)
    except UnsupportedFormatError as error:
        raise unsupported(error) from error
    except OSError as error:
        raise UserError(N_("Cannot write {file}: {reason}"), file=path, reason=error) from error
    console.say(N_("Exported the contest to {file}."), file=path)


def _template(console: Console, path: Path) -> None:
    from bot.formats.xlsx_writer import write_template

    if path.suffix.lower() != ".xlsx":
        console.fail(N_("A template is a workbook: give a file name ending in .xlsx."))
    try:
        title = console.text(N_("Instructions"))
        write_template(path, console.translate, title, console.settings.timezone)
    except OSError as error:
        console.fail(N_("Cannot write {file}: {reason}"), file=path, reason=error)
    console.say(N_("Wrote an empty workbook to {file}; fill it in, then import it."), file=path)
