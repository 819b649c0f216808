"""``WatchlistMatcher``: find watched companies, people and products in a post's text.

One pass of a few compiled regexes and one dictionary look-up per token (phrases are
indexed by their first token), so it runs on every post. Case rules, in short:

- short all-capital names (``IBM``, ``AES``) match only as written;
- a name that is a common word (``Target``, ``Apple``; the ``ambiguous_words`` lists), a
  one-word person alias, a name flagged ``ambiguous`` or a name shared by two entities must
  be written as in the list *and* have support to be linked: a cashtag, handle, domain, bare
  ticker or other unambiguous mention of the same company, or a corporate word right next
  to it ("Target Corp", "Target shares", "Target's CEO", "shares of Target", "Target-aksjen").
  A business word merely nearby is no support: finance posts are full of them ("Dow,
  Nasdaq drop", "a buyout Target", "no basis to Block merger"), and neither is any word
  after "the" ("joins the Dow", "the Target"). Without support the span is returned
  unlinked (``id=None``, confidence 0.3); two companies are never merged;
- a name is matched on whole tokens only; a plural or genitive without an apostrophe
  ("Microsofts") counts only for names that are not common words ("Balls" is not Ball);
- a name made only of common words (``Best Buy``) must be written as in the list;
- any other name matches in any case (lower confidence when the case differs);
- a ticker matches as a cashtag in any case (``$MSFT``, ``$msft``) and as a hashtag in
  capitals (``#MSFT``) or, from four letters on, in lower case (``#msft``, lower
  confidence), unless it is an everyday word of the ``ambiguous_words`` lists (``#meta``,
  ``#tech``: words; ``#target`` is not the ticker TGT anyway).

Overlaps: the longest span wins.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import NamedTuple, TypeVar

from models.enriched import Entity
from streams.watchlist.records import Company, Person, Watchlist
from streams.watchlist.text import TOKEN_RE, fold, phrase_tokens, squash

__all__ = ["CUE_WORDS", "WatchlistMatcher"]

CUE_WORDS = frozenset(
    """inc corp corporation co company companies ltd plc llc ag asa sa nv group holdings
    share shares stock stocks equity ticker nyse nasdaq ipo listed
    ceo cfo coo cto chairman founder board ir
    acquire acquires acquired acquiring acquisition acquisitions merger merge merges buyout
    takeover bid stake deal deals divest spinoff
    earnings revenue revenues profit profits quarter quarterly q1 q2 q3 q4 guidance dividend
    results outlook forecast sales layoffs downgrade downgrades upgrade upgrades analyst
    analysts investors valuation market buy sell sells
    aksje aksjen aksjer selskap selskapet konsern konsernet konsernsjef kjøper kjøpe kjøpt
    oppkjøp resultat kvartal utbytte børs
    aktie aktien konzern übernahme unternehmen umsatz gewinn
    action actions société rachat bénéfice chiffre""".split()  # noqa: SIM905 - easier to read
)

_CASHTAG = re.compile(r"(?<![\w$])\$([A-Za-z][A-Za-z0-9]{0,6}(?:[.\-][A-Za-z0-9]{1,3})?)(?![\w$])")
_HANDLE = re.compile(r"(?<![\w@])@(\w{1,50})")
_HASHTAG = re.compile(r"(?<![\w#&])#(\w+)")
_URL = re.compile(
    r"\b(?:https?://|www\.)\S+"  # a link, or a bare host with a path (example.com/a/b)
    r"|(?<![\w@.\-])(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24}/\S*",
    re.IGNORECASE,
)
_HOST = re.compile(
    r"(?<![\w@.\-])(?:https?://)?(?:www\.)?"
    r"((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24})(?![\w-])",
    re.IGNORECASE,
)

# confidence by kind of evidence
_SURE, _STRONG, _EXACT, _FOLDED, _SUPPORTED, _CUED, _UNLINKED = 0.95, 0.9, 0.9, 0.75, 0.85, 0.7, 0.3
_PRIORITY = {"cashtag": 0, "handle": 1, "domain": 2, "hashtag": 3, "product": 4, "alias": 5}
# Words right after an ambiguous name that make it the company ("Target shares"): the cue
# words, less those that follow the everyday word as readily ("Block merger", "Target
# market", "News analysts").
_CUE_AFTER = CUE_WORDS - frozenset(
    """market buy sell sells bid deal deals merger merge merges takeover stake valuation
    analyst analysts investors outlook forecast acquisition acquisitions buyout listed ticker
    nyse nasdaq ir equity ipo upgrade upgrades downgrade downgrades""".split()  # noqa: SIM905
)
# Word pairs right before it: "shares of Target", "stake in Ford", "acquired by Fox".
_CUE_BEFORE = frozenset(
    (a, b)
    for a in ("shares", "stock", "stake", "ceo", "cfo", "coo", "cto", "chairman", "president")
    for b in ("of", "in", "at")
) | frozenset((a, "by") for a in ("acquired", "bought", "owned"))
# A company's stated intent right after its name: "Oracle agrees to acquire", "plans to buy".
_INTENT = frozenset("agrees agreed plans offers offered moves seeks wants".split())  # noqa: SIM905
_DEAL_VERBS = frozenset("acquire buy merge purchase".split())  # noqa: SIM905
_K = TypeVar("_K", str, tuple[str, ...])


class _Name(NamedTuple):
    id: str
    label: str
    source: str  # alias | product
    form: tuple[str, ...]  # the tokens as written in the list
    exact_only: bool  # must be written as in the list
    ambiguous: bool  # needs support to be linked


@dataclass(slots=True)
class _Hit:
    start: int
    end: int
    ids: tuple[str, ...]
    label: str
    source: str
    confidence: float
    pending: bool = False  # ambiguous: link only with support
    token: int = -1  # first token index (for cue words), -1 for specials
    tokens: int = 0


def _straight(tokens: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(t.replace("\u2019", "'") for t in tokens)


class WatchlistMatcher:
    """Match one ``Watchlist``'s names, cashtags, handles, hashtags and domains in text."""

    def __init__(self, watchlist: Watchlist) -> None:
        self.watchlist = watchlist
        self.version = watchlist.version
        words = watchlist.ambiguous_words
        self._phrases: dict[tuple[str, ...], list[_Name]] = {}
        self._hashtags: dict[str, list[_Name]] = {}
        self._tickers: dict[str, str] = {}
        self._handles: dict[str, str] = {}
        self._domains: dict[str, str] = {}
        self._labels: dict[str, str] = {}
        self._owner: dict[str, str] = {}
        for company in watchlist.companies:
            self._add_company(company, words)
        for product in watchlist.products:
            self._labels[product.id] = "PRODUCT"
            self._owner[product.id] = product.company
            for alias in (product.name, *product.aliases):
                self._add_name(alias, product.id, "PRODUCT", "product", words)
        for person in watchlist.people:
            self._add_person(person, words)
        _mark_shared(self._phrases)
        _mark_shared(self._hashtags)
        self._first: dict[str, int] = {}
        for key in self._phrases:
            self._first[key[0]] = max(self._first.get(key[0], 0), len(key))
        self._topics: dict[tuple[str, ...], list[_Name]] = {}
        for topic in watchlist.topics:
            for keyword in (topic.name, *topic.keywords):
                self._add_name(keyword, topic.id, "TOPIC", "topic", frozenset(), self._topics)
        self._topic_first: dict[str, int] = {}
        for key in self._topics:
            self._topic_first[key[0]] = max(self._topic_first.get(key[0], 0), len(key))
        self._cues = frozenset(
            [_cue(key) for key in (*self._phrases, *self._topics)]
            + [_cue(tuple(TOKEN_RE.findall(fold(domain)))) for domain in self._domains]
        )

    # --- building -------------------------------------------------------------------------

    def _add_company(self, company: Company, words: frozenset[str]) -> None:
        self._labels[company.id] = "ORG"
        for ticker in company.tickers:
            self._tickers[ticker] = company.id
        for handle in company.handles:
            self._handles[handle.casefold()] = company.id
        for domain in company.domains:
            self._domains[domain] = company.id
        for alias in company.aliases:
            self._add_name(
                alias, company.id, "ORG", "alias", words, forced=alias in company.ambiguous
            )

    def _add_person(self, person: Person, words: frozenset[str]) -> None:
        self._labels[person.id] = "PERSON"
        if person.company:
            self._owner[person.id] = person.company
        for handle in person.handles:
            self._handles[handle.casefold()] = person.id
        for alias in person.aliases:
            single = sum(1 for t in phrase_tokens(alias) if t[0].isalnum()) == 1
            self._add_name(alias, person.id, "PERSON", "alias", words, forced=single)

    def _add_name(
        self,
        alias: str,
        entity_id: str,
        label: str,
        source: str,
        words: frozenset[str],
        table: dict[tuple[str, ...], list[_Name]] | None = None,
        *,
        forced: bool = False,
    ) -> None:
        form = _straight(phrase_tokens(alias))
        word_tokens = [t for t in form if t[0].isalnum()]
        if not word_tokens or sum(len(t) for t in word_tokens) < 2:
            return
        letters = [c for c in alias if c.isalpha()]
        acronym = not any(c.islower() for c in letters) and len(letters) <= 4
        common = all(fold(t) in words for t in word_tokens)
        ambiguous = forced or (common and len(word_tokens) == 1)
        name = _Name(entity_id, label, source, form, acronym or common or ambiguous, ambiguous)
        key = tuple(fold(t) for t in form)
        target = self._phrases if table is None else table
        if name not in target.setdefault(key, []):
            target[key].append(name)
        if table is None:
            hashtag = self._hashtags.setdefault(fold(squash(alias)), [])
            tag_name = name._replace(form=(squash(alias),))
            if tag_name not in hashtag:
                hashtag.append(tag_name)

    # --- matching -------------------------------------------------------------------------

    def may_match(self, text: str) -> bool:
        """A cheap necessary condition of :meth:`match` or :meth:`topics` finding anything
        (a firehose filter's first step): False means both find nothing.

        Every name, topic keyword and domain has one cue, its longest word; a text can only
        name it if that word is among the text's tokens (a last word may carry a genitive
        ``s``); a cashtag, handle or hashtag passes when it is a watched ticker, handle or
        name (the look-ups :meth:`match` makes first).
        """
        if "$" in text:
            for m in _CASHTAG.finditer(text):
                ticker = m.group(1).upper().replace("-", ".")
                if ticker in self._tickers or ticker.partition(".")[0] in self._tickers:
                    return True
        if "@" in text and any(
            m.group(1).casefold() in self._handles for m in _HANDLE.finditer(text)
        ):
            return True
        if "#" in text:
            for m in _HASHTAG.finditer(text):
                body = m.group(1)
                if body.upper() in self._tickers or fold(body) in self._hashtags:
                    return True
        # One casefold of the joined tokens is fold() of each (NUL never occurs in them).
        tokens = "\x00".join(TOKEN_RE.findall(text)).casefold().replace("\u2019", "'")
        words = set(tokens.split("\x00"))
        if not words.isdisjoint(self._cues):
            return True
        return not self._cues.isdisjoint({w[:-1] for w in words if w[-1:] == "s"})

    def match(self, text: str) -> list[Entity]:
        """Watched entities in ``text``, ordered by offset; ``text[e.start:e.end] == e.text``."""
        hits = self._special_hits(text)
        urls = [(m.start(), m.end()) for m in _URL.finditer(text)] if "." in text else []
        spans = [(m.start(), m.end(), m.group()) for m in TOKEN_RE.finditer(text)]
        folded = [fold(t) for _, _, t in spans]
        hits += self._phrase_hits(text, spans, folded, urls)
        chosen = _longest_first(hits)
        support = self._support(chosen, spans)
        entities = []
        for hit in chosen:
            if hit.pending:
                self._settle(hit, support, folded)
            entities.append(
                Entity(
                    text=text[hit.start : hit.end],
                    label=hit.label,
                    start=hit.start,
                    end=hit.end,
                    id=hit.ids[0] if len(hit.ids) == 1 and not hit.pending else None,
                    source=hit.source,
                    confidence=hit.confidence,
                )
            )
        return entities

    def topics(self, text: str) -> list[str]:
        """Ids of the watched topics whose keywords occur in ``text`` (any case)."""
        found: dict[str, None] = {}
        tokens = [m.group() for m in TOKEN_RE.finditer(text)]
        folded = [fold(t) for t in tokens]
        for i, first in enumerate(folded):
            longest = self._topic_first.get(first, 0)
            for length in range(min(longest, len(folded) - i), 0, -1):
                for name in self._topics.get(tuple(folded[i : i + length]), ()):
                    if not name.exact_only or _straight(tuple(tokens[i : i + length])) == name.form:
                        found.setdefault(name.id)
        return list(found)

    def _special_hits(self, text: str) -> list[_Hit]:
        hits: list[_Hit] = []
        if "$" in text:
            for m in _CASHTAG.finditer(text):
                ticker = m.group(1).upper().replace("-", ".")
                end = m.end()
                if ticker not in self._tickers and "." in ticker:
                    ticker, _, suffix = ticker.partition(".")
                    end -= len(suffix) + 1
                company = self._tickers.get(ticker)
                if company:
                    hits.append(_Hit(m.start(), end, (company,), "ORG", "cashtag", _SURE))
        if "@" in text:
            for m in _HANDLE.finditer(text):
                entity = self._handles.get(m.group(1).casefold())
                if entity:
                    hits.append(
                        _Hit(m.start(), m.end(), (entity,), self._labels[entity], "handle", _SURE)
                    )
        if "#" in text:
            for m in _HASHTAG.finditer(text):
                hit = self._hashtag_hit(m.group(1), m.start(), m.end())
                if hit:
                    hits.append(hit)
        if "." in text:
            for m in _HOST.finditer(text):
                host = m.group(1).lower()
                while host.count(".") >= 1:
                    company = self._domains.get(host)
                    if company:
                        hits.append(
                            _Hit(m.start(1), m.end(1), (company,), "ORG", "domain", _STRONG)
                        )
                        break
                    host = host.partition(".")[2]
        return hits

    def _hashtag_hit(self, body: str, start: int, end: int) -> _Hit | None:
        ticker = body.upper()
        company = self._tickers.get(ticker)
        if company and self._ticker_hashtag(body):
            confidence = _STRONG if body == ticker else _FOLDED
            return _Hit(start, end, (company,), "ORG", "hashtag", confidence)
        names = [
            n for n in self._hashtags.get(fold(body), ()) if not n.exact_only or n.form == (body,)
        ]
        return _names_hit(names, start, end, "hashtag", exact=True)

    def _ticker_hashtag(self, body: str) -> bool:
        """``#MSFT``, or ``#msft`` from four letters on (``#dis``, ``#ppl`` are slang, not
        DIS or PPL); never an everyday word (``#meta``, ``#tech``)."""
        if fold(body) in self.watchlist.ambiguous_words:
            return False
        return (body.isupper() and len(body) >= 2) or (body.islower() and len(body) >= 4)

    def _phrase_hits(
        self,
        text: str,
        spans: list[tuple[int, int, str]],
        folded: list[str],
        urls: list[tuple[int, int]],
    ) -> list[_Hit]:
        hits: list[_Hit] = []
        url_starts = [s for s, _ in urls]
        count = len(folded)
        for i, first in enumerate(folded):
            longest = self._first.get(first, 0)
            genitive = (
                not longest and len(first) > 3 and first[-1] == "s" and first[:-1] in self._first
            )
            if not longest and not genitive:
                continue
            start = spans[i][0]
            if start and text[start - 1] in "@#$":
                continue  # a handle, hashtag or cashtag: matched above
            if urls:
                k = bisect_right(url_starts, start) - 1
                if k >= 0 and start < urls[k][1]:
                    continue  # inside a URL: only its domain counts
            for length in range(min(max(longest, 1), count - i), 0, -1):
                hit = self._phrase_hit(spans, folded, i, length)
                if hit:
                    hits.append(hit)
                    break
        return hits

    def _phrase_hit(
        self, spans: list[tuple[int, int, str]], folded: list[str], i: int, length: int
    ) -> _Hit | None:
        key = tuple(folded[i : i + length])
        form = _straight(tuple(t for _, _, t in spans[i : i + length]))
        end = spans[i + length - 1][1]
        names = self._phrases.get(key)
        last = key[-1]
        if names is None and len(last) > 3 and last[-1] == "s" and last[-2].isalpha():
            # genitive: Microsofts; never a common word's plural ("Balls", "Targets")
            names = [n for n in self._phrases.get((*key[:-1], last[:-1]), ()) if not n.exact_only]
            form, end = (*form[:-1], form[-1][:-1]), end - 1
        if not names:
            return None
        passing = [n for n in names if not n.exact_only or n.form == form]
        exact = any(n.form == form for n in passing)
        hit = _names_hit(passing, spans[i][0], end, passing[0].source if passing else "", exact)
        if hit:
            hit.token, hit.tokens = i, length
        return hit

    # --- support for ambiguous names ------------------------------------------------------

    def _support(self, chosen: list[_Hit], spans: list[tuple[int, int, str]]) -> set[str]:
        """Ids made certain by the post itself: linked mentions and bare tickers, with owners."""
        support: set[str] = set()
        for hit in chosen:
            if not hit.pending:
                support.update(hit.ids)
        for _, _, token in spans:
            if token.isupper() and len(token) >= 2 and token in self._tickers:
                support.add(self._tickers[token])
        support.update([self._owner[i] for i in support if i in self._owner])
        return support

    def _settle(self, hit: _Hit, support: set[str], folded: list[str]) -> None:
        backed = [i for i in hit.ids if i in support or self._owner.get(i) in support]
        if len(backed) == 1:
            hit.ids, hit.pending, hit.confidence = (backed[0],), False, _SUPPORTED
            hit.label = self._labels[backed[0]]
            return
        if len(hit.ids) == 1 and hit.token >= 0 and _cued(folded, hit.token, hit.tokens):
            hit.pending, hit.confidence = False, _CUED


def _cued(folded: list[str], first: int, count: int) -> bool:
    """Whether a corporate word is right next to the name at ``folded[first:first+count]``:
    after it, past a possessive or a hyphen ("Target's CEO", "Apple-aksjen"), a stated deal
    intent after it ("Oracle agrees to acquire"), or a pair of words before it ("shares of
    Target"); never after "the"."""
    if first and folded[first - 1] == "the":
        return False
    k = first + count
    if folded[k : k + 2] == ["'", "s"]:
        k += 2
    elif folded[k : k + 1] == ["-"]:
        k += 1
    if k < len(folded) and folded[k] in _CUE_AFTER:
        return True
    intent = folded[k : k + 3]
    stated = len(intent) == 3 and intent[0] in _INTENT and intent[1] == "to"
    if stated and intent[2] in _DEAL_VERBS | _CUE_AFTER:
        return True
    return first >= 2 and (folded[first - 2], folded[first - 1]) in _CUE_BEFORE


def _cue(key: tuple[str, ...]) -> str:
    """The longest word of a folded name (the rarest, most likely)."""
    words = [t for t in key if t[:1].isalnum() or t[:1] == "_"] or list(key)
    return max(words, key=len)


def _mark_shared(table: dict[_K, list[_Name]]) -> None:
    """A name shared by two entities is ambiguous: it never links without support."""
    for key, names in table.items():
        if len({n.id for n in names}) > 1:
            table[key] = [n._replace(ambiguous=True) for n in names]


def _names_hit(names: list[_Name], start: int, end: int, source: str, exact: bool) -> _Hit | None:
    if not names:
        return None
    ids = tuple(dict.fromkeys(n.id for n in names))
    labels = {n.label for n in names}
    label = labels.pop() if len(labels) == 1 else "ORG"
    if any(n.ambiguous for n in names):
        return _Hit(start, end, ids, label, source, _UNLINKED, pending=True)
    return _Hit(start, end, ids, label, source, _EXACT if exact else _FOLDED)


def _longest_first(hits: list[_Hit]) -> list[_Hit]:
    """Keep non-overlapping hits, longest first (then the surer kind, then leftmost)."""
    hits.sort(key=lambda h: (h.start - h.end, _PRIORITY[h.source], h.pending, h.start))
    taken: list[_Hit] = []  # by start; disjoint, so also by end
    starts: list[int] = []
    for hit in hits:
        k = bisect_left(starts, hit.end)  # taken[k:] start at or after this hit's end
        if k and taken[k - 1].end > hit.start:
            continue
        taken.insert(k, hit)
        starts.insert(k, hit.start)
    return taken
