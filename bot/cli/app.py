"""Builds the Typer application; command help is in the configured language."""

import typer
from pydantic import ValidationError

from bot.cli import (
    audit_commands,
    broadcast_command,
    contest_commands,
    db_commands,
    demo_commands,
    draw_commands,
    invites_command,
    question_commands,
    run_command,
    sandbox_command,
    score_commands,
    show_command,
    worker_command,
)
from bot.cli.console import Console
from bot.config import Settings
from bot.domain.problems import N_


def create_app() -> typer.Typer:
    console = Console(_settings())
    app = typer.Typer(
        help=console.text(N_("Contest Assistant: load a contest, inspect it, run the bot.")),
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
        rich_markup_mode=None,  # plain help: Rich's help formatting alone costs 0.2 s a start
    )
    db_commands.register(app, console)
    contest_commands.register(app, console)
    demo_commands.register(app, console)
    show_command.register(app, console)
    invites_command.register(app, console)
    broadcast_command.register(app, console)
    draw_commands.register(app, console)
    audit_commands.register(app, console)
    score_commands.register(app, console)
    question_commands.register(app, console)
    run_command.register(app, console)
    sandbox_command.register(app, console)
    worker_command.register(app, console)
    return app


def _settings() -> Settings:
    try:
        return Settings()
    except ValidationError as error:
        fields = ", ".join(str(e["loc"][0]).upper() for e in error.errors() if e["loc"])
        # The language is one of the settings that failed, so this line cannot be translated.
        typer.echo(f"Invalid setting(s) / 配置错误: {fields}\n{error}", err=True)
        raise SystemExit(2) from None
