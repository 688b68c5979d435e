"""Joining: /start with an invite code, and the organizer's /onboarding and /unbind."""

from aiogram import Router

from handlers.onboarding import organizer, start


def create_router() -> Router:
    feature = Router(name="onboarding")
    feature.include_routers(
        start.create_router(),
        organizer.create_router(),
    )
    return feature
