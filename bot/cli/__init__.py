"""The `contest-bot` command. Heavy libraries are imported by the commands that need them."""


def main() -> None:
    from bot.cli.app import create_app

    try:
        create_app()()
    except BrokenPipeError:
        # Output piped into `head` and the like: the reader has gone, nothing is wrong.
        raise SystemExit(0) from None
