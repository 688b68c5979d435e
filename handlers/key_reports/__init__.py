"""Reports of a wrong answer key: the button, the reason, /reports."""

from handlers.key_reports.router import create_router

__all__ = ["create_router"]
