"""Re-importing the demo with something changed, as between showing a board and a tap."""

from collections.abc import Callable
from dataclasses import replace
from datetime import timedelta
from typing import Any

from bot.domain.contest import Person, Slot
from bot.domain.draft import Located
from bot.services.contest_import import import_contest
from bot.views import BotViews
from tests.handlers.broadcasting import database
from tests.handlers.conftest import Telegram, invite_codes


def running_order(demo_parsed: Any, round_code: str) -> list[str]:
    slots = [e.item for e in demo_parsed[0].slots if e.item.round_code == round_code]
    return [s.team_code for s in sorted(slots, key=lambda s: s.position)]


async def reimport(
    telegram: Telegram, demo_parsed: Any, round_code: str, change: Callable[[Slot], Slot | None]
) -> None:
    """Imports the demo again with each slot of `round_code` changed (or dropped) by `change`."""
    draft, problems = demo_parsed
    slots = []
    for entry in draft.slots:
        item = change(entry.item) if entry.item.round_code == round_code else entry.item
        if item is not None:
            slots.append(Located(item, entry.row))
    result = await import_contest(database(telegram).unit_of_work, replace(draft, slots=slots),
                                  problems, new_invite_code=invite_codes(),
                                  views=BotViews())  # fmt: skip
    assert not result.problems
    telegram.clock.moment += timedelta(minutes=1)  # past the contest cache's check interval


async def reverse_running_order(telegram: Telegram, demo_parsed: Any, round_code: str) -> None:
    order = running_order(demo_parsed, round_code)
    swap = dict(zip(order, reversed(order), strict=True))
    await reimport(telegram, demo_parsed, round_code,
                   lambda s: replace(s, team_code=swap[s.team_code or ""]))  # fmt: skip


async def reimport_people(
    telegram: Telegram, demo_parsed: Any, change: Callable[[Person], Person]
) -> None:
    """Imports the demo again with every person changed by `change`."""
    draft, problems = demo_parsed
    people = [Located(change(entry.item), entry.row) for entry in draft.people]
    result = await import_contest(database(telegram).unit_of_work, replace(draft, people=people),
                                  problems, new_invite_code=invite_codes(),
                                  views=BotViews())  # fmt: skip
    assert not result.problems
    telegram.clock.moment += timedelta(minutes=1)
