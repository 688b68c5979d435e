"""What an import changed, per sheet."""

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Changes:
    added: int = 0
    updated: int = 0
    removed: int = 0
    unchanged: int = 0
