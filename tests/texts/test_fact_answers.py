"""Questions asking one fact, answered for each kind of asker, in both languages and scripts."""

import pytest

from bench.understanding.asking import answer_at
from bench.understanding.corpus import Case
from bench.understanding.judge import plain
from bench.understanding.world import snapshot
from bot.adapters.opencc_script import OpenccScript
from bot.domain.enums import Locale
from bot.domain.problems import N_
from bot.services.questions import QuestionReader
from bot.texts.fact_answers import NOT_IN_TEAM
from bot.texts.texts import Texts

# At 14:10 on the showcase day the 12345 showcase runs live, 10 minutes late (moments.yaml):
# H07 is seventh, after H02 and before H04, expected at 14:28.
SHOWCASE = "d2-1410"


def reply(question: str, asker: str = "H07-1", at: str = SHOWCASE) -> str:
    case = Case(question, "demo", at, asker, "test", None, "test")
    answer = answer_at(case, snapshot("demo"), QuestionReader(OpenccScript()))
    assert answer is not None, question
    return plain(answer)


def zh(message: str, **params: object) -> str:
    return Texts(Locale.ZH_HANS, snapshot("demo").zone)(message, **params)


@pytest.mark.parametrize("asker", ["H07-1", "H07-L"])
def test_a_contestant_and_a_leader_get_the_same_countdown(asker: str) -> None:
    assert "还有18 分钟" in reply("离我们上场还有多长时间？", asker)


def test_the_countdown_says_it_comes_from_the_live_run() -> None:
    assert "按现场进度" in reply("还要等多久")


def test_a_countdown_before_the_round_is_live_is_as_planned() -> None:
    assert "按计划" in reply("离我们上场还有多长时间？", at="d2-1215")


def test_the_neighbours_are_named_by_team() -> None:
    text = reply("我们前一个队是谁？")
    assert snapshot("demo").teams["H02"].name in text
    assert snapshot("demo").teams["H04"].name in text


def test_the_first_team_has_nobody_before_it() -> None:
    first = snapshot("demo").round_slots["SC-12345"][0].team_code
    assert first is not None
    text = reply("我们前面是哪个队", f"{first}-1", at="d2-1215")
    assert zh(N_("nobody (first in the order)")) in text


def test_the_roster_lists_the_team() -> None:
    text = reply("我们组有哪几个人？")
    for person in snapshot("demo").members["H07"]:
        assert person.name in text


def test_a_team_still_waiting_has_not_finished() -> None:
    assert reply("我们已经比完了吗？").startswith("还没有")


def test_a_team_that_performed_has_finished() -> None:
    second = snapshot("demo").round_slots["SC-12345"][1].team_code  # done by 13:58
    assert reply("我们风采展示比完了吗", f"{second}-1").startswith("是的")


def test_a_named_round_is_answered_for_the_asker_s_team() -> None:
    assert "擂台赛初赛（12345赛道）" in reply("咱们队的擂台赛几点？")


@pytest.mark.parametrize("question", ["我们前一个队是谁？", "list my teammates", "我们比完了吗"])
def test_an_organizer_asking_about_their_team_is_told_they_have_none(question: str) -> None:
    text = reply(question, "ORG1")
    assert text in (zh(NOT_IN_TEAM), plain(Texts(Locale.EN, snapshot("demo").zone)(NOT_IN_TEAM)))


def test_an_organizer_asking_what_is_next_gets_the_contest_s_next_item() -> None:
    assert "风采展示" in reply("下一个环节是啥？", "ORG1")


def test_an_organizer_asking_about_check_ins_gets_the_count() -> None:
    assert "今天已报到 9 人" in reply("报到情况怎么样", "ORG1")


def test_check_ins_name_who_has_not_arrived() -> None:
    text = reply("我们队都报到了吗", "H02-1", at="d2-0900")
    names = {p.code: p.name for p in snapshot("demo").data.people}
    assert names["H02-3"] in text.split("还没报到")[1]


@pytest.mark.parametrize(
    ("simplified", "traditional"),
    [
        ("我们队的擂台赛几点", "我們隊的擂台賽幾點"),
        ("离我们上场还有多长时间", "離我們上場還有多長時間"),
        ("我们前一个队是谁", "我們前一個隊是誰"),
        ("我们已经比完了吗", "我們已經比完了嗎"),
    ],
)
def test_traditional_script_is_read_as_simplified(simplified: str, traditional: str) -> None:
    assert reply(traditional) == reply(simplified)


def test_an_english_answer_uses_the_english_names() -> None:
    text = reply("how much longer until we're on?")
    assert "Showcase (12345 track)" in text
    assert "Conference Hall 1" in text
    assert "live" in text


@pytest.mark.parametrize(
    "question", ["中午吃什么？", "asdkj 今天天气不错", "今天心情不好", "i'm so nervous"]
)
def test_chit_chat_is_not_answered(question: str) -> None:
    case = Case(question, "demo", SHOWCASE, "H07-1", "test", None, "test")
    assert answer_at(case, snapshot("demo"), QuestionReader(OpenccScript())) is None
