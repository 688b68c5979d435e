"""Questions as contestants type them, with what they ask (asked on Thursday 26 Sep 2024)."""

from datetime import date

from bot.domain.enums import RoundKind
from bot.domain.interpreter import Intent, PartOfDay, Query

THEORY = RoundKind.THEORY
SHOWCASE = RoundKind.SHOWCASE
ARENA = RoundKind.ARENA_PRELIMINARY
FINAL = RoundKind.ARENA_FINAL
CEREMONY = RoundKind.CEREMONY
CHECKIN = RoundKind.CHECKIN
BRIEFING = RoundKind.BRIEFING
MORNING, AFTERNOON, EVENING = PartOfDay.MORNING, PartOfDay.AFTERNOON, PartOfDay.EVENING
WED, THU, FRI, SAT, SUN = (date(2024, 9, d) for d in range(25, 30))
NEXT_MON, NEXT_WED = date(2024, 9, 30), date(2024, 10, 2)


def q(
    intent: Intent,
    *kinds: RoundKind,
    day: date | None = None,
    part: PartOfDay | None = None,
    team: str | None = None,
    venue: str | None = None,
    track: str | None = None,
) -> Query:
    return Query(intent, day, part, frozenset(kinds), team, venue, track)


WHEN, WHERE, WHATS_ON = Intent.WHEN, Intent.WHERE, Intent.WHATS_ON
MY_TURN, ON_STAGE, HOW_LONG = Intent.MY_TURN, Intent.ON_STAGE, Intent.HOW_LONG
UNKNOWN = Intent.UNKNOWN

MIXED: list[tuple[str, Query]] = [
    ("明天的final几点", q(WHEN, FINAL, day=FRI)),
    ("H07几点上场", q(WHEN, team="H07")),
    ("hall 1在哪", q(WHERE, venue="HALL1")),
    ("theory exam在哪个考场", q(WHERE, THEORY)),
    ("我们team什么时候", q(MY_TURN)),
    ("tomorrow 有什么安排", q(WHATS_ON, day=FRI)),
    ("决赛 where", q(WHERE, FINAL)),
    ("schedule 明天", q(WHATS_ON, day=FRI)),
    ("ＷＨＥＲＥ　ＩＳ　ＴＨＥ　ＦＩＮＡＬ？", q(WHERE, FINAL)),
    ("Ｈ０７几点上场", q(WHEN, team="H07")),
    ("９月２７日的安排", q(WHATS_ON, day=FRI)),
]
