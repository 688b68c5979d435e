"""`contest-bot scores import|template FILE.xlsx` (the exam system's theory sheet) and
`contest-bot results export FILE.xlsx [--draft]` (standings, awards and certificates: the
published results, or the draft; awards only once every scored round is complete and, for the
published results, published)."""

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from bot.cli.console import PROBLEMS_FOUND, Console, UserError
from bot.domain.problems import N_, N_plural

if TYPE_CHECKING:
    from collections.abc import Callable

    from bot.domain.snapshot import ContestSnapshot
    from bot.services.ports import UnitOfWork
    from bot.services.results_sheet import HeldBack

FileArgument = Annotated[Path, typer.Argument(metavar="FILE.xlsx")]


def register(app: typer.Typer, console: Console) -> None:
    scores = typer.Typer(
        help=console.text(N_("Theory scores from the exam system.")), no_args_is_help=True
    )
    app.add_typer(scores, name="scores")
    results = typer.Typer(
        help=console.text(N_("Standings, awards and certificates.")), no_args_is_help=True
    )
    app.add_typer(results, name="results")

    @scores.command("import", help=console.text(N_("Import the theory sheet; all or nothing.")))
    def import_command(path: FileArgument) -> None:
        if not console.run(_import(console, path)):
            raise typer.Exit(1)

    @scores.command("template", help=console.text(N_("Write the theory sheet to fill in.")))
    def template(path: FileArgument) -> None:
        console.run(_template(console, path))

    @results.command(
        "export", help=console.text(N_("Write the published results to a workbook (.xlsx)."))
    )
    def export(
        path: FileArgument,
        draft: Annotated[
            bool,
            typer.Option(
                "--draft",
                help=console.text(
                    N_(
                        "Write the draft instead: everything entered, every "
                        "sheet marked as a draft."
                    )
                ),
            ),
        ] = False,
    ) -> None:
        console.run(_export(console, path, draft))


async def _snapshot(uow: "UnitOfWork") -> "ContestSnapshot":
    from bot.domain.snapshot import ContestSnapshot

    data = await uow.contest.load()
    if data is None:
        raise UserError(N_("No contest is loaded yet. Try: contest-bot demo load"))
    return ContestSnapshot.build(data, revision=0)


async def _import(console: Console, path: Path) -> bool:
    from bot.cli.runtime import database
    from bot.domain.enums import Role
    from bot.domain.scoring import ScoringError
    from bot.formats.scores_sheet import read_theory
    from bot.formats.yaml_reader import UnreadableFileError
    from bot.services.clock import SystemClock
    from bot.services.scores import import_theory

    rules = console.settings.rules
    async with database(console) as db, db.unit_of_work() as uow:
        snapshot = await _snapshot(uow)
        contestants = {p.code for p in snapshot.data.people if p.role is Role.CONTESTANT}
        try:
            sheet = read_theory(path, contestants, rules.theory_max)
        except UnreadableFileError as error:
            raise UserError(N_("Cannot read {file}: {reason}"), file=path, reason=error) from error
        if sheet.problems:
            console.say(PROBLEMS_FOUND,
                        count=len(sheet.problems), file=path)  # fmt: skip
            for problem in sheet.problems:
                text = console.text(problem.message, **problem.params)
                if problem.row is not None:
                    text = console.text(N_("row {row}: {problem}"), row=problem.row, problem=text)
                console.line(f"  - {text}")
            return False
        try:
            changed = await import_theory(uow, snapshot, sheet.papers, SystemClock().now(), rules)
        except ScoringError as error:
            raise UserError(error.message, **error.params) from error
        await uow.commit()
    console.say(N_plural("Read {count} theory score from {file}; {changed} changed.",
                         "Read {count} theory scores from {file}; {changed} changed."),
                count=len(sheet.papers), file=path, changed=changed)  # fmt: skip
    return True


async def _template(console: Console, path: Path) -> None:
    from bot.cli.runtime import database
    from bot.domain.enums import Role
    from bot.formats.scores_sheet import write_theory_template

    async with database(console) as db, db.unit_of_work() as uow:
        snapshot = await _snapshot(uow)
    people = [p for p in snapshot.data.people if p.role is Role.CONTESTANT]
    _write(write_theory_template, path, sorted(people, key=lambda p: p.code))
    console.say(N_plural("Wrote the theory sheet of {count} contestant to {path}.",
                         "Wrote the theory sheet of {count} contestants to {path}."),
                count=len(people), path=path)  # fmt: skip


async def _export(console: Console, path: Path, draft: bool) -> None:
    from bot.cli.runtime import database
    from bot.domain.enums import RoundKind
    from bot.domain.scoring import Awards, ScoringError, grant_awards
    from bot.formats.scores_sheet import write_results
    from bot.services.results_sheet import results_sheet

    rules = console.settings.rules
    async with database(console) as db, db.unit_of_work() as uow:
        snapshot = await _snapshot(uow)
        try:
            sheet = await results_sheet(uow, snapshot, rules, draft)
        except ScoringError as error:
            raise UserError(error.message, **error.params) from error
    finals = {r.code for r in snapshot.data.rounds if r.kind is RoundKind.ARENA_FINAL}
    finalists = {s.team_code for s in snapshot.data.slots if s.round_code in finals and s.team_code}
    awards = Awards((), (), (), ())
    if not sheet.held_back:
        try:
            awards = grant_awards(sheet.table, finalists, rules)
        except ScoringError as error:
            raise UserError(error.message, **error.params) from error
    table = sheet.table
    _write(write_results, path, snapshot, table, awards, draft)
    message = (
        N_("Wrote the draft results to {path}: {people} contestants, {teams} teams.") if draft
        else N_("Wrote the published results to {path}: {people} contestants, {teams} teams.")
    )  # fmt: skip
    console.say(message, path=path, people=len(table.individuals), teams=len(table.teams))
    console.say(N_("Scored: {people} of {count} contestants, {teams} of {all} teams."),
                people=sum(1 for r in table.individuals if r.scored), count=len(table.individuals),
                teams=sum(1 for r in table.teams if r.scored), all=len(table.teams))  # fmt: skip
    if sheet.held_back:
        console.say(N_("No awards or certificates: every scored round must be complete and "
                       "published first. Missing:"))  # fmt: skip
        for held in sheet.held_back:
            console.line(f"  - {_held_back(console, held)}")


def _held_back(console: Console, held: "HeldBack") -> str:
    done = held.done
    parts = []
    if not done.complete:
        parts.append(console.text(N_("{scored} of {count} scored"), scored=len(done.scored),
                                  count=len(done.expected)))  # fmt: skip
        if done.kind.value == "theory" and not done.sheet_imported:
            parts.append(console.text(N_("no theory sheet imported")))
    if not held.published:
        parts.append(console.text(N_("not published")))
    return f"{held.round.code}: " + ", ".join(parts)


def _write(writer: "Callable[..., None]", path: Path, *args: object) -> None:
    try:
        writer(path, *args)
    except OSError as error:
        raise UserError(N_("Cannot write {file}: {reason}"), file=path, reason=error) from error
