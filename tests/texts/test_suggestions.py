"""What not to ask instead: three suggestions that fit the asker and the moment, and that the
bot itself understands."""

import pytest

from bench.understanding.asking import viewer_of
from bench.understanding.corpus import Case
from bench.understanding.world import moments, snapshot
from bot.domain.enums import Locale
from bot.domain.interpreter import interpret
from bot.texts.answers import answer_query
from bot.texts.suggestions import SUGGESTED, Moment, moment_of, not_understood_text
from bot.texts.texts import Texts

# (asker, moment of moments.yaml, what the moment is for the asker)
MOMENTS = [
    ("H07-1", "d2-1410", Moment.TURN_TODAY),
    ("H07-1", "d2-1800", Moment.TURN_LATER),
    ("H07-1", "d3-1900", Moment.TEAM_DONE),
    ("ORG1", "d2-1410", Moment.RUNNING),
    ("ORG1", "d2-1800", Moment.QUIET),
]


@pytest.mark.parametrize(("asker", "at", "expected"), MOMENTS)
def test_the_moment_is_read_for_the_asker(asker: str, at: str, expected: Moment) -> None:
    contest, moment = snapshot("demo"), moments("demo")[at]
    viewer = viewer_of(Case("?", "demo", at, asker, "test", None, "test"), contest)
    assert moment_of(contest, viewer, moment.now, moment.live) is expected


@pytest.mark.parametrize("locale", [Locale.ZH_HANS, Locale.EN])
@pytest.mark.parametrize(("asker", "at", "expected"), MOMENTS)
def test_every_suggestion_is_understood_when_asked(
    asker: str, at: str, expected: Moment, locale: Locale
) -> None:
    contest, moment = snapshot("demo"), moments("demo")[at]
    question = "我" if locale is Locale.ZH_HANS else "i"
    viewer = viewer_of(Case(question, "demo", at, asker, "test", None, "test"), contest)
    t = Texts(locale, contest.zone)
    for message in SUGGESTED[expected]:
        query = interpret(
            t(message), contest.vocabulary, moment.now.astimezone(contest.zone).date()
        )
        reply = answer_query(t, contest, viewer, query, moment.now, moment.live)
        assert reply is not None, t(message)


def test_the_reply_lists_three_suggestions() -> None:
    contest, moment = snapshot("demo"), moments("demo")["d2-1410"]
    viewer = viewer_of(Case("我", "demo", "d2-1410", "H07-1", "test", None, "test"), contest)
    text = not_understood_text(
        Texts(Locale.ZH_HANS, contest.zone), contest, viewer, moment.now, moment.live
    )
    assert text.startswith("抱歉，没听懂")
    assert text.count("•") == 3
