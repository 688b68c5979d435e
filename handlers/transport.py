"""The outbox's way out: one delivery, one Bot API call, Telegram's answer as a verdict."""

from aiogram import Bot
from aiogram.exceptions import (
    TelegramBadRequest,
    TelegramForbiddenError,
    TelegramNetworkError,
    TelegramRetryAfter,
    TelegramServerError,
)

from bot.domain.outbox import Delivery
from bot.services.sender import SendResult, Verdict

GONE = ("chat not found", "user is deactivated", "bot was blocked")


class BotTransport:
    def __init__(self, bot: Bot) -> None:
        self._bot = bot

    async def send(self, delivery: Delivery) -> SendResult:
        try:
            await self._bot.send_message(delivery.chat_id, delivery.text)
        except TelegramRetryAfter as error:
            return SendResult(Verdict.RETRY_AFTER, retry_after=float(error.retry_after))
        except TelegramForbiddenError as error:
            return SendResult(Verdict.UNREACHABLE, reason=error.message)
        except TelegramBadRequest as error:
            gone = any(phrase in error.message.lower() for phrase in GONE)
            return SendResult(
                Verdict.UNREACHABLE if gone else Verdict.REJECTED, reason=error.message
            )
        except (TelegramNetworkError, TelegramServerError) as error:
            return SendResult(Verdict.TRANSIENT, reason=str(error))
        return SendResult(Verdict.SENT)
