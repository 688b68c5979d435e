"""The mock exam's messages: progress, and the report at the end."""

from collections.abc import Mapping
from decimal import Decimal

from bot.domain.exams import ExamReport
from bot.domain.problems import N_
from bot.domain.questions import Question
from bot.texts.practice import KINDS, LINE
from bot.texts.texts import Texts, html

SHOWN_WRONG = 5


def report_text(t: Texts, result: ExamReport, questions: Mapping[str, Question]) -> str:
    minutes = int(result.used.total_seconds() // 60)
    lines = [
        t(N_("<b>Mock exam report</b>: {points} of {maximum} points; {answered} of {asked} "
             "questions answered in {minutes} min."),
          points=_n(result.points), maximum=_n(result.max_points), answered=result.answered,
          asked=result.asked, minutes=minutes),
    ]  # fmt: skip
    lines += [
        t(LINE, name=t(KINDS[kind]), score=f"{_n(points)}/{_n(most)}")
        for kind, (points, most) in result.by_type.items()
    ]
    weakest = sorted(result.by_topic.items(), key=lambda item: item[1][0] / (item[1][1] or 1))
    if weakest:
        topics = "、".join(topic for topic, _ in weakest[:3])
        lines.append(t(N_("Topics to work on: {topics}"), topics=topics))
    if result.wrong:
        lines.append(t(N_("Not fully right ({count}); they are in /mistakes to practise:"),
                       count=len(result.wrong)))  # fmt: skip
        lines += [f"· {html(questions[code].stem[:60])}" for code in result.wrong[:SHOWN_WRONG]]
    return "\n".join(lines)


def _n(value: Decimal) -> str:
    return f"{value.normalize():f}"
