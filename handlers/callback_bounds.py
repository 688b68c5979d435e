"""The numbers a button's data may carry, bounded to what both databases store.

Anyone can send any callback data, so every number in it is bounded: out of range, the data
does not unpack (pydantic's ValidationError is a ValueError, which `CallbackData.filter()` turns
into "no match"), no handler sees it and the fallback answers "This button is no longer valid."
Within range, handlers still check that the thing named exists and may be touched.
"""

from typing import Annotated

from pydantic import Field

# PostgreSQL's `integer`: the type of every id, position, version and tier column.
INT32_MAX = 2**31 - 1
MINUTES_A_DAY = 24 * 60

Id = Annotated[int, Field(ge=0, le=INT32_MAX)]
"""A row's id (0 stands for none and matches no row)."""

Number = Annotated[int, Field(ge=0, le=INT32_MAX)]
"""An index into a list, a position, a version, a count, a tier."""

NumberOrNone = Annotated[int, Field(ge=-1, le=INT32_MAX)]
"""An id or a number as above, or -1: none (yet)."""

Delay = Annotated[int, Field(ge=-MINUTES_A_DAY, le=MINUTES_A_DAY)]
"""A shift in minutes, earlier or later, by at most a day."""

Word = Annotated[str, Field(pattern=r"^[a-z_]*[0-9]*$", max_length=32)]
"""A keyword, or a keyword and an ASCII number ("t3")."""
