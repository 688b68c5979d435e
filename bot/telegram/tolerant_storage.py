"""Dialogue storage that survives Redis going down: reading finds no dialogue, so updates that
need none are still answered; starting or continuing one raises DialogueStoreDownError, which the
busy handler answers with "try again in a minute"."""

import logging
from collections.abc import Mapping
from typing import Any

from aiogram.fsm.state import State
from aiogram.fsm.storage.base import BaseStorage, StateType, StorageKey

log = logging.getLogger(__name__)


class DialogueStoreDownError(Exception):
    """The dialogue store cannot be written now."""


class TolerantStorage(BaseStorage):
    def __init__(self, inner: BaseStorage) -> None:
        from redis.exceptions import RedisError  # redis loads only when dialogues live there

        self.inner = inner
        self._unreachable = (RedisError, OSError)

    async def get_state(self, key: StorageKey) -> str | None:
        try:
            return await self.inner.get_state(key)
        except self._unreachable as error:
            log.warning("dialogue store unreachable, reading no dialogue: %s", error)
            return None

    async def get_data(self, key: StorageKey) -> dict[str, Any]:
        try:
            return await self.inner.get_data(key)
        except self._unreachable as error:
            log.warning("dialogue store unreachable, reading no dialogue: %s", error)
            return {}

    async def set_state(self, key: StorageKey, state: StateType = None) -> None:
        try:
            await self.inner.set_state(key, state.state if isinstance(state, State) else state)
        except self._unreachable as error:
            self._refuse_unless_ending(bool(state), error)

    async def set_data(self, key: StorageKey, data: Mapping[str, Any]) -> None:
        try:
            await self.inner.set_data(key, data)
        except self._unreachable as error:
            self._refuse_unless_ending(bool(data), error)

    @staticmethod
    def _refuse_unless_ending(starts_or_goes_on: bool, error: Exception) -> None:
        """Ending a dialogue (clearing it) needs nothing stored: while the store is down every
        read finds no dialogue already, so the update goes on (e.g. joining, which clears).
        Starting one or taking its next step would lose the step, so it is refused."""
        if starts_or_goes_on:
            raise DialogueStoreDownError(str(error)) from error
        log.warning("dialogue store unreachable, dialogue not cleared: %s", error)

    async def close(self) -> None:
        await self.inner.close()
