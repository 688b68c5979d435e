"""Replies of the onboarding dialogue."""

from bot.domain.contest import Person
from bot.domain.onboarding import Outcome, StartResult
from bot.domain.problems import N_, N_plural
from bot.domain.snapshot import ContestSnapshot
from bot.texts.help import ROLE_NAMES
from bot.texts.texts import Texts

INVITE_TAKEN = N_(
    "This invite has already been used by another Telegram account. "
    "If that was not you, please ask an organizer to release it."
)


def welcome_text(t: Texts, snapshot: ContestSnapshot, person: Person) -> str:
    role = t(ROLE_NAMES[person.role])
    team = snapshot.teams.get(person.team_code or "")
    if team is not None:
        intro = t(
            N_("Welcome, {name}! You are registered as {role} of {team}."),
            name=person.name,
            role=role,
            team=team.name,
        )
    else:
        intro = t(N_("Welcome, {name}! You are registered as {role}."), name=person.name, role=role)
    return intro + "\n" + t(N_("Ask me anything about the programme, or send /help."))


def start_result_text(t: Texts, snapshot: ContestSnapshot | None, result: StartResult) -> str:
    person = result.person
    if result.outcome is Outcome.BOUND and person is not None and snapshot is not None:
        return welcome_text(t, snapshot, person)
    if result.outcome is Outcome.ALREADY_YOURS and person is not None:
        return t(N_("You are already registered as {name}."), name=person.name)
    if result.outcome is Outcome.ACCOUNT_TAKEN:
        return t(
            N_("This Telegram account is already registered as {name}. "
               "To change that, please ask an organizer."),
            name=person.name if person else "?",
        )  # fmt: skip
    if result.outcome is Outcome.PERSON_TAKEN:
        return t(INVITE_TAKEN)
    if result.outcome is Outcome.WRONG_CODE:
        return t(
            N_("That code does not match any invite. Please check the code on your badge "
               "({left} attempts left)."),
            left=result.attempts_left,
        )  # fmt: skip
    if result.outcome is Outcome.BLOCKED and result.blocked_until is not None:
        return t(
            N_("Too many wrong codes. Please try again after {time}."),
            time=t.moment(result.blocked_until),
        )
    if result.outcome is Outcome.TOO_MANY_ATTEMPTS:
        return t(
            N_plural("Too many attempts right now. Please try again in {count} minute.",
                     "Too many attempts right now. Please try again in {count} minutes."),
            count=result.wait_minutes,
        )  # fmt: skip
    return t(N_("The contest has not been set up yet. Please try again later."))


def ask_for_code_text(t: Texts, contest_name: str | None) -> str:
    return t(
        N_("Welcome to {contest}! Please send the invite code printed on your badge, or scan "
           "its QR code. Without a code you can still follow the public programme: /help"),
        contest=contest_name or t(N_("the contest")),
    )  # fmt: skip
