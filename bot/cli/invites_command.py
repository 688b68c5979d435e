"""`contest-bot invites`: everyone's deep link and QR code, as a workbook or printable cards."""

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from bot.cli.console import Console, UserError
from bot.domain.problems import N_, N_plural

if TYPE_CHECKING:  # Pillow, segno, openpyxl and aiogram load only when the command runs
    from aiogram.client.session.base import BaseSession

    from bot.domain.contest import ContestData
    from bot.invites.cards import InviteCard
    from bot.invites.typeface import Typeface

SUFFIXES = (".xlsx", ".pdf", ".png")
PEOPLE = N_plural("{count} person", "{count} people")
PAGES = N_plural("{count} page", "{count} pages")


def register(app: typer.Typer, console: Console) -> None:
    @app.command(
        "invites",
        help=console.text(
            N_("Write everyone's invite link and QR code: a list (.xlsx) or cards to print "
               "(.pdf, .png).")
        ),
    )  # fmt: skip
    def invites(
        path: Annotated[Path, typer.Argument(metavar="FILE", show_default=False)],
        bot_username: Annotated[
            str | None,
            typer.Option(
                "--bot-username",
                metavar="NAME",
                help=console.text(N_("The bot's Telegram username (default: BOT_USERNAME).")),
            ),
        ] = None,
    ) -> None:
        suffix = path.suffix.lower()
        if suffix not in SUFFIXES:
            console.fail(
                N_("Unsupported file type '{suffix}': use .xlsx, .pdf or .png"), suffix=path.suffix
            )
        username = _username(console, bot_username)
        data = console.run(_load(console))
        _write(console, data, username, path)


def _username(console: Console, given: str | None) -> str:
    """--bot-username, else the name Telegram gives for BOT_TOKEN, else BOT_USERNAME."""
    from bot.invites.cards import normalise_username

    text = given
    if text is None and console.settings.bot_token is not None:
        text = console.run(_ask_telegram(console))
    if text is None:
        text = console.settings.bot_username
    if not text:
        console.fail(
            N_("The links need the bot's username: pass --bot-username NAME or set BOT_USERNAME.")
        )
    name = normalise_username(text)
    if name is None:
        console.fail(
            N_("'{value}' is not a Telegram username: 5 to 32 letters, digits or underscores, "
               "starting with a letter."),
            value=text,
        )  # fmt: skip
    return name


def telegram_session() -> "BaseSession | None":
    """The session getMe goes through: the default one (tests put a fake in its place)."""
    return None


async def _ask_telegram(console: Console) -> str | None:
    """The bot's username from getMe; None (with a warning) when Telegram cannot be asked."""
    from aiogram.exceptions import TelegramAPIError

    from bot.app import create_bot

    bot = create_bot(console.settings, telegram_session())
    try:
        me = await bot.get_me()
    except (TelegramAPIError, OSError) as error:
        console.say(N_("Could not ask Telegram for the bot's username ({reason})."), reason=error)
        return None
    finally:
        await bot.session.close()
    return me.username


async def _load(console: Console) -> "ContestData":
    from bot.cli.runtime import database

    async with database(console) as db, db.unit_of_work() as uow:
        data = await uow.contest.load()
    if data is None:
        raise UserError(N_("There is no contest to make invites for yet; import one first."))
    return data


def _write(console: Console, data: "ContestData", username: str, path: Path) -> None:
    from bot.invites.cards import invite_cards

    cards = invite_cards(data, username)
    if not cards:
        console.fail(N_("The contest has nobody to invite yet."))
    try:
        if path.suffix.lower() == ".xlsx":
            from bot.invites.xlsx import write_invite_workbook

            write_invite_workbook(cards, path)
            console.say(
                N_plural("Wrote the invite of {count} person to {file}.",
                         "Wrote the invites of {count} people to {file}."),
                count=len(cards), file=path,
            )  # fmt: skip
        else:
            _write_pages(console, cards, path)
    except OSError as error:
        console.fail(N_("Cannot write {file}: {reason}"), file=path, reason=error)


def _write_pages(console: Console, cards: "list[InviteCard]", path: Path) -> None:
    from bot.invites.output import write_pdf, write_pngs
    from bot.invites.pages import render_pages
    from bot.invites.typeface import find_typeface

    typeface = find_typeface()
    _warn_about_fonts(console, cards, typeface)
    pages = render_pages(cards, typeface)
    if path.suffix.lower() == ".pdf":
        count = write_pdf(pages, path)
        first = last = path
    else:
        files = write_pngs(pages, path)
        count, first, last = len(files), files[0], files[-1]
    people = console.text(PEOPLE, count=len(cards))
    on_pages = console.text(PAGES, count=count)
    if first == last:
        console.say(
            N_("Wrote invite cards for {people} on {pages} to {file}."),
            people=people, pages=on_pages, file=path,
        )  # fmt: skip
    else:
        console.say(
            N_("Wrote invite cards for {people} on {pages}: {first} to {last}."),
            people=people, pages=on_pages, first=first, last=last,
        )  # fmt: skip


def _warn_about_fonts(console: Console, cards: "list[InviteCard]", typeface: "Typeface") -> None:
    if not typeface.has_chinese:
        _warn(
            console,
            N_("Warning: no Chinese font was found, so the cards show only the QR code, the "
               "invite code and the person's code. Reinstall contest-assistant, or install a "
               "Chinese font (Debian: apt-get install fonts-noto-cjk)."),
        )  # fmt: skip
        return
    missing = {
        card.code: typeface.missing(card.name + card.role_label + card.team) for card in cards
    }
    missing = {code: characters for code, characters in missing.items() if characters}
    if missing:
        _warn(
            console,
            N_("Warning: no font here can draw {characters}; they print as boxes on the cards "
               "of {people}. Install a fuller Chinese font (Debian: apt-get install "
               "fonts-noto-cjk)."),
            characters="".join(dict.fromkeys("".join(missing.values()))),
            people=", ".join(missing),
        )  # fmt: skip


def _warn(console: Console, message: str, **params: object) -> None:
    typer.echo(console.text(message, **params), err=True)
