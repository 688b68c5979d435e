"""Two spellings of one short answer normalise to the same text."""

import pytest

from bot.domain.grading.normalise import normalise, same_answer


@pytest.mark.parametrize(
    ("given", "accepted"),
    [
        ("３０", "30"),
        ("ＡＢＣ", "abc"),
        ("常态。", "常态"),
        ("“总客服”！", "总客服"),
        ("《优化营商环境条例》", "优化营商环境条例"),
        ("  一网 通办\u3000", "一网通办"),
        ("一网\u200b通办", "一网通办"),
        ("GB/T 33358-2016", "gbt333582016"),
        ("Abc", "aBC"),
        ("三十", "30"),
        ("卅", "30"),
        ("二十四", "24"),
        ("十五", "15"),
        ("一百零五", "105"),
        ("两", "2"),
        ("二〇二一", "2021"),
        ("百分之九十五", "95%"),
    ],
)
def test_spellings_of_one_answer_are_the_same_answer(given: str, accepted: str) -> None:
    assert same_answer(given, [accepted])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("十", "10"),
        ("十五", "15"),
        ("三十", "30"),
        ("二十四", "24"),
        ("一百零五", "105"),
        ("一千零五十", "1050"),
        ("两千", "2000"),
        ("三十万", "300000"),
        ("一亿二千万", "120000000"),
        ("一万零五", "10005"),
        ("一百五", "150"),
        ("三千五", "3500"),
        ("一万二", "12000"),
        ("廿四", "24"),
        ("卅", "30"),
        ("〇", "0"),
        ("零", "0"),
        ("二〇二一", "2021"),
        ("叁拾", "30"),
        ("第一责任人", "第1责任人"),
    ],
)
def test_a_chinese_number_becomes_arabic_digits(text: str, expected: str) -> None:
    assert normalise(text) == expected


@pytest.mark.parametrize("text", ["百", "千万", "十十", "万一", "一百零", "万亿", "一万亿"])
def test_a_run_of_numerals_that_is_no_number_stays_as_written(text: str) -> None:
    assert normalise(text) == text


def test_punctuation_between_numerals_keeps_them_two_numbers() -> None:
    assert normalise("三、十") == "310"


def test_a_percent_sign_is_kept() -> None:
    assert normalise("95%") != normalise("95")


def test_an_answer_matches_any_accepted_alternative() -> None:
    assert same_answer("2020-01-01", ["2020年1月1日", "2020-01-01", "2020.1.1"])


def test_a_different_answer_is_not_the_same_answer() -> None:
    assert not same_answer("例外", ["常态"])


@pytest.mark.parametrize("given", ["", "   ", "。，"])
def test_an_empty_answer_is_never_the_same_answer(given: str) -> None:
    assert not same_answer(given, ["", "。"])
