"""`contest-bot db upgrade` and `db current`."""

import typer

from bot.cli.console import Console
from bot.domain.problems import N_


def register(app: typer.Typer, console: Console) -> None:
    db = typer.Typer(help=console.text(N_("Database schema.")), no_args_is_help=True)
    app.add_typer(db, name="db")

    @db.command("upgrade", help=console.text(N_("Create or migrate the schema to the latest.")))
    def upgrade() -> None:
        console.run(_upgrade(console))

    @db.command("current", help=console.text(N_("Show the schema revision of the database.")))
    def current() -> None:
        console.run(_current(console))


async def _upgrade(console: Console) -> None:
    from storage.migrate import upgrade

    await upgrade(console.settings.database_url)
    console.say(N_("The database schema is up to date."))


async def _current(console: Console) -> None:
    from storage.engine import create_engine
    from storage.migrate import current_revision

    engine = create_engine(console.settings.database_url)
    try:
        revision = await current_revision(engine)
    finally:
        await engine.dispose()
    console.say(N_("Schema revision: {revision}"), revision=revision or "-")
