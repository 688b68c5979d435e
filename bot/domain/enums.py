from enum import StrEnum


class Role(StrEnum):
    CONTESTANT = "contestant"
    LEADER = "leader"
    ORGANIZER = "organizer"
    JUDGE = "judge"
    AUDITOR = "auditor"

    @property
    def belongs_to_team(self) -> bool:
        return self in (Role.CONTESTANT, Role.LEADER)


class RoundKind(StrEnum):
    CHECKIN = "checkin"
    BRIEFING = "briefing"
    THEORY = "theory"
    SHOWCASE = "showcase"
    ARENA_PRELIMINARY = "arena_preliminary"
    ARENA_FINAL = "arena_final"
    CEREMONY = "ceremony"
    OTHER = "other"


class QuestionType(StrEnum):
    SINGLE = "single"
    MULTIPLE = "multiple"
    FILL_IN = "fill_in"
    TRUE_FALSE = "true_false"
    SHORT_ANSWER = "short_answer"
    ESSAY = "essay"

    @property
    def has_options(self) -> bool:
        return self in (QuestionType.SINGLE, QuestionType.MULTIPLE)

    @property
    def is_open(self) -> bool:
        return self in (QuestionType.SHORT_ANSWER, QuestionType.ESSAY)


class Locale(StrEnum):
    ZH_HANS = "zh-Hans"
    EN = "en"
