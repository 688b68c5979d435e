"""Settings from the environment and `.env`; see .env.example for every one of them."""

from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from bot.domain.enums import Locale

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

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as error:
            raise ValueError(f"unknown time zone {value!r}") from error
        return value
