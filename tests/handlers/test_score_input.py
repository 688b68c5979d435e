"""A judge's message is saved as a score only when it is exactly one number in range; after
publication, the reason for a change is its own step."""

from decimal import Decimal

import pytest

from bot.domain.audit import AuditAction
from bot.domain.scoring.score_input import MAX_REASON, NOT_A_SCORE
from tests.handlers.broadcasting import database, sent
from tests.handlers.conftest import Telegram
from tests.handlers.test_scoring import ROUND, ZH, enter, shown, stored, team_button, teams_board

JUDGE, JUDGE_CODE = 6001, "J1"
REFUSAL = ZH(NOT_A_SCORE, maximum=Decimal(100), decimals=2)
ASKED_WHY = "需要说明原因"


async def published_with_88_for_h03(telegram: Telegram) -> None:
    """J1 gave H03 88, then the round was published (straight in the database: how the round
    came to be published is not what these tests are about)."""
    await telegram.join(JUDGE, JUDGE_CODE)
    await enter(telegram, JUDGE, "H03", "88")
    async with database(telegram).unit_of_work() as uow:
        assert await uow.publications.publish(ROUND, 1, "ORG1", telegram.clock.now())
        await uow.commit()


async def correcting_h03(telegram: Telegram) -> None:
    await published_with_88_for_h03(telegram)
    await telegram.press(JUDGE, team_button(await teams_board(telegram, JUDGE), "H03"))


@pytest.mark.parametrize(
    "typed",
    [
        "50,5",  # the typos once saved as 50.00, 1.00, 5.00 and 0.00
        "1e3",
        "5e1",
        "0x50",
        "85 90",
        "-5",
        "+85",
        "85.555",
        "101",
        "85。5",
        "85分",
        "92.5 计分有误",
    ],
)
async def test_a_message_that_is_not_one_score_is_refused_with_an_example(
    joined: Telegram, typed: str
) -> None:
    await joined.join(JUDGE, JUDGE_CODE)
    assert await enter(joined, JUDGE, "H03", typed) == REFUSAL
    assert await stored(joined, JUDGE_CODE) == {}


async def test_the_refusal_says_the_range_and_gives_an_example(joined: Telegram) -> None:
    await joined.join(JUDGE, JUDGE_CODE)
    refusal = await enter(joined, JUDGE, "H03", "1e3")
    assert "0 到 100" in refusal
    assert "例如 85 或 85.5" in refusal


async def test_after_a_refusal_the_same_team_is_still_awaited(joined: Telegram) -> None:
    await joined.join(JUDGE, JUDGE_CODE)
    await enter(joined, JUDGE, "H03", "50,5")
    assert shown(await joined.send(JUDGE, "50.5")).startswith("✓ 已保存：H03 ")
    assert await stored(joined, JUDGE_CODE) == {"H03": Decimal("50.50")}


@pytest.mark.parametrize(
    ("typed", "saved"), [("８５．５", "85.50"), (" 92 ", "92.00"), ("0", "0.00")]
)
async def test_full_width_and_padded_scores_are_saved(
    joined: Telegram, typed: str, saved: str
) -> None:
    await joined.join(JUDGE, JUDGE_CODE)
    assert (await enter(joined, JUDGE, "H03", typed)).startswith(
        f"✓ 已保存：H03 鞍山市热线代表队 {saved}"
    )
    assert await stored(joined, JUDGE_CODE) == {"H03": Decimal(saved)}


async def test_the_board_of_a_published_round_says_the_reason_comes_next(
    joined: Telegram,
) -> None:
    await published_with_88_for_h03(joined)
    calls = await joined.press(JUDGE, team_button(await teams_board(joined, JUDGE), "H03"))
    assert "请发送 H03 鞍山市热线代表队 更正后的分数，随后再说明原因" in shown(calls)


async def test_a_correction_asks_why_before_anything_is_saved(joined: Telegram) -> None:
    await correcting_h03(joined)
    asked = shown(await joined.send(JUDGE, "60"))
    assert ASKED_WHY in asked
    assert "为什么把 H03 鞍山市热线代表队 改为 60.00" in asked
    assert await stored(joined, JUDGE_CODE) == {"H03": Decimal("88.00")}


async def test_the_reason_in_its_own_message_saves_the_correction(joined: Telegram) -> None:
    await correcting_h03(joined)
    await joined.send(JUDGE, "60")
    assert shown(await joined.send(JUDGE, "计分有误")).startswith("✓ 已更正：H03 ")
    assert await stored(joined, JUDGE_CODE) == {"H03": Decimal("60.00")}
    async with database(joined).unit_of_work() as uow:
        last = (await uow.audit.entries())[-1]
    assert (last.action, last.reason) == (AuditAction.SCORE_CORRECTED, "计分有误")
    assert (last.before, last.after) == ({"score": "88.00"}, {"score": "60.00"})


async def test_a_score_and_a_reason_in_one_message_are_refused(joined: Telegram) -> None:
    await correcting_h03(joined)
    assert shown(await joined.send(JUDGE, "60 计分有误")) == REFUSAL
    assert await stored(joined, JUDGE_CODE) == {"H03": Decimal("88.00")}


async def test_a_number_instead_of_the_reason_is_the_score_corrected_again(
    joined: Telegram,
) -> None:
    await correcting_h03(joined)
    await joined.send(JUDGE, "60")
    asked = shown(await joined.send(JUDGE, "65"))
    assert "改为 65.00" in asked
    assert await stored(joined, JUDGE_CODE) == {"H03": Decimal("88.00")}
    await joined.send(JUDGE, "第一次输错了")
    assert await stored(joined, JUDGE_CODE) == {"H03": Decimal("65.00")}


async def test_the_same_score_again_after_publication_needs_no_reason(joined: Telegram) -> None:
    await correcting_h03(joined)
    assert shown(await joined.send(JUDGE, "88")).startswith(
        "你已给 H03 鞍山市热线代表队 打过 88.00 分"
    )
    async with database(joined).unit_of_work() as uow:
        actions = [e.action for e in await uow.audit.entries()]
    assert AuditAction.SCORE_CORRECTED not in actions


async def test_score_again_drops_a_correction_still_without_its_reason(
    joined: Telegram,
) -> None:
    await correcting_h03(joined)
    await joined.send(JUDGE, "60")
    await teams_board(joined, JUDGE)
    replies = sent(await joined.send(JUDGE, "计分有误"))
    assert all(not (r.text or "").startswith("✓") for r in replies)
    assert await stored(joined, JUDGE_CODE) == {"H03": Decimal("88.00")}


async def test_a_long_reason_is_kept_to_its_limit(joined: Telegram) -> None:
    await correcting_h03(joined)
    await joined.send(JUDGE, "60")
    await joined.send(JUDGE, "原" * (MAX_REASON + 100))
    async with database(joined).unit_of_work() as uow:
        last = (await uow.audit.entries())[-1]
    assert last.reason == "原" * MAX_REASON
