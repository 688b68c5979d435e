"""The answer to a private-only command sent in a group: a link to the bot's private chat."""

from aiogram import Bot
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup, Message

from bot.domain.problems import N_
from bot.texts.texts import Texts

MESSAGE_ME_PRIVATELY = N_("Please message me privately.")
WHO_IS_WRITING = N_(
    "You are writing anonymously (as a group or a channel), so I cannot tell who you are. "
    "Please send this from your own account, in a private chat with me."
)


async def ask_for_private_chat(message: Message, bot: Bot, t: Texts, anonymous: bool) -> None:
    """Refuses here and points to the private chat; nothing else is done for the command."""
    await message.answer(
        t(WHO_IS_WRITING if anonymous else MESSAGE_ME_PRIVATELY),
        reply_markup=await private_chat_button(bot, t),
    )


async def private_chat_button(bot: Bot, t: Texts) -> InlineKeyboardMarkup | None:
    username = (await bot.me()).username
    if not username:
        return None
    button = InlineKeyboardButton(text=t(N_("Open a private chat")), url=f"https://t.me/{username}")
    return InlineKeyboardMarkup(inline_keyboard=[[button]])
