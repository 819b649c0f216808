"""Server-sent events, read line by line (pure): the ``text/event-stream`` format.

Written here rather than taken from an SSE client library because a stalled stream is
told by its heartbeats: Mastodon sends a ``:thump`` comment line every few seconds, and
client libraries (httpx-sse) drop comments before the caller sees them. The parser
follows the WHATWG rules: ``field: value`` lines (one leading space removed), ``data``
lines joined by newlines, a blank line dispatches, ``:`` starts a comment.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Event", "EventParser"]


@dataclass(frozen=True)
class Event:
    event: str
    data: str


class EventParser:
    """Feed lines (without their line break); :meth:`line` returns an event when the
    line dispatched one, else None."""

    def __init__(self) -> None:
        self._event = ""
        self._data: list[str] = []

    def line(self, line: str) -> Event | None:
        if not line:
            if not self._data:
                self._event = ""
                return None
            event = Event(self._event or "message", "\n".join(self._data))
            self._event, self._data = "", []
            return event
        if line.startswith(":"):
            return None  # a comment (heartbeat)
        name, _, value = line.partition(":")
        value = value.removeprefix(" ")
        if name == "event":
            self._event = value
        elif name == "data":
            self._data.append(value)
        return None  # id and retry are not used; unknown fields are ignored
