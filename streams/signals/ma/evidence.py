"""Keyword evidence that a text reports a deal: weighted cue tables, headline vs body.

Positive cues (deal verbs and nouns, stake and price wording) are weighed against negative
ones (commodity trades, buy-backs, debt and share issues, results and outlooks). The
headline counts in full, the body less; a body that repeats the headline's deal adds a bonus.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

from streams.signals.ma.chatter import CHATTER
from streams.signals.ma.deals import has_company_deal
from streams.signals.ma.names import GRABBED
from streams.signals.ma.social import DEAL_WORDING, NOT_A_DEAL

_GRABBED: Final = "|".join(sorted(GRABBED))

_I = re.IGNORECASE
# What a deal buys when it is not named.
_COMPANY_NOUNS: Final = (
    r"(?:units?|division|subsidiar\w+|company|firm|maker|bank|startup|business|operations"
    r"|assets|chain|group|stake|interest|retailer|rival|operator|stations?|developer|provider)\b"
)

# Things bought that are no company, written in Title Case ("Apple Just Bought Equipment").
_GOODS: Final = r"(?:Equipment|Machines|Machinery|Gear|Land|Property|Supplies|Shares|Stock)\b"

# Control of a company named ("takes full control of Initech", "seeks control of $INTK"), not a
# customer's "more control of their orders" nor "took control of the #cloud".
_CONTROL_OF: Final = r"\bcontrol\s+of\s+(?:the\s+)?(?:[$@]|#?(?-i:[A-Z]))"
# A holding or an interest in a company: one held ("its interest in", "a 20% holding in",
# "minority interest in"), not a company named "... Holding" ("Partners With Meraas Holding In
# Dubai") nor interest as attention ("Interest In Globex's Phone Soars", "Globex's interest in
# asthma"); a company's interest in a company is a deal talked of ("Globex's interest in
# Initech").
_HOLDING_IN: Final = (
    r"(?:['’]s\s+interest\s+in\s+(?:[$@]|#?(?-i:[A-Z])))|(?:\b(?:an|its|their|his|her"
    r"|the\s+(?:remaining|entire)|entire|remaining|whole|majority"
    r"|minority|equity|controlling|ownership|working|economic|\d[\d.,]*\s*(?:%|pct|percent))"
    r"\s+(?:[\w-]+\s+)?(?:holding|interest)\s+(?:in|to)\b)"
)
# Goods named as a line of business are no trade in them: "sell meat snacks business".
_NOT_A_BUSINESS: Final = (
    r"(?!\s+(?:[\w-]+\s+)?(?:business(?:es)?|units?|divisions?|brands?|operations|arm)\b)"
)
# A government tendering licences or blocks is no takeover ("to tender two exploration blocks").
_NOT_TENDERED_RIGHTS: Final = (
    r"(?!\s+(?:[\w-]+\s+){0,5}?(?:blocks?|licen[cs]es?|concessions?|contracts?|permits?)\b)"
)

# (weight, pattern): evidence that the text reports a deal. Summed, then squashed.
_POSITIVE: Final[tuple[tuple[float, re.Pattern[str]], ...]] = (
    # not in a compound adjective ("community-acquired pneumonia")
    (1.0, re.compile(r"(?<![a-z]-)\ba(?:cq|q)ui(?:re[sd]?|ring|sitions?|siton)\b", _I)),
    (1.0, re.compile(r"\bmerg(?:e[sd]?|er|ing)\b", _I)),
    (1.0, re.compile(r"\b(?:takeover|take-?over|buy-?out)s?\b", _I)),
    # "takes over Initech", "takes over the struggling retailer": not "takes over the market"
    # or "takes over as CEO".
    (
        1.0,
        re.compile(
            r"\btak(?:e|es|ing)\s+over\s+(?!(?:as|from)\b)(?:(?!(?:the|a|an)\b)(?-i:[A-Z$#@])"
            r"|(?:(?:the|a|an|its)\s+)?(?:[\w-]+\s+){0,3}?" + _COMPANY_NOUNS + r")",
            _I,
        ),
    ),
    (1.0, re.compile(r"\btender\s+offer|\bletter\s+of\s+intent\b|\bdefinitive\s+agreement\b", _I)),
    (0.8, re.compile(r"\b(?:bid|offer|proposal)\s+(?:for|to\s+(?:buy|acquire))\b", _I)),
    (
        0.9,
        re.compile(
            r"\b(?:sells?|sold|selling|sale\s+of|divest\w*|to\s+sell)\s+(?:(?:its|a|the|his|their"
            r"|an?|\d[\d.,]*)\s+)?(?:(?!to\b|for\b)[\w.,'&/-]+\s+){0,4}?(?:units?|division"
            r"|subsidiar\w+"
            r"|stakes?|interests?|holdings?|operations|assets|business(?:es)?|shares\s+(?:in|of)"
            r"|pct|percent"
            r"|company|bank|plants?|mills?|stores?|newspapers?|stations?|properties|offices|line"
            r"|position|chain|affiliate)\b",
            _I,
        ),
    ),
    (
        0.9,
        re.compile(
            r"\bstake\b|\b\d[\d.,]*\s*(?:pct|percent|%)\s+(?:of|in)\b(?!\s+(?:(?:19|20)\d\d|jan\w*"
            r"|feb\w*|march|april|may|june|july|aug\w*|sep\w*|oct\w*|nov\w*|dec\w*|the\s+(?:first"
            r"|second|third|fourth|year|quarter|month|week)|capacity))",
            _I,
        ),
    ),
    (
        0.7,
        re.compile(
            r"\b(?:buys?|bought|buying|to\s+buy|purchases?|purchased)\s+(?:(?:its|a|the|an)\s+)?"
            r"(?:[\w/-]+\s+){0,3}?(?:shares\s+of|" + _COMPANY_NOUNS + ")",
            _I,
        ),
    ),
    (
        0.6,
        # a name or a company's handle ("bought @Initech")
        re.compile(r"\b(?i:buys?|bought|buying|to\s+buy|purchases?)\s+(?:[A-Z][\w&.'-]*|<|@[A-Z])"),
    ),
    (
        0.9,
        re.compile(
            r"\b(?:to|agreed\s+to|agrees?\s+to|will|would|plans\s+to)\s+(?:buy|purchase"
            r"|acquire|aquire|take\s+over(?!\s+(?:as|from)\b))\b"
            r"|\b(?:purchase|sale)\s+of\s+(?:[A-Z]|its\b)"
            # the passive: "Initech agrees to be bought by Globex"
            r"|\bto\s+be\s+(?:bought|purchased|taken\s+over)\b"
            r"|\b(?:bought(?:\s+out)?|purchased|taken\s+over)\s+by\s+(?-i:[A-Z$#@])",
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
            r"\bbid(?:s|ding)?\b(?:[^.;]|\.\d){0,50}?\bfor\b|\btender\b"
            + _NOT_TENDERED_RIGHTS
            + r"|"
            + _CONTROL_OF
            + r"|\bstake\s+(?:in|to)\b|"
            + _HOLDING_IN
            + r"|\boffers?\s+to\s+(?:buy|acquire)\b"
            # "Globex Offers $389M for Initech's India Units"
            r"|\boffer(?:s|ed)\s+[$€£]\d[\d.,]*\s*(?:bn|b|billion|m|mn|million|mln|bln)?\s+for\s+"
            r"(?-i:[A-Z$#])"
            r"|\boffer(?:s|ed|ing)?\b[^.;]{0,60}?\b(?:a|per)\s+share\b"
            r"|\bdlrs?\s*(?:a|per|/)\s*(?:share|shr)\b",
            _I,
        ),
    ),
    (0.6, re.compile(r"\bbids?\b", _I)),
    # A target answering a bid: "Initech rejects Globex bid", "spurns Hooli's $1bn offer".
    (
        0.9,
        re.compile(
            r"\b(?:reject|rebuff|spurn|accept)(?:s|ed|ing)?\s+(?:(?:a|an|the|its|new|revised"
            r"|latest|sweetened|improved|hostile|unsolicited|final|formal|initial)\s+)*"
            r"(?:(?:(?-i:[A-Z$#@])[\w&.'’-]*"
            r"|[$€£]?\d[\d.,]*\s*(?:bn|b|billion|mln|million|m)?|takeover|buyout|acquisition"
            # a quoted or hyphenated word: "Globex's 'final' offer", "take-it-or-leave-it offer"
            r"|merger|all-cash|cash|[‘'\"“][\w-]+[’'\"”]|[a-z]+(?:-[a-z]+)+)\s+){1,4}"
            r"(?:bid|offer|proposal|approach)s?\b"
            # "rejects Globex offer to settle": an offer to do something else
            r"(?!\s+to\s+(?!(?:buy|acquire|purchase|merge|take\s+over)\b))",
            _I,
        ),
    ),
    (
        0.9,
        re.compile(
            r"\b(?:sells?|sold|selling|to\s+sell|buys?|bought|to\s+buy)\s+[^.;]{1,60}?\bfor\s+"
            r"(?:about\s+|around\s+|some\s+)?[$€£]?\d[\d.,]*\s*(?:(?:mln|bln|million|billion"
            r"|bn|m)\b\s*(?:dlrs|dollars|stg|pounds|euros?|yen|francs|marks)?|dlrs|dollars|stg"
            r"|pounds|euros?)\b(?!\s*(?:a|per)\s+(?:share|tonne|ton|barrel|ounce|pound))",
            _I,
        ),
    ),
    # A fight or a finished deal worded around the noun: "unsolicited bid", "completes unit sale".
    (
        1.0,
        re.compile(
            r"\b(?:hostile|unsolicited|unfriendly|rival|competing|higher|revised|sweetened|amended"
            r"|improved)\s+(?:[\w.,/-]+\s+){0,3}?(?:bids?|offers?|tender|proposals?)\b"
            r"|\b(?:complet|clos|finali[sz])\w*\s+(?:the\s+"
            r"|its\s+)?(?:previously[\s-]announced\s+)?"
            r"(?:[\w-]+\s+){0,2}?(?:sale|purchas\w*|acquisition|merger|takeover|buy-?out)\b",
            _I,
        ),
    ),
    (
        0.9,
        re.compile(
            r"\b(?:units?|division|subsidiary|stake|store|stores|plant|assets?|business|operations"
            r"|shares?|interest|holding|blocks?|fields?|mines?)\s+(?:sale|purchase)\b|\bshares?\s+for\s+each\b"
            r"|\b(?:bids?|offers?|proposals?)\s+from\s+(?-i:[A-Z])|\bcontrolling\s+(?:interest"
            r"|stake)\b"
            r"|\b(?:sells?|sold|selling|sale|to\s+sell)\b[^.;]{0,80}?\bto\s+(?-i:[A-Z])"
            r"|\b(?:seek\w*|find|retain\w*[^.;]{0,40}?to\s+(?:seek|find))\s+(?:a\s+)?(?:buyers?"
            r"|purchasers?)\b|\b(?:potential|prospective|alternate|possible|likely)\s+(?:buyers?"
            r"|purchasers?|acquirers?|suitors?|bidders?)\b|\bsuitors?\b|\bprivati[sz]\w+"
            r"|\bdispos(?:es|ed|ing)\s+of\b"
            r"|\b(?:owns?|holds?|held|controls?|now\s+has)\s+(?:about\s+|some\s+|a\s+)?\d[\d.,]*"
            r"\s*(?:pct|percent|%)"
            r"|\b(?:buys?|bought|purchas\w+|acquir\w+|sells?|sold)\s+(?:another\s+"
            r"|an\s+additional\s+)?"
            r"(?:[\d.,]+\s*(?:mln|million)|\d{3},\d{3}|\d{1,3}(?:,\d{3}){2,})\s+"
            r"(?:[\w.-]+\s+){0,3}?(?:shares|shrs)\b",
            _I,
        ),
    ),
    (
        0.8,
        re.compile(
            r"\b(?:receiv\w*|gets?|pa(?:y|ys|id|ying)|fetch\w*)\s+(?:up\s+to\s+|about\s+)?"
            r"[$€£]?\d[\d.,]*\s*(?:mln|bln|million|billion)?\s*(?:dlrs?|stg|pounds|dollars"
            r"|francs|marks|yen)?(?:[/-](?:share|shr))?\s+(?:in\s+cash\s+)?for\b"
            r"|\bdlrs?[/-](?:per[/-])?(?:share|shr)\b|\bper[\s-]share\s+(?:cash\s+)?(?:offer|bid"
            r"|tender)\b",
            _I,
        ),
    ),
    # A company swallowed ("Lenovo Swallows Motorola"), not "swallows itself" or "your pride";
    # a company open to a sale ("Initech is open to a sale"); a named bidder's latest offer
    # ("Respond To Latest Initech $INTK Offer").
    (
        0.8,
        re.compile(
            r"\bswallow(?:s|ed|ing)?\s+(?!(?:it|its|itself|the|a|an|this|that|your|my|our"
            r"|their|his|her|them|up)\b)(?-i:[A-Z$@#])"
            r"|\bopen\s+to\s+(?:a\s+)?(?:sale|takeover|merger|buyout|offers?\s+for)\b"
            r"|\b(?:latest|final)\s+(?:(?-i:[A-Z$])[\w$.&'’-]*\s+){1,3}(?:bid|offer|proposal)\b",
            _I,
        ),
    ),
    (
        0.5,
        re.compile(
            r"\bsnap(?:s|ped)?\s+up|\bscoop(?:s|ed)?\s+up|\bswallow\w*|\bacqu?i?-?hires?\b"
            r"|\b(?:snag(?:s|ged)|nab(?:s|bed)|grab(?:s|bed)|pick(?:s|ed)?\s+up)\s+"
            rf"(?!(?:{_GRABBED})\b)(?-i:[A-Z@#])",
            _I,
        ),
    ),
)

# Evidence against: commodity purchases, buy-backs, debt issues, results. Subtracted.
_NEGATIVE: Final[tuple[tuple[float, re.Pattern[str]], ...]] = (
    (
        1.2,
        re.compile(
            r"(?<!#)\b(?:tonnes?|bushels?|bales?|barrels?|wheat|corn|maize|grain|sugar|soy\w*|rice"
            r"|cocoa|coffee|cotton|rapeseed|sorghum|barley|oats|cattle|vessels?|cargoes)\b"
            r"(?!\s+(?:mills?|co|corp|inc|ltd|plc|industries|group|company|corporation)\b)"
            + _NOT_A_BUSINESS,
            _I,
        ),
    ),
    (
        1.0,
        re.compile(
            r"\bbuy-?backs?\b|\brepurchas\w+|\bbuy\s+back\b|\b(?:treasury\s+(?:bills|bonds"
            r"|notes)|eurobonds?|debentures|note\s+issue|bond\s+issue"
            r"|open\s+market\s+operations)\b",
            _I,
        ),
    ),
    (
        1.0,
        re.compile(
            r"(?<![/-])\bshr\b(?!\s*(?:cash|in\b))|\b(?:qtr|revs|mths|net\s+(?:income|profit"
            r"|loss)|dividend|div|payout"
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
            # money bought or sold ("buys dollars"), not "billions of dollars" or a pun
            # ("Dial-Up for Dollars")
            r"|(?<!\bof\s)(?<!\bfor\s)dollars|yen|currenc\w+|interven\w+|central\s+bank|goods|tankers"
            r"|aircraft(?!\s+(?:co|corp|inc|ltd|plc)\b)"
            r"|planes|unemployment)\b",
            _I,
        ),
    ),
    # Money-market and debt paper, outlook stories ("X SEES HIGHER 1988 NET").
    (
        1.0,
        re.compile(
            # "bills", "T-BILLS", not the person "Bill Smith"
            r"(?<!#)\b(?:t-?bills?|(?-i:bills?|BILLS?)|notes|bonds|coupon|auction|crude|underwrit\w+"
            r"|treasury|tap\s+stocks?|loans|coins?|peanuts?)\b"
            r"|\bbond\s+(?:issues?|markets?|yields?|prices?|futures|tender|auction|offering)\b"
            r"|\bsees\s+(?:\S+\s+){0,2}?(?:gain|loss|net|earnings|profit|results|year|quarter"
            r"|growth"
            r"|sales|revenues?|dilution)\b",
            _I,
        ),
    ),
    # Buying its own shares, M&A as a job title, credit deals, goods trades, rights issues.
    (
        1.0,
        re.compile(
            r"\b(?:buy|purchase|repurchase)\w*\s+(?:back\s+)?(?:up\s+to\s+)?[\d.,]+\s*(?:mln\s+"
            r"|million\s+)?(?:(?:common\s+)?shares\s+)?of\s+its\s+(?:own\s+)?(?:common\s+"
            r"|outstanding\s+)?(?:shares|stock)\b|\bissuer\s+bid\b"
            r"|\bmergers?\s+(?:and|&)\s+acquisitions?\b|\bmerger\s+(?:chief|head|department"
            r"|specialists?|experts?|arbitrag\w+)\b|\bcredit\s+(?:agreement|pact|deal)\b"
            r"|\bletter\s+of\s+credit\b|\bin\s+credit\b"
            r"|\b(?:beef|pork|meat|semolina|flour|lbs|ounces|olein|palm|tallow|farmland|aircrafts"
            r"|jets|cranes|computers)\b(?!\s+(?:co|corp|inc|ltd|plc|industries|group|company)\b)"
            + _NOT_A_BUSINESS
            + r"|\b(?:oil|gas|crude)\s+(?:sales?|purchases?|imports?|exports?)\b"
            r"|\brights\s+(?:offering|issue)\b|\bexchange\s+offer\b|\bpurchase\s+rights?\b",
            _I,
        ),
    ),
    # A trader's own buying and selling ("just bought 300 shares", "sell my position").
    (
        1.0,
        re.compile(
            r"\b(?:i|i['’]?(?:m|d|ll)|we|we['’](?:d|ll)|you|you['’](?:d|ll))\s+(?:(?:just|will"
            r"|would|might|most|likely|really|want|wanna|need|gonna|should|could|love|like|going"
            r"|to|am|finally|also|definitely|probably|may)\s+){0,4}"
            r"(?:bought|sold|sell|buy|buying|selling|added|own)\b"
            # not a company bought ("Globex just bought a satellite company for $500M")
            # nor a company named ("Globex Just Bought Initech For $3.2 Billion")
            r"|\bjust\s+(?:bought|sold)\b(?!\s+(?-i:(?!"
            + _GOODS
            + r")[A-Z][a-z]))(?!\s+(?:(?:a|an|the)\s+)?(?:[\w-]+\s+){0,3}?"
            + _COMPANY_NOUNS
            + r")"
            r"|\b(?:should|could|can|do|would)\s+(?:i|we|you)\s+(?:\w+\s+)?(?:buy|sell)\b"
            r"|\b(?:my|your|our)\s+(?:\w+\s+)?(?:position|shares|stake|stock|calls|puts)\b",
            _I,
        ),
    ),
    # Selling goods by the number or in bulk ("sold 2 million phones", "sells more iPhones",
    # "sold out"): shares, stakes, stores or plants sold by the number are still deals.
    (
        1.0,
        re.compile(
            r"\b(?:sells?|sold|selling)\s+(?:(?:more\s+than|over|nearly|almost|about|some"
            r"|another|record)\s+)?\d[\d.,]*\s*(?:k|m|mln|million|billion|bn|thousand)?\s+"
            r"(?!(?:mln|million|billion|bln|dlrs|dollars|pct|percent|shares|shrs|common|stock"
            r"|stakes?|of|its|stores|plants|mills|stations|newspapers|properties|offices"
            r"|subsidiaries|units|divisions|businesses|companies|banks|hotels|restaurants"
            r"|outlets|branches|brands)\b)(?-i:[a-z][a-z-]*s)\b"
            r"|\b(?:sells?|sold|selling)\s+(?:(?:more|fewer)\s+(?!than\b)|out\b)",
            _I,
        ),
    ),
    # Acquiring what no deal buys ("an acquired taste", "acquired 2 million users"), merging
    # in version control ("merge conflict", "merged the PR").
    (
        1.0,
        re.compile(
            r"\bacquir(?:e|es|ed|ing)\s+(?:(?:a|an|the|new|more|some|over|nearly|about|its|their"
            r"|our|\d[\d.,]*\s*(?:k|m|mln|million|billion)?)\s+)*(?:tastes?|customers?|users?"
            r"|subscribers?|members?|followers?|fans|audiences?|talent|skills?|knowledge"
            r"|experience|habits?|immunity|accents?)\b"
            r"|\bmerge\s+(?:conflicts?|requests?|commits?|sort|queue|branch(?:es)?)\b|\bgit\b"
            r"|\bpull\s+requests?\b|\b(?:merged?|merging)\s+(?:(?:the|my|your|this|that|a)\s+)?"
            r"(?:prs?|branch(?:es)?|commits?|patch(?:es)?)\b",
            _I,
        ),
    ),
    # Buying goods from a supplier ("Apple to buy more chips from TSMC"), not a company.
    (
        1.0,
        re.compile(
            r"\b(?:buy|buys|buying|bought|purchas(?:e|es|ed|ing)|order(?:s|ed)?)\s+(?:(?:more"
            r"|additional|extra|new|\d[\d,.]*\s*(?:k|m|million|billion)?)\s+)?(?:[\w-]+\s+){0,2}"
            r"(?:chips|semiconductors|parts|components|panels|screens|displays|batteries|modems"
            r"|supplies|equipment|gpus|servers|planes|jets|aircraft|vehicles|cars|trucks|engines"
            r"|licen[cs]es|products|goods|materials|wafers|memory|oil|gas|electricity|ads)"
            r"\s+from\b",
            _I,
        ),
    ),
    # Goods no longer sold ("To Halt Sale Of Apple TV"), units of equity issued ("to sell
    # equity units"): no company changes hands.
    (
        1.0,
        re.compile(
            r"\b(?:halt\w*|stop\w*|quit\w*|ends?|ending|bans?|banned|suspend\w*|pull\w*"
            r"|resum\w+)\s+(?:the\s+|its\s+)?(?:sales?|selling)\s+of\b"
            r"|\b(?:tangible\s+)?equity\s+units\b",
            _I,
        ),
    ),
    # A gain or loss booked on a sale: a results story, not the deal news.
    # (not shares moving on deal news: "shares gain on merger rumour")
    (
        1.0,
        re.compile(
            r"\b(?:gains?|loss|charge|writedown)\s+(?:on|from)\b(?!\s+(?:the\s+)?(?:[\w-]+\s+)?"
            r"(?:merger|takeover|buyout|acquisition|deal|bid)\s+(?:rumou?rs?|talks?|news|reports?"
            r"|speculation|hopes?|chatter)\b)",
            _I,
        ),
    ),
    # Share issues, options to buy, growth percentages.
    (
        0.8,
        re.compile(
            r"\b(?:sells?|sold|issue|offer\w*)\s+(?:[\d.,]+"
            r"\s+(?:mln\s+|million\s+)?)?(?:new\s+)?(?:common|preferred)\s+(?:shares|stock)\b"
            r"|\b(?:an?\s+)?options?\s+to\s+(?:buy|purchase|acquire)\b"
            r"|\bbuy\s+option\b|\b(?:rose|fell|rise|fall|increase|decrease|gain|drop|decline|jump"
            r"|climb)\w*\s+(?:by\s+)?(?:about\s+|a\s+record\s+)?\d[\d.,]*\s*(?:pct|percent|%)",
            _I,
        ),
    ),
)

# A headline about a deal's process, without naming the deal ("X SETS SPECIAL MEETING"): it
# confirms deal words in the body.
_DEAL_CONTEXT: Final = re.compile(
    r"\b(?:deal|talks|pact|accord|agreement|meeting|vote|holders?|shareholders?|offers?"
    r"|proposals?|approv\w+|terminat\w+|ends?|deadline|rejects?|accepts?|standstill)\b",
    _I,
)
# Where a story's own headline or first sentence ends.
_HEAD_END: Final = re.compile(r"\n|(?<=[a-z0-9][.!?])\s+(?=[A-Z\"'“])")
# Deal words in the body count for less than in the headline.
_BODY_WEIGHT: Final = 0.6
# Added when the body repeats what the headline says; body negatives count at this weight.
_CORROBORATION: Final = 0.2
_BODY_NEGATIVE: Final = 0.5


# A company deal named only by "deal" ("Adobe and Figma call off $20bn deal").
_COMPANY_DEAL: Final = 0.8


def _positive(text: str) -> float:
    """The strongest positive cue plus a little per extra one (0 when none)."""
    weights = [weight for weight, pattern in _POSITIVE + DEAL_WORDING if pattern.search(text)]
    if has_company_deal(text):
        weights.append(_COMPANY_DEAL)
    return max(weights) + 0.2 * (len(weights) - 1) if weights else 0.0


# Longer than this, a text is a story, not a social post: the chatter families are not read.
POST_LENGTH: Final = 320


def _negative(text: str, post: bool = True) -> float:
    """The summed weights of the negative cues in ``text`` (the chatter ones in a post)."""
    tables = _NEGATIVE + NOT_A_DEAL + (CHATTER if post else ())
    return sum(weight for weight, pattern in tables if pattern.search(text))


# The retailer's name is no buying word ("hires a former Best Buy executive"): its "Buy" is blanked,
# as is "Acquisition" in a company's name ("Globex Maritime Acquisition Corp. Shares").
_BEST_BUY: Final = re.compile(
    r"(?<=\bBest\s)Buy\b|(?<=\bBEST\s)BUY\b"
    r"|\bAcquisition(?=\s+(?:Corp|Corporation|Co|Inc|Ltd|Holdings|Partners)\b)"
)


@lru_cache(maxsize=256)  # a pure function read twice per parsed post (worth_parsing, detect_ma)
def cue_strength(text: str, extra: float = 0.0) -> float:
    """Keyword evidence in 0..1 that ``text`` reports a deal.

    The headline (first line or sentence) counts in full, the rest at ``_BODY_WEIGHT`` (a
    results story that mentions an acquisition stays low), plus a bonus when both speak of
    a deal; negative cues are subtracted, the body's at ``_BODY_NEGATIVE``. ``extra`` is
    evidence read elsewhere (parties of a lower-case post), weighed like a headline cue.
    """
    text = _BEST_BUY.sub("   ", text)
    parts = _HEAD_END.split(text.strip(), maxsplit=1)
    head, body = parts[0], (parts[1] if len(parts) > 1 else "")
    in_head, in_body = max(_positive(head), extra), _positive(body)
    raw = max(in_head, _BODY_WEIGHT * in_body)
    if in_body and (in_head or _DEAL_CONTEXT.search(head)):
        raw += _CORROBORATION
    if raw <= 0.0:  # nothing for a deal: no negative cue can change that (nor are they read)
        return 0.0
    post = len(text) <= POST_LENGTH
    raw -= _negative(head, post) + _BODY_NEGATIVE * _negative(body, post)
    return max(0.0, min(1.0, raw))
