"""Regular-expression cues over raw text: the cheap pre-filter, deal status, amounts, old deals.

Everything here is a constant table of compiled patterns; nothing needs a parser, so
``has_ma_cue`` can decide which posts are worth parsing at all.
"""

from __future__ import annotations

import re
from typing import Final

from streams.signals.ma.model import Status

_I = re.IGNORECASE

# Recall-oriented: a post without any of these never reaches the parser.
_CUE: Final = re.compile(
    r"\b(?:acqui(?:re[sdr]?|rers|ring|sitions?|siton)"
    r"|merg(?:e[sdr]?|ers|ing)|takeovers?|take-?overs?|tak(?:e|es|ing)\s+over|took\s+over"
    r"|buy-?outs?|buys?|bought|buying|purchas(?:e[sd]?|ing)"
    r"|tender\w*|bid|bids|bidding|offer(?:s|ed|ing)?|stakes?|holdings?|pct\s+of|percent\s+of"
    r"|lbo|control|dlrs?/shr|interests?"
    r"|sells?|sold|sale\s+of|divest\w*|spin-?off|spins?\s+off"
    r"|letter\s+of\s+intent|definitive\s+agreement"
    r"|snap(?:s|ped)?\s+up|scoop(?:s|ed)?\s+up|pick(?:s|ed)?\s+up|swallow\w*"
    r"|acqu?i?-?hires?|snag(?:s|ged)|nab(?:s|bed)|grab(?:s|bed)|gobble[sd]|snatch(?:es|ed)\s+up"
    r"|pa(?:y|ys|id|ying)\s+(?:up\s+to\s+|about\s+|around\s+)?[$€£]|spen(?:d|ds|t)\s+[$€£])\b",
    _I,
)

# (weight, pattern): evidence that the text reports a deal. Summed, then squashed.
_POSITIVE: Final[tuple[tuple[float, re.Pattern[str]], ...]] = (
    (1.0, re.compile(r"\bacqui(?:re[sd]?|ring|sitions?|siton)\b", _I)),
    (1.0, re.compile(r"\bmerg(?:e[sd]?|er|ing)\b", _I)),
    (1.0, re.compile(r"\b(?:takeover|take-?over|buy-?out)s?\b|\btak(?:e|es|ing)\s+over\b", _I)),
    (1.0, re.compile(r"\btender\s+offer|\bletter\s+of\s+intent\b|\bdefinitive\s+agreement\b", _I)),
    (0.8, re.compile(r"\b(?:bid|offer|proposal)\s+(?:for|to\s+(?:buy|acquire))\b", _I)),
    (
        0.9,
        re.compile(
            r"\b(?:sells?|sold|selling|sale\s+of|divest\w*|to\s+sell)\s+(?:(?:its|a|the|his|their"
            r"|an?|\d[\d.,]*)\s+)?(?:[\w-]+\s+){0,3}?(?:units?|division|subsidiar\w+|stakes?|interest"
            r"|holdings?|operations|assets|business(?:es)?|shares\s+in|pct|percent|company|bank"
            r"|plant|mill|stores?|newspapers?|stations?)\b",
            _I,
        ),
    ),
    (0.9, re.compile(r"\bstake\b|\b\d[\d.,]*\s*(?:pct|percent|%)\s+(?:of|in)\b", _I)),
    (
        0.7,
        re.compile(
            r"\b(?:buys?|bought|buying|to\s+buy|purchases?|purchased)\s+(?:(?:its|a|the|an)\s+)?"
            r"(?:[\w-]+\s+){0,3}?(?:units?|division|subsidiar\w+|company|firm|maker|bank|startup"
            r"|business|operations|assets|chain|group|stake|interest|shares\s+of|stations?)\b",
            _I,
        ),
    ),
    (
        0.6,
        re.compile(r"\b(?i:buys?|bought|to\s+buy|purchases?)\s+(?:[A-Z][\w&.'-]*|<)"),
    ),
    (
        0.9,
        re.compile(
            r"\b(?:to|agreed\s+to|agrees?\s+to|will|would|plans\s+to)\s+(?:buy|purchase"
            r"|acquire|aquire|take\s+over)\b|\b(?:purchase|sale)\s+of\s+(?:[A-Z]|its\b)",
            _I,
        ),
    ),
    (0.6, re.compile(r"\b(?:to\s+sell|agreed\s+to\s+sell|sells|sold|selling|sale)\b", _I)),
    (0.8, re.compile(r"\blbo\b|\bseek\w*\s+control\b", _I)),
    (
        0.8,
        re.compile(
            r"\b(?:pa(?:y|ys|id|ying)|spen(?:d|ds|t))\s+(?:up\s+to\s+|about\s+|around\s+)?"
            r"[$€£]\S*(?:\s+(?:million|billion|mln|bln|bn|m))?\s+(?:in\s+cash\s+)?(?:for|on)\b",
            _I,
        ),
    ),
    (
        0.8,
        re.compile(
            r"\bbid(?:s|ding)?\b[^.;]{0,50}?\bfor\b|\btender\b|\bcontrol\s+of\b"
            r"|\b(?:holding|stake|interest)\s+(?:in|to)\b|\boffers?\s+to\s+(?:buy|acquire)\b"
            r"|\boffer(?:s|ed|ing)?\b[^.;]{0,60}?\b(?:a|per)\s+share\b"
            r"|\bdlrs?\s*(?:a|per|/)\s*(?:share|shr)\b",
            _I,
        ),
    ),
    (0.6, re.compile(r"\bbids?\b", _I)),
    (
        0.5,
        re.compile(
            r"\bsnap(?:s|ped)?\s+up|\bscoop(?:s|ed)?\s+up|\bswallow\w*|\bacqu?i?-?hires?\b"
            r"|\b(?:snag(?:s|ged)|nab(?:s|bed)|grab(?:s|bed)|pick(?:s|ed)?\s+up)\s+[A-Z]",
            _I,
        ),
    ),
)

# Evidence against: commodity purchases, buy-backs, debt issues, results. Subtracted.
_NEGATIVE: Final[tuple[tuple[float, re.Pattern[str]], ...]] = (
    (
        1.2,
        re.compile(
            r"\b(?:tonnes?|bushels?|bales?|barrels?|wheat|corn|maize|grain|sugar|soy\w*|rice"
            r"|cocoa|coffee|cotton|rapeseed|sorghum|barley|oats|cattle|vessels?|cargoes)\b",
            _I,
        ),
    ),
    (
        1.0,
        re.compile(
            r"\bbuy-?backs?\b|\brepurchas\w+|\bbuy\s+back\b|\b(?:treasury\s+(?:bills|bonds"
            r"|notes)|eurobonds?|debentures|note\s+issue|bond\s+issue|open\s+market\s+operations)\b",
            _I,
        ),
    ),
    (
        1.0,
        re.compile(
            r"\b(?:qtr|shr|shrs|revs|mths|net\s+(?:income|profit|loss)|dividend|div|payout"
            r"|(?:year|qtr|quarter)\s+(?:net|loss|profit)|downgrad\w*|upgrad\w*|ratings?"
            r"|affirm(?:s|ed)?|credit\s+(?:line|facility)|recapitali[sz]ation)\b",
            _I,
        ),
    ),
    (
        0.8,
        re.compile(
            r"\b(?:money\s+market|liquidity|repurchase\s+pact|t-bills|(?:securities|stock|public"
            r"|initial|debt|share)\s+offering|warrants|shelf|notes\s+due|debt\s+securities"
            r"|dollars|yen|currenc\w+|interven\w+|central\s+bank|goods|tankers|aircraft"
            r"|planes|unemployment)\b",
            _I,
        ),
    ),
)
# Where a story's own headline or first sentence ends.
_HEAD_END: Final = re.compile(r"\n|(?<=[a-z0-9][.!?])\s+(?=[A-Z\"'“])")
# Deal words in the body count for less than in the headline.
_BODY_WEIGHT: Final = 0.6

# Old deals mentioned in passing: "since its 2016 acquisition of LinkedIn", "which bought Y in 2012".
_PASSING: Final = re.compile(
    r"\b(?:since|after|following|before)\s+(?:its|their|the|his|her)\s+(?:(?:19|20)\d\d\s+)?"
    r"(?:acquisition|purchase|takeover|merger|buyout)\b"
    r"|\b(?:which|that|who)\s+(?:had\s+)?(?:acquired|bought|purchased|merged\s+with|took\s+over)"
    r"\s+[^.;]{1,60}?\b(?:in|back\s+in)\s+(?:19|20)\d\d\b"
    r"|\b(?:acquired|bought|purchased)\s+(?:[^.;]{1,60}?\s+)?(?:in\s+(?:19|20)\d\d|\d+\s+years\s+ago"
    r"|last\s+(?:decade|century))\b"
    r"|\b(?:its|their|the)\s+(?:19|20)\d\d\s+(?:acquisition|purchase|takeover|merger)\b"
    r"|\bformerly\s+(?:owned|acquired)\s+by\b",
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
            r"|pull(?:s|ed)?\s+out\s+of|(?:is|was)\s+off|blocks?|blocked)\b"
            r"[^.;]{0,40}?\b(?:bid|offer|deal|merger|takeover|acquisition|talks|plan|proposal"
            r"|agreement|letter\s+of\s+intent|purchase|sale)\b"
            r"|\b(?:bid|offer|deal|merger|takeover|acquisition|talks|agreement)\s+"
            r"(?:was\s+|has\s+been\s+|is\s+)?(?:ended|terminated|called\s+off|off|collapsed"
            r"|abandoned|dropped|withdrawn|scrapped|cancell?ed)\b",
            _I,
        ),
    ),
    (
        "completed",
        re.compile(
            r"\b(?:complet(?:e|es|ed|ing)|clos(?:e|es|ed|ing)|finaliz(?:e|es|ed)|finalis(?:e|es|ed)"
            r"|consummat(?:e|es|ed))\b[^.;]{0,40}?\b(?:acqui\w+|purchase|merger|takeover|sale"
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
            r"|announc\w+|acquires|buys|purchases|sells"
            r"|(?:will|would|is\s+to|are\s+to)\s+(?:acquire|buy|merge|purchase|sell|take\s+over)"
            r"|plans?\s+to|tender\s+offer|offer(?:s|ed)?|bids?|launch\w*|definitive"
            r"|letter\s+of\s+intent|signs?|signed|approv\w+|confirm\w*|merger|acquisition"
            r"|takeover|stake|pct|percent)\b",
            _I,
        ),
    ),
)

_AMOUNT: Final = re.compile(
    r"(?:US|C|A|HK|NZ|S)?[$€£¥]\s?\d[\d.,]*(?:\s?(?:bn|b|billion|bln|mln|million|mn|m|k"
    r"|trillion|tn)\b)?"
    r"|\b\d[\d.,]*\s?(?:billion|bln|bn|mln|million|trillion)\s+(?:dlrs|dollars|euros?|stg"
    r"|pounds|sterling|yen|marks|francs|lire|guilders|crowns|rupees|yuan|pesos)\b"
    r"|\b\d[\d.,]*\s?(?:dlrs|dollars|euros?)\b",
    _I,
)
# "$5bn" per share is a price, not a deal value.
_PER_SHARE: Final = re.compile(r"\s*(?:a|per)\s+share\b", _I)  # used with .match(text, pos)


def has_ma_cue(text: str) -> bool:
    """True when ``text`` contains any M&A cue word: only those posts go to the parser."""
    return _CUE.search(text) is not None


def _evidence(text: str) -> float:
    """The strongest positive cue (plus a little per extra one) minus the negative cues."""
    weights = [weight for weight, pattern in _POSITIVE if pattern.search(text)]
    if not weights:
        return 0.0
    positive = max(weights) + 0.2 * (len(weights) - 1)
    negative = sum(weight for weight, pattern in _NEGATIVE if pattern.search(text))
    return positive - negative


def cue_strength(text: str) -> float:
    """Keyword evidence in 0..1 that ``text`` reports a deal.

    The headline (first line or sentence) counts in full; the rest of the text at
    ``_BODY_WEIGHT``, so a results story that mentions an acquisition stays low.
    """
    head = _HEAD_END.split(text.strip(), maxsplit=1)[0]
    raw = max(_evidence(head), _BODY_WEIGHT * _evidence(text))
    return max(0.0, min(1.0, raw))


def without_passing_mentions(text: str) -> str:
    """``text`` with the old-deal phrases blanked out: they are no evidence of news."""
    return _PASSING.sub(" ", text)


def is_passing_mention(text: str) -> bool:
    """True when the deal wording describes an old deal ("since its 2016 acquisition of Y")."""
    return _PASSING.search(text) is not None


def detect_status(text: str) -> Status | None:
    """The deal's status from its wording, or None when nothing says."""
    for status, pattern in _STATUS:
        if pattern.search(text):
            return status
    return None


def find_amount(text: str) -> str | None:
    """The first deal value written in ``text`` ("$5bn", "2.1 billion dlrs"), prices excluded."""
    for match in _AMOUNT.finditer(text):
        if not _PER_SHARE.match(text, match.end()):
            return match.group(0).strip()
    return None
