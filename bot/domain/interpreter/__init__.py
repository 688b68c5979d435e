"""Free-text schedule questions (Chinese or English) turned into structured queries."""

from bot.domain.interpreter.fuzzy import damerau_levenshtein
from bot.domain.interpreter.interpret import interpret
from bot.domain.interpreter.query import Ask, Intent, PartOfDay, Query
from bot.domain.interpreter.vocabulary import Vocabulary, build_vocabulary

__all__ = [
    "Ask",
    "Intent",
    "PartOfDay",
    "Query",
    "Vocabulary",
    "build_vocabulary",
    "damerau_levenshtein",
    "interpret",
]
