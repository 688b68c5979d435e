"""Thin aiogram routers (the Telegram edge). Routers are built by `create_router()` factories."""
