"""Inline buttons. Callback data carries ids only; handlers re-check everything."""

from aiogram.filters.callback_data import CallbackData
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup

from bot.domain.commands import Command
from bot.domain.enums import Locale
from bot.domain.problems import N_
from bot.texts.help import DESCRIPTIONS
from bot.texts.texts import Texts


class SchedulePage(CallbackData, prefix="sp"):
    day: int


class MenuAction(CallbackData, prefix="m"):
    command: Command


class LanguageChoice(CallbackData, prefix="lang"):
    locale: Locale


LANGUAGE_NAMES = {Locale.ZH_HANS: "简体中文", Locale.EN: "English"}
SUGGESTIONS = (Command.TODAY, Command.NEXT, Command.SCHEDULE, Command.HELP)


def schedule_pages(t: Texts, day: int, days: int) -> InlineKeyboardMarkup | None:
    row = []
    if day > 0:
        row.append(_button(t(N_("◀ Previous day")), SchedulePage(day=day - 1)))
    if day < days - 1:
        row.append(_button(t(N_("Next day ▶")), SchedulePage(day=day + 1)))
    return InlineKeyboardMarkup(inline_keyboard=[row]) if row else None


def _button(text: str, data: CallbackData) -> InlineKeyboardButton:
    return InlineKeyboardButton(text=text, callback_data=data.pack())


def languages() -> InlineKeyboardMarkup:
    buttons = [
        _button(name, LanguageChoice(locale=locale)) for locale, name in LANGUAGE_NAMES.items()
    ]
    return InlineKeyboardMarkup(inline_keyboard=[buttons])


def suggestions(t: Texts, commands: tuple[Command, ...]) -> InlineKeyboardMarkup:
    buttons = [
        InlineKeyboardButton(
            text=t(DESCRIPTIONS[command]), callback_data=MenuAction(command=command).pack()
        )
        for command in SUGGESTIONS
        if command in commands
    ]
    return InlineKeyboardMarkup(
        inline_keyboard=[buttons[i : i + 2] for i in range(0, len(buttons), 2)]
    )
