"""The programme changes from the indexed programme equal those of a scan per team."""

from collections import defaultdict
from dataclasses import replace
from datetime import timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.domain.contest import ContestData, Round, Slot, Team
from bot.domain.schedule_changes import Appointment as Entry
from bot.domain.schedule_changes import TeamChange, _appointment, _pair, _sort_key, team_changes


def scanned_appointments(data: ContestData, team: Team) -> dict[str, list[Entry]]:
    """The former algorithm, kept as the oracle: every slot looked at for every team."""
    rounds = {r.code: r for r in data.rounds}
    by_round: dict[str, list[Entry]] = defaultdict(list)
    for slot in data.slots:
        round_ = rounds.get(slot.round_code)
        if concerns(slot, team, round_):
            by_round[slot.round_code].append(_appointment(slot, round_))
    return by_round


def concerns(slot: Slot, team: Team, round_: Round | None) -> bool:
    if slot.team_code is not None:
        return slot.team_code == team.code
    return round_ is not None and round_.track_code in (None, team.track_code)


def scanned_team_changes(old: ContestData, new: ContestData) -> list[TeamChange]:
    old_teams = {t.code: t for t in old.teams}
    changes: list[TeamChange] = []
    for team in new.teams:
        before = scanned_appointments(old, old_teams.get(team.code, team))
        after = scanned_appointments(new, team)
        for round_code in sorted(before.keys() | after.keys()):
            changes.extend(
                TeamChange(team.code, round_code, was, now)
                for was, now in _pair(before.get(round_code, []), after.get(round_code, []))
            )
    return sorted(changes, key=_sort_key)


@st.composite
def edits(draw: st.DrawFn, data: ContestData) -> ContestData:
    """The data with some slots moved, given to another team, dropped or put in another round,
    and some teams moved to another track or left out."""
    teams = [t.code for t in data.teams]
    rounds = [r.code for r in data.rounds] + ["NO-SUCH-ROUND"]
    tracks = sorted({t.track_code for t in data.teams})
    slots = []
    for slot in data.slots:
        match draw(st.integers(0, 9)):
            case 0:
                slot = replace(slot, starts_at=slot.starts_at + timedelta(minutes=30))
            case 1 if slot.team_code is not None:
                slot = replace(slot, team_code=draw(st.sampled_from(teams)))
            case 2:
                continue
            case 3:
                slot = replace(slot, round_code=draw(st.sampled_from(rounds)))
            case _:
                pass
        slots.append(slot)
    kept = []
    for team in data.teams:
        match draw(st.integers(0, 9)):
            case 0:
                kept.append(replace(team, track_code=draw(st.sampled_from(tracks))))
            case 1:
                pass
            case _:
                kept.append(team)
    return replace(data, teams=tuple(kept), slots=tuple(slots))


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(st.data())
def test_indexed_changes_equal_those_of_a_scan_per_team(
    demo_data: ContestData, data: st.DataObject
) -> None:
    old, new = data.draw(edits(demo_data)), data.draw(edits(demo_data))
    assert team_changes(old, new) == scanned_team_changes(old, new)
