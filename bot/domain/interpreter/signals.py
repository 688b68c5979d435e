"""What one phrase of a question contributes: cues towards an intent, and facts."""

from dataclasses import dataclass

from bot.domain.enums import RoundKind
from bot.domain.interpreter.query import PartOfDay


class Cue:
    """Evidence for an intent, weighed in `resolve` (plain ints: sets of them hash fast)."""

    WHEN = 1  # 几点, when: a question about time
    START = 2  # 开始, start: weakly about time
    PLAY = 3  # 上场, compete: weakly about time; makes "我"/"I" mean the asker's team
    WHERE = 4  # 在哪, where
    PLACE = 5  # 考场, room: a kind of place, weakly about where
    SCHEDULE = 6  # 安排, schedule
    HOW_LONG = 7  # 多久, how long
    STAGE = 8  # 台上, on stage
    WHO = 9  # 谁, which team
    NOW = 10  # 现在, now
    NEXT = 11  # 下一个, next
    TURN = 12  # 轮到, turn
    WE = 13  # 我们, our: the asker's team
    ME = 14  # 我, I: the asker's team only with PLAY or TURN
    OFF_TOPIC = 15  # 成绩, score: not a schedule question
    COUNTDOWN = 16  # 还有多久, how much longer: time left until a start
    NEIGHBOURS = 17  # 前一个队, right after us
    ROSTER = 18  # 队员, teammates
    DONE = 19  # 比完了吗, finished
    CHECK_IN = 20  # 报到了吗, checked in
    GO = 21  # 该去哪, where should I go
    # Lunch, weather, the toilet: not in any programme. Only a named round, team or venue
    # makes the question about the contest after all.
    FOREIGN = 22
    POSITION = 23  # 第几个上场, slot number


@dataclass(frozen=True, slots=True)
class Meaning:
    cues: frozenset[int] = frozenset()
    kinds: frozenset[RoundKind] = frozenset()
    # Codes a name may refer to; several means the name is ambiguous.
    teams: frozenset[str] = frozenset()
    venues: frozenset[str] = frozenset()
    tracks: frozenset[str] = frozenset()
    day_offset: int | None = None
    weekday: int | None = None
    # Calendar-week offset for the weekday (下周一 = 1); None means the next one from today on.
    week: int | None = None
    part: PartOfDay | None = None

    def merge(self, other: "Meaning") -> "Meaning":
        return Meaning(
            self.cues | other.cues,
            self.kinds | other.kinds,
            self.teams | other.teams,
            self.venues | other.venues,
            self.tracks | other.tracks,
            self.day_offset if self.day_offset is not None else other.day_offset,
            self.weekday if self.weekday is not None else other.weekday,
            self.week if self.week is not None else other.week,
            self.part or other.part,
        )


def cue(*cues: int) -> Meaning:
    return Meaning(cues=frozenset(cues))


def kind(round_kind: RoundKind, *cues: int) -> Meaning:
    return Meaning(cues=frozenset(cues), kinds=frozenset({round_kind}))


def day(offset: int, part: PartOfDay | None = None) -> Meaning:
    return Meaning(day_offset=offset, part=part)


def part(part_of_day: PartOfDay) -> Meaning:
    return Meaning(part=part_of_day)


def weekday(number: int, week: int | None = None) -> Meaning:
    return Meaning(weekday=number, week=week)
