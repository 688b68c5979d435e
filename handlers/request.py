"""Everything a handler needs about the update it answers, built once by the middleware."""

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Concatenate, ParamSpec, TypeVar

from aiogram import Bot
from aiogram.fsm.context import FSMContext

from bot.domain.contest import Round
from bot.domain.problems import N_
from bot.domain.snapshot import ContestSnapshot
from bot.domain.viewer import Viewer
from bot.services.ports import UnitOfWork
from bot.texts.texts import Texts
from handlers.context import BotContext

P = ParamSpec("P")
R = TypeVar("R")


@dataclass(frozen=True, slots=True)
class Request:
    app: BotContext
    bot: Bot
    # The update's unit of work, committed by the middleware when the handler succeeds. Only
    # use cases touch it: a handler runs one through `call`.
    _work: UnitOfWork = field(repr=False)
    state: FSMContext
    snapshot: ContestSnapshot | None
    viewer: Viewer
    t: Texts
    # What follows the command: '/start CODE' has args 'CODE'.
    args: str = ""

    async def call(
        self,
        use_case: Callable[Concatenate[UnitOfWork, P], Awaitable[R]],
        /,
        *args: P.args,
        **kwargs: P.kwargs,
    ) -> R:
        """Runs a use case of `bot.services` in this update's unit of work."""
        return await use_case(self._work, *args, **kwargs)

    def now(self) -> datetime:
        return self.app.clock.now()

    def round(self, round_id: int) -> Round | None:
        """A round named by its id in a button's data; None when there is no such round."""
        return self.snapshot.rounds_by_id.get(round_id) if self.snapshot else None

    def no_contest(self) -> str:
        return self.t(N_("The contest has not been set up yet. Please try again later."))
