"""This feature's inline keyboards."""

from aiogram.types import InlineKeyboardMarkup

from handlers.follows.callbacks import FollowButton
from handlers.keyboards import button, markup


def follow_buttons(names: list[tuple[str, bool]]) -> InlineKeyboardMarkup:
    """One button per track (name, followed): ✓ marks the followed; pressing flips it."""
    return markup(
        *(
            [button(f"✓ {name}" if on else name, FollowButton(track=index, follow=not on))]
            for index, (name, on) in enumerate(names)
        )
    )
