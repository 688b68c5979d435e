"""What arrived at the fake Telegram, counted: per recipient, per update, per second."""

from collections import Counter, defaultdict, deque
from collections.abc import Collection, Iterable, Mapping, Sequence

from bench.fake_telegram import Sent

Expected = Mapping[tuple[int, str], int]  # (chat, text) -> the outbox deliveries of it


def arrivals(sent: Iterable[Sent], expected: Expected) -> Counter[tuple[int, str]]:
    return Counter((s.chat_id, s.text) for s in sent if (s.chat_id, s.text) in expected)


def lost(sent: Sequence[Sent], expected: Expected) -> int:
    """Outbox messages that never arrived."""
    got = arrivals(sent, expected)
    return sum(max(0, times - got[key]) for key, times in expected.items())


def duplicated(sent: Sequence[Sent], expected: Expected) -> int:
    """Recipients who got one outbox message more often than it was queued for them."""
    got = arrivals(sent, expected)
    return len({chat for (chat, text), n in got.items() if n > expected[(chat, text)]})


def peak(times: Iterable[float], seconds: float = 1.0) -> int:
    """The most events in any window of `seconds`."""
    window: deque[float] = deque()
    best = 0
    for at in sorted(times):
        window.append(at)
        while window[0] <= at - seconds:
            window.popleft()
        best = max(best, len(window))
    return best


def peak_per_chat(sent: Iterable[Sent], seconds: float = 1.0) -> int:
    """The most messages one private chat got in any window of `seconds`."""
    by_chat: dict[int, list[float]] = defaultdict(list)
    for s in sent:
        if s.chat_id > 0 and s.method.startswith("send"):
            by_chat[s.chat_id].append(s.at)
    return max((peak(times, seconds) for times in by_chat.values()), default=0)


def throughput(sent: Sequence[Sent], expected: Expected) -> float:
    """Messages per second between the first and the last outbox arrival."""
    times = sorted(s.at for s in sent if (s.chat_id, s.text) in expected)
    if len(times) < 2 or times[-1] <= times[0]:
        return 0.0
    return (len(times) - 1) / (times[-1] - times[0])


def replies(sent: Iterable[Sent]) -> dict[int, list[str]]:
    """What the bot sent while answering each update, by update id."""
    found: dict[int, list[str]] = defaultdict(list)
    for s in sent:
        if s.update_id is not None:
            found[s.update_id].append(f"{s.method}:{s.text}")
    return found


def handled_twice(
    sent: Iterable[Sent], kinds: Mapping[int, str], doubled: Collection[int]
) -> list[int]:
    """The updates delivered twice that were answered twice: the same reply twice, or more
    replies than any update of the same kind delivered once got (a second /start answers
    differently from the first, so repetition alone would miss it)."""
    answers = replies(sent)
    most: dict[str, int] = {}
    for update_id, kind in kinds.items():
        if update_id not in doubled:
            most[kind] = max(most.get(kind, 0), len(answers.get(update_id, [])))
    return [
        update_id
        for update_id in sorted(doubled)
        if (texts := answers.get(update_id, []))
        and (
            max(Counter(texts).values()) > 1 or len(texts) > most.get(kinds[update_id], len(texts))
        )
    ]


def unanswered(sent: Iterable[Sent], kinds: Mapping[int, str]) -> list[int]:
    answers = replies(sent)
    return [update_id for update_id in sorted(kinds) if not answers.get(update_id)]
