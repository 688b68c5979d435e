"""Checks of the programme: running-order keys, venues used twice, teams in two places."""

from collections import defaultdict
from collections.abc import Iterator, Sequence
from datetime import timedelta

from bot.domain.contest import Slot
from bot.domain.draft import ContestDraft, Located
from bot.domain.problems import N_, Problem, Sheet


def schedule_problems(draft: ContestDraft) -> Iterator[Problem]:
    rounds = {entry.item.code: entry.item for entry in draft.rounds}
    team_tracks = {entry.item.code: entry.item.track_code for entry in draft.teams}
    positions: dict[tuple[str, int], int] = {}
    by_venue: dict[str, list[Located[Slot]]] = defaultdict(list)
    by_team: dict[str, list[Located[Slot]]] = defaultdict(list)
    for entry in draft.slots:
        slot, row = entry.item, entry.row
        first_row = positions.setdefault(slot.key, row)
        if first_row != row:
            yield Problem(
                N_("position {position} of round '{round}' is already used in row {first_row}"),
                {"position": slot.position, "round": slot.round_code, "first_row": first_row},
                Sheet.SCHEDULE,
                row,
                "position",
            )
        if slot.duration <= timedelta(0):
            yield Problem(N_("the duration must be positive"), {}, Sheet.SCHEDULE, row, "duration")
        round_ = rounds.get(slot.round_code)
        venue = slot.venue(round_) if round_ else slot.venue_code
        if venue:
            by_venue[venue].append(entry)
        if slot.team_code:
            by_team[slot.team_code].append(entry)
            team_track = team_tracks.get(slot.team_code)
            if round_ and round_.track_code and team_track and team_track != round_.track_code:
                yield Problem(
                    N_("team '{team}' is in track '{team_track}' but the round is for '{track}'"),
                    {"team": slot.team_code, "team_track": team_track, "track": round_.track_code},
                    Sheet.SCHEDULE,
                    row,
                    "team",
                )
    for venue, slots in by_venue.items():
        for entry, other in _overlaps(slots):
            yield Problem(
                N_("overlaps row {other_row} in venue '{venue}'"),
                {"other_row": other.row, "venue": venue},
                Sheet.SCHEDULE,
                entry.row,
                "starts_at",
            )
    for team, slots in by_team.items():
        for entry, other in _overlaps(slots):
            yield Problem(
                N_("team '{team}' is already scheduled at this time in row {other_row}"),
                {"other_row": other.row, "team": team},
                Sheet.SCHEDULE,
                entry.row,
                "starts_at",
            )


def _overlaps(slots: Sequence[Located[Slot]]) -> Iterator[tuple[Located[Slot], Located[Slot]]]:
    """Yields (later, earlier) for each slot that starts before an earlier one has ended."""
    ordered = sorted(slots, key=lambda e: (e.item.starts_at, e.row))
    running: Located[Slot] | None = None
    for entry in ordered:
        if running is not None and entry.item.starts_at < running.item.ends_at:
            yield entry, running
        if running is None or entry.item.ends_at > running.item.ends_at:
            running = entry
