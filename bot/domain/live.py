"""Stage events as organizers record them, and the round's progress they add up to."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from bot.domain import timeline
from bot.domain.timeline import Progress


class EventKind(StrEnum):
    START = "start"  # a team goes on stage (the one before it is done)
    FINISH = "finish"
    SKIP = "skip"  # absent: the queue closes the gap
    DELAY = "delay"  # minutes, positive or negative
    PAUSE = "pause"
    RESUME = "resume"


@dataclass(frozen=True, slots=True)
class StageEvent:
    kind: EventKind
    at: datetime
    position: int | None = None
    minutes: int | None = None


def apply(progress: Progress, event: StageEvent) -> Progress:
    """The progress after the event, or TimelineError when it cannot happen now."""
    position, at = event.position or 0, event.at
    match event.kind:
        case EventKind.START:
            return timeline.start(progress, position, at)
        case EventKind.FINISH:
            return timeline.finish(progress, position, at)
        case EventKind.SKIP:
            return timeline.skip(progress, position)
        case EventKind.DELAY:
            return timeline.delay(progress, event.minutes or 0)
        case EventKind.PAUSE:
            return timeline.pause(progress, at)
        case EventKind.RESUME:
            return timeline.resume(progress, at)


def replay(events: Iterable[StageEvent]) -> Progress:
    progress = Progress()
    for event in events:
        progress = apply(progress, event)
    return progress
