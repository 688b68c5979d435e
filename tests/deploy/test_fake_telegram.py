"""The multi-instance bench's fake Telegram: its limits are Telegram's at their strictest, and
its counts say what arrived, per recipient, per update and per second."""

from aiohttp import ClientSession, web
from aiohttp.test_utils import TestServer

from bench.fake_telegram import SECRET_HEADER, FakeTelegram, Sent, SlidingLimits, user_message
from bench.multi_instance_counts import duplicated, handled_twice, lost, peak, peak_per_chat


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def sent(chat_id: int, text: str, at: float = 0.0, update_id: int | None = None) -> Sent:
    return Sent(chat_id, "sendmessage", text, at, update_id)


def test_thirty_messages_go_in_a_second_and_the_next_waits() -> None:
    clock = Clock()
    limits = SlidingLimits(clock)
    assert [limits.acquire(chat) for chat in range(1, 31)] == [0] * 30
    assert limits.acquire(31) == 1
    clock.now = 1.0
    assert limits.acquire(31) == 0


def test_a_chat_gets_one_message_a_second() -> None:
    clock = Clock()
    limits = SlidingLimits(clock)
    assert limits.acquire(5) == 0
    clock.now = 0.5
    assert limits.acquire(5) == 1
    assert limits.acquire(6) == 0


def test_a_group_gets_twenty_messages_a_minute() -> None:
    clock = Clock()
    limits = SlidingLimits(clock)
    for second in range(20):
        clock.now = float(second)
        assert limits.acquire(-100) == 0
    clock.now = 20.0
    assert limits.acquire(-100) == 40


def test_a_burst_after_a_pause_still_counts_thirty_in_any_second() -> None:
    clock = Clock()
    limits = SlidingLimits(clock)
    clock.now = 0.9
    accepted = sum(limits.acquire(chat) == 0 for chat in range(1, 31))
    clock.now = 1.1
    accepted_next = sum(limits.acquire(chat) == 0 for chat in range(31, 61))
    assert (accepted, accepted_next) == (30, 0)


def test_a_message_queued_once_and_never_delivered_is_lost() -> None:
    expected = {(1, "公告"): 1, (2, "公告"): 1}
    assert lost([sent(1, "公告")], expected) == 1


def test_a_recipient_who_got_a_message_twice_is_one_duplicate() -> None:
    expected = {(1, "公告"): 1, (1, "提醒"): 1}
    got = [sent(1, "公告"), sent(1, "公告"), sent(1, "提醒"), sent(1, "提醒")]
    assert duplicated(got, expected) == 1


def test_the_peak_is_the_most_messages_in_any_second() -> None:
    assert peak([0.0, 0.5, 0.99, 1.0, 1.5, 3.0]) == 3


def test_the_peak_per_chat_counts_each_private_chat_alone() -> None:
    got = [sent(1, "a", 0.0), sent(2, "b", 0.1), sent(1, "c", 1.2), sent(-5, "d", 0.2)]
    assert peak_per_chat(got) == 1


def test_an_update_answered_twice_repeats_its_reply() -> None:
    kinds = {1: "/next", 2: "/next"}
    got = [sent(1, "下一场", update_id=1), sent(2, "下一场", update_id=2),
           sent(2, "下一场", update_id=2)]  # fmt: skip
    assert handled_twice(got, kinds, doubled={2}) == [2]


def test_a_second_start_answered_differently_is_caught_by_its_count() -> None:
    kinds = {1: "/start", 2: "/start"}
    got = [sent(1, "欢迎", update_id=1), sent(2, "欢迎", update_id=2),
           sent(2, "你已经加入", update_id=2)]  # fmt: skip
    assert handled_twice(got, kinds, doubled={2}) == [2]


def test_an_update_posted_twice_and_answered_once_is_fine() -> None:
    kinds = {1: "/next", 2: "/next"}
    got = [sent(1, "下一场", update_id=1), sent(2, "下一场", update_id=2)]
    assert handled_twice(got, kinds, doubled={2}) == []


async def test_updates_reach_the_instances_in_turn_with_the_secret_and_some_twice() -> None:
    seen: list[tuple[int, str, int]] = []  # (instance, secret header, update_id)

    def instance(number: int) -> web.Application:
        async def receive(request: web.Request) -> web.Response:
            update = await request.json()
            seen.append((number, request.headers[SECRET_HEADER], update["update_id"]))
            return web.Response()

        app = web.Application()
        app.router.add_post("/telegram/webhook", receive)
        return app

    servers = [TestServer(instance(n)) for n in (1, 2)]
    for server in servers:
        await server.start_server()
    fake = FakeTelegram([str(s.make_url("")).rstrip("/") for s in servers], duplicate_share=1.0)
    api = await fake.start()
    async with ClientSession() as session:
        form = {"url": "https://bot.example/telegram/webhook", "secret_token": "s3cret"}
        async with session.post(f"{api}/bot1:T/setWebhook", data=form) as response:
            assert (await response.json())["result"] is True
    for user in (1, 2):
        fake.deliver(user_message(fake.next_update_id(), user, "/next"), user)
    await fake.stop()
    for server in servers:
        await server.close()
    assert sorted(seen) == [(1, "s3cret", 1), (1, "s3cret", 2), (2, "s3cret", 1),
                            (2, "s3cret", 2)]  # fmt: skip
