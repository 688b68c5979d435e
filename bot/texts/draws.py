"""What the running-order draw announces: the commitment before, the seed and order after."""

from bot.domain.draw import Draw
from bot.domain.problems import N_
from bot.domain.snapshot import ContestSnapshot
from bot.texts.texts import Texts, html


def commitment_text(t: Texts, snapshot: ContestSnapshot, draw: Draw) -> str:
    return t(
        N_("🎲 The running order of {round} will be drawn. Commitment (SHA-256 of the secret "
           "seed): <code>{commitment}</code>. The seed is published after the draw so that "
           "anyone can check it."),
        round=_round(t, snapshot, draw.round_code), commitment=draw.commitment,
    )  # fmt: skip


def reveal_text(t: Texts, snapshot: ContestSnapshot, draw: Draw) -> str:
    order = draw.order or ()
    lines = [
        t(N_("🎲 Running order of {round}. Seed: <code>{seed}</code>"),
          round=_round(t, snapshot, draw.round_code), seed=draw.seed),
        *(f"{n}. {html(code)} {html(_team(snapshot, code))}" for n, code in enumerate(order, 1)),
        t(N_("To check: the SHA-256 of the seed must equal the commitment published before; "
             "each team's place follows from sorting sha256(seed:team code). "
             "<code>contest-bot draw verify</code> does it.")),
    ]  # fmt: skip
    return "\n".join(lines)


def _round(t: Texts, snapshot: ContestSnapshot, code: str) -> str:
    round_ = snapshot.rounds.get(code)
    return t.name(round_.name, round_.name_en) if round_ else code


def _team(snapshot: ContestSnapshot, code: str) -> str:
    team = snapshot.teams.get(code)
    return team.name if team else ""
