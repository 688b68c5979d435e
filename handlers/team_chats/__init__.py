"""Team group chats: /teamchat and the bot's membership."""

from handlers.team_chats.router import create_router

__all__ = ["create_router"]
