"""Scores and publication in a rehearsal: judges at /score, the exam system's theory sheet, the
organizer at /publish (a preview, then its confirm button), and a withdrawal through the
preview's withdraw button and a typed reason.
"""

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from aiogram.methods import TelegramMethod

from bot.domain.enums import Locale, Role
from bot.domain.judges import assigned_judges
from bot.domain.scoring.arena import BuzzOutcome
from bot.domain.scoring.rules import ScoringRules
from bot.services.scores import enter_showcase, import_theory
from bot.texts.texts import Texts
from handlers.arena.callbacks import ArenaKind
from handlers.arena.views import KINDS, OUTCOMES
from handlers.results.callbacks import (
    PublishAnyway,
    PublishButton,
    PublishPreview,
    WithdrawPublication,
)
from tests.handlers.broadcasting import button, buttons
from tests.handlers.test_scoring import score, shown
from tests.scenarios.harness import STAFF_CHATS, Rehearsal

AWAITED = "▶ "  # the judge's board marks the team whose score it awaits


def theory_paper(index: int) -> tuple[Decimal, Decimal]:
    """A distinct, reproducible exam result: paper and essay."""
    return Decimal(60) + Decimal(index % 37), Decimal(10) + Decimal(index % 9)


async def import_theory_sheet(rehearsal: Rehearsal) -> None:
    """The exam system's sheet for every contestant, imported as the CLI does."""
    people = rehearsal.snapshot.data.people
    contestants = [p.code for p in people if p.role is Role.CONTESTANT]
    papers = {code: theory_paper(index) for index, code in enumerate(contestants)}
    async with rehearsal.database.unit_of_work() as uow:
        await import_theory(uow, rehearsal.snapshot, papers, datetime.now(UTC), ScoringRules())
        await uow.commit()


def awaited(calls: list[TelegramMethod[Any]]) -> str | None:
    """The team the judge's board (as last sent or edited) asks a score for."""
    for label in buttons(calls):
        if label.startswith(AWAITED):
            return label.removeprefix(AWAITED).split()[0]
    return None


async def judge_scores(rehearsal: Rehearsal, judge: str, teams: list[str]) -> list[str]:
    """The judge opens /score and types each team's score in turn, tapping a team only when
    the board does not already ask for it; returns the board's text after each score."""
    chat = rehearsal.chats[judge]
    calls = await rehearsal.send(judge, "/score")
    answers = []
    for team in teams:
        if awaited(calls) != team:
            labels = {label.removeprefix(AWAITED): data for label, data in buttons(calls).items()}
            (data,) = [d for label, d in labels.items() if label.startswith(f"{team} ")]
            calls = await rehearsal.press(judge, data)
        calls = await rehearsal.send(judge, f"{score(chat, team)}")
        answers.append(shown(calls))
    return answers


def round_id(rehearsal: Rehearsal, round_code: str) -> int:
    found = rehearsal.snapshot.rounds[round_code].id
    assert found is not None
    return found


async def preview(
    rehearsal: Rehearsal, round_code: str, organizer: str = "ORG1"
) -> list[TelegramMethod[Any]]:
    """/publish, then the round: the picture and the preview with its buttons."""
    wanted = round_id(rehearsal, round_code)
    calls = await rehearsal.send(organizer, "/publish")
    for data in buttons(calls).values():
        if data.startswith("pp:") and PublishPreview.unpack(data).round == wanted:
            return await rehearsal.press(organizer, data)
    raise AssertionError(f"/publish offers no button for {round_code}")


def preview_button(calls: list[TelegramMethod[Any]], prefix: str) -> str | None:
    return next((d for d in buttons(calls).values() if d.startswith(prefix)), None)


async def publish(
    rehearsal: Rehearsal, round_code: str, organizer: str = "ORG1", anyway: bool = False
) -> list[TelegramMethod[Any]]:
    """The preview, then its "publish" button (or "publish anyway" for an incomplete round)."""
    calls = await preview(rehearsal, round_code, organizer)
    prefix = f"{PublishAnyway.__prefix__}:" if anyway else f"{PublishButton.__prefix__}:"
    data = preview_button(calls, prefix)
    if data is None:
        raise AssertionError(f"the preview of {round_code} has no {prefix} button: {calls}")
    return await rehearsal.press(organizer, data)


async def withdraw(
    rehearsal: Rehearsal, round_code: str, reason: str, organizer: str = "ORG1"
) -> list[TelegramMethod[Any]]:
    """The organizer withdraws the round's publication: the preview's withdraw button, then
    the reason typed in one message."""
    calls = await preview(rehearsal, round_code, organizer)
    data = preview_button(calls, f"{WithdrawPublication.__prefix__}:")
    if data is None:
        raise AssertionError(f"the preview of {round_code} offers no withdrawal: {calls}")
    await rehearsal.press(organizer, data)
    calls = await rehearsal.send(organizer, reason)
    await rehearsal.drain()
    return calls


async def showcase_scored(rehearsal: Rehearsal, round_code: str) -> None:
    """Yesterday's showcase, each assigned judge's score for every team, entered as /score
    stores it."""
    judges = assigned_judges(rehearsal.snapshot, round_code)
    teams = [s.team_code for s in rehearsal.snapshot.round_slots[round_code] if s.team_code]
    async with rehearsal.database.unit_of_work() as uow:
        for judge, team in ((j, t) for j in judges for t in teams):
            value = score(STAFF_CHATS[judge.code], team)
            now = rehearsal.clock.now()
            await enter_showcase(
                uow, rehearsal.snapshot, judge, round_code, team, value, now, ScoringRules()
            )
        await uow.commit()


async def buzzer_answer(rehearsal: Rehearsal, scorekeeper: str, round_code: str, team: str) -> None:
    """The scorekeeper records the team's buzzer answer at /arena: right for even team numbers."""
    t = Texts(Locale.ZH_HANS, rehearsal.snapshot.zone)
    outcome = BuzzOutcome.CORRECT if int(team[1:]) % 2 == 0 else BuzzOutcome.WRONG
    calls = await rehearsal.send(scorekeeper, f"/arena {round_code}")
    calls = await rehearsal.press(scorekeeper, button(calls, team))
    calls = await rehearsal.press(scorekeeper, button(calls, t(KINDS[ArenaKind.BUZZ])))
    await rehearsal.press(scorekeeper, button(calls, t(OUTCOMES[ArenaKind.BUZZ][outcome])))
