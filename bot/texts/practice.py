"""What practice looks like: the question as asked, and the feedback after the answer."""

from decimal import Decimal

from bot.domain.enums import QuestionType
from bot.domain.grading.grade import Grade, Verdict
from bot.domain.practice_stats import Stats
from bot.domain.problems import N_, N_plural
from bot.domain.questions import Question, option_letter
from bot.texts.texts import Texts, html

LINE = N_("· {name}: {score}")
KINDS = {
    QuestionType.SINGLE: N_("Single choice"),
    QuestionType.MULTIPLE: N_("Multiple choice"),
    QuestionType.TRUE_FALSE: N_("True or false"),
    QuestionType.FILL_IN: N_("Fill in the blank"),
    QuestionType.SHORT_ANSWER: N_("Short answer"),
    QuestionType.ESSAY: N_("Essay"),
}
VERDICTS = {
    Verdict.RIGHT: N_("✅ Right!"),
    Verdict.PARTLY: N_("🟡 Partly right: {points} of {maximum} points."),
    Verdict.WRONG: N_("❌ Wrong: {points} of {maximum} points."),
}
HOW = {
    QuestionType.SINGLE: N_("Tap the right option."),
    QuestionType.MULTIPLE: N_("Tap every right option, then Submit."),
    QuestionType.TRUE_FALSE: N_("True or false?"),
    QuestionType.FILL_IN: N_("Type the answer; several blanks separated by ；or a new line."),
    QuestionType.SHORT_ANSWER: N_("Type your answer in a paragraph."),
    QuestionType.ESSAY: N_("Type your essay."),
}


def question_text(t: Texts, question: Question) -> str:
    lines = [f"<b>{html(t(KINDS[question.type]))}</b>", html(question.stem)]
    lines += [f"{option_letter(i)}. {html(o)}" for i, o in enumerate(question.options)]
    lines.append(f"<i>{html(t(HOW[question.type]))}</i>")
    return "\n".join(lines)


def feedback_text(t: Texts, question: Question, result: Grade) -> str:
    verdict = t(VERDICTS[result.verdict], points=_points(result.points),
                maximum=_points(result.max_points))  # fmt: skip
    lines = [verdict]
    if question.type.has_options and not result.correct and result.feedback:
        missing = ", ".join(option_letter(i) for i in result.feedback.missing)
        extra = ", ".join(option_letter(i) for i in result.feedback.extra)
        if missing:
            lines.append(t(N_("Missed: {options}"), options=missing))
        if extra:
            lines.append(t(N_("Not right: {options}"), options=extra))
    lines += _answer(t, question, result)
    if question.explanation:
        lines.append(t(N_("Why: {explanation}"), explanation=question.explanation))
    if question.source:
        lines.append(t(N_("Source: {source}"), source=question.source))
    return "\n".join(lines)


def _answer(t: Texts, question: Question, result: Grade) -> list[str]:
    if question.type.has_options:
        letters = ", ".join(option_letter(i) for i in question.correct_options)
        return [t(N_("Answer: {answer}"), answer=letters)]
    if question.type is QuestionType.TRUE_FALSE:
        return [t(N_("Answer: {answer}"), answer=t(N_("true") if question.truth else N_("false")))]
    if question.type is QuestionType.FILL_IN:
        answer = "；".join(accepted[0] for accepted in question.blanks if accepted)
        return [t(N_("Answer: {answer}"), answer=answer)]
    lines = []
    if result.hits:
        lines.append(t(N_("Key points made: {points}"), points="；".join(result.hits)))
    if result.misses:
        lines.append(t(N_("Key points missed: {points}"), points="；".join(result.misses)))
    if question.reference_answer:
        lines.append(t(N_("Reference answer: {answer}"), answer=question.reference_answer))
    lines.append(t(N_("This score is an estimate by key points; human markers decide the real "
                      "exam.")))  # fmt: skip
    return lines


def _points(value: Decimal) -> str:
    """2, 3.5 or 0.25: no trailing zeros."""
    return f"{value.normalize():f}"


def stats_text(t: Texts, stats: Stats) -> str:
    if not stats.answered:
        return t(N_("No practice yet. /practice starts."))
    lines = [
        t(N_plural("<b>Your practice</b>: {right} of {answered} right ({share}%), {streak} day "
                   "in a row.",
                   "<b>Your practice</b>: {right} of {answered} right ({share}%), {streak} days "
                   "in a row.", number="streak"),
          right=stats.right, answered=stats.answered,
          share=round(100 * stats.right / stats.answered), streak=stats.streak),
    ]  # fmt: skip
    lines += [
        t(LINE, name=t(KINDS[kind]), score=f"{right}/{total}")
        for kind, (right, total) in sorted(stats.by_type.items())
    ]
    weakest = sorted(stats.by_topic.items(), key=lambda item: item[1][0] / item[1][1])[:3]
    if weakest:
        topics = "、".join(topic for topic, _ in weakest)
        lines.append(t(N_("Topics to work on: {topics}"), topics=topics))
    return "\n".join(lines)
