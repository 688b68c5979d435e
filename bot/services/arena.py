"""The scorekeeper's arena: events recorded live, checked against the rules, undone if wrong.

Each recording names the board version it was made on (how many events the round had had), so
a double tap or a repeated update records nothing the second time.
"""

from datetime import datetime

from bot.domain.audit import AuditAction
from bot.domain.problems import N_
from bot.domain.scoring.arena import ArenaEvent, MandatoryAnswer, RiskPick, check_events
from bot.domain.scoring.errors import ScoringError
from bot.domain.scoring.rules import ScoringRules
from bot.services.audit import record
from bot.services.ports import UnitOfWork

STALE = N_("The board had changed; here it is as it is now.")


def describe(event: ArenaEvent) -> dict[str, str | int | None]:
    """The event as the audit trail keeps it."""
    if isinstance(event, MandatoryAnswer):
        outcome = "correct" if event.correct else "wrong"
        return {"team": event.team, "kind": "mandatory", "person": event.person, "outcome": outcome}
    if isinstance(event, RiskPick):
        return {"team": event.team, "kind": "risk", "tier": int(event.tier),
                "outcome": event.outcome.value}  # fmt: skip
    return {"team": event.team, "kind": "buzz", "outcome": event.outcome.value}


async def record_event(
    uow: UnitOfWork,
    round_code: str,
    event: ArenaEvent,
    version: int,
    who: str,
    now: datetime,
    rules: ScoringRules,
) -> None:
    if await uow.arena.count(round_code) != version:
        raise ScoringError(STALE)
    check_events([*await uow.arena.events(round_code), event], rules)
    facts = describe(event)
    tier = facts.get("tier")
    person = facts.get("person")
    await uow.arena.add(
        round_code, event.team, str(facts["kind"]), str(facts["outcome"]),
        str(person) if person else None, int(tier) if isinstance(tier, int) else None, now,
    )  # fmt: skip
    await record(uow, now, who, AuditAction.ARENA_EVENT, f"arena:{round_code}", after=facts)


async def undo_last(
    uow: UnitOfWork, round_code: str, version: int, who: str, now: datetime
) -> ArenaEvent | None:
    if await uow.arena.count(round_code) != version:
        raise ScoringError(STALE)
    undone = await uow.arena.undo_last(round_code)
    if undone is not None:
        await record(uow, now, who, AuditAction.ARENA_UNDONE, f"arena:{round_code}",
                     before=describe(undone))  # fmt: skip
    return undone
