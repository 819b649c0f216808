"""The API's one Kafka producer (for ``POST /posts``): built at start-up, closed at shutdown.

Building a producer waits for a broker to answer, so the API does not wait for it to
start: the build runs in a thread from the app's start-up, and a push awaits it. When Kafka
was down then, the next push builds it again (one at a time), and answers 503
(``BrokerUnavailableError``, SCOUT-E302) while Kafka stays down: an API started before
Kafka needs no restart. A producer given to :func:`streams.api.create_api` is used as is
and left open (its owner closes it).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import Any

from streams.errors import BrokerUnavailableError

log = logging.getLogger(__name__)

_CLOSE_TIMEOUT_S = 10
_BUILD_WAIT_S = 1.0  # at shutdown, for a build under way


class PostsProducer:
    """Holds the producer, or the build under way, for the routes that publish."""

    def __init__(self, build: Callable[[], Any] | None, *, given: Any = None) -> None:
        if (build is None) == (given is None):
            raise ValueError("either a build function or a producer")
        self._build = build
        self._given = given
        self._task: asyncio.Future[Any] | None = None
        self._lock: asyncio.Lock | None = None

    def start(self) -> None:
        """Start building it (from the app's start-up, on its event loop)."""
        if self._build is not None and self._task is None:
            self._task = asyncio.ensure_future(asyncio.to_thread(self._build))

    async def get(self) -> Any:
        """The producer; builds it again when the last build failed."""
        if self._given is not None:
            return self._given
        if self._lock is None:
            self._lock = asyncio.Lock()
        async with self._lock:
            if self._task is None or _failed(self._task):
                self.start_again()
            assert self._task is not None  # noqa: S101 - set just above
            try:
                return await asyncio.shield(self._task)
            except BrokerUnavailableError as exc:
                raise BrokerUnavailableError(
                    f"posts cannot be published now: {exc.message}; nothing was published,"
                    " send the request again later",
                ) from exc

    def start_again(self) -> None:
        self._task = None
        self.start()

    async def close(self) -> None:
        """Close the producer built here (sends under way get their acknowledgements). A
        build still waiting for Kafka is not waited for: it closes what it builds."""
        task, self._task = self._task, None
        if task is None:
            return
        await asyncio.wait([task], timeout=_BUILD_WAIT_S)
        if not task.done():
            task.add_done_callback(_close_when_built)
            return
        if task.exception() is None:
            await asyncio.to_thread(task.result().close, timeout=_CLOSE_TIMEOUT_S)


def _close_when_built(task: asyncio.Future[Any]) -> None:
    if not task.cancelled() and task.exception() is None:
        task.result().close(timeout=_CLOSE_TIMEOUT_S)


def _failed(task: asyncio.Future[Any]) -> bool:
    if not task.done():
        return False
    failure = task.exception()
    if failure is not None:
        log.info("Kafka producer for POST /posts not built: %s", failure)
    return failure is not None
