"""Schedule questions in plain words: read (through the app's cache) and paired with the live run
they are answered from."""

from collections import OrderedDict
from datetime import date, datetime

from bot.domain.interpreter import Ask, Query, Vocabulary, interpret
from bot.domain.reading import Reading
from bot.domain.snapshot import ContestSnapshot
from bot.services.live_run import live_run
from bot.services.ports import ScriptConverter, UnitOfWork

READINGS_KEPT = 4096


class AsWritten:
    """No conversion: for callers that know their questions are in simplified script."""

    def to_simplified(self, text: str) -> str:
        return text


class QuestionReader:
    """Recent questions and what they ask, the least recently asked forgotten first.

    Traditional characters are read as simplified (the contest's names are written so).

    The same few questions come from many people, and a reading depends only on the words, the
    day and the contest's vocabulary. Only the current vocabulary's readings are kept: a new
    contest snapshot drops them all, so a replaced snapshot is not kept alive by its readings.
    """

    def __init__(self, script: ScriptConverter | None = None, size: int = READINGS_KEPT) -> None:
        self._script = script or AsWritten()
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
        query = interpret(self._script.to_simplified(text), vocabulary, today)
        self._readings[key] = query
        if len(self._readings) > self._size:
            self._readings.popitem(last=False)
        return query


async def read_question(
    uow: UnitOfWork, reader: QuestionReader, snapshot: ContestSnapshot, text: str, now: datetime
) -> Reading:
    today = now.astimezone(snapshot.zone).date()
    query = reader.read(text, snapshot.vocabulary, today)
    # Check-ins are read only for the question that asks about them.
    checked = await uow.check_ins.checked_in(today) if query.ask is Ask.CHECK_IN else set()
    return Reading(query, await live_run(uow), frozenset(checked))
