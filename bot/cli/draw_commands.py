"""`contest-bot draw commit|reveal|verify ROUND`, and `draw check` for anyone holding the
published commitment, seed, teams and order (no database needed)."""

from typing import Annotated

import typer

from bot.cli.console import Console, UserError
from bot.domain.draw import DrawOutcome
from bot.domain.problems import N_

RoundArgument = Annotated[str, typer.Argument(metavar="ROUND")]


def register(app: typer.Typer, console: Console) -> None:
    draw = typer.Typer(
        help=console.text(N_("The verifiable running-order draw of a round.")),
        no_args_is_help=True,
    )
    app.add_typer(draw, name="draw")

    @draw.command("commit", help=console.text(N_("Choose a secret seed; publish its hash.")))
    def commit(round_code: RoundArgument) -> None:
        console.run(_commit(console, round_code))

    @draw.command("reveal", help=console.text(N_("Draw the order; publish seed and order.")))
    def reveal(round_code: RoundArgument) -> None:
        console.run(_reveal(console, round_code))

    @draw.command("verify", help=console.text(N_("Recompute a published draw from the database.")))
    def verify_command(round_code: RoundArgument) -> None:
        console.run(_verify(console, round_code))

    @draw.command("check", help=console.text(N_("Recompute a draw from its published values.")))
    def check(
        seed: Annotated[str, typer.Option(help=console.text(N_("The revealed seed.")))],
        commitment: Annotated[
            str, typer.Option(help=console.text(N_("The commitment published before.")))
        ],
        teams: Annotated[str, typer.Option(help=console.text(N_("Team codes, comma-separated.")))],
        order: Annotated[
            str, typer.Option(help=console.text(N_("The published order, comma-separated.")))
        ],
    ) -> None:
        from bot.domain.draw import verify

        result = verify(seed, commitment, _codes(teams), _codes(order))
        _report(console, result.outcome, result.position, result.expected)


async def _commit(console: Console, round_code: str) -> None:
    draw = await _in_contest(console, round_code, reveal=False)
    console.say(N_("Commitment for {round}: {commitment}"), round=round_code, commitment=draw)


async def _reveal(console: Console, round_code: str) -> None:
    order = await _in_contest(console, round_code, reveal=True)
    console.say(N_("Order of {round}: {order}"), round=round_code, order=order)


async def _in_contest(console: Console, round_code: str, reveal: bool) -> str:
    from bot.cli.runtime import database
    from bot.domain.snapshot import ContestSnapshot
    from bot.services.clock import SystemClock
    from bot.services.draws import DrawError, commit_draw, reveal_draw
    from bot.views import BotViews

    now, views = SystemClock().now(), BotViews()
    async with database(console) as db, db.unit_of_work() as uow:
        data = await uow.contest.load()
        if data is None:
            raise UserError(N_("No contest is loaded yet. Try: contest-bot demo load"))
        snapshot = ContestSnapshot.build(data, revision=0)
        code = next((r.code for r in data.rounds if r.code.upper() == round_code.upper()), None)
        if code is None:
            raise UserError(N_("There is no round {round}."), round=round_code)
        try:
            if reveal:
                drawn = await reveal_draw(uow, snapshot, code, now, views)
            else:
                drawn = await commit_draw(uow, snapshot, code, None, now, views)
        except DrawError as error:
            raise UserError(error.message, **error.params) from error
        await uow.commit()
    return ", ".join(drawn.order or ()) if reveal else drawn.commitment


async def _verify(console: Console, round_code: str) -> None:
    from bot.cli.runtime import database
    from bot.services.draws import DrawError, verify_draw

    async with database(console) as db, db.unit_of_work() as uow:
        data = await uow.contest.load()
        rounds = data.rounds if data else ()
        code = next((r.code for r in rounds if r.code.upper() == round_code.upper()), round_code)
        try:
            draw, result = await verify_draw(uow, code)
        except DrawError as error:
            raise UserError(error.message, **error.params) from error
    console.say(
        N_("Seed {seed}, commitment {commitment}, teams {teams}, order {order}"),
        seed=draw.seed, commitment=draw.commitment, teams=",".join(draw.teams),
        order=",".join(draw.order or ()),
    )  # fmt: skip
    _report(console, result.outcome, result.position, result.expected)


def _report(
    console: Console, outcome: DrawOutcome, position: int | None, expected: tuple[str, ...]
) -> None:
    if outcome is DrawOutcome.OK:
        console.say(N_("OK: the seed matches the commitment and the order follows from the seed."))
    elif outcome is DrawOutcome.SEED_MISMATCH:
        console.fail(N_("MISMATCH: the seed does not hash to the commitment."))
    else:
        console.fail(
            N_("MISMATCH: the order differs from the seed's at position {position}; the seed "
               "gives {expected}."),
            position=position, expected=",".join(expected),
        )  # fmt: skip


def _codes(text: str) -> list[str]:
    return [code.strip() for code in text.split(",") if code.strip()]
