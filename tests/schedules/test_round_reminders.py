"""A whole preliminary round with a delay and an absent team: who was told what, in order.

AR-12345 has 20 teams, 10 minutes each from 08:30. The script: turns 1 and 2 on time, a
10-minute delay at 08:50, turn 3 at 09:00, the team of turn 5 absent at 09:04, then a team
every ten minutes. Reminders: 60/30/15 minutes before, two teams before, next, on stage.
"""

from datetime import datetime, timedelta

from bot.domain.contest import ContestData
from bot.domain.live import EventKind
from bot.domain.reminders import ReminderPolicy
from bot.services.contest_cache import ContestCache
from bot.views import BotViews
from schedules.reminders import ReminderJobs, create_scheduler
from storage.database import Database
from tests.schedules.conftest import ROUND, SHANGHAI, Stage, open_stage

END = datetime(2024, 9, 27, 12, 0, tzinfo=SHANGHAI)
REGULAR = ["lead60", "two_before", "next", "on_stage"]
TAIL = range(6, 21)
SCRIPT = {
    "08:30": [(EventKind.START, 1)],
    "08:40": [(EventKind.START, 2)],
    "08:50": [(EventKind.DELAY, 10)],
    "09:00": [(EventKind.START, 3)],
    "09:04": [(EventKind.SKIP, 5)],
    "09:10": [(EventKind.START, 4)],
    **{
        f"{9 + (n - 4) // 6:02d}:{(n - 4) % 6 * 10:02d}": [(EventKind.START, n)]
        for n in range(6, 21)
    },
    "11:50": [(EventKind.FINISH, 20)],
}
EXPECTED = {
    1: ["lead60", "lead30", "lead15", "on_stage"],  # the round is not live before it
    2: ["lead60", "lead30", "lead15", "next", "on_stage"],
    3: ["lead60", "lead30", "two_before", "next", "on_stage"],  # queue replaces lead15
    4: ["lead60", "lead30", "two_before", "next", "on_stage"],
    5: ["lead60", "lead30", "two_before"],  # absent: nothing after the skip
    6: ["lead60", "lead30", "two_before", "next", "on_stage"],  # moved up by the skip
    **{position: REGULAR for position in range(7, 21)},
}


def by_position(stage: Stage, received: dict[str, list[str]]) -> dict[int, list[str]]:
    positions = {
        s.team_code: s.position for s in stage.snapshot.data.slots if s.round_code == ROUND
    }
    return {positions[team]: kinds for team, kinds in received.items()}


async def test_each_team_gets_exactly_its_reminders_in_order_once_each(stage: Stage) -> None:
    await stage.run_until(END, SCRIPT)
    assert by_position(stage, await stage.received()) == EXPECTED


async def test_two_before_carries_the_eta_from_the_live_timeline(stage: Stage) -> None:
    await stage.run_until(datetime(2024, 9, 27, 9, 5, tzinfo=SHANGHAI), SCRIPT)
    texts = await stage.texts(position=6)
    # After the skip: turn 3 on stage until 09:10, turn 4 until 09:20, printed 09:20 + 10.
    assert texts[-1] == "还有2支队伍就到你们了（预计09:30上场），请到第一会议厅候场区。"


async def test_a_restart_mid_round_loses_and_repeats_nothing(
    database: Database, demo_data: ContestData
) -> None:
    stage = await open_stage(database, demo_data, ReminderPolicy(escalate_after=()))
    await stage.run_until(datetime(2024, 9, 27, 9, 35, tzinfo=SHANGHAI), SCRIPT)
    stage.jobs = ReminderJobs(  # a new process: empty scheduler, cold caches
        create_scheduler(), database.unit_of_work, ContestCache(stage.clock), stage.clock,
        stage.jobs.policy, BotViews(),
    )  # fmt: skip
    await stage.run_until(END, SCRIPT)
    assert by_position(stage, await stage.received()) == EXPECTED


async def test_reminders_missed_while_down_go_late_only_while_still_useful(
    stage: Stage,
) -> None:
    await stage.run_until(datetime(2024, 9, 27, 8, 5, tzinfo=SHANGHAI), SCRIPT)
    stage.clock.moment += timedelta(minutes=21)  # down from 08:06 to 08:26
    await stage.run_until(END, SCRIPT)
    got = by_position(stage, await stage.received())
    assert got[1] == ["lead60", "lead30", "lead15", "on_stage"]  # 08:15's goes at 08:27
    assert got[2] == ["lead60", "lead15", "next", "on_stage"]  # 08:10's is skipped for 08:25's
