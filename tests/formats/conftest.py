"""The demo contest as a workbook, exported once and copied for each test that edits it."""

from pathlib import Path
from typing import Any

import pytest

from bot.domain.contest import ContestData
from tests.formats.workbooks import EditableWorkbook, export_workbook


@pytest.fixture(scope="session")
def demo_export(tmp_path_factory: pytest.TempPathFactory, demo_data: ContestData) -> Path:
    """The demo contest exported to a valid workbook; never edited."""
    return export_workbook(demo_data, tmp_path_factory.mktemp("export") / "demo.xlsx")


@pytest.fixture
def workbook(demo_export: Path, tmp_path: Path) -> EditableWorkbook:
    """A private copy of the demo workbook to break or rename things in."""
    return EditableWorkbook(demo_export, tmp_path / "contest.xlsx")


@pytest.fixture
def demo_document_mapping() -> dict[str, Any]:
    """The demo contest as the YAML reader sees it, fresh for each test to edit."""
    from bot.demo.contest import demo_document

    return demo_document()
