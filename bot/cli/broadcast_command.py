"""`contest-bot broadcast` and `broadcasts`: announcements from the command line."""

from datetime import datetime
from typing import Annotated
from zoneinfo import ZoneInfo

import typer

from bot.cli.console import Console, UserError
from bot.domain.problems import N_

AT_FORMAT = "%Y-%m-%d %H:%M"
LISTED = 10
AUDIENCES = N_(
    "everyone, track:CODE, teams:A,B, contestants, leaders[:TRACK], judges, organizers, "
    "not_checked_in[:TRACK], followers:TRACK"
)


def register(app: typer.Typer, console: Console) -> None:
    @app.command(
        "broadcast", help=console.text(N_("Queue an announcement; the running bot sends it."))
    )
    def broadcast(
        to: Annotated[
            str,
            typer.Option(
                metavar="AUDIENCE",
                help=console.text(AUDIENCES),
            ),
        ],
        text: Annotated[str, typer.Option(help=console.text(N_("The text (HTML allowed).")))],
        text_en: Annotated[
            str, typer.Option(help=console.text(N_("The English version, if any.")))
        ] = "",
        at: Annotated[
            str | None,
            typer.Option(
                metavar="'YYYY-MM-DD HH:MM'",
                help=console.text(N_("Send later, at this time (contest time zone).")),
            ),
        ] = None,
        pin: Annotated[
            bool,
            typer.Option(
                help=console.text(N_("Also post it in the teams' group chats and pin it there."))
            ),
        ] = False,
    ) -> None:
        console.run(_broadcast(console, to, text, text_en, at, pin))

    @app.command(
        "broadcasts", help=console.text(N_("The latest announcements and their delivery."))
    )
    def broadcasts() -> None:
        console.run(_list(console))


async def _broadcast(
    console: Console, to: str, text: str, text_en: str, at: str | None, pin: bool
) -> None:
    from bot.cli.runtime import database
    from bot.domain.audience import parse_audience, unknown_codes
    from bot.domain.snapshot import ContestSnapshot
    from bot.sandbox.rules import BadRequestError, check_text
    from bot.services.broadcasts import Announcement, publish
    from bot.services.clock import SystemClock

    audience = parse_audience(to)
    if audience is None:
        raise UserError(N_("'{value}' is not an audience."), value=to)
    try:
        check_text(text, "HTML")
        if text_en:
            check_text(text_en, "HTML")
    except BadRequestError as error:
        raise UserError(N_("Telegram would refuse this text: {reason}"), reason=error) from error
    clock = SystemClock()
    async with database(console) as db, db.unit_of_work() as uow:
        data = await uow.contest.load()
        if data is None:
            raise UserError(N_("No contest is loaded yet. Try: contest-bot demo load"))
        snapshot = ContestSnapshot.build(data, revision=0)
        if missing := unknown_codes(audience, snapshot):
            raise UserError(N_("Unknown team or track: {codes}"), codes=", ".join(missing))
        send_at = _when(console, at, ZoneInfo(data.contest.timezone), clock.now())
        announcement = Announcement(audience, text, text_en, send_at, pin=pin)
        sent = await publish(uow, clock.now(), snapshot, announcement, None)
        await uow.commit()
        stored = await uow.broadcasts.get(sent.id)
    assert stored is not None
    console.say(
        N_("Broadcast #{id} is queued for {recipients} of {people} people (the others have not "
           "joined the bot); the running bot sends it."),
        id=stored.id, recipients=stored.recipients, people=stored.audience_size,
    )  # fmt: skip


def _when(console: Console, at: str | None, zone: ZoneInfo, now: datetime) -> datetime | None:
    if at is None:
        return None
    try:
        moment = datetime.strptime(at, AT_FORMAT).replace(tzinfo=zone)
    except ValueError as error:
        raise UserError(
            N_("'{value}' is not a date and time (YYYY-MM-DD HH:MM)"), value=at
        ) from error
    if moment <= now:
        raise UserError(N_("{value} is in the past."), value=at)
    return moment


async def _list(console: Console) -> None:
    from bot.cli.runtime import database
    from bot.services.broadcasts import report

    async with database(console) as db, db.unit_of_work() as uow:
        latest = await uow.broadcasts.latest(LISTED)
        reports = {b.id: await report(uow, b.id) for b in latest}
    if not latest:
        console.say(N_("No announcements yet."))
    for item in latest:
        counts = reports[item.id]
        console.say(
            N_("#{id} {audience}: sent {sent}, pending {pending}, blocked {blocked}, "
               "failed {failed}, cancelled {cancelled} — {text}"),
            id=item.id, audience=item.audience, text=item.text[:40], **counts,
        )  # fmt: skip
