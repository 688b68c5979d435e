"""What /publish and /standings show: the rounds and their state, a round's preview, the draft
standings, and what publishing did."""

from aiogram.types import InlineKeyboardButton

from bot.domain.contest import Round
from bot.domain.problems import N_
from bot.domain.scoring.standings import Standings
from bot.domain.snapshot import ContestSnapshot
from bot.services.publication_status import PublicationStatus
from bot.services.results import SCORED, Preview, Published
from bot.services.withdrawal import Withdrawn
from bot.texts.results import missing_summary, preview_text, standings_lines
from bot.texts.texts import Texts
from handlers.keyboards import button
from handlers.results.callbacks import (
    PublishAnyway,
    PublishButton,
    PublishPreview,
    WithdrawPublication,
)


def round_rows(
    t: Texts, snapshot: ContestSnapshot, status: PublicationStatus
) -> list[list[InlineKeyboardButton]]:
    """One button per scored round, with where its results stand."""
    rows = []
    for round_ in snapshot.data.rounds:
        if round_.kind not in SCORED or round_.id is None:
            continue
        version = status.version(round_.code)
        state = (
            t(N_("published (version {version})"), version=version) if version
            else t(N_("withdrawn")) if status.versions.get(round_.code) else t(N_("draft"))
        )  # fmt: skip
        if round_.code in status.asked:
            state = t(
                N_("asked by {organizer}, to confirm"), organizer=status.asked[round_.code][1]
            )
        label = f"{round_name(t, round_)} · {state}"
        rows.append([button(label, PublishPreview(round=round_.id))])
    return rows


def preview_message(t: Texts, snapshot: ContestSnapshot, seen: Preview) -> str:
    blocks = [
        preview_text(t, snapshot, seen.round, seen.done, seen.contestants, seen.followers,
                     seen.version),
        t(N_("<b>A contestant would read:</b>")) + "\n" + (seen.sample or "–"),
        t(N_("<b>Followers would read</b> (with the picture above):")) + "\n"
        + seen.follower_text,
    ]  # fmt: skip
    if seen.asked_by:
        blocks.append(t(N_("{organizer} asked to publish this version; your confirmation "
                           "publishes it."), organizer=seen.asked_by))  # fmt: skip
    return "\n\n".join(blocks)


def preview_rows(t: Texts, seen: Preview) -> list[list[InlineKeyboardButton]]:
    round_id, version, done = seen.round.id or 0, seen.version, seen.done
    rows = []
    if done.complete:
        rows.append([button(t(N_("✅ Publish version {version}"), version=version),
                            PublishButton(round=round_id, version=version))])  # fmt: skip
    elif done.scored:
        label = t(N_("⚠ Publish anyway: {scored} of {count} scored, missing {missing}"),
                  scored=len(done.scored), count=len(done.expected),
                  missing=missing_summary(done))  # fmt: skip
        rows.append([button(label, PublishAnyway(round=round_id, version=version))])
    if seen.published:
        label = t(N_("↩ Withdraw version {version}"), version=seen.published)
        rows.append([button(label, WithdrawPublication(round=round_id, version=seen.published))])
    return rows


def published_text(t: Texts, round_: Round, done: Published) -> str:
    message = (
        N_("Version {version} of {round} needs a second organizer: another organizer confirms "
           "it with /publish.") if done.awaiting
        else N_("{round} is published (version {version}); {count} messages are on their way.")
        if done.first_time
        else N_("Version {version} of {round} was published already; nothing was sent again.")
    )  # fmt: skip
    return t(message, round=round_.code, version=done.version, count=done.notified)


def withdrawn_text(t: Texts, round_: Round, done: Withdrawn) -> str:
    return t(N_("Version {version} of {round} is withdrawn; {count} correction notices are on "
                "their way."), version=done.version, round=round_name(t, round_),
             count=done.notified)  # fmt: skip


def draft_text(t: Texts, snapshot: ContestSnapshot, table: Standings) -> str:
    blocks = [t(N_("<b>Draft standings — not published</b>"))]
    blocks += [standings_lines(t, snapshot, table, track, people=True) for track in table.tracks]
    return "\n\n".join(blocks)


def round_name(t: Texts, round_: Round) -> str:
    return t.name(round_.name, round_.name_en)
