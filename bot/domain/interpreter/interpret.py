"""A contestant's free-text question about the schedule, as a Query. Pure and clock-free."""

from datetime import date

from bot.domain.interpreter.dates import find_date
from bot.domain.interpreter.query import UNKNOWN, Query
from bot.domain.interpreter.resolve import resolve
from bot.domain.interpreter.scan import scan_en, scan_zh, unread_zh
from bot.domain.interpreter.signals import Meaning
from bot.domain.interpreter.text import clean, fold
from bot.domain.interpreter.vocabulary import Vocabulary

# A schedule question is a line; anything longer is a message for a person, not a query.
MAX_LENGTH = 300


def interpret(text: str, vocabulary: Vocabulary, today: date) -> Query:
    """What the text asks; UNKNOWN when it cannot be placed. Never raises."""
    if not text or len(text) > MAX_LENGTH:
        return UNKNOWN
    written_day, folded = find_date(fold(text), today)
    cleaned = clean(folded)
    found: list[Meaning] = []
    rest = cleaned if cleaned.isascii() else scan_zh(cleaned, vocabulary, found)
    # An unknown English word says as much as two unknown characters.
    unread = 2 * scan_en(rest, vocabulary, found) + unread_zh(rest)
    return resolve(found, written_day, today, unread)
