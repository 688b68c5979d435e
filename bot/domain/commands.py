"""What each kind of user may ask the bot: the table behind menus, /help and refusals."""

from enum import StrEnum

from bot.domain.enums import Role


class Command(StrEnum):
    TODAY = "today"
    TOMORROW = "tomorrow"
    NEXT = "next"
    SCHEDULE = "schedule"
    WHERE = "where"
    TEAM = "team"
    CHECKIN = "checkin"
    TEAMCHAT = "teamchat"
    FOLLOW = "follow"
    LIVE = "live"
    DRAW = "draw"
    CHECKINS = "checkins"
    SCORE = "score"
    PUBLISH = "publish"
    STANDINGS = "standings"
    ARENA = "arena"
    AUDIT = "audit"
    PRACTICE = "practice"
    REVIEW = "review"
    MISTAKES = "mistakes"
    EXAM = "exam"
    STATS = "stats"
    DAILY = "daily"
    LEADERBOARD = "leaderboard"
    REPORTS = "reports"
    ONBOARDING = "onboarding"
    UNBIND = "unbind"
    BROADCAST = "broadcast"
    BROADCASTS = "broadcasts"
    LANGUAGE = "language"
    HELP = "help"
    CANCEL = "cancel"


EVERYONE = (
    Command.TODAY,
    Command.TOMORROW,
    Command.SCHEDULE,
    Command.WHERE,
    Command.FOLLOW,
    Command.LANGUAGE,
    Command.HELP,
    Command.CANCEL,
)
IN_A_TEAM = (
    Command.NEXT,
    Command.TEAM,
    Command.PRACTICE,
    Command.REVIEW,
    Command.MISTAKES,
    Command.EXAM,
    Command.STATS,
    Command.DAILY,
    Command.LEADERBOARD,
    Command.CHECKIN,
    Command.TEAMCHAT,
)
ORGANIZING = (
    Command.ARENA,
    Command.PUBLISH,
    Command.STANDINGS,
    Command.LIVE,
    Command.DRAW,
    Command.CHECKINS,
    Command.ONBOARDING,
    Command.UNBIND,
    Command.BROADCAST,
    Command.BROADCASTS,
    Command.TEAMCHAT,
    Command.REPORTS,
    Command.AUDIT,
)

# None is a follower: someone who started the bot without an invite code.
COMMANDS: dict[Role | None, tuple[Command, ...]] = {
    None: EVERYONE,
    Role.CONTESTANT: (*IN_A_TEAM, *EVERYONE),
    Role.LEADER: (*IN_A_TEAM, *EVERYONE),
    Role.ORGANIZER: (*EVERYONE[:-3], *ORGANIZING, *EVERYONE[-3:]),
    Role.JUDGE: (Command.SCORE, *EVERYONE),
    Role.AUDITOR: (Command.AUDIT, *EVERYONE),
}


# "start" is in no menu, and anyone may send it: it binds the invite code on a badge.
START = "start"

# Staff commands, and those that show one person's data or change something for them, are
# answered in a private chat only: in a group everyone there would read the answer, and an act
# would be taken for whoever Telegram says is writing. Elsewhere they are refused with a link
# to the private chat. /teamchat, which links a group, is meant for groups.
PRIVATE_ONLY: frozenset[str] = frozenset(
    {
        START,
        Command.TEAM,
        Command.CHECKIN,
        Command.FOLLOW,
        Command.LIVE,
        Command.DRAW,
        Command.CHECKINS,
        Command.SCORE,
        Command.PUBLISH,
        Command.STANDINGS,
        Command.ARENA,
        Command.AUDIT,
        Command.PRACTICE,
        Command.REVIEW,
        Command.MISTAKES,
        Command.EXAM,
        Command.STATS,
        Command.DAILY,
        Command.LEADERBOARD,
        Command.REPORTS,
        Command.ONBOARDING,
        Command.UNBIND,
        Command.BROADCAST,
        Command.BROADCASTS,
        Command.LANGUAGE,
    }
)


def allowed(role: Role | None, command: Command) -> bool:
    return command in COMMANDS[role]


def private_only(command_name: str | None) -> bool:
    return command_name in PRIVATE_ONLY
