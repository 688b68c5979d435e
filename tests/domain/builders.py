"""A small valid contest draft that tests change one thing at a time."""

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from bot.domain.contest import Contest, Person, Round, Slot, Team, Track, Venue
from bot.domain.draft import ContestDraft, Located
from bot.domain.enums import QuestionType, Role, RoundKind
from bot.domain.questions import Question

START = datetime(2024, 9, 26, 5, 30, tzinfo=UTC)  # 13:30 in Shanghai


def slot(position: int, team: str | None, minutes_after: int, duration: int = 8) -> Slot:
    return Slot(
        round_code="SC",
        position=position,
        starts_at=START + timedelta(minutes=minutes_after),
        duration=timedelta(minutes=duration),
        team_code=team,
    )


def small_draft() -> ContestDraft:
    return ContestDraft(
        contest=Contest(name="测试赛", timezone="Asia/Shanghai"),
        venues=[Located(Venue("HALL1", "第一会议厅"), 2)],
        tracks=[Located(Track("12345", "热线"), 2), Located(Track("window", "窗口"), 3)],
        teams=[
            Located(Team("H01", "一队", "12345"), 2),
            Located(Team("H02", "二队", "12345"), 3),
            Located(Team("W01", "窗口一队", "window"), 4),
        ],
        people=[
            Located(Person("P1", "张三", Role.CONTESTANT, "H01", seat=1), 2),
            Located(Person("P2", "李四", Role.CONTESTANT, "H01", seat=2), 3),
            Located(Person("P3", "王五", Role.LEADER, "H01"), 4),
            Located(Person("P4", "赵六", Role.CONTESTANT, "H02", seat=1), 5),
            Located(Person("J1", "钱七", Role.JUDGE), 6),
        ],
        rounds=[Located(Round("SC", "风采展示", RoundKind.SHOWCASE, "12345", "HALL1"), 2)],
        slots=[Located(slot(1, "H01", 0), 2), Located(slot(2, "H02", 8), 3)],
        questions=[
            Located(
                Question(
                    "Q1",
                    QuestionType.SINGLE,
                    "题干",
                    options=("甲", "乙", "丙"),
                    correct_options=(1,),
                ),
                2,
            )
        ],
    )


def with_people(draft: ContestDraft, *people: Person) -> ContestDraft:
    start = len(draft.people) + 2
    extra = [Located(person, start + index) for index, person in enumerate(people)]
    return replace(draft, people=[*draft.people, *extra])


def with_slots(draft: ContestDraft, *slots: Slot) -> ContestDraft:
    start = len(draft.slots) + 2
    extra = [Located(item, start + index) for index, item in enumerate(slots)]
    return replace(draft, slots=[*draft.slots, *extra])
