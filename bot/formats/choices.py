"""Accepted spellings of enumerated cells. The first Chinese label is what exports write."""

from collections.abc import Mapping
from enum import StrEnum
from typing import TypeVar

from bot.domain.enums import Locale, QuestionType, Role, RoundKind

ROLE_LABELS: dict[Role, tuple[str, ...]] = {
    Role.CONTESTANT: ("选手", "参赛选手"),
    Role.LEADER: ("领队",),
    Role.ORGANIZER: ("组织者", "工作人员", "组委会"),
    Role.JUDGE: ("评委", "裁判"),
    Role.AUDITOR: ("监督员", "公证员", "审计"),
}

ROUND_KIND_LABELS: dict[RoundKind, tuple[str, ...]] = {
    RoundKind.CHECKIN: ("报到",),
    RoundKind.BRIEFING: ("说明会", "领队会", "会议"),
    RoundKind.THEORY: ("理论考试", "理论"),
    RoundKind.SHOWCASE: ("风采展示",),
    RoundKind.ARENA_PRELIMINARY: ("擂台赛初赛", "初赛"),
    RoundKind.ARENA_FINAL: ("决赛", "擂台赛决赛"),
    RoundKind.CEREMONY: ("颁奖典礼", "典礼", "仪式"),
    RoundKind.OTHER: ("其他",),
}

QUESTION_TYPE_LABELS: dict[QuestionType, tuple[str, ...]] = {
    QuestionType.SINGLE: ("单选", "单选题", "单项选择题"),
    QuestionType.MULTIPLE: ("多选", "多选题", "多项选择题"),
    QuestionType.FILL_IN: ("填空", "填空题"),
    QuestionType.TRUE_FALSE: ("判断", "判断题"),
    QuestionType.SHORT_ANSWER: ("简答", "简答题"),
    QuestionType.ESSAY: ("论述", "论述题"),
}

LOCALE_LABELS: dict[Locale, tuple[str, ...]] = {
    Locale.ZH_HANS: ("简体中文", "中文", "zh", "zh-CN", "zh_Hans"),
    Locale.EN: ("English", "英文", "英语", "en-US"),
}

TRUE_WORDS = frozenset({"true", "t", "yes", "y", "1", "对", "正确", "是", "√", "✓", "✔"})
FALSE_WORDS = frozenset({"false", "f", "no", "n", "0", "错", "错误", "否", "×", "✗", "✘"})

TRUE_LABEL = "对"
FALSE_LABEL = "错"

# A schedule row with one of these (or nothing) in its team column is for everyone.
ALL_TEAMS_WORDS = frozenset({"all", "全部", "全体", "所有"})


E = TypeVar("E", bound=StrEnum)
Labels = Mapping[E, tuple[str, ...]]


def label(value: E, labels: Labels[E]) -> str:
    return labels[value][0]


def dropdown(labels: Labels[E]) -> tuple[str, ...]:
    return tuple(names[0] for names in labels.values())


def lookup(text: str, labels: Labels[E]) -> E | None:
    wanted = text.strip().casefold()
    for value, names in labels.items():
        if wanted == value.value.casefold() or wanted in (n.casefold() for n in names):
            return value
    return None
