"""From the phrases found to one Query: which intent wins, which names are unambiguous.

Intent priority, first rule that applies:
1. HOW_LONG if asked how long (多久, how long); "还有多久"/"how long until" ask WHEN instead.
2. WHERE if asked where (在哪, where, which room), even about the asker's team.
3. WHEN if asked when (几点, when); MY_TURN when the asker's team is the subject.
4. UNKNOWN if the text is about something else (成绩, results) and 1–3 did not apply.
5. MY_TURN if the asker's team is the subject: 我们/咱们/our always, 我/I only with a verb
   of playing (上场, compete) or 轮到/turn; "what's next for my team" lands here.
6. ON_STAGE if asked about now (现在/now), or about the stage, who, or whose turn without
   a day or part of day (明天下午谁上场 asks for the programme: WHATS_ON).
7. WHATS_ON if asked about the schedule (安排, schedule) or what is next.
8. WHERE for a kind of place (考场, room), or a venue without a day (决赛在第一会议厅吗).
9. WHEN for a verb of playing or starting, a round or a team on their own (擂台赛?).
10. WHATS_ON for a day, part of day, venue + day, or track on their own (明天呢).
11. Otherwise UNKNOWN.
A name matching several entities (沈阳队) leaves its code unset; so do two different names.

The fact asked (`Ask`) is read beside the intent, first rule that applies: check-in status,
roster, neighbours, countdown, done or not (unless asked when), where to go now, the next item
(unless about the stage or a day). A question asking one of them is never UNKNOWN for want
of an intent. Lunch, the weather or the toilet (FOREIGN) make a question UNKNOWN unless it
names a round, a team or a venue and asks when or where: a wrong answer is worse than none.
So does a text whose only clues are a day, "now" or "we" when two or more of its characters
(or one English word) are unknown (今天心情不好).
"""

from datetime import date

from bot.domain.enums import RoundKind
from bot.domain.interpreter.dates import shifted, weekday_date
from bot.domain.interpreter.query import UNKNOWN, Ask, Intent, PartOfDay, Query
from bot.domain.interpreter.signals import Cue, Meaning

_ON_STAGE = frozenset({Cue.STAGE, Cue.WHO, Cue.TURN})
_ABOUT_ME = frozenset({Cue.PLAY, Cue.TURN})


def resolve(found: list[Meaning], written_day: date | None, today: date, unread: int = 0) -> Query:
    cues: set[int] = set()
    kinds: set[RoundKind] = set()
    teams: list[frozenset[str]] = []
    venues: list[frozenset[str]] = []
    tracks: list[frozenset[str]] = []
    day = written_day
    part: PartOfDay | None = None
    for meaning in found:
        cues |= meaning.cues
        kinds |= meaning.kinds
        if meaning.teams:
            teams.append(meaning.teams)
        if meaning.venues:
            venues.append(meaning.venues)
        if meaning.tracks:
            tracks.append(meaning.tracks)
        if day is None:
            if meaning.day_offset is not None:
                day = shifted(today, meaning.day_offset)
            elif meaning.weekday is not None:
                day = weekday_date(today, meaning.weekday, meaning.week)
        part = part or meaning.part
    if Cue.FOREIGN in cues and (not (kinds or teams or venues) or cues.isdisjoint(_ASKING)):
        return UNKNOWN
    dated = bool(day or part)
    intent = _intent(cues, bool(kinds or teams), bool(venues), dated, bool(tracks))
    ask = _ask(cues, dated)
    # 今天心情不好, 现在好累: a day, "now" or "we" and words it cannot place are not a question.
    if ask is None and cues.isdisjoint(_ASKING) and unread >= _UNREAD_MAX:
        return UNKNOWN
    if intent is Intent.UNKNOWN:
        if ask is None or Cue.OFF_TOPIC in cues:
            return UNKNOWN
        intent = Intent.MY_TURN if not cues.isdisjoint(_SELF) else Intent.WHEN
    mine = Cue.WE in cues or (
        Cue.ME in cues and (ask is not None or not cues.isdisjoint(_ABOUT_ME))
    )
    return Query(
        intent, day, part, frozenset(kinds), _single(teams), _single(venues), _single(tracks),
        ask, mine,
    )  # fmt: skip


_SELF = frozenset({Cue.WE, Cue.ME})
_NOW_ON = frozenset({Cue.NOW, Cue.STAGE})
_UNREAD_MAX = 2
# Cues that ask something; the others (now, we, I) only say what a question is about.
_ASKING = frozenset(
    {Cue.WHEN, Cue.START, Cue.PLAY, Cue.WHERE, Cue.PLACE, Cue.SCHEDULE, Cue.HOW_LONG, Cue.STAGE,
     Cue.WHO, Cue.NEXT, Cue.TURN}
)  # fmt: skip
_ASKS = (
    (Cue.CHECK_IN, Ask.CHECK_IN),
    (Cue.ROSTER, Ask.ROSTER),
    (Cue.NEIGHBOURS, Ask.NEIGHBOURS),
    (Cue.COUNTDOWN, Ask.COUNTDOWN),
    (Cue.POSITION, Ask.POSITION),
)


def _ask(cues: set[int], dated: bool) -> Ask | None:
    for found, ask in _ASKS:
        # 现在有谁在台上 asks about the stage, not the team.
        if found in cues and not (ask is Ask.ROSTER and not cues.isdisjoint(_NOW_ON)):
            return ask
    if Cue.NEXT in cues and Cue.WHO in cues and Cue.WE in cues:
        return Ask.NEIGHBOURS  # 我们下一个是谁
    if Cue.DONE in cues and Cue.WHEN not in cues:
        return Ask.DONE
    if Cue.GO in cues:
        return Ask.GO
    if Cue.NEXT in cues and cues.isdisjoint(_ON_STAGE) and not dated:
        return Ask.NEXT
    return None


def _intent(cues: set[int], subject: bool, venue: bool, dated: bool, track: bool) -> Intent:
    if Cue.HOW_LONG in cues:
        return Intent.HOW_LONG
    if Cue.WHERE in cues:
        return Intent.WHERE
    mine = Cue.WE in cues or (Cue.ME in cues and not cues.isdisjoint(_ABOUT_ME))
    if Cue.WHEN in cues:
        return Intent.MY_TURN if mine else Intent.WHEN
    if Cue.OFF_TOPIC in cues:
        return Intent.UNKNOWN
    if mine and not (dated and Cue.SCHEDULE in cues):
        return Intent.MY_TURN
    if Cue.NOW in cues or (not dated and not cues.isdisjoint(_ON_STAGE)):
        return Intent.ON_STAGE
    if Cue.SCHEDULE in cues or Cue.NEXT in cues or not cues.isdisjoint(_ON_STAGE):
        return Intent.WHATS_ON
    if Cue.PLACE in cues or (venue and not dated):
        return Intent.WHERE
    if subject or Cue.PLAY in cues or Cue.START in cues:
        return Intent.WHEN
    if venue or dated or track:
        return Intent.WHATS_ON
    return Intent.UNKNOWN


def _single(mentions: list[frozenset[str]]) -> str | None:
    if not mentions:
        return None
    common = mentions[0].intersection(*mentions[1:])
    return next(iter(common)) if len(common) == 1 else None
