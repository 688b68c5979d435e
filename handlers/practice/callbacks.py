"""Callback data of this feature's buttons: ids only; handlers re-check everything."""

from aiogram.filters.callback_data import CallbackData

from handlers.callback_bounds import Id, Number, NumberOrNone, Word


class PracticeKind(CallbackData, prefix="pk"):
    # A question type, "any", "review", "mistakes", "daily" (a set starts), "dnext" (its next
    # question), or "t" and a topic's place in the person's sorted topics.
    kind: Word


class PracticeTopics(CallbackData, prefix="pt"):
    """Shows the topics to choose from."""


class DailyButton(CallbackData, prefix="dy"):
    """The daily set as it will be once pressed, so a double tap leaves it as pressed."""

    minute: NumberOrNone  # minute of the contest day; -1: no daily set
    count: Number


class PracticeChoice(CallbackData, prefix="pc"):
    """An option tapped: its number only, never whether it is right."""

    question: Id
    option: Number


class PracticeSubmit(CallbackData, prefix="ps"):
    question: Id
