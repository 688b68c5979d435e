"""`contest-bot run`: the bot itself, by long polling or as a webhook instance."""

import logging
from typing import Annotated

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
    def run(
        host: Annotated[
            str, typer.Option(help=console.text(N_("Sandbox only: address to listen on.")))
        ] = "127.0.0.1",
        port: Annotated[
            int | None,
            typer.Option(help=console.text(N_("Sandbox only: port of the web chat (8080)."))),
        ] = None,
        webhook: Annotated[
            bool,
            typer.Option(
                "--webhook",
                help=console.text(
                    N_(
                        "Serve Telegram's updates on WEBHOOK_URL (updates only; run a worker "
                        "for the background work)."
                    )
                ),
            ),
        ] = False,
    ) -> None:
        if console.settings.bot_token is None:
            if webhook:
                console.fail(N_("Webhook mode needs BOT_TOKEN (see .env.example)."))
            from bot.cli.sandbox_command import DEFAULT_PORT, start_sandbox

            console.say(
                N_("BOT_TOKEN is not set, so the bot runs in the local sandbox. To use Telegram, "
                   "get a token from @BotFather and put BOT_TOKEN=... in .env (see .env.example).")
            )  # fmt: skip
            start_sandbox(console, host, DEFAULT_PORT if port is None else port)
            return
        if port is not None:
            console.say(N_("--port is for the sandbox; with BOT_TOKEN the bot polls Telegram."))
        from bot.heap import imports_uncollected

        with imports_uncollected():
            from bot.run_modes import run_polling, run_webhook

        logging.basicConfig(level=logging.INFO, format=LOG_FORMAT)
        if webhook:
            console.say(N_("Starting a webhook instance; press Ctrl-C to stop."))
            console.run(run_webhook(console.settings))
            return
        console.say(N_("Starting the bot; press Ctrl-C to stop."))
        console.run(run_polling(console.settings))
