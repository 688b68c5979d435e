"""The mock theory exam: /exam, its questions and hand-in."""

from handlers.exam.router import create_router

__all__ = ["create_router"]
