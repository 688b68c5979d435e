"""Standings from the scores entered so far, and publishing a round's results.

Nothing leaves before an organizer publishes: the draft standings are for organizers only.
Publishing records a new version of the round (1, then one per correction), writes the audit
trail, and queues each contestant's own result and the track's standings for its followers;
the version is part of the outbox keys, so a double tap publishes and notifies once.
"""

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from bot.domain.audit import AuditAction
from bot.domain.contest import Person, Round
from bot.domain.enums import Role, RoundKind
from bot.domain.outbox import NewDelivery, Priority, media_attachment
from bot.domain.problems import N_
from bot.domain.scoring.arena import arena_scores
from bot.domain.scoring.errors import ScoringError
from bot.domain.scoring.inputs import ContestantScores, TeamScores
from bot.domain.scoring.rules import ScoringRules
from bot.domain.scoring.showcase import trimmed_mean
from bot.domain.scoring.standings import Standings, compute_standings
from bot.domain.snapshot import ContestSnapshot
from bot.services.audit import record
from bot.services.ports import UnitOfWork
from bot.services.readers import readers
from bot.texts.results import personal_result, standings_picture, track_standings
from bot.texts.texts import Texts

SCORED = {RoundKind.THEORY, RoundKind.SHOWCASE, RoundKind.ARENA_PRELIMINARY}


@dataclass(frozen=True, slots=True)
class Published:
    version: int
    notified: int  # deliveries queued
    first_time: bool  # False: this version existed already (a repeated publish)
    awaiting: str = ""  # the organizer who asked, while a second one must confirm


async def standings(uow: UnitOfWork, snapshot: ContestSnapshot, rules: ScoringRules) -> Standings:
    """The standings of every track from what has been entered, published or not."""
    theory = await uow.scores.theory()
    contestants = [
        ContestantScores.of(p, *theory.get(p.code, (None, None)))
        for p in snapshot.data.people
        if p.role is Role.CONTESTANT and p.team_code
    ]
    showcase: dict[str, Decimal] = {}
    arena: dict[str, Decimal] = {}
    for round_ in snapshot.data.rounds:
        if round_.kind is RoundKind.SHOWCASE:
            for team, judges in (await uow.scores.showcase(round_.code)).items():
                if len(judges) > rules.showcase_drop_highest + rules.showcase_drop_lowest:
                    showcase[team] = trimmed_mean(list(judges.values()), rules)
        elif round_.kind is RoundKind.ARENA_PRELIMINARY:
            arena.update(arena_scores(await uow.arena.events(round_.code), rules))
    teams = [TeamScores.of(t, showcase.get(t.code), arena.get(t.code)) for t in snapshot.data.teams]
    return compute_standings(contestants, teams, rules)


async def publish(
    uow: UnitOfWork,
    snapshot: ContestSnapshot,
    round_code: str,
    organizer: Person,
    version: int,
    now: datetime,
    rules: ScoringRules,
    confirmations: int = 1,
) -> Published:
    """Publishes `version` of the round (the next one, as the organizer saw it). With two
    confirmations, the first organizer's tap asks and a different organizer's tap publishes."""
    round_ = snapshot.rounds.get(round_code)
    if round_ is None or round_.kind not in SCORED:
        raise ScoringError(N_("{round} has no results to publish."), round=round_code)
    if confirmations > 1 and await uow.publications.version(round_code) < version:
        asked = await uow.publications.request(round_code, version, organizer.code, now)
        if asked == organizer.code:
            return Published(version, 0, first_time=False, awaiting=asked)
    if not await uow.publications.publish(round_code, version, organizer.code, now):
        return Published(version, 0, first_time=False)
    action = AuditAction.ROUND_PUBLISHED if version == 1 else AuditAction.CORRECTION_PUBLISHED
    subject = f"results:{round_code}"
    await record(uow, now, organizer.code, action, subject, after={"version": version})
    table = await standings(uow, snapshot, rules)
    key = f"result:{round_code}:v{version}"
    people = _concerned(snapshot, round_.track_code)
    deliveries = [
        reader.message(key, personal_result(reader.t, snapshot, round_, table, reader.person,
                                            version), Priority.RESULT)
        for reader in await readers(uow, snapshot, people)
    ]  # fmt: skip
    deliveries += await _to_followers(uow, snapshot, round_, table, version, now)
    queued = await uow.outbox.enqueue(deliveries, now)
    return Published(version, queued, first_time=True)


async def _to_followers(
    uow: UnitOfWork,
    snapshot: ContestSnapshot,
    round_: Round,
    table: Standings,
    version: int,
    now: datetime,
) -> list[NewDelivery]:
    """The track's standings for its followers: the picture, with the top teams as caption."""
    found = []
    default = snapshot.data.contest.default_locale
    for track in [round_.track_code] if round_.track_code else list(snapshot.tracks):
        followers = await uow.follows.followers(track)
        if not followers:
            continue
        picture = standings_picture(Texts(default, snapshot.zone), snapshot, round_, table, track)
        media = media_attachment(await uow.media.add(picture, f"standings-{track}.png", now))
        for follower in followers:
            t = Texts(follower.locale or default, snapshot.zone)
            text = track_standings(t, snapshot, round_, table, track, version)
            key = f"standings:{round_.code}:v{version}"
            found.append(
                NewDelivery(key, follower.chat_id, text, Priority.RESULT, attachment=media)
            )
    return found


def _concerned(snapshot: ContestSnapshot, track: str | None) -> list[Person]:
    """The contestants whose result the round is: those of its track (or of every track)."""
    return [
        p for p in snapshot.data.people
        if p.role is Role.CONTESTANT and p.team_code
        and (track is None or snapshot.teams[p.team_code].track_code == track)
    ]  # fmt: skip
