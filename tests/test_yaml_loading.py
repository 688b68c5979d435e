"""YAML goes through libyaml when PyYAML has it, and reads exactly what the pure loader reads."""

from pathlib import Path

import pytest
import yaml

from bot.yaml_loading import SafeLoader, load_yaml

ROOT = Path(__file__).resolve().parents[1]
DOCUMENTS = [
    ROOT / "bot" / "demo" / "programme.yaml",
    ROOT / "bot" / "demo" / "questions.yaml",
    *sorted((ROOT / "tests" / "data" / "understanding").glob("*.yaml")),
]


def test_the_c_loader_is_used_when_pyyaml_has_libyaml() -> None:
    expected = yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader
    assert SafeLoader is expected


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_a_document_reads_the_same_as_with_the_pure_python_loader(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert load_yaml(text) == yaml.load(text, Loader=yaml.SafeLoader)
