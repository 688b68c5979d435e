"""Invite codes: printed on badges, typed by hand, so no look-alike characters."""

from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace

from bot.domain.contest import Person

ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
LENGTH = 8


def assign_invite_codes(
    people: Iterable[Person], existing: Mapping[str, str], generate: Callable[[], str]
) -> tuple[Person, ...]:
    """Gives everyone a code: their own, else the one they already had, else a new unique one."""
    people = tuple(people)
    taken = {p.invite_code for p in people if p.invite_code}
    result = []
    for person in people:
        code = person.invite_code or existing.get(person.code)
        if code is None or (code in taken and not person.invite_code):
            code = generate()
            while code in taken:
                code = generate()
        taken.add(code)
        result.append(replace(person, invite_code=code))
    return tuple(result)
