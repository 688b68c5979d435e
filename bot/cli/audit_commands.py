"""`contest-bot audit verify` and `audit export FILE.xlsx`: the notary's view of the trail."""

import re
from pathlib import Path
from typing import Annotated

import typer

from bot.cli.console import Console
from bot.domain.problems import N_, N_plural

NOT_ANCHORED = N_plural(
    "NOT FOUND: none of the {count} entry has a hash beginning with {expected}; the trail was "
    "rewritten or emptied since that hash was written down.",
    "NOT FOUND: none of the {count} entries has a hash beginning with {expected}; the trail was "
    "rewritten or emptied since that hash was written down.",
)


def register(app: typer.Typer, console: Console) -> None:
    audit = typer.Typer(
        help=console.text(N_("The hash-chained audit trail of scores, draws and broadcasts.")),
        no_args_is_help=True,
    )
    app.add_typer(audit, name="audit")

    @audit.command("verify", help=console.text(N_("Check every link; name the first broken.")))
    def verify_command(
        expect: Annotated[str | None, typer.Option(metavar="HASH", help=console.text(N_(
            "A head hash written down earlier (at least its first 8 hex digits): fail unless "
            "the trail still holds that entry.")))] = None,
    ) -> None:  # fmt: skip
        console.run(_verify(console, expect))

    @audit.command("export", help=console.text(N_("Write the trail to a workbook (.xlsx).")))
    def export(path: Annotated[Path, typer.Argument(metavar="FILE.xlsx")]) -> None:
        console.run(_export(console, path))


async def _verify(console: Console, expect: str | None) -> None:
    from bot.cli.runtime import database
    from bot.services.audit_verify import SHORTEST_ANCHOR, verify_trail

    if expect is not None and not re.fullmatch(f"[0-9a-fA-F]{{{SHORTEST_ANCHOR},64}}", expect):
        console.fail(N_("--expect takes a hash written down earlier, {digits} to 64 hex digits, "
                        "not {value}."), digits=SHORTEST_ANCHOR, value=expect)  # fmt: skip
    async with database(console) as db, db.unit_of_work() as uow:
        verdict = await verify_trail(uow, expect)
    result = verdict.check
    if not result.ok:
        console.fail(N_("BROKEN at entry {sequence}: {problem}"), sequence=result.first_broken,
                     problem=console.text(result.problem, **result.params))  # fmt: skip
    for mismatch in verdict.mismatches:
        console.say(
            N_("MISMATCH: {subject} is {stored} in the database, but the trail (entry "
               "{sequence}) says {recorded}."),
            subject=mismatch.subject, stored=mismatch.stored or "–",
            sequence=mismatch.sequence or "–", recorded=mismatch.recorded or "–",
        )  # fmt: skip
    if not verdict.anchored and not verdict.mismatches:
        console.fail(NOT_ANCHORED, expected=expect, count=verdict.count)
    if not verdict.anchored:
        console.say(NOT_ANCHORED, expected=expect, count=verdict.count)
    if verdict.mismatches:
        console.fail(N_plural("{count} stored score differs from the audit trail.",
                              "{count} stored scores differ from the audit trail."),
                     count=len(verdict.mismatches))  # fmt: skip
    if verdict.anchor is not None:
        console.say(N_("ANCHORED: entry {sequence} has the expected hash {hash}."),
                    sequence=verdict.anchor.sequence, hash=verdict.anchor.hash)  # fmt: skip
    console.say(N_plural("OK: {count} entry, every link intact. Latest hash: {hash}",
                         "OK: {count} entries, every link intact. Latest hash: {hash}"),
                count=verdict.count, hash=verdict.head.hash if verdict.head else "-")  # fmt: skip


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
    if entries:
        console.say(N_("Latest hash (entry {sequence}): {hash}"), sequence=entries[-1].sequence,
                    hash=entries[-1].hash)  # fmt: skip
