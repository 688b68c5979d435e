"""`contest-bot worker`: the outbox's sender, the reminders and the practice sets, while this
process is the leader; a second worker stands by and takes over if the leader dies."""

import logging

import typer

from bot.cli.console import Console
from bot.cli.run_command import LOG_FORMAT
from bot.domain.problems import N_


def register(app: typer.Typer, console: Console) -> None:
    @app.command(
        "worker",
        help=console.text(
            N_(
                "Run the background work (sending, reminders, practice sets) for webhook "
                "instances; one worker leads, the others stand by."
            )
        ),
    )
    def worker() -> None:
        if console.settings.bot_token is None:
            console.fail(N_("The worker needs BOT_TOKEN to send (see .env.example)."))
        from bot.heap import imports_uncollected

        with imports_uncollected():
            from bot.run_modes import run_worker

        logging.basicConfig(level=logging.INFO, format=LOG_FORMAT)
        console.say(N_("Starting the worker; press Ctrl-C to stop."))
        console.run(run_worker(console.settings))
