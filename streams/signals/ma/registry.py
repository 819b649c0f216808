"""Deals the scout has read, so that a later post naming one only as "the Initech deal" is read
as that deal.

A post rarely repeats a deal's full wording: once "Globex to buy Initech" has been reported,
the posts that follow speak of "the Initech deal", "$GLBX-$INTK deal closes", "traders
positive on Initech deal". The word "deal" alone is too common to be a cue (``deals``), but
after a deal has been read, the target named right before it is that deal.

``DealRegistry`` remembers the deals read with both parties in ``news`` posts of two or more
distinct stories (one misread post teaches nothing), for ``HORIZON`` after they were last seen,
and uses them three ways (``streams.enrich.enricher``):

- ``recall``: a news post that names a known deal's target right before a deal noun
  ("Initech deal", "Initech's takeover", "Globex-Initech deal"), in a clause that is not
  another kind of deal, is that deal;
- ``recall_pair``: any post, chatter included, that names both parties of a known deal in one
  sentence with a deal word ("Can Globex and Initech still close their merger?", "is this about the
  $GLBX $INTK deal?") remarks on that deal, which the labelling guidelines count as M&A (not a
  ticker list, a deal imagined, another kind of deal or the deal as background);
- ``orient``: a deal read with the known deal's two companies takes its direction ("the
  Initech-Globex merger" is Globex buying Initech), and one read with one of them and the
  other named in the post takes both ("Regulators frown on the bid by Globex; Initech stays
  silent").

It lives in the worker's memory, bounded (``MAX_DEALS``, least recently seen dropped); a
worker starting up learns the deals already indexed first (``streams.index.deals``), so a
restart does not forget them. Workers sharing the stream each learn from the posts they
read (their partitions) and, at start-up, from all the indexed ones. Posts are read in the order
they come; a post with no time is read as now.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Final

from models.signals import MASignal, Party
from streams.signals.ma.cues import detect_status, find_amount, passing_spans
from streams.signals.ma.deals import is_other_kind
from streams.signals.ma.names import bare_name
from streams.signals.spans import SENTENCE, ticker_lists

Span = tuple[int, int]
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
    # a short name only as two capitals ("GE", "HP": "GE-Alstom Deal"), never a word ("Go")
    return tuple(
        n
        for n in names
        if (len(n) >= 3 and (n[0].isupper() or n[0].isdigit()))
        or (len(n) == 2 and n.isalpha() and n.isupper())
    )


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
        # a party's identity (linked id or name) -> the deals it is a party to
        self._by_party: dict[str, set[tuple[str, str]]] = {}
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._deals)

    @property
    def horizon(self) -> timedelta:
        """How long after it was last seen a deal is remembered."""
        return self._horizon

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
            for identity in key:
                self._by_party.setdefault(identity, set()).add(key)
            while len(self._deals) > self._max:
                self._forget(next(iter(self._deals)))

    def _forget(self, key: tuple[str, str]) -> None:
        deal = self._deals.pop(key)
        for word in _first_words(deal.names):
            keys = self._by_word.get(word, set())
            keys.discard(key)
            if not keys:
                self._by_word.pop(word, None)
        for identity in key:
            keys = self._by_party.get(identity, set())
            keys.discard(key)
            if not keys:
                self._by_party.pop(identity, None)

    def _known(self, keys: set[tuple[str, str]], now: datetime) -> list[_Deal]:
        """The deals of ``keys`` reported by enough stories and not faded, the deal told by
        the most stories first ("the WhatsApp deal": Facebook's, not a misread rival bid)."""
        with self._lock:
            deals = [
                d
                for d in (self._deals[k] for k in keys if k in self._deals)
                if len(d.stories) >= MIN_STORIES and timedelta(0) <= now - d.seen <= self._horizon
            ]
        # ties by the most recently seen, then by the companies (a set's order varies by run)
        return sorted(
            deals,
            key=lambda d: (
                -len(d.stories),
                -d.seen.timestamp(),
                _identity(d.acquirer),
                _identity(d.target),
            ),
        )

    def recall(self, text: str, when: datetime | None = None) -> MASignal | None:
        """The known deal ``text`` names by its target (or both parties) before a deal noun."""
        if not _ANY_NOUN.search(text):
            return None
        with self._lock:
            keys = {k for word in set(_WORD.findall(text)) for k in self._by_word.get(word, ())}
        now = _aware(when)
        named = [d for d in self._known(keys, now) if _names_the_deal(text, d)]
        # a buyer the post names first ("Charter ... its $TWC deal": Charter's, not Comcast's)
        named.sort(key=lambda d: not _names_party(text, d.acquirer))
        if not named:
            return None
        deal = named[0]
        # the same two companies told the other way round by more stories: a misread deal
        # ("Comcast deal" is Comcast buying, not a few posts' Comcast bought by its target)
        target = _identity(deal.target)
        reverse = (target, _identity(deal.acquirer))
        told = self._known({reverse}, now)
        if told and len(told[0].stories) > len(deal.stories):
            return _recalled(told[0], text)
        # a company more often told buying than bought, its buyer unnamed: "Google deal" may
        # be any of Google's deals, not the one where Google sold a unit
        with self._lock:
            own = {k for k in self._by_party.get(target, ()) if k[0] == target}
        if not _names_party(text, deal.acquirer) and any(
            len(d.stories) >= len(deal.stories) for d in self._known(own, now)
        ):
            return None
        return _recalled(deal, text)

    def recall_pair(
        self, text: str, linked: Mapping[str, Sequence[Span]], when: datetime | None = None
    ) -> MASignal | None:
        """The known deal whose two parties ``text`` names in one sentence with a deal word
        ("Can Globex and Initech still close their merger?", "is this about the $GLBX $INTK
        deal?"): a remark on that deal, whatever else the post is. ``linked`` maps the ids of the
        post's linked entities to their spans (a party named by its ticker)."""
        if not _PAIR_WORD.search(text):
            return None
        with self._lock:
            keys = {k for word in set(_WORD.findall(text)) for k in self._by_word.get(word, ())}
            keys |= {k for i in linked for k in self._by_party.get(i, ())}
        for deal in self._known(keys, _aware(when)):
            if _pair_in_a_sentence(text, deal, linked):
                return _recalled(deal, text)
        return None

    def orient(
        self,
        ma: MASignal,
        text: str,
        linked: Mapping[str, Sequence[Span]],
        when: datetime | None = None,
    ) -> MASignal:
        """``ma`` with the parties of the known deal it reads: the same two companies in
        either order ("the Initech-Globex merger" is Globex buying Initech: the names as the
        post wrote them, swapped), or one of them with the other named in ``text``, its tags
        included, not in a ticker list ("Regulators frown on the bid by Globex; Initech stays
        silent" read with no target; "http://t.co/x agrees to purchase Initech ... #Globex")."""
        if not ma.is_ma or (ma.acquirer is None and ma.target is None):
            return ma
        read = [_identity(p) if p is not None else None for p in (ma.acquirer, ma.target)]
        with self._lock:
            keys = {k for i in read if i for k in self._by_party.get(i, ())}
        for deal in self._known(keys, _aware(when)):
            known = (_identity(deal.acquirer), _identity(deal.target))
            if read[0] is not None and read[1] is not None:
                if tuple(read) == known[::-1]:  # the names as the post wrote them, swapped
                    return ma.model_copy(update={"acquirer": ma.target, "target": ma.acquirer})
                if tuple(read) == known:
                    return ma
                continue
            named = ma.acquirer if ma.acquirer is not None else ma.target
            if named is None or _identity(named) not in known:
                continue
            buyer = _identity(named) == known[0]
            other = deal.target if buyer else deal.acquirer
            if _spans(other, text, linked, told=(0, len(text))):
                parties = (named, deal.target) if buyer else (deal.acquirer, named)
                return ma.model_copy(update={"acquirer": parties[0], "target": parties[1]})
        return ma


# How far after a verb of buying the company bought is named ("bought Nest", "could've
# bought instead of WhatsApp"; not "$ANGI gets bought, $YHOO hits 35 ... and $TSLA").
_NEAR: Final = 30
_PAIR_WORD: Final = re.compile(
    r"\b(?:deals?|mergers?|merge[sd]?|merging|acquisitions?|takeovers?|buyouts?|purchases?"
    r"|tie-?ups?|bids?|combination"
    # a verb of one buying the other: "So Globex bought Initech for $3bn?"
    r"|(?P<verb>buys?|bought|buying|acquir(?:e|es|ed|ing)|purchased))\b",
    re.IGNORECASE,
)
# A deal someone imagines: "ripe for a pharma deal", "deal potential"; or one's own trades:
# "my $GLBX/$INTK/etc deals".
_IMAGINED: Final = re.compile(
    r"\bripe\s+for\s+(?:an?\s+)?(?:[\w-]+\s+){0,2}$|\bpotential\s+(?:[\w-]+\s+)?$"
    r"|\b(?:my|our|your)\s+(?:\S+\s+){0,2}$|\benough\s+(?:cash|money)\s+to\s+$",
    re.I,
)
# A post's header of tickers: "$GLBX $INTK News: ...", "$GLBX - ...", "$GLBX: ...".
_HEADER: Final = re.compile(
    r"\s*(?:\$[A-Za-z][A-Za-z.]{0,6}[\s,]*)+(?:News\s*)?(?:[:\-–—]|\[\$\$\])\s*"
)
# Its tail: tickers, tags, handles, links and marks up to the end, read word by word.
_MARKS: Final = r"[-–—:|•»>.,!?()\[\]…]*"
_TAIL_WORD: Final = re.compile(rf"{_MARKS}(?:[$#@][\w.]+|https?://\S+|via)?{_MARKS}", re.I)
_WORDS: Final = re.compile(r"\S+")
_POTENTIAL_AFTER: Final = re.compile(r"^\s+potential\b", re.I)


def _recalled(deal: _Deal, text: str) -> MASignal:
    return MASignal(
        is_ma=True,
        score=RECALLED_SCORE,
        acquirer=deal.acquirer,
        target=deal.target,
        amount=find_amount(text),
        status=detect_status(text),
    )


def _told(text: str) -> Span:
    """Where a post tells something: without its header of tickers ("$GLBX $INTK News: ...",
    "$GLBX - ...") and its tail of tickers, tags, handles and links, which name what a post is
    filed under, not what it says."""
    header = _HEADER.match(text)
    start, end = header.end() if header else 0, len(text)
    for word in reversed(list(_WORDS.finditer(text, start))):
        if not _TAIL_WORD.fullmatch(word.group(0)):
            break
        end = word.start()
    return (start, end) if start < end else (0, len(text))


def _spans(
    party: Party, text: str, linked: Mapping[str, Sequence[Span]], *, told: Span
) -> list[Span]:
    """Where ``text`` names ``party`` within ``told``: its name or ticker as written, or a
    linked entity; not in a ticker list."""
    found = list(linked.get(party.id, ())) if party.id else []
    for name in _names(party):
        found += [m.span() for m in re.finditer(_written(name), text)]
    lists = ticker_lists(text)
    lo, hi = told
    return [
        (a, b)
        for a, b in found
        if lo <= a < hi and not any(start <= a < end for start, end in lists)
    ]


def _pair_in_a_sentence(text: str, deal: _Deal, linked: Mapping[str, Sequence[Span]]) -> bool:
    told = _told(text)
    buyers = _spans(deal.acquirer, text, linked, told=told)
    targets = _spans(deal.target, text, linked, told=told)
    if not buyers or not targets:
        return False
    passing = passing_spans(text)
    for sentence in SENTENCE.finditer(text):
        lo, hi = sentence.span()
        if not any(lo <= a < hi for a, _ in buyers) or not any(lo <= a < hi for a, _ in targets):
            continue
        for word in _PAIR_WORD.finditer(text, lo, hi):
            start, end = word.span()
            if is_other_kind(text, start, end) or any(a <= start < b for a, b in passing):
                continue
            if _IMAGINED.search(text, lo, start) or _POTENTIAL_AFTER.match(text[end:hi]):
                continue
            if word.group("verb") and not (
                any(lo <= a < start for a, _ in buyers)
                and any(end <= a < min(hi, end + _NEAR) for a, _ in targets)
            ):
                continue  # a verb of buying: the buyer before it, the company bought right after
            return True
    return False


def _aware(when: datetime | None) -> datetime:
    if when is None:
        return datetime.now(UTC)
    return when if when.tzinfo is not None else when.replace(tzinfo=UTC)


def _written(name: str) -> str:
    """A pattern for ``name`` as a whole word, a "$", "#" or "@" before it allowed."""
    return rf"(?<![\w$#@])[$#@]?{re.escape(name)}(?!\w)"


def _names_party(text: str, party: Party) -> bool:
    """Whether ``text`` names ``party`` anywhere, by its name or its ticker."""
    return any(re.search(_written(name), text) for name in _names(party))


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
        # not "Initech Acquisition Of Hooli": Initech buys there
        r"(?!\s+(?i:of|for)\s+(?:the\s+)?[$#@]?(?-i:[A-Z]))"
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
