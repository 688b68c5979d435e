"""The empty template organizers fill in: every sheet, Chinese headers, dropdowns, readable."""

from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.utils import column_index_from_string

from bot.domain.contest import Contest, ContestData
from bot.domain.enums import Locale, QuestionType, Role, RoundKind
from bot.domain.problems import Sheet
from bot.domain.validation import validate
from bot.formats.choices import LOCALE_LABELS, QUESTION_TYPE_LABELS, ROLE_LABELS, ROUND_KIND_LABELS
from bot.formats.columns import CONTEST_FIELDS, OPTION_HEADERS, SHEETS
from bot.formats.files import read_document
from bot.formats.parse import parse_document
from bot.formats.xlsx_writer import TEMPLATE_ROWS, write_template
from bot.i18n import translator

INSTRUCTIONS = "填写说明"
QUESTION_OPTIONS = ["选项A", "选项B", "选项C", "选项D", "选项E", "选项F", "选项G", "选项H"]
SHEET_NAMES = ["Contest", "Venues", "Tracks", "Teams", "People", "Rounds", "Schedule", "Questions"]


@pytest.fixture(scope="module")
def template_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.xlsx"
    write_template(path, translator(Locale.ZH_HANS), INSTRUCTIONS)
    return path


@pytest.fixture(scope="module")
def template(template_path: Path) -> Workbook:
    return load_workbook(template_path)


def header_row(template: Workbook, sheet: str) -> list[object]:
    return [cell.value for cell in template[sheet][1]]


def dropdowns(template: Workbook, sheet: str) -> dict[object, str]:
    """Header of each column with a list validation -> its formula; one range per column."""
    found: dict[object, str] = {}
    headers = header_row(template, sheet)
    for validation in template[sheet].data_validations.dataValidation:
        assert validation.type == "list"
        assert validation.allow_blank
        ranges = str(validation.sqref).split()
        assert len(ranges) == 1
        first, last = ranges[0].split(":")
        letter = first.rstrip("0123456789")
        assert (first, last) == (f"{letter}2", f"{letter}{TEMPLATE_ROWS}")
        header = headers[column_index_from_string(letter) - 1]
        assert header not in found
        found[header] = str(validation.formula1)
    return found


def listed(*labels: str) -> str:
    return '"' + ",".join(labels) + '"'


def test_the_template_has_every_sheet_of_the_format_and_the_instructions(
    template: Workbook,
) -> None:
    assert template.sheetnames == [*SHEET_NAMES, INSTRUCTIONS]
    assert [spec.sheet.value for spec in (CONTEST_FIELDS, *SHEETS)] == SHEET_NAMES


@pytest.mark.parametrize(
    ("sheet", "headers"),
    [
        ("Venues", ["编号", "名称", "英文名称", "地址", "指引", "容量"]),
        ("Tracks", ["编号", "名称", "英文名称", "简介"]),
        ("Teams", ["编号", "队名", "赛道", "单位"]),
        (
            "People",
            ["编号", "姓名", "角色", "参赛队", "座次", "邀请码", "语言", "评审赛道", "评审环节"],
        ),
        ("Rounds", ["编号", "名称", "英文名称", "类型", "赛道", "场地"]),
        (
            "Schedule",
            ["环节", "序号", "参赛队", "开始时间", "时长（分钟）", "场地", "标题", "英文标题"],
        ),
        (
            "Questions",
            [
                *["编号", "题型", "赛道", "题干"],
                *QUESTION_OPTIONS,
                *["答案", "要点", "解析", "出处", "知识点", "难度"],
            ],
        ),
    ],
)
def test_header_rows_are_the_chinese_headers(
    template: Workbook, sheet: str, headers: list[str]
) -> None:
    assert header_row(template, sheet) == headers
    assert template[sheet].max_row == 1


def test_header_rows_follow_the_format_definition(template: Workbook) -> None:
    for spec in SHEETS:
        expected: list[str] = []
        for column in spec.columns:
            expected.extend(OPTION_HEADERS if column.key == "options" else [column.header])
        assert header_row(template, spec.sheet.value) == expected


def test_the_contest_sheet_lists_every_field_with_only_the_configured_zone_filled_in(
    template: Workbook,
) -> None:
    rows = [[cell.value for cell in row] for row in template["Contest"].iter_rows()]
    assert rows[0] == ["项目", "内容"]
    assert [row[0] for row in rows[1:]] == [column.header for column in CONTEST_FIELDS.columns]
    assert {row[0]: row[1] for row in rows[1:] if row[1]} == {"时区": "Asia/Shanghai"}


def test_the_contest_sheets_examples_are_notes_on_the_empty_value_cells(
    template: Workbook,
) -> None:
    notes = {row[0].value: row[1].comment for row in template["Contest"].iter_rows(min_row=2)}
    assert notes["主办单位"] is not None
    assert notes["主办单位"].text == "示例: 省总工会、省人社厅"
    assert notes["名称"] is not None
    assert "营商环境系统职工职业技能大赛" in notes["名称"].text


def test_choice_columns_have_dropdowns_of_every_label(template: Workbook) -> None:
    assert dropdowns(template, "People")["角色"] == listed(
        "选手", "领队", "组织者", "评委", "监督员"
    )
    assert dropdowns(template, "People")["语言"] == listed("简体中文", "English")
    assert dropdowns(template, "Rounds")["类型"] == listed(
        "报到", "说明会", "理论考试", "风采展示", "擂台赛初赛", "决赛", "颁奖典礼", "其他"
    )
    assert dropdowns(template, "Questions")["题型"] == listed(
        "单选", "多选", "填空", "判断", "简答", "论述"
    )
    # One entry per value of each enum: nothing an organizer picks can fail to read.
    for labels, values in (
        (ROLE_LABELS, Role),
        (ROUND_KIND_LABELS, RoundKind),
        (QUESTION_TYPE_LABELS, QuestionType),
        (LOCALE_LABELS, Locale),
    ):
        assert set(labels) == set(values)


@pytest.mark.parametrize(
    ("sheet", "expected"),
    [
        ("Venues", {}),
        ("Tracks", {}),
        ("Teams", {"赛道": "Tracks!$A$2:$A$500"}),
        ("People", {"参赛队": "Teams!$A$2:$A$500"}),
        ("Rounds", {"赛道": "Tracks!$A$2:$A$500", "场地": "Venues!$A$2:$A$500"}),
        (
            "Schedule",
            {
                "环节": "Rounds!$A$2:$A$500",
                "参赛队": "Teams!$A$2:$A$500",
                "场地": "Venues!$A$2:$A$500",
            },
        ),
        ("Questions", {"赛道": "Tracks!$A$2:$A$500"}),
    ],
)
def test_reference_columns_drop_down_the_codes_of_the_sheet_they_refer_to(
    template: Workbook, sheet: str, expected: dict[str, str]
) -> None:
    references = {h: f for h, f in dropdowns(template, sheet).items() if not f.startswith('"')}
    assert references == expected
    for formula in expected.values():
        target = formula.split("!")[0]
        assert template[target]["A1"].value == "编号"


def test_only_choice_and_reference_columns_have_dropdowns(template: Workbook) -> None:
    columns = {sheet: sorted(map(str, dropdowns(template, sheet))) for sheet in SHEET_NAMES}
    assert columns == {
        "Contest": [],
        "Venues": [],
        "Tracks": [],
        "Teams": ["赛道"],
        "People": ["参赛队", "角色", "语言"],
        "Rounds": ["场地", "类型", "赛道"],
        "Schedule": ["参赛队", "场地", "环节"],
        "Questions": ["赛道", "题型"],
    }


def test_header_cells_carry_the_translated_help(template: Workbook) -> None:
    comments = {cell.value: cell.comment for cell in template["People"][1]}
    assert all(comment is not None for comment in comments.values())
    assert "示例: 选手" in comments["角色"].text  # type: ignore[union-attr]


def test_the_instructions_sheet_explains_every_column(template: Workbook) -> None:
    rows = [[cell.value for cell in row] for row in template[INSTRUCTIONS].iter_rows()]
    assert rows[0] == ["工作表", "列", "必填", "含义", "示例"]
    described = [(row[0], row[1]) for row in rows[1:]]
    assert described == [
        (spec.sheet.value, column.header)
        for spec in (CONTEST_FIELDS, *SHEETS)
        for column in spec.columns
    ]
    required = {(row[0], row[1]) for row in rows[1:] if row[2] == "是"}
    assert ("People", "姓名") in required
    assert ("People", "座次") not in required
    assert all(row[3] for row in rows[1:])


def test_an_untouched_template_is_refused_asking_for_the_contests_name(
    template_path: Path,
) -> None:
    _, problems = parse_document(read_document(template_path))
    assert [(p.sheet, p.row, p.message) for p in problems] == [
        (Sheet.CONTEST, 2, "fill in the contest's name")
    ]


def test_a_template_with_only_a_name_filled_in_imports_no_example_value(
    template_path: Path, tmp_path: Path
) -> None:
    workbook = load_workbook(template_path)
    workbook["Contest"]["B2"] = "我们的比赛"
    named = tmp_path / "named.xlsx"
    workbook.save(named)
    draft, problems = parse_document(read_document(named))
    assert problems == []
    assert validate(draft) == []
    assert draft.to_data() == ContestData(
        Contest(name="我们的比赛", timezone="Asia/Shanghai", default_locale=Locale.ZH_HANS)
    )


def test_an_english_template_keeps_the_chinese_headers_of_the_format(tmp_path: Path) -> None:
    path = tmp_path / "template.xlsx"
    write_template(path, translator(Locale.EN), "Instructions")
    workbook = load_workbook(path)
    assert workbook.sheetnames == [*SHEET_NAMES, "Instructions"]
    assert header_row(workbook, "Instructions") == [
        "Sheet",
        "Column",
        "Required",
        "Meaning",
        "Example",
    ]
    assert header_row(workbook, "People")[:3] == ["编号", "姓名", "角色"]
    assert [p.message for p in parse_document(read_document(path))[1]] == [
        "fill in the contest's name"
    ]
