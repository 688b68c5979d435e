"""The vocabulary of the demo contest, and the day the questions are asked."""

from datetime import date

import pytest

from bot.domain.contest import ContestData
from bot.domain.interpreter import Vocabulary, build_vocabulary

TODAY = date(2024, 9, 26)  # a Thursday, the second day of the demo contest


@pytest.fixture(scope="session")
def vocabulary(demo_data: ContestData) -> Vocabulary:
    return build_vocabulary(demo_data)
