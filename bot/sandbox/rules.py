"""What Telegram refuses: the rules live in bot.domain.telegram_text, re-exported here."""

from bot.domain.telegram_text import (
    CALLBACK_LIMIT,
    CAPTION_LIMIT,
    TELEGRAM_TAGS,
    TEXT_LIMIT,
    BadRequestError,
    check_html,
    check_keyboard,
    check_text,
)

__all__ = [
    "CALLBACK_LIMIT",
    "CAPTION_LIMIT",
    "TELEGRAM_TAGS",
    "TEXT_LIMIT",
    "BadRequestError",
    "check_html",
    "check_keyboard",
    "check_text",
]
