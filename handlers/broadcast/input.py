"""What organizers type in the broadcast dialogue: announcement texts, team codes, times."""

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from aiogram.types import Message

from bot.domain.audience import Audience, AudienceKind, unknown_codes
from bot.domain.outbox import Attachment, AttachmentKind
from bot.domain.problems import N_
from bot.domain.snapshot import ContestSnapshot
from bot.domain.telegram_text import CAPTION_LIMIT, TEXT_LIMIT, BadRequestError, check_text

# The broadcasts table keeps the audience in 256 characters ('teams:H01,H02,…').
MAX_AUDIENCE_KEY = 256
# Formatting set with the Telegram client (not URLs or mentions it recognises by itself).
FORMATTING = {
    "bold", "italic", "underline", "strikethrough", "spoiler", "code", "pre", "text_link",
    "text_mention", "custom_emoji", "blockquote", "expandable_blockquote",
}  # fmt: skip
CLOCK = re.compile(r"(?:(\d{4})-(\d{1,2})-(\d{1,2})\s+)?(\d{1,2}):(\d{2})")


@dataclass(frozen=True, slots=True)
class Problem:
    """What is wrong with the input, as a message id and its parameters."""

    message: str
    params: dict[str, object]


def announcement_text(message: Message) -> str:
    """The text or caption as HTML: typed tags as they are, or the client's formatting as tags."""
    entities = message.entities or message.caption_entities or ()
    if any(entity.type in FORMATTING for entity in entities):
        return message.html_text
    return message.text or message.caption or ""


def attachment_of(message: Message) -> Attachment | None:
    if message.photo:  # sizes from small to large: the largest reads best
        return Attachment(AttachmentKind.PHOTO, message.photo[-1].file_id)
    if message.document:
        return Attachment(AttachmentKind.DOCUMENT, message.document.file_id)
    return None


def text_problem(text: str, caption: bool = False) -> Problem | None:
    """What Telegram would refuse in a text, or in a caption under a photo or document."""
    if not text.strip():
        return (
            None if caption
            else Problem(N_("The announcement is empty. Please send the text again."), {})
        )  # fmt: skip
    limit = CAPTION_LIMIT if caption else TEXT_LIMIT
    if len(text) > limit:
        return Problem(
            N_("The text has {length} characters; Telegram allows {limit} (1024 under a photo "
               "or document). Please send a shorter text."),
            {"length": len(text), "limit": limit},
        )  # fmt: skip
    try:
        check_text(text, "HTML")
    except BadRequestError as error:
        return Problem(
            N_("Telegram would refuse this HTML ({error}). Allowed tags: b, i, u, s, a, code, "
               "pre, blockquote, tg-spoiler. Please send the text again."),
            {"error": str(error)},
        )  # fmt: skip
    return None


def team_audience(text: str, snapshot: ContestSnapshot) -> Audience | Problem:
    """'H01 h07, H01' → teams H01 and H07 (case as in the contest, each once)."""
    by_upper = {code.upper(): code for code in snapshot.teams}
    codes: list[str] = []
    for word in re.split(r"[\s,，、;；]+", unicodedata.normalize("NFKC", text)):
        code = by_upper.get(word.upper(), word)
        if word and code not in codes:
            codes.append(code)
    if not codes:
        return Problem(N_("No team codes found. Send them separated by spaces, e.g. H01 H07."), {})
    audience = Audience(AudienceKind.TEAMS, team_codes=tuple(codes))
    if missing := unknown_codes(audience, snapshot):
        return Problem(
            N_("Unknown team codes: {codes}. Please send the codes again."),
            {"codes": " ".join(missing)},
        )
    if len(audience.key) > MAX_AUDIENCE_KEY:
        return Problem(
            N_("That is too many teams for one announcement; choose a track instead."), {}
        )
    return audience


def moment(text: str, now: datetime, zone: ZoneInfo) -> datetime | Problem:
    """'HH:MM' (today) or 'YYYY-MM-DD HH:MM' in the contest's zone, which must be in the future."""
    found = CLOCK.fullmatch(unicodedata.normalize("NFKC", text).strip())
    if found is None:
        return Problem(N_("I could not read that time. Send HH:MM or YYYY-MM-DD HH:MM."), {})
    year, month, day, hour, minute = found.groups()
    try:
        on = date(int(year), int(month), int(day)) if year else now.astimezone(zone).date()
        at = datetime.combine(on, time(int(hour), int(minute)), tzinfo=zone)
    except ValueError:
        return Problem(N_("I could not read that time. Send HH:MM or YYYY-MM-DD HH:MM."), {})
    if at <= now:
        return Problem(
            N_("{time} has already passed. Please send a time in the future."),
            {"time": at.strftime("%Y-%m-%d %H:%M")},
        )
    return at
