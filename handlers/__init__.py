"""Thin aiogram routers (the Telegram edge). Routers are built by `create_router()` factories."""

from aiogram import Router

from handlers import (
    acknowledgements,
    arena,
    audit,
    broadcast,
    check_in,
    commands,
    common,
    draws,
    exam,
    fallback,
    follows,
    key_reports,
    leaderboard,
    live,
    practice,
    practice_daily,
    results,
    schedule,
    scoring,
    team_chats,
)


def create_routers() -> list[Router]:
    """In order of precedence: all text (commands, questions, a dialogue's answers) passes one
    check, callbacks match their data, and the fallback answers whatever nobody else took."""
    return [
        commands.create_router(),
        broadcast.create_router(),
        follows.create_router(),
        live.create_router(),
        acknowledgements.create_router(),
        check_in.create_router(),
        draws.create_router(),
        scoring.create_router(),
        arena.create_router(),
        audit.create_router(),
        practice.create_router(),
        practice_daily.create_router(),
        leaderboard.create_router(),
        exam.create_router(),
        key_reports.create_router(),
        results.create_router(),
        team_chats.create_router(),
        schedule.create_router(),
        common.create_router(),
        fallback.create_router(),
    ]
