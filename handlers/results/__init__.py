"""Results: /publish (preview, publish, withdraw) and the draft /standings."""

from handlers.results.router import create_router

__all__ = ["create_router"]
