"""Text skips the routers it is not addressed to, and only those."""

from datetime import UTC, datetime

from aiogram import Router
from aiogram.filters import StateFilter
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import Chat, Message

from handlers.filters import IsCommand, PlainText
from handlers.routing import Addressed, skip_unaddressed


class Asking(StatesGroup):
    name = State()
    age = State()


async def answer(message: Message) -> None:
    """Never called: the tests only look at the routers' filters."""


def root_filter(router: Router) -> Addressed | None:
    filters = [f.callback for f in router.message._handler.filters or ()]
    found = [f for f in filters if isinstance(f, Addressed)]
    return found[0] if found else None


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
