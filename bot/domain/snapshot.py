"""The contest indexed for answering questions fast; built once per import, then only read."""

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from zoneinfo import ZoneInfo

from bot.domain.contest import ContestData, Person, Round, Slot, Team, Track, Venue
from bot.domain.interpreter import Vocabulary, build_vocabulary
from bot.domain.questions import Question
from bot.domain.status_memo import StatusMemo


@dataclass(frozen=True, slots=True)
class ContestSnapshot:
    data: ContestData
    revision: int
    zone: ZoneInfo
    people: Mapping[int, Person]
    teams: Mapping[str, Team]
    tracks: Mapping[str, Track]
    rounds: Mapping[str, Round]
    rounds_by_id: Mapping[int, Round]
    questions: Mapping[str, Question]
    questions_by_id: Mapping[int, Question]
    venues: Mapping[str, Venue]
    # Every slot in time order; per team its own slots plus its track's sessions for everyone.
    slots: tuple[Slot, ...]
    team_slots: Mapping[str, tuple[Slot, ...]]
    round_slots: Mapping[str, tuple[Slot, ...]]
    members: Mapping[str, tuple[Person, ...]]
    days: tuple[date, ...]
    vocabulary: Vocabulary
    # Round statuses remembered between answers (bot/domain/status_memo.py).
    statuses: StatusMemo

    @classmethod
    def build(cls, data: ContestData, revision: int) -> "ContestSnapshot":
        zone = ZoneInfo(data.contest.timezone)
        rounds = {r.code: r for r in data.rounds}
        slots = tuple(sorted(data.slots, key=lambda s: (s.starts_at, s.round_code, s.position)))
        by_round: dict[str, list[Slot]] = defaultdict(list)
        for slot in slots:
            by_round[slot.round_code].append(slot)
        team_slots = {
            team.code: tuple(
                s
                for s in slots
                if s.team_code == team.code
                or (
                    s.team_code is None
                    and rounds[s.round_code].track_code in (None, team.track_code)
                )
            )
            for team in data.teams
        }
        round_slots = {
            code: tuple(sorted(items, key=lambda s: s.position)) for code, items in by_round.items()
        }
        members: dict[str, list[Person]] = defaultdict(list)
        for person in data.people:
            if person.team_code:
                members[person.team_code].append(person)
        return cls(
            data=data,
            revision=revision,
            zone=zone,
            people={p.id: p for p in data.people if p.id is not None},
            teams={t.code: t for t in data.teams},
            tracks={t.code: t for t in data.tracks},
            rounds=rounds,
            rounds_by_id={r.id: r for r in data.rounds if r.id is not None},
            questions={q.code: q for q in data.questions},
            questions_by_id={q.id: q for q in data.questions if q.id is not None},
            venues={v.code: v for v in data.venues},
            slots=slots,
            team_slots=team_slots,
            round_slots=round_slots,
            members={
                code: tuple(sorted(people, key=lambda p: (p.seat is None, p.seat or 0, p.name)))
                for code, people in members.items()
            },
            days=tuple(sorted({s.starts_at.astimezone(zone).date() for s in slots})),
            vocabulary=build_vocabulary(data),
            statuses=StatusMemo(round_slots),
        )

    def venue_of(self, slot: Slot) -> Venue | None:
        code = slot.venue(self.rounds[slot.round_code])
        return self.venues.get(code) if code else None

    def local_day(self, slot: Slot) -> date:
        return slot.starts_at.astimezone(self.zone).date()


def _concerns(slot: Slot, team: Team, rounds: Mapping[str, Round]) -> bool:
    if slot.team_code is not None:
        return slot.team_code == team.code
    return rounds[slot.round_code].track_code in (None, team.track_code)
