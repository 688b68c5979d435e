"""The arena round's events: /arena."""

from handlers.arena.router import create_router

__all__ = ["create_router"]
