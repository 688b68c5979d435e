"""The practice leaderboard: /leaderboard."""

from handlers.leaderboard.router import create_router

__all__ = ["create_router"]
