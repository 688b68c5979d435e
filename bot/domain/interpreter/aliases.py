"""Names people use for the contest's teams, venues, tracks and rounds, from its data.

A name shared by several entities (沈阳队: the hotline and the window team of Shenyang)
maps to all of them; the interpreter then leaves the code unset rather than guess.
"""

import re
from collections.abc import Iterator

from bot.domain.contest import ContestData, Round, Team, Track, Venue
from bot.domain.interpreter.signals import Meaning
from bot.domain.interpreter.text import fold, normalize

# The organisational words team names are built from: 沈阳市 + 热线 + 代表队.
_ORG_WORDS = ("政务服务中心", "政务服务热线", "政务服务窗口", "服务中心", "热线", "窗口", "中心")
_TEAM_SUFFIXES = ("代表队", "队")
_ADMIN_SUFFIXES = ("示范区", "市", "区", "县", "省")
_CN_NUMERALS = "一二三四五六七八九十"
_NUMBER_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
_ORDINAL_VENUE = re.compile(rf"第([{_CN_NUMERALS}]|[0-9]{{1,2}})(.+)")
_LETTERED_VENUE = re.compile(r"(.*[^\x00-\x7f])\s*([a-z0-9]{1,2})")
_PARENTHESES = re.compile(r"\([^)]*\)")
_NAME_PARTS = re.compile(r"暨|和|与|及|、|&|\band\b")
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


def entity_phrases(data: ContestData) -> Iterator[tuple[str, Meaning]]:
    track_words = _track_words(data.tracks)
    track_tails = {t.code: _NON_ASCII.findall(normalize(t.name))[-1:] for t in data.tracks}
    for team in data.teams:
        meaning = Meaning(teams=frozenset({team.code}))
        tail = "".join(track_tails.get(team.track_code, []))[-2:]
        for alias in _team_aliases(team, track_words, tail):
            yield alias, meaning
    for venue in data.venues:
        meaning = Meaning(venues=frozenset({venue.code}))
        for alias in _venue_aliases(venue):
            yield alias, meaning
    for track in data.tracks:
        meaning = Meaning(tracks=frozenset({track.code}))
        for alias in _track_aliases(track):
            yield alias, meaning
    for round_ in data.rounds:
        for alias in _round_aliases(round_):
            yield alias, Meaning(kinds=frozenset({round_.kind}))


def _team_aliases(team: Team, track_words: tuple[str, ...], track_tail: str) -> set[str]:
    """沈阳市热线代表队: 沈阳热线队, 沈阳队, 沈阳…; its track's word too (沈阳窗口队)."""
    code = normalize(team.code)
    aliases = {normalize(team.name), code, re.sub(r"(?<=[a-z])0+(?=[1-9])", "", code)}
    core = normalize(team.name).replace(" ", "")
    for suffix in _TEAM_SUFFIXES:
        if core.endswith(suffix) and len(core) > len(suffix):
            core = core.removesuffix(suffix)
            break
    if core.isascii():
        return aliases | {core}
    mid = max((w for w in track_words if core.endswith(w) and core != w), key=len, default="")
    unit = core.removesuffix(mid) if mid else core
    units = {unit, unit.replace("市", "")}
    units |= {unit.removesuffix(s) for s in _ADMIN_SUFFIXES if unit.endswith(s)}
    for short in units:
        for middle in {"", mid, track_tail}:
            for suffix in ("", *_TEAM_SUFFIXES):
                alias = short + middle + suffix
                if len(alias) >= 2:
                    aliases.add(alias)
    return aliases


def _track_words(tracks: tuple[Track, ...]) -> tuple[str, ...]:
    words = set(_ORG_WORDS)
    for track in tracks:
        for cjk in _NON_ASCII.findall(normalize(track.name)):
            words |= {cjk, cjk[-2:]}
    return tuple(words)


def _venue_aliases(venue: Venue) -> set[str]:
    name = normalize(venue.name).replace(" ", "")
    aliases = {name}
    code = normalize(venue.code)
    aliases.add(code)
    if ordinal := _ORDINAL_VENUE.fullmatch(name):
        numeral, rest = ordinal.groups()
        digit = str(_CN_NUMERALS.index(numeral) + 1) if numeral in _CN_NUMERALS else numeral
        for n in {numeral, digit}:
            aliases |= {f"第{n}{rest}", f"{rest}{n}", f"{n}号{rest}", f"{n}号{rest[-1]}"}
    elif lettered := _LETTERED_VENUE.fullmatch(name):
        stem, ident = lettered.groups()
        aliases |= {stem, f"{stem[-2:]}{ident}", f"{ident}{stem[-2:]}"}
    elif len(name) >= 5:
        aliases.add(name[-3:])  # 领队会议室 -> 会议室
    words = normalize(venue.name_en).split()
    if words:
        aliases.add(" ".join(words))
    if len(words) >= 2 and len(words[-1]) <= 2:
        ident = words[-1]
        idents = {ident}
        if ident.isdigit() and 1 <= int(ident) <= len(_NUMBER_WORDS):
            idents.add(_NUMBER_WORDS[int(ident) - 1])
        aliases.add(" ".join(words[:-1]))
        for i in idents:
            aliases |= {f"{words[-2]} {i}", f"{words[-2]}{i}", f"{words[0]} {i}"}
    elif len(words) >= 3:
        aliases.add(" ".join(words[1:]))
    return aliases


def _track_aliases(track: Track) -> set[str]:
    code = normalize(track.code)
    aliases = {code, normalize(track.name), normalize(track.name_en), f"{code} track"}
    for cjk in _NON_ASCII.findall(normalize(track.name)):
        tail = cjk[-2:]
        aliases |= {cjk, tail, f"{tail}赛道", f"{tail}组", f"{cjk}赛道", f"{code}赛道"}
        aliases.add(f"{code}{tail}")
    words = normalize(track.name_en).split()
    if words:
        aliases |= {words[-1], f"{words[-1]} track"}
    return aliases - {""}


def _round_aliases(round_: Round) -> set[str]:
    aliases: set[str] = set()
    for name in (round_.name, round_.name_en):
        # "理论考试（12345赛道）": the track in brackets is not part of the round's name.
        without_track = _PARENTHESES.sub(" ", fold(name))
        for part in _NAME_PARTS.split(without_track):
            alias = normalize(part)
            if len(alias) >= 2:
                aliases.add(alias)
    return aliases
