"""Printing for the CLI: translated lines out, user mistakes as one clear line and exit 1."""

import asyncio
from collections.abc import Coroutine
from typing import Any, NoReturn, TypeVar

import typer

from bot.config import Settings
from bot.domain.enums import Locale
from bot.domain.problems import N_, N_plural, Plural
from bot.i18n import plural_translator, translated, translator

T = TypeVar("T")
PROBLEMS_FOUND = N_plural(
    "{count} problem in {file}; nothing was imported:",
    "{count} problems in {file}; nothing was imported:",
)


class UserError(Exception):
    """A mistake the user can fix; printed without a traceback."""

    def __init__(self, message: str, **params: object) -> None:
        super().__init__(message)
        self.message = message
        self.params = params


class Console:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.locale: Locale = settings.default_locale
        self.translate = translator(self.locale)
        self.translate_plural = plural_translator(self.locale)

    def text(self, message: str | Plural, **params: object) -> str:
        return translated(self.translate, self.translate_plural, message, params).format(**params)

    def say(self, message: str | Plural, **params: object) -> None:
        typer.echo(self.text(message, **params))

    def line(self, text: str) -> None:
        typer.echo(text)

    def fail(self, message: str | Plural, **params: object) -> NoReturn:
        typer.echo(self.text(message, **params), err=True)
        raise typer.Exit(1)

    def run(self, work: Coroutine[Any, Any, T]) -> T:
        """Runs a command's async body, turning expected failures into one-line messages."""
        from sqlalchemy.exc import DBAPIError

        try:
            return asyncio.run(work)
        except UserError as error:
            self.fail(error.message, **error.params)
        except BrokenPipeError:
            raise
        except (DBAPIError, ConnectionError) as error:
            self.fail(
                N_("Cannot use the database {url}: {reason}"),
                url=self.safe_url(),
                reason=str(getattr(error, "orig", None) or error).splitlines()[0],
            )

    def safe_url(self) -> str:
        from sqlalchemy.engine import make_url

        return make_url(self.settings.database_url).render_as_string(hide_password=True)
