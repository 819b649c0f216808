"""Parties are organisations: what a name run read around a cue may not keep.

Social posts put words before a name that no company bears ("Why Globex bought ...",
"Dear Globex, ...", "RT @someone: ...", "The Inside Story Of How Globex ..."), write a cashtag
before the name it stands for ("$GLBX Globex"), end a headline with a link, and make people,
pronouns, plural nouns ("Stocks", "Traders") or a country buying a product look like a
buyer. A party is trimmed to its name; when nothing of a name remains it is dropped.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Final

from models.enriched import Entity
from streams.signals.ma.names import (
    KNOWN_PLACES,
    POSSESSIVE,
    TITLES,
    RoleSpan,
    is_boundary,
    run_left,
    span_any,
    words,
)

# A name starts after these ("Why Globex", "How Globex", "Dear Globex", "RT @x: Globex").
_CUT_AFTER: Final = words("why how what when where who whom whether dear rt if via")
# Words that are never (the start of) an organisation's name.
_NOT_NAMES: Final = words(
    """
    want wants wish wishes keep having maybe please look looks watch report reports
    breaking exclusive update video inside story stocks stock shares traders investors
    analysts pros cons people everyone somebody someone guys folks longs shorts bulls bears
    i me my you your we our he she they it this that these those there here so and but or
    lol wow omg yes no not just even still also others rivals peers make of
    senate congress parliament lawmakers senators regulators court fear prediction chatter
    rumor rumors rumour rumours speculation talk nyse nasdaq amex otc lse tsx debt bonds notes
    securities doj fcc ftc sec cma committee commission panel regulator antitrust rival
    competitor share decision part details customers consumers shoppers users buyers fans
    takeover takeovers merger mergers acquisition acquisitions buyout buyouts bid bids hedge funds
    regulation changes chance chances evidence watchdog watchdogs headlines bs
    assets asset stake stakes businesses units operations portfolio deal deals offer offers
    wsj reuters bloomberg cnbc techcrunch benzinga marketwatch dealbook barrons mega
    winning losing cheerleading fend fending lobbied lobbying opposing blocking backing
    subscribers members viewers accounts product products breakup break-up termination fee fees
    mon tue tues wed weds thu thur thurs fri sat sun biggest loser losers winner winners
    """
)


def _no_name(token: Any) -> bool:
    """A word no party is ("Want", "Reuters", "AMEX" the exchange; "AmEx" is American Express)."""
    return token.lower_ in _NOT_NAMES and not (token.lower_ == "amex" and not token.text.isupper())


# A corporate suffix ends a name: "General Electric Co. Investors Need to Know".
_SUFFIX_ENDS: Final = words("co. inc. inc corp. corp ltd ltd. plc llc")
_OTHERS: Final = words("others rivals peers")
_UNITED: Final = words("states kingdom arab nations")
_TITLES: Final = TITLES | words("chairwoman co-founder chief")
_LEADING: Final = words("activist billionaire investor investors rival suitor")


# Countries and armed groups no company buys: a post "buying" one is a joke ("Apple to Buy
# Boko Haram", "Apple could buy Greece").
_NOT_FOR_SALE: Final = frozenset(
    {
        "boko haram", "isis", "isil", "al qaeda", "al-qaeda", "taliban", "hamas", "hezbollah",
        "greece", "italy", "spain", "france", "germany", "russia", "china", "india", "japan",
        "canada", "mexico", "brazil", "ireland", "portugal", "cyprus", "ukraine", "venezuela",
        "argentina", "america", "the us", "the u.s.", "the uk", "britain", "europe", "africa",
        "puerto rico", "north korea", "iran", "iraq", "syria", "crimea", "greenland",
    }
)  # fmt: skip


def unbuyable(doc: Any, cue: int, span: RoleSpan | None) -> bool:
    """Whether the company "bought" right after the buying word is a country or an armed
    group: a joke or a figure of speech ("Apple to Buy Boko Haram", "Apple could buy
    Greece"), not a deal ("selling Delhi Australia Fund", "acquisitions in the US" are, and
    so is "acquired an Italy-based software developer")."""
    if span is None or span.start not in (cue + 1, cue + 2):
        return False
    if doc[span.end : span.end + 2].text.lower().replace(" ", "") in {"-based", "-headquartered"}:
        return False
    name = span.text.lower().strip("#@ ")
    return name in _NOT_FOR_SALE


def _is_link(token: Any) -> bool:
    """A link, not a domain that names a company ("alando.de")."""
    text: str = token.text.lower()
    return text.startswith(("http", "www.")) or "t.co/" in text


def _is_handle_or_link(token: Any) -> bool:
    return _is_link(token) or bool(token.text.startswith("@"))


# Words that continue a ticker into a name ("$GLBX Capital", "$GLBX Group").
_CORPORATE: Final = words("capital group holdings financial bank partners inc corp co ltd plc")


def _cashtag(doc: Any, i: int) -> bool:
    """ "$SO": a ticker, whatever English word it spells."""
    return i > 0 and doc[i - 1].text == "$"


def _trimmed(doc: Any, span: RoleSpan) -> tuple[int, int]:
    start, end = span.start, span.end
    for k in range(start, end):  # a link ends the name ("Initech http://t.co/x")
        if _is_link(doc[k]):
            end = k
            break
    for k in range(end - 1, start - 1, -1):
        if doc[k].lower_ in _CUT_AFTER:
            start = k + 1
            break
    start = _past_not_names(doc, start, end)
    # "$GLBX Globex": the cashtag's ticker before the name it stands for ("$GLBX Capital" is
    # a name)
    if (
        end - start > 1
        and start > 0
        and doc[start - 1].text == "$"
        and doc[start].is_upper
        and doc[start + 1].lower_ not in _CORPORATE
    ):
        start = _past_not_names(doc, start + 1, end)  # "$GLBX Senate Committee"
    return _past_tickers(doc, start, end), end


def _ticker_at(doc: Any, k: int, end: int) -> int | None:
    """The token after a cashtag written at ``k`` ("$", "GLBX"), or None."""
    if k + 1 < end and doc[k].text == "$" and doc[k + 1].is_upper and doc[k + 1].is_alpha:
        return k + 2
    if _cashtag(doc, k) and doc[k].is_upper and doc[k].is_alpha:
        return k + 1
    return None


def _past_tickers(doc: Any, start: int, end: int) -> int:
    """``start`` moved past the tickers a name is filed under ("$GOOG $LNVGY Lenovo",
    "$EXH $CHK Exterran Partners"): the name after them, when one follows ("$GLBX Capital"
    is a name, "$GLBX $INTK" two tickers)."""
    k = start
    while (after := _ticker_at(doc, k, end)) is not None:
        k = after
    if k == start or k >= end or doc[k].lower_ in _CORPORATE:
        return start
    name = doc[k]
    if not (name.text[:1].isupper() or name.text[:1].isdigit()) or name.text in {"$", "#", "@"}:
        return start
    return k


def _hyphen_glued(doc: Any, k: int, end: int) -> bool:
    """Whether token ``k`` runs on into a hyphen and a word ("@Coca-Cola")."""
    return (
        k + 2 < end
        and not doc[k].whitespace_
        and doc[k + 1].text == "-"
        and not doc[k + 1].whitespace_
    )


def _past_not_names(doc: Any, start: int, end: int) -> int:
    """``start`` moved past the words no name starts with, handles and links."""
    while start < end and (
        (_no_name(doc[start]) and not _cashtag(doc, start)) or _is_handle_or_link(doc[start])
    ):
        if doc[start].text.startswith("@") and end - start == 1:
            break  # a handle alone may be the company's own ("@Initech")
        if doc[start].text.startswith("@") and _hyphen_glued(doc, start, end):
            break  # "@Coca-Cola": a company's name written as a handle
        start += 1
    return start


def _place(doc: Any, start: int, end: int, entities: Sequence[Entity]) -> int:
    """How many tokens from ``start`` name a known place (not linked to a watched company)."""
    k = start
    while k < end and (
        doc[k].lower_.strip(".") in KNOWN_PLACES | {"u.s", "u.k"}
        or (k + 1 < end and doc[k].lower_.endswith("s") and doc[k].lower_[:-1] in KNOWN_PLACES)
    ):  # "Japans Sharp": a place's possessive written without its apostrophe
        if doc[k].lower_ == "united" and (k + 1 == end or doc[k + 1].lower_ not in _UNITED):
            break  # "United Tech", "United Rentals": a name, not the United States
        k += 1
    if k == start:
        return 0
    first, last = doc[start].idx, doc[k - 1].idx + len(doc[k - 1].text)
    over = [e for e in entities if e.start < last and first < e.end]
    if any(e.id for e in over):
        return 0
    return k - start


# Tags of a lone word that names no company ("Higher", "Rumoured", "Do", "Until", "one").
_NOT_NAME_TAGS: Final = frozenset(
    {"VB", "VBD", "VBG", "VBN", "JJR", "JJS", "RB", "RBR", "RBS", "IN", "CD", "DT", "MD"}
)


def _lone_word(doc: Any, start: int, end: int, entities: Sequence[Entity]) -> bool:
    """A single plain word that no tagger or linker took for a name: a stop word ("Do",
    "more", "Of") or, in a tagged Doc, a verb, adverb, comparative or number."""
    if end - start != 1 or _cashtag(doc, start) or (start > 0 and doc[start - 1].text == "#"):
        return False
    token = doc[start]
    if not token.is_alpha or not (token.text[1:].islower() or token.is_upper):
        return False  # "DirecTV", "eBay": a brand's spelling
    first, last = token.idx, token.idx + len(token.text)
    if any(e.start < last and first < e.end for e in entities):
        return False
    return bool(token.is_stop) or token.tag_ in _NOT_NAME_TAGS


_SAYS: Final = words("says said say according per")
# A source telling what it heard ("Daily Mail hears ... could bid for Y"): no party.
_HEARS: Final = words("hears heard learns learned")
_REPORTS: Final = words("reports reported says said writes")


def _attribution(doc: Any, start: int, end: int) -> bool:
    """A source closing its clause ("..., says Piper Jaffray: Full Story"): no party. Not a
    subject after "said" ("sources said Globex will buy")."""
    if start > 0 and doc[start - 1].text == "," and end < len(doc) and doc[end].lower_ in _REPORTS:
        return True  # "Berkshire close to acquiring Y, WSJ reports"
    if end < len(doc) and doc[end].lower_ in _HEARS:
        return True  # "Daily Mail hears Globex could bid for Y"
    if start == 0 or doc[start - 1].lower_ not in _SAYS | {"to"}:
        return False
    if doc[start - 1].lower_ == "to" and not (start > 1 and doc[start - 2].lower_ == "according"):
        return False
    return end == len(doc) or is_boundary(doc, end) or _is_link(doc[end])


# Nouns that describe a company bought ("A Company Founded By ...", "An Italian Firm").
_DESCRIBED: Final = frozenset({"company", "firm", "startup", "start-up", "business", "maker"})


def _in_reply_chain(doc: Any, k: int) -> bool:
    """Whether the handle at ``k`` is one of two or more handles a post opens with (after "RT
    @x:" or a dot): whom the post is addressed to."""
    lead = [t.text for t in doc[:k]]
    if len(lead) >= 2 and lead[0].upper() == "RT" and lead[1].startswith("@"):
        lead = lead[2:]  # "RT @wire:" is who is quoted
    handles = [t for t in lead if t not in {":", "."}]
    if not all(t.startswith("@") for t in handles):
        return False
    following = doc[k + 1].text if k + 1 < len(doc) else ""
    return bool(handles) or following.startswith("@")


def organisation(
    doc: Any, span: RoleSpan | None, entities: Sequence[Entity] = ()
) -> RoleSpan | None:
    """``span`` trimmed to the organisation's name, or None when it names none."""
    if span is None:
        return None
    if span.text != doc[span.start : span.end].text:
        return span  # part of a token, already cut to the name ("(GLBX)-Initech")
    first = span.start
    if (
        span.end - first == 1
        and doc[first].lower_ in _OTHERS
        and first > 1
        and doc[first - 1].text == ","
    ):
        return organisation(doc, run_left(doc, first - 1), entities)  # "Globex, Others Bid"
    start, end = _trimmed(doc, span)
    if start >= end:
        return None
    handle = doc[start].text.startswith("@") and end - start == 1
    if handle and start > 0 and doc[start - 1].text.upper() == "RT":
        return None  # the retweeted account
    if handle and _in_reply_chain(doc, start):
        return None  # "@anchor @host @Network Once the Initech deal closes": the addressees
    if start > 0 and doc[start - 1].lower_ in {"a", "an"} and doc[start].lower_ in _DESCRIBED:
        return None  # "Just Bought A Company Founded By ...": a company described, not named
    start += _place(doc, start, end, entities)
    if start >= end or (end - start == 1 and _no_name(doc[start]) and not _cashtag(doc, start)):
        return None  # "Chinese Investors": no name once the place is off
    if doc[start].lower_ in POSSESSIVE:  # "Norway's Initech"
        start += 1
    owned = next(
        (k for k in range(start, end - 1) if len(doc[k].text) > 3 and doc[k].text.endswith(".s")),
        None,
    )
    if owned is not None:
        start = owned + 1  # "Apple Inc.s Beats": the possessive's apostrophe lost
    if start >= end or _lone_word(doc, start, end, entities):
        return None
    if end - start == 1 and doc[start].lower_ in _TITLES:
        return None  # "$WFC CEO has been selling ...": an officer, no company
    while end - start > 1 and doc[start].lower_ in _LEADING:
        start += 1  # "Activist Ackman", "Billionaire Icahn": the investor
    while end - start > 1 and doc[end - 1].lower_ in _TITLES:
        end -= 1  # "Fiat Chrysler CEO couldn't merge": the company, not its officer
    while end - start > 1 and doc[end - 1].lower_ in {"shares", "stock", "stocks"}:
        end -= 1  # "Initech Shares Soar Despite ...": the company, not its shares
    title = next((k for k in range(start + 1, end - 1) if doc[k].lower_ in _TITLES), None)
    if title is not None and (
        doc[start].lower_ in {"ex", "former"} or doc[start].lower_.startswith("ex-")
    ):
        start = title + 1  # "Ex-Globex CEO Smith buys the Clippers": the former officer
    elif title is not None:
        end = title  # "AT&T CEO Stephenson Pushing to Buy": the company, not its officer
    if (
        start > 0
        and doc[start - 1].text.upper() == "RT"
        and end < len(doc)
        and doc[end].text == ":"
    ):
        return None  # "RT LeldeSmits: ...": the retweeted account, written without "@"
    if _attribution(doc, start, end):
        return None
    if (
        end - start >= 3
        and doc[start].text not in {"$", "#", "@"}
        and doc[end - 2].text == "$"
        and not doc[end - 2].whitespace_
        and doc[end - 1].is_alpha
    ):
        end -= 2  # "EMC $EMC Considers Merger", "Globex $GLBX": the name, its ticker off
    if (
        end + 1 < len(doc)
        and len(doc[end - 1].text) <= 2
        and doc[end].text == "-"
        and not (doc[end - 1].whitespace_ or doc[end].whitespace_)
        and doc[end + 1].is_alpha
    ):
        end += 2  # "N-trig": a short name run on by a hyphen
    suffix = next(
        (
            k
            for k in range(start + 1, end - 1)
            if doc[k].lower_ in _SUFFIX_ENDS
            and doc[k + 1].lower_ not in _CORPORATE
            and (_no_name(doc[k + 1]) or not doc[k + 1].text[:1].isupper())
        ),
        None,
    )
    if suffix is not None:
        end = suffix + 1
    kept = span_any(doc, start, end)
    if kept.text.endswith("/") and len(kept.text) > 1:  # "GLBX/ $INTK merger"
        kept = RoleSpan(kept.start, kept.end, kept.text[:-1], kept.start_char, kept.end_char - 1)
    return _without_glued_marks(kept)


def _without_glued_marks(span: RoleSpan) -> RoleSpan | None:
    """A name without what is glued to it: a bracketed tag run on ("UPS(PBR47", a list's
    rank), the dot that keeps a reply public (".@Initech")."""
    text, lo = span.text, 0
    if text.startswith(".@"):
        lo = 1
    cut = text.find("(", lo + 1)
    hi = cut if cut > lo and ")" not in text[cut:] else len(text)
    kept = text[lo:hi].rstrip()
    if not kept:
        return None
    if (lo, hi) == (0, len(text)):
        return span
    return RoleSpan(
        span.start, span.end, kept, span.start_char + lo, span.start_char + lo + len(kept)
    )
