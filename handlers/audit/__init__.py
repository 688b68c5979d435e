"""The audit trail: /audit."""

from handlers.audit.router import create_router

__all__ = ["create_router"]
