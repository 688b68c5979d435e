"""What a programme-change notice says: one change in a line, several as one list."""

from bot.domain.problems import N_
from bot.domain.schedule_changes import Appointment, ProgrammeNotice, TeamChange
from bot.domain.snapshot import ContestSnapshot
from bot.domain.telegram_text import TEXT_LIMIT
from bot.texts.texts import Texts

SHOWN_CHANGES = 12  # the rest are summarised, so a notice stays readable on a phone


def notice_text(t: Texts, snapshot: ContestSnapshot, notice: ProgrammeNotice) -> str:
    if len(notice.changes) == 1:
        return change_text(t, snapshot, notice.changes[0])
    header = t(N_("📅 {count} changes in your programme:"), count=len(notice.changes))
    lines = [f"• {change_line(t, snapshot, change)}" for change in notice.changes]
    return _fitted(t, header, lines)


def change_text(t: Texts, snapshot: ContestSnapshot, change: TeamChange) -> str:
    name, old, new = _parts(t, snapshot, change)
    if change.old is None:
        return t(N_("📅 New in your programme: {round}, {new}."), round=name, new=new)
    if change.new is None:
        return t(N_("📅 Removed from your programme: {round}, {old}."), round=name, old=old)
    return t(N_("📅 Programme change for {round}: {old} → {new}."), round=name, old=old, new=new)


def change_line(t: Texts, snapshot: ContestSnapshot, change: TeamChange) -> str:
    name, old, new = _parts(t, snapshot, change)
    if change.old is None:
        return t(N_("new: {round}, {new}"), round=name, new=new)
    if change.new is None:
        return t(N_("removed: {round}, {old}"), round=name, old=old)
    return t(N_("{round}: {old} → {new}"), round=name, old=old, new=new)


def _fitted(t: Texts, header: str, lines: list[str]) -> str:
    """The header and as many lines as fit SHOWN_CHANGES and Telegram's limit, then how many
    more there are."""
    shown = lines[:SHOWN_CHANGES]
    while True:
        rest = len(lines) - len(shown)
        tail = [t(N_("… and {count} more"), count=rest)] if rest else []
        text = "\n".join([header, *shown, *tail])
        if len(text) <= TEXT_LIMIT or not shown:
            return text[:TEXT_LIMIT]
        shown = shown[:-1]


def _parts(t: Texts, snapshot: ContestSnapshot, change: TeamChange) -> tuple[str, str, str]:
    round_ = snapshot.rounds.get(change.round_code)
    name = t.name(round_.name, round_.name_en) if round_ else change.round_code
    return name, _appointment(t, snapshot, change.old), _appointment(t, snapshot, change.new)


def _appointment(t: Texts, snapshot: ContestSnapshot, appointment: Appointment | None) -> str:
    if appointment is None:
        return ""
    venue = snapshot.venues.get(appointment.venue_code or "")
    place = t.name(venue.name, venue.name_en) if venue else ""
    parts = [t.moment(appointment.starts_at), place]
    if appointment.position is not None:
        parts.append(t(N_("position {position}"), position=appointment.position))
    return t(N_(", ")).join(part for part in parts if part)
