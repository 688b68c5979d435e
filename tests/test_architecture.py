"""The dependency rule: the domain is pure, use cases do not know the edges."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EDGE_LIBRARIES = {"aiogram", "sqlalchemy", "apscheduler", "alembic", "openpyxl", "yaml", "typer"}
EDGE_PACKAGES = {"storage", "handlers", "schedules", "bot.cli", "bot.formats", "bot.demo"}
# The domain is also free of I/O and clocks.
IMPURE = {"asyncio", "os", "pathlib", "socket", "time", "random", "secrets", "logging"}

RULES = {
    "bot/domain": EDGE_LIBRARIES | EDGE_PACKAGES | IMPURE | {"bot.services", "pydantic"},
    "bot/services": EDGE_LIBRARIES | EDGE_PACKAGES,
}


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def forbidden(module: str, banned: set[str]) -> bool:
    return any(module == name or module.startswith(f"{name}.") for name in banned)


@pytest.mark.parametrize("layer", sorted(RULES))
def test_a_layer_imports_nothing_it_must_not(layer: str) -> None:
    offenders = {
        f"{path.relative_to(ROOT)}: {module}"
        for path in (ROOT / layer).rglob("*.py")
        for module in imported_modules(path)
        if forbidden(module, RULES[layer])
    }
    assert offenders == set()


def test_the_rule_catches_an_offender(tmp_path: Path) -> None:
    sample = tmp_path / "bad.py"
    sample.write_text("import sqlalchemy.orm\nfrom aiogram import Bot\n", encoding="utf-8")
    modules = imported_modules(sample)
    assert {m for m in modules if forbidden(m, EDGE_LIBRARIES)} == {"sqlalchemy.orm", "aiogram"}


def test_nothing_calls_now_or_today_in_the_domain() -> None:
    calls = [
        f"{path.relative_to(ROOT)}:{node.lineno}"
        for path in (ROOT / "bot/domain").rglob("*.py")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Attribute) and node.attr in {"now", "today", "utcnow"}
    ]
    assert calls == []
