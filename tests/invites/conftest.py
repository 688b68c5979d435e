"""The CLI fixture with `invites` registered, the demo's cards, and reading a QR code back."""

import pytest
import typer
from PIL import Image

from bot.domain.contest import ContestData
from bot.invites.cards import InviteCard, invite_cards
from tests.cli.conftest import cli  # noqa: F401 - the fixture, reused

BOT = "contest_demo_bot"
Matrix = tuple[tuple[bool, ...], ...]


@pytest.fixture(autouse=True)
def invites_registered(monkeypatch: pytest.MonkeyPatch) -> None:
    """Adds the command to the app for as long as bot/cli/app.py does not register it."""
    import bot.cli.app
    from bot.cli import invites_command
    from bot.cli.console import Console
    from bot.config import Settings

    create_app = bot.cli.app.create_app

    def with_invites() -> typer.Typer:
        app = create_app()
        if not any(command.name == "invites" for command in app.registered_commands):
            invites_command.register(app, Console(Settings()))
        return app

    monkeypatch.setattr(bot.cli.app, "create_app", with_invites)
    monkeypatch.delenv("BOT_USERNAME", raising=False)


@pytest.fixture(scope="session")
def demo_cards(demo_data: ContestData) -> list[InviteCard]:
    return invite_cards(demo_data, BOT)


def read_qr_matrix(image: Image.Image) -> Matrix:
    """The modules of the one QR code in the image, sampled at their centres. The module size
    comes from the top-left finder pattern, whose top edge is 7 dark modules wide."""
    grey = image.convert("L")
    box = grey.point(lambda value: 255 if value < 128 else 0).getbbox()
    assert box is not None, "no QR code in the image"
    left, top, right, _ = box

    def dark(x: float, y: float) -> bool:
        value = grey.getpixel((int(x), int(y)))
        assert isinstance(value, int)
        return value < 128

    run = 0
    while dark(left + run, top):
        run += 1
    module = run / 7
    size = round((right - left) / module)
    return tuple(
        tuple(dark(left + (c + 0.5) * module, top + (r + 0.5) * module) for c in range(size))
        for r in range(size)
    )
