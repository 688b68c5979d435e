"""What practice looks like in Telegram: a question with its answer buttons, the notebook, and
the feedback after an answer with what comes next."""

from aiogram.types import InlineKeyboardMarkup

from bot.domain.grading.grade import Grade
from bot.domain.practice_plan import DailySet
from bot.domain.problems import N_, N_plural
from bot.domain.questions import Question
from bot.texts.practice import feedback_text
from bot.texts.practice_plan import daily_done_text
from bot.texts.texts import Texts
from handlers.key_reports.callbacks import ReportKey
from handlers.keyboards import answer_buttons, button, markup
from handlers.practice.callbacks import PracticeChoice, PracticeKind, PracticeSubmit
from handlers.practice.menu import MISTAKES

NOTEBOOK_EMPTY = N_("Your notebook is empty: no question is waiting to be answered right.")
NONE_OF_THAT_KIND = N_("There is no question of that kind yet.")
NOTHING_DUE = N_("Nothing is due for review now. /practice has new questions.")


def notebook_view(t: Texts, count: int) -> tuple[str, InlineKeyboardMarkup | None]:
    """/mistakes: how many questions wait in the notebook, and a button to practise them."""
    if not count:
        return t(NOTEBOOK_EMPTY), None
    text = t(
        N_plural("{count} question in your notebook; it leaves it once you answer it right.",
                 "{count} questions in your notebook; each leaves it once you answer it right."),
        count=count,
    )  # fmt: skip
    return text, markup([button(t(N_("Practise them ▶")), PracticeKind(kind=MISTAKES))])


def options(
    t: Texts, question: Question, chosen: set[int] | None = None
) -> InlineKeyboardMarkup | None:
    qid = question.id or 0
    return answer_buttons(
        t, question, lambda n: PracticeChoice(question=qid, option=n),
        PracticeSubmit(question=qid), chosen,
    )  # fmt: skip


def feedback_view(
    t: Texts, question: Question, result: Grade, kind: str, daily: DailySet | None, more: str
) -> tuple[str, InlineKeyboardMarkup]:
    """The verdict and the right answer; then the next question of the same kind (of the daily
    set, with how many are left), or once the set is done, more practice of `more`."""
    text = feedback_text(t, question, result)
    next_label = t(N_("Next question ▶"))
    if daily is not None:
        if daily.left > 0:
            next_label = t(N_("Next question ▶ ({left} left)"), left=daily.left)
        else:
            text, kind, next_label = (f"{text}\n\n{daily_done_text(t, daily)}", more,
                                      t(N_("More practice ▶")))  # fmt: skip
    buttons = markup(
        [button(next_label, PracticeKind(kind=kind))],
        [button(t(N_("⚑ The answer key looks wrong")), ReportKey(question=question.id or 0))],
    )
    return text, buttons
