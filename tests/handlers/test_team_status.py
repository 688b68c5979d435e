"""A leader's /team: each member's check-in, and who acknowledged the current or next turn."""

from datetime import datetime

from bot.domain.enums import Locale
from bot.domain.problems import N_
from bot.texts.texts import Texts
from tests.handlers.broadcasting import button
from tests.handlers.conftest import ORGANIZER, SHANGHAI, Telegram

ARENA = datetime(2024, 9, 27, 8, 25, tzinfo=SHANGHAI)
H13_MEMBER, H13_LEADER = 5001, 5002  # team H13 has turn 2 of AR-12345
ZH = Texts(Locale.ZH_HANS, SHANGHAI)
ROUND = "擂台赛初赛（12345赛道）"


async def h13_is_next(joined: Telegram) -> None:
    await joined.join(H13_MEMBER, "H13-1")
    await joined.join(H13_LEADER, "H13-L")
    joined.clock.moment = ARENA
    board = await joined.send(ORGANIZER, "/live AR-12345")
    await joined.press(ORGANIZER, button(board, "▶ H14"))
    await joined.dispatcher["app"].reminders.tick()


def line(joined: Telegram, code: str, *parts: str) -> str:
    return f"· {joined.people[code].name}: " + "，".join(parts)


async def test_the_leader_sees_each_members_check_in(joined: Telegram) -> None:
    await h13_is_next(joined)
    await joined.send(H13_MEMBER, "/checkin")
    reply = await joined.ask(H13_LEADER, "/team")
    arrived = ZH(N_("checked in at {time}"), time="08:25")
    confirmed = ZH(N_("confirmed the turn at {time}"), time="08:25")
    assert line(joined, "H13-1", arrived, confirmed) in reply
    assert line(joined, "H13-2", ZH(N_("not checked in, has not joined the bot"))) in reply
    assert line(joined, "H13-L", ZH(N_("not checked in"))) in reply


async def test_the_leader_sees_who_acknowledged_the_next_turn(joined: Telegram) -> None:
    await h13_is_next(joined)
    await joined.send(H13_MEMBER, "/checkin")
    reply = await joined.ask(H13_LEADER, "/team")
    name = joined.people["H13-1"].name
    confirmed = N_("{round}, position {position}: confirmed by {name} at {time}.")
    assert ZH(confirmed, round=ROUND, position=2, name=name, time="08:25") in reply


async def test_an_unacknowledged_turn_says_so(joined: Telegram) -> None:
    await h13_is_next(joined)
    reply = await joined.ask(H13_LEADER, "/team")
    assert (
        ZH(N_("{round}, position {position}: not confirmed yet."), round=ROUND, position=2) in reply
    )


async def test_a_contestant_sees_the_team_without_the_members_status(joined: Telegram) -> None:
    await h13_is_next(joined)
    reply = await joined.ask(H13_MEMBER, "/team")
    assert joined.people["H13-L"].name in reply
    assert ZH(N_("<b>Your team today</b>")) not in reply
