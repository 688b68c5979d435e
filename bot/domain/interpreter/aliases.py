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
_ADMIN_SUFFIXES = ("示范区", "机关", "市", "区", "县", "省")
_CN_NUMERALS = "一二三四五六七八九十"
_NUMBER_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
_ORDINAL_VENUE = re.compile(rf"第([{_CN_NUMERALS}]|[0-9]{{1,2}})(.+)")
_LETTERED_VENUE = re.compile(r"(.*[^\x00-\x7f])\s*([a-z0-9]{1,2})")
_PARENTHESES = re.compile(r"\([^)]*\)")
_NAME_PARTS = re.compile(r"暨|和|与|及|、|&|\band\b")
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
_PLACE_LENGTH = 3
_WORD_ALIAS = 4
_LONG_WORD = 10
_GENERIC_WORDS = frozenset({"round", "track", "team", "teams", "session", "with", "and"})
# Characters of round names and the homophones pinyin input offers first in their place.
_HOMOPHONES = {
    "武": "舞五午",
    "示": "时式事是",
    "赛": "塞寨",
    "展": "站战",
    "采": "彩菜",
    "擂": "雷垒",
    "颁": "班搬",
    "奖": "将讲",
    "典": "点",
    "礼": "里理",
    "演": "眼严",
    "景": "境井",
    "比": "笔",
    "试": "式是时",
    "测": "侧策",
    "论": "伦轮",
    "考": "烤",
    "决": "绝觉",
    "巅": "颠",
    "峰": "锋风",
    "理": "里礼",
    "签": "前",
    "到": "道",
    "报": "抱",
    "抽": "仇",
    "仪": "义一",
    "式": "试是",
}


def entity_phrases(data: ContestData) -> Iterator[tuple[str, Meaning]]:
    track_words = _track_words(data.tracks) + _shared_endings(data.teams)
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
    core = _core(team.name)
    if core.isascii():
        return aliases | {core}
    # 西岗区不动产登记中心: the unit is what is left once the organisational words are off.
    unit, mids, stripped = core, {""}, ""
    while mid := max(
        (w for w in track_words if unit.endswith(w) and unit != w), key=len, default=""
    ):
        unit = unit.removesuffix(mid)
        stripped = mid + stripped
        mids |= {mid, stripped}
    units = {unit, unit.replace("市", "")}
    units |= {unit.removesuffix(s) for s in _ADMIN_SUFFIXES if unit.endswith(s)}
    for short in units:
        for middle in {*mids, track_tail}:
            for suffix in ("", *_TEAM_SUFFIXES):
                alias = short + middle + suffix
                if len(alias) >= 2:
                    aliases.add(alias)
    # 旅顺队 for 旅顺口区…队: a three-character place's first two characters, with 队 only.
    for short in units:
        if len(short) == _PLACE_LENGTH:
            aliases |= {short[:2] + suffix for suffix in _TEAM_SUFFIXES}
    return aliases


def _shared_endings(teams: tuple[Team, ...]) -> tuple[str, ...]:
    """What every team name of a track ends with (社保中心: 庄河市社保中心队, 高新区社保中心队)."""
    by_track: dict[str, list[str]] = {}
    for team in teams:
        by_track.setdefault(team.track_code, []).append(_core(team.name)[::-1])
    endings = []
    for reversed_names in by_track.values():
        if len(reversed_names) >= 2:
            common = _common_start(reversed_names)[::-1]
            if len(common) >= 2 and not common.isascii():
                endings.append(common)
    return tuple(endings)


def _common_start(texts: list[str]) -> str:
    shortest = min(texts, key=len)
    for i, char in enumerate(shortest):
        if any(text[i] != char for text in texts):
            return shortest[:i]
    return shortest


def _core(name: str) -> str:
    core = normalize(name).replace(" ", "")
    for suffix in _TEAM_SUFFIXES:
        if core.endswith(suffix) and len(core) > len(suffix):
            return core.removesuffix(suffix)
    return core


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
        aliases |= {f"{code}{tail}", cjk[:2], f"{cjk[:2]}赛道", f"{cjk[:2]}组"}
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
            if len(alias) < 2:
                continue
            aliases.add(alias)
            if alias.isascii():
                aliases |= _word_aliases(alias)
            elif len(alias) >= 4:
                aliases.add(alias[-2:])  # 情景演示 -> 演示, 技能比武 -> 比武
    return aliases | {variant for alias in aliases for variant in _misspellings(alias)}


def _word_aliases(name: str) -> set[str]:
    """ "scenario demonstration": demonstration, and demo for a long word."""
    words = [w for w in name.split() if len(w) >= _WORD_ALIAS and w not in _GENERIC_WORDS]
    return set(words) | {w[:4] for w in words if len(w) >= _LONG_WORD}


def _misspellings(alias: str) -> set[str]:
    """擂台塞, 风采展时: one character typed as a common homophone."""
    if alias.isascii() or len(alias) < 3:
        return set()
    return {
        alias[:i] + other + alias[i + 1 :]
        for i, char in enumerate(alias)
        for other in _HOMOPHONES.get(char, "")
    }
