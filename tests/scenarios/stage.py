"""What people do during a round: the stage manager's /live board, "got it", check-in, /next."""

from dataclasses import dataclass

from handlers.live.callbacks import LiveAction, LiveButton
from tests.scenarios.harness import Action, Rehearsal
from tests.scenarios.inbox import Received


@dataclass
class Board:
    """The organizer's /live board of one round, driven by its buttons."""

    rehearsal: Rehearsal
    round_code: str
    organizer: str = "ORG1"

    def open(self) -> Action:
        async def open_board() -> None:
            await self.rehearsal.send(self.organizer, f"/live {self.round_code}")

        return open_board

    def on_stage(self, position: int) -> Action:
        return self._press(LiveAction.START, position)

    def done(self, position: int) -> Action:
        return self._press(LiveAction.FINISH, position)

    def absent(self, position: int) -> Action:
        return self._press(LiveAction.SKIP, position)

    def delay(self, minutes: int) -> Action:
        return self._press(LiveAction.DELAY, minutes=minutes)

    def _press(self, action: LiveAction, position: int = 0, minutes: int = 0) -> Action:
        async def press() -> None:
            data = self._button(action, position, minutes)
            await self.rehearsal.press(self.organizer, data)

        return press

    def _button(self, action: LiveAction, position: int, minutes: int) -> str:
        """The button on the board as last drawn (it carries the board's version)."""
        for received in reversed(self.rehearsal.inbox(self.organizer)):
            for _, data in received.buttons:
                if not data.startswith("lv:"):
                    continue
                button = LiveButton.unpack(data)
                if (
                    button.action is action
                    and (button.position or 0) == position
                    and (button.minutes or 0) == minutes
                ):
                    return data
            if any(data.startswith("lv:") for _, data in received.buttons):
                break
        raise AssertionError(f"no {action} {position or minutes or ''} button on the board")


def got_it(rehearsal: Rehearsal, code: str, kind: str) -> Action:
    """`code` taps the button under the latest reminder of that kind they received."""

    async def tap() -> None:
        reminder = latest(rehearsal.inbox(code), kind)
        (data,) = [data for _, data in reminder.buttons]
        await rehearsal.press(code, data)

    return tap


def arrives(rehearsal: Rehearsal, code: str) -> Action:
    """`code` taps "I have arrived" under the latest early reminder they received."""

    async def tap() -> None:
        reminder = next(r for r in reversed(rehearsal.inbox(code)) if r.kind.startswith("lead"))
        (data,) = [data for _, data in reminder.buttons]
        await rehearsal.press(code, data)

    return tap


def says(rehearsal: Rehearsal, code: str, text: str) -> Action:
    async def send() -> None:
        await rehearsal.send(code, text)

    return send


def latest(inbox: list[Received], kind: str) -> Received:
    return next(r for r in reversed(inbox) if r.kind == kind)
