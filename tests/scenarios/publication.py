"""Scores and publication in a rehearsal: judges at /score, the exam system's theory sheet, the
organizer at /publish, and a withdrawal.

ADAPTERS: `publish` drives today's /publish buttons (the round's button publishes at once); once
the preview with its confirm button lands (issue 13 item 1) it must press that confirm button
too. `withdraw` calls the service directly because no button for it exists yet; switch it to the
organizers' withdrawal UI after the merge.
"""

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from aiogram.methods import TelegramMethod

from bot.domain.enums import Locale, Role
from bot.domain.scoring.arena import BuzzOutcome
from bot.domain.scoring.rules import ScoringRules
from bot.services import results
from bot.services.scores import enter_showcase, import_theory
from bot.texts.texts import Texts
from handlers.arena import KINDS, OUTCOMES
from handlers.keyboards import ArenaKind, PublishButton
from tests.handlers.broadcasting import button
from tests.handlers.test_scoring import enter, score
from tests.scenarios.harness import STAFF_CHATS, Rehearsal


class MissingBehaviourError(AssertionError):
    """The rehearsal needs a behaviour today's code does not have."""


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


async def judge_scores(rehearsal: Rehearsal, judge: str, teams: list[str]) -> list[str]:
    """The judge scores each team through /score; returns the bot's answers."""
    chat = rehearsal.chats[judge]
    answers = [
        await enter(rehearsal.telegram, chat, team, f"{score(chat, team)}") for team in teams
    ]
    await rehearsal.checker.flush()
    return answers


def round_id(rehearsal: Rehearsal, round_code: str) -> int:
    found = rehearsal.snapshot.rounds[round_code].id
    assert found is not None
    return found


async def publish(
    rehearsal: Rehearsal, round_code: str, organizer: str = "ORG1"
) -> list[TelegramMethod[Any]]:
    """/publish, then the round's button (ADAPTER: today it publishes at once)."""
    wanted = round_id(rehearsal, round_code)
    calls = await rehearsal.send(organizer, "/publish")
    markup = getattr(calls[-1], "reply_markup", None)
    rows = getattr(markup, "inline_keyboard", None) or []
    for data in (b.callback_data or "" for row in rows for b in row):
        if data.startswith("pb:") and PublishButton.unpack(data).round == wanted:
            return await rehearsal.press(organizer, data)
    raise AssertionError(f"/publish offers no button for {round_code}")


async def withdraw(
    rehearsal: Rehearsal, round_code: str, reason: str, organizer: str = "ORG1"
) -> None:
    """ADAPTER: the organizer withdraws the round's publication with a reason (issue 13 item 1),
    through the service until its button exists."""
    service = getattr(results, "withdraw", None)
    if service is None:
        raise MissingBehaviourError("issue 13 item 1: no withdrawal of a publication yet")
    person = rehearsal.person(organizer)
    async with rehearsal.database.unit_of_work() as uow:
        await service(uow, rehearsal.snapshot, round_code, person, reason, rehearsal.clock.now())
        await uow.commit()
    await rehearsal.drain()


async def showcase_scored(rehearsal: Rehearsal, round_code: str) -> None:
    """Yesterday's showcase, every judge's score for every team, entered as /score stores it."""
    judges = [p for p in rehearsal.snapshot.data.people if p.role is Role.JUDGE]
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
