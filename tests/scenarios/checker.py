"""The contradiction checker: each outgoing message, compared with the live state when it is sent.

It reads the state as the bot would (the stage events replayed into the round's forecast, the
scores and publications stored), so it knows nothing the bot could not have known:

- a turn reminder or an escalation for a team that is already called, on stage, done or absent
  (an "on stage" reminder for a team that is not on stage); the edits and notices saying who
  acknowledged a turn state a fact and are not checked;
- "teams before you" in an answer about a round the team is already called in or done with;
- a result before its round is published; a missing score ("–") in a result; a rank for a
  contestant or team that has no score.

Messages are classified by their outbox key, else by the catalog messages they render.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from functools import cache

from bot.domain.contest import Person, Round
from bot.domain.enums import Locale, RoundKind
from bot.domain.problems import N_
from bot.domain.scoring.rules import ScoringRules
from bot.domain.snapshot import ContestSnapshot
from bot.domain.timeline import SlotState
from bot.i18n import translator
from bot.services.contest_cache import ContestCache
from bot.services.ports import UnitOfWork, UnitOfWorkFactory
from bot.services.reminders import rounds_now
from bot.texts.texts import Texts

MISSING = "–"  # how a score not yet there is rendered
TEAMS_BEFORE = N_("Running order: No. {position} of {size}; teams before you: {before}.")
RANKED = {
    RoundKind.THEORY: N_("Your theory score: {score} (rank {rank} of {count} in your track)."),
    RoundKind.SHOWCASE: N_("Your team's showcase score: {score} (rank {rank} of {count} teams)."),
}


@dataclass(frozen=True, slots=True)
class Contradiction:
    at: datetime
    chat_id: int
    key: str | None
    why: str
    text: str


@cache
def _pattern(msgid: str) -> list[re.Pattern[str]]:
    """The msgid as rendered in each locale, its placeholders as wildcards."""
    found = []
    for locale in Locale:
        template = re.escape(translator(locale)(msgid))
        found.append(re.compile(re.sub(r"\\\{(\w+)\\\}", r"(?P<\1>.+?)", template)))
    return found


def matches(msgid: str, text: str) -> list[re.Match[str]]:
    return [m for pattern in _pattern(msgid) if (m := pattern.search(text))]


def renders(msgid: str, text: str) -> bool:
    return bool(matches(msgid, text))


class Checker:
    """Call `check` just before a message leaves; `found` collects what contradicted the state."""

    def __init__(
        self,
        unit_of_work: UnitOfWorkFactory,
        contests: ContestCache,
        people: dict[int, Person],
        rules: ScoringRules,
    ) -> None:
        self._unit_of_work = unit_of_work
        self._contests = contests
        self.people = people  # chat id → person, as they join
        self._rules = rules
        self.found: list[Contradiction] = []
        self.checked = 0
        self._replies: list[tuple[datetime, int, str]] = []

    async def reply(self, now: datetime, chat_id: int, key: str | None, text: str) -> None:
        """A direct reply, checked once its update is handled (the handler's transaction may
        still hold the database while it answers)."""
        if chat_id in self.people and renders(TEAMS_BEFORE, text):
            self._replies.append((now, chat_id, text))

    async def flush(self) -> None:
        replies, self._replies = self._replies, []
        for now, chat_id, text in replies:
            await self.check(now, chat_id, None, text)

    async def check(self, now: datetime, chat_id: int, key: str | None, text: str) -> None:
        """A delivery from the outbox (`key`), or a direct reply (None)."""
        self.checked += 1
        async with self._unit_of_work() as uow:
            snapshot = await self._contests.get(uow)
            assert snapshot is not None
            reasons = await self._reasons(uow, snapshot, now, chat_id, key, text)
        self.found += [Contradiction(now, chat_id, key, why, text) for why in reasons]

    async def _reasons(
        self,
        uow: UnitOfWork,
        snapshot: ContestSnapshot,
        now: datetime,
        chat_id: int,
        key: str | None,
        text: str,
    ) -> list[str]:
        parts = (key or "").split(":")
        if parts[0] == "turn":
            return await self._turn(uow, snapshot, now, parts, text)
        if parts[0] in ("result", "standings"):
            return await self._result(uow, snapshot, chat_id, parts[1], text)
        person = self.people.get(chat_id)
        if key is None and person is not None:
            return await self._teams_before(uow, snapshot, now, person, text)
        return []

    async def _turn(
        self,
        uow: UnitOfWork,
        snapshot: ContestSnapshot,
        now: datetime,
        parts: list[str],
        text: str,
    ) -> list[str]:
        round_code, position, team, kind = parts[1], int(parts[2]), parts[3], parts[4]
        if kind == "acknowledged" or parts[-1] == "ack":
            return []  # who acknowledged the turn: a fact of the past, not a call to act
        for round_ in await rounds_now(uow, snapshot, now):
            eta = round_.etas.get(position) if round_.code == round_code else None
            if eta is None or eta.team_code != team:
                continue
            state = eta.state
            if kind == "on_stage" and len(parts) == 5:
                return [] if state is SlotState.ON_STAGE else [f"on stage while {state}"]
            if state is not SlotState.WAITING:
                return [f"{':'.join(parts[4:])} for {team} while {state}"]
            expected = Texts(Locale.EN, snapshot.zone).clock(eta.expected_start)
            if len(parts) == 5 and expected not in text:
                return [f"{kind} for {team} does not name the forecast time {expected}"]
        return []

    async def _teams_before(
        self,
        uow: UnitOfWork,
        snapshot: ContestSnapshot,
        now: datetime,
        person: Person,
        text: str,
    ) -> list[str]:
        """An answer naming a round and how many teams are before the asker's team in it (the
        count is about the round named last before it: an answer may first say the team has
        finished one round, then count the teams before it in the next)."""
        said = next(iter(matches(TEAMS_BEFORE, text)))
        about = _round_named_before(snapshot, text[: said.start()])
        found = []
        for round_ in await rounds_now(uow, snapshot, now):
            if round_.code != about:
                continue
            live = any(record.started_at for record in round_.progress.records)
            for eta in round_.etas.values():
                if eta.team_code != person.team_code:
                    continue
                if eta.state is not SlotState.WAITING:
                    found.append(f"teams before {eta.team_code} in {round_.code} while {eta.state}")
                elif live and int(said["before"]) != eta.teams_before:
                    found.append(
                        f"{said['before']} teams before {eta.team_code}, live: {eta.teams_before}"
                    )
        return found

    async def _result(
        self, uow: UnitOfWork, snapshot: ContestSnapshot, chat_id: int, round_code: str, text: str
    ) -> list[str]:
        found = []
        if await uow.publications.version(round_code) == 0:
            found.append(f"result of {round_code} before it is published")
        if MISSING in text:
            found.append("a missing score")
        person, round_ = self.people.get(chat_id), snapshot.rounds.get(round_code)
        ranked = round_ is not None and round_.kind in RANKED
        if person is not None and round_ is not None and ranked:
            shows_rank = renders(RANKED[round_.kind], text)
            if shows_rank and not await self._scored(uow, round_, person):
                found.append(f"a rank for {person.code}, who has no {round_.kind} score")
        return found

    async def _scored(self, uow: UnitOfWork, round_: Round, person: Person) -> bool:
        if round_.kind is RoundKind.THEORY:
            return person.code in await uow.scores.theory()
        judges = (await uow.scores.showcase(round_.code)).get(person.team_code or "", {})
        return len(judges) > self._rules.showcase_drop_highest + self._rules.showcase_drop_lowest


def _round_named_before(snapshot: ContestSnapshot, text: str) -> str | None:
    """The code of the round whose name (in any locale) occurs last in `text`."""
    last: tuple[int, int, str] | None = None
    for code, spec in snapshot.rounds.items():
        for locale in Locale:
            name = Texts(locale, snapshot.zone).name(spec.name, spec.name_en)
            at = text.rfind(name)
            if at >= 0 and (last is None or (at, len(name)) > last[:2]):
                last = (at, len(name), code)
    return last[2] if last else None


def summary(found: Iterable[Contradiction]) -> list[str]:
    return [f"{c.at:%H:%M} chat {c.chat_id} {c.key}: {c.why}" for c in found]
