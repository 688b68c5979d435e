"""Running a use case and committing its work at once."""

from collections.abc import Awaitable, Callable
from typing import Concatenate, ParamSpec, TypeVar

from bot.services.ports import UnitOfWork

P = ParamSpec("P")
R = TypeVar("R")


async def committed(
    uow: UnitOfWork,
    use_case: Callable[Concatenate[UnitOfWork, P], Awaitable[R]],
    /,
    *args: P.args,
    **kwargs: P.kwargs,
) -> R:
    """Runs the use case and commits what it did before returning: for a caller that next
    reads the database from other units of work (the reminders rebuilt from it, say)."""
    result = await use_case(uow, *args, **kwargs)
    await uow.commit()
    return result
