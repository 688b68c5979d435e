"""Names from the contest data: short forms, ambiguity, venues, tracks and rounds."""

from dataclasses import replace

import pytest

from bot.domain.contest import ContestData, Team
from bot.domain.enums import RoundKind
from bot.domain.interpreter import Intent, Vocabulary, build_vocabulary, interpret
from tests.domain.interpreter.conftest import TODAY


@pytest.mark.parametrize(
    ("text", "team"),
    [
        ("H07", "H07"),
        ("h07", "H07"),
        ("h7", "H07"),
        ("锦州市热线代表队", "H07"),
        ("锦州热线队", "H07"),
        ("锦州市热线队", "H07"),
        ("锦州窗口队", "W07"),
        ("锦州市政务服务中心代表队", "W07"),
        ("沈阳二队热线", "H18"),
        ("沈阳市二队政务服务中心代表队", "W18"),
        ("省直一队窗口", "W16"),
        ("葫芦岛热线", "H14"),
    ],
)
def test_teams_by_code_name_and_short_name(vocabulary: Vocabulary, text: str, team: str) -> None:
    assert interpret(text, vocabulary, TODAY).team_code == team


@pytest.mark.parametrize("text", ["沈阳", "沈阳队", "沈阳市代表队", "大连二队", "省直一队", "锦州"])
def test_a_name_shared_by_several_teams_names_none(vocabulary: Vocabulary, text: str) -> None:
    query = interpret(text, vocabulary, TODAY)
    assert (query.intent, query.team_code) == (Intent.WHEN, None)


def test_two_different_teams_name_none(vocabulary: Vocabulary) -> None:
    assert interpret("H01和H02几点比赛", vocabulary, TODAY).team_code is None


def test_a_unique_short_name_is_enough(demo_data: ContestData) -> None:
    # Without the window team of Shenyang, "沈阳队" is no longer ambiguous.
    teams = tuple(t for t in demo_data.teams if t.code != "W01")
    vocabulary = build_vocabulary(replace(demo_data, teams=teams))
    assert interpret("沈阳队几点上场", vocabulary, TODAY).team_code == "H01"


def test_a_team_named_like_a_keyword_does_not_hide_the_keyword(demo_data: ContestData) -> None:
    odd = Team(code="X01", name="明天代表队", track_code="12345")
    vocabulary = build_vocabulary(replace(demo_data, teams=(*demo_data.teams, odd)))
    query = interpret("明天有什么安排", vocabulary, TODAY)
    assert (query.intent, query.team_code) == (Intent.WHATS_ON, None)


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        ("第一会议厅", "HALL1"),
        ("第1会议厅", "HALL1"),
        ("会议厅1", "HALL1"),
        ("一号厅", "HALL1"),
        ("2号会议厅", "HALL2"),
        ("Conference Hall 2", "HALL2"),
        ("hall one", "HALL1"),
        ("HALL1", "HALL1"),
        ("理论考场A", "EXAM-A"),
        ("考场b", "EXAM-B"),
        ("B考场", "EXAM-B"),
        ("exam room a", "EXAM-A"),
        ("room b", "EXAM-B"),
        ("EXAM-B", "EXAM-B"),
        ("报到处", "LOBBY"),
        ("lobby", "LOBBY"),
        ("领队会议室", "MEET"),
        ("team leaders room", "MEET"),
    ],
)
def test_venues(vocabulary: Vocabulary, text: str, venue: str) -> None:
    assert interpret(text, vocabulary, TODAY).venue_code == venue


@pytest.mark.parametrize("text", ["理论考场在哪", "conference hall", "where is the exam room"])
def test_a_venue_name_shared_by_two_rooms_names_none(vocabulary: Vocabulary, text: str) -> None:
    query = interpret(text, vocabulary, TODAY)
    assert (query.intent, query.venue_code) == (Intent.WHERE, None)


def test_a_venue_code_that_is_a_plain_word_is_not_a_venue(vocabulary: Vocabulary) -> None:
    assert interpret("when do we meet", vocabulary, TODAY).venue_code is None


@pytest.mark.parametrize(
    ("text", "track"),
    [
        ("12345", "12345"),
        ("热线", "12345"),
        ("热线赛道", "12345"),
        ("12345热线", "12345"),
        ("hotline", "12345"),
        ("12345 track", "12345"),
        ("窗口", "window"),
        ("窗口组", "window"),
        ("政务服务窗口", "window"),
        ("window track", "window"),
        ("Government service window", "window"),
    ],
)
def test_tracks(vocabulary: Vocabulary, text: str, track: str) -> None:
    query = interpret(text, vocabulary, TODAY)
    assert (query.intent, query.track_code) == (Intent.WHATS_ON, track)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("理论考试", RoundKind.THEORY),
        ("闭卷", RoundKind.THEORY),
        ("written test", RoundKind.THEORY),
        ("风采", RoundKind.SHOWCASE),
        ("presentation", RoundKind.SHOWCASE),
        ("擂台", RoundKind.ARENA_PRELIMINARY),
        ("preliminary", RoundKind.ARENA_PRELIMINARY),
        ("抢答", RoundKind.ARENA_FINAL),
        ("buzzer", RoundKind.ARENA_FINAL),
        ("颁奖", RoundKind.CEREMONY),
        ("awards", RoundKind.CEREMONY),
        ("签到", RoundKind.CHECKIN),
        ("check in", RoundKind.CHECKIN),
        ("领队会", RoundKind.BRIEFING),
        ("draw", RoundKind.BRIEFING),
        # Names of the demo's rounds, as the data spells them.
        ("赛前说明会", RoundKind.BRIEFING),
        ("闭幕式暨颁奖典礼", RoundKind.CEREMONY),
        ("Arena preliminary (12345 track)", RoundKind.ARENA_PRELIMINARY),
        ("Team leaders' meeting and draw", RoundKind.BRIEFING),
    ],
)
def test_rounds_by_kind(vocabulary: Vocabulary, text: str, kind: RoundKind) -> None:
    query = interpret(text, vocabulary, TODAY)
    assert (query.intent, query.round_kinds) == (Intent.WHEN, frozenset({kind}))


def test_a_round_named_in_the_data_is_recognised(demo_data: ContestData) -> None:
    lunch = replace(demo_data.rounds[0], code="LUNCH", name="午餐", name_en="Lunch break")
    lunch = replace(lunch, kind=RoundKind.OTHER)
    vocabulary = build_vocabulary(replace(demo_data, rounds=(*demo_data.rounds, lunch)))
    for text in ("午餐几点", "when is the lunch break"):
        assert interpret(text, vocabulary, TODAY).round_kinds == frozenset({RoundKind.OTHER})
