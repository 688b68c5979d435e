"""What the sandbox page is told: each person's quick buttons and the rehearsal clock."""

from pathlib import Path

import aiohttp
import pytest

from bot.config import Settings
from bot.domain.commands import Command, allowed
from bot.domain.enums import Locale, Role
from bot.sandbox.people import quick_commands
from bot.sandbox.rehearsal import AUTOMATIC, CHOSEN
from bot.sandbox.runner import Sandbox
from bot.services.clock import RehearsalClock
from bot.texts.texts import Texts
from tests.sandbox.conftest import REHEARSAL, RunningSandbox

ROLES: list[Role | None] = [*Role, None]


@pytest.mark.parametrize("role", ROLES)
def test_quick_buttons_are_commands_the_role_may_use(role: Role | None) -> None:
    offered = [Command(text.removeprefix("/")) for text in quick_commands(role)[1:]]
    assert all(allowed(role, command) for command in offered)
    assert quick_commands(role)[0] == "/start"


@pytest.mark.parametrize(
    ("role", "has", "lacks"),
    [
        (Role.CONTESTANT, "/checkin", "/live"),
        (Role.ORGANIZER, "/live", "/checkin"),
        (Role.JUDGE, "/score", "/next"),
        (None, "/follow", "/next"),
    ],
)
def test_quick_buttons_fit_the_role(role: Role | None, has: str, lacks: str) -> None:
    assert has in quick_commands(role)
    assert lacks not in quick_commands(role)


async def people(url: str) -> dict[str, object]:
    async with aiohttp.ClientSession() as http, http.get(url + "api/people") as response:
        body: dict[str, object] = await response.json()
        return body


async def test_each_person_comes_with_the_quick_buttons_of_their_role(
    sandbox: RunningSandbox,
) -> None:
    body = await people(sandbox.url)
    listed = body["people"]
    assert isinstance(listed, list)
    for person in listed:
        role = None if person["role"] == "follower" else Role(person["role"])
        assert person["quick"] == quick_commands(role)


async def test_a_rehearsal_asked_for_is_named_on_the_page(sandbox: RunningSandbox) -> None:
    clock = (await people(sandbox.url))["clock"]
    t = Texts(Locale.ZH_HANS, REHEARSAL.tzinfo)  # type: ignore[arg-type]
    assert clock == {
        "zh": t(CHOSEN, moment=t.moment(REHEARSAL)),
        "en": Texts(Locale.EN, t.zone)(CHOSEN, moment=Texts(Locale.EN, t.zone).moment(REHEARSAL)),
    }


async def test_the_2024_demo_is_rehearsed_from_its_first_morning(tmp_path: Path) -> None:
    settings = Settings(database_url=f"sqlite+aiosqlite:///{tmp_path / 'sandbox.db'}")
    async with Sandbox(settings, port=0, speed=0.0) as running:
        assert isinstance(running.clock, RehearsalClock)
        start = running.clock.start
        assert (start.year, start.month, start.day, start.hour) == (2024, 9, 25, 8)
        clock = (await people(running.url))["clock"]
    t = Texts(Locale.ZH_HANS, start.tzinfo)  # type: ignore[arg-type]
    assert isinstance(clock, dict)
    assert clock["zh"] == t(AUTOMATIC, moment=t.moment(start))
