"""Cue families scanned cheaply, with exactly the matches of the plain regular expressions.

A family (``Cue``) is an alternation of regular expressions matched case-insensitively.
Scanning each family over every post was the classifier's main cost (about 20 scans of
~23 us a post), and most alternatives cannot match most posts. So each alternative carries
the literal strings one of which any match of it must contain, derived from its parsed
form (``\\bsign\\s?up\\b`` needs ``sign``, ``(?:calls?|puts?)`` needs ``call`` or ``put``;
an alternative without such strings is always scanned). ``Cues`` finds the strings of all
its families in a post in one pass (a trie-shaped regular expression over the lowered
text), and a family then scans only the alternatives whose strings occur, as one
alternation in the original order: an alternative that cannot match anywhere in the text
changes no match of the alternation, so the matches (and their count) are those of the
whole family. Alternatives are compiled one by one on
first use; with several live, the alternation's matches are found from theirs (the leftmost,
the first in order at a tie), so no alternation of a subset is ever compiled.

``lowered`` maps the four non-ASCII letters Python's case-insensitive matching equates
with ASCII ones (dotted and dotless I, long S, the Kelvin sign) to them before lowering,
so a literal string of a match always occurs in the lowered text. The patterns are parsed
with the standard library's own parser (``re._parser``, private: a Python upgrade that
moves it fails at import, loudly).
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable, Iterator
from typing import Any

__all__ = ["Cue", "Cues", "Reading", "lowered", "required"]

_parser: Any = importlib.import_module("re._parser")
_c: Any = importlib.import_module("re._constants")

_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


def lowered(text: str) -> str:
    """The text lowered so that every literal a case-insensitive match reads occurs in it."""
    return text.lower() if text.isascii() else text.translate(_FOLD).lower()


Keys = frozenset[str] | None  # any match contains one of these strings; None: no such set


def _better(a: Keys, b: Keys) -> Keys:
    if a is None:
        return b
    if b is None:
        return a
    # Longer strings are rarer; fewer strings are cheaper to look for.
    score_a = (min(len(k) for k in a), -len(a))
    score_b = (min(len(k) for k in b), -len(b))
    return a if score_a >= score_b else b


def _char(code: int) -> str | None:
    ch = chr(code)
    return ch.lower() if ch.isascii() else None


def _seq_keys(items: Any) -> Keys:
    best: Keys = None
    run = ""
    for op, av in items:
        if op is _c.LITERAL:
            ch = _char(av)
            if ch is not None:
                run += ch
                continue
        if run:
            best = _better(best, frozenset({run}))
            run = ""
        best = _better(best, _node_keys(op, av))
    if run:
        best = _better(best, frozenset({run}))
    return best


def _node_keys(op: Any, av: Any) -> Keys:
    if op is _c.SUBPATTERN:
        return _seq_keys(av[-1])
    if op is _c.BRANCH:
        union: set[str] = set()
        for alt in av[1]:
            keys = _seq_keys(alt)
            if keys is None:
                return None
            union |= keys
        return frozenset(union)
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        low, _high, item = av
        return _seq_keys(item) if low >= 1 else None
    if op is _c.ATOMIC_GROUP:
        return _seq_keys(av)
    if op is _c.ASSERT:
        # A positive lookaround reads text that is in the post too.
        return _seq_keys(av[1])
    if op is _c.IN:
        chars: set[str] = set()
        for item_op, item_av in av:
            ch = _char(item_av) if item_op is _c.LITERAL else None
            if ch is None:
                return None
            chars.add(ch)
        return frozenset(chars)
    if op is _c.LITERAL:
        ch = _char(av)
        return frozenset({ch}) if ch is not None else None
    return None


def required(pattern: str, flags: int = 0) -> Keys:
    """Strings one of which every match of ``pattern`` contains (lowered), or None."""
    return _seq_keys(_parser.parse(pattern, flags))


class Cue:
    """A family of alternatives matched case-insensitively (unless ``flags`` says else)."""

    def __init__(self, *alternatives: str, flags: int = re.I) -> None:
        self.alternatives = alternatives
        self.flags = flags
        self.pattern = re.compile("(?:" + "|".join(alternatives) + ")", flags)
        required_keys = [required(alt, flags) for alt in alternatives]
        self.always = frozenset(i for i, keys in enumerate(required_keys) if keys is None)
        by_key: dict[str, list[int]] = {}
        for i, keys in enumerate(required_keys):
            for key in sorted(keys or ()):
                by_key.setdefault(key, []).append(i)
        self.by_key = {k: tuple(v) for k, v in by_key.items()}
        self.keys = frozenset(by_key)
        # Alternatives that can match the empty string make the one-by-one count differ from
        # the alternation's: such a family scans its whole alternation instead.
        self._nonempty = all(_parser.parse(alt, flags).getwidth()[0] > 0 for alt in alternatives)
        self._single: dict[int, re.Pattern[str]] = {}

    def live(self, present: frozenset[str] | set[str]) -> list[int]:
        """The alternatives, in order, that may match a text holding the strings
        ``present``."""
        found = self.keys.intersection(present)
        if not found and not self.always:
            return []
        live = set(self.always)
        for key in found:
            live.update(self.by_key[key])
        return sorted(live)

    def _alternative(self, i: int) -> re.Pattern[str]:
        pattern = self._single.get(i)
        if pattern is None:
            pattern = self._single[i] = re.compile(self.alternatives[i], self.flags)
        return pattern

    def count(self, text: str, present: frozenset[str] | set[str], cap: int) -> int:
        """How many times the family matches ``text`` (at most ``cap``): the matches of the
        alternation, found with the live alternatives only."""
        live = self.live(present)
        if not live:
            return 0
        if len(live) == 1:
            return _count(self._alternative(live[0]).finditer(text), cap)
        if not self._nonempty:
            return _count(self.pattern.finditer(text), cap)
        # The alternation's next match starts where the leftmost live alternative matches;
        # at a tie the first in order wins; the scan resumes where that match ends.
        patterns = [self._alternative(i) for i in live]
        nxt = [p.search(text) for p in patterns]
        n = 0
        while n < cap:
            best: re.Match[str] | None = None
            for m in nxt:
                if m is not None and (best is None or m.start() < best.start()):
                    best = m
            if best is None:
                break
            n += 1
            end = best.end()
            nxt = [
                m if m is None or m.start() >= end else p.search(text, end)
                for p, m in zip(patterns, nxt, strict=True)
            ]
        return n

    def hits(self, text: str, low: str, cap: int = 3) -> int:
        """How many times the family matches ``text`` (at most ``cap``); ``low`` is
        ``lowered(text)``."""
        return self.count(text, {k for k in self.keys if k in low}, cap)

    def search(self, text: str, low: str) -> bool:
        """Whether the family matches ``text`` anywhere."""
        return self.hits(text, low, 1) > 0


def _count(matches: Iterator[re.Match[str]], cap: int) -> int:
    n = 0
    for _ in matches:
        n += 1
        if n >= cap:
            break
    return n


def _trie(keys: Iterable[str]) -> str:
    """A regular expression matching the longest of ``keys`` that starts where it is tried."""
    root: dict[str, Any] = {}
    for key in keys:
        node = root
        for ch in key:
            node = node.setdefault(ch, {})
        node[""] = {}

    def rx(node: dict[str, Any]) -> str:
        alts = [re.escape(ch) + rx(node[ch]) for ch in sorted(node) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return "(?:" + body + ")?" if "" in node else body

    return rx(root)


class Cues:
    """Families read together: their literal strings are looked for in one pass."""

    def __init__(self, *cues: Cue) -> None:
        self.members = frozenset(cues)
        keys = sorted({k for cue in cues for k in cue.keys})
        # A zero-width lookahead tries every position: the longest key starting at each one.
        self._finder = re.compile("(?=(" + _trie(keys) + "))")
        # A key found implies every key it starts with.
        self._starts = {k: frozenset(p for p in keys if k.startswith(p)) for k in keys}

    def read(self, text: str, low: str) -> Reading:
        """``text`` ready for the families; ``low`` is ``lowered(text)``."""
        present: set[str] = set()
        for key in set(self._finder.findall(low)):
            present |= self._starts[key]
        return Reading(self, text, frozenset(present))


class Reading:
    """A text with the literal strings of the families it holds."""

    def __init__(self, cues: Cues, text: str, present: frozenset[str]) -> None:
        self._cues = cues
        self.text = text
        self.present = present

    def hits(self, cue: Cue, cap: int = 3) -> int:
        """How many times ``cue`` matches the text (at most ``cap``)."""
        if cue not in self._cues.members:
            raise ValueError("a cue read with a Cues it is not part of")
        return cue.count(self.text, self.present, cap)

    def search(self, cue: Cue) -> bool:
        """Whether ``cue`` matches the text anywhere."""
        return self.hits(cue, 1) > 0
