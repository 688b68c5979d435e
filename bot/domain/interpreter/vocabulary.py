"""Everything the interpreter looks up, precomputed once per contest."""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from bot.domain.contest import ContestData
from bot.domain.interpreter.aliases import entity_phrases
from bot.domain.interpreter.fuzzy import MIN_LENGTH, FuzzyIndex
from bot.domain.interpreter.lexicon_en import en_keywords
from bot.domain.interpreter.lexicon_zh import zh_keywords
from bot.domain.interpreter.signals import Meaning
from bot.domain.interpreter.text import normalize
from bot.domain.interpreter.words import STOPWORDS


# Compared by identity: it holds mappings, which have no hash.
@dataclass(frozen=True, slots=True, eq=False)
class Vocabulary:
    # Phrases with Chinese characters, matched anywhere in the text, longest first.
    zh: Mapping[str, Meaning]
    zh_lengths: Mapping[str, tuple[int, ...]]  # first character -> lengths, longest first
    # Phrases of English words, matched word by word, longest first.
    en: Mapping[tuple[str, ...], Meaning]
    en_lengths: Mapping[str, tuple[int, ...]]  # first word -> lengths in words, longest first
    known: frozenset[str]  # words taken as written, never corrected
    fuzzy: FuzzyIndex


def build_vocabulary(data: ContestData) -> Vocabulary:
    table: dict[str, Meaning] = {}
    for phrase, meaning in (*zh_keywords(), *en_keywords()):
        _add(table, normalize(phrase), meaning)
    keywords = frozenset(table)
    for phrase, meaning in entity_phrases(data):
        phrase = normalize(phrase)
        is_team = bool(meaning.teams)
        # A team called like a keyword, or a code that is a plain word ("meet"), would
        # turn ordinary questions into questions about it.
        if (is_team and phrase in keywords) or phrase in STOPWORDS:
            continue
        _add(table, phrase, meaning)
    zh = {p: m for p, m in table.items() if not p.isascii()}
    en = {tuple(p.split()): m for p, m in table.items() if p.isascii()}
    words = {word for phrase in en for word in phrase}
    return Vocabulary(
        zh=MappingProxyType(zh),
        zh_lengths=MappingProxyType(_lengths((p[0], len(p)) for p in zh)),
        en=MappingProxyType(en),
        en_lengths=MappingProxyType(_lengths((p[0], len(p)) for p in en)),
        known=frozenset(words) | STOPWORDS,
        fuzzy=FuzzyIndex.of(w for w in words if w.isalpha() and len(w) >= MIN_LENGTH),
    )


def _add(table: dict[str, Meaning], phrase: str, meaning: Meaning) -> None:
    if phrase:
        existing = table.get(phrase)
        table[phrase] = existing.merge(meaning) if existing else meaning


def _lengths(starts: Iterable[tuple[str, int]]) -> dict[str, tuple[int, ...]]:
    by_start: dict[str, set[int]] = {}
    for start, length in starts:
        by_start.setdefault(start, set()).add(length)
    return {s: tuple(sorted(lengths, reverse=True)) for s, lengths in by_start.items()}
