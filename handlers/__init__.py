"""Thin aiogram routers (the Telegram edge). Routers are built by `create_router()` factories."""

from aiogram import Router

from handlers import broadcast, commands, common, fallback, free_text, schedule


def create_routers() -> list[Router]:
    """In order of precedence: plain text (most frequent; it also carries the text typed in a
    dialogue) and commands each pass one check, callbacks match their data, and the fallback
    answers whatever nobody else took."""
    return [
        free_text.create_router(),
        commands.create_router(),
        broadcast.create_router(),
        schedule.create_router(),
        common.create_router(),
        fallback.create_router(),
    ]
