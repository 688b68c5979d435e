"""The feedback after a practice answer tells right, partly right and wrong apart."""

from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from bot.domain.enums import Locale, QuestionType
from bot.domain.grading.grade import Grade, Verdict
from bot.domain.questions import Question
from bot.texts.practice import VERDICTS, feedback_text
from bot.texts.texts import Texts

QUESTION = Question("F1", QuestionType.FILL_IN, "?", blanks=(("北京",), ("上海",)))


@pytest.mark.parametrize(
    ("points", "verdict"),
    [("1", Verdict.RIGHT), ("0.5", Verdict.PARTLY), ("0", Verdict.WRONG)],
)
@pytest.mark.parametrize("locale", list(Locale))
def test_the_first_line_names_the_verdict(points: str, verdict: Verdict, locale: Locale) -> None:
    t = Texts(locale, ZoneInfo("Asia/Shanghai"))
    text = feedback_text(t, QUESTION, Grade(Decimal(points), Decimal(1)))
    assert text.splitlines()[0] == t(VERDICTS[verdict], points=points, maximum=1)


def test_the_three_verdicts_read_differently_in_chinese() -> None:
    t = Texts(Locale.ZH_HANS, ZoneInfo("Asia/Shanghai"))
    firsts = {t(message, points=0, maximum=1).split("：")[0] for message in VERDICTS.values()}
    assert firsts == {"✅ 回答正确！", "🟡 部分正确", "❌ 错误"}
