"""Everything a handler needs about the update it answers, built once by the middleware."""

from dataclasses import dataclass
from datetime import datetime

from aiogram import Bot
from aiogram.fsm.context import FSMContext

from bot.domain.contest import Round
from bot.domain.problems import N_
from bot.domain.snapshot import ContestSnapshot
from bot.services.accounts import Viewer
from bot.services.ports import UnitOfWork
from bot.texts.texts import Texts
from handlers.context import BotContext


@dataclass(frozen=True, slots=True)
class Request:
    app: BotContext
    bot: Bot
    uow: UnitOfWork
    state: FSMContext
    snapshot: ContestSnapshot | None
    viewer: Viewer
    t: Texts
    # What follows the command: '/start CODE' has args 'CODE'.
    args: str = ""
    # The dialogue state the user is in, if any (e.g. an invite code is awaited).
    raw_state: str | None = None

    def now(self) -> datetime:
        return self.app.clock.now()

    def round(self, round_id: int) -> Round | None:
        """A round named by its id in a button's data; None when there is no such round."""
        return self.snapshot.rounds_by_id.get(round_id) if self.snapshot else None

    def no_contest(self) -> str:
        return self.t(N_("The contest has not been set up yet. Please try again later."))
