"""Page geometry and fitting text, with a made-up measure: every character is `size` wide."""

from itertools import combinations

from bot.invites.layout import MARGIN, PAGE_SIZE, PER_PAGE, card_boxes, fit_size, paginate, wrap


def measure(text: str, size: int) -> float:
    return float(len(text) * size)


def test_eight_cards_fill_an_a4_page_inside_the_margins_without_overlapping() -> None:
    boxes = card_boxes()
    assert len(boxes) == PER_PAGE == 8
    assert PAGE_SIZE == (2480, 3508)  # 210 × 297 mm at 300 dpi
    for box in boxes:
        assert box.left >= MARGIN
        assert box.top >= MARGIN
        assert box.right <= PAGE_SIZE[0] - MARGIN
        assert box.bottom <= PAGE_SIZE[1] - MARGIN
    for a, b in combinations(boxes, 2):
        assert a.right <= b.left or b.right <= a.left or a.bottom <= b.top or b.bottom <= a.top
    assert (boxes[0].width, boxes[0].height) == (1122, 818)  # 95 × 69 mm


def test_paginate_keeps_the_order_and_fills_pages() -> None:
    pages = paginate(list(range(17)))
    assert [len(page) for page in pages] == [8, 8, 1]
    assert [n for page in pages for n in page] == list(range(17))
    assert paginate([]) == []


def test_fit_size_takes_the_largest_size_that_fits_down_to_the_smallest() -> None:
    assert fit_size("唐玉然", 300, 140, 56, measure) == 100
    assert fit_size("唐玉", 300, 140, 56, measure) == 140
    assert fit_size("很长很长很长很长很长的名字", 300, 140, 56, measure) == 56


def test_wrap_breaks_between_characters_and_ends_an_overflow_with_an_ellipsis() -> None:
    assert wrap("沈阳市热线代表队", 400, 100, measure, 3) == ["沈阳市热", "线代表队"]
    assert wrap("短", 400, 100, measure, 3) == ["短"]
    assert wrap("", 400, 100, measure, 3) == []
    assert wrap("一二三四五六七八九十", 400, 100, measure, 2) == ["一二三四", "五六七…"]
    assert wrap("Team of Dalian", 700, 100, measure, 3) == ["Team of", "Dalian"]
