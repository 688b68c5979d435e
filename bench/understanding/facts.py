"""What is true at a moment, for writing the corpus's expected facts by hand.

    python -m bench.understanding.facts --contest demo --at d2-1410 [--asker H07-1]

Prints the rounds, the teams, what is on stage and next, and for the asker's team its roster
(with check-ins), each of its turns planned and live, its neighbours in every running order and
the minutes until each turn.
"""

import argparse
from datetime import datetime

from bench.understanding.world import Moment, moments, snapshot
from bot.domain.schedule_views import coming_up, on_stage, slot_statuses
from bot.domain.snapshot import ContestSnapshot


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--contest", default="demo")
    parser.add_argument("--at", required=True)
    parser.add_argument("--asker")
    args = parser.parse_args()
    contest = snapshot(args.contest)
    moment = moments(args.contest)[args.at]
    _contest(contest)
    _now(contest, moment)
    if args.asker:
        _asker(contest, moment, args.asker)


def _clock(contest: ContestSnapshot, moment: datetime) -> str:
    return moment.astimezone(contest.zone).strftime("%m-%d %H:%M")


def _contest(contest: ContestSnapshot) -> None:
    print("# venues")
    for v in contest.data.venues:
        print(f"  {v.code}: {v.name} / {v.name_en} — {v.address}; {v.directions}")
    print("# tracks")
    for t in contest.data.tracks:
        print(f"  {t.code}: {t.name} / {t.name_en}")
    print("# rounds (code: name / name_en, kind, track, venue, printed start–end, slots)")
    for code, slots in contest.round_slots.items():
        r = contest.rounds[code]
        start = min(s.starts_at for s in slots)
        end = max(s.ends_at for s in slots)
        print(
            f"  {code}: {r.name} / {r.name_en}, {r.kind}, track={r.track_code}, "
            f"venue={r.venue_code}, {_clock(contest, start)}–{_clock(contest, end)}, "
            f"{len(slots)} slot(s) of {int(slots[0].duration.total_seconds() // 60)} min"
        )
    print("# teams")
    for team in contest.data.teams:
        print(f"  {team.code}: {team.name} ({team.track_code})")


def _now(contest: ContestSnapshot, moment: Moment) -> None:
    print(f"# now {_clock(contest, moment.now)}; live rounds: {sorted(moment.live) or 'none'}")
    for staged in on_stage(contest, moment.now, moment.live):
        s = staged.slot
        print(
            f"  on stage: {s.round_code} #{s.position} team={s.team_code} "
            f"{staged.status.phase} {_clock(contest, staged.status.starts_at)}–"
            f"{_clock(contest, staged.status.ends_at)}"
        )
    if (nxt := coming_up(contest, moment.now, moment.live)) is not None:
        s = nxt.slot
        print(
            f"  coming up: {s.round_code} #{s.position} team={s.team_code} "
            f"{_clock(contest, nxt.status.starts_at)}"
        )


def _asker(contest: ContestSnapshot, moment: Moment, code: str) -> None:
    person = next(p for p in contest.data.people if p.code == code)
    print(f"# asker {code}: {person.name}, {person.role}, team={person.team_code}")
    if person.team_code is None:
        return
    team = contest.teams[person.team_code]
    print(f"  team {team.code}: {team.name}, track {team.track_code}")
    for member in contest.data.people:
        if member.team_code == team.code:
            seen = "checked in" if member.code in moment.checked_in else "not checked in"
            print(f"  member {member.code}: {member.name} ({member.role}, {seen})")
    statuses = slot_statuses(contest, moment.live, moment.now)
    for slot in contest.team_slots.get(team.code, ()):
        status = statuses[slot.key]
        r = contest.rounds[slot.round_code]
        live = "LIVE" if slot.round_code in moment.live else "plan"
        minutes = int((status.starts_at - moment.now).total_seconds() // 60)
        line = (
            f"  turn {slot.round_code} ({r.name}) [{live}] #{slot.position}/{status.round_size}: "
            f"planned {_clock(contest, slot.starts_at)}–{_clock(contest, slot.ends_at)}, "
            f"now {status.phase} {_clock(contest, status.starts_at)}–"
            f"{_clock(contest, status.ends_at)}, teams before {status.teams_before}, "
            f"starts in {minutes} min"
        )
        print(line)
        if slot.team_code is not None:
            order = [s.team_code for s in contest.round_slots[slot.round_code]]
            i = order.index(team.code)
            before = order[i - 1] if i > 0 else None
            after = order[i + 1] if i + 1 < len(order) else None
            print(f"    team before: {before}, team after: {after}")


if __name__ == "__main__":
    main()
