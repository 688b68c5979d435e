"""`contest-bot sandbox`: the real bot and a web chat, offline, with no token."""

import logging
from datetime import datetime
from typing import Annotated
from zoneinfo import ZoneInfo

import typer

from bot.cli.console import Console
from bot.domain.problems import N_

CLOCK_FORMAT = "%Y-%m-%d %H:%M"
DEFAULT_PORT = 8080


def register(app: typer.Typer, console: Console) -> None:
    @app.command(
        "sandbox", help=console.text(N_("Try the bot in a browser: no token, no internet."))
    )
    def sandbox(
        host: Annotated[str, typer.Option(help=console.text(N_("Address to listen on.")))] = (
            "127.0.0.1"
        ),
        port: Annotated[int, typer.Option(help=console.text(N_("Port of the web chat.")))] = (
            DEFAULT_PORT
        ),
        clock: Annotated[
            str | None,
            typer.Option(
                metavar="'YYYY-MM-DD HH:MM'",
                help=console.text(N_("Rehearse as if it were this time (contest time zone).")),
            ),
        ] = None,
        speed: Annotated[
            float, typer.Option(help=console.text(N_("How fast the rehearsal clock runs.")))
        ] = 1.0,
        rate_limit: Annotated[
            bool,
            typer.Option(
                "--rate-limit",
                help=console.text(N_("Answer 429 past 30 messages/s, or 1/s per chat.")),
            ),
        ] = False,
    ) -> None:
        start_sandbox(console, host, port, clock, speed, rate_limit)


def start_sandbox(
    console: Console,
    host: str = "127.0.0.1",
    port: int = DEFAULT_PORT,
    clock: str | None = None,
    speed: float = 1.0,
    rate_limit: bool = False,
) -> None:
    from bot.sandbox.runner import Sandbox, serve_forever
    from bot.services.clock import RehearsalClock

    rehearsal = None
    if clock is not None:
        try:
            start = datetime.strptime(clock, CLOCK_FORMAT)  # noqa: DTZ007 - zone attached next
        except ValueError:
            console.fail(N_("'{value}' is not a date and time (YYYY-MM-DD HH:MM)"), value=clock)
        rehearsal = RehearsalClock(start.replace(tzinfo=ZoneInfo(console.settings.timezone)), speed)
    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    sandbox = Sandbox(console.settings, host, port, rehearsal, rate_limit, speed)
    announce = console.translate(
        N_("Sandbox ready: open {url} in a browser. Press Ctrl-C to stop.")
    )
    try:
        console.run(serve_forever(sandbox, announce))
    except KeyboardInterrupt:
        console.say(N_("Sandbox stopped."))
