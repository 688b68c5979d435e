"""Turn reminders' acknowledgements, and /checkin, /checkins."""

from aiogram import Router

from handlers.reminders import acknowledgements, check_in


def create_router() -> Router:
    feature = Router(name="reminders")
    feature.include_routers(
        acknowledgements.create_router(),
        check_in.create_router(),
    )
    return feature
