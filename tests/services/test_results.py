"""Publishing a round: previewed, refused while incomplete unless published anyway (the
missing then told as pending), withdrawn with a reason; on real repositories."""

from datetime import UTC, datetime
from decimal import Decimal

import pytest
from sqlalchemy import select, update

from bot.domain.accounts import Account
from bot.domain.audit import AuditAction
from bot.domain.contest import ContestData, Person
from bot.domain.enums import Locale, Role
from bot.domain.live import EventKind, StageEvent
from bot.domain.outbox import Status
from bot.domain.scoring.errors import ScoringError
from bot.domain.scoring.rules import ScoringRules
from bot.domain.snapshot import ContestSnapshot
from bot.services.results import preview, publish, standings
from bot.services.results_sheet import results_sheet
from bot.services.withdrawal import withdraw
from bot.texts.texts import Texts
from bot.views import BotViews
from storage.database import Database
from storage.models import DeliveryRow
from tests.conftest import stored

ROUND = "SC-12345"
NOW = datetime(2024, 9, 26, 6, tzinfo=UTC)
RULES = ScoringRules()
JOINED = {"H01-1": 5001, "H02-1": 5002, "H03-1": 5003, "W01-1": 5101}
FOLLOWER = 9001


@pytest.fixture
async def contest(database: Database, demo_data: ContestData) -> ContestSnapshot:
    snapshot = await stored(database, demo_data, JOINED)
    async with database.unit_of_work() as uow:
        account = await uow.accounts.save(Account(FOLLOWER, FOLLOWER, NOW, None, Locale.EN))
        assert account.id is not None
        await uow.follows.follow(account.id, "12345", NOW)
        await uow.commit()
    return snapshot


def texts(snapshot: ContestSnapshot, locale: Locale = Locale.EN) -> Texts:
    return Texts(locale, snapshot.zone)


def person(snapshot: ContestSnapshot, code: str) -> Person:
    return next(p for p in snapshot.data.people if p.code == code)


def judges(snapshot: ContestSnapshot) -> list[str]:
    return [p.code for p in snapshot.data.people if p.role is Role.JUDGE]


def teams(snapshot: ContestSnapshot) -> list[str]:
    return [s.team_code for s in snapshot.round_slots[ROUND] if s.team_code]


async def score(
    database: Database, snapshot: ContestSnapshot, teams: list[str], by: list[str] | None = None
) -> None:
    """Each judge (or those named) scores these teams; team Hnn gets 60 + nn."""
    async with database.unit_of_work() as uow:
        for team in teams:
            for judge in by or judges(snapshot):
                value = Decimal(60 + int(team[1:]))
                await uow.scores.set_showcase(ROUND, team, judge, value, NOW)
        await uow.commit()


async def publish_round(
    database: Database, snapshot: ContestSnapshot, anyway: bool = False, version: int = 1
) -> int:
    async with database.unit_of_work() as uow:
        done = await publish(uow, snapshot, ROUND, person(snapshot, "ORG1"), version, NOW,
                             RULES, BotViews(), anyway=anyway)  # fmt: skip
        await uow.commit()
    return done.notified


async def queued(database: Database, prefix: str) -> dict[int, tuple[str, str]]:
    async with database.engine.connect() as connection:
        rows = await connection.execute(
            select(DeliveryRow.chat_id, DeliveryRow.text, DeliveryRow.status).where(
                DeliveryRow.dedup_key.startswith(prefix)
            )
        )
        return {chat: (text, status) for chat, text, status in rows}


async def test_the_preview_names_each_judge_and_the_teams_they_have_not_scored(
    database: Database, contest: ContestSnapshot
) -> None:
    await score(database, contest, ["H01", "H02"], by=["J1"])
    async with database.unit_of_work() as uow:
        seen = await preview(uow, contest, ROUND, RULES, BotViews(), Locale.EN)
    progress = {j.judge_code: j for j in seen.done.judges}
    assert sorted(progress) == ["J1", "J2", "J3", "J4"]  # the panel assigned to the track
    assert sorted(progress["J1"].scored) == ["H01", "H02"]
    assert len(progress["J1"].missing) == 18
    assert progress["J2"].scored == ()
    assert (seen.done.complete, seen.version, seen.published) == (False, 1, 0)
    assert (seen.contestants, seen.followers) == (3, 1)  # the track's joined contestants
    assert seen.picture.startswith(b"\x89PNG")
    assert "Teams scored: 0 of 20." in seen.follower_text


async def test_an_incomplete_round_is_refused_and_nothing_is_queued(
    database: Database, contest: ContestSnapshot
) -> None:
    await score(database, contest, ["H01", "H02"])
    with pytest.raises(ScoringError) as refused:
        await publish_round(database, contest)
    assert refused.value.params == {"round": ROUND, "scored": 2, "count": 20}
    assert await queued(database, "result:") == {}


async def test_a_round_with_nothing_scored_is_refused_even_anyway(
    database: Database, contest: ContestSnapshot
) -> None:
    with pytest.raises(ScoringError):
        await publish_round(database, contest, anyway=True)


async def test_published_anyway_the_unscored_are_told_pending_and_nobody_a_dash_with_a_rank(
    database: Database, contest: ContestSnapshot
) -> None:
    await score(database, contest, ["H01", "H02"])
    await score(database, contest, ["H03"], by=["J1", "J2", "J3"])  # not every judge
    await publish_round(database, contest, anyway=True)
    messages = {chat: text for chat, (text, _) in (await queued(database, "result:")).items()}
    zh = texts(contest, Locale.ZH_HANS)
    assert "83.00" not in messages[JOINED["H02-1"]]
    assert zh("Your team's showcase score: {score} (rank {rank} of {count} teams).",
              score="62.00", rank=1, count=2) in messages[JOINED["H02-1"]]  # fmt: skip
    assert zh("Your team's showcase score is pending.") in messages[JOINED["H03-1"]]
    assert zh("Scored so far: {scored} of {count}; the other results are pending.",
              scored=2, count=20) in messages[JOINED["H03-1"]]  # fmt: skip
    assert all("–" not in text for text in messages.values())
    (follower_text, _) = (await queued(database, "standings:"))[FOLLOWER]
    assert "1. H02" in follower_text
    assert "2. H01" in follower_text
    assert "H03" not in follower_text.split("Not scored yet")[0]


async def test_an_absent_team_is_not_waited_for(
    database: Database, contest: ContestSnapshot
) -> None:
    absent = next(s for s in contest.round_slots[ROUND] if s.team_code == "H05")
    async with database.unit_of_work() as uow:
        await uow.stage_events.add(ROUND, StageEvent(EventKind.SKIP, NOW, absent.position), None)
        await uow.commit()
    await score(database, contest, [t for t in teams(contest) if t != "H05"])
    async with database.unit_of_work() as uow:
        seen = await preview(uow, contest, ROUND, RULES, BotViews(), Locale.EN)
    assert (seen.done.complete, seen.done.absent, len(seen.done.expected)) == (True, ("H05",), 19)


async def test_a_withdrawal_tells_each_recipient_once_and_unpublishes(
    database: Database, contest: ContestSnapshot
) -> None:
    await score(database, contest, teams(contest))
    assert await publish_round(database, contest) == 4  # three contestants and the follower
    reached = {FOLLOWER, JOINED["H01-1"]}  # their copies went out; the others wait
    async with database.engine.begin() as connection:
        await connection.execute(
            update(DeliveryRow).where(DeliveryRow.chat_id.in_(reached)).values(status=Status.SENT)
        )
    organizer = person(contest, "ORG1")
    async with database.unit_of_work() as uow:
        done = await withdraw(
            uow, contest, ROUND, organizer, " wrong judge sheet ", NOW, BotViews()
        )
        with pytest.raises(ScoringError):  # a second tap: nothing is published any more
            await withdraw(uow, contest, ROUND, organizer, "again", NOW, BotViews())
        await uow.commit()
    assert (done.version, done.notified, done.first_time) == (1, 2, True)
    notices = await queued(database, "withdrawn:")
    assert set(notices) == reached
    assert "wrong judge sheet" in notices[FOLLOWER][0]
    assert notices[FOLLOWER][0].startswith("⚠ <b>Correction</b>")  # the follower reads English
    waiting = await queued(database, "result:")
    assert {chat: status for chat, (_, status) in waiting.items()} == {
        JOINED["H01-1"]: Status.SENT, JOINED["H02-1"]: Status.CANCELLED,
        JOINED["H03-1"]: Status.CANCELLED,
    }  # fmt: skip
    async with database.unit_of_work() as uow:
        assert await uow.publications.published() == {}
        trail = await uow.audit.entries()
        sheet = await results_sheet(uow, contest, RULES)
    last = trail[-1]
    assert (last.action, last.reason, last.subject) == (
        AuditAction.PUBLICATION_WITHDRAWN, "wrong judge sheet", f"results:{ROUND}",
    )  # fmt: skip
    assert all(row.showcase is None for row in sheet.table.teams)  # not published any more
    assert any(h.round.code == ROUND and not h.published for h in sheet.held_back)


async def test_after_a_withdrawal_the_next_publication_is_a_correction(
    database: Database, contest: ContestSnapshot
) -> None:
    await score(database, contest, teams(contest))
    await publish_round(database, contest)
    async with database.unit_of_work() as uow:
        await withdraw(uow, contest, ROUND, person(contest, "ORG1"), "typo", NOW, BotViews())
        seen = await preview(uow, contest, ROUND, RULES, BotViews(), Locale.EN)
        await uow.commit()
    assert (seen.version, seen.published) == (2, 0)
    await publish_round(database, contest, version=2)
    async with database.unit_of_work() as uow:
        assert await uow.publications.published() == {ROUND: 2}


async def test_a_withdrawal_needs_a_reason_and_a_published_round(
    database: Database, contest: ContestSnapshot
) -> None:
    organizer = person(contest, "ORG1")
    async with database.unit_of_work() as uow:
        with pytest.raises(ScoringError):
            await withdraw(uow, contest, ROUND, organizer, "why not", NOW, BotViews())
        with pytest.raises(ScoringError):
            await withdraw(uow, contest, ROUND, organizer, "  ", NOW, BotViews())


async def test_the_draft_ranks_only_the_scored_and_the_published_view_only_the_published(
    database: Database, contest: ContestSnapshot
) -> None:
    await score(database, contest, ["H04"])
    async with database.unit_of_work() as uow:
        draft = await standings(uow, contest, RULES)
        public = await standings(uow, contest, RULES, published_only=True)
    ranked = [(r.team_code, r.rank) for r in draft.teams_in("12345") if r.scored]
    assert ranked == [("H04", 1)]
    assert not any(r.scored for r in public.teams)


async def test_a_total_without_the_theory_paper_is_pending_not_a_dash(
    database: Database, contest: ContestSnapshot
) -> None:
    await score(database, contest, teams(contest))
    arena = "AR-12345"
    async with database.unit_of_work() as uow:
        for slot in contest.round_slots[arena]:
            if slot.team_code:
                await uow.arena.add(arena, slot.team_code, "buzz", "correct", None, None, NOW)
        done = await publish(
            uow, contest, arena, person(contest, "ORG1"), 1, NOW, RULES, BotViews()
        )
        await uow.commit()
    assert done.first_time
    messages = {chat: text for chat, (text, _) in (await queued(database, "result:")).items()}
    zh = texts(contest, Locale.ZH_HANS)
    assert zh("Your total is pending.") in messages[JOINED["H01-1"]]
    assert all("–" not in text for text in messages.values())
