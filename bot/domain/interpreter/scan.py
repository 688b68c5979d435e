"""Finding the vocabulary's phrases in folded text: Chinese by characters, English by words."""

from bot.domain.interpreter.signals import Meaning
from bot.domain.interpreter.text import WORD
from bot.domain.interpreter.vocabulary import Vocabulary

_PLURAL_MIN = 3
# Particles and pronouns that carry no topic of their own: 的了吗呢吧, 请问一下.
_FUNCTION_CHARS = frozenset(
    "的了吗嘛呢吧啊呀哦哈么是有在要我你您他她它们这那个些都还就也和跟给让把被啥什怎样请问一下想"
    "知道帮查看告诉能可以会得地过着来去到说吧喂嗨好哪儿里几多少"
)


def scan_zh(text: str, vocabulary: Vocabulary, found: list[Meaning]) -> str:
    """Appends the meanings of Chinese phrases (longest match, left to right) and returns
    the text with them blanked out, for the English pass."""
    table, lengths = vocabulary.zh, vocabulary.zh_lengths
    pieces: list[str] = []
    size = len(text)
    start = i = 0
    while i < size:
        candidates = lengths.get(text[i])
        if candidates is not None:
            for length in candidates:
                if i + length <= size and (meaning := table.get(text[i : i + length])):
                    found.append(meaning)
                    pieces.append(text[start:i])
                    i = start = i + length
                    break
            else:
                i += 1
        else:
            i += 1
    if not pieces:
        return text
    pieces.append(text[start:])
    return " ".join(pieces)


def unread_zh(rest: str) -> int:
    """Chinese characters left once the phrases are blanked out, particles not counted."""
    return sum(1 for char in rest if char > "\u2e7f" and char not in _FUNCTION_CHARS)


def scan_en(text: str, vocabulary: Vocabulary, found: list[Meaning]) -> int:
    """Appends the meanings of English phrases, after correcting typos word by word; returns
    how many words it could not place (common words not counted)."""
    words = [_correct(w, vocabulary) for w in WORD.findall(text)]
    table, lengths = vocabulary.en, vocabulary.en_lengths
    count = len(words)
    unread = i = 0
    while i < count:
        for length in lengths.get(words[i], ()):
            if i + length <= count and (meaning := table.get(tuple(words[i : i + length]))):
                found.append(meaning)
                i += length
                break
        else:
            unread += words[i] not in vocabulary.known and not words[i].isdigit()
            i += 1
    return unread


def _correct(word: str, vocabulary: Vocabulary) -> str:
    if word in vocabulary.known:
        return word
    # "teams", "h07s" (from "H07's"): a known word with an s.
    if len(word) >= _PLURAL_MIN and word[-1] == "s" and word[:-1] in vocabulary.known:
        return word[:-1]
    if not word.isalpha():
        return word
    return vocabulary.fuzzy.correct(word) or word
