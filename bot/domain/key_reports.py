"""A contestant's word that a question's answer key looks wrong, for organizers to check."""

from dataclasses import dataclass
from datetime import datetime

MAX_REASON = 500


@dataclass(frozen=True, slots=True)
class KeyReport:
    id: int
    question_code: str
    person_id: int
    reason: str
    created_at: datetime
