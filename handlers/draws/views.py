"""What the organizer who runs a draw reads: the commitment published, the order revealed."""

from aiogram.types import InlineKeyboardMarkup

from bot.domain.contest import Round
from bot.domain.draw import Draw
from bot.domain.problems import N_, N_plural
from bot.texts.texts import Texts
from handlers.draws.callbacks import DrawButton
from handlers.keyboards import button, markup


def committed_view(t: Texts, round_: Round, draw: Draw) -> tuple[str, InlineKeyboardMarkup]:
    text = t(N_("Commitment for {round} published: <code>{commitment}</code>. When everyone "
                "has seen it, reveal the seed and the order."),
             round=round_.code, commitment=draw.commitment)  # fmt: skip
    reveal = button(t(N_("🎲 Reveal the order")), DrawButton(round=round_.id or 0))
    return text, markup([reveal])


def revealed_text(t: Texts, round_: Round, draw: Draw) -> str:
    return t(N_plural("The order of {round} is drawn and published ({count} team).",
                      "The order of {round} is drawn and published ({count} teams)."),
             round=round_.code, count=len(draw.order or ()))  # fmt: skip
