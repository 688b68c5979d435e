"""Cross-row checks of a contest draft: duplicates, references, roles, programme, questions.

Every check reports all it finds; nothing stops at the first problem.
"""

from collections.abc import Iterator, Sequence, Set

from bot.domain.contest import Person
from bot.domain.draft import Coded, ContestDraft, Located
from bot.domain.enums import Role, RoundKind
from bot.domain.problems import N_, Problem, Sheet
from bot.domain.question_rules import question_problems
from bot.domain.questions import Question
from bot.domain.schedule_rules import schedule_problems

REFERENCED_SHEET = {
    "track": Sheet.TRACKS,
    "team": Sheet.TEAMS,
    "venue": Sheet.VENUES,
    "round": Sheet.ROUNDS,
}


def validate(draft: ContestDraft) -> list[Problem]:
    problems: list[Problem] = []
    contest = draft.contest
    if contest is None:
        if Sheet.CONTEST not in draft.missing_sheets:
            problems.append(Problem(N_("the contest itself is missing"), sheet=Sheet.CONTEST))
    elif contest.starts_on and contest.ends_on and contest.ends_on < contest.starts_on:
        problems.append(Problem(N_("the end date is before the start date"), sheet=Sheet.CONTEST))
    for sheet, located in (
        (Sheet.VENUES, draft.venues),
        (Sheet.TRACKS, draft.tracks),
        (Sheet.TEAMS, draft.teams),
        (Sheet.PEOPLE, draft.people),
        (Sheet.ROUNDS, draft.rounds),
    ):
        problems.extend(_duplicate_codes(sheet, located))
    problems.extend(_reference_problems(draft))
    problems.extend(_people_problems(draft.people))
    problems.extend(_judge_problems(draft))
    problems.extend(schedule_problems(draft))
    tracks = None
    if Sheet.TRACKS not in draft.missing_sheets:
        tracks = draft.known_codes(Sheet.TRACKS, draft.tracks)
    problems.extend(question_bank_problems(draft.questions, tracks))
    return sorted(problems, key=lambda p: p.sort_key)


def question_bank_problems(
    questions: Sequence[Located[Question]], tracks: Set[str] | None
) -> list[Problem]:
    """Duplicate codes, unknown tracks and ill-formed questions of the Questions sheet.

    `tracks` are the codes a question may name; None when they are not known (their sheet is
    missing, which is reported on its own), and then no track reference is reported.
    """
    problems = list(_duplicate_codes(Sheet.QUESTIONS, questions))
    for entry in questions:
        track = entry.item.track_code
        if tracks is not None and track is not None and track not in tracks:
            problems.append(
                Problem(
                    N_("track '{value}' does not exist"),
                    {"value": track},
                    Sheet.QUESTIONS,
                    entry.row,
                    "track",
                )
            )
        problems.extend(
            Problem(message, params, Sheet.QUESTIONS, entry.row, column)
            for column, message, params in question_problems(entry.item)
        )
    return sorted(problems, key=lambda p: p.sort_key)


def _duplicate_codes(sheet: Sheet, located: Sequence[Located[Coded]]) -> Iterator[Problem]:
    first_row: dict[str, int] = {}
    for entry in located:
        code = entry.item.code
        if code in first_row:
            yield Problem(
                N_("duplicate code '{code}' (first used in row {first_row})"),
                {"code": code, "first_row": first_row[code]},
                sheet,
                entry.row,
                "code",
            )
        else:
            first_row[code] = entry.row


def _reference_problems(draft: ContestDraft) -> Iterator[Problem]:
    venues = draft.known_codes(Sheet.VENUES, draft.venues)
    tracks = draft.known_codes(Sheet.TRACKS, draft.tracks)
    teams = draft.known_codes(Sheet.TEAMS, draft.teams)
    rounds = draft.known_codes(Sheet.ROUNDS, draft.rounds)

    def missing(
        sheet: Sheet, row: int, column: str, value: str | None, known: set[str]
    ) -> Iterator[Problem]:
        target = REFERENCED_SHEET[column]
        if value is not None and value not in known and target not in draft.missing_sheets:
            message = {
                "track": N_("track '{value}' does not exist"),
                "team": N_("team '{value}' does not exist"),
                "venue": N_("venue '{value}' does not exist"),
                "round": N_("round '{value}' does not exist"),
            }[column]
            yield Problem(message, {"value": value}, sheet, row, column)

    for team in draft.teams:
        yield from missing(Sheet.TEAMS, team.row, "track", team.item.track_code, tracks)
    for person in draft.people:
        yield from missing(Sheet.PEOPLE, person.row, "team", person.item.team_code, teams)
    for round_ in draft.rounds:
        yield from missing(Sheet.ROUNDS, round_.row, "track", round_.item.track_code, tracks)
        yield from missing(Sheet.ROUNDS, round_.row, "venue", round_.item.venue_code, venues)
    for slot in draft.slots:
        yield from missing(Sheet.SCHEDULE, slot.row, "round", slot.item.round_code, rounds)
        yield from missing(Sheet.SCHEDULE, slot.row, "team", slot.item.team_code, teams)
        yield from missing(Sheet.SCHEDULE, slot.row, "venue", slot.item.venue_code, venues)


def _people_problems(people: Sequence[Located[Person]]) -> Iterator[Problem]:
    invite_rows: dict[str, Located[Person]] = {}
    names_in_team: dict[tuple[str, str], int] = {}
    leaders: dict[str, Located[Person]] = {}
    seats: dict[tuple[str, int], Located[Person]] = {}
    for entry in people:
        person, row = entry.item, entry.row

        def problem(message: str, column: str, **params: str | int) -> Problem:
            return Problem(message, params, Sheet.PEOPLE, row, column)  # noqa: B023

        if person.role.belongs_to_team and person.team_code is None:
            yield problem(N_("contestants and leaders must belong to a team"), "team")
        if not person.role.belongs_to_team and person.team_code is not None:
            yield problem(N_("only contestants and leaders belong to a team"), "team")
        if person.seat is not None and person.role is not Role.CONTESTANT:
            yield problem(N_("only contestants have a seat"), "seat")
        if person.invite_code:
            first = invite_rows.setdefault(person.invite_code, entry)
            if first is not entry:
                yield problem(
                    N_("invite code '{code}' is already used by {person} (row {first_row})"),
                    "invite_code",
                    code=person.invite_code,
                    person=first.item.name,
                    first_row=first.row,
                )
        if person.team_code is None:
            continue
        first_row = names_in_team.setdefault((person.team_code, person.name), row)
        if first_row != row:
            yield problem(
                N_("{name} already appears in team '{team}' (row {first_row})"),
                "name",
                name=person.name,
                team=person.team_code,
                first_row=first_row,
            )
        if person.role is Role.LEADER:
            leader = leaders.setdefault(person.team_code, entry)
            if leader is not entry:
                yield problem(
                    N_("team '{team}' already has a leader: {leader} (row {first_row})"),
                    "role",
                    team=person.team_code,
                    leader=leader.item.name,
                    first_row=leader.row,
                )
        if person.seat is not None and person.role is Role.CONTESTANT:
            holder = seats.setdefault((person.team_code, person.seat), entry)
            if holder is not entry:
                yield problem(
                    N_("seat {seat} of team '{team}' is taken by {person} (row {first_row})"),
                    "seat",
                    seat=person.seat,
                    team=person.team_code,
                    person=holder.item.name,
                    first_row=holder.row,
                )


def _judge_problems(draft: ContestDraft) -> Iterator[Problem]:
    """Only judges have assignments, and they name tracks and showcase rounds that exist."""
    tracks = draft.known_codes(Sheet.TRACKS, draft.tracks)
    rounds = {entry.item.code: entry.item for entry in draft.rounds}
    unreadable_rounds = draft.unreadable.get(Sheet.ROUNDS, set())
    for entry in draft.people:
        person, row = entry.item, entry.row

        def problem(message: str, column: str, **params: str | int) -> Problem:
            return Problem(message, params, Sheet.PEOPLE, row, column)  # noqa: B023

        if person.role is not Role.JUDGE:
            for column in ("judge_tracks", "judge_rounds"):
                if getattr(person, column):
                    yield problem(N_("only judges are assigned what to score"), column)
            continue
        if Sheet.TRACKS not in draft.missing_sheets:
            for code in person.judge_tracks:
                if code not in tracks:
                    yield problem(N_("track '{value}' does not exist"), "judge_tracks", value=code)
        if Sheet.ROUNDS in draft.missing_sheets:
            continue
        for code in person.judge_rounds:
            found = rounds.get(code)
            if found is None and code not in unreadable_rounds:
                yield problem(N_("round '{value}' does not exist"), "judge_rounds", value=code)
            elif found is not None and found.kind is not RoundKind.SHOWCASE:
                yield problem(
                    N_("round '{value}' is not a showcase round: judges score the showcase"),
                    "judge_rounds",
                    value=code,
                )
