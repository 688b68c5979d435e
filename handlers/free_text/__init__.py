"""Questions in plain words; last of the features."""

from handlers.free_text.router import create_router

__all__ = ["create_router"]
