"""The scoring rules: every number the organizers may change, with the defaults of DESIGN.md.

`ScoringRules()` is the default rule set. `ScoringRules.from_mapping` reads the flat mapping an
organizer writes in YAML (keys are the field names below); a bad key or value raises a
`ValueError` that names the key. Penalties are signed (`buzz_wrong: -10`).
"""

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, fields
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

ZERO = Decimal(0)
ONE = Decimal(1)


@dataclass(frozen=True, slots=True)
class RiskTier:
    """A risk card: its points (won if correct, lost if wrong or timed out), uses per team."""

    points: Decimal
    cards: int = 1


def _tiers(*points: int) -> tuple[RiskTier, ...]:
    return tuple(RiskTier(Decimal(p)) for p in points)


@dataclass(frozen=True, slots=True)
class ScoringRules:
    # Theory exam.
    theory_max: Decimal = Decimal(100)
    # Showcase: each judge scores 0..showcase_max; extremes are dropped before the mean.
    showcase_max: Decimal = Decimal(100)
    showcase_drop_highest: int = 1
    showcase_drop_lowest: int = 1
    # Every computed score (means, normalised arena, practical, totals) is rounded half-up.
    decimals: int = 2
    # Arena: mandatory questions, risk cards, buzzer.
    mandatory_correct: Decimal = Decimal(10)
    mandatory_wrong: Decimal = ZERO
    mandatory_per_contestant: int = 1
    risk_tiers: tuple[RiskTier, ...] = _tiers(10, 20, 30)
    buzz_correct: Decimal = Decimal(10)
    buzz_wrong: Decimal = Decimal(-10)
    buzz_early: Decimal = Decimal(-10)
    starting_bank: Decimal = ZERO
    floor_at_zero: bool = False
    # Weights of the totals; the best arena score of a track is worth `arena_scale`.
    theory_weight: Decimal = Decimal("0.3")
    practical_weight: Decimal = Decimal("0.7")
    showcase_weight: Decimal = Decimal("0.4")
    arena_weight: Decimal = Decimal("0.6")
    arena_scale: Decimal = Decimal(100)
    # Awards: individuals per track, team prizes per track (first, second, third, ...).
    individual_awards: int = 3
    team_prizes: tuple[int, ...] = (1, 2, 3)
    best_showcase_per_track: bool = True
    excellent_share: Decimal = Decimal("0.5")

    def __post_init__(self) -> None:
        for key, ok, expected in self._checks():
            if not ok:
                raise ValueError(f"{key} must be {expected}, got {getattr(self, key)!r}")
        points = [t.points for t in self.risk_tiers]
        if len(set(points)) != len(points):
            raise ValueError(f"risk_tiers must not repeat a tier, got {points}")

    def _checks(self) -> list[tuple[str, bool, str]]:
        positive, non_negative, non_positive = "positive", "0 or more", "0 or less"
        return [
            ("theory_max", self.theory_max > 0, positive),
            ("showcase_max", self.showcase_max > 0, positive),
            ("showcase_drop_highest", self.showcase_drop_highest >= 0, non_negative),
            ("showcase_drop_lowest", self.showcase_drop_lowest >= 0, non_negative),
            ("decimals", 0 <= self.decimals <= 6, "between 0 and 6"),
            ("mandatory_correct", self.mandatory_correct >= 0, non_negative),
            ("mandatory_wrong", self.mandatory_wrong <= 0, non_positive),
            ("mandatory_per_contestant", self.mandatory_per_contestant >= 1, "1 or more"),
            (
                "risk_tiers",
                all(t.points > 0 and t.cards >= 1 for t in self.risk_tiers),
                "positive points with 1 or more cards each",
            ),
            ("buzz_correct", self.buzz_correct >= 0, non_negative),
            ("buzz_wrong", self.buzz_wrong <= 0, non_positive),
            ("buzz_early", self.buzz_early <= 0, non_positive),
            ("starting_bank", self.starting_bank >= 0, non_negative),
            ("theory_weight", ZERO <= self.theory_weight <= ONE, "between 0 and 1"),
            (
                "practical_weight",
                self.theory_weight + self.practical_weight == ONE,
                "1 - theory_weight",
            ),
            ("showcase_weight", ZERO <= self.showcase_weight <= ONE, "between 0 and 1"),
            (
                "arena_weight",
                self.showcase_weight + self.arena_weight == ONE,
                "1 - showcase_weight",
            ),
            ("arena_scale", self.arena_scale > 0, positive),
            ("individual_awards", self.individual_awards >= 0, non_negative),
            ("team_prizes", all(n >= 0 for n in self.team_prizes), "counts of 0 or more"),
            ("excellent_share", ZERO <= self.excellent_share <= ONE, "between 0 and 1"),
        ]

    @property
    def quantum(self) -> Decimal:
        return ONE.scaleb(-self.decimals)

    def quantize(self, value: Decimal) -> Decimal:
        """`value` rounded to `decimals` places, halves away from zero."""
        return value.quantize(self.quantum, rounding=ROUND_HALF_UP)

    def risk_tier(self, points: Decimal) -> RiskTier | None:
        return next((t for t in self.risk_tiers if t.points == points), None)

    @classmethod
    def from_mapping(cls, mapping: Mapping[str, object]) -> "ScoringRules":
        """Rules from an organizer's mapping; missing keys keep their defaults."""
        known = {f.name for f in fields(cls)}
        if unknown := sorted(set(mapping) - known):
            raise ValueError(f"unknown scoring rule key(s): {', '.join(map(str, unknown))}")
        parsers: dict[str, Callable[[str, object], object]] = {
            f.name: _PARSERS[f.type] for f in fields(cls) if f.type in _PARSERS
        }
        parsers |= {"risk_tiers": _risk_tiers, "team_prizes": _counts}
        values = {key: parsers[key](key, value) for key, value in mapping.items()}
        return cls(**values)  # type: ignore[arg-type]


def _decimal(key: str, value: object) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, int | float | str | Decimal):
        raise ValueError(f"{key} must be a number, got {value!r}")
    try:
        number = Decimal(str(value).strip())
    except InvalidOperation:
        raise ValueError(f"{key} must be a number, got {value!r}") from None
    if not number.is_finite():
        raise ValueError(f"{key} must be a finite number, got {value!r}")
    return number


def _int(key: str, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"{key} must be a whole number, got {value!r}")
    return value


def _bool(key: str, value: object) -> bool:
    if not isinstance(value, bool):
        raise ValueError(f"{key} must be true or false, got {value!r}")
    return value


def _sequence(key: str, value: object) -> Sequence[object]:
    if isinstance(value, str) or not isinstance(value, Sequence):
        raise ValueError(f"{key} must be a list, got {value!r}")
    return value


def _counts(key: str, value: object) -> tuple[int, ...]:
    return tuple(_int(f"{key}[{i}]", item) for i, item in enumerate(_sequence(key, value)))


def _risk_tiers(key: str, value: object) -> tuple[RiskTier, ...]:
    """Each tier is its points (one card) or a mapping `{points: 20, cards: 2}`."""
    tiers = []
    for i, item in enumerate(_sequence(key, value)):
        where = f"{key}[{i}]"
        if not isinstance(item, Mapping):
            tiers.append(RiskTier(_decimal(where, item)))
            continue
        if extra := sorted(set(map(str, item)) - {"points", "cards"}):
            raise ValueError(f"{where}: unknown key(s) {', '.join(extra)}")
        if "points" not in item:
            raise ValueError(f"{where}.points is missing")
        cards = _int(f"{where}.cards", item.get("cards", 1))
        tiers.append(RiskTier(_decimal(f"{where}.points", item["points"]), cards))
    return tuple(tiers)


_PARSERS: dict[type, Callable[[str, object], object]] = {
    Decimal: _decimal,
    int: _int,
    bool: _bool,
}
