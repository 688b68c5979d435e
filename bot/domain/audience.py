"""Who an announcement is for, and who of them can actually receive it."""

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
    if kind is AudienceKind.TRACK and not argument:
        return None
    if argument and kind not in (AudienceKind.TRACK, AudienceKind.LEADERS):
        return None
    return Audience(kind, track_code=argument.strip() or None)


def members(audience: Audience, snapshot: ContestSnapshot) -> list[Person]:
    """Everyone the audience names, whether or not they have joined the bot."""
    return [p for p in snapshot.data.people if _includes(audience, p, snapshot)]


def _includes(audience: Audience, person: Person, snapshot: ContestSnapshot) -> bool:
    team = snapshot.teams.get(person.team_code or "")
    track = team.track_code if team else None
    kind = audience.kind
    if kind is AudienceKind.EVERYONE:
        return True
    if kind is AudienceKind.TRACK:
        return track == audience.track_code
    if kind is AudienceKind.TEAMS:
        return person.team_code in audience.team_codes
    if kind is AudienceKind.CONTESTANTS:
        return person.role is Role.CONTESTANT
    if kind is AudienceKind.LEADERS:
        return person.role is Role.LEADER and audience.track_code in (None, track)
    if kind is AudienceKind.JUDGES:
        return person.role is Role.JUDGE
    return person.role is Role.ORGANIZER


def unknown_codes(audience: Audience, snapshot: ContestSnapshot) -> list[str]:
    """Track or team codes in the audience that the contest does not have."""
    missing = [code for code in audience.team_codes if code not in snapshot.teams]
    if audience.track_code and audience.track_code not in snapshot.tracks:
        missing.append(audience.track_code)
    return missing
