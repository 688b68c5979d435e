"""A case asked the way the bot answers free text: read, then answered from the moment's
live run, in the asker's language."""

from dataclasses import dataclass

from bot.domain.viewer import Viewer
from bot.services.questions import QuestionReader
from bot.texts.answers import answer_query
from bot.texts.texts import Texts
from bench.understanding.corpus import Case
from bench.understanding.world import Moment, moments, snapshot


@dataclass(frozen=True, slots=True)
class Asked:
    case: Case
    moment: Moment
    reply: str | None


def viewer_of(case: Case) -> Viewer:
    contest = snapshot(case.contest)
    person = next(p for p in contest.data.people if p.code == case.asker)
    team = contest.teams.get(person.team_code or "")
    return Viewer(None, person, team, case.locale)


def ask(case: Case, reader: QuestionReader | None = None) -> Asked:
    contest = snapshot(case.contest)
    moment = moments(case.contest)[case.at]
    reader = reader or QuestionReader()
    today = moment.now.astimezone(contest.zone).date()
    query = reader.read(case.question, contest.vocabulary, today)
    t = Texts(case.locale, contest.zone)
    reply = answer_query(t, contest, viewer_of(case), query, moment.now, moment.live)
    return Asked(case, moment, reply)
