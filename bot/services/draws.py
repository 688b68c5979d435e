"""The running-order draw: commit to a secret seed, reveal it with the order, verify."""

import secrets
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime

from bot.domain.audit import AuditAction
from bot.domain.contest import ContestData
from bot.domain.draw import Draw, DrawCheck, commitment, draw_order, verify
from bot.domain.enums import Locale, Role
from bot.domain.outbox import Priority
from bot.domain.problems import N_
from bot.domain.snapshot import ContestSnapshot
from bot.services.audit import actor, record
from bot.services.ports import DrawViews, UnitOfWork
from bot.services.readers import readers
from bot.services.schedule_notices import notify_changes

# Who hears about a draw besides the teams drawn: those who run and oversee the contest.
OVERSEERS = {Role.ORGANIZER, Role.AUDITOR, Role.JUDGE}


class DrawError(Exception):
    def __init__(self, message: str, **params: str) -> None:
        super().__init__(message)
        self.message, self.params = message, params


async def commit_draw(
    uow: UnitOfWork, snapshot: ContestSnapshot, round_code: str, person_id: int | None,
    now: datetime, views: DrawViews,
) -> Draw:  # fmt: skip
    """Publishes the commitment; committing again before the reveal returns the same draw."""
    teams = _teams(snapshot.data, round_code)
    if not teams:
        raise DrawError(N_("{round} has no team turns to draw."), round=round_code)
    latest = await uow.draws.latest(round_code)
    if latest is not None and latest.order is None and list(latest.teams) == teams:
        return latest  # a commitment for other teams (the programme changed) is superseded
    seed = secrets.token_hex(32)
    draw = await uow.draws.add(round_code, commitment(seed), seed, teams, now, person_id)
    await record(
        uow, now, actor(snapshot, person_id), AuditAction.DRAW_COMMITTED, f"draw:{round_code}",
        after={"draw": draw.id, "commitment": draw.commitment, "teams": ",".join(teams)},
    )  # fmt: skip
    await _announce(uow, snapshot, draw, "commitment", views.draw_commitment, now)
    return draw


async def reveal_draw(
    uow: UnitOfWork,
    snapshot: ContestSnapshot,
    round_code: str,
    now: datetime,
    views: DrawViews,
    person_id: int | None = None,
) -> Draw:
    """Draws the order from the seed, gives the teams their slots, publishes seed and order."""
    draw = await uow.draws.latest(round_code)
    if draw is None:
        raise DrawError(N_("No draw of {round} has been committed yet."), round=round_code)
    if draw.order is not None:
        return draw
    # The stored contest, not the cached snapshot: an import made meanwhile must not be undone.
    old = await uow.contest.load()
    if old is None or list(draw.teams) != _teams(old, round_code):
        raise DrawError(
            N_("The teams of {round} changed after the commitment; commit a new draw."),
            round=round_code,
        )
    order = draw_order(draw.seed, draw.teams)
    new = _with_order(old, round_code, order)
    await uow.contest.replace(new)
    await uow.draws.reveal(draw.id, order, now)
    await record(
        uow, now, actor(snapshot, person_id), AuditAction.DRAW_REVEALED, f"draw:{round_code}",
        after={"draw": draw.id, "seed": draw.seed, "order": ",".join(order)},
    )  # fmt: skip
    revealed = replace(draw, order=tuple(order), revealed_at=now)
    fresh = await uow.contest.load()
    assert fresh is not None
    await notify_changes(uow, old, fresh, now, views)
    await _announce(uow, snapshot, revealed, "reveal", views.draw_reveal, now)
    return revealed


async def verify_draw(uow: UnitOfWork, round_code: str) -> tuple[Draw, DrawCheck]:
    draw = await uow.draws.latest(round_code)
    if draw is None or draw.order is None:
        raise DrawError(N_("No draw of {round} has been revealed yet."), round=round_code)
    return draw, verify(draw.seed, draw.commitment, draw.teams, draw.order)


def _teams(data: ContestData, round_code: str) -> list[str]:
    return sorted({s.team_code for s in data.slots if s.round_code == round_code and s.team_code})


def _with_order(data: ContestData, round_code: str, order: list[str]) -> ContestData:
    """The round's team slots, in position order, go to the teams in drawn order."""
    turns = sorted(
        (s for s in data.slots if s.round_code == round_code and s.team_code),
        key=lambda s: s.position,
    )
    drawn = dict(zip((s.key for s in turns), order, strict=True))
    slots = tuple(replace(s, team_code=drawn[s.key]) if s.key in drawn else s for s in data.slots)
    return replace(data, slots=slots)


async def _announce(
    uow: UnitOfWork,
    snapshot: ContestSnapshot,
    draw: Draw,
    stage: str,
    render: Callable[[Locale, ContestSnapshot, Draw], str],
    now: datetime,
) -> None:
    """The drawn teams and those who oversee the contest hear each stage of the draw once."""
    people = [p for p in snapshot.data.people if p.role in OVERSEERS or p.team_code in draw.teams]
    key = f"draw:{draw.id}:{stage}"
    deliveries = [
        reader.message(key, render(reader.locale, snapshot, draw), Priority.RESULT)
        for reader in await readers(uow, snapshot, people)
    ]
    await uow.outbox.enqueue(deliveries, now)
