"""A question in plain words as the bot read it, with the live run it is answered from."""

from dataclasses import dataclass

from bot.domain.interpreter import Query
from bot.domain.schedule_views import Live


@dataclass(frozen=True, slots=True)
class Reading:
    query: Query
    # Read in the same unit of work as the question, so the answer and a command agree.
    live: Live
    checked_in: frozenset[int] = frozenset()  # people checked in today, when the query asks
