"""`contest-bot show`: what is loaded, the programme, one day or one team in detail."""

from datetime import date
from typing import Annotated

import typer

from bot.cli.console import Console, UserError
from bot.domain.problems import N_


def register(app: typer.Typer, console: Console) -> None:
    @app.command("show", help=console.text(N_("Summarise the loaded contest and its programme.")))
    def show(
        day: Annotated[
            str | None,
            typer.Option(
                "--day", metavar="YYYY-MM-DD", help=console.text(N_("Every slot of one day."))
            ),
        ] = None,
        team: Annotated[
            str | None,
            typer.Option("--team", metavar="CODE", help=console.text(N_("One team in detail."))),
        ] = None,
    ) -> None:
        chosen_day = None
        if day is not None:
            try:
                chosen_day = date.fromisoformat(day)
            except ValueError:
                console.fail(N_("'{value}' is not a date (YYYY-MM-DD)"), value=day)
        console.run(_show(console, chosen_day, team))


async def _show(console: Console, day: date | None, team_code: str | None) -> None:
    from bot.cli import show_text
    from bot.cli.runtime import database

    async with database(console) as db, db.unit_of_work() as uow:
        data = await uow.contest.load()
    if data is None:
        raise UserError(N_("No contest is loaded yet. Try: contest-bot demo load"))
    if team_code is not None:
        team = next((t for t in data.teams if t.code == team_code), None)
        if team is None:
            raise UserError(N_("team '{value}' does not exist"), value=team_code)
        lines = show_text.team_lines(console, data, team)
    elif day is not None:
        lines = show_text.day_lines(console, data, day)
    else:
        lines = show_text.overview_lines(console, data)
    for line in lines:
        console.line(line)
