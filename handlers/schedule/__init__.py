"""The programme: /today, /tomorrow, /schedule, /next, /where, /team."""

from handlers.schedule.router import create_router

__all__ = ["create_router"]
