"""The reply to a dialogue step while the dialogue store is down."""

from handlers.busy.router import create_router

__all__ = ["create_router"]
