"""Regular-expression cues over raw text: the cheap pre-filter, deal status, amounts, old deals.

Everything here is a constant table of compiled patterns; nothing needs a parser, so
``has_ma_cue`` can decide which posts are worth parsing at all.
"""

from __future__ import annotations

import re
from typing import Final

from streams.signals.ma.deals import has_company_deal
from streams.signals.ma.evidence import cue_strength as cue_strength
from streams.signals.ma.model import Status
from streams.signals.ma.social import DEAL_WORDING

_I = re.IGNORECASE
# Up to 40 characters inside one clause; a decimal point ("$2.5bn") does not end it.
_GAP: Final = r"(?:[^.;]|\.(?=\d)){0,40}?"
# What is dropped while the deal goes on: "Drops Less-Is-More Strategy With Initech Bid",
# "drops its opposition to the merger", "drops lawsuit over the deal".
_DROPPED_GAP: Final = (
    r"(?:(?!\b(?:strategy|approach|stance|policy|tactics?|opposition|objections?|lawsuits?"
    r"|suit|challenge|conditions?|demands?|requirements?|probe|investigation|concerns?)\b)"
    r"(?:[^.;]|\.(?=\d))){0,40}?"
)

# Recall-oriented: a post without any of these never reaches the parser.
_CUE: Final = re.compile(
    r"\b(?:a(?:cq|q)ui(?:re[sdr]?|rers|ring|sitions?|siton)"
    r"|merg(?:e[sdr]?|ers|ing)|takeovers?|take-?overs?|tak(?:e|es|ing)\s+over|took\s+over"
    r"|buy-?outs?|buys?|bought|buying|purchas(?:e[sd]?|ing)"
    r"|tender\w*|bid|bids|bidding|offer(?:s|ed|ing)?|stakes?|holdings?|pct\s+of|percent\s+of"
    r"|lbo|control|dlrs?/shr|interests?"
    r"|sells?|sold|sale\s+of|divest\w*|spin-?off|spins?\s+off"
    r"|letter\s+of\s+intent|definitive\s+agreement|suitors?|bidders?|privati[sz]\w+"
    r"|(?:seek\w*|find|alternate|potential|prospective|possible|likely)\s+(?:a\s+)?(?:buyers?"
    r"|purchasers?)|dispos(?:es|ed|ing)\s+of|sale\s+(?:or|to)"
    r"|(?:units?|division|assets?|stores?|plants?|business|blocks?|fields?|mines?)\s+sale"
    r"|open\s+to\s+(?:a\s+)?sale|dlrs?[/-](?:per-)?sh(?:are|r)"
    r"|receiv\w*\s+[\d.]+\s+(?:mln|bln|million|billion)|pa(?:y|ys|id)\s+[\d.]+\s+(?:mln|bln)"
    r"|snap(?:s|ped)?\s+up|scoop(?:s|ed)?\s+up|pick(?:s|ed)?\s+up|swallow\w*"
    r"|acqu?i?-?hires?|snag(?:s|ged)|nab(?:s|bed)|grab(?:s|bed)|gobble[sd]|snatch(?:es|ed)\s+up"
    r"|pa(?:y|ys|id|ying)\s+(?:up\s+to\s+|about\s+|around\s+)?[$€£]|spen(?:d|ds|t)\s+[$€£])\b",
    _I,
)

# When an old deal happened: "in 2012", "back in 2015", "last year", "three years ago".
_LONG_AGO: Final = (
    r"(?:in\s+(?:(?:early|late|mid)[\s-]+)?(?:19|20)\d\d|back\s+in\s+(?:(?:19|20)\d\d|the\s+day)"
    r"|(?:\d+|a\s+few|few|two|three|four|five|several|many)\s+years\s+(?:ago|back)"
    r"|last\s+(?:year|decade|century))\b"
)
_PAST_GAP: Final = r"(?:[^.;]|\.(?=\d)){1,60}?"
_PAST_DEAL: Final = r"(?:acquired|bought|purchased|merged\s+with|took\s+over)"
# What an old deal cost, said after it: "... last year for $19.7bn".
_PAST_PRICE: Final = (
    r"(?:\s*,?\s+for\s+(?:about\s+|around\s+|some\s+)?(?:US|C|A)?[$€£]?\d[\d.,]*"
    r"(?:\s?(?:bn|b|billion|bln|mln|million|m|mn)\b)?)?"
)
# Old deals mentioned in passing: "since its 2016 acquisition of LinkedIn", "which bought Y in
# 2012", "bought Nuance last year for $19.7bn", "back in 2015 X bought Y", "remember when ...".
_PASSING: Final = re.compile(
    r"\b(?:since|after|following|before)\s+(?:its|their|the|his|her)\s+(?:(?:19|20)\d\d\s+)?"
    r"(?:acquisition|purchase|takeover|merger|buyout)\b"
    # "plans job cuts after Nokia acquisition": cuts, charges or woes after a named deal
    # done (not "after Nokia acquisition talks", nor "shares jump after Nokia acquisition")
    r"|\b(?:cuts?|layoffs?|jobs?|restructur\w*|integrat\w*|write-?downs?|charges?|impairments?"
    r"|struggl\w*|woes|troubles?|losses|lawsuits?|suits?|probes?|complaints?)\b[^.;!?]{0,40}?"
    r"\b(?:after|following|since)\s+(?-i:[#@]?[A-Z$][\w&.'’-]*)(?:\s+(?-i:[A-Z][\w&.'’-]*))?"
    r"\s+(?:acquisition|purchase|takeover|merger|buyout)\b(?!\s+(?:news|announcement|announced"
    r"|reports?|talks?|rumou?rs?|bid|offer|plans?|deal|agreement|approval|is|was|will|of|by"
    r"|collaps\w*|fails?|failed))"
    # "steps down from the Contoso board after buying the Clippers": a purchase as the reason
    r"|\b(?:steps?\s+down|stepping\s+down|resign\w*|quits?|leaves|leaving)\b[^.;!?]{0,40}?"
    r"\bafter\s+(?:buying|acquiring|purchasing)\b"
    r"|\b(?:which|that|who)\s+(?:had\s+)?"
    + _PAST_DEAL
    + r"\s+"
    + _PAST_GAP
    + r"\b"
    + _LONG_AGO
    + _PAST_PRICE
    # "tried to sell to Initech ... in 1998": an old attempt
    + r"|\b(?:acquired|bought|purchased|tried\s+to\s+(?:sell|buy|acquire))\s+(?:"
    + _PAST_GAP
    + r"\s+)?"
    + _LONG_AGO
    + _PAST_PRICE
    + r"|\bback\s+in\s+(?:(?:19|20)\d\d|the\s+day)\b[^.;?!]{0,60}?\b"
    + _PAST_DEAL
    + r"\b[^.;?!]{0,60}"
    + r"|\bremember\s+when\b[^.;?!]{0,100}"
    r"|\b(?:its|their|the)\s+(?:19|20)\d\d\s+(?:acquisition|purchase|takeover|merger)\b"
    r"|\bformerly\s+(?:owned|acquired)\s+by\b|\bnewly[\s-]acquired\b"
    r"|\bpreviously[\s-](?:acquired|bought|purchased)\b"
    # "the price it closed at when it bought Initech"
    r"|\bwhen\s+(?:it|they|he|she)\s+(?:bought|acquired|purchased)\b"
    # A deal that never happened: "remember when Yahoo almost bought Facebook?"
    r"|\b(?:almost|nearly)\s+(?:bought|acquired|purchased|merged\s+with|took\s+over)\b",
    _I,
)

# Deal status, checked in this order: the first family that matches wins.
_STATUS: Final[tuple[tuple[Status, re.Pattern[str]], ...]] = (
    (
        "denied",
        re.compile(
            r"\b(?:den(?:y|ies|ied|ying)|rejects?\s+(?:reports?|rumou?rs?|speculation)"
            r"|dismiss(?:es|ed)?\s+(?:reports?|rumou?rs?|speculation)|no\s+plans?\s+to"
            r"|not\s+(?:in\s+talks|for\s+sale|considering|interested))\b",
            _I,
        ),
    ),
    (
        "called_off",
        re.compile(
            r"\b(?:drop(?:s|ped|ping)?|abandon(?:s|ed|ing)?|withdraw(?:s|n|ing)?|withdrew"
            r"|terminat(?:e|es|ed|ing)|scrap(?:s|ped|ping)?|walk(?:s|ed)?\s+away\s+from"
            r"|call(?:s|ed)?\s+off|end(?:s|ed)?|cancel(?:s|led|ed)?|collaps(?:e|es|ed)"
            # "sues to block" / "moves to block": not blocked yet; an "Oil Block Sale" is none
            r"|pull(?:s|ed)?\s+out\s+of|(?:is|was)\s+off|(?<!\bto\s)(?:blocks?(?!\s+sale)|blocked))\b"
            + _DROPPED_GAP
            + r"\b(?:bid|offer|deal|merger|takeover|acquisition|talks|plan|proposal"
            r"|agreement|letter\s+of\s+intent|purchase|sale)\b"
            r"|\b(?:bid|offer|deal|merger|takeover|acquisition|talks|agreement)\s+"
            r"(?:was\s+|has\s+been\s+|is\s+)?(?:ended|terminated|called\s+off|off|collapsed"
            r"|abandoned|dropped|withdrawn|scrapped|cancell?ed)\b"
            # "Globex's bid for Initech fails", "the merger fell through"
            r"|\b(?:bid|offer|deal|merger|takeover|acquisition|talks|agreement)\b"
            + _GAP
            + r"\b(?:fail(?:s|ed)(?!\s+to\b)|f[ae]ll(?:s)?\s+through|collaps(?:es|ed)|laps(?:es|ed)"
            r"|called\s+off|scrapped|abandoned|terminated|cancell?ed|withdrawn)\b",
            _I,
        ),
    ),
    (
        "completed",
        re.compile(
            r"\b(?:complet(?:e|es|ed|ing)|clos(?:e|es|ed|ing)|finaliz(?:e|es|ed)|finalis(?:e|es"
            r"|ed)"
            r"|consummat(?:e|es|ed))\b" + _GAP + r"\b(?:acqui\w+|purchase|merger|takeover|sale"
            r"|buy-?out|deal|transaction)\b"
            r"|(?<!\bbe\s)\b(?:acquired|bought|purchased|merged\s+with|took\s+over|sold)\b"
            r"|\bhas\s+(?:acquired|bought|purchased)\b",
            _I,
        ),
    ),
    (
        "rumour",
        re.compile(
            r"\b(?:reportedly|report(?:s|ed)?\s+(?:say|said|that)|sources?\s+(?:say|said|close)"
            r"|people\s+familiar|in\s+(?:advanced\s+|early\s+|preliminary\s+|exclusive\s+)?talks"
            r"|(?:is|are)\s+(?:said|understood|believed)\s+to|consider(?:s|ing)|weigh(?:s|ing)"
            r"|explor(?:es|ing)|mull(?:s|ing)|eye(?:s|ing)|rumou?r\w*|speculat\w+|could\s+buy"
            r"|may\s+(?:buy|acquire|bid|sell)|interested\s+in|approach(?:es|ed)|held\s+talks"
            r"|seeks?|seeking|studying)\b",
            _I,
        ),
    ),
    (
        "announced",
        re.compile(
            r"\b(?:to\s+(?:acquire|buy|merge|purchase|sell|take\s+over)|agree[sd]?|agreement"
            r"|to\s+be\s+(?:acquired|bought|taken\s+over|merged|sold)"
            r"|announc\w+|acquires|buys|purchases|sells|merges|merge\s+to\s+form"
            r"|(?:will|would|is\s+to|are\s+to)\s+(?:acquire|buy|merge|purchase|sell|take\s+over)"
            r"|(?:is|are)\s+(?:acquiring|buying|purchasing|selling|taking\s+over)"
            r"|plans?\s+to|tender\s+offer|offer(?:s|ed)?|bids?|launch\w*|definitive"
            r"|letter\s+of\s+intent|signs?|signed|approv\w+|confirm\w*|merger|acquisition"
            r"|takeover|stake|pct|percent|deal)\b",
            _I,
        ),
    ),
)

_SCALE: Final = r"(?:bn|b|billion|bln|mln|million|mn|m|k|trillion|tn|mrd|crores?|lakhs?)"
_AMOUNT: Final = re.compile(
    r"(?:US|C|A|HK|NZ|S)?[$€£¥]\s?\d[\d.,]*(?:\s?" + _SCALE + r"\b)?"
    # ISO codes before the figure: "EUR 2.1bn", "NOK 5bn", "Rs 500 crore"
    r"|\b(?-i:USD|EUR|GBP|JPY|CNY|RMB|CHF|NOK|SEK|DKK|CAD|AUD|HKD|SGD|INR|Rs\.?)\s?\d[\d.,]*"
    r"(?:\s?" + _SCALE + r"\b)?"
    r"|\b\d[\d.,]*\s?(?:billion|bln|bn|mln|million|trillion|mrd\.?|crores?)\s+(?:dlrs|dollars"
    r"|euros?|stg|pounds|sterling|yen|marks|francs|lire|guilders|crowns|kron(?:er|or|a|e)"
    r"|rupees|yuan|pesos|won|rand)\b"
    r"|\b\d[\d.,]*\s?(?:dlrs|dollars|euros?)\b",
    _I,
)
# "$5bn" per share is a price, not a deal value.
_PER_SHARE: Final = re.compile(r"\s*(?:a|per)\s+share\b", _I)  # used with .match(text, pos)


def has_ma_cue(text: str) -> bool:
    """True when ``text`` contains any M&A cue word: only those posts go to the parser."""
    return (
        _CUE.search(text) is not None
        or has_company_deal(text)
        or any(pattern.search(text) for _, pattern in DEAL_WORDING)
    )


def passing_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges of the old-deal phrases in ``text``."""
    return [match.span() for match in _PASSING.finditer(text)]


def without_passing_mentions(text: str) -> str:
    """``text`` with the old-deal phrases blanked out (same length, so offsets still hold):
    they are no evidence of news."""
    return _PASSING.sub(lambda match: " " * len(match.group(0)), text)


def is_passing_mention(text: str) -> bool:
    """True when the deal wording describes an old deal ("since its 2016 acquisition of Y")."""
    return _PASSING.search(text) is not None


def detect_status(text: str) -> Status | None:
    """The deal's status from its wording, or None when nothing says."""
    for status, pattern in _STATUS:
        found = [m for m in pattern.finditer(text) if not _supposed(text, m.start())]
        if found:
            return status
    return None


# A deal's end only supposed: "If the Globex/Initech deal is terminated, Initech will pay ...".
_SUPPOSED: Final = re.compile(r"\b(?:if|unless|should|in\s+case|whether)\b[^.;!?]{0,60}$", _I)


def _supposed(text: str, start: int) -> bool:
    """Whether the status words at ``start`` follow an "if" in their sentence."""
    return _SUPPOSED.search(text, max(0, start - 60), start) is not None


def find_amount(text: str) -> str | None:
    """The first deal value written in ``text`` ("$5bn", "2.1 billion dlrs"), prices excluded."""
    for match in _AMOUNT.finditer(text):
        if not _PER_SHARE.match(text, match.end()):
            return match.group(0).strip()
    return None
