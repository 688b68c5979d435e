"""A whole preliminary through the bot: judges score the showcase, the scorekeeper keeps the
arena, theory comes from the exam system; nothing reaches contestants until it is published,
then each gets exactly one message with their own total and rank."""

from datetime import UTC, datetime
from decimal import Decimal

from bot.domain.scoring.rules import ScoringRules
from bot.services.results import standings
from bot.services.scores import import_theory
from tests.handlers.broadcasting import button, database
from tests.handlers.conftest import CONTESTANT, ORGANIZER, Telegram
from tests.handlers.test_scoring import TRACK, publish, results, score_everything

CONTESTANTS = {7000 + n: f"H{n:02d}-2" for n in range(1, 21)}


async def keep_the_arena(telegram: Telegram) -> None:
    """One buzzer answer per team: right for even team numbers, wrong for odd ones."""
    for team in TRACK:
        calls = await telegram.send(ORGANIZER, "/arena AR-12345")
        calls = await telegram.press(ORGANIZER, button(calls, team))
        calls = await telegram.press(ORGANIZER, button(calls, "抢答题"))
        outcome = "✓ 答对" if int(team[1:]) % 2 == 0 else "✗ 答错"
        await telegram.press(ORGANIZER, button(calls, outcome))


async def import_papers(telegram: Telegram) -> None:
    snapshot = await telegram.dispatcher["app"].contests.get(database(telegram).unit_of_work())
    papers = {
        person.code: (Decimal(60) + Decimal(index % 37), Decimal(10) + Decimal(index % 9))
        for index, person in enumerate(snapshot.data.people)
        if person.role.value == "contestant"
    }
    async with database(telegram).unit_of_work() as uow:
        await import_theory(uow, snapshot, papers, datetime.now(UTC), ScoringRules())
        await uow.commit()


async def test_a_whole_preliminary_reaches_each_contestant_once_and_only_when_published(
    joined: Telegram,
) -> None:
    for user, code in CONTESTANTS.items():
        await joined.join(user, code)
    await score_everything(joined)
    await keep_the_arena(joined)
    await import_papers(joined)
    assert await results(joined) == []  # nothing before publication
    await publish(joined, round_label="擂台赛初赛（12345赛道）")
    delivered = await results(joined)
    assert sorted(d.chat_id for d in delivered) == sorted([*CONTESTANTS, CONTESTANT])
    snapshot = await joined.dispatcher["app"].contests.get(database(joined).unit_of_work())
    async with database(joined).unit_of_work() as uow:
        table = await standings(uow, snapshot, ScoringRules())
    rows = {row.person_code: row for row in table.individuals}
    for delivery in delivered:
        code = CONTESTANTS.get(delivery.chat_id, "H07-1")
        row = rows[code]
        assert f"你的总成绩：{row.total:.2f}" in delivery.text
        assert f"本赛道 60 人中第 {row.rank} 名" in delivery.text
