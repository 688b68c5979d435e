"""The demo contest has the shape of the reference event, and its questions are complete."""

from collections import Counter
from zoneinfo import ZoneInfo

from bot.domain.contest import ContestData
from bot.domain.draft import ContestDraft
from bot.domain.enums import QuestionType, Role, RoundKind
from bot.domain.problems import Problem


def test_the_demo_reads_without_problems(demo_parsed: tuple[ContestDraft, list[Problem]]) -> None:
    from bot.domain.validation import validate

    draft, problems = demo_parsed
    assert problems == []
    assert validate(draft) == []


def test_two_tracks_of_twenty_teams_of_three(demo_data: ContestData) -> None:
    assert len(demo_data.tracks) == 2
    assert Counter(team.track_code for team in demo_data.teams) == {"12345": 20, "window": 20}
    members = Counter(p.team_code for p in demo_data.people if p.role is Role.CONTESTANT)
    assert set(members.values()) == {3}
    assert len(members) == 40


def test_every_team_has_one_leader_and_staff_fill_every_role(demo_data: ContestData) -> None:
    leaders = Counter(p.team_code for p in demo_data.people if p.role is Role.LEADER)
    assert len(leaders) == 40
    assert set(leaders.values()) == {1}
    assert {p.role for p in demo_data.people} == set(Role)


def test_three_days_in_shanghai_with_every_kind_of_round(demo_data: ContestData) -> None:
    assert demo_data.contest.timezone == "Asia/Shanghai"
    zone = ZoneInfo("Asia/Shanghai")
    days = {slot.starts_at.astimezone(zone).date().isoformat() for slot in demo_data.slots}
    assert days == {"2024-09-25", "2024-09-26", "2024-09-27"}
    assert {r.kind for r in demo_data.rounds} == set(RoundKind) - {RoundKind.OTHER}


def test_showcase_and_arena_have_a_running_order_of_every_team(demo_data: ContestData) -> None:
    for prefix in ("SC", "AR"):
        for track in ("12345", "window"):
            slots = [s for s in demo_data.slots if s.round_code == f"{prefix}-{track}"]
            assert sorted(s.position for s in slots) == list(range(1, 21))
            assert len({s.team_code for s in slots}) == 20


def test_at_least_eighty_questions_cover_all_six_types(demo_data: ContestData) -> None:
    assert len(demo_data.questions) >= 80
    assert {q.type for q in demo_data.questions} == set(QuestionType)


def test_every_question_has_an_explanation_and_a_source(demo_data: ContestData) -> None:
    incomplete = [q.code for q in demo_data.questions if not (q.explanation and q.source)]
    assert incomplete == []


def test_the_bank_covers_the_default_paper_for_each_track(demo_data: ContestData) -> None:
    blueprint = {
        QuestionType.SINGLE: 30,
        QuestionType.MULTIPLE: 10,
        QuestionType.FILL_IN: 10,
        QuestionType.TRUE_FALSE: 10,
        QuestionType.SHORT_ANSWER: 2,
        QuestionType.ESSAY: 1,
    }
    for track in ("12345", "window"):
        usable = Counter(q.type for q in demo_data.questions if q.track_code in (None, track))
        assert all(usable[kind] >= needed for kind, needed in blueprint.items()), track


def test_explanations_fit_a_telegram_quiz(demo_data: ContestData) -> None:
    assert max(len(q.explanation) for q in demo_data.questions) <= 200
