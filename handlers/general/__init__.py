"""For everyone: /help, /language, /cancel."""

from handlers.general.router import create_router

__all__ = ["create_router"]
