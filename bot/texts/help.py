"""Menus and help: what each kind of user can do, in their language."""

from bot.domain.commands import COMMANDS, Command
from bot.domain.enums import Role
from bot.domain.problems import N_
from bot.texts.texts import Texts

DESCRIPTIONS = {
    Command.TODAY: N_("Today's programme"),
    Command.TOMORROW: N_("Tomorrow's programme"),
    Command.NEXT: N_("My team's next turn"),
    Command.SCHEDULE: N_("The whole programme, day by day"),
    Command.WHERE: N_("Venues and how to get there"),
    Command.TEAM: N_("My team and its members"),
    Command.CHECKIN: N_("I have arrived (check in for today)"),
    Command.TEAMCHAT: N_("In a team's group chat: link it to the team (/teamchat CODE)"),
    Command.FOLLOW: N_("Follow a track's announcements and results"),
    Command.LIVE: N_("Run a round live: on stage, done, delay, pause, absent"),
    Command.DRAW: N_("Draw a round's running order: /draw ROUND"),
    Command.CHECKINS: N_("Who has not checked in today, per round"),
    Command.SCORE: N_("Score the showcase teams"),
    Command.ARENA: N_("Keep the arena's score: /arena ROUND"),
    Command.AUDIT: N_("The audit trail, read-only, with its check"),
    Command.PRACTICE: N_("Practise exam questions"),
    Command.REVIEW: N_("Review what is due (spaced repetition)"),
    Command.MISTAKES: N_("My wrong-answer notebook"),
    Command.EXAM: N_("A timed mock exam"),
    Command.STATS: N_("My practice: accuracy by type and topic, streak"),
    Command.DAILY: N_("Daily questions at a time I choose"),
    Command.LEADERBOARD: N_("This week's practice leaderboard of my track (opt-in)"),
    Command.REPORTS: N_("Reported answer keys to check"),
    Command.PUBLISH: N_("Publish a round's results"),
    Command.STANDINGS: N_("Draft standings (not yet published)"),
    Command.ONBOARDING: N_("Who has joined the bot"),
    Command.UNBIND: N_("Release a person's invite: /unbind CODE"),
    Command.BROADCAST: N_("Send an announcement"),
    Command.BROADCASTS: N_("Latest announcements and their delivery"),
    Command.LANGUAGE: N_("Language: 中文 / English"),
    Command.HELP: N_("What I can do"),
    Command.CANCEL: N_("Leave the current dialogue"),
}
ROLE_NAMES = {
    None: N_("follower"),
    Role.CONTESTANT: N_("contestant"),
    Role.LEADER: N_("team leader"),
    Role.ORGANIZER: N_("organizer"),
    Role.JUDGE: N_("judge"),
    Role.AUDITOR: N_("auditor"),
}

ASK_HINT = N_("You can also just ask, e.g. “When is our team on?” or “Where is the final?”")


def help_text(t: Texts, role: Role | None) -> str:
    lines = [t(N_("<b>What I can do for you ({role})</b>"), role=t(ROLE_NAMES[role]))]
    lines += [f"/{command} — {t(DESCRIPTIONS[command])}" for command in COMMANDS[role]]
    lines.append("")
    lines.append(t(ASK_HINT))
    return "\n".join(lines)
