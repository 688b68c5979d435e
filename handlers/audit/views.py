"""A page of the audit trail as a message: the chain's state and its head (the hash the notary
writes down), then the entries, newest first."""

from aiogram.types import InlineKeyboardMarkup

from bot.domain.problems import N_, N_plural
from bot.domain.snapshot import ContestSnapshot
from bot.services.audit import TrailPage
from bot.texts.audit import entry_line, head_line
from bot.texts.texts import Texts
from handlers.audit.callbacks import AuditPage
from handlers.keyboards import button, markup

ENTRIES = N_plural("✅ {count} entry; every link intact.", "✅ {count} entries; every link intact.")


def trail_text(t: Texts, snapshot: ContestSnapshot | None, page: TrailPage) -> str:
    check = page.check
    status = (
        t(ENTRIES, count=page.total) if check.ok
        else "⚠️ " + t(N_("Broken at entry {sequence}: {problem}"), sequence=check.first_broken,
                       problem=t(check.problem, **check.params))
    )  # fmt: skip
    lines = [status]
    if page.head is not None:
        lines.append(head_line(t, page.head))
    lines += [entry_line(t, snapshot, e) for e in reversed(page.entries)]
    if not page.total:
        lines.append(t(N_("Nothing has been recorded yet.")))
    return "\n".join(lines)


def older_button(t: Texts, page: TrailPage) -> InlineKeyboardMarkup | None:
    older = page.older
    return markup([button(t(N_("◀ Older")), AuditPage(below=older))]) if older else None
