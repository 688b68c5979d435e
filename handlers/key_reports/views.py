"""The organizers' inbox of reported answer keys, as a message."""

from aiogram.types import InlineKeyboardMarkup

from bot.domain.key_reports import KeyReport
from bot.domain.problems import N_
from bot.domain.snapshot import ContestSnapshot
from bot.texts.texts import Texts, html
from handlers.key_reports.keyboards import resolve_buttons

SHOWN = 10
STEM = 40


def inbox_view(
    t: Texts, snapshot: ContestSnapshot | None, reports: list[KeyReport]
) -> tuple[str, InlineKeyboardMarkup | None]:
    """The first reports with their question and reporter, and a Resolved button for each."""
    if not reports:
        return t(N_("No open reports of wrong answer keys.")), None
    stems = {q.code: q.stem for q in snapshot.data.questions} if snapshot else {}
    people = {p.id: p.code for p in snapshot.data.people} if snapshot else {}
    lines = [t(N_("<b>Reported answer keys</b> ({count} open); fix them in the question "
                  "workbook and import it again."), count=len(reports))]  # fmt: skip
    for report in reports[:SHOWN]:
        stem = stems.get(report.question_code, "")[:STEM]
        who = people.get(report.person_id, "?")
        lines.append(f"#{report.id} <b>{html(report.question_code)}</b> {html(stem)}\n"
                     f"   {html(who)}: {html(report.reason)}")  # fmt: skip
    return "\n".join(lines), resolve_buttons(t, reports[:SHOWN])
