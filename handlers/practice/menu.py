"""What /practice offers: a kind of question, a topic, or the daily set already chosen."""

from aiogram import Router
from aiogram.types import CallbackQuery, Message

from bot.domain.commands import Command, allowed
from bot.domain.contest import Person
from bot.domain.enums import QuestionType
from bot.domain.practice_plan import DAILY, DAILY_NEXT
from bot.domain.problems import N_
from bot.domain.snapshot import ContestSnapshot
from bot.services.practice import topics
from bot.texts.practice import KINDS
from handlers.fallback.router import stale_button
from handlers.filters import IsCommand
from handlers.keyboards import button, markup
from handlers.practice.callbacks import PracticeKind, PracticeTopics
from handlers.practice.gate import GATED, PracticeGate
from handlers.queries import take_choice
from handlers.request import Request

ANY, REVIEW, MISTAKES = "any", "review", "mistakes"
TOPIC = "t"
MODES = frozenset({ANY, REVIEW, MISTAKES, DAILY, DAILY_NEXT})
LABEL_LENGTH = 24  # a topic's button shows its start; the question shows all of it


def create_router() -> Router:
    router = Router(name="practice_menu")
    router.message.register(start, IsCommand(Command.PRACTICE), flags=GATED)
    router.message.middleware(PracticeGate())
    return router


async def start(message: Message, request: Request) -> None:
    t = request.t
    kinds = [button(t(N_("Any kind")), PracticeKind(kind=ANY))]
    kinds += [button(t(label), PracticeKind(kind=kind.value)) for kind, label in KINDS.items()]
    kinds.append(button(t(N_("By topic…")), PracticeTopics()))
    rows = [kinds[i : i + 2] for i in range(0, len(kinds), 2)]
    await message.answer(t(N_("What would you like to practise?")), reply_markup=markup(*rows))


async def choose_topic(query: CallbackQuery, request: Request) -> None:
    person, snapshot, t = request.viewer.person, request.snapshot, request.t
    if (
        person is None
        or snapshot is None
        or not allowed(request.viewer.role, Command.PRACTICE)
        or not isinstance(query.message, Message)
    ):
        await stale_button(query, request)
        return
    if not await take_choice(query, request):
        return
    await query.answer()
    found = topics(snapshot, person)
    if not found:
        await query.message.answer(t(N_("The questions have no topics yet.")))
        return
    buttons = [
        button(_label(topic), PracticeKind(kind=f"{TOPIC}{index}"))
        for index, topic in enumerate(found)
    ]
    rows = [buttons[i : i + 2] for i in range(0, len(buttons), 2)]
    await query.message.answer(t(N_("Which topic?")), reply_markup=markup(*rows))


def known_kind(snapshot: ContestSnapshot, person: Person, kind: str) -> bool:
    """A kind the menu offers: a question type, a topic the person has, or a mode."""
    return (
        kind in MODES
        or kind in {t.value for t in QuestionType}
        or topic_of(snapshot, person, kind) is not None
    )


def topic_of(snapshot: ContestSnapshot, person: Person, kind: str) -> str | None:
    """The topic a kind names ("t3": the fourth of the person's topics), if it does."""
    number = kind.removeprefix(TOPIC)
    if not kind.startswith(TOPIC) or not number.isdigit():
        return None
    found = topics(snapshot, person)
    return found[int(number)] if int(number) < len(found) else None


def _label(topic: str) -> str:
    return topic if len(topic) <= LABEL_LENGTH else f"{topic[: LABEL_LENGTH - 1]}…"
