"""The view port's implementation the edges hold (bot.services.ports.Views): the texts of
bot.texts, and the pictures drawn with bot.images."""

from bot.domain.contest import Round
from bot.domain.enums import Locale
from bot.domain.scoring.standings import Standings
from bot.domain.snapshot import ContestSnapshot
from bot.texts.results import standings_picture
from bot.texts.texts import Texts
from bot.texts.views import TextViews


class BotViews(TextViews):
    def standings_picture(
        self, locale: Locale, snapshot: ContestSnapshot, round_: Round, table: Standings,
        track_code: str,
    ) -> bytes:  # fmt: skip
        t = Texts(locale, snapshot.zone)
        return standings_picture(t, snapshot, round_, table, track_code)
