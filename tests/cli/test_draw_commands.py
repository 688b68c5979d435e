"""`contest-bot draw`: commit, reveal and verify a round's draw; anyone checks published values."""

import asyncio
import re
from collections.abc import Callable

import pytest
from sqlalchemy import text

from storage.database import Database
from tests.cli.conftest import Invoke

Cli = Callable[[str], Invoke]
ROUND = "SC-12345"
OK = "OK: the seed matches the commitment and the order follows from the seed."
PUBLISHED = re.compile(r"Seed (\w+), commitment (\w+), teams ([\w,-]+), order ([\w,-]+)")


@pytest.fixture
def drawn(cli: Cli, database_url: str) -> Invoke:
    """The demo contest with the showcase of the 12345 track committed and revealed."""
    run = cli(database_url)
    assert run("demo", "load").exit_code == 0
    for stage in ("commit", "reveal"):
        done = run("draw", stage, ROUND)
        assert done.exit_code == 0, done.output
    return run


def published(run: Invoke) -> dict[str, str]:
    """The seed, commitment, teams and order that `draw verify` shows."""
    found = PUBLISHED.search(run("draw", "verify", ROUND).output)
    assert found is not None
    return dict(zip(("seed", "commitment", "teams", "order"), found.groups(), strict=True))


def set_seed(url: str, seed: str) -> None:
    async def edit() -> None:
        database = await Database.open(url)
        try:
            async with database.engine.begin() as connection:
                await connection.execute(text("UPDATE draws SET seed = :seed"), {"seed": seed})
        finally:
            await database.close()

    asyncio.run(edit())


def check(run: Invoke, values: dict[str, str]) -> tuple[int, str]:
    options = [item for name, value in values.items() for item in (f"--{name}", value)]
    done = run("draw", "check", *options)
    return done.exit_code, done.output


def test_commit_prints_the_commitment(cli: Cli, database_url: str) -> None:
    run = cli(database_url)
    run("demo", "load")
    done = run("draw", "commit", ROUND)
    assert done.exit_code == 0
    assert re.search(rf"Commitment for {ROUND}: [0-9a-f]{{64}}\b", done.output)


def test_reveal_prints_the_order_of_the_rounds_twenty_teams(cli: Cli, database_url: str) -> None:
    run = cli(database_url)
    run("demo", "load")
    run("draw", "commit", ROUND)
    done = run("draw", "reveal", ROUND)
    assert done.exit_code == 0
    order = re.search(rf"Order of {ROUND}: (.+)", done.output)
    assert order is not None
    assert sorted(order.group(1).split(", ")) == [f"H{n:02d}" for n in range(1, 21)]


def test_verify_after_commit_and_reveal_says_ok(drawn: Invoke) -> None:
    done = drawn("draw", "verify", ROUND)
    assert done.exit_code == 0, done.output
    assert OK in done.output


def test_verify_after_the_seed_was_changed_in_the_database_fails_with_the_mismatch(
    drawn: Invoke, database_url: str
) -> None:
    set_seed(database_url, "0" * 64)
    done = drawn("draw", "verify", ROUND)
    assert done.exit_code == 1
    assert "MISMATCH: the seed does not hash to the commitment." in done.output


def test_reveal_without_a_commitment_is_one_clear_line(cli: Cli, database_url: str) -> None:
    run = cli(database_url)
    run("demo", "load")
    done = run("draw", "reveal", ROUND)
    assert done.exit_code == 1
    assert f"No draw of {ROUND} has been committed yet." in done.output
    assert "Traceback" not in done.output


def test_an_unknown_round_is_named(cli: Cli, database_url: str) -> None:
    run = cli(database_url)
    run("demo", "load")
    done = run("draw", "commit", "SC-99999")
    assert done.exit_code == 1
    assert "There is no round SC-99999." in done.output


def test_verify_accepts_the_round_code_in_any_case_like_commit_and_reveal(drawn: Invoke) -> None:
    done = drawn("draw", "verify", ROUND.lower())
    assert done.exit_code == 0, done.output
    assert OK in done.output


def test_check_with_the_published_values_says_ok(drawn: Invoke) -> None:
    code, output = check(drawn, published(drawn))
    assert code == 0, output
    assert OK in output


def test_check_with_a_changed_seed_fails(drawn: Invoke) -> None:
    values = published(drawn)
    values["seed"] = values["seed"][::-1]
    code, output = check(drawn, values)
    assert code == 1
    assert "MISMATCH: the seed does not hash to the commitment." in output


def test_check_with_two_teams_swapped_names_the_first_wrong_position(drawn: Invoke) -> None:
    values = published(drawn)
    order = values["order"].split(",")
    order[0], order[1] = order[1], order[0]
    code, output = check(drawn, {**values, "order": ",".join(order)})
    assert code == 1
    assert "MISMATCH: the order differs from the seed's at position 1" in output


def test_check_needs_no_database(cli: Cli, drawn: Invoke) -> None:
    values = published(drawn)
    code, output = check(cli("postgresql+asyncpg://user:secret@127.0.0.1:1/contest"), values)
    assert code == 0, output
