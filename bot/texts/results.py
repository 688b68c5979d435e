"""What a contestant is told of their result, what followers see of a track, and what an
organizer checks before publishing. Nobody is told a rank without a score: the unscored are
told their result is pending, and every standings view says how many are scored."""

from decimal import Decimal

from bot.domain.contest import Person, Round
from bot.domain.enums import RoundKind
from bot.domain.problems import N_
from bot.domain.scoring.completeness import Completeness
from bot.domain.scoring.ranking import ranks_of
from bot.domain.scoring.standings import IndividualRow, Standings, TeamRow
from bot.domain.snapshot import ContestSnapshot
from bot.texts.texts import Texts, html

SHOWN = 10


class PersonalResults:
    """What each contestant is told of one round: their own result. The rows and the ranks
    among the scored of each track are found once, so that telling everyone is linear."""

    def __init__(self, round_: Round, table: Standings, version: int, done: Completeness) -> None:
        self._round, self._version, self._done = round_, version, done
        self._complete, self._absent = done.complete, set(done.absent)
        self._people = {r.person_code: r for r in table.individuals}
        self._teams = {r.team_code: r for r in table.teams}
        scored = set(done.scored)
        # a theory paper ranks the contestants, a showcase the teams: code → its rank among the
        # scored of its track; track → how many those are
        self._ranks: dict[str, int | None] = {}
        self._ranked: dict[str, int] = {}
        # track → how many of its contestants, and of its teams, have a total
        self._people_totalled: dict[str, int] = {}
        self._teams_totalled: dict[str, int] = {}
        for track in table.tracks:
            people, teams = table.individuals_in(track), table.teams_in(track)
            mine: dict[str, Decimal | None] = {}
            if round_.kind is RoundKind.THEORY:
                mine = {r.person_code: r.theory for r in people if r.person_code in scored}
            elif round_.kind is RoundKind.SHOWCASE:
                mine = {r.team_code: r.showcase for r in teams if r.team_code in scored}
            self._ranks |= ranks_of(mine)
            self._ranked[track] = len(mine)
            self._people_totalled[track] = sum(1 for r in people if r.scored)
            self._teams_totalled[track] = sum(1 for r in teams if r.scored)

    def text(self, t: Texts, person: Person) -> str:
        me = self._people.get(person.code)
        team = self._teams.get(person.team_code) if person.team_code else None
        round_, done = self._round, self._done
        if me is None or team is None:
            return t(N_("No result has been recorded for you in {round}."),
                     round=round_name(t, round_))  # fmt: skip
        lines = [_heading(t, round_, self._version)]
        if round_.kind is RoundKind.THEORY:
            if (rank := self._ranks.get(me.person_code)) is not None:
                lines.append(t(N_("Your theory score: {score} (rank {rank} of {count} in your "
                                  "track)."), score=_score(me.theory), rank=rank,
                               count=self._ranked[me.track_code]))  # fmt: skip
            else:
                lines.append(t(N_("Your theory score is pending.")))
        elif round_.kind is RoundKind.SHOWCASE:
            if team.team_code in self._absent:
                lines.append(t(N_("Your team did not perform in this round, so it has no score.")))
            elif (rank := self._ranks.get(team.team_code)) is not None:
                lines.append(t(N_("Your team's showcase score: {score} (rank {rank} of {count} "
                                  "teams)."), score=_score(team.showcase), rank=rank,
                               count=self._ranked[team.track_code]))  # fmt: skip
            else:
                lines.append(t(N_("Your team's showcase score is pending.")))
        else:
            lines += self._totals(t, me, team)
        if not self._complete:
            lines.append(t(N_("Scored so far: {scored} of {count}; the other results are pending."),
                           scored=len(done.scored), count=len(done.expected)))  # fmt: skip
        return "\n".join(lines)

    def _totals(self, t: Texts, me: IndividualRow, team: TeamRow) -> list[str]:
        lines = []
        if me.rank is None:
            lines.append(t(N_("Your total is pending.")))
        else:
            lines.append(t(N_("Your total: {total} (theory {theory}, practical {practical}), rank "
                              "{rank} of {count} in your track."),
                           total=_score(me.total), theory=_score(me.theory),
                           practical=_score(me.practical), rank=me.rank,
                           count=self._people_totalled[me.track_code]))  # fmt: skip
        if team.rank is None:
            lines.append(t(N_("Your team's total is pending.")))
        else:
            lines.append(t(N_("Your team: {total}, rank {rank} of {count} teams."),
                           total=_score(team.total), rank=team.rank,
                           count=self._teams_totalled[team.track_code]))  # fmt: skip
        return lines


def track_standings(
    t: Texts, snapshot: ContestSnapshot, round_: Round, table: Standings, track_code: str,
    version: int,
) -> str:  # fmt: skip
    return _heading(t, round_, version) + "\n" + standings_lines(t, snapshot, table, track_code)


def standings_lines(
    t: Texts, snapshot: ContestSnapshot, table: Standings, track_code: str, people: bool = False
) -> str:
    """The track's name, how many are scored, its scored teams by rank with their totals,
    then the teams not scored (never with a rank)."""
    track = snapshot.tracks.get(track_code)
    lines = []
    if track is not None:
        lines.append(f"<b>{html(t.name(track.name, track.name_en))}</b>")
    teams = table.teams_in(track_code)
    ranked = [r for r in teams if r.scored]
    lines.append(t(N_("Teams scored: {scored} of {count}."), scored=len(ranked),
                   count=len(teams)))  # fmt: skip
    if people:
        rows = table.individuals_in(track_code)
        lines.append(t(N_("Contestants scored: {scored} of {count}."),
                       scored=sum(1 for r in rows if r.scored), count=len(rows)))  # fmt: skip
    for row in ranked[:SHOWN]:
        lines.append(f"{row.rank}. {team_label(snapshot, row.team_code)} {_score(row.total)}")
    if len(ranked) > SHOWN:
        lines.append(t(N_("… and {count} more"), count=len(ranked) - SHOWN))
    if unscored := [r.team_code for r in teams if not r.scored]:
        lines.append(t(N_("Not scored yet: {teams}"), teams=", ".join(unscored)))
    return "\n".join(lines)


def withdrawal_notice(t: Texts, round_: Round, version: int, reason: str) -> str:
    return t(N_("⚠ <b>Correction</b>: the results of {round} (version {version}) you received "
                "have been withdrawn and are no longer valid. Reason: {reason}. Corrected "
                "results will follow."),
             round=round_name(t, round_), version=version, reason=reason)  # fmt: skip


def preview_text(
    t: Texts, snapshot: ContestSnapshot, round_: Round, done: Completeness, contestants: int,
    followers: int, version: int,
) -> str:  # fmt: skip
    """The organizer's check before publishing: what is in, what is missing, who gets what."""
    lines = [t(N_("<b>Preview of {round}</b> (version {version}, not published yet)"),
               round=round_name(t, round_), version=version)]  # fmt: skip
    lines += completeness_lines(t, snapshot, done)
    lines.append(t(N_("Would receive it: {contestants} contestants (their own result), "
                      "{followers} followers (the standings and the picture)."),
                   contestants=contestants, followers=followers))  # fmt: skip
    if not done.complete:
        lines.append(t(N_("⛔ Incomplete: it is not published unless you publish it anyway; "
                          "the missing results are then told as pending.")))  # fmt: skip
    return "\n".join(lines)


def completeness_lines(t: Texts, snapshot: ContestSnapshot, done: Completeness) -> list[str]:
    lines = [t(N_("Scored: {scored} of {count}."), scored=len(done.scored),
               count=len(done.expected))]  # fmt: skip
    if done.kind is RoundKind.THEORY and not done.sheet_imported:
        lines.append(t(N_("No theory sheet has been imported yet (contest-bot scores import).")))
    people = {p.code: p for p in snapshot.data.people}
    for judge in done.judges:
        person = people.get(judge.judge_code)
        who = f"{judge.judge_code} {person.name}" if person else judge.judge_code
        if judge.missing:
            lines.append(t(N_("Judge {judge}: {scored} scored, missing {missing}"),
                           judge=who, scored=len(judge.scored),
                           missing=_codes(judge.missing)))  # fmt: skip
        else:
            lines.append(t(N_("Judge {judge}: all {scored} scored"), judge=who,
                           scored=len(judge.scored)))  # fmt: skip
    if done.kind is not RoundKind.SHOWCASE and done.missing:
        lines.append(t(N_("Missing: {missing}"), missing=_codes(done.missing)))
    if done.absent:
        lines.append(t(N_("Absent (not expected): {teams}"), teams=_codes(done.absent)))
    return lines


def missing_summary(done: Completeness) -> str:
    """The codes missing, shortened: for a button's label."""
    return _codes(done.missing, 4)


def _codes(codes: tuple[str, ...], shown: int = 12) -> str:
    listed = ", ".join(codes[:shown])
    return listed + (f" … (+{len(codes) - shown})" if len(codes) > shown else "")


def _heading(t: Texts, round_: Round, version: int) -> str:
    if version > 1:
        return t(N_("📊 <b>Correction</b> to the results of {round}:"), round=round_name(t, round_))
    return t(N_("📊 Results of {round} are published:"), round=round_name(t, round_))


def round_name(t: Texts, round_: Round) -> str:
    return t.name(round_.name, round_.name_en)


def _score(value: Decimal | None) -> str:
    return "–" if value is None else f"{value:.2f}"


def team_label(snapshot: ContestSnapshot, code: str) -> str:
    team = snapshot.teams.get(code)
    return f"{code} {team.name}" if team else code
