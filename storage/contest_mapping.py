"""Rows to domain objects and domain objects to column values (codes resolved to ids)."""

from collections.abc import Mapping
from datetime import timedelta
from typing import Any

from bot.domain.contest import Contest, Person, Round, Slot, Team, Track, Venue
from bot.domain.enums import Locale, QuestionType, Role, RoundKind
from bot.domain.questions import KeyPoint, Question
from storage.models import (
    ContestRow,
    PersonRow,
    QuestionRow,
    RoundRow,
    SlotRow,
    TeamRow,
    TrackRow,
    VenueRow,
)

Ids = Mapping[str, int]
Codes = Mapping[int, str]
Values = dict[str, Any]


def _id(ids: Ids, code: str | None) -> int | None:
    return ids[code] if code is not None else None


def _code(codes: Codes, row_id: int | None) -> str | None:
    return codes[row_id] if row_id is not None else None


def contest_values(contest: Contest) -> Values:
    return {
        "name": contest.name,
        "timezone": contest.timezone,
        "default_locale": contest.default_locale.value,
        "starts_on": contest.starts_on,
        "ends_on": contest.ends_on,
        "host": contest.host,
        "description": contest.description,
    }


def contest_from(row: ContestRow) -> Contest:
    return Contest(
        name=row.name,
        timezone=row.timezone,
        default_locale=Locale(row.default_locale),
        starts_on=row.starts_on,
        ends_on=row.ends_on,
        host=row.host,
        description=row.description,
    )


def venue_from(row: VenueRow) -> Venue:
    return Venue(
        row.code, row.name, row.name_en, row.address, row.directions, row.capacity, id=row.id
    )


def track_from(row: TrackRow) -> Track:
    return Track(row.code, row.name, row.name_en, row.description, id=row.id)


def team_values(team: Team, tracks: Ids) -> Values:
    return {
        "code": team.code,
        "name": team.name,
        "track_id": tracks[team.track_code],
        "organisation": team.organisation,
    }


def team_from(row: TeamRow, tracks: Codes) -> Team:
    return Team(row.code, row.name, tracks[row.track_id], row.organisation, id=row.id)


def person_values(person: Person, teams: Ids) -> Values:
    return {
        "code": person.code,
        "name": person.name,
        "role": person.role.value,
        "team_id": _id(teams, person.team_code),
        "seat": person.seat,
        "invite_code": person.invite_code,
        "locale": person.locale.value if person.locale else None,
        "judge_tracks": list(person.judge_tracks),
        "judge_rounds": list(person.judge_rounds),
    }


def person_from(row: PersonRow, teams: Codes) -> Person:
    return Person(
        code=row.code,
        name=row.name,
        role=Role(row.role),
        team_code=_code(teams, row.team_id),
        seat=row.seat,
        invite_code=row.invite_code,
        locale=Locale(row.locale) if row.locale else None,
        id=row.id,
        judge_tracks=tuple(row.judge_tracks or ()),
        judge_rounds=tuple(row.judge_rounds or ()),
    )


def round_values(round_: Round, tracks: Ids, venues: Ids) -> Values:
    return {
        "code": round_.code,
        "name": round_.name,
        "name_en": round_.name_en,
        "kind": round_.kind.value,
        "track_id": _id(tracks, round_.track_code),
        "venue_id": _id(venues, round_.venue_code),
    }


def round_from(row: RoundRow, tracks: Codes, venues: Codes) -> Round:
    return Round(
        code=row.code,
        name=row.name,
        kind=RoundKind(row.kind),
        track_code=_code(tracks, row.track_id),
        venue_code=_code(venues, row.venue_id),
        name_en=row.name_en,
        id=row.id,
    )


def slot_values(slot: Slot, rounds: Ids, teams: Ids, venues: Ids) -> Values:
    return {
        "round_id": rounds[slot.round_code],
        "position": slot.position,
        "team_id": _id(teams, slot.team_code),
        "starts_at": slot.starts_at,
        "duration_seconds": int(slot.duration.total_seconds()),
        "venue_id": _id(venues, slot.venue_code),
        "title": slot.title,
        "title_en": slot.title_en,
    }


def slot_from(row: SlotRow, rounds: Codes, teams: Codes, venues: Codes) -> Slot:
    return Slot(
        round_code=rounds[row.round_id],
        position=row.position,
        starts_at=row.starts_at,
        duration=timedelta(seconds=row.duration_seconds),
        team_code=_code(teams, row.team_id),
        venue_code=_code(venues, row.venue_id),
        title=row.title,
        title_en=row.title_en,
        id=row.id,
    )


def question_values(question: Question, tracks: Ids) -> Values:
    return {
        "code": question.code,
        "type": question.type.value,
        "track_id": _id(tracks, question.track_code),
        "stem": question.stem,
        "options": list(question.options),
        "correct_options": list(question.correct_options),
        "truth": question.truth,
        "blanks": [list(alternatives) for alternatives in question.blanks],
        "reference_answer": question.reference_answer,
        "key_points": [
            {"point": p.point, "weight": p.weight, "synonyms": list(p.synonyms)}
            for p in question.key_points
        ],
        "explanation": question.explanation,
        "source": question.source,
        "topics": list(question.topics),
        "difficulty": question.difficulty,
    }


def question_from(row: QuestionRow, tracks: Codes) -> Question:
    return Question(
        code=row.code,
        type=QuestionType(row.type),
        stem=row.stem,
        track_code=_code(tracks, row.track_id),
        options=tuple(row.options),
        correct_options=tuple(row.correct_options),
        truth=row.truth,
        blanks=tuple(tuple(alternatives) for alternatives in row.blanks),
        reference_answer=row.reference_answer,
        key_points=tuple(
            KeyPoint(p["point"], float(p["weight"]), tuple(p["synonyms"])) for p in row.key_points
        ),
        explanation=row.explanation,
        source=row.source,
        topics=tuple(row.topics),
        difficulty=row.difficulty,
        id=row.id,
    )
