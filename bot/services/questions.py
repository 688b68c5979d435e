"""Schedule questions in plain words: read (through the app's cache) and paired with the live run
they are answered from."""

from collections import OrderedDict
from datetime import date, datetime

from bot.domain.interpreter import Query, Vocabulary, interpret
from bot.domain.reading import Reading
from bot.domain.snapshot import ContestSnapshot
from bot.services.live_run import live_run
from bot.services.ports import UnitOfWork

READINGS_KEPT = 4096


class QuestionReader:
    """Recent questions and what they ask, the least recently asked forgotten first.

    The same few questions come from many people, and a reading depends only on the words, the
    day and the contest's vocabulary. Only the current vocabulary's readings are kept: a new
    contest snapshot drops them all, so a replaced snapshot is not kept alive by its readings.
    """

    def __init__(self, size: int = READINGS_KEPT) -> None:
        self._size = size
        self._vocabulary: Vocabulary | None = None
        self._readings: OrderedDict[tuple[str, date], Query] = OrderedDict()

    def read(self, text: str, vocabulary: Vocabulary, today: date) -> Query:
        if vocabulary is not self._vocabulary:
            self._vocabulary = vocabulary
            self._readings.clear()
        key = (text, today)
        query = self._readings.get(key)
        if query is not None:
            self._readings.move_to_end(key)
            return query
        query = interpret(text, vocabulary, today)
        self._readings[key] = query
        if len(self._readings) > self._size:
            self._readings.popitem(last=False)
        return query


async def read_question(
    uow: UnitOfWork, reader: QuestionReader, snapshot: ContestSnapshot, text: str, now: datetime
) -> Reading:
    query = reader.read(text, snapshot.vocabulary, now.astimezone(snapshot.zone).date())
    return Reading(query, await live_run(uow))
