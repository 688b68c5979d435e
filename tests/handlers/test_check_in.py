"""/checkin: once a day, on contest days, for contestants and leaders."""

from datetime import datetime, timedelta

from handlers.reminders.callbacks import CheckInButton
from tests.handlers.broadcasting import database, is_alert, sent
from tests.handlers.conftest import CONTESTANT, JUDGE, ORGANIZER, SHANGHAI, Telegram


async def test_a_contestant_checks_in_with_the_time(joined: Telegram) -> None:
    reply = await joined.ask(CONTESTANT, "/checkin")
    assert reply.startswith("已于 08:00 签到")
    person = joined.people["H07-1"]
    assert person.id is not None
    async with database(joined).unit_of_work() as uow:
        assert await uow.check_ins.checked_in(joined.clock.now().date()) == {person.id}


async def test_checking_in_again_keeps_the_first_time(joined: Telegram) -> None:
    await joined.send(CONTESTANT, "/checkin")
    joined.clock.moment += timedelta(minutes=20)
    assert "你今天已于 08:00 签到" in await joined.ask(CONTESTANT, "/checkin")


async def test_there_is_nothing_to_check_in_for_on_a_day_off(joined: Telegram) -> None:
    joined.clock.moment += timedelta(days=30)
    assert "今天没有赛程安排" in await joined.ask(CONTESTANT, "/checkin")


async def test_a_judge_is_not_offered_check_in(joined: Telegram) -> None:
    calls = await joined.send(JUDGE, "/checkin")
    assert "/checkin" in sent(calls)[0].text
    assert "not available" in sent(calls)[0].text


async def test_organizers_see_who_is_missing_per_round(joined: Telegram) -> None:
    joined.clock.moment = datetime(2024, 9, 27, 8, 0, tzinfo=SHANGHAI)
    await joined.join(5001, "H14-1")
    await joined.send(5001, "/checkin")
    text = await joined.ask(ORGANIZER, "/checkins")
    assert "<b>擂台赛初赛（12345赛道）</b>：80 人中已签到 1 人" in text
    h14 = next(line for line in text.splitlines() if line.startswith("· H14 "))
    assert joined.people["H14-1"].name not in h14
    assert joined.people["H14-L"].name in h14


async def test_organizers_see_each_team_with_its_count(joined: Telegram) -> None:
    joined.clock.moment = datetime(2024, 9, 27, 8, 0, tzinfo=SHANGHAI)
    for user, code in ((5001, "H14-1"), (5002, "H14-2"), (5003, "H14-3"), (5004, "H14-L")):
        await joined.join(user, code)
        await joined.send(user, "/checkin")
    await joined.join(5005, "H13-1")
    await joined.send(5005, "/checkin")
    text = await joined.ask(ORGANIZER, "/checkins")
    teams = await team_names(joined)
    assert f"✓ H14 {teams['H14']} 4/4" in text.splitlines()
    missing = "，".join(joined.people[code].name for code in ("H13-2", "H13-3", "H13-L"))
    assert f"· H13 {teams['H13']} 1/4（未签到：{missing}）" in text.splitlines()


async def team_names(joined: Telegram) -> dict[str, str]:
    async with database(joined).unit_of_work() as uow:
        data = await uow.contest.load()
    assert data is not None
    return {team.code: team.name for team in data.teams}


async def test_the_button_under_a_reminder_checks_in_whoever_presses_it(joined: Telegram) -> None:
    calls = await joined.press(CONTESTANT, CheckInButton().pack())
    assert calls[0].text.startswith("已于 08:00 签到")  # type: ignore[attr-defined]
    assert "已于 08:00" in await joined.ask(CONTESTANT, "/checkin")


async def test_a_judge_pressing_the_check_in_button_is_refused(joined: Telegram) -> None:
    assert is_alert(await joined.press(JUDGE, CheckInButton().pack()))


async def test_early_reminders_carry_the_check_in_button(joined: Telegram) -> None:
    await joined.join(5001, "H14-1")  # turn 1 of AR-12345 at 08:30 on the 27th
    joined.clock.moment = datetime(2024, 9, 27, 7, 30, tzinfo=SHANGHAI)
    app = joined.dispatcher["app"]
    await app.reminders.resync()
    await app.reminders.tick()
    async with database(joined).unit_of_work() as uow:
        (due,) = await uow.outbox.claim_due(joined.clock.now(), 10)
    assert due.buttons == ((("✅ 我已到场", CheckInButton().pack()),),)
