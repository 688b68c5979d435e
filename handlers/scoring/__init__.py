"""Judges' scores: /score, its boards and typed values."""

from handlers.scoring.router import create_router

__all__ = ["create_router"]
