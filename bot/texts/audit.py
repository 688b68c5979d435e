"""How /audit names what happened: actions, fields and audiences in the reader's language.

The trail itself keeps the raw keys (they are hashed); only their display is translated.
"""

from bot.domain.audit import AuditAction, AuditEntry, Value, Values
from bot.domain.problems import N_
from bot.domain.snapshot import ContestSnapshot
from bot.texts.broadcasts import audience_name, plain
from bot.texts.texts import Texts, html

ACTIONS = {
    AuditAction.SCORE_ENTERED: N_("score entered"),
    AuditAction.SCORE_CORRECTED: N_("score corrected"),
    AuditAction.ARENA_EVENT: N_("arena event"),
    AuditAction.ARENA_UNDONE: N_("arena event undone"),
    AuditAction.THEORY_IMPORTED: N_("theory scores imported"),
    AuditAction.ROUND_PUBLISHED: N_("round published"),
    AuditAction.CORRECTION_PUBLISHED: N_("correction published"),
    AuditAction.DRAW_COMMITTED: N_("draw committed"),
    AuditAction.DRAW_REVEALED: N_("draw revealed"),
    AuditAction.BROADCAST_SENT: N_("broadcast sent"),
    AuditAction.PUBLICATION_WITHDRAWN: N_("publication withdrawn"),
    AuditAction.CONTEST_REPLACED: N_("contest replaced"),
}
FIELDS = {
    "audience": N_("audience"),
    "recipients": N_("recipients"),
    "text": N_("text"),
    "score": N_("score"),
    "paper": N_("paper"),
    "essay": N_("essay"),
    "version": N_("version"),
    "draw": N_("draw"),
    "commitment": N_("commitment"),
    "seed": N_("seed"),
    "teams": N_("teams"),
    "order": N_("order"),
    "team": N_("team"),
    "person": N_("contestant"),
    "kind": N_("kind"),
    "tier": N_("tier"),
    "outcome": N_("outcome"),
    "name": N_("name"),
}
FIELD = N_("{field}: {value}")
SEPARATOR = N_(", ")


def entry_line(t: Texts, snapshot: ContestSnapshot | None, entry: AuditEntry) -> str:
    """'#3 9月26日周四 13:30 <b>ORG1</b> broadcast sent broadcast:1 – → audience: Judges, …'."""
    change = ""
    if entry.before or entry.after:
        before, after = (values_text(t, snapshot, v) for v in (entry.before, entry.after))
        change = f" {before} → {after}"
    reason = f" ({html(entry.reason)})" if entry.reason else ""
    return (f"#{entry.sequence} {t.moment(entry.at)} <b>{html(entry.actor)}</b> "
            f"{html(action_label(t, entry.action))} {html(entry.subject)}{html(change)}"
            f"{reason}")  # fmt: skip


def action_label(t: Texts, action: AuditAction) -> str:
    label = ACTIONS.get(action)
    return t(label) if label else action.value


def values_text(t: Texts, snapshot: ContestSnapshot | None, values: Values) -> str:
    """Plain text: 'audience: Leaders of 12345政务服务热线, recipients: 40'; '–' for none."""
    if values is None:
        return "–"
    return t(SEPARATOR).join(
        plain(t, FIELD, field=_field(t, key), value=_value(t, snapshot, key, value))
        for key, value in values.items()
    )


def _field(t: Texts, key: str) -> str:
    label = FIELDS.get(key)
    return t(label) if label else key


def _value(t: Texts, snapshot: ContestSnapshot | None, key: str, value: Value) -> str:
    if value is None:
        return "–"
    if key == "audience":
        return audience_name(t, snapshot, str(value))
    return str(value)
