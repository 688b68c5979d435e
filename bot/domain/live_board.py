"""A round under live control, as the stage manager sees it."""

from dataclasses import dataclass

from bot.domain.timeline import Eta, Progress


@dataclass(frozen=True, slots=True)
class Board:
    """A round as the stage manager sees it; `version` counts the events recorded so far, so a
    button pressed on an older board is recognised as such."""

    round_code: str
    progress: Progress
    etas: tuple[Eta, ...]
    version: int
