"""Inline buttons. Callback data carries ids only; handlers re-check everything."""

from collections.abc import Callable
from enum import StrEnum

from aiogram.filters.callback_data import CallbackData
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup

from bot.domain.commands import Command
from bot.domain.enums import Locale, QuestionType
from bot.domain.problems import N_
from bot.domain.questions import Question, option_letter
from bot.domain.reminders import ACKNOWLEDGE_PREFIX, CHECK_IN_DATA
from bot.texts.help import DESCRIPTIONS
from bot.texts.texts import Texts


class SchedulePage(CallbackData, prefix="sp"):
    day: int


class MenuAction(CallbackData, prefix="m"):
    command: Command


class LanguageChoice(CallbackData, prefix="lang"):
    locale: Locale


class DraftAction(StrEnum):
    SKIP = "skip"  # no English version
    CONFIRM = "ok"
    PIN = "pin"  # confirm, and also post and pin it in the audience's team groups
    DISCARD = "no"


class DraftButton(CallbackData, prefix="bd"):
    """A step of the broadcast dialogue; `draft` names the dialogue the button belongs to."""

    draft: int
    action: DraftAction


class AudiencePick(CallbackData, prefix="ba"):
    draft: int
    option: int  # index into the options the dialogue offered (kept in its state)


class WhenPick(CallbackData, prefix="bw"):
    draft: int
    minutes: int


class FollowButton(CallbackData, prefix="f"):
    track: int  # index into the contest's tracks, in their order
    follow: bool  # what pressing it does, so a double tap leaves it as pressed


class AcknowledgeButton(CallbackData, prefix=ACKNOWLEDGE_PREFIX):
    """ "Got it" under a turn reminder (the reminder service writes the same data)."""

    reminder: int


class CheckInButton(CallbackData, prefix=CHECK_IN_DATA):
    """ "I have arrived" under an early reminder: checks in whoever presses it."""


class LiveAction(StrEnum):
    SHOW = "show"
    START = "start"
    FINISH = "finish"
    SKIP = "skip"
    DELAY = "delay"
    PAUSE = "pause"
    RESUME = "resume"


class LiveButton(CallbackData, prefix="lv"):
    round: int  # the round's id
    action: LiveAction
    position: int = 0
    minutes: int = 0
    version: int = -1  # events recorded when the board was drawn; -1: just show it


class DrawButton(CallbackData, prefix="dr"):
    round: int  # the round's id; reveals its committed draw


class ScoreRound(CallbackData, prefix="sr"):
    round: int  # a showcase round's id


class ScoreTeam(CallbackData, prefix="st"):
    round: int
    team: int  # the team's id; the handler checks it still has a turn in the round


class PublishButton(CallbackData, prefix="pb"):
    round: int
    version: int  # the version it publishes: a second tap finds it published already


class ArenaKind(StrEnum):
    TEAMS = "teams"  # back to the teams
    MANDATORY = "mandatory"
    RISK = "risk"
    BUZZ = "buzz"
    UNDO = "undo"


class ArenaButton(CallbackData, prefix="ar"):
    """A step of recording an arena event: team, kind, contestant or tier, then outcome."""

    round: int
    team: int = -1  # the team's id; the handler checks it still has a turn in the round
    kind: ArenaKind = ArenaKind.TEAMS
    person: int = -1  # a contestant's id, for a mandatory question; checked to be the team's
    tier: int = 0
    outcome: str = ""  # empty: choose it next
    version: int = -1


class AuditPage(CallbackData, prefix="au"):
    below: int  # show the entries numbered below this one


class PracticeKind(CallbackData, prefix="pk"):
    # A question type, "any", "review", "mistakes", "daily" (a set starts), "dnext" (its next
    # question), or "t" and a topic's place in the person's sorted topics.
    kind: str


class PracticeTopics(CallbackData, prefix="pt"):
    """Shows the topics to choose from."""


class DailyButton(CallbackData, prefix="dy"):
    """The daily set as it will be once pressed, so a double tap leaves it as pressed."""

    minute: int  # minute of the contest day; -1: no daily set
    count: int


class LeaderboardButton(CallbackData, prefix="lb"):
    join: bool  # what pressing it does


class PracticeChoice(CallbackData, prefix="pc"):
    """An option tapped: its number only, never whether it is right."""

    question: int
    option: int


class PracticeSubmit(CallbackData, prefix="ps"):
    question: int


class ExamStart(CallbackData, prefix="es"):
    pass


class ExamChoice(CallbackData, prefix="ec"):
    exam: int
    index: int  # the question's place in the exam
    option: int


class ExamSubmit(CallbackData, prefix="ex"):
    exam: int
    index: int


class ExamEndStep(StrEnum):
    ASK = "ask"  # "Hand in" under a question: asks for a confirmation
    CONFIRM = "confirm"
    KEEP = "keep"  # keep going


class ExamEnd(CallbackData, prefix="ee"):
    exam: int
    step: ExamEndStep


class ReportKey(CallbackData, prefix="rk"):
    question: int


class ResolveReport(CallbackData, prefix="rr"):
    id: int


class BroadcastAction(StrEnum):
    REPORT = "report"
    CANCEL = "cancel"


class BroadcastButton(CallbackData, prefix="bb"):
    action: BroadcastAction
    id: int


LANGUAGE_NAMES = {Locale.ZH_HANS: "简体中文", Locale.EN: "English"}
SUGGESTIONS = (Command.TODAY, Command.NEXT, Command.SCHEDULE, Command.HELP)


def schedule_pages(t: Texts, day: int, days: int) -> InlineKeyboardMarkup | None:
    row = []
    if day > 0:
        row.append(button(t(N_("◀ Previous day")), SchedulePage(day=day - 1)))
    if day < days - 1:
        row.append(button(t(N_("Next day ▶")), SchedulePage(day=day + 1)))
    return InlineKeyboardMarkup(inline_keyboard=[row]) if row else None


def button(text: str, data: CallbackData) -> InlineKeyboardButton:
    return InlineKeyboardButton(text=text, callback_data=data.pack())


def languages() -> InlineKeyboardMarkup:
    buttons = [
        button(name, LanguageChoice(locale=locale)) for locale, name in LANGUAGE_NAMES.items()
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


SEND_DELAYS = {0: N_("Now"), 30: N_("In 30 minutes"), 60: N_("In 1 hour")}


def markup(*rows: list[InlineKeyboardButton]) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(inline_keyboard=[row for row in rows if row])


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


def follow_buttons(names: list[tuple[str, bool]]) -> InlineKeyboardMarkup:
    """One button per track (name, followed): ✓ marks the followed; pressing flips it."""
    return markup(
        *(
            [button(f"✓ {name}" if on else name, FollowButton(track=index, follow=not on))]
            for index, (name, on) in enumerate(names)
        )
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


class PublishPreview(CallbackData, prefix="pp"):
    """Shows what publishing the round would send, and how complete its inputs are."""

    round: int


class PublishAnyway(CallbackData, prefix="pa"):
    """Publishes an incomplete round on purpose; the missing results are told as pending."""

    round: int
    version: int


class WithdrawPublication(CallbackData, prefix="pw"):
    """Takes back the round's published version (a reason is asked next)."""

    round: int
    version: int
