"""Tables. One contest per database; every other table belongs to it implicitly.

Every table is imported here, so that `Base.metadata` knows them all."""

from storage.models.base import CODE, NAME, NAMING, Base, Identified
from storage.models.contest import (
    ContestRow,
    PersonRow,
    QuestionRow,
    RoundRow,
    SlotRow,
    TeamRow,
    TrackRow,
    VenueRow,
)
from storage.models.live import (
    CheckInRow,
    DrawRow,
    ReminderRow,
    StageEventRow,
    TurnAcknowledgementRow,
)
from storage.models.messaging import (
    AccountRow,
    BroadcastRow,
    DeliveryRow,
    FollowRow,
    InviteFailureRow,
    MediaRow,
    TeamChatRow,
)
from storage.models.operations import HandledUpdateRow, InstanceRow, LeaseRow
from storage.models.practice import (
    ExamAnswerRow,
    ExamRow,
    KeyReportRow,
    PracticeAnswerRow,
    PracticePreferenceRow,
    ReviewCardRow,
)
from storage.models.scoring import (
    ArenaEventRow,
    AuditRow,
    PublicationRequestRow,
    PublicationRow,
    PublicationWithdrawalRow,
    ShowcaseScoreRow,
    TheoryScoreRow,
)

__all__ = [
    "CODE",
    "NAME",
    "NAMING",
    "AccountRow",
    "ArenaEventRow",
    "AuditRow",
    "Base",
    "BroadcastRow",
    "CheckInRow",
    "ContestRow",
    "DeliveryRow",
    "DrawRow",
    "ExamAnswerRow",
    "ExamRow",
    "FollowRow",
    "HandledUpdateRow",
    "Identified",
    "InstanceRow",
    "InviteFailureRow",
    "KeyReportRow",
    "LeaseRow",
    "MediaRow",
    "PersonRow",
    "PracticeAnswerRow",
    "PracticePreferenceRow",
    "PublicationRequestRow",
    "PublicationRow",
    "PublicationWithdrawalRow",
    "QuestionRow",
    "ReminderRow",
    "ReviewCardRow",
    "RoundRow",
    "ShowcaseScoreRow",
    "SlotRow",
    "StageEventRow",
    "TeamChatRow",
    "TeamRow",
    "TheoryScoreRow",
    "TrackRow",
    "TurnAcknowledgementRow",
    "VenueRow",
]
