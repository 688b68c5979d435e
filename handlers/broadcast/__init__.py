"""Announcements: the /broadcast dialogue and /broadcasts, the list with reports."""

from handlers.broadcast.router import create_router

__all__ = ["create_router"]
