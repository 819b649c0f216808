"""Deals the scout has read, so that a later post naming one only as "the Initech deal" is read
as that deal.

A post rarely repeats a deal's full wording: once "Globex to buy Initech" has been reported,
the posts that follow speak of "the Initech deal", "$GLBX-$INTK deal closes", "traders
positive on Initech deal". The word "deal" alone is too common to be a cue (``deals``), but
after a deal has been read, the target named right before it is that deal.

``DealRegistry`` remembers the deals read with both parties in ``news`` posts of two or more
distinct stories (one misread post teaches nothing), for ``HORIZON`` after they were last seen,
and recalls one when a post names its target right before a deal noun ("Initech deal",
"Initech's takeover", "Globex-Initech deal") in a clause that is not another kind of deal.

It lives in the worker's memory, bounded (``MAX_DEALS``, least recently seen dropped): a
restarted worker starts empty and learns again from the stream. Posts are read in the order
they come; a post with no time is read as now.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Final

from models.signals import MASignal, Party
from streams.signals.ma.cues import detect_status, find_amount, passing_spans
from streams.signals.ma.deals import is_other_kind
from streams.signals.ma.names import bare_name

HORIZON: Final = timedelta(days=400)
MAX_DEALS: Final = 5_000
# Stories that must report a deal before it is recalled.
MIN_STORIES: Final = 2
RECALLED_SCORE: Final = 0.6
_NOUN: Final = r"(?:deal|merger|acquisition|takeover|buyout|purchase|tie-?up)\b"
_ANY_NOUN: Final = re.compile(_NOUN, re.IGNORECASE)


def _key(name: str) -> str:
    """A party's name as the registry knows it: marks and corporate suffix off."""
    return bare_name(name.strip(), marks="$#@.").strip()


def _identity(party: Party) -> str:
    """One key per company: its linked id ("MDT" and "Medtronic" are one buyer), else its name."""
    return party.id or _key(party.name).lower()


def _ticker(party: Party) -> str | None:
    if party.id and party.id.startswith("company:"):
        return party.id.split(":", 1)[1]
    return None


def _names(party: Party) -> tuple[str, ...]:
    names = [_key(party.name)]
    if (ticker := _ticker(party)) is not None:
        names.append(ticker)
    return tuple(n for n in names if len(n) >= 3 and (n[0].isupper() or n[0].isdigit()))


_WORD: Final = re.compile(r"[A-Za-z0-9&]+")


def _first_words(names: tuple[str, ...]) -> set[str]:
    return {words[0] for name in names if (words := _WORD.findall(name))}


@dataclass
class _Deal:
    acquirer: Party
    target: Party
    seen: datetime
    stories: set[str] = field(default_factory=set)

    @property
    def names(self) -> tuple[str, ...]:
        return _names(self.target)


class DealRegistry:
    """Deals read so far (see the module's docstring). Thread-safe."""

    def __init__(self, horizon: timedelta = HORIZON, max_deals: int = MAX_DEALS) -> None:
        self._horizon = horizon
        self._max = max_deals
        self._deals: OrderedDict[tuple[str, str], _Deal] = OrderedDict()
        # first word of a target's name -> its deals: a post is checked against the deals
        # whose target it may name, not all of them
        self._by_word: dict[str, set[tuple[str, str]]] = {}
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._deals)

    def learn(self, ma: MASignal, story: str, when: datetime | None = None) -> None:
        """Remember the deal ``ma`` reads (both parties named), reported by ``story``."""
        if not ma.is_ma or ma.acquirer is None or ma.target is None:
            return
        key = (_identity(ma.acquirer), _identity(ma.target))
        if not all(key) or key[0] == key[1]:
            return
        seen = _aware(when)
        if ma.status == "called_off":  # "Globex walks away from Initech": forget the deal
            with self._lock:
                for known in [k for k in self._deals if k[1] == key[1]]:
                    self._forget(known)
            return
        with self._lock:
            deal = self._deals.pop(key, None) or _Deal(ma.acquirer, ma.target, seen)
            deal.seen = max(deal.seen, seen)
            deal.stories.add(story)
            self._deals[key] = deal
            for word in _first_words(deal.names):
                self._by_word.setdefault(word, set()).add(key)
            while len(self._deals) > self._max:
                self._forget(next(iter(self._deals)))

    def _forget(self, key: tuple[str, str]) -> None:
        deal = self._deals.pop(key)
        for word in _first_words(deal.names):
            keys = self._by_word.get(word, set())
            keys.discard(key)
            if not keys:
                self._by_word.pop(word, None)

    def recall(self, text: str, when: datetime | None = None) -> MASignal | None:
        """The known deal ``text`` names by its target (or both parties) before a deal noun."""
        if not _ANY_NOUN.search(text):
            return None
        now = _aware(when)
        with self._lock:
            keys = {k for word in set(_WORD.findall(text)) for k in self._by_word.get(word, ())}
            deals = [
                d
                for d in (self._deals[k] for k in keys)
                if len(d.stories) >= MIN_STORIES and timedelta(0) <= now - d.seen <= self._horizon
            ]
        # the deal told by the most stories first ("the WhatsApp deal": Facebook's, not a
        # misread rival bid)
        for deal in sorted(deals, key=lambda d: len(d.stories), reverse=True):
            if _names_the_deal(text, deal):
                return MASignal(
                    is_ma=True,
                    score=RECALLED_SCORE,
                    acquirer=deal.acquirer,
                    target=deal.target,
                    amount=find_amount(text),
                    status=detect_status(text),
                )
        return None


def _aware(when: datetime | None) -> datetime:
    if when is None:
        return datetime.now(UTC)
    return when if when.tzinfo is not None else when.replace(tzinfo=UTC)


def _names_the_deal(text: str, deal: _Deal) -> bool:
    names = [n for n in deal.names if n in text]
    if not names:
        return False
    targets = "|".join(re.escape(n) for n in names)
    buyers = "|".join(re.escape(n) for n in _names(deal.acquirer)) or "(?!)"
    # "Initech deal", "Initech's takeover", "#Initech $INTK deal", "Globex-Initech deal",
    # "$GLBX/$INTK deal" (names in their own case: "Nest deal", not "nest")
    pattern = re.compile(
        rf"(?<![\w$#@])(?:[$#@]?(?:{buyers})\s*[-/–]\s*)?[$#@]?(?:{targets})(?:['’]s)?"
        rf"(?:\s+\$[A-Z]{{1,5}})?\s+(?i:{_NOUN})"
    )
    passing = passing_spans(text)
    for match in pattern.finditer(text):
        noun = match.end() - len(match.group(0).split()[-1])
        if is_other_kind(text, noun, match.end()) or _other_party_glued(text, match.start()):
            continue
        if not any(a <= noun < b for a, b in passing):  # not "job cuts after Initech purchase"
            return True
    return False


# "Hooli-Initech deal": another company glued before the target, not the known buyer.
_GLUED_BEFORE: Final = re.compile(r"[\w&.'’]\s*[-/–]\s*$")


def _other_party_glued(text: str, start: int) -> bool:
    return _GLUED_BEFORE.search(text, max(0, start - 3), start) is not None
