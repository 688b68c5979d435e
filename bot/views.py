"""The view port's implementation the edges hold (bot.services.ports.Views): the texts of
bot.texts, and the pictures drawn with bot.images."""

from bot.domain.contest import Round
from bot.domain.enums import Locale
from bot.domain.problems import N_
from bot.domain.scoring.standings import Standings
from bot.domain.snapshot import ContestSnapshot
from bot.images.standings import Line, standings_png
from bot.texts.results import round_name, team_label
from bot.texts.texts import Texts
from bot.texts.views import TextViews


class BotViews(TextViews):
    def standings_picture(
        self, locale: Locale, snapshot: ContestSnapshot, round_: Round, table: Standings,
        track_code: str,
    ) -> bytes:  # fmt: skip
        """The track's team standings as a PNG: every team, the unscored last without a rank."""
        t = Texts(locale, snapshot.zone)
        track = snapshot.tracks.get(track_code)
        name = t.name(track.name, track.name_en) if track else track_code
        rows = table.teams_in(track_code)
        subtitle = t(N_("Teams scored: {scored} of {count}."),
                     scored=sum(1 for r in rows if r.scored), count=len(rows))  # fmt: skip
        headers = [t(N_("Rank")), t(N_("Team")), t(N_("Showcase")), t(N_("Arena")), t(N_("Total"))]
        lines = [
            Line(row.rank, team_label(snapshot, row.team_code), row.showcase, row.arena, row.total)
            for row in rows
        ]
        title = f"{round_name(t, round_)} · {name}"
        return standings_png(title, headers, lines, subtitle, t(N_("not scored")))
