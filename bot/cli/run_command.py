"""`contest-bot run`: the bot itself, by long polling."""

import logging

import typer

from bot.cli.console import Console
from bot.domain.problems import N_


def register(app: typer.Typer, console: Console) -> None:
    @app.command("run", help=console.text(N_("Run the Telegram bot (long polling).")))
    def run() -> None:
        if console.settings.bot_token is None:
            console.fail(
                N_("BOT_TOKEN is not set: get a token from @BotFather and put BOT_TOKEN=... "
                   "in .env (see .env.example), then run this again.")
            )  # fmt: skip
        from bot.app import run_polling

        logging.basicConfig(
            level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
        )
        console.say(N_("Starting the bot; press Ctrl-C to stop."))
        console.run(run_polling(console.settings))
