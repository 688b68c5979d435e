"""How /audit names what happened: actions, fields and audiences in the reader's language.

The trail itself keeps the raw keys (they are hashed); only their display is translated.
"""

from bot.domain.audit import AuditAction, AuditEntry, Value, Values
from bot.domain.contest import Round
from bot.domain.problems import N_
from bot.domain.snapshot import ContestSnapshot
from bot.texts.broadcasts import audience_name, plain
from bot.texts.results import round_name
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
# Of the head hash shown: short enough to write down, long enough for `audit verify --expect`.
HEAD_DIGITS = 16
HEAD = N_("🔗 Head of the trail: entry {sequence}, hash <code>{hash}</code>")
WRITE_IT_DOWN = N_("Write it down: <code>contest-bot audit verify --expect {hash}</code> fails "
                   "if a later trail no longer holds it.")  # fmt: skip
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


def head_line(t: Texts, head: AuditEntry) -> str:
    """'🔗 Head of the trail: entry 12, hash 3f9a…': what the notary writes down."""
    return t(HEAD, sequence=head.sequence, hash=head_digits(head))


def head_digits(head: AuditEntry) -> str:
    return head.hash[:HEAD_DIGITS]


def publication_notice(t: Texts, round_: Round, version: int, head: AuditEntry) -> str:
    """To the notary, with each publication: the trail's head just after it was recorded."""
    published = t(N_("📌 {round} (version {version}) is published."), round=round_name(t, round_),
                  version=version)  # fmt: skip
    return "\n".join((published, head_line(t, head), t(WRITE_IT_DOWN, hash=head_digits(head))))
