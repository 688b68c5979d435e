"""Questions in plain words: understood when possible, a helpful menu otherwise."""

from functools import lru_cache

from aiogram.types import Message

from bot.domain.accounts import normalise_invite_code
from bot.domain.commands import COMMANDS
from bot.domain.interpreter import interpret
from bot.domain.invites import ALPHABET, LENGTH
from bot.domain.problems import N_
from bot.services.live_run import live_run
from bot.texts.answers import answer_query
from handlers import broadcast, exam, key_reports, practice, results, scoring
from handlers.broadcast_draft import Drafting
from handlers.exam import Examining
from handlers.key_reports import Reporting
from handlers.keyboards import suggestions
from handlers.practice import Practising
from handlers.practice_gate import turned_away
from handlers.request import Request
from handlers.scoring import Scoring
from handlers.start import Onboarding, code_entered, redeem

MAX_QUESTION = 500
# The same few questions come from many people; their reading depends only on the words, the
# contest's vocabulary (one object per snapshot) and the day.
understand = lru_cache(maxsize=4096)(interpret)
DRAFTING = {state.state for state in Drafting.__all_states__}
ANSWERING = {Practising.typing.state, Examining.typing.state}


def looks_like_invite(text: str) -> bool:
    code = normalise_invite_code(text)
    return len(code) == LENGTH and len(text) <= 2 * LENGTH and set(code) <= set(ALPHABET)


async def question(message: Message, request: Request) -> None:
    """Plain text: a question, or the answer to the current step of a dialogue."""
    text, snapshot, viewer, t = message.text or "", request.snapshot, request.viewer, request.t
    if request.raw_state == Onboarding.waiting_for_code.state:
        await code_entered(message, request)
        return
    if request.raw_state in DRAFTING:
        await broadcast.typed(message, request, request.raw_state)
        return
    if request.raw_state == Scoring.value.state:
        await scoring.typed(message, request)
        return
    if request.raw_state in ANSWERING:
        if not await turned_away(message, request):
            await (practice.typed if request.raw_state == Practising.typing.state
                   else exam.typed)(message, request)  # fmt: skip
        return
    if request.raw_state == Reporting.reason.state:
        await key_reports.reason(message, request)
        return
    if request.raw_state == results.Withdrawing.reason.state:
        await results.reason_typed(message, request)
        return
    if viewer.person is None and looks_like_invite(text):
        await redeem(message, text, request)
        return
    if snapshot is None:
        await message.answer(request.no_contest())
        return
    if len(text) <= MAX_QUESTION:
        now = request.now()
        query = understand(text, snapshot.vocabulary, now.astimezone(snapshot.zone).date())
        reply = answer_query(t, snapshot, viewer, query, now, await live_run(request.uow))
        if reply is not None:
            await message.answer(reply)
            return
    await message.answer(
        t(N_("Sorry, I did not understand. Try “明天有什么安排”, “我们队几点上场？” or a button:")),
        reply_markup=suggestions(t, COMMANDS[viewer.role]),
    )
