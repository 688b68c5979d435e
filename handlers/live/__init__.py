"""The live run of a round: /live and its buttons."""

from handlers.live.router import create_router

__all__ = ["create_router"]
