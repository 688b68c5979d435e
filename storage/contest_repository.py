"""The contest as a whole: load it, or replace it by natural keys. Never commits."""

from collections.abc import Callable, Hashable, Mapping, Sequence
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.domain.changes import Changes, Holding
from bot.domain.contest import Contest, ContestData, plain_values
from bot.domain.problems import Sheet
from storage import contest_mapping as m
from storage import contest_replacement
from storage.models import (
    ContestRow,
    Identified,
    PersonRow,
    QuestionRow,
    RoundRow,
    SlotRow,
    TeamRow,
    TrackRow,
    VenueRow,
)

R = TypeVar("R", bound=Identified)
CONTEST_ID = 1


class SqlContestRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def _all(self, model: type[R]) -> Sequence[R]:
        return (await self._session.scalars(select(model).order_by(model.id))).all()

    async def load_contest(self) -> Contest | None:
        row = await self._session.get(ContestRow, CONTEST_ID)
        return m.contest_from(row) if row else None

    async def load(self) -> ContestData | None:
        contest = await self._session.get(ContestRow, CONTEST_ID)
        if contest is None:
            return None
        venues = [m.venue_from(row) for row in await self._all(VenueRow)]
        tracks = [m.track_from(row) for row in await self._all(TrackRow)]
        venue_codes = {v.id: v.code for v in venues if v.id is not None}
        track_codes = {t.id: t.code for t in tracks if t.id is not None}
        teams = [m.team_from(row, track_codes) for row in await self._all(TeamRow)]
        team_codes = {t.id: t.code for t in teams if t.id is not None}
        rounds = [m.round_from(row, track_codes, venue_codes) for row in await self._all(RoundRow)]
        round_codes = {r.id: r.code for r in rounds if r.id is not None}
        return ContestData(
            contest=m.contest_from(contest),
            venues=tuple(venues),
            tracks=tuple(tracks),
            teams=tuple(teams),
            people=tuple(m.person_from(r, team_codes) for r in await self._all(PersonRow)),
            rounds=tuple(rounds),
            slots=tuple(
                m.slot_from(row, round_codes, team_codes, venue_codes)
                for row in await self._all(SlotRow)
            ),
            questions=tuple(
                m.question_from(row, track_codes) for row in await self._all(QuestionRow)
            ),
        )

    async def invite_codes(self) -> Mapping[str, str]:
        rows = await self._session.execute(select(PersonRow.code, PersonRow.invite_code))
        return {code: invite for code, invite in rows}

    async def replace(self, data: ContestData) -> Mapping[Sheet, Changes]:
        """Upserts parents before children, then deletes what is gone, children first."""
        contest = await self._session.get(ContestRow, CONTEST_ID)
        if contest is None:
            contest = ContestRow(id=CONTEST_ID, revision=0, **m.contest_values(data.contest))
            self._session.add(contest)
            contest_changed = True
        else:
            contest_changed = _assign(contest, m.contest_values(data.contest))
        report: dict[Sheet, Changes] = {}
        stale: list[list[Identified]] = []

        async def sync(
            sheet: Sheet, model: type[R], key: Callable[[Any], Hashable], rows: list[m.Values]
        ) -> dict[str, int]:
            changes, gone, ids = await self._sync(model, key, rows)
            report[sheet] = changes
            stale.append(list(gone))
            return ids

        venues = await sync(
            Sheet.VENUES, VenueRow, _by_code, [plain_values(v) for v in data.venues]
        )
        tracks = await sync(
            Sheet.TRACKS, TrackRow, _by_code, [plain_values(t) for t in data.tracks]
        )
        teams = await sync(
            Sheet.TEAMS, TeamRow, _by_code, [m.team_values(t, tracks) for t in data.teams]
        )
        await sync(
            Sheet.PEOPLE, PersonRow, _by_code, [m.person_values(p, teams) for p in data.people]
        )
        rounds = await sync(
            Sheet.ROUNDS,
            RoundRow,
            _by_code,
            [m.round_values(r, tracks, venues) for r in data.rounds],
        )
        await sync(
            Sheet.SCHEDULE,
            SlotRow,
            lambda v: (v["round_id"], v["position"]),
            [m.slot_values(s, rounds, teams, venues) for s in data.slots],
        )
        await sync(
            Sheet.QUESTIONS,
            QuestionRow,
            _by_code,
            [m.question_values(q, tracks) for q in data.questions],
        )
        for rows in reversed(stale):
            for row in rows:
                await self._session.delete(row)
            await self._session.flush()
        if contest_changed or any(c.added or c.updated or c.removed for c in report.values()):
            contest.revision += 1
            await self._session.flush()
        return report

    async def holdings(self) -> Mapping[Holding, int]:
        return await contest_replacement.holdings(self._session)

    async def remove_all(self) -> None:
        await contest_replacement.remove_contest_data(self._session)

    async def revision(self) -> int | None:
        """Changes whenever an import changes anything; None before the first import."""
        found: int | None = await self._session.scalar(
            select(ContestRow.revision).where(ContestRow.id == CONTEST_ID)
        )
        return found

    async def _sync(
        self, model: type[R], key: Callable[[Any], Hashable], incoming: list[m.Values]
    ) -> tuple[Changes, list[R], dict[str, int]]:
        existing = {key(vars(row)): row for row in await self._all(model)}
        added = updated = 0
        kept: dict[Hashable, R] = {}
        for values in incoming:
            row = existing.get(key(values))
            if row is None:
                row = model(**values)
                self._session.add(row)
                added += 1
            elif _assign(row, values):
                updated += 1
            kept[key(values)] = row
        await self._session.flush()
        gone = [row for k, row in existing.items() if k not in kept]
        # Natural key -> id, for the children that refer to these rows.
        codes = {k: row.id for k, row in kept.items() if isinstance(k, str)}
        unchanged = len(incoming) - added - updated
        return Changes(added, updated, len(gone), unchanged), gone, codes


def _by_code(values: Mapping[str, Any]) -> Hashable:
    code: str = values["code"]
    return code


def _assign(row: Identified, values: Mapping[str, Any]) -> bool:
    changed = False
    for name, value in values.items():
        if getattr(row, name) != value:
            setattr(row, name, value)
            changed = True
    return changed
