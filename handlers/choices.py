"""Which choice messages have had their choice made, so that a second press is not a second
choice (a double tap, or a copy of the message still showing its buttons)."""

from collections import OrderedDict

# Message keys kept: far more choice messages than a contest's people open in the bot's life.
REMEMBERED = 20_000


class HandledChoices:
    """The latest REMEMBERED (chat, message) pairs whose choice was made; in memory, because
    the buttons are taken off the message as well, so after a restart none is left to press."""

    def __init__(self, limit: int = REMEMBERED) -> None:
        self._limit = limit
        self._handled: OrderedDict[tuple[int, int], None] = OrderedDict()

    def claim(self, chat_id: int, message_id: int) -> bool:
        """True for the first press on the message, False for every later one."""
        key = (chat_id, message_id)
        if key in self._handled:
            return False
        self._handled[key] = None
        if len(self._handled) > self._limit:
            self._handled.popitem(last=False)
        return True
