"""Every dev question of the understanding corpus is answered with its facts, and no off-topic
line gets a confident answer. The held-out questions are only measured (bench.understanding)."""

import opencc
import pytest

from bench.understanding.asking import ask
from bench.understanding.corpus import Case, load
from bench.understanding.judge import missing, plain
from bench.understanding.world import CORPUS, moments, snapshot

DEV = load("dev")
HELDOUT = load("heldout")
ALL = DEV + HELDOUT


def _id(case: Case) -> str:
    return f"{case.contest}-{case.at}-{case.asker}-{case.question[:24]}"


def _traditional(case: Case) -> bool:
    return bool(opencc.OpenCC("t2s").convert(case.question) != case.question)


def test_the_corpus_has_five_hundred_questions_in_both_languages_and_scripts() -> None:
    asked = [c for c in ALL if not c.off_topic]
    chinese = [c for c in asked if c.locale.value != "en"]
    assert len(asked) >= 500
    assert len(chinese) >= 350
    assert sum(1 for c in chinese if _traditional(c)) >= 50
    assert len(asked) - len(chinese) >= 150
    assert sum(1 for c in ALL if c.off_topic) >= 60


def test_the_corpus_asks_about_two_contests_at_several_moments() -> None:
    assert {c.contest for c in ALL} == {"demo", "second"}
    for contest in ("demo", "second"):
        assert len({c.at for c in ALL if c.contest == contest}) >= 5
        assert set(moments(contest)) >= {c.at for c in ALL if c.contest == contest}


def test_no_question_is_both_dev_and_held_out() -> None:
    assert not {c.question for c in DEV} & {c.question for c in HELDOUT}
    assert (CORPUS / "second_contest.yaml").is_file()


@pytest.mark.parametrize("case", [c for c in DEV if not c.off_topic], ids=_id)
def test_a_dev_question_is_answered_with_its_facts(case: Case) -> None:
    asked = ask(case)
    assert missing(case, asked.reply, snapshot(case.contest)) == [], plain(asked.reply or "")


@pytest.mark.parametrize("case", [c for c in ALL if c.off_topic], ids=_id)
def test_an_off_topic_line_gets_no_confident_answer(case: Case) -> None:
    assert ask(case).reply is None
