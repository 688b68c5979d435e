"""Questions in plain words: understood when possible, a helpful menu otherwise. Last of the
routers, so a dialogue's step is never taken for a question."""

from aiogram import Router
from aiogram.types import Message

from bot.domain.accounts import normalise_invite_code
from bot.domain.commands import COMMANDS
from bot.domain.invites import ALPHABET, LENGTH
from bot.services.questions import read_question
from bot.texts.answers import answer_query
from bot.texts.suggestions import not_understood_text
from handlers.filters import PlainText
from handlers.keyboards import suggestions
from handlers.onboarding.start import redeem
from handlers.request import Request

MAX_QUESTION = 500


def create_router() -> Router:
    router = Router(name="free_text")
    router.message.register(question, PlainText())
    return router


def looks_like_invite(text: str) -> bool:
    code = normalise_invite_code(text)
    return len(code) == LENGTH and len(text) <= 2 * LENGTH and set(code) <= set(ALPHABET)


async def question(message: Message, request: Request) -> None:
    """Plain text outside any dialogue (or in a step nobody answers): a question."""
    text, snapshot, viewer, t = message.text or "", request.snapshot, request.viewer, request.t
    if viewer.person is None and looks_like_invite(text):
        await redeem(message, text, request)
        return
    if snapshot is None:
        await message.answer(request.no_contest())
        return
    now = request.now()
    if len(text) > MAX_QUESTION:
        text = ""  # read as nothing: never understood, but the suggestions still fit the moment
    reading = await request.call(read_question, request.app.questions, snapshot, text, now)
    reply = answer_query(t, snapshot, viewer, reading.query, now, reading.live, reading.checked_in)
    if reply is not None:
        await message.answer(reply)
        return
    await message.answer(
        not_understood_text(t, snapshot, viewer, now, reading.live),
        reply_markup=suggestions(t, COMMANDS[viewer.role]),
    )
