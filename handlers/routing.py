"""Text and button presses go past whole routers at the cost of one set lookup each.

aiogram checks a router's message handlers one by one, each filter a call; free text, the most
frequent update after /next, passes every feature before it reaches the free-text router. When
every message handler of a router (and of its sub-routers) answers only given commands or given
dialogue states, the router gets one root filter for their union: aiogram skips the router with
its sub-routers when that filter fails. Likewise a press: when every button handler of a router
(and of its sub-routers) takes one kind of `CallbackData` only, the router gets one root filter
for the union of their prefixes, so a press reaches its router without trying every handler on
the way (a practice answer passed eight routers before).
"""

from collections.abc import Iterable
from inspect import isclass

from aiogram import Router
from aiogram.dispatcher.event.handler import FilterObject
from aiogram.filters import Filter, StateFilter
from aiogram.filters.callback_data import CallbackQueryFilter
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, Message

from handlers.filters import IsCommand

Addresses = tuple[frozenset[str], frozenset[str]]  # (commands, dialogue states)


class Addressed(Filter):
    """The update's command (parsed by the context middleware) or dialogue state is one of a
    router's."""

    def __init__(self, commands: frozenset[str], states: frozenset[str]) -> None:
        self.commands, self.states = commands, states

    async def __call__(
        self, message: Message, command_name: str | None = None, raw_state: str | None = None
    ) -> bool:
        return command_name in self.commands or raw_state in self.states


class Pressed(Filter):
    """The press's button data is of a kind a router takes: its prefix is one of theirs."""

    def __init__(self, prefixes: frozenset[tuple[str, str]]) -> None:
        self.separators = frozenset(separator for separator, _ in prefixes)
        self.prefixes = prefixes

    async def __call__(self, query: CallbackQuery) -> bool:
        data = query.data or ""
        return any((s, data.split(s, 1)[0]) in self.prefixes for s in self.separators)


def skip_unaddressed(router: Router) -> Router:
    """Gives `router` and each of its sub-routers whose message handlers all name their
    commands or states the `Addressed` root filter, and those whose button handlers all name
    their kind of button the `Pressed` one; returns `router`."""
    _install(router)
    _install_buttons(router)
    return router


def _install(router: Router) -> Addresses | None:
    found = [_install(child) for child in router.sub_routers]
    own = [_addresses(handler.filters or ()) for handler in router.message.handlers]
    if any(part is None for part in (*found, *own)):
        return None
    parts = [part for part in (*found, *own) if part is not None]
    commands = frozenset().union(*(c for c, _ in parts))
    states = frozenset().union(*(s for _, s in parts))
    router.message.filter(Addressed(commands, states))
    return commands, states


def _install_buttons(router: Router) -> frozenset[tuple[str, str]] | None:
    found = [_install_buttons(child) for child in router.sub_routers]
    own = [_kind(handler.filters or ()) for handler in router.callback_query.handlers]
    if any(part is None for part in (*found, *own)):
        return None
    prefixes = frozenset().union(*(part for part in (*found, *own) if part is not None))
    router.callback_query.filter(Pressed(prefixes))
    return prefixes


def _kind(filters: Iterable[FilterObject]) -> frozenset[tuple[str, str]] | None:
    """The (separator, prefix) of the button kind a handler's filters require; None when they
    require none (the handler may take any press)."""
    for condition in filters:
        if isinstance(condition.callback, CallbackQueryFilter):
            kind = condition.callback.callback_data
            return frozenset({(kind.__separator__, kind.__prefix__)})
    return None


def _addresses(filters: Iterable[FilterObject]) -> Addresses | None:
    """The commands or the states a handler's filters require; None when they require neither
    (the handler may take any text)."""
    for condition in filters:
        callback = condition.callback
        if isinstance(callback, IsCommand):
            return callback.commands, frozenset()
        if isinstance(callback, StateFilter):
            states = _state_names(callback)
            if states is not None:
                return frozenset(), states
    return None


def _state_names(condition: StateFilter) -> frozenset[str] | None:
    names: set[str] = set()
    for state in condition.states:
        if isinstance(state, State) and state.state is not None:
            names.add(state.state)
        elif isclass(state) and issubclass(state, StatesGroup):
            names.update(s.state for s in state.__all_states__ if s.state is not None)
        elif isinstance(state, str) and state != "*":
            names.add(state)
        else:
            return None  # any state, or no state: not a set to look up
    return frozenset(names)
