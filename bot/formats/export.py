"""Contest data as a document of plain values: the shape both writers and readers share."""

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from bot.domain.contest import Contest, ContestData, Person, Round, Slot, Team, plain_values
from bot.domain.enums import QuestionType
from bot.domain.questions import KeyPoint, Question, option_letter
from bot.formats.choices import (
    FALSE_LABEL,
    LOCALE_LABELS,
    QUESTION_TYPE_LABELS,
    ROLE_LABELS,
    ROUND_KIND_LABELS,
    TRUE_LABEL,
    label,
)

Row = dict[str, Any]


def to_document(data: ContestData) -> dict[str, Any]:
    """Keys are the English sheet and column keys; empty optional values are left out."""
    zone = ZoneInfo(data.contest.timezone)
    sheets: dict[str, list[Row]] = {
        "Venues": [plain_values(v) for v in data.venues],
        "Tracks": [plain_values(t) for t in data.tracks],
        "Teams": [_team(t) for t in data.teams],
        "People": [_person(p) for p in data.people],
        "Rounds": [_round(r) for r in data.rounds],
        "Schedule": [_slot(s, zone) for s in data.slots],
        "Questions": [_question(q) for q in data.questions],
    }
    document: dict[str, Any] = {"Contest": _contest(data.contest)}
    document.update({name: [_compact(row) for row in rows] for name, rows in sheets.items()})
    return document


def _compact(row: Row) -> Row:
    return {key: value for key, value in row.items() if value not in (None, "", [], ())}


def _contest(contest: Contest) -> Row:
    return _compact(
        {
            "name": contest.name,
            "timezone": contest.timezone,
            "default_locale": label(contest.default_locale, LOCALE_LABELS),
            "starts_on": contest.starts_on.isoformat() if contest.starts_on else None,
            "ends_on": contest.ends_on.isoformat() if contest.ends_on else None,
            "host": contest.host,
            "description": contest.description,
        }
    )


def _team(team: Team) -> Row:
    return {
        "code": team.code,
        "name": team.name,
        "track": team.track_code,
        "organisation": team.organisation,
    }


def _person(person: Person) -> Row:
    return {
        "code": person.code,
        "name": person.name,
        "role": label(person.role, ROLE_LABELS),
        "team": person.team_code,
        "seat": person.seat,
        "invite_code": person.invite_code,
        "locale": label(person.locale, LOCALE_LABELS) if person.locale else None,
        "judge_tracks": list(person.judge_tracks),
        "judge_rounds": list(person.judge_rounds),
    }


def _round(round_: Round) -> Row:
    return {
        "code": round_.code,
        "name": round_.name,
        "name_en": round_.name_en,
        "kind": label(round_.kind, ROUND_KIND_LABELS),
        "track": round_.track_code,
        "venue": round_.venue_code,
    }


def _slot(slot: Slot, zone: ZoneInfo) -> Row:
    return {
        "round": slot.round_code,
        "position": slot.position,
        "team": slot.team_code,
        "starts_at": local_naive(slot.starts_at, zone),
        "duration": int(slot.duration.total_seconds() // 60),
        "venue": slot.venue_code,
        "title": slot.title,
        "title_en": slot.title_en,
    }


def local_naive(moment: datetime, zone: ZoneInfo) -> datetime:
    """Spreadsheets have no time zones: times are written as wall-clock time of the contest."""
    return moment.astimezone(zone).replace(tzinfo=None)


def _question(question: Question) -> Row:
    return {
        "code": question.code,
        "type": label(question.type, QUESTION_TYPE_LABELS),
        "track": question.track_code,
        "stem": question.stem,
        "options": list(question.options),
        "answer": _answer(question),
        "key_points": [_key_point(point) for point in question.key_points],
        "explanation": question.explanation,
        "source": question.source,
        "topics": list(question.topics),
        "difficulty": question.difficulty,
    }


def _answer(question: Question) -> object:
    if question.type.has_options:
        return "".join(option_letter(index) for index in question.correct_options)
    if question.type is QuestionType.TRUE_FALSE:
        return None if question.truth is None else (TRUE_LABEL if question.truth else FALSE_LABEL)
    if question.type is QuestionType.FILL_IN:
        return [list(alternatives) for alternatives in question.blanks]
    return question.reference_answer


def _key_point(point: KeyPoint) -> Row:
    weight: float | int = int(point.weight) if point.weight.is_integer() else point.weight
    return {"point": point.point, "weight": weight, "synonyms": list(point.synonyms)}
