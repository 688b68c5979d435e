"""What several commands share: the database handle and the import report."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from bot.cli.console import PROBLEMS_FOUND, Console, UserError
from bot.domain.problems import N_, N_plural, Sheet
from bot.services.contest_import import ImportResult
from storage.database import Database

# A file with thousands of bad rows is fixed from the first ones: the rest would scroll them away.
PROBLEMS_SHOWN = 200
MORE_PROBLEMS = N_plural("…and {count} more problem", "…and {count} more problems")


@asynccontextmanager
async def database(console: Console) -> AsyncIterator[Database]:
    """The configured database, migrated to the current schema."""
    try:
        handle = await Database.open(console.settings.database_url)
    except OSError as error:  # unreachable server, unknown host, refused connection
        raise UserError(
            N_("Cannot use the database {url}: {reason}"),
            url=console.safe_url(),
            reason=str(error).splitlines()[0],
        ) from error
    try:
        yield handle
    finally:
        await handle.close()


def report_import(
    console: Console, result: ImportResult, source: Path | str, how_to_replace: str = ""
) -> bool:
    """Prints problems or changes; True when the import was valid and not refused."""
    from bot.cli.replacement import report_replacement
    from bot.formats.problem_text import describe

    if result.problems:
        console.say(
            PROBLEMS_FOUND,
            count=len(result.problems),
            file=source,
        )
        for problem in result.problems[:PROBLEMS_SHOWN]:
            console.line(f"  - {describe(problem, console.locale)}")
        if len(result.problems) > PROBLEMS_SHOWN:
            console.say(MORE_PROBLEMS, count=len(result.problems) - PROBLEMS_SHOWN)
        return False
    if result.replacement is not None:
        hint = how_to_replace or console.text(N_("add --replace"))
        report_replacement(console, result.replacement, result.applied, result.refused, hint)
    if result.refused:
        return False
    for sheet in Sheet:
        changes = result.changes.get(sheet)
        if changes is not None:
            console.say(
                N_("  {sheet}: {added} added, {updated} updated, {removed} removed, "
                   "{unchanged} unchanged"),
                sheet=sheet.value,
                added=changes.added,
                updated=changes.updated,
                removed=changes.removed,
                unchanged=changes.unchanged,
            )  # fmt: skip
    if result.applied:
        console.say(N_("Imported {file}."), file=source)
    else:
        console.say(N_("Dry run: {file} is valid; nothing was saved."), file=source)
    return True
