"""A local stand-in for Telegram: a fake Bot API and a web chat, for trying the real bot offline.

Nothing in the bot knows about it: the bot talks to it through aiogram's custom API server
setting, exactly as it would talk to a self-hosted Bot API server.
"""
