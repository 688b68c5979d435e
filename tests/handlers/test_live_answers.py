"""Once a round is live, /next, /where, /today and questions in plain words follow the live run.

The showcase of the 12345 track (26 Sep, 20 teams of 8 minutes from 13:30) is run through the
organizer's /live board, as on the day: the clock moves, the organizer taps the board's buttons.
The leader of H01 (printed 15:30, No. 16) and a contestant of H07 (printed 14:18, No. 7) ask.
"""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.domain.enums import Locale
from bot.i18n import translator
from tests.handlers.broadcasting import button, database
from tests.handlers.conftest import CONTESTANT, LEADER, ORGANIZER, Telegram

SHANGHAI = ZoneInfo("Asia/Shanghai")
OPENING = datetime(2024, 9, 26, 13, 30, tzinfo=SHANGHAI)
ROUND = "风采展示（12345赛道）"
zh = translator(Locale.ZH_HANS)


def at(hour: int, minute: int, second: int = 0) -> datetime:
    return datetime(2024, 9, 26, hour, minute, second, tzinfo=SHANGHAI)


async def tap(joined: Telegram, when: datetime, label: str) -> None:
    """The organizer opens the showcase's board at `when` and taps the button `label…`."""
    joined.clock.moment = when
    calls = await joined.send(ORGANIZER, "/live SC-12345")
    await joined.press(ORGANIZER, button(calls, label))


async def call_in_turn(joined: Telegram, first: datetime, every: timedelta, teams: int) -> None:
    """The next `teams` teams in line go on stage one after another, `every` apart."""
    for n in range(teams):
        await tap(joined, first + n * every, "▶ H")


# Fifteen teams called 4′32″ apart from 13:30: H01 (No. 16) is called at 14:38, not 15:30.
EARLY = timedelta(minutes=4, seconds=32)


@pytest.fixture
async def h01_called(joined: Telegram) -> Telegram:
    await call_in_turn(joined, OPENING, EARLY, 16)
    return joined


async def test_a_team_called_early_is_told_it_is_on_stage_not_its_printed_time(
    h01_called: Telegram,
) -> None:
    h01_called.clock.moment = at(14, 40)
    reply = await h01_called.ask(LEADER, "/next")
    assert zh("You are on stage now (since {time}).").format(time="14:38") in reply
    assert "15:30" not in reply
    assert "前面还有" not in reply


async def test_after_performing_a_team_is_told_when_and_moves_on(h01_called: Telegram) -> None:
    await tap(h01_called, at(14, 43), "✓ H01")
    h01_called.clock.moment = at(14, 50)
    reply = await h01_called.ask(LEADER, "/next")
    assert zh("You finished {round} at {time}.").format(round=ROUND, time="14:43") in reply
    assert "你们已于 14:43 完成风采展示" in reply
    assert zh("Next on the programme:") in reply
    done, upcoming = reply.split(zh("Next on the programme:"))
    assert "前面还有" not in done
    assert "擂台赛初赛（12345赛道）" in upcoming  # tomorrow's arena, the next item
    assert "（按计划）" in upcoming


@pytest.mark.parametrize("question", ["我们队几点上场？", "前面还有几个队", "轮到我们了吗"])
async def test_the_command_and_the_question_in_words_say_the_same(
    h01_called: Telegram, question: str
) -> None:
    h01_called.clock.moment = at(14, 40)
    assert await h01_called.ask(LEADER, question) == await h01_called.ask(LEADER, "/next")
    await tap(h01_called, at(14, 43), "✓ H01")
    assert await h01_called.ask(LEADER, question) == await h01_called.ask(LEADER, "/next")


async def test_a_waiting_team_asking_how_many_are_ahead_gets_the_live_count(
    joined: Telegram,
) -> None:
    await call_in_turn(joined, OPENING, timedelta(minutes=3), 4)
    joined.clock.moment = at(13, 40)
    reply = await joined.ask(CONTESTANT, "前面还有几个队")
    assert "前面还有 3 支队伍" in reply
    assert reply == await joined.ask(CONTESTANT, "/next")


async def test_after_the_round_where_no_longer_names_it_as_the_next_stop(
    joined: Telegram,
) -> None:
    await call_in_turn(joined, OPENING, EARLY, 20)
    await tap(joined, at(15, 3), "✓ H")
    joined.clock.moment = at(15, 10)
    reply = await joined.ask(CONTESTANT, "/where")
    stop = reply.split(zh("Your next stop:"))[1]
    assert ROUND not in stop
    assert "擂台赛初赛（12345赛道）" in stop
    assert "你们已于" in reply
    assert "完成风采展示" in reply
    assert "前面还有" not in (await joined.ask(CONTESTANT, "我们队几点上场？")).split("\n\n")[0]


async def test_a_waiting_team_counts_only_the_teams_still_to_perform(joined: Telegram) -> None:
    await call_in_turn(joined, OPENING, timedelta(minutes=3), 4)  # ahead of the printed times
    joined.clock.moment = at(13, 40)  # No. 4 on stage; the programme has No. 2 on until 13:46
    reply = await joined.ask(CONTESTANT, "/next")
    assert "第 7 位（共 20 队），前面还有 3 支队伍" in reply


async def test_a_delay_moves_the_expected_time_and_is_said(joined: Telegram) -> None:
    await tap(joined, OPENING, "▶ H")
    await tap(joined, at(13, 31), "+10′")
    reply = await joined.ask(CONTESTANT, "/next")
    assert zh("Expected {span} (live)").format(span="9月26日周四 14:28–14:36") in reply
    assert zh("The round is running {minutes} min late.").format(minutes=10) in reply


async def test_a_paused_round_says_it_is_paused(joined: Telegram) -> None:
    await tap(joined, OPENING, "▶ H")
    await tap(joined, at(13, 33), "⏸")
    reply = await joined.ask(CONTESTANT, "我们队几点上场？")
    assert zh("The round is paused; expected times move on when it resumes.") in reply
    assert zh("You are next.") not in reply


async def test_an_absent_team_is_told_so_and_moves_on(joined: Telegram) -> None:
    await call_in_turn(joined, OPENING, timedelta(minutes=8), 6)
    await tap(joined, at(14, 15), "✗ H07")
    joined.clock.moment = at(14, 16)
    reply = await joined.ask(CONTESTANT, "/next")
    assert zh("Your team was marked absent from {round}.").format(round=ROUND) in reply
    assert "擂台赛初赛（12345赛道）" in reply


async def test_before_the_round_is_live_the_answer_says_the_time_is_planned(
    joined: Telegram,
) -> None:
    joined.clock.moment = at(12, 0)
    reply = await joined.ask(CONTESTANT, "/next")
    assert zh("{span} (planned)").format(span="9月26日周四 14:18–14:26") in reply


async def test_today_marks_what_is_done_on_now_and_next(joined: Telegram) -> None:
    await call_in_turn(joined, OPENING, timedelta(minutes=8), 3)
    joined.clock.moment = at(13, 50)
    lines = (await joined.ask(CONTESTANT, "/today")).splitlines()
    theory = next(line for line in lines if "理论考试" in line)
    showcase = next(line for line in lines if ROUND in line)
    assert theory.endswith(zh("✅ done"))
    assert showcase.endswith(zh("🔴 on now"))
    own = zh("your turn: expected {time}, No. {position}; teams before you: {before}")
    assert own.format(time="14:18", position=7, before=4) in lines[lines.index(showcase) + 1]


async def test_today_gives_a_late_round_its_expected_end(joined: Telegram) -> None:
    await tap(joined, OPENING, "▶ H")
    await tap(joined, at(13, 31), "+10′")
    reply = await joined.ask(CONTESTANT, "/today")
    assert zh(" (expected to end at {time})").format(time="16:20") in reply


async def test_today_after_the_team_performed_says_when(joined: Telegram) -> None:
    await call_in_turn(joined, OPENING, timedelta(minutes=5), 8)  # H07 from 14:00 to 14:05
    joined.clock.moment = at(14, 6)
    reply = await joined.ask(CONTESTANT, "/today")
    assert zh("you finished at {time}").format(time="14:05") in reply


async def test_who_is_on_stage_follows_the_live_board(joined: Telegram) -> None:
    await call_in_turn(joined, OPENING, EARLY, 16)
    joined.clock.moment = at(14, 40)
    reply = await joined.ask(CONTESTANT, "现在谁在台上")
    async with database(joined).unit_of_work() as uow:
        data = await uow.contest.load()
    assert data is not None
    names = {team.code: team.name for team in data.teams}
    assert names["H01"] in reply  # on stage since 14:38, although printed for 15:30
    assert names["H07"] not in reply  # printed for 14:18–14:26 but performed long ago


async def test_another_team_asked_about_is_named_not_called_you(h01_called: Telegram) -> None:
    h01_called.clock.moment = at(14, 40)
    async with database(h01_called).unit_of_work() as uow:
        data = await uow.contest.load()
    assert data is not None
    name = next(team.name for team in data.teams if team.code == "H01")
    reply = await h01_called.ask(CONTESTANT, "H01什么时候上场")
    assert zh("{team} is on stage now (since {time}).").format(team=name, time="14:38") in reply
