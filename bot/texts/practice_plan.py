"""The daily set's settings and the practice leaderboard, as shown."""

from bot.domain.leaderboard import Place
from bot.domain.practice_plan import DailySet, PracticePreferences
from bot.domain.problems import N_, N_plural
from bot.texts.texts import Texts

BOARD_SIZE = 10
QUESTIONS = N_plural("{count} question", "{count} questions")


def daily_text(t: Texts, preferences: PracticePreferences) -> str:
    if preferences.daily_at is None:
        state = t(N_("Daily questions: off."))
    else:
        state = t(
            N_plural(
                "Daily questions: every day at {time}, {count} question.",
                "Daily questions: every day at {time}, {count} questions.",
            ),
            time=preferences.daily_at.strftime("%H:%M"),
            count=preferences.daily_count,
        )
    hint = t(N_("Choose a time and how many, or type e.g. /daily 07:45 5. Nothing is sent "
                "while the theory exam runs."))  # fmt: skip
    return f"{state}\n{hint}"


def daily_done_text(t: Texts, done: DailySet) -> str:
    return t(N_("🎉 Today's set is done: {right} of {count} right. See you tomorrow!"),
             right=done.right, count=done.count)  # fmt: skip


def leaderboard_text(
    t: Texts, track: str, places: list[Place], person_id: int, joined: bool
) -> str:
    lines = [t(N_("<b>Practice leaderboard · {track}</b> (right answers this week)"),
               track=track)]  # fmt: skip
    shown = places[:BOARD_SIZE]
    own = next((p for p in places if p.tally.person_id == person_id), None)
    if own is not None and own not in shown:
        shown.append(own)
    for place in shown:
        tally = place.tally
        line = t(
            N_("{rank}. {name} ({team}): {right} of {answered}"),
            rank=place.rank,
            name=tally.name,
            team=tally.team,
            right=tally.right,
            answered=tally.answered,
        )
        lines.append(f"<b>{line}</b>" if tally.person_id == person_id else line)
    if not places:
        lines.append(t(N_("Nobody on the board has practised this week yet.")))
    lines.append(
        t(N_("You are on the board: others in your track see your name and count."))
        if joined
        else t(N_("You are not on the board; only those who join appear on it."))
    )
    return "\n".join(lines)
