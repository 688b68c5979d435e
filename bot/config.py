"""Settings from the environment and `.env`; see .env.example for every one of them."""

from datetime import datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from bot.domain.enums import Locale
from bot.domain.practice_plan import Lockdown
from bot.domain.reminders import QuietHours, ReminderPolicy
from bot.domain.scoring.rules import ScoringRules

DEFAULT_DATABASE_URL = "sqlite+aiosqlite:///./data/contest.db"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_file=".env", env_file_encoding="utf-8", env_ignore_empty=True, extra="ignore"
    )

    bot_token: SecretStr | None = Field(default=None, description="Telegram bot token")
    bot_username: str | None = Field(default=None, description="Bot's @username for deep links")
    telegram_api_url: str | None = Field(default=None, description="Local Bot API server")
    database_url: str = Field(default=DEFAULT_DATABASE_URL, description="SQLAlchemy async URL")
    timezone: str = Field(default="Asia/Shanghai", description="Zone of new contests")
    default_locale: Locale = Field(default=Locale.ZH_HANS, description="UI language")
    send_rate: float = Field(default=30.0, gt=0, description="Outgoing messages per second")
    send_in_flight: int = Field(default=4, ge=1, le=100, description="Sends at once (outbox)")
    reminder_leads: str = Field(default="60,30,15", description="Minutes before a team's turn")
    quiet_hours: str = Field(default="", description="HH:MM-HH:MM without reminders")
    escalate_after: str = Field(default="3,6", description="Minutes until leader, organizers")
    scoring_rules: Path | None = Field(default=None, description="YAML file of scoring rules")
    publish_confirmations: int = Field(default=1, ge=1, le=2, description="Organizers needed")
    practice_lockdown: str = Field(default="", description="Periods without practice content")
    redis_url: str | None = Field(default=None, description="Redis for dialogues; none: memory")
    webhook_url: str | None = Field(default=None, description="Public URL Telegram posts to")
    webhook_secret: SecretStr | None = Field(default=None, description="Its secret header")
    webhook_host: str = Field(default="127.0.0.1", description="Address the webhook serves on")
    webhook_port: int = Field(default=8081, ge=1, le=65535, description="Its port")
    # Connection pools: PostgreSQL's (SQLite has no pool to size) and Redis's.
    db_pool_size: int = Field(default=5, ge=1, description="Connections kept open")
    db_max_overflow: int = Field(default=10, ge=0, description="Opened beyond them at peaks")
    db_pool_timeout: float = Field(default=30, gt=0, description="Seconds to wait for one")
    db_pool_recycle: int = Field(default=1800, ge=-1, description="Seconds a connection lives")
    redis_pool_size: int = Field(default=50, ge=1, description="Redis connections at most")
    redis_timeout: float = Field(default=5, gt=0, description="Seconds for a Redis reply")
    # Imports: the defaults hold ten times the demo contest (WorkbookLimits in bot/formats).
    import_max_file_mb: float = Field(default=10, gt=0, description="Largest file imported")
    import_max_unpacked_mb: float = Field(default=50, gt=0, description="Its unpacked parts")
    import_max_rows: int = Field(default=10_000, ge=1, description="Rows of one sheet")
    import_max_columns: int = Field(default=64, ge=1, description="Columns of one sheet")
    import_max_cells: int = Field(default=200_000, ge=1, description="Cells in all sheets")

    @property
    def rules(self) -> ScoringRules:
        """The contest's scoring rules: the defaults, with what the YAML file sets."""
        return _rules(self.scoring_rules)

    @field_validator("scoring_rules")
    @classmethod
    def _readable_rules(cls, value: Path | None) -> Path | None:
        _rules(value)
        return value

    @property
    def reminder_policy(self) -> ReminderPolicy:
        return ReminderPolicy(
            leads=tuple(timedelta(minutes=m) for m in _minutes(self.reminder_leads)),
            quiet=_quiet_hours(self.quiet_hours),
            escalate_after=tuple(timedelta(minutes=m) for m in _minutes(self.escalate_after)),
        )

    @field_validator("reminder_leads", "escalate_after")
    @classmethod
    def _minute_list(cls, value: str) -> str:
        _minutes(value)
        return value

    @field_validator("quiet_hours")
    @classmethod
    def _quiet(cls, value: str) -> str:
        _quiet_hours(value)
        return value

    @property
    def lockdowns(self) -> tuple[Lockdown, ...]:
        return _lockdowns(self.practice_lockdown)

    @field_validator("practice_lockdown")
    @classmethod
    def _lockdown_periods(cls, value: str) -> str:
        _lockdowns(value)
        return value

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as error:
            raise ValueError(f"unknown time zone {value!r}") from error
        return value


def _minutes(text: str) -> list[int]:
    """'60,30,15' → [60, 30, 15]; empty → none."""
    try:
        minutes = [int(part) for part in text.replace(" ", "").split(",") if part]
    except ValueError as error:
        raise ValueError(f"expected minutes separated by commas, got {text!r}") from error
    if any(m <= 0 for m in minutes):
        raise ValueError(f"minutes must be positive, got {text!r}")
    return minutes


def _quiet_hours(text: str) -> QuietHours | None:
    """'22:00-07:00' → quiet from 22:00 to 07:00 (contest time); empty → never quiet."""
    if not text.strip():
        return None
    try:
        start, end = (time.fromisoformat(part.strip()) for part in text.split("-"))
    except ValueError as error:
        raise ValueError(f"expected HH:MM-HH:MM, got {text!r}") from error
    return QuietHours(start, end)


def _lockdowns(text: str) -> tuple[Lockdown, ...]:
    """'2024-09-26 08:00/12:00, 2024-09-27 08:00/2024-09-27 10:30' (contest time): the end is a
    time on the start's day, or a full date and time."""
    periods = []
    for part in filter(None, (p.strip() for p in text.split(","))):
        try:
            start_text, end_text = (side.strip() for side in part.split("/"))
            start = datetime.fromisoformat(start_text)
            end = (
                datetime.combine(start.date(), time.fromisoformat(end_text))
                if ":" in end_text and "-" not in end_text
                else datetime.fromisoformat(end_text)
            )
        except ValueError as error:
            raise ValueError(f"expected YYYY-MM-DD HH:MM/HH:MM, got {part!r}") from error
        if start.tzinfo or end.tzinfo or end <= start:
            raise ValueError(
                f"expected a period in contest time that ends after it starts: {part!r}"
            )
        periods.append(Lockdown(start, end))
    return tuple(periods)


def _rules(path: Path | None) -> ScoringRules:
    """The defaults of DESIGN.md, with what the organizers' YAML file sets (e.g. risk tiers)."""
    if path is None:
        return ScoringRules()
    from bot.yaml_loading import load_yaml  # PyYAML loads only when there is a rules file

    return ScoringRules.from_mapping(load_yaml(path.read_text("utf-8")) or {})
