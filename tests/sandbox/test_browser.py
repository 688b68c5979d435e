"""The sandbox's web chat in a real browser: a contestant joins, talks, and turns a page.

Drives Debian's Chromium (`apt-get install chromium`) through Playwright's async API; the
browser build Playwright would download is never used. Skipped where either is missing.
"""

import re
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.sandbox.conftest import RunningSandbox

if TYPE_CHECKING:
    from playwright.async_api import Locator, Page

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).parent / "artifacts"
SCREENSHOT = ARTIFACTS / "chat.png"
WAIT_MS = 10_000
BOT_AFTER = "xpath=following-sibling::div[contains(concat(' ', @class, ' '), ' bot ')]"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason=f"{CHROMIUM} is missing (apt-get install chromium)"
)


async def test_a_contestant_chats_with_the_bot_in_the_browser(
    sandbox: RunningSandbox, record_property: Callable[[str, object], None]
) -> None:
    async_api = pytest.importorskip("playwright.async_api", reason="pip install playwright")
    expect = async_api.expect
    started = time.monotonic()
    person = sandbox.people["H07-1"]
    page_errors: list[str] = []

    async with async_api.async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        try:
            page = await browser.new_page(viewport={"width": 1100, "height": 800})
            page.on("pageerror", lambda error: page_errors.append(str(error)))
            await page.goto(sandbox.url)

            # Pick the contestant as a person would: search the name, click the entry.
            await page.get_by_placeholder(re.compile("搜索")).fill(person.name)
            name = page.locator(".person-name", has_text=re.compile(f"^{re.escape(person.name)}$"))
            entry = page.locator(".person:not([hidden])", has=name)
            await expect(entry).to_have_count(1, timeout=WAIT_MS)
            await entry.click()
            await expect(page.locator("#who-name")).to_have_text(person.name)
            await expect(page.locator("#clock-note")).to_contain_text("排练时钟")

            # The quick buttons are the contestant's: checking in, not running a round.
            quick = page.locator("#quick button")
            await expect(quick.filter(has_text="/checkin")).to_have_count(1)
            await expect(quick.filter(has_text="/live")).to_have_count(0)

            # First pick in this browser: the page follows the badge link, /start <invite code>.
            chat = page.locator("#messages")
            start = chat.locator(".msg.user:not(.pending)", has_text=f"/start {person.invite_code}")
            await expect(start).to_have_count(1, timeout=WAIT_MS)
            await expect(chat.locator(".msg.bot", has_text=person.name).first).to_be_visible(
                timeout=WAIT_MS
            )

            hello = await send(page, "你好")
            await expect(hello.locator(BOT_AFTER).first).to_be_visible(timeout=WAIT_MS)

            turn = await send(page, "/next")
            await expect(turn.locator(BOT_AFTER).first).to_contain_text("风采展示", timeout=WAIT_MS)

            schedule_command = await send(page, "/schedule")
            schedule = schedule_command.locator(BOT_AFTER).filter(has_text="日程").first
            await expect(schedule).to_contain_text("9月26日", timeout=WAIT_MS)
            message_id = await schedule.get_attribute("data-message-id")
            bot_messages = await chat.locator(".msg.bot").count()

            await schedule.get_by_role("button", name="后一天 ▶").click()
            edited = chat.locator(f'.msg.bot[data-message-id="{message_id}"]')
            await expect(edited).to_contain_text("9月27日", timeout=WAIT_MS)
            await expect(edited).to_have_attribute("data-edited", "true")
            await expect(edited).not_to_contain_text("9月26日")
            await expect(chat.locator(".msg.bot")).to_have_count(bot_messages)

            ARTIFACTS.mkdir(exist_ok=True)
            await page.screenshot(path=str(SCREENSHOT))
        finally:
            await browser.close()

    record_property("screenshot", str(SCREENSHOT))
    print(f"screenshot: {SCREENSHOT}")
    assert page_errors == []
    assert time.monotonic() - started < 60


async def send(page: "Page", text: str) -> "Locator":
    """Types `text`, presses Enter, and returns the user's bubble once the server has it."""
    box = page.get_by_placeholder(re.compile("输入消息"))
    await box.fill(text)
    await box.press("Enter")
    bubble = page.locator(
        "#messages .msg.user:not(.pending)", has_text=re.compile(f"^{re.escape(text)}")
    ).last
    await bubble.wait_for(timeout=WAIT_MS)
    return bubble
