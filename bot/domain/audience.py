"""Who an announcement is for, and who of them can actually receive it."""

from collections.abc import Collection
from dataclasses import dataclass
from enum import StrEnum

from bot.domain.contest import Person
from bot.domain.enums import Role
from bot.domain.snapshot import ContestSnapshot


class AudienceKind(StrEnum):
    EVERYONE = "everyone"
    TRACK = "track"  # contestants and leaders of one track
    TEAMS = "teams"
    CONTESTANTS = "contestants"
    LEADERS = "leaders"  # optionally of one track
    JUDGES = "judges"
    ORGANIZERS = "organizers"
    NOT_CHECKED_IN = "not_checked_in"  # contestants and leaders who have not checked in today
    FOLLOWERS = "followers"  # whoever follows a track's results, joined by invite code or not


# Kinds that may name a track ('leaders:12345'); for a track and its followers it is required.
TRACK_ARGUMENT = {
    AudienceKind.TRACK,
    AudienceKind.LEADERS,
    AudienceKind.NOT_CHECKED_IN,
    AudienceKind.FOLLOWERS,
}
ON_SITE = {Role.CONTESTANT, Role.LEADER}


@dataclass(frozen=True, slots=True)
class Audience:
    kind: AudienceKind
    track_code: str | None = None
    team_codes: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        """'track:12345', 'teams:H01,H02', 'leaders', … as typed on the command line."""
        if self.team_codes:
            return f"{self.kind}:{','.join(self.team_codes)}"
        return f"{self.kind}:{self.track_code}" if self.track_code else self.kind.value


def parse_audience(text: str) -> Audience | None:
    kind_text, _, argument = text.strip().partition(":")
    try:
        kind = AudienceKind(kind_text.strip().lower())
    except ValueError:
        return None
    if kind is AudienceKind.TEAMS:
        codes = tuple(code.strip() for code in argument.split(",") if code.strip())
        return Audience(kind, team_codes=codes) if codes else None
    if kind in (AudienceKind.TRACK, AudienceKind.FOLLOWERS) and not argument:
        return None
    if argument and kind not in TRACK_ARGUMENT:
        return None
    return Audience(kind, track_code=argument.strip() or None)


def members(
    audience: Audience, snapshot: ContestSnapshot, checked_in: Collection[int] = ()
) -> list[Person]:
    """The people the audience names, whether or not they have joined the bot.

    `checked_in` holds the ids of the people who have checked in today. Followers are accounts
    rather than people of the contest, so they are never among the members.
    """
    return [p for p in snapshot.data.people if _includes(audience, p, snapshot, checked_in)]


def team_codes(people: Collection[Person]) -> list[str]:
    """The teams the people belong to, each once, in order."""
    return list(dict.fromkeys(p.team_code for p in people if p.team_code))


def _includes(
    audience: Audience, person: Person, snapshot: ContestSnapshot, checked_in: Collection[int]
) -> bool:
    team = snapshot.teams.get(person.team_code or "")
    track = team.track_code if team else None
    in_track = audience.track_code in (None, track)
    match audience.kind:
        case AudienceKind.EVERYONE:
            return True
        case AudienceKind.TRACK:
            return track == audience.track_code
        case AudienceKind.TEAMS:
            return person.team_code in audience.team_codes
        case AudienceKind.CONTESTANTS:
            return person.role is Role.CONTESTANT
        case AudienceKind.LEADERS:
            return person.role is Role.LEADER and in_track
        case AudienceKind.JUDGES:
            return person.role is Role.JUDGE
        case AudienceKind.ORGANIZERS:
            return person.role is Role.ORGANIZER
        case AudienceKind.NOT_CHECKED_IN:
            return person.role in ON_SITE and person.id not in checked_in and in_track
    return False


def unknown_codes(audience: Audience, snapshot: ContestSnapshot) -> list[str]:
    """Track or team codes in the audience that the contest does not have."""
    missing = [code for code in audience.team_codes if code not in snapshot.teams]
    if audience.track_code and audience.track_code not in snapshot.tracks:
        missing.append(audience.track_code)
    return missing
