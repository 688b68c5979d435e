"""Practice: /practice, /review, /mistakes, /stats, /daily and their buttons."""

from aiogram import Router

from handlers.practice import daily, menu, router


def create_router() -> Router:
    feature = Router(name="practice")
    feature.include_routers(
        menu.create_router(),
        router.create_router(),
        daily.create_router(),
    )
    return feature
