"""/follow: anyone who started the bot follows tracks with buttons; a double tap changes nothing."""

from typing import cast

from aiogram.methods import AnswerCallbackQuery, EditMessageReplyMarkup

from handlers.follows.callbacks import FollowButton
from tests.handlers.broadcasting import buttons, database
from tests.handlers.conftest import CONTESTANT, Telegram

STRANGER = 7001  # started the bot without an invite code


async def followed(telegram: Telegram, user_id: int) -> set[str]:
    async with database(telegram).unit_of_work() as uow:
        account = await uow.accounts.by_telegram_id(user_id)
        assert account is not None
        assert account.id is not None
        return await uow.follows.tracks_of(account.id)


async def test_a_follower_without_a_code_sees_one_button_per_track(telegram: Telegram) -> None:
    await telegram.send(STRANGER, "/start")
    calls = await telegram.send(STRANGER, "/follow")
    assert list(buttons(calls)) == ["12345政务服务热线", "政务服务窗口"]


async def test_pressing_follows_and_marks_the_button(telegram: Telegram) -> None:
    await telegram.send(STRANGER, "/start")
    calls = await telegram.press(STRANGER, FollowButton(track=0, follow=True).pack())
    answer, edit = calls
    assert isinstance(answer, AnswerCallbackQuery)
    assert answer.text == "已关注 12345政务服务热线。"
    assert isinstance(edit, EditMessageReplyMarkup)
    assert "✓ 12345政务服务热线" in buttons(calls)
    assert await followed(telegram, STRANGER) == {"12345"}


async def test_a_double_tap_leaves_it_followed(joined: Telegram) -> None:
    for _ in range(2):
        await joined.press(CONTESTANT, FollowButton(track=1, follow=True).pack())
    assert await followed(joined, CONTESTANT) == {"window"}


async def test_the_checked_button_unfollows(joined: Telegram) -> None:
    await joined.press(CONTESTANT, FollowButton(track=1, follow=True).pack())
    await joined.press(CONTESTANT, FollowButton(track=1, follow=False).pack())
    assert await followed(joined, CONTESTANT) == set()


async def test_a_forged_track_number_is_a_stale_button(joined: Telegram) -> None:
    calls = await joined.press(CONTESTANT, FollowButton(track=9, follow=True).pack())
    assert [type(call) for call in calls] == [AnswerCallbackQuery]
    assert cast(AnswerCallbackQuery, calls[0]).show_alert is True
