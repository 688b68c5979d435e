"""This feature's inline keyboards."""

from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup

from bot.domain.problems import N_
from bot.texts.texts import Texts
from handlers.broadcast.callbacks import (
    AudiencePick,
    BroadcastAction,
    BroadcastButton,
    DraftAction,
    DraftButton,
    WhenPick,
)
from handlers.keyboards import button, markup

SEND_DELAYS = {0: N_("Now"), 30: N_("In 30 minutes"), 60: N_("In 1 hour")}


def skip_english(t: Texts, draft: int) -> InlineKeyboardMarkup:
    return markup([button(t(N_("Skip")), DraftButton(draft=draft, action=DraftAction.SKIP))])


def audience_options(labels: list[str], draft: int) -> InlineKeyboardMarkup:
    return markup(
        *([button(label, AudiencePick(draft=draft, option=i))] for i, label in enumerate(labels))
    )


def send_times(t: Texts, draft: int) -> InlineKeyboardMarkup:
    return markup(
        [button(t(label), WhenPick(draft=draft, minutes=m)) for m, label in SEND_DELAYS.items()]
    )


def confirm_draft(t: Texts, draft: int, team_chats: int = 0) -> InlineKeyboardMarkup:
    """Confirm or cancel; and when the audience's teams have groups, confirm and pin there."""
    pin = [
        button(
            t(N_("Confirm and pin in {count} team groups"), count=team_chats),
            DraftButton(draft=draft, action=DraftAction.PIN),
        )
    ]
    return markup(
        [
            button(t(N_("Confirm")), DraftButton(draft=draft, action=DraftAction.CONFIRM)),
            button(t(N_("Cancel")), DraftButton(draft=draft, action=DraftAction.DISCARD)),
        ],
        pin if team_chats else [],
    )


def broadcast_row(t: Texts, broadcast_id: int, pending: bool) -> list[InlineKeyboardButton]:
    """Report, and Cancel while something is still to go."""
    row = [
        button(
            t(N_("Report #{id}"), id=broadcast_id),
            BroadcastButton(action=BroadcastAction.REPORT, id=broadcast_id),
        )
    ]
    if pending:
        row.append(
            button(
                t(N_("Cancel #{id}"), id=broadcast_id),
                BroadcastButton(action=BroadcastAction.CANCEL, id=broadcast_id),
            )
        )
    return row


def broadcast_buttons(t: Texts, rows: list[tuple[int, bool]]) -> InlineKeyboardMarkup | None:
    """One row per broadcast: (id, whether anything is pending)."""
    return markup(*(broadcast_row(t, i, pending) for i, pending in rows)) if rows else None
