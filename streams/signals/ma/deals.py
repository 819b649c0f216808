"""When the bare word "deal" names a company deal.

"deal" alone is far too common to be a cue ("great deal on shoes", "trade deal", "deal with
it"), so it counts only when its clause makes it a company deal: a called-off verb ("Adobe
and Figma call off $20bn deal", "Nvidia's Arm deal collapses"), or an amount next to it and a
named party ("Globex agrees $2bn deal for Initech"). With ``context`` a deal also counts when
the post speaks of a takeover elsewhere and the deal is someone's or for someone ("Globex's
deal for Initech, the biggest takeover this year"): that serves the roles, not the pre-filter.
Trade, licensing, supply, partnership, media and sports deals never count.

``named_deals`` finds more, for the roles only (once other cues make the post a deal): a
deal named by a glued pair before it ("the Globex-Initech tax inversion deal"), with or for a
name after it ("Globex nears deal with Initech", "deal at $108/sh for Initech").
"""

from __future__ import annotations

import re
from typing import Final

from streams.signals.ma.names import words

_I = re.IGNORECASE
_DEAL: Final = re.compile(r"\bdeal\b", _I)
# The word right before "deal" that makes it another kind of deal ("$2bn supply deal").
_KINDS: Final = words(
    """
    trade trading record recording tv television licence license licensing partnership
    supply supplier sponsorship endorsement distribution content streaming book publishing
    shoe sneaker brexit nuclear peace budget debt ceasefire climate tax pay wage labour
    labor union film movie music advertising ad ads marketing broadcast broadcasting rights
    media cloud chip chips sales arms gas oil power energy lng loan financing funding credit
    bond swap collaboration co-marketing contract sourcing outsourcing service services
    hosting manufacturing production lease leasing offtake procurement defence defense
    government naming kit shirt transfer player coaching boot vaccine export import tariff
    plea settlement legal patent royalty franchise gaming game data ai compute gpu mining
    commercial customer distribution jv partner strategic exclusive research development
    r&d discovery drug therapy oncology immuno-oncology collaboration alliance co-development
    co-promotion milestone upfront month monthly year yearly annual
    """
)
# Words anywhere in the deal's clause that make it another kind of deal.
_OTHER_KIND: Final = re.compile(
    r"\b(?:trade|licen[cs]\w*|partner\w*|suppl(?:y|ies|ier|iers)|sponsor\w*|endorse\w*"
    r"|distribut\w+|streaming|records?|recording|tv|broadcast\w*|contracts?|brexit|ceasefire"
    r"|peace|loans?|financing|transfer|striker|midfielder|defender|winger|goalkeeper"
    r"|players?|penalt\w+|plea|settle\w*|collaborat\w+)\b",
    _I,
)
# A deal for a drug or for rights, not a company: "Signs $730M Deal For Initech Lung Drug".
_FOR_A_PRODUCT: Final = re.compile(
    r"\s+(?:for|on|over)\s+(?:[\w$#@&.'’-]+\s+){0,4}?(?:drugs?|compounds?|molecules?|vaccines?"
    r"|therap(?:y|ies)|rights|licen[cs]es?)\b(?!\s*-?(?:makers?|developers?|compan\w+|firms?))",
    _I,
)
# "deal with it", "deal to supply chips": not a deal that buys a company.
_NOT_A_PURCHASE_AFTER: Final = re.compile(
    r"\s+(?:with\s+(?:it|this|that|them|him|her|me|us)\b"
    r"|to\s+(?!(?:buy|acquire|purchase|merge|take|sell|combine|create|form|close|complete"
    r"|be|come|go|win|gain|get|receive|clear|proceed)\b)\w+)",
    _I,
)
# A named deal closed or completed: "Apple closes #Beats deal", "completes Cubist deal".
_CLOSED_NAMED: Final = re.compile(
    r"\b(?:closes|closed|completes|completed|finalizes|finalized|finalises|finalised"
    r"|to\s+(?:close|complete|finali[sz]e))\s+"
    r"(?:its\s+|the\s+)?(?:[$€£]\S+\s+)?(?:[#$@]?[A-Z][\w&.'’-]*\s+){1,3}$"
)
_CALLED_OFF: Final = re.compile(
    r"\b(?:call(?:s|ed|ing)?\s+off|walk(?:s|ed|ing)?\s+away\s+from|scrap(?:s|ped|ping)?"
    r"|terminat(?:e|es|ed|ing)|abandon(?:s|ed|ing)?|collaps(?:e|es|ed|ing)"
    r"|pull(?:s|ed|ing)?\s+out\s+of|ditch(?:es|ed|ing)?|wav(?:e|es|ed|ing)\s+off)\b",
    _I,
)
# "the deal collapses", "deal has been called off", "deal is off".
_CALLED_OFF_AFTER: Final = re.compile(
    r"\s+(?:(?:has|had|is|was|has\s+been|was\s+being)\s+)?(?:collaps\w*|terminated"
    r"|scrapped|abandoned|called\s+off|f[ae]ll(?:s|ing)?\s+(?:apart|through)|off|ditched"
    r"|cancell?ed|dies|died|dead|not\s+dead|in\s+(?:doubt|jeopardy)|at\s+risk"
    r"|(?:may|might|could|will)\s+not\s+happen|won['’]t\s+happen)\b",
    _I,
)
_AMOUNT: Final = re.compile(
    r"[$€£]\s?\d[\d.,]*\s?(?:bn|b|billion|m|mn|million|mln|bln|tn|trillion)\b"
    r"|\b\d[\d.,]*\s?(?:bn|billion|million|mln|bln)\s+(?:dollars|euros?|pounds)\b",
    _I,
)
# An amount right before the deal, perhaps with a name between ("$40bn Arm deal"), or
# right after it ("deal worth $2bn", "deal valued at $2bn").
_AMOUNT_BEFORE: Final = re.compile(r"(?:" + _AMOUNT.pattern + r")\s+(?:[\w&.'’-]+\s+){0,2}$", _I)
_AMOUNT_AFTER: Final = re.compile(
    r"\s+(?:worth|valued\s+at|of|for)\s+(?:about\s+|around\s+|some\s+|up\s+to\s+)?"
    r"(?:US|C|A|HK)?(?:" + _AMOUNT.pattern + ")",
    _I,
)
_DEAL_NOUNS: Final = re.compile(r"\b(?:takeover|merger|acquisition|buy-?out)s?\b", _I)
# "Globex's deal", "deal for Initech", "deal with Initech".
_OWNED: Final = re.compile(r"['’]s\s+(?:[\w$€£.,&'’-]+\s+){0,3}$")
_FOR_NAME: Final = re.compile(r"\s+for\s+(?:[A-Z$@#]|[a-z]+\s+[A-Z])")
_WITH_NAME: Final = re.compile(r"\s+(?:for|with)\s+(?:[A-Z$@#]|[a-z]+\s+[A-Z])")
# A name right before the deal: "$40bn Arm deal".
_NAMED_BEFORE: Final = re.compile(r"(?<![\w'’])(?:[$@#][A-Za-z]|[A-Z])[\w&.'’-]*\s+$")
# A name right before the price: "#Globex $6.8B deal", "Globex (GLBX) $2bn deal".
_NAMED_PRICE_BEFORE: Final = re.compile(
    r"(?<![\w'’])(?:[$@#][A-Za-z]|(?-i:[A-Z]))[\w&.'’()-]*\s+(?:" + _AMOUNT.pattern + r")\s+$", _I
)
# Two cashtags before the deal: "the $GLBX $INTK deal", "$GLBX / $INTK = dumbest deal" (named
# pairs such as "Globex-Initech deal" are as often a partnership: they count when a regulator
# weighs them, below).
_PAIR_BEFORE: Final = re.compile(
    r"\$[A-Z]{1,5}\s*[,/&]?\s*\$[A-Z]{1,5}\s+(?:=\s*(?:[a-z]+\s+){0,2})?$"
)
# A deal a regulator or a rival weighs is a company deal: "FCC to approve Globex deal",
# "Senate review of Globex deal", "EU blessing for Initech deal", "opposition to X-Y deal".
_REVIEWED: Final = re.compile(
    r"\b(?:approv\w*|blessing|review\w*|antitrust|regulators?|regulatory|fcc|doj|ftc"
    r"|justice\s+department|opposition|oppos(?:e|es|ed|ing)|clear(?:s|ed|ance)|scrutin\w+"
    r"|prob(?:e|es|ed|ing)|vote\s+against)\b",
    _I,
)
# A named deal on its way to closing or cleared: "expects Initech deal to close", "Initech
# deal set to win EU approval", "Globex's Initech deal closes", "deal gets FCC nod".
_CLOSING_AFTER: Final = re.compile(
    r"\s+(?:(?:is|was|now|still)\s+)?(?:(?:expected|set|due|on\s+track|likely|poised|slated)\s+)?"
    r"to\s+(?:close|complete|be\s+(?:completed|closed|approved|cleared|finali[sz]ed)|go\s+through"
    r"|(?:win|gain|get|receive)\s+(?:\w+\s+){0,2}?(?:approval|nod|clearance|go-ahead))\b"
    r"|\s+(?:closes|closed|completed|approved|cleared)\b"
    r"|\s+(?:wins|won|gets|got|receives|received|gains|gained)\s+(?:\w+\s+){0,2}?"
    r"(?:approval|nod|clearance|go-ahead)\b",
    _I,
)
# A deal sealed by a named company: "Globex wraps (up) deal for ...", "seals $2bn deal for".
_SEALED_BEFORE: Final = re.compile(
    r"(?<![\w'’])(?:[$@#][A-Za-z]|[A-Z])[\w&.'’-]*\s+(?:wraps?|wrapped|clinch(?:es|ed)|seals?"
    r"|sealed|finali[sz]es|finali[sz]ed)\s+(?:up\s+)?(?:a\s+|the\s+|its\s+)?"
    r"(?:[$€£]\S+\s+(?:(?:million|billion|mln|bln|bn)\s+)?)?$"
)
_CLAUSE_BREAK: Final = re.compile(r"[;!?\n]|\.(?!\d)")
_WINDOW: Final = 60


def _clause(text: str, start: int, end: int) -> tuple[str, str]:
    """The deal's clause, cut in two at the word: what precedes it and what follows."""
    begin = 0
    for match in _CLAUSE_BREAK.finditer(text, max(0, start - _WINDOW), start):
        begin = match.end()
    stop = _CLAUSE_BREAK.search(text, end, end + _WINDOW)
    finish = stop.start() if stop else min(len(text), end + _WINDOW)
    return text[max(begin, start - _WINDOW) : start], text[end:finish]


def _word_before(before: str) -> str:
    """The last word before the deal, amounts skipped ("$2bn supply deal" -> "supply")."""
    words = [w for w in re.findall(r"[\w$€£.,'’-]+", before) if not _AMOUNT.fullmatch(w)]
    words = [w for w in words if not re.fullmatch(r"[$€£]?[\d.,]+\w{0,3}", w)]
    return words[-1].lower().strip(".,") if words else ""


def _other_kind(before: str, after: str) -> bool:
    """A trade, licensing, supply, media or sports deal, or "deal with it"."""
    if _word_before(before) in _KINDS or _NOT_A_PURCHASE_AFTER.match(after):
        return True
    if _FOR_A_PRODUCT.match(after):
        return True
    return _OTHER_KIND.search(before + " " + after) is not None


def _qualifies(text: str, before: str, after: str, context: bool) -> bool:
    if _CALLED_OFF.search(before) or _CALLED_OFF_AFTER.match(after) or _CLOSED_NAMED.search(before):
        return True
    owned = _OWNED.search(before) is not None
    price_after = _AMOUNT_AFTER.match(after)
    rest = after[price_after.end() :] if price_after else after
    # priced, and whose deal or for whom: "Nvidia's $40bn deal", "$40bn Arm deal", "deal for Y"
    priced = _AMOUNT_BEFORE.search(before) is not None or price_after is not None
    named_price = _NAMED_PRICE_BEFORE.search(before) is not None
    if priced and (owned or named_price or _NAMED_BEFORE.search(before) or _FOR_NAME.match(rest)):
        return True
    if _PAIR_BEFORE.search(before):
        return True
    named = owned or _NAMED_BEFORE.search(before) is not None
    if named and (_REVIEWED.search(before) or _CLOSING_AFTER.match(after)):
        return True
    if _SEALED_BEFORE.search(before) and _FOR_NAME.match(after):
        return True  # "Globex wraps deal for biopharma Initech" ("deal with" is as often a pact)
    with_name = _WITH_NAME.match(after) is not None
    return context and (owned or with_name) and _DEAL_NOUNS.search(text) is not None


def is_other_kind(text: str, start: int, end: int) -> bool:
    """Whether the deal word at ``text[start:end]`` is a trade, licensing, supply, media or
    sports deal (or "deal with it") by its clause."""
    before, after = _clause(text, start, end)
    return _other_kind(before, after)


def company_deals(text: str, *, context: bool = False) -> list[int]:
    """Character offsets of the words "deal" in ``text`` that name a company deal."""
    found: list[int] = []
    for match in _DEAL.finditer(text):
        before, after = _clause(text, match.start(), match.end())
        if not _other_kind(before, after) and _qualifies(text, before, after, context):
            found.append(match.start())
    return found


def has_company_deal(text: str) -> bool:
    """Whether ``text`` names a company deal by the word "deal" (cheap when it has none)."""
    return _DEAL.search(text) is not None and bool(company_deals(text))


# "Globex-Initech tax inversion deal", "$GLBX/$INTK deal": a glued pair, a few words between.
_GLUED_PAIR_BEFORE: Final = re.compile(
    r"(?<![\w'’])[$@#]?[A-Z][\w&.'’]*[-/][$@#]?[A-Z][\w&.'’]*\s+(?:[a-z][\w&-]*\s+){0,3}$"
)
# "deal with Initech", "Deal With Initech" (a headline), "deal for $INTK".
_WITH_NAMED: Final = re.compile(r"\s+(?:[Ff]or|FOR|[Ww]ith|WITH)\s+[A-Z$@#]")
# "deal at $108/sh for Initech", "deal at $5 a share for $INTK".
_PRICED_FOR_NAME: Final = re.compile(
    r"\s+at\s+(?:US)?[$€£]\s?\d[\d.,]*\w{0,3}(?:/sh(?:are)?|\s+(?:a|per)\s+share)?"
    r"\s+for\s+[A-Z$@#]"
)


def named_deals(text: str) -> list[int]:
    """Character offsets of the words "deal" that ``company_deals`` leaves out but whose
    parties are named: for reading roles in a post other cues already make a deal."""
    found: list[int] = []
    for match in _DEAL.finditer(text):
        before, after = _clause(text, match.start(), match.end())
        if _other_kind(before, after):
            continue
        if (
            _GLUED_PAIR_BEFORE.search(before)
            or _WITH_NAMED.match(after)
            or _PRICED_FOR_NAME.match(after)
        ):
            found.append(match.start())
    return found
