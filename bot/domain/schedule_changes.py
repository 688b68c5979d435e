"""What a re-import or a draw changed in each team's own programme, to tell the team once."""

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from itertools import zip_longest

from bot.domain.contest import ContestData, Round, Slot, Team

KEY_LIMIT = 128


@dataclass(frozen=True, slots=True)
class Appointment:
    """Where and when a team is expected for one entry of a round."""

    round_code: str
    starts_at: datetime
    venue_code: str | None
    position: int | None

    def _label(self) -> str:
        moment = self.starts_at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        return f"{moment}@{self.venue_code or ''}#{'' if self.position is None else self.position}"


@dataclass(frozen=True, slots=True)
class TeamChange:
    team_code: str
    round_code: str
    old: Appointment | None  # None: newly added
    new: Appointment | None  # None: removed

    @property
    def key(self) -> str:
        """Identifies this change for outbox dedup; at most KEY_LIMIT characters.

        The old appointment is part of the key: after A→B and B→C, a later C→B must still be
        sent, while A→B computed again must not. A key that would be too long is replaced by
        `change:` and the sha256 of the readable form, which cannot collide with a readable key
        (those hold at least three colons).
        """
        old = self.old._label() if self.old else "none"
        new = self.new._label() if self.new else "none"
        readable = f"change:{self.team_code}:{self.round_code}:{old}>{new}"
        if len(readable) <= KEY_LIMIT:
            return readable
        return "change:" + hashlib.sha256(readable.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class ProgrammeNotice:
    """Everything one import or draw changed in a person's programme, told in one message."""

    changes: tuple[TeamChange, ...]

    @property
    def key(self) -> str:
        """A single change keeps its own key; several share one digest of theirs, so the same
        set of changes computed again is not told twice (digests of `changes:` cannot collide
        with a single change's key, which starts with `change:`)."""
        if len(self.changes) == 1:
            return self.changes[0].key
        readable = "\n".join(change.key for change in self.changes)
        return "changes:" + hashlib.sha256(readable.encode("utf-8")).hexdigest()


def notices_by_team(changes: Iterable[TeamChange]) -> dict[str, ProgrammeNotice]:
    """One notice per team, listing all of its changes in programme order."""
    grouped: dict[str, list[TeamChange]] = defaultdict(list)
    for change in changes:
        grouped[change.team_code].append(change)
    return {
        team: ProgrammeNotice(tuple(sorted(found, key=_sort_key)))
        for team, found in grouped.items()
    }


def team_changes(old: ContestData, new: ContestData) -> list[TeamChange]:
    """Per team present in `new`, its own slots and its track's sessions that changed.

    Within a (team, round), appointments identical on both sides are set aside first; the rest
    are paired in start order, and an unpaired one is an addition or a removal. So removing one
    of two slots reports only that removal, not a shift of the other one.
    A team new in `new` is compared against its track's sessions in `old`, so it hears only about
    its own slots, not about sessions that did not change.
    """
    old_teams = {t.code: t for t in old.teams}
    old_programme, new_programme = _Programme(old), _Programme(new)
    changes: list[TeamChange] = []
    for team in new.teams:
        before = old_programme.appointments(old_teams.get(team.code, team))
        after = new_programme.appointments(team)
        for round_code in sorted(before.keys() | after.keys()):
            changes.extend(
                TeamChange(team.code, round_code, was, now)
                for was, now in _pair(before.get(round_code, []), after.get(round_code, []))
            )
    return sorted(changes, key=_sort_key)


def _sort_key(change: TeamChange) -> tuple[str, datetime, str]:
    appointment = change.new or change.old
    assert appointment is not None
    return (change.team_code, appointment.starts_at, change.round_code)


class _Programme:
    """The appointments of a contest's programme, indexed by who they concern: a team's own
    slots by its code, the sessions by their round's track (None: every track). A session of
    an unknown round cannot be placed in any track; validation reports it."""

    def __init__(self, data: ContestData) -> None:
        rounds = {r.code: r for r in data.rounds}
        self._by_team: dict[str, list[tuple[int, Appointment]]] = defaultdict(list)
        self._by_track: dict[str | None, list[tuple[int, Appointment]]] = defaultdict(list)
        for index, slot in enumerate(data.slots):
            round_ = rounds.get(slot.round_code)
            entry = (index, _appointment(slot, round_))
            if slot.team_code is not None:
                self._by_team[slot.team_code].append(entry)
            elif round_ is not None:
                self._by_track[round_.track_code].append(entry)

    def appointments(self, team: Team) -> dict[str, list[Appointment]]:
        """The team's appointments per round, in the order of the programme's slots."""
        tracks = dict.fromkeys([None, team.track_code])
        entries = [e for track in tracks for e in self._by_track.get(track, ())]
        entries += self._by_team.get(team.code, ())
        by_round: dict[str, list[Appointment]] = defaultdict(list)
        for _, appointment in sorted(entries, key=lambda e: e[0]):
            by_round[appointment.round_code].append(appointment)
        return by_round


def _appointment(slot: Slot, round_: Round | None) -> Appointment:
    venue = slot.venue(round_) if round_ else slot.venue_code
    position = slot.position if slot.team_code is not None else None
    return Appointment(slot.round_code, slot.starts_at, venue, position)


def _pair(
    before: list[Appointment], after: list[Appointment]
) -> list[tuple[Appointment | None, Appointment | None]]:
    kept = Counter(before) & Counter(after)
    return list(zip_longest(_unmatched(before, kept), _unmatched(after, kept)))


def _unmatched(
    appointments: list[Appointment], kept: Mapping[Appointment, int]
) -> list[Appointment]:
    left = Counter(kept)
    rest = []
    for appointment in sorted(appointments, key=_order):
        if left[appointment]:
            left[appointment] -= 1
        else:
            rest.append(appointment)
    return rest


def _order(appointment: Appointment) -> tuple[datetime, int]:
    return (appointment.starts_at, appointment.position or 0)
