"""`contest-bot run`: the bot itself, by long polling."""

import logging

import typer

from bot.cli.console import Console
from bot.domain.problems import N_

LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def register(app: typer.Typer, console: Console) -> None:
    @app.command(
        "run",
        help=console.text(
            N_("Run the Telegram bot (long polling); without BOT_TOKEN, the sandbox.")
        ),
    )
    def run() -> None:
        if console.settings.bot_token is None:
            from bot.cli.sandbox_command import start_sandbox

            console.say(
                N_("BOT_TOKEN is not set, so the bot runs in the local sandbox. To use Telegram, "
                   "get a token from @BotFather and put BOT_TOKEN=... in .env (see .env.example).")
            )  # fmt: skip
            start_sandbox(console)
            return
        from bot.app import run_polling

        logging.basicConfig(level=logging.INFO, format=LOG_FORMAT)
        console.say(N_("Starting the bot; press Ctrl-C to stop."))
        console.run(run_polling(console.settings))
