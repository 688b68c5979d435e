"""What the CLI says when a file holds another contest than the loaded one."""

from bot.cli.console import Console
from bot.domain.changes import Holding, Replacement
from bot.domain.problems import N_

HOLDINGS = {
    Holding.TEAMS: N_("teams"),
    Holding.PEOPLE: N_("people"),
    Holding.ACCOUNTS: N_("joined accounts (they would have to join again)"),
    Holding.SCHEDULE: N_("programme entries"),
    Holding.QUESTIONS: N_("questions"),
    Holding.SCORES: N_("scores"),
    Holding.ARENA_EVENTS: N_("arena events"),
    Holding.PUBLICATIONS: N_("publications"),
    Holding.DRAWS: N_("draws"),
    Holding.CHECK_INS: N_("check-ins"),
    Holding.EXAMS: N_("mock exams"),
    Holding.PRACTICE_ANSWERS: N_("practice answers"),
    Holding.TEAM_CHATS: N_("team groups"),
    Holding.FOLLOWS: N_("followers"),
    Holding.PENDING_MESSAGES: N_("messages not sent yet"),
}


def report_replacement(
    console: Console, replacement: Replacement, applied: bool, refused: bool, how_to_replace: str
) -> None:
    """Names the two contests and every kind of data the replacement removes (or removed, once
    applied), with counts."""
    console.say(
        N_("The file holds another contest ({incoming}) than the loaded one ({loaded})."),
        incoming=replacement.incoming,
        loaded=replacement.loaded,
    )
    console.say(N_("Replacing it removed:") if applied else N_("Replacing it removes:"))
    for kind in Holding:
        count = replacement.removed.get(kind, 0)
        if count:
            console.line(f"  - {count} {console.text(HOLDINGS[kind])}")
    console.say(N_("The audit trail is kept, and the replacement is recorded in it."))
    if refused:
        console.say(N_("Nothing was changed. To replace the loaded contest, {how}."),
                    how=how_to_replace)  # fmt: skip
