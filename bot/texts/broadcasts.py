"""What the broadcast dialogue and the broadcast reports say."""

import re
from collections.abc import Mapping
from datetime import datetime
from html import unescape

from bot.domain.audience import Audience, AudienceKind, parse_audience
from bot.domain.broadcasts import Broadcast
from bot.domain.problems import N_, N_plural
from bot.domain.snapshot import ContestSnapshot
from bot.texts.texts import Markup, Texts

SHOWN_TEAMS = 6
SNIPPET = 40
TAG = re.compile(r"<[^>]*>")

ASK_TEXT = N_(
    "Send the announcement text. HTML is allowed, e.g. <code>&lt;b&gt;bold&lt;/b&gt;</code>. "
    "/cancel stops."
)
ASK_ENGLISH = N_("Send the English version for readers who chose English, or tap Skip.")
ASK_AUDIENCE = N_(
    "Who should receive it? Each button shows how many have joined the bot / how many people "
    "it names."
)
ASK_TEAMS = N_("Send the team codes, separated by spaces, e.g. H01 H07.")
ASK_WHEN = N_(
    "When should it go out? Tap a button, or send a time in the contest's time zone ({zone}): "
    "HH:MM today, or YYYY-MM-DD HH:MM."
)
STATUSES = {
    "scheduled": N_("scheduled"),
    "sending": N_("sending"),
    "done": N_("done"),
    "cancelled": N_("cancelled"),
}
NAMES = {
    AudienceKind.EVERYONE: N_("Everyone"),
    AudienceKind.CONTESTANTS: N_("Contestants"),
    AudienceKind.LEADERS: N_("Team leaders"),
    AudienceKind.JUDGES: N_("Judges"),
    AudienceKind.ORGANIZERS: N_("Organizers"),
    AudienceKind.TEAMS: N_("Teams…"),
    AudienceKind.NOT_CHECKED_IN: N_("Not checked in today"),
}


def plain(t: Texts, message: str, **params: object) -> str:
    """A message filled in without HTML escaping: for buttons and other plain text."""
    return t(message, **{key: Markup(str(value)) for key, value in params.items()})


def audience_name(t: Texts, snapshot: ContestSnapshot | None, key: str) -> str:
    """Plain text (escape it for HTML): 'Team leaders', '12345政务服务热线', 'Teams H01, H07'."""
    audience = parse_audience(key)
    if audience is None:
        return t(NAMES[AudienceKind.TEAMS]) if key == AudienceKind.TEAMS else key
    track = snapshot.tracks.get(audience.track_code or "") if snapshot else None
    track_name = t.name(track.name, track.name_en) if track else audience.track_code or ""
    if audience.kind is AudienceKind.TRACK:
        return track_name
    if audience.kind is AudienceKind.TEAMS:
        return plain(t, N_("Teams {codes}"), codes=_codes(audience))
    if audience.kind is AudienceKind.LEADERS and audience.track_code:
        return plain(t, N_("Leaders of {track}"), track=track_name)
    if audience.kind is AudienceKind.NOT_CHECKED_IN and audience.track_code:
        return plain(t, N_("Not checked in today, {track}"), track=track_name)
    if audience.kind is AudienceKind.FOLLOWERS:
        return plain(t, N_("Followers of {track}"), track=track_name)
    return t(NAMES[audience.kind])


def _codes(audience: Audience) -> str:
    codes = audience.team_codes
    shown = ", ".join(codes[:SHOWN_TEAMS])
    return shown if len(codes) <= SHOWN_TEAMS else f"{shown} … (+{len(codes) - SHOWN_TEAMS})"


def option_label(name: str, people: int, reachable: int) -> str:
    return f"{name} · {reachable}/{people}"


def when_text(t: Texts, send_at: datetime | None) -> str:
    return t(N_("now")) if send_at is None else t.moment(send_at)


def summary_text(
    t: Texts,
    name: str,
    people: int,
    reachable: int,
    send_at: datetime | None,
    english: bool,
    team_chats: int = 0,
) -> str:
    lines = [
        t(N_("<b>Above is the announcement exactly as recipients will see it.</b>")),
        t(N_("To: {audience}"), audience=name),
        t(N_("{people} people; {reachable} of them have joined the bot and will receive it."),
          people=people, reachable=reachable),
        t(N_("When: {when}"), when=when_text(t, send_at)),
    ]  # fmt: skip
    if english:
        lines.append(t(N_("Readers who chose English get the English version.")))
    if team_chats:
        lines.append(
            t(N_plural("{count} of these teams has a group chat with me: “Confirm and pin” also "
                       "posts it there and pins it.",
                       "{count} of these teams have a group chat with me: “Confirm and pin” also "
                       "posts it there and pins it."), count=team_chats)
        )  # fmt: skip
    lines.append(t(N_("Send it?")))
    return "\n".join(lines)


def queued_text(t: Texts, broadcast_id: int, count: int, send_at: datetime | None) -> str:
    if send_at is None:
        return t(
            N_plural(
                "Broadcast #{id} queued for {count} person.",
                "Broadcast #{id} queued for {count} people.",
            ),
            id=broadcast_id,
            count=count,
        )
    return t(
        N_plural(
            "Broadcast #{id} queued for {count} person; it goes out at {time}.",
            "Broadcast #{id} queued for {count} people; it goes out at {time}.",
        ),
        id=broadcast_id,
        count=count,
        time=t.moment(send_at),
    )


def status_of(broadcast: Broadcast, counts: Mapping[str, int], now: datetime) -> str:
    if broadcast.cancelled:
        return "cancelled"
    if counts["pending"] and broadcast.send_at > now and not counts["sent"]:
        return "scheduled"
    return "sending" if counts["pending"] else "done"


def report_text(
    t: Texts,
    snapshot: ContestSnapshot | None,
    broadcast: Broadcast,
    counts: Mapping[str, int],
    now: datetime,
) -> str:
    status = t(STATUSES[status_of(broadcast, counts, now)])
    lines = [
        t(N_("<b>Broadcast #{id}</b> · {status}"), id=broadcast.id, status=status),
        t(N_("{audience} · {when}: {text}"),
          audience=audience_name(t, snapshot, broadcast.audience),
          when=t.moment(broadcast.send_at), text=snippet(broadcast.text)),
        t(N_("sent {sent} · pending {pending} · blocked {blocked} · failed {failed}"), **counts),
    ]  # fmt: skip
    if counts["cancelled"]:
        lines[-1] += " · " + t(N_("stopped {cancelled}"), cancelled=counts["cancelled"])
    return "\n".join(lines)


def list_text(t: Texts, reports: list[str]) -> str:
    if not reports:
        return t(N_("No announcements yet. /broadcast starts one."))
    return "\n\n".join([t(N_("<b>Latest announcements</b>")), *reports])


def snippet(text: str) -> str:
    """The start of an announcement as plain text (escape it for HTML)."""
    flat = " ".join(unescape(TAG.sub("", text)).split())
    return flat if len(flat) <= SNIPPET else flat[: SNIPPET - 1] + "…"
