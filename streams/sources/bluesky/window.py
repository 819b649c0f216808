"""The commits of the last ``rewind``: what a reconnect, which resumes ``rewind`` before the
last processed event, reads again and must not publish twice (pure)."""

from __future__ import annotations

import hashlib
from collections import deque

__all__ = ["ReplayWindow", "key_hash"]


def key_hash(key: str) -> str:
    """A short stable digest of a commit key (cursor records stay small)."""
    return hashlib.blake2b(key.encode(), digest_size=8).hexdigest()


class ReplayWindow:
    """Commit keys seen with their ``time_us``, forgotten once older than ``rewind_us``
    before the newest. ``kept`` marks the ones that produced a record (a post or a
    deletion): only those go into the cursor, so a restart does not send them again."""

    def __init__(self, rewind_us: int, kept: dict[str, int] | None = None) -> None:
        self.rewind_us = rewind_us
        self._order: deque[tuple[int, str]] = deque()
        self._seen: dict[str, bool] = {}
        self._times: dict[str, int] = {}
        for digest, time_us in sorted((kept or {}).items(), key=lambda kv: kv[1]):
            self.add(digest, time_us, kept=True)

    def __contains__(self, digest: object) -> bool:
        return digest in self._seen

    def __len__(self) -> int:
        return len(self._seen)

    def add(self, digest: str, time_us: int, *, kept: bool) -> None:
        self._order.append((time_us, digest))
        self._seen[digest] = kept
        self._times[digest] = time_us
        self.prune(time_us)

    def prune(self, newest_us: int) -> None:
        horizon = newest_us - self.rewind_us
        order = self._order
        while order and order[0][0] < horizon:
            _, digest = order.popleft()
            if self._times.get(digest, horizon) < horizon:
                del self._seen[digest], self._times[digest]

    def kept(self, limit: int | None = None) -> dict[str, int]:
        """``{digest: time_us}`` of the kept commits in the window (for the cursor), the
        newest ``limit`` of them when there are more."""
        kept = {d: self._times[d] for d, was_kept in self._seen.items() if was_kept}
        if limit is None or len(kept) <= limit:
            return kept
        return dict(sorted(kept.items(), key=lambda kv: kv[1])[-limit:])
