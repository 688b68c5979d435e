"""The judge's board: what was saved, how far they are, the team awaited, every team."""

from decimal import Decimal

from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup

from bot.domain.contest import Round, Team
from bot.domain.judges import JudgeSheet
from bot.domain.problems import N_
from bot.services.scores import Entry, JudgeBoard
from bot.texts.texts import Texts
from handlers.keyboards import button, markup
from handlers.scoring.callbacks import ScoreTeam

SAVED = {
    Entry.SAVED: N_("✓ Saved: {team} {score}."),
    Entry.CORRECTED: N_("✓ Corrected: {team} {score}."),
    Entry.UNCHANGED: N_("{team} already has {score} from you; nothing changed."),
}
PER_ROW = 2


def board_view(
    t: Texts, round_: Round, board: JudgeBoard, maximum: Decimal, saved: str = ""
) -> tuple[str, InlineKeyboardMarkup]:
    sheet, awaited = board.sheet, board.awaited
    lines = [saved] if saved else []
    lines.append(
        t(N_("{round}: you have scored {done} of {total} teams."),
          round=t.name(round_.name, round_.name_en), done=len(sheet.scores),
          total=len(sheet.teams))
    )  # fmt: skip
    if awaited is None and sheet.teams and not sheet.unscored:
        lines.append(t(N_("Every team has your score; tap one to change it.")))
    elif awaited is None:
        lines.append(t(N_("Tap a team to score it.")))
    else:
        lines.append(_prompt(t, awaited, board.reason_needed, maximum))
    return "\n".join(lines), markup(*_team_rows(sheet, round_, awaited))


def saved_text(t: Texts, entry: Entry, sheet: JudgeSheet, team_code: str, score: Decimal) -> str:
    return t(SAVED[entry], team=_label(sheet, team_code), score=f"{score:.2f}")


def reason_prompt(t: Texts, team: Team | None, team_code: str, score: Decimal) -> str:
    """Asks why a published score is changed: the step after the corrected score."""
    name = f"{team_code} {team.name}" if team else team_code
    return t(N_("The round is published: a correction needs a reason. Why is {team} changed "
                "to {score}? Send the reason in one message (or /cancel)."),
             team=name, score=f"{score:.2f}")  # fmt: skip


def _prompt(t: Texts, team: Team, reason_needed: bool, maximum: Decimal) -> str:
    name = f"{team.code} {team.name}"
    if reason_needed:
        return t(N_("The round is published. Send the corrected score for {team}; the reason "
                    "is asked for next."), team=name)  # fmt: skip
    return t(N_("Send the score for {team} (0–{maximum}, up to two decimals), or tap another "
                "team."), team=name, maximum=maximum)  # fmt: skip


def _label(sheet: JudgeSheet, code: str) -> str:
    team = next((t for t in sheet.teams if t.code == code), None)
    return f"{code} {team.name}" if team else code


def _team_rows(
    sheet: JudgeSheet, round_: Round, chosen: Team | None
) -> list[list[InlineKeyboardButton]]:
    buttons = []
    for team in sheet.unscored_first:
        score = sheet.scores.get(team.code)
        label = f"{team.code} {team.name}"
        if score is not None:
            label = f"✓ {label} · {score:.2f}"
        if chosen is not None and team.code == chosen.code:
            label = f"▶ {label}"
        buttons.append(button(label, ScoreTeam(round=round_.id or 0, team=team.id or 0)))
    return [buttons[i : i + PER_ROW] for i in range(0, len(buttons), PER_ROW)]
