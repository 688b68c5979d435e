"""One example per rule of intent priority (see bot/domain/interpreter/resolve.py)."""

import pytest

from bot.domain.interpreter import Intent, Vocabulary, interpret
from tests.domain.interpreter.conftest import TODAY


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        # 1. How long beats everything; "how long until" is a when.
        ("我们队比赛要多长时间", Intent.HOW_LONG),
        ("决赛几点开始，要多久", Intent.HOW_LONG),
        ("还要多久才开始", Intent.WHEN),
        ("how long until the final", Intent.WHEN),
        # 2. Where beats when and the asker's team.
        ("我们队在哪个会场比赛", Intent.WHERE),
        ("when and where is the final", Intent.WHERE),
        # 3. When, or my turn when the asker's team is the subject.
        ("我们队几点上场", Intent.MY_TURN),
        ("when do we play", Intent.MY_TURN),
        ("我想知道决赛几点", Intent.WHEN),  # 我 without a verb of playing is just the asker
        # 4. Other topics.
        ("我们的成绩", Intent.UNKNOWN),
        ("who won the final", Intent.UNKNOWN),
        # 5. The asker's team.
        ("我们队呢", Intent.MY_TURN),
        ("轮到我了吗", Intent.MY_TURN),
        ("what's next for us", Intent.MY_TURN),
        # 6. On stage: now, or the stage / who / whose turn without a day.
        ("现在呢", Intent.ON_STAGE),
        ("what's on now", Intent.ON_STAGE),
        ("whose turn is it", Intent.ON_STAGE),
        ("明天谁先上台", Intent.WHATS_ON),
        # 7. The schedule, or what is next.
        ("接下来呢", Intent.WHATS_ON),
        ("决赛之后有什么", Intent.WHATS_ON),
        # 8. A kind of place, or a venue without a day.
        ("决赛考场", Intent.WHERE),
        ("颁奖在第一会议厅吗", Intent.WHERE),
        # 9. A round, a team, or a verb of playing on their own.
        ("擂台赛？", Intent.WHEN),
        ("H07", Intent.WHEN),
        ("决赛开始了吗", Intent.WHEN),
        # 10. A day, a part of the day, a venue with a day, a track.
        ("明天呢", Intent.WHATS_ON),
        ("下午", Intent.WHATS_ON),
        ("hall 1 tomorrow", Intent.WHATS_ON),
        ("窗口赛道", Intent.WHATS_ON),
        # 11. Nothing to place.
        ("好的，收到", Intent.UNKNOWN),
    ],
)
def test_priority(vocabulary: Vocabulary, text: str, intent: Intent) -> None:
    assert interpret(text, vocabulary, TODAY).intent == intent
