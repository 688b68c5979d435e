"""Running-order draws: /draw and the reveal."""

from handlers.draws.router import create_router

__all__ = ["create_router"]
