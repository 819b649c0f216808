"""What a reader is told is a deal: the M&A reading of a post, checked against its category.

The M&A rules read deal words; the category classifier reads what kind of post it is. A post
the classifier calls ``spam`` or ``chatter`` (a trader's take, stock-buying advice, a fund's
position, a columnist wondering who should buy whom) is not reported as a deal even when its
words read like one: on the team's held-out StockNet labels this check took M&A precision from
0.63 to 0.86 for a recall cost of 0.03 (``python -m bench.eval_signals --set test``). The
detector's score and parties are kept, so the reading stays visible; only ``is_ma`` changes.

It applies to social posts only (and to short posts of unknown origin): the classifier's cues
are those of social chatter, and on Reuters acquisition stories it calls one flagged story in
nine "chatter" (all-caps headlines, stake and share counts), so newswire, feeds and filings
keep the M&A rules' own verdict. An SEC filing's own item is never overruled.

Two kinds of chatter keep their deal, as the labelling guidelines count a comment on a
specific deal as M&A: a remark on a deal the post names by its two parties with a noun of one
buying the other ("the $GLBX $INTK merger right?", "Globex's purchase of Initech was
denied?"; not a bare "deal", as often a partnership), and a purchase told as done or under
way, the buyer right before the verb, in a sentence without a question, a wish, advice or
talk of shares ("Why Globex bought the Initech Post", "$GLBX buys Initech VR and stock
drops"). What the gate is for (a deal someone imagines or predicts, advice, a fund's or a
trader's buying) is written neither way: "Could Globex buy Initech?", "Globex will
eventually buy Initech", "Goldman says to buy $GLBX", "Soros Fund buys 500K shares of
Initech".
"""

from __future__ import annotations

import re
from typing import Final

from models.signals import Category, MASignal
from streams.signals.spans import SENTENCE

NOT_A_REPORT = frozenset({"spam", "chatter"})
SOCIAL_SOURCES = frozenset(
    {
        "twitter",
        "x",
        "mastodon",
        "bluesky",
        "hackernews",
        "linkedin",
        "facebook",
        "stocktwits",
        "reddit",
    }
)
# A post of unknown origin this short is read as a social post.
SHORT_POST = 400


def is_social(source: str, text: str) -> bool:
    """Whether the post is social text (by its source, or by its length when unknown)."""
    if source in SOCIAL_SOURCES:
        return True
    return source == "unknown" and len(text) <= SHORT_POST


# Nouns that name one company buying another; a bare "deal" does not (two companies' "deal"
# is as often a partnership: "the $IBM $AAPL deal announcement").
_DEAL_NOUN: Final = r"#?(?:merger|merge|tie-?up|combination|acquisition|takeover|buyout|purchase)"
# Between the two names of a pair: the first one's own ticker, a joining mark or "and", and
# the second one's cashtag or hashtag mark ("Globex $GLBX Initech", "Globex - Initech",
# "$GLBX $INTK", "Globex and Initech").
_BETWEEN: Final = r"(?:\s+\$[A-Za-z][A-Za-z.]*)?\s*(?:[-/–—+&,]|\band\b)?\s*[$#@]?"
# A few lower-case words describing the deal ("cable", "all-stock") before its noun.
_DESCRIBED: Final = r"(?:\s+(?-i:[a-z])[\w&-]*){0,3}?\s+"
# A purchase told as done or under way, the buyer right before the verb: "Globex buys
# Initech", "Why Globex bought the Initech Post", "#Globex Acquiring #Initech", "Globex
# buys stake in Initech", "$GLBX in talks to acquire $INTK ...: sources", "$GLBX bids for
# $INTK", "Globex takes $250M stake in Initech" (not "Globex will buy", "could buy", "is
# buying the ... put").
# After the subject's name: its own ticker, then "just", "finally" or "officially".
_SUBJECT_TAIL: Final = r"(?:\s+\$[A-Za-z][A-Za-z.]*)?\s+(?:(?:just|finally|officially)\s+)?"
_DONE: Final = (
    _SUBJECT_TAIL + r"(?:bought|buys|acquires|acquired|acquiring|purchased|purchases"
    # a deal reported under way: "$GLBX in talks to acquire $INTK", "Globex agrees to buy"
    r"|(?:is\s+)?in\s+(?:advanced\s+|early\s+|exclusive\s+|final\s+)?talks\s+to\s+(?:acquire|buy)"
    r"|agree[sd]?\s+to\s+(?:acquire|buy)"
    # the headline's announcement, the buyer right before "to": "Globex to buy Initech"
    r"|to\s+(?:acquire|buy)"
    # a bid made, a stake taken: "$GLBX bids for $INTK", "Globex takes $250M stake in Initech"
    r"|bids\s+for|(?:takes|took|has\s+taken)\s+(?:an?\s+)?(?:[$€£]?[\d.,]+\s*[mb]\w*\s+"
    r"|\d[\d.]*\s*%\s+)?(?:majority\s+|minority\s+)?stake\s+in"
    # a company's stake raised: "Globex raises stake in Initech"
    r"|(?:raises|raised|ups|upped|boosts|boosted|increases|increased|lifts|lifted)\s+"
    r"(?:its\s+)?stake\s+in)\s+(?:(?:a|an|the)\s+)?"
    r"(?:(?:majority\s+|minority\s+|big\s+)?stake\s+in\s+)?(?:(?:(?-i:[a-z])[\w-]*|[a-z]\.[a-z]\.)\s+){0,3}?"
)


def _name(name: str) -> str:
    return re.escape(name.lstrip("$#@"))


def _parties(ma: MASignal) -> tuple[str, str] | None:
    if ma.acquirer is None or ma.target is None:
        return None
    first, second = _name(ma.acquirer.name), _name(ma.target.name)
    return (first, second) if first and second else None


def names_the_deal(text: str, ma: MASignal) -> bool:
    """Whether ``text`` names the deal read in it by both its parties as one noun phrase:
    "the Globex-Initech merger", "$GLBX $INTK acquisition", "Globex and Initech cable
    merger", "Globex's purchase of Initech", "Globex takeover of Initech", "$GLBX's bid for
    Initech", "Initech rejects Globex's 'final' offer", "Globex's Initech Acquisition"."""
    parties = _parties(ma)
    if parties is None:
        return False
    first, second = parties
    pair = (
        rf"(?<![\w$#@])[$#@]?{first}{_BETWEEN}{second}(?:\s+\$[A-Za-z][A-Za-z.]*)?"
        rf"{_DESCRIBED}{_DEAL_NOUN}\b"
    )
    owned = (
        rf"(?<![\w$#@])[$#@]?{first}(?:'s|’s)?(?:\s+\$[A-Za-z]+)?(?:\s+(?-i:[a-z])[\w-]*){{0,2}}"
        rf"\s+(?:{_DEAL_NOUN}|bid)(?:\s+(?:pact|agreement|talks))?"
        rf"\s+(?:of|for|with)\s+(?:the\s+)?[$#@]?{second}\b"
    )
    # the target between the buyer's possessive and the noun: "Globex's Initech Acquisition"
    held = (
        rf"(?<![\w$#@])[$#@]?{first}(?:'s|’s)\s+[$#@]?{second}(?:\s+\$[A-Za-z][A-Za-z.]*)?"
        rf"\s+{_DEAL_NOUN}\b"
    )
    # a bid answered by its target: "Initech ... rejecting Globex's 'final' offer"
    answered = (
        rf"(?<![\w$#@])[$#@]?{second}\b[^.?!\n]{{0,40}}?\b(?:reject|rebuff|spurn|accept)\w*"
        rf"\s+[$#@]?{first}(?:'s|’s)?\s+(?:\S+\s+){{0,2}}?(?:bid|offer|proposal|approach)s?\b"
    )
    return any(re.search(p, text, re.IGNORECASE) for p in (pair, owned, held, answered))


# What makes a sentence no report: a question is caught apart (its "?"); these are a wish,
# advice or a guess, and talk of shares (a fund's or a trader's buying).
_NOT_TOLD: Final = re.compile(
    r"\b(?:should(?:n'?t)?|would|wish|hope|if|think|thinks|believe|guess|imo|imho|maybe|"
    r"perhaps|bet|unlikely|lol|needs?|(?<!\ba\s)(?<!\bper\s)shares?)\b",
    re.IGNORECASE,
)
# A buyer named like a fund or an investment firm: its buying is a position.
_FUND: Final = re.compile(
    r"\b(?:funds?|capital|management|partners|advis[eo]rs|investors?|investments?|assets?|"
    r"securities|wealth|portfolio)\b",
    re.IGNORECASE,
)


# The same told in the passive, the buyer last: "Initech just got bought out for $1bn from
# $GLBX", "Initech was acquired by Globex".
_DONE_PASSIVE: Final = (
    _SUBJECT_TAIL + r"(?:got|gets|was|were"
    r"|has\s+been|have\s+been|is\s+being)\s+(?:bought|acquired|purchased|snapped\s+up)(?:\s+out)?"
    r"[^.?!\n]{0,30}?\s(?:by|from)\s+"
)
# A company bought, described when not named: "Globex just bought a satellite company".
_DESCRIBED_TARGET: Final = (
    _SUBJECT_TAIL + r"(?:bought|buys|acquires|acquired|purchased|purchases)\s+(?:a|an)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:compan(?:y|ies)|startup|firm|maker|developer|business)\b"
)


# The target's own ticker before its name: "to buy $INTK Initech".
_OWN_TICKER: Final = r"(?:\$(?P<ticker>[A-Za-z][A-Za-z.]*)\s+)?"


def _abbreviates(ticker: str, name: str) -> bool:
    """Whether ``ticker``'s letters are ``name``'s in order ("GRPN", "Groupon"): the target's
    own ticker, not another company's before its product ("$AZN Anti-PD-L1")."""
    letters = iter(name.lower())
    return all(c in letters for c in ticker.lower() if c.isalpha())


def _told(first: str, second: str | None) -> re.Pattern[str]:
    buyer = rf"(?<![\w$#@])[$#@]?{first}"
    if second is None:
        return re.compile(rf"{buyer}{_DESCRIBED_TARGET}", re.IGNORECASE)
    bought = rf"(?<![\w$#@])[$#@]?{second}"
    # a tagged description before the target: "Acquiring #VidTube Channel #PixelWorks"
    tagged = r"(?:#\w+\s+(?:(?-i:[A-Z])\w*\s+)?)?"
    return re.compile(
        rf"{buyer}{_DONE}{tagged}{_OWN_TICKER}[$#@]?{second}\b|{bought}{_DONE_PASSIVE}[$#@]?{first}\b",
        re.IGNORECASE,
    )


def told_as_fact(text: str, ma: MASignal) -> bool:
    """Whether a sentence of ``text`` tells the purchase as done or under way, the buyer
    right before the verb and the target after it ("Why Globex bought the Initech Post",
    "$GLBX buys Initech VR and stock drops"), or in the passive ("Initech was bought out by
    $GLBX"), or a company described when none is named ("Globex just bought a satellite
    company"), with no question mark, wish, advice, guess or share talk in it, and a buyer not
    named like a fund."""
    if ma.acquirer is None or _FUND.search(ma.acquirer.name):
        return False
    if ma.target is None:
        told = _told(_name(ma.acquirer.name), None)
    elif (parties := _parties(ma)) is not None:
        told = _told(*parties)
    else:
        return False
    for match in SENTENCE.finditer(text):
        sentence = match.group(0)
        if (found := told.search(sentence)) is not None:
            ticker = found.groupdict().get("ticker")
            if ticker and ma.target is not None and not _abbreviates(ticker, ma.target.name):
                return False
            return "?" not in sentence and not _NOT_TOLD.search(sentence)
    return False


# Talk of a bid going round: "takeover chatter", "buyout rumors", "the rumor of a takeover".
_RUMOUR: Final = re.compile(
    r"\b(?:takeover|buyout|acquisition|merger|bid|m&a)\s+(?:chatter|speculation|rumou?rs?|talk"
    r"|buzz|whispers?)\b|\brumou?rs?\s+of\s+(?:an?\s+)?(?:takeover|buyout|bid|acquisition"
    r"|merger)\b",
    re.IGNORECASE,
)


def rumoured(text: str, ma: MASignal) -> bool:
    """Whether ``text`` speaks of talk of a deal going round and names the target read:
    "$INTK renewed takeover chatter", "Initech up on buyout rumors", "Is the rumor of a
    takeover of $INTK true?". The guidelines count a rumour of a specific deal as M&A; a
    columnist's own guess ("Could Initech be a takeover target?") is no rumour."""
    if ma.target is None or not _RUMOUR.search(text):
        return False
    target = _name(ma.target.name)
    return bool(target) and re.search(rf"(?<![\w$#@])[$#@]?{target}\b", text, re.I) is not None


def reported_deal(
    ma: MASignal,
    category: Category,
    *,
    social: bool = True,
    filing: bool = False,
    text: str = "",
) -> MASignal:
    """``ma`` with ``is_ma`` false when a social post is spam or chatter (filings excepted),
    unless it is chatter about a deal ``text`` names by both parties (``names_the_deal``),
    tells as a fact (``told_as_fact``) or speaks of as a rumour going round (``rumoured``)."""
    if not ma.is_ma or filing or not social or category.label not in NOT_A_REPORT:
        return ma
    if category.label == "chatter" and (
        names_the_deal(text, ma) or told_as_fact(text, ma) or rumoured(text, ma)
    ):
        return ma
    return ma.model_copy(update={"is_ma": False, "status": None})
