"""Following a track's results: /follow."""

from handlers.follows.router import create_router

__all__ = ["create_router"]
