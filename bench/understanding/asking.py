"""A case asked the way the bot answers free text: read, then answered from the moment's
live run, in the asker's language."""

from dataclasses import dataclass
from datetime import timedelta

from bench.understanding.corpus import Case
from bench.understanding.world import Moment, moments, snapshot
from bot.adapters.opencc_script import opencc_script
from bot.domain.interpreter import Ask
from bot.domain.snapshot import ContestSnapshot
from bot.domain.viewer import Viewer
from bot.services.questions import QuestionReader
from bot.texts.answers import answer_query
from bot.texts.texts import Texts


@dataclass(frozen=True, slots=True)
class Asked:
    case: Case
    moment: Moment
    reply: str | None


def viewer_of(case: Case, contest: ContestSnapshot) -> Viewer:
    person = next(p for p in contest.data.people if p.code == case.asker)
    team = contest.teams.get(person.team_code or "")
    return Viewer(None, person, team, case.locale)


def ask(case: Case, reader: QuestionReader | None = None) -> Asked:
    reader = reader or QuestionReader(opencc_script())
    moment = moments(case.contest)[case.at]
    return Asked(case, moment, answer_at(case, snapshot(case.contest), reader))


def answer_at(
    case: Case,
    contest: ContestSnapshot,
    reader: QuestionReader,
    viewer: Viewer | None = None,
    later: timedelta = timedelta(0),
) -> str | None:
    """The reply to the case's question in `contest` (its own, or a larger copy of it),
    asked at its moment or `later` than it."""
    moment = moments(case.contest)[case.at]
    now = moment.now + later
    today = now.astimezone(contest.zone).date()
    query = reader.read(case.question, contest.vocabulary, today)
    checked: frozenset[int] = frozenset()
    if query.ask is Ask.CHECK_IN:  # read only when asked, as the bot reads them
        people = contest.data.people
        checked = frozenset(p.id for p in people if p.code in moment.checked_in and p.id)
    t = Texts(case.locale, contest.zone)
    viewer = viewer or viewer_of(case, contest)
    return answer_query(t, contest, viewer, query, now, moment.live, checked)
