"""A judge's typed score: the whole message is one number in range, or it is refused.

Accepted: digits (ASCII `0-9` or full-width `０-９`, mixed or not), optionally one decimal
separator (`.` or the full-width `．`) followed by at most `decimals` digits, with optional
whitespace around. Refused, because each is a typo rather than a score: `50,5`, `1e3`, `0x50`,
`+5`, `-0`, `.5`, `5.`, `85 90`, `85。5`, `85.555`, `101` (above the maximum), other scripts'
digits and anything else. Nothing in the message is read as a reason: that is its own step.
"""

import re
from decimal import Decimal

from bot.domain.problems import N_
from bot.domain.scoring.errors import ScoringError

# Scores are stored in hundredths (storage/score_repository.py), so a judge types at most two.
JUDGE_DECIMALS = 2
MAX_REASON = 500  # a correction's reason, as stored in the audit trail and shown in /audit
NOT_A_SCORE = N_(
    "Please send one number from 0 to {maximum} with at most {decimals} decimals, "
    "e.g. 85 or 85.5 (or /cancel)."
)

_FULL_WIDTH = str.maketrans("０１２３４５６７８９．", "0123456789.")
_NUMBER = re.compile(r"[0-9]+(?:\.[0-9]+)?")


def parse_score(text: str, maximum: Decimal, decimals: int = JUDGE_DECIMALS) -> Decimal:
    """The score `text` is, exactly as typed (`85.50` is 85.50); raises `ScoringError` with
    `NOT_A_SCORE` when it is not one number from 0 to `maximum` with at most `decimals`."""
    folded = text.strip().translate(_FULL_WIDTH)
    if _NUMBER.fullmatch(folded) is None:
        raise ScoringError(NOT_A_SCORE, maximum=maximum, decimals=decimals)
    _, _, fraction = folded.partition(".")
    score = Decimal(folded)
    if len(fraction) > decimals or score > maximum:
        raise ScoringError(NOT_A_SCORE, maximum=maximum, decimals=decimals)
    return score
