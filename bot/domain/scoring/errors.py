"""The one error of the scoring rules: an untranslated message id plus its parameters."""

from decimal import Decimal


class ScoringError(Exception):
    """A score, an arena event or an award input that the rules refuse.

    `message` is an English message id (marked with `N_`); the edge translates it and formats
    it with `params`.
    """

    def __init__(self, message: str, **params: str | int | Decimal) -> None:
        super().__init__(message)
        self.message = message
        self.params = params
