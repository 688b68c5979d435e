"""The live run as answers read it: every round's progress replayed from its stage events."""

from bot.domain.live import replay
from bot.domain.schedule_views import Live
from bot.services.ports import UnitOfWork


async def live_run(uow: UnitOfWork) -> Live:
    """Each round with recorded stage events, by code; rounds without any are not live."""
    events = await uow.stage_events.by_round()
    return {code: replay(recorded) for code, recorded in events.items() if recorded}
