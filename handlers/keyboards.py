"""Inline buttons every feature uses: the building blocks, the menu of suggestions, the answer
buttons of a question. Callback data carries ids only; handlers re-check everything."""

from collections.abc import Callable

from aiogram.filters.callback_data import CallbackData
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup

from bot.domain.commands import Command
from bot.domain.enums import QuestionType
from bot.domain.problems import N_
from bot.domain.questions import Question, option_letter
from bot.texts.help import DESCRIPTIONS
from bot.texts.texts import Texts


class MenuAction(CallbackData, prefix="m"):
    command: Command


SUGGESTIONS = (Command.TODAY, Command.NEXT, Command.SCHEDULE, Command.HELP)


def button(text: str, data: CallbackData) -> InlineKeyboardButton:
    return InlineKeyboardButton(text=text, callback_data=data.pack())


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


def markup(*rows: list[InlineKeyboardButton]) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(inline_keyboard=[row for row in rows if row])


def answer_buttons(
    t: Texts,
    question: Question,
    choice: Callable[[int], CallbackData],
    submit: CallbackData,
    chosen: set[int] | None = None,
) -> InlineKeyboardMarkup | None:
    """True/false, or one button per option letter (☑ on the chosen ones, then Submit for
    multiple choice); nothing for questions answered by typing. `choice(n)` is option n's data."""
    if question.type is QuestionType.TRUE_FALSE:
        return markup([button(t(N_("✓ True")), choice(1)), button(t(N_("✗ False")), choice(0))])
    if not question.type.has_options:
        return None
    marked = chosen or set()
    letters = [
        button(f"☑ {option_letter(i)}" if i in marked else option_letter(i), choice(i))
        for i in range(len(question.options))
    ]
    rows = [letters[i : i + 4] for i in range(0, len(letters), 4)]
    if question.type is QuestionType.MULTIPLE:
        rows.append([button(t(N_("Submit")), submit)])
    return markup(*rows)
