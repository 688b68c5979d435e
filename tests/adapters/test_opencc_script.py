"""Simplified text skips OpenCC, and skipping it changes nothing OpenCC would have changed."""

import opencc
import pytest

from bench.understanding.corpus import load
from bot.adapters.opencc_script import CONVERTED_IN_GB2312, OpenccScript

T2S = opencc.OpenCC("t2s").convert
QUESTIONS = sorted({case.question for split in ("dev", "heldout") for case in load(split)})


def gb2312_characters() -> list[str]:
    found = []
    for high in range(0xA1, 0xF8):
        for low in range(0xA1, 0xFF):
            try:
                found.append(bytes([high, low]).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    return found


def test_the_gb2312_characters_opencc_converts_are_the_ones_listed() -> None:
    assert {c for c in gb2312_characters() if T2S(c) != c} == CONVERTED_IN_GB2312


@pytest.mark.parametrize(
    "text", ["我们队几点上场？", "When is our round?", "我們隊幾點上場", "後天幾點"]
)
def test_the_text_is_what_opencc_makes_of_it(text: str) -> None:
    assert OpenccScript().to_simplified(text) == T2S(text)


def test_every_question_of_the_corpus_reads_as_opencc_makes_it() -> None:
    script = OpenccScript()
    assert [script.to_simplified(q) for q in QUESTIONS] == [T2S(q) for q in QUESTIONS]


def test_a_simplified_question_does_not_load_opencc() -> None:
    script = OpenccScript()
    script.to_simplified("我们队几点上场？")
    assert script.loaded is False
