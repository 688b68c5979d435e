"""The workbook format: sheets, their columns, Chinese headers and accepted English aliases.

Headers are part of the file format (both spellings are accepted on import), so they live
here and in docs/import-format.md rather than in the UI catalogs; the help texts are UI and
are message ids translated through the locale catalogs.
"""

from dataclasses import dataclass

from bot.domain.problems import N_, Sheet
from bot.formats.choices import (
    LOCALE_LABELS,
    QUESTION_TYPE_LABELS,
    ROLE_LABELS,
    ROUND_KIND_LABELS,
    dropdown,
)

# Characters a cell may hold, by column key (the same key means the same thing in every sheet).
# They fit the storage columns (codes String(64), names String(200)) with room for what a
# Telegram message around them says; docs/import-format.md lists them.
CODE_LENGTH = 32
NAME_LENGTH = 100
MAX_LENGTHS: dict[str, int] = {
    **dict.fromkeys(("code", "invite_code", "track", "team", "venue", "round"), CODE_LENGTH),
    **dict.fromkeys(("name", "name_en", "title", "title_en", "organisation"), NAME_LENGTH),
    **dict.fromkeys(("host", "address", "options", "source", "topics"), 200),
    **dict.fromkeys(("description", "directions", "judge_tracks", "judge_rounds"), 1000),
    **dict.fromkeys(("stem", "answer", "key_points", "explanation"), 2000),
}
# The largest whole number of a numeric column; the database stores 32-bit integers.
MAX_NUMBERS: dict[str, int] = {
    "capacity": 100_000,
    "seat": 99,
    "position": 10_000,
    "duration": 24 * 60,
    "difficulty": 100,
}
INT32_MAX = 2**31 - 1


@dataclass(frozen=True, slots=True)
class Column:
    key: str
    header: str
    help: str
    example: str = ""
    required: bool = False
    aliases: tuple[str, ...] = ()
    # Dropdown in the template: the labels of an enum, or the code column of another sheet.
    choices: tuple[str, ...] = ()
    refers_to: Sheet | None = None

    @property
    def accepted(self) -> tuple[str, ...]:
        return (self.header, self.key, *self.aliases)

    @property
    def max_length(self) -> int:
        """Characters of one cell (of each item, for a list such as the options)."""
        return MAX_LENGTHS.get(self.key, NAME_LENGTH)

    @property
    def max_number(self) -> int:
        return MAX_NUMBERS.get(self.key, INT32_MAX)


@dataclass(frozen=True, slots=True)
class SheetSpec:
    sheet: Sheet
    title: str
    columns: tuple[Column, ...]
    aliases: tuple[str, ...] = ()

    @property
    def accepted(self) -> tuple[str, ...]:
        return (self.sheet.value, self.title, self.sheet.value.lower(), *self.aliases)

    def column(self, key: str) -> Column:
        return next(c for c in self.columns if c.key == key)


def _code(example: str) -> Column:
    return Column("code", "编号", N_("Unique code; other sheets refer to it"), example, True)


CONTEST_FIELDS = SheetSpec(
    Sheet.CONTEST,
    "赛事",
    (
        Column("name", "名称", N_("Name of the contest"), "营商环境系统职工职业技能大赛", True),
        Column("timezone", "时区", N_("IANA time zone of all times"), "Asia/Shanghai", True),
        Column(
            "default_locale",
            "默认语言",
            N_("Language for people who chose none"),
            "简体中文",
            choices=dropdown(LOCALE_LABELS),
        ),
        Column("starts_on", "开始日期", N_("First day (YYYY-MM-DD)"), "2024-09-25"),
        Column("ends_on", "结束日期", N_("Last day (YYYY-MM-DD)"), "2024-09-27"),
        Column("host", "主办单位", N_("Host organisations"), "省总工会、省人社厅"),
        Column("description", "简介", N_("Short description"), ""),
    ),
)
# The Contest sheet is a list of field/value pairs; these are its two headers.
CONTEST_LAYOUT = (
    Column("field", "项目", N_("Field name"), "名称", True, ("字段",)),
    Column("value", "内容", N_("Value"), "", True, ("值",)),
)

SHEETS: tuple[SheetSpec, ...] = (
    SheetSpec(
        Sheet.VENUES,
        "场地",
        (
            _code("HALL1"),
            Column("name", "名称", N_("Name shown to people"), "第一会议厅", True),
            Column("name_en", "英文名称", N_("Name in English"), "Conference Hall 1"),
            Column("address", "地址", N_("Address or building"), "会展中心二楼"),
            Column("directions", "指引", N_("How to get there"), "出电梯右转"),
            Column("capacity", "容量", N_("Seats (a whole number)"), "300"),
        ),
    ),
    SheetSpec(
        Sheet.TRACKS,
        "赛道",
        (
            _code("12345"),
            Column("name", "名称", N_("Name shown to people"), "12345政务服务热线", True),
            Column("name_en", "英文名称", N_("Name in English"), "12345 hotline"),
            Column("description", "简介", N_("Short description"), ""),
        ),
    ),
    SheetSpec(
        Sheet.TEAMS,
        "参赛队",
        (
            _code("H01"),
            Column("name", "队名", N_("Team name"), "沈阳市代表队", True),
            Column("track", "赛道", N_("Code of the track"), "12345", True, refers_to=Sheet.TRACKS),
            Column("organisation", "单位", N_("Organisation the team represents"), ""),
        ),
    ),
    SheetSpec(
        Sheet.PEOPLE,
        "人员",
        (
            _code("P0001"),
            Column("name", "姓名", N_("Full name"), "张晓明", True),
            Column(
                "role",
                "角色",
                N_("Contestant, leader, organizer, judge or auditor"),
                "选手",
                True,
                choices=dropdown(ROLE_LABELS),
            ),
            Column(
                "team",
                "参赛队",
                N_("Team code (contestants and leaders only)"),
                "H01",
                refers_to=Sheet.TEAMS,
            ),
            Column("seat", "座次", N_("Contestant's seat in the team (1, 2, 3)"), "1"),
            Column(
                "invite_code",
                "邀请码",
                N_("Leave empty: a code is generated and kept on re-import"),
                "",
            ),
            Column(
                "locale",
                "语言",
                N_("Preferred language; empty means the contest default"),
                "",
                choices=dropdown(LOCALE_LABELS),
            ),
            Column(
                "judge_tracks",
                "评审赛道",
                N_(
                    "Judges only: codes of the tracks whose showcase they score, separated by "
                    "commas; empty here and in the next column means every track"
                ),
                "",
            ),
            Column(
                "judge_rounds",
                "评审环节",
                N_("Judges only: codes of single showcase rounds they also score"),
                "",
            ),
        ),
    ),
    SheetSpec(
        Sheet.ROUNDS,
        "赛程环节",
        (
            _code("SC-12345"),
            Column("name", "名称", N_("Name shown to people"), "风采展示（12345赛道）", True),
            Column("name_en", "英文名称", N_("Name in English"), "Showcase (12345 track)"),
            Column(
                "kind",
                "类型",
                N_("What kind of round this is"),
                "风采展示",
                True,
                choices=dropdown(ROUND_KIND_LABELS),
            ),
            Column(
                "track",
                "赛道",
                N_("Track code; empty means all tracks"),
                "12345",
                refers_to=Sheet.TRACKS,
            ),
            Column("venue", "场地", N_("Venue code of the round"), "HALL1", refers_to=Sheet.VENUES),
        ),
        aliases=("环节",),
    ),
    SheetSpec(
        Sheet.SCHEDULE,
        "日程",
        (
            Column("round", "环节", N_("Round code"), "SC-12345", True, refers_to=Sheet.ROUNDS),
            Column("position", "序号", N_("Order within the round (1, 2, ...)"), "1", True),
            Column(
                "team",
                "参赛队",
                N_("Team code; empty or 'all' means everyone"),
                "H01",
                refers_to=Sheet.TEAMS,
            ),
            Column(
                "starts_at",
                "开始时间",
                N_("Local start time (YYYY-MM-DD HH:MM)"),
                "2024-09-26 13:30",
                True,
            ),
            Column("duration", "时长（分钟）", N_("Minutes"), "8", True, ("时长", "duration_min")),
            Column(
                "venue",
                "场地",
                N_("Venue code when it differs from the round's"),
                "",
                refers_to=Sheet.VENUES,
            ),
            Column("title", "标题", N_("Title of a session for everyone"), ""),
            Column("title_en", "英文标题", N_("Title in English"), ""),
        ),
        aliases=("赛程",),
    ),
    SheetSpec(
        Sheet.QUESTIONS,
        "题库",
        (
            _code("Q001"),
            Column(
                "type",
                "题型",
                N_("Single, multiple, fill-in, true/false, short answer or essay"),
                "单选",
                True,
                choices=dropdown(QUESTION_TYPE_LABELS),
            ),
            Column(
                "track",
                "赛道",
                N_("Track code; empty means all tracks"),
                "",
                refers_to=Sheet.TRACKS,
            ),
            Column("stem", "题干", N_("The question; mark blanks with ____"), "", True),
            Column("options", "选项", N_("Options A to H"), ""),
            Column(
                "answer",
                "答案",
                N_("Letters (AC), true/false, blanks a|b with alternatives x/y, or model answer"),
                "C",
            ),
            Column(
                "key_points",
                "要点",
                N_("Open answers: one key point a line, as point | weight | synonym/synonym"),
                "",
            ),
            Column("explanation", "解析", N_("Why the answer is right"), ""),
            Column("source", "出处", N_("Document and article"), ""),
            Column("topics", "知识点", N_("Topic tags separated by commas"), ""),
            Column("difficulty", "难度", N_("1 (easy) to 5 (hard)"), "2"),
        ),
    ),
)

SPECS: dict[Sheet, SheetSpec] = {spec.sheet: spec for spec in (CONTEST_FIELDS, *SHEETS)}

# In a workbook the options of a question take one column each.
OPTION_HEADERS = tuple(f"选项{letter}" for letter in "ABCDEFGH")
OPTION_KEYS = tuple(f"option_{letter.lower()}" for letter in "ABCDEFGH")
