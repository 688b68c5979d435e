"""Standings from the scores entered so far, and publishing a round's results.

Nothing leaves before an organizer publishes: the draft standings are for organizers only.
`/publish` first previews a round (`preview`): how complete its inputs are, who would receive
what. An incomplete round is refused unless the organizer publishes it anyway, and then the
missing results are told as pending. Publishing records a new version of the round (1, then
one per correction), writes the audit trail, and queues each contestant's own result, the
track's standings for its followers and, for the notary, the audit trail's head; the version is
part of the outbox keys, so a double tap publishes and notifies once. Withdrawing a version is
in bot.services.withdrawal, the results export in bot.services.results_sheet.

Which rounds count (see bot.domain.scoring.standings on who is scored): the draft counts the
complete and the published rounds; the published results count, and use the inputs of, only
the published rounds that were not withdrawn. A team's showcase score exists once every
expected judge has scored it (bot.domain.scoring.completeness), never from a partial panel.
"""

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from bot.domain.audit import AuditAction
from bot.domain.contest import Person, Round
from bot.domain.enums import Locale, Role, RoundKind
from bot.domain.live import replay
from bot.domain.outbox import NewDelivery, Priority, media_attachment
from bot.domain.problems import N_
from bot.domain.scoring.arena import ArenaEvent, arena_scores
from bot.domain.scoring.completeness import (
    SCORED_KINDS,
    Completeness,
    arena_completeness,
    expected_judges,
    round_contestants,
    round_teams,
    showcase_completeness,
    theory_completeness,
)
from bot.domain.scoring.errors import ScoringError
from bot.domain.scoring.inputs import ContestantScores, Input, TeamScores
from bot.domain.scoring.rules import ScoringRules
from bot.domain.scoring.showcase import trimmed_mean
from bot.domain.scoring.standings import Standings, compute_standings
from bot.domain.snapshot import ContestSnapshot
from bot.domain.timeline import SlotState
from bot.services.audit import record
from bot.services.ports import ResultViews, UnitOfWork
from bot.services.readers import readers

SCORED = set(SCORED_KINDS)
INPUT_OF = {
    RoundKind.THEORY: Input.THEORY,
    RoundKind.SHOWCASE: Input.SHOWCASE,
    RoundKind.ARENA_PRELIMINARY: Input.ARENA,
}


@dataclass(frozen=True, slots=True)
class Published:
    version: int
    notified: int  # deliveries queued
    first_time: bool  # False: this version existed already (a repeated publish)
    awaiting: str = ""  # the organizer who asked, while a second one must confirm


@dataclass(frozen=True, slots=True)
class Inputs:
    """Everything entered so far, published or not."""

    theory: dict[str, tuple[Decimal, Decimal | None]]
    showcase: dict[str, dict[str, dict[str, Decimal]]]  # round → team → judge → score
    arena: dict[str, list[ArenaEvent]]  # round → its events
    absent: dict[str, set[str]]  # round → the teams skipped in its live run


@dataclass(frozen=True, slots=True)
class Preview:
    """What publishing a round would do, for the organizer to check first."""

    round: Round
    done: Completeness
    version: int  # the version a confirmation publishes
    published: int  # the version out now; 0 when none is (never, or withdrawn)
    contestants: int  # personal messages (contestants of the round who joined)
    followers: int  # followers of its track(s)
    sample: str  # one personal message, in the organizer's language
    follower_text: str  # the first track's text for its followers
    picture: bytes
    asked_by: str  # the organizer who asked, when a second one must confirm


async def load_inputs(uow: UnitOfWork, snapshot: ContestSnapshot) -> Inputs:
    showcase: dict[str, dict[str, dict[str, Decimal]]] = {}
    arena: dict[str, list[ArenaEvent]] = {}
    absent: dict[str, set[str]] = {}
    events = await uow.stage_events.by_round()
    for round_ in snapshot.data.rounds:
        if round_.kind is RoundKind.SHOWCASE:
            showcase[round_.code] = await uow.scores.showcase(round_.code)
        elif round_.kind is RoundKind.ARENA_PRELIMINARY:
            arena[round_.code] = await uow.arena.events(round_.code)
        progress = replay(events.get(round_.code, []))
        absent[round_.code] = {
            slot.team_code
            for slot in snapshot.round_slots.get(round_.code, ())
            if slot.team_code and progress.state(slot.position) is SlotState.SKIPPED
        }
    return Inputs(await uow.scores.theory(), showcase, arena, absent)


def completeness_of(snapshot: ContestSnapshot, round_: Round, inputs: Inputs) -> Completeness:
    absent = inputs.absent.get(round_.code, set())
    if round_.kind is RoundKind.THEORY:
        contestants = round_contestants(snapshot, round_)
        return theory_completeness(round_, contestants, inputs.theory, bool(inputs.theory))
    teams = round_teams(snapshot, round_)
    if round_.kind is RoundKind.SHOWCASE:
        judges = [j.code for j in expected_judges(snapshot, round_.code)]
        scores = inputs.showcase.get(round_.code, {})
        return showcase_completeness(round_, teams, judges, scores, absent)
    with_events = {e.team for e in inputs.arena.get(round_.code, [])}
    return arena_completeness(round_, teams, with_events, absent)


async def completeness(uow: UnitOfWork, snapshot: ContestSnapshot, round_code: str) -> Completeness:
    round_ = scored_round(snapshot, round_code)
    return completeness_of(snapshot, round_, await load_inputs(uow, snapshot))


def table(
    snapshot: ContestSnapshot,
    inputs: Inputs,
    rules: ScoringRules,
    counted: Collection[str],
    only: Collection[str] | None = None,
) -> Standings:
    """The standings from the inputs of the rounds in `only` (every round when None), every
    row needing the inputs of the `counted` rounds of its track to be scored."""
    rounds = [r for r in snapshot.data.rounds if r.kind in SCORED]
    used = [r for r in rounds if only is None or r.code in only]
    theory_tracks = {r.track_code for r in used if r.kind is RoundKind.THEORY}
    contestants = [
        ContestantScores.of(p, *inputs.theory.get(p.code, (None, None)))
        if only is None or theory_tracks & {None, snapshot.teams[p.team_code].track_code}
        else ContestantScores.of(p)
        for p in snapshot.data.people
        if p.role is Role.CONTESTANT and p.team_code
    ]
    showcase: dict[str, Decimal] = {}
    arena: dict[str, Decimal] = {}
    for round_ in used:
        if round_.kind is RoundKind.SHOWCASE:
            complete = set(completeness_of(snapshot, round_, inputs).scored)
            for team, judges in inputs.showcase.get(round_.code, {}).items():
                if team in complete:
                    showcase[team] = trimmed_mean(list(judges.values()), rules)
        elif round_.kind is RoundKind.ARENA_PRELIMINARY:
            arena.update(arena_scores(inputs.arena.get(round_.code, []), rules))
    teams = [TeamScores.of(t, showcase.get(t.code), arena.get(t.code)) for t in snapshot.data.teams]
    return compute_standings(contestants, teams, rules, _required(snapshot, rounds, counted))


async def standings(
    uow: UnitOfWork, snapshot: ContestSnapshot, rules: ScoringRules, published_only: bool = False
) -> Standings:
    """The draft standings (everything entered), or only what is published."""
    inputs = await load_inputs(uow, snapshot)
    published = set(await uow.publications.published())
    if published_only:
        return table(snapshot, inputs, rules, published, published)
    return table(snapshot, inputs, rules, published | complete_rounds(snapshot, inputs))


def complete_rounds(snapshot: ContestSnapshot, inputs: Inputs) -> set[str]:
    return {
        r.code
        for r in snapshot.data.rounds
        if r.kind in SCORED and completeness_of(snapshot, r, inputs).complete
    }


async def preview(
    uow: UnitOfWork, snapshot: ContestSnapshot, round_code: str, rules: ScoringRules,
    views: ResultViews, locale: Locale,
) -> Preview:  # fmt: skip
    """What publishing the round would do, the messages in the organizer's `locale`."""
    round_ = scored_round(snapshot, round_code)
    inputs = await load_inputs(uow, snapshot)
    done = completeness_of(snapshot, round_, inputs)
    version = (await uow.publications.versions()).get(round_code, 0) + 1
    published = (await uow.publications.published()).get(round_code, 0)
    asked = (await uow.publications.requests()).get(round_code)
    result = await _publication_table(uow, snapshot, inputs, round_, rules)
    people = concerned(snapshot, round_.track_code)
    joined = await readers(uow, snapshot, people)
    sample_person = joined[0].person if joined else (people[0] if people else None)
    sample = (
        views.personal_results(snapshot, round_, result, version, done)(locale, sample_person)
        if sample_person is not None
        else ""
    )
    tracks = round_tracks(snapshot, round_)
    followers = sum([len(await uow.follows.followers(track)) for track in tracks])
    first = tracks[0] if tracks else ""
    return Preview(
        round=round_,
        done=done,
        version=version,
        published=published,
        contestants=len(joined),
        followers=followers,
        sample=sample,
        follower_text=views.track_standings(locale, snapshot, round_, result, first, version),
        picture=views.standings_picture(locale, snapshot, round_, result, first),
        asked_by=asked[1] if asked and asked[0] == version else "",
    )


async def publish(
    uow: UnitOfWork,
    snapshot: ContestSnapshot,
    round_code: str,
    organizer: Person,
    version: int,
    now: datetime,
    rules: ScoringRules,
    views: ResultViews,
    confirmations: int = 1,
    anyway: bool = False,
) -> Published:
    """Publishes `version` of the round (the next one, as the organizer saw it). With two
    confirmations, the first organizer's tap asks and a different organizer's tap publishes.
    An incomplete round is refused unless `anyway`; one with nothing scored always is."""
    round_ = scored_round(snapshot, round_code)
    inputs = await load_inputs(uow, snapshot)
    done = completeness_of(snapshot, round_, inputs)
    if (await uow.publications.versions()).get(round_code, 0) < version:
        _check_complete(round_, done, anyway)
    if confirmations > 1 and await uow.publications.version(round_code) < version:
        asked = await uow.publications.request(round_code, version, organizer.code, now)
        if asked == organizer.code:
            return Published(version, 0, first_time=False, awaiting=asked)
    if not await uow.publications.publish(round_code, version, organizer.code, now):
        return Published(version, 0, first_time=False)
    action = AuditAction.ROUND_PUBLISHED if version == 1 else AuditAction.CORRECTION_PUBLISHED
    after: dict[str, str | int] = {"version": version}
    if not done.complete:
        after["scored"] = f"{len(done.scored)}/{len(done.expected)}"
    head = await record(uow, now, organizer.code, action, f"results:{round_code}", after=after)
    result = await _publication_table(uow, snapshot, inputs, round_, rules)
    key = f"result:{round_code}:v{version}"
    people = concerned(snapshot, round_.track_code)
    told = views.personal_results(snapshot, round_, result, version, done)
    deliveries = [
        reader.message(key, told(reader.locale, reader.person), Priority.RESULT)
        for reader in await readers(uow, snapshot, people)
    ]
    deliveries += await _to_followers(uow, snapshot, round_, result, version, now, views)
    notaries = [p for p in snapshot.data.people if p.role is Role.AUDITOR]
    deliveries += [
        reader.message(f"anchor:{round_code}:v{version}", views.publication_notice(
            reader.locale, snapshot, round_, version, head), Priority.RESULT)
        for reader in await readers(uow, snapshot, notaries)
    ]  # fmt: skip
    queued = await uow.outbox.enqueue(deliveries, now)
    return Published(version, queued, first_time=True)


def _check_complete(round_: Round, done: Completeness, anyway: bool) -> None:
    if not done.scored:
        raise ScoringError(N_("Nothing of {round} has been scored yet; nothing was published."),
                           round=round_.code)  # fmt: skip
    if not done.complete and not anyway:
        message = N_("{round} is incomplete ({scored} of {count} scored); nothing was published.")
        raise ScoringError(message, round=round_.code, scored=len(done.scored),
                           count=len(done.expected))  # fmt: skip


async def _publication_table(
    uow: UnitOfWork, snapshot: ContestSnapshot, inputs: Inputs, round_: Round, rules: ScoringRules
) -> Standings:
    """The standings a publication of the round shows: everything entered, each row needing
    the inputs of the round itself and of the rounds published or complete. The arena's
    publication tells totals, so there a row needs every input its track has a round for."""
    counted = set(await uow.publications.published()) | complete_rounds(snapshot, inputs)
    if round_.kind is RoundKind.ARENA_PRELIMINARY:
        tracks = set(round_tracks(snapshot, round_))
        counted |= {
            r.code
            for r in snapshot.data.rounds
            if r.kind in SCORED and (r.track_code is None or r.track_code in tracks)
        }
    return table(snapshot, inputs, rules, counted | {round_.code})


def _required(
    snapshot: ContestSnapshot, rounds: Collection[Round], counted: Collection[str]
) -> dict[str, set[Input]]:
    required: dict[str, set[Input]] = {track: set() for track in snapshot.tracks}
    for round_ in rounds:
        if round_.code in counted:
            for track in [round_.track_code] if round_.track_code else list(snapshot.tracks):
                required.setdefault(track, set()).add(INPUT_OF[round_.kind])
    return required


def scored_round(snapshot: ContestSnapshot, round_code: str) -> Round:
    round_ = snapshot.rounds.get(round_code)
    if round_ is None or round_.kind not in SCORED:
        raise ScoringError(N_("{round} has no results to publish."), round=round_code)
    return round_


def round_tracks(snapshot: ContestSnapshot, round_: Round) -> list[str]:
    return [round_.track_code] if round_.track_code else list(snapshot.tracks)


async def _to_followers(
    uow: UnitOfWork,
    snapshot: ContestSnapshot,
    round_: Round,
    result: Standings,
    version: int,
    now: datetime,
    views: ResultViews,
) -> list[NewDelivery]:
    """The track's standings for its followers: the picture, with the top teams as caption."""
    found = []
    default = snapshot.data.contest.default_locale
    for track in round_tracks(snapshot, round_):
        followers = await uow.follows.followers(track)
        if not followers:
            continue
        picture = views.standings_picture(default, snapshot, round_, result, track)
        media = media_attachment(await uow.media.add(picture, f"standings-{track}.png", now))
        for follower in followers:
            locale = follower.locale or default
            text = views.track_standings(locale, snapshot, round_, result, track, version)
            key = f"standings:{round_.code}:v{version}"
            found.append(
                NewDelivery(key, follower.chat_id, text, Priority.RESULT, attachment=media)
            )
    return found


def concerned(snapshot: ContestSnapshot, track: str | None) -> list[Person]:
    """The contestants whose result the round is: those of its track (or of every track)."""
    return [
        p for p in snapshot.data.people
        if p.role is Role.CONTESTANT and p.team_code
        and (track is None or snapshot.teams[p.team_code].track_code == track)
    ]  # fmt: skip
