"""The stage manager's board: who is on stage, who is next, the queue with its ETAs."""

from bot.domain.contest import Round
from bot.domain.live_board import Board
from bot.domain.problems import N_
from bot.domain.snapshot import ContestSnapshot
from bot.domain.timeline import Eta, SlotState, queue
from bot.texts.texts import Texts, html

SHOWN = 8


def board_text(t: Texts, snapshot: ContestSnapshot, round_: Round, board: Board) -> str:
    lines = [f"<b>{html(t.name(round_.name, round_.name_en))}</b>"]
    progress, ahead = board.progress, queue(board.etas)
    if progress.delay:
        minutes = int(progress.delay.total_seconds() // 60)
        lines.append(t(N_("Delay: {minutes} min"), minutes=f"{minutes:+d}"))
    if progress.paused_at is not None:
        lines.append(t(N_("⏸ Paused since {time}"), time=t.clock(progress.paused_at)))
    done = sum(1 for eta in board.etas if eta.state in (SlotState.DONE, SlotState.SKIPPED))
    lines.append(t(N_("{done} of {total} turns done"), done=done, total=len(board.etas)))
    for eta in ahead[:SHOWN]:
        lines.append(_line(t, snapshot, eta))
    if len(ahead) > SHOWN:
        lines.append(t(N_("… and {count} more"), count=len(ahead) - SHOWN))
    if not ahead:
        lines.append(t(N_("The round is over.")))
    return "\n".join(lines)


def _line(t: Texts, snapshot: ContestSnapshot, eta: Eta) -> str:
    name = team_label(snapshot, eta)
    if eta.state is SlotState.ON_STAGE:
        return t(
            N_("🎤 {team} on stage, until about {time}"), team=name, time=t.clock(eta.expected_end)
        )
    return t(N_("{position}. {team} at {time}"), position=eta.position, team=name,
             time=t.clock(eta.expected_start))  # fmt: skip


def team_label(snapshot: ContestSnapshot, eta: Eta) -> str:
    team = snapshot.teams.get(eta.team_code or "")
    return f"{eta.team_code} {team.name}" if team else eta.team_code or ""
