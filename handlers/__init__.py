"""The Telegram edge: one package per feature, each with its `create_router()`."""

from aiogram import Router

from handlers import (
    arena,
    audit,
    broadcast,
    draws,
    exam,
    fallback,
    follows,
    free_text,
    general,
    key_reports,
    leaderboard,
    live,
    onboarding,
    practice,
    reminders,
    results,
    schedule,
    scoring,
    team_chats,
)
from handlers.routing import skip_unaddressed


def create_routers() -> list[Router]:
    """The features, the most asked first: commands take precedence over a dialogue's steps by
    their filters (a step takes plain text only). Free text is the last feature, the fallback
    after it; text and presses on their way skip every feature they are not addressed to (see
    routing)."""
    features = Router(name="features")
    features.include_routers(
        schedule.create_router(),
        onboarding.create_router(),
        general.create_router(),
        reminders.create_router(),
        practice.create_router(),
        exam.create_router(),
        leaderboard.create_router(),
        broadcast.create_router(),
        follows.create_router(),
        live.create_router(),
        draws.create_router(),
        scoring.create_router(),
        arena.create_router(),
        audit.create_router(),
        key_reports.create_router(),
        results.create_router(),
        team_chats.create_router(),
    )
    return [skip_unaddressed(features), free_text.create_router(), fallback.create_router()]
