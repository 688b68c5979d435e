"""Settings: defaults that work out of the box, `.env` files, and refusal of nonsense."""

from pathlib import Path

import pytest
from pydantic import ValidationError

from bot.config import DEFAULT_DATABASE_URL, Settings
from bot.domain.enums import Locale

NAMES = ("BOT_TOKEN", "TELEGRAM_API_URL", "DATABASE_URL", "TIMEZONE", "DEFAULT_LOCALE")


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    for name in NAMES:
        monkeypatch.delenv(name, raising=False)


def test_defaults_need_no_configuration() -> None:
    settings = Settings()
    assert settings.database_url == DEFAULT_DATABASE_URL
    assert settings.default_locale is Locale.ZH_HANS
    assert settings.timezone == "Asia/Shanghai"
    assert settings.bot_token is None


def test_a_dotenv_file_is_read_and_empty_values_mean_default(tmp_path: Path) -> None:
    (tmp_path / ".env").write_text("BOT_TOKEN=\nDEFAULT_LOCALE=en\n", encoding="utf-8")
    settings = Settings()
    assert settings.bot_token is None
    assert settings.default_locale is Locale.EN


def test_the_token_never_shows_in_a_printout(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BOT_TOKEN", "123:SECRET")
    settings = Settings()
    assert "SECRET" not in repr(settings)
    assert settings.bot_token is not None
    assert settings.bot_token.get_secret_value() == "123:SECRET"


@pytest.mark.parametrize(("name", "value"), [("TIMEZONE", "Mars/Base"), ("DEFAULT_LOCALE", "fr")])
def test_an_unknown_value_is_refused(
    monkeypatch: pytest.MonkeyPatch, name: str, value: str
) -> None:
    monkeypatch.setenv(name, value)
    with pytest.raises(ValidationError, match=name.lower()):
        Settings()


def test_the_example_file_documents_every_setting() -> None:
    example = (Path(__file__).resolve().parents[1] / ".env.example").read_text(encoding="utf-8")
    assert {name.upper() for name in Settings.model_fields} == {
        line.split("=")[0] for line in example.splitlines() if "=" in line and line[0] != "#"
    }


def test_the_scoring_rules_file_changes_only_what_it_sets(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    rules = tmp_path / "rules.yaml"
    rules.write_text("risk_tiers: [10, 20, 40]\nshowcase_drop_highest: 2\n", encoding="utf-8")
    monkeypatch.setenv("SCORING_RULES", str(rules))
    loaded = Settings().rules
    assert [int(tier.points) for tier in loaded.risk_tiers] == [10, 20, 40]
    assert (loaded.showcase_drop_highest, loaded.showcase_drop_lowest) == (2, 1)


def test_a_scoring_rules_file_with_a_wrong_value_is_refused(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    rules = tmp_path / "rules.yaml"
    rules.write_text("theory_weight: heavy\n", encoding="utf-8")
    monkeypatch.setenv("SCORING_RULES", str(rules))
    with pytest.raises(ValidationError, match="theory_weight"):
        Settings()


def test_practice_lockdowns_are_read_in_contest_time(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(
        "PRACTICE_LOCKDOWN", "2024-09-26 07:30/12:00, 2024-09-27 22:00/2024-09-28 06:00"
    )
    assert [(p.start.isoformat(" "), p.end.isoformat(" ")) for p in Settings().lockdowns] == [
        ("2024-09-26 07:30:00", "2024-09-26 12:00:00"),
        ("2024-09-27 22:00:00", "2024-09-28 06:00:00"),
    ]


@pytest.mark.parametrize(
    "value",
    [
        "2024-09-26 07:30",
        "2024-09-26 12:00/07:30",
        "tomorrow/12:00",
        "2024-09-26T08:00+08:00/12:00",
    ],
)
def test_a_lockdown_that_is_not_a_period_is_refused(
    monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    monkeypatch.setenv("PRACTICE_LOCKDOWN", value)
    with pytest.raises(ValidationError, match="practice_lockdown"):
        Settings()
