"""The stage manager's board with its buttons: who goes on stage, who is done, delays, pause,
absence. Each button carries the board's version."""

from aiogram.types import InlineKeyboardMarkup

from bot.domain.contest import Round
from bot.domain.live_board import Board
from bot.domain.problems import N_
from bot.domain.snapshot import ContestSnapshot
from bot.domain.timeline import SlotState, queue
from bot.texts.live import board_text, team_label
from bot.texts.texts import Texts
from handlers.keyboards import button, markup
from handlers.live.callbacks import LiveAction, LiveButton

DELAYS = (5, 10, -5)


def board_view(
    t: Texts, snapshot: ContestSnapshot, round_: Round, current: Board
) -> tuple[str, InlineKeyboardMarkup]:
    ahead = queue(current.etas)
    on_stage = next((e for e in ahead if e.state is SlotState.ON_STAGE), None)
    waiting = next((e for e in ahead if e.state is SlotState.WAITING), None)

    def live(action: LiveAction, position: int = 0, minutes: int = 0) -> LiveButton:
        return LiveButton(
            round=round_.id or 0, action=action, position=position, minutes=minutes,
            version=current.version,
        )  # fmt: skip

    stage_row = []
    if waiting is not None:
        name = team_label(snapshot, waiting)
        stage_row.append(
            button(t(N_("▶ {team} on stage"), team=name), live(LiveAction.START, waiting.position))
        )
    if on_stage is not None:
        name = team_label(snapshot, on_stage)
        stage_row.append(
            button(t(N_("✓ {team} done"), team=name), live(LiveAction.FINISH, on_stage.position))
        )
    delays = [button(f"{m:+d}′", live(LiveAction.DELAY, minutes=m)) for m in DELAYS]
    paused = current.progress.paused_at is not None
    control = [
        button(t(N_("▶ Resume")), live(LiveAction.RESUME)) if paused
        else button(t(N_("⏸ Pause")), live(LiveAction.PAUSE))
    ]  # fmt: skip
    if waiting is not None:
        name = team_label(snapshot, waiting)
        control.append(
            button(t(N_("✗ {team} absent"), team=name), live(LiveAction.SKIP, waiting.position))
        )
    refresh = [button(t(N_("🔄 Refresh")), live(LiveAction.SHOW))]
    text = board_text(t, snapshot, round_, current)
    return text, markup(stage_row, delays, control, refresh)
