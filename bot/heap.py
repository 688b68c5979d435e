"""The objects alive after start-up (modules, the contest snapshot, the routers) stay alive for
the whole run; moving them out of the garbage collector's generations keeps every later full
collection from walking them again (hundreds of thousands of objects: a pause of 100 ms and
more in the middle of an answer)."""

import gc
from collections.abc import Iterator
from contextlib import contextmanager


def freeze_after_startup() -> None:
    """Collects what start-up left behind, then freezes everything still alive."""
    gc.collect()
    gc.freeze()


@contextmanager
def imports_uncollected() -> Iterator[None]:
    """Imports the bot without collecting garbage meanwhile, then freezes what they built.

    Importing the bot builds hundreds of thousands of objects that live as long as the process
    (aiogram's types alone are most of them); each full collection the imports set off walks
    all of them again, and the four that importing bot.app set off cost a second of CPU."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if collecting:
            gc.enable()
