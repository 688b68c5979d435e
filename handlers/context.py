"""What every handler gets: the app's long-lived parts, and per update the viewer and texts."""

from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from bot.config import Settings
from bot.domain.scoring.rules import ScoringRules
from bot.services.accounts import AccountCache
from bot.services.contest_cache import ContestCache
from bot.services.ports import Clock, ReviewScheduler, Segmenter, UnitOfWorkFactory, Views
from bot.services.questions import QuestionReader
from handlers.choices import HandledChoices
from schedules.practice import PracticeJobs
from schedules.reminders import ReminderJobs


@dataclass(frozen=True, slots=True)
class BotContext:
    """Built once by the composition root and handed to the dispatcher as workflow data."""

    settings: Settings
    unit_of_work: UnitOfWorkFactory  # one per update, opened by the context middleware
    clock: Clock
    contests: ContestCache
    accounts: AccountCache
    reminders: ReminderJobs
    practice: PracticeJobs
    rules: ScoringRules  # read once from the settings' file, if any
    segmenter: Segmenter  # words of Chinese answers, for grading key points
    reviews: ReviewScheduler  # spaced repetition of practice questions
    views: Views  # what the use cases queue, rendered
    choices: HandledChoices = field(default_factory=HandledChoices)
    questions: QuestionReader = field(default_factory=QuestionReader)

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.settings.timezone)
