"""What Telegram refuses in a message: shared by the bot (checking what organizers type), the
sandbox's fake Bot API and the tests' recording session."""

from html.parser import HTMLParser
from typing import Any

TEXT_LIMIT = 4096
CAPTION_LIMIT = 1024
CALLBACK_LIMIT = 64
TELEGRAM_TAGS = {
    "b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span", "tg-spoiler", "a",
    "code", "pre", "blockquote", "tg-emoji",
}  # fmt: skip


class BadRequestError(ValueError):
    """A request Telegram answers with 400; the message is Telegram's own wording."""


class _TagChecker(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in TELEGRAM_TAGS:
            raise BadRequestError(f'can\'t parse entities: Unsupported start tag "{tag}"')
        self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.open or self.open.pop() != tag:
            raise BadRequestError(f'can\'t parse entities: Unmatched end tag "{tag}"')


def check_html(text: str) -> None:
    checker = _TagChecker()
    checker.feed(text)
    checker.close()
    if checker.open:
        raise BadRequestError(f"can't parse entities: Can't find end tag \"{checker.open[-1]}\"")


def check_text(text: str | None, parse_mode: str | None, limit: int = TEXT_LIMIT) -> None:
    if text is None or not text.strip():
        raise BadRequestError("message text is empty")
    if len(text) > limit:
        raise BadRequestError("message is too long")
    if parse_mode is not None and parse_mode.upper() == "HTML":
        check_html(text)


def check_keyboard(markup: dict[str, Any] | None) -> None:
    for row in (markup or {}).get("inline_keyboard", []):
        for button in row:
            data = button.get("callback_data") or ""
            if len(data.encode()) > CALLBACK_LIMIT:
                raise BadRequestError("BUTTON_DATA_INVALID")
