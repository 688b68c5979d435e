"""The objects alive after start-up (modules, the contest snapshot, the routers) stay alive for
the whole run; moving them out of the garbage collector's generations keeps every later full
collection from walking them again (hundreds of thousands of objects: a pause of 100 ms and
more in the middle of an answer)."""

import gc


def freeze_after_startup() -> None:
    """Collects what start-up left behind, then freezes everything still alive."""
    gc.collect()
    gc.freeze()
