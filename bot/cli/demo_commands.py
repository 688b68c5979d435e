"""`contest-bot demo load`: the fictional demo contest, through the normal import."""

from typing import Annotated

import typer

from bot.cli.console import Console
from bot.domain.problems import N_


def register(app: typer.Typer, console: Console) -> None:
    demo = typer.Typer(help=console.text(N_("The demo contest.")), no_args_is_help=True)
    app.add_typer(demo, name="demo")

    @demo.command(
        "load", help=console.text(N_("Load the demo contest: 2 tracks, 40 teams, 3 days."))
    )
    def load(
        force: Annotated[
            bool,
            typer.Option(
                "--force", help=console.text(N_("Replace a different contest that is loaded."))
            ),
        ] = False,
    ) -> None:
        if not console.run(_load(console, force)):
            raise typer.Exit(1)


async def _load(console: Console, force: bool) -> bool:
    from bot.cli.runtime import database, report_import
    from bot.demo.contest import demo_document
    from bot.formats.parse import parse_document
    from bot.formats.yaml_reader import document_from_mapping
    from bot.services.contest_import import import_contest
    from bot.views import BotViews

    draft, problems = parse_document(document_from_mapping(demo_document()))
    async with database(console) as db:
        result = await import_contest(
            db.unit_of_work, draft, problems, views=BotViews(), replace_loaded=force
        )
    hint = console.text(N_("add --force"))
    return report_import(console, result, console.text(N_("the demo contest")), hint)
