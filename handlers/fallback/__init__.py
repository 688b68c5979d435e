"""Whatever nobody else took: unknown commands, stickers, stale buttons, failures."""

from handlers.fallback.router import create_router

__all__ = ["create_router"]
