"""Text and button presses skip the routers they are not addressed to, and only those."""

from datetime import UTC, datetime
from typing import TypeVar

from aiogram import Router
from aiogram.dispatcher.event.telegram import TelegramEventObserver
from aiogram.filters import StateFilter
from aiogram.filters.callback_data import CallbackData
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, Chat, Message, User

from handlers.filters import IsCommand, PlainText
from handlers.routing import Addressed, Pressed, skip_unaddressed

F = TypeVar("F")


class Asking(StatesGroup):
    name = State()
    age = State()


class Page(CallbackData, prefix="pg"):
    number: int


class Vote(CallbackData, prefix="v", sep="|"):
    choice: int


async def answer(message: Message) -> None:
    """Never called: the tests only look at the routers' filters."""


async def press(query: CallbackQuery) -> None:
    """Never called, as `answer`."""


def root_of(observer: TelegramEventObserver, kind: type[F]) -> F | None:
    found = [f.callback for f in observer._handler.filters or () if isinstance(f.callback, kind)]
    return found[0] if found else None


def root_filter(router: Router) -> Addressed | None:
    return root_of(router.message, Addressed)


def router_of_commands_and_a_step() -> Router:
    router = Router()
    router.message.register(answer, IsCommand("next", "today"))
    router.message.register(answer, StateFilter(Asking.name), PlainText())
    return router


def test_a_router_of_commands_and_steps_is_filtered_by_their_union() -> None:
    addressed = root_filter(skip_unaddressed(router_of_commands_and_a_step()))
    assert addressed is not None
    assert addressed.commands == {"next", "today"}
    assert addressed.states == {Asking.name.state}


def test_a_whole_group_of_states_counts_with_every_state() -> None:
    router = Router()
    router.message.register(answer, StateFilter(Asking), PlainText())
    addressed = root_filter(skip_unaddressed(router))
    assert addressed is not None
    assert addressed.states == {Asking.name.state, Asking.age.state}


def test_a_router_that_takes_any_text_is_left_unfiltered() -> None:
    router = router_of_commands_and_a_step()
    router.message.register(answer, PlainText())
    assert root_filter(skip_unaddressed(router)) is None


def test_a_step_in_any_state_leaves_the_router_unfiltered() -> None:
    router = Router()
    router.message.register(answer, StateFilter("*"), PlainText())
    assert root_filter(skip_unaddressed(router)) is None


def test_a_parent_is_filtered_by_what_its_children_answer() -> None:
    parent, other = Router(), Router()
    other.message.register(answer, IsCommand("help"))
    parent.include_routers(router_of_commands_and_a_step(), other)
    addressed = root_filter(skip_unaddressed(parent))
    assert addressed is not None
    assert addressed.commands == {"next", "today", "help"}


def test_a_parent_with_one_open_child_is_left_unfiltered_but_the_others_are_not() -> None:
    parent, open_child, closed_child = Router(), Router(), router_of_commands_and_a_step()
    open_child.message.register(answer)
    parent.include_routers(open_child, closed_child)
    skip_unaddressed(parent)
    assert root_filter(parent) is None
    assert root_filter(closed_child) is not None


async def test_the_filter_passes_a_command_or_a_state_of_the_router_only() -> None:
    addressed = Addressed(frozenset({"next"}), frozenset({"Asking:name"}))
    chat = Chat(id=1, type="private")
    message = Message(message_id=1, date=datetime(2024, 9, 26, tzinfo=UTC), chat=chat, text="hi")
    assert await addressed(message, command_name="next")
    assert await addressed(message, raw_state=Asking.name.state)
    assert not await addressed(message, command_name="help", raw_state=Asking.age.state)
    assert not await addressed(message)


def pressed_filter(router: Router) -> Pressed | None:
    return root_of(router.callback_query, Pressed)


def router_of_buttons() -> Router:
    router = Router()
    router.callback_query.register(press, Page.filter())
    router.callback_query.register(press, Vote.filter())
    return router


def query_with(data: str | None) -> CallbackQuery:
    user = User(id=1, is_bot=False, first_name="A")
    return CallbackQuery(id="1", from_user=user, chat_instance="c", data=data)


def test_a_router_of_button_kinds_is_filtered_by_their_prefixes() -> None:
    pressed = pressed_filter(skip_unaddressed(router_of_buttons()))
    assert pressed is not None
    assert pressed.prefixes == {(":", "pg"), ("|", "v")}


def test_a_router_that_takes_any_press_is_left_unfiltered() -> None:
    router = router_of_buttons()
    router.callback_query.register(press)
    assert pressed_filter(skip_unaddressed(router)) is None


def test_a_router_without_buttons_is_passed_by_every_press() -> None:
    router = router_of_commands_and_a_step()
    pressed = pressed_filter(skip_unaddressed(router))
    assert pressed is not None
    assert pressed.prefixes == frozenset()


def test_a_parent_is_filtered_by_the_buttons_of_its_children() -> None:
    parent, other = Router(), Router()
    other.callback_query.register(press, Page.filter())
    parent.include_routers(router_of_commands_and_a_step(), other)
    pressed = pressed_filter(skip_unaddressed(parent))
    assert pressed is not None
    assert pressed.prefixes == {(":", "pg")}


async def test_the_filter_passes_presses_of_the_router_s_kinds_only() -> None:
    pressed = Pressed(frozenset({(":", "pg"), ("|", "v")}))
    assert await pressed(query_with(Page(number=2).pack()))
    assert await pressed(query_with(Vote(choice=1).pack()))
    assert not await pressed(query_with("pgx:2"))
    assert not await pressed(query_with("other:1"))
    assert not await pressed(query_with(None))
