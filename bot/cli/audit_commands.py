"""`contest-bot audit verify` and `audit export FILE.xlsx`: the notary's view of the trail."""

from pathlib import Path
from typing import Annotated

import typer

from bot.cli.console import Console
from bot.domain.problems import N_, N_plural


def register(app: typer.Typer, console: Console) -> None:
    audit = typer.Typer(
        help=console.text(N_("The hash-chained audit trail of scores, draws and broadcasts.")),
        no_args_is_help=True,
    )
    app.add_typer(audit, name="audit")

    @audit.command("verify", help=console.text(N_("Check every link; name the first broken.")))
    def verify_command() -> None:
        console.run(_verify(console))

    @audit.command("export", help=console.text(N_("Write the trail to a workbook (.xlsx).")))
    def export(path: Annotated[Path, typer.Argument(metavar="FILE.xlsx")]) -> None:
        console.run(_export(console, path))


async def _verify(console: Console) -> None:
    from bot.cli.runtime import database
    from bot.services.audit import check, reconcile

    async with database(console) as db, db.unit_of_work() as uow:
        result, count = await check(uow)
        entries = await uow.audit.entries()
        mismatches = await reconcile(uow) if result.ok else []
    for mismatch in mismatches:
        console.say(
            N_("MISMATCH: {subject} is {stored} in the database, but the trail (entry "
               "{sequence}) says {recorded}."),
            subject=mismatch.subject, stored=mismatch.stored or "–",
            sequence=mismatch.sequence or "–", recorded=mismatch.recorded or "–",
        )  # fmt: skip
    if mismatches:
        console.fail(N_plural("{count} stored score differs from the audit trail.",
                              "{count} stored scores differ from the audit trail."),
                     count=len(mismatches))  # fmt: skip
    if result.ok:
        last = entries[-1].hash if entries else "-"
        console.say(N_plural("OK: {count} entry, every link intact. Latest hash: {hash}",
                             "OK: {count} entries, every link intact. Latest hash: {hash}"),
                    count=count, hash=last)  # fmt: skip
        return
    console.fail(
        N_("BROKEN at entry {sequence}: {problem}"),
        sequence=result.first_broken,
        problem=console.text(result.problem, **result.params),
    )


async def _export(console: Console, path: Path) -> None:
    from zoneinfo import ZoneInfo

    from bot.cli.runtime import database
    from bot.formats.audit_sheet import write_audit

    async with database(console) as db, db.unit_of_work() as uow:
        entries = await uow.audit.entries()
        contest = await uow.contest.load_contest()
    zone = ZoneInfo(contest.timezone if contest else console.settings.timezone)
    write_audit(entries, path, zone)
    console.say(
        N_plural("Wrote {count} audit entry to {path}.", "Wrote {count} audit entries to {path}."),
        count=len(entries),
        path=path,
    )
