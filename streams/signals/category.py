"""What kind of post this is: ``spam``, ``chatter``, ``news`` or ``other`` (issue 13).

Hand-weighted cues, no model: a handful of regular expressions per post, so it costs next
to nothing beside spaCy. Each family adds evidence to one of three scores:

- **spam**: promotion ("FREE alerts", "penny stock", "sign up", "gained 400%", "check out"),
  cashtag-stuffed ticker lists (many ``$TICKERS`` and few other words), market-data bot
  templates ("<name> Bid Size <link> $A $B $C #pennystocks"), link bait, all-caps hype,
  emoji runs;
- **chatter**: price levels and % moves, options, technical analysis, personal trades,
  analyst ratings and price targets, earnings previews, funds changing positions,
  opinion and valuation talk;
- **news**: company-event verbs (results, product, deal, lawsuit, executive move,
  regulation, partnership), M&A and moves the other detectors found, a known news-desk
  author (Reuters, Bloomberg, WSJ, CNBC...) or a verified one.

The label is the strongest family, with ``news`` held to a higher bar (the brief and the
board trust it): it needs an event cue and must beat the chatter and spam evidence.
``other`` is what none of them claims. ``score`` is the confidence in the label (a softmax
over the family scores); ``signal`` is how strongly the post reports a company event,
damped when the post reads as spam or chatter.

A retweet is classified by what it says: the ``RT @x:`` prefix is set aside, and the
retweeted account counts as a news source when it is one. Posts in other languages go
through the same function: the language-independent cues (ticker lists, links, emoji,
price levels, percentages, detected M&A and moves) still work, and without them the post
is ``other`` with a low score.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from models.enriched import Entity
from models.post import Author
from models.signals import Category, CategoryLabel, ExecMove, MASignal

__all__ = ["classify", "NEWS_SOURCES"]

# Accounts of newsrooms and business press (lower case, without @). A retweet of one of them
# or a post by one counts as news evidence, never as news on its own.
NEWS_SOURCES = frozenset(
    {
        "reuters",
        "reutersbiz",
        "reuterstech",
        "reutersmarkets",
        "breakingnews",
        "bloomberg",
        "business",
        "bloombergtv",
        "bloombergdeals",
        "bloombergnews",
        "technology",
        "markets",
        "wsj",
        "wsjbusiness",
        "wsjtech",
        "wsjdeals",
        "wsjmarkets",
        "cnbc",
        "cnbcnow",
        "cnbcworld",
        "marketwatch",
        "cnnmoney",
        "cnnbusiness",
        "ft",
        "ftmarkets",
        "financialtimes",
        "yahoofinance",
        "ap",
        "ap_business",
        "nytimes",
        "nytimesbusiness",
        "dealbook",
        "businessinsider",
        "businesswire",
        "prnewswire",
        "globenewswire",
        "techcrunch",
        "recode",
        "theverge",
        "verge",
        "engadget",
        "fiercebiotech",
        "fiercepharma",
        "street_insider",
        "streetinsider",
        "theflynews",
        "benzinga",
        "washingtonpost",
        "guardian",
        "bbcbusiness",
        "bbcnews",
        "forbes",
        "fortune",
        "fortunemagazine",
        "economist",
        "axios",
        "politico",
        "usatoday",
        "latimes",
        "foxbusiness",
        "livesquawk",
        "firstsquawk",
        "deltaone",
    }
)
# Names of news desks as written in a post ("- WSJ", "via Reuters", "(Bloomberg)").
_DESK = re.compile(
    r"\b(?:reuters|rtrs|bloomberg|bberg|bbg|wsj|wall street journal|cnbc|marketwatch|"
    r"financial times|associated press|dow jones|nikkei|techcrunch|recode)\b",
    re.I,
)

# --- text parts ---------------------------------------------------------------------------
_RETWEET = re.compile(r"^\W*(?:(?:RT|MT)\b\W*)*(?:(?:RT|MT)\s*@(\w{1,30}):?\s*)+", re.I)
_QUOTED = re.compile(r"[\"“]\s*@(\w{1,30}):")
_URL = re.compile(r"\b(?:https?://|www\.)\S+", re.I)
_CASHTAG = re.compile(r"(?<![\w$])\$([A-Za-z]{1,6}(?:[./][A-Za-z]{1,2})?)(?![\w])")
_HASHTAG = re.compile(r"(?<![\w#])#(\w+)")
_HANDLE = re.compile(r"(?<![\w@])@(\w{1,30})")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’&-]*")
_EMOJI = re.compile(
    "[\U0001f300-\U0001faff\U00002600-\U000027bf\U0001f000-\U0001f2ff\U0001f900-\U0001f9ff]"
)
_EMOJI_RUN = re.compile(
    "(?:[\U0001f300-\U0001faff\U00002600-\U000027bf\U0001f000-\U0001f2ff]\\s*\ufe0f?){3,}"
)


def _rx(*alternatives: str) -> re.Pattern[str]:
    return re.compile(r"(?:" + "|".join(alternatives) + r")", re.I)


# --- spam ---------------------------------------------------------------------------------
_PROMO = _rx(
    r"\bpenny\s?stocks?\b",
    r"#(?:penny\w*|newsletter|personalfinance|moneymanagement|wealthmanagement|tradeideas"
    r"|stockpicks?|hotstocks?|toptickertweets|sentiquant|singedinvestor|moneymaker\w*)\b",
    r"\bfree\b.{0,30}\b(?:alerts?|picks?|trial|newsletter|report|signals?|chat|access)\b",
    r"\b(?:stock|trade|trading|text|penny|pick|sms|email)\s+alerts?\b",
    r"\bsign\s?up\b",
    r"\bjoin\s+(?:us|now|our|today|free|the\s+(?:club|room|chat))\b",
    r"\bnewsletter\b",
    r"\bsubscribers?\b",
    r"\b100\s?%",
    r"\b\d[\d,]{2,}\s?%\s*(?:gains?|gained|profits?|returns?|winners?)?",
    r"\bgain(?:ed|s)?\s+(?:as\s+much\s+as\s+|over\s+|up\s+to\s+)?\d[\d,]*\s?%",
    r"\b(?:huge|big|next|new)\s+(?:new\s+)?(?:pick|runner|winner|mover)s?\b",
    r"\bnext\s+(?:hot|big|huge)\b",
    r"\bmust\s+(?:see|have|read|watch|own)\b",
    r"\bworth\s+a\s+look\b",
    r"\bgive\s+it\s+a\s+try\b",
    r"\btry\s+(?:this|it|us)\b",
    r"\bcheck\s+(?:here|out|this|it|us)\b",
    r"\bclick\s+(?:here|the\s+link|now)\b",
    r"\bget\s+it\s+(?:early|now|here|free)\b",
    r"\bdon'?t\s+miss\b",
    r"\b(?:will|about\s+to|ready\s+to|set\s+to)\s+(?:explode|skyrocket|soar|moon|rocket)\b",
    r"\b(?:stocks?|picks?|shares)\s+to\s+(?:buy|watch|own)\b",
    r"\b(?:looking|want|wanna|time)\s+to\s+buy\b",
    r"\bbuy(?:ing)?,?\s+(?:or\s+)?sell(?:ing)?(?:,?\s+or\s+hold)?\b",
    r"\bsell\s+or\s+hold\b",
    r"\bare\s+you\s+(?:bullish|bearish|buying|selling|long|short)\b",
    r"\bresearch\s+on\b",
    r"\binsider\s+trading\s+alerts?\b",
    r"\bstock\s+news\s+alerts?\b",
    r"\bbest\s+buys\b",
    r"\bdon'?t\s+(?:wait|be\s+late)\b",
    r"\bact\s+now\b",
    r"\blimited\s+time\b",
    r"\bwin(?:ning)?\s+streak\b",
    r"\bmake\s+money\b",
    r"\b(?:guaranteed|risk[-\s]free)\b",
    r"\bdouble\s+your\b",
    r"\bRATE_LIMIT_EXCEEDED\b",
    # calls to action before a link
    r"\b(?:visit|goto|go\s+to|view\s+now|see\s+here|see\s+more|learn\s+more|more\s+info|"
    r"details\s+at|get\s+the\s+latest|find\s+more|stock\s+tips|tips\s+&)\b",
    r"\b(?:winners|movers|stocks?)\s+(?:like|to\s+research)\b",
    r"\b(?:seeking|find|looking\s+for)\s+the\s+next\b",
    r"\b(?:message\s+board|investor\s+opinions|recent\s+news|news\s+sentiment)\s+updated\b",
    r"\breal[-\s]time\s+feed\b",
    r"\b(?:could|is\s+it)\s+(?:be\s+)?break\w*\s+time\b",
    r"\bshould\s+you\s+(?:hold|add|buy|sell)\b",
    r"\b(?:considering|thinking\s+(?:of|about))\s+(?:buying|selling)\b",
    r"\bfollowers?\s+fast\b",
)
# A market-data bot's field name just before its link ("Acme Corp. Bid Size <link>").
_BOT_FIELD = _rx(
    r"\b(?:bid\s+size|ask\s+size|bid|ask|last\s+trade|last\s+price|eod\s+data|%\s*change"
    r"|p/e\s+ratio|yield|volume|short\s+sales|exchange|open|ideas|dividend|market\s+cap"
    r"|recent\s+news|stock\s+message\s+board|message\s+board|summary|quote|chart|news"
    r"|tick|change|technicals|investor\s+opinions)"
    r"\s*(?:(?:click|see)\s+here\s*-*>?\s*)?(?:<link>|$)",
)
_BOT_TRENDING = _rx(r"\btrending\s*\$", r"\balso\s+see\s*:", r"\brecent\s+news\s+updated\b")
_LINK_BAIT = _rx(
    r"\byou\s+won'?t\s+believe\b",
    r"\bwhat\s+happens\s+next\b",
    r"\bthis\s+(?:one\s+)?(?:stock|trick|company)\s+(?:will|could|is\s+about)\b",
    r"\bsecret\b",
    r"\bshocking\b",
    r"\bfind\s+out\s+(?:why|how|which|what)\b",
    r"\bread\s+(?:this|more)\s+(?:before|now)\b",
)

# --- chatter ------------------------------------------------------------------------------
_PRICE = re.compile(
    r"(?<![\w$])\$\s?\d[\d,]*(?:\.\d+)?(?![\d,.])(?!\s*(?:[mbk]n?\b|mm\b|mil|mln|bil|bln|billion|million|"
    r"thousand|trillion|tr?n?\b))",
    re.I,
)
_PERCENT = re.compile(r"(?<![\w.])[+-]?\d+(?:[.,]\d+)?\s?%")
_OPTIONS = _rx(
    r"\b(?:calls?|puts?)\b(?!\s+(?:for|on)\s+(?:the\s+)?(?:ceo|board|company|regulators?))",
    r"\boptions?\s+(?:trade|trading|activity|flow|volume|traders?|beginners?|expir\w*|chain)\b",
    r"\b#?options\b",
    r"\bstrike\b",
    r"\bcontracts\b",
    r"\bexpir(?:y|ation|ing|es)\b",
    r"\bweeklys?\b",
    r"\b\d+(?:\.\d+)?\s?[cp]\b",
    r"\b(?:straddle|strangle|iron\s+condor|covered\s+call|spread)s?\b",
    r"\bimplied\s+vol",
)
_TECHNICAL = _rx(
    r"\bsupport\s+(?:at|level|line|zone|\$?\d)",
    r"\bresistance\b",
    r"\bbreak(?:out|down|ing\s+out)s?\b",
    r"\bbull(?:ish|s)?\b",
    r"\bbear(?:ish|s)?\b",
    r"\bover(?:sold|bought)\b",
    r"\b(?:rsi|macd|fibonacci|vwap|sma|ema)\b",
    r"\bmoving\s+average\b",
    r"\b\d{2,3}[-\s]?(?:day|dma|sma|ema)\b",
    r"\bchart(?:s|ing)?\b",
    r"\btechnicals?\b",
    r"\btrend\s?lines?\b",
    r"\bgap(?:ped|s|ping)?[-\s]?(?:up|down|fill)\b",
    r"\bshort\s+squeeze\b",
    r"\b(?:all[-\s]time|52[-\s]week|\d+[-\s]year)\s+(?:high|low)s?\b",
    r"\bnew\s+highs?\b",
    r"\b(?:rally|rallies|rallying|ripping|dip|dips|bounce[sd]?|pullback|sell[-\s]?off)\b",
    r"\bhigher\s+(?:high|low)s?\b",
    r"\b(?:into|at|near|before)\s+(?:the\s+)?(?:close|open|bell)\b",
    r"\b(?:pre|after)[-\s]?(?:market|hours)\b",
    r"\bpm\b",
    r"\bah\b",
    r"\bintraday\b",
    r"\bday\s?trad\w*",
    r"\bswing\s+trad\w*",
    r"\bscalp\w*",
    r"\bwatch\s?list\b",
    r"\b(?:looking|looks)\s+(?:strong|weak|good|bad|ugly|great|heavy)\b",
    r"\bmomentum\b",
    r"\bvolume\b",
    r"\bstock\s+chart\b",
    r"\btarget\s+\$?\d",
)
_PERSONAL = _rx(
    r"\b(?:i|i'm|i've|i'd|im|ive|we|we're|we've|my|me)\b[^.!?\n]{0,40}\b(?:bought|sold|buy|sell|"
    r"buying|selling|added|adding|trimmed|long|short|shorted|shorting|own|holding|hold|"
    r"position|entry|exit(?:ed)?|stopped\s+out|took\s+profits?|shares)\b",
    r"\b(?:bought|sold|added|shorted|grabbed|picked\s+up|loaded\s+(?:up\s+)?on)\s+"
    r"(?:some|more|a\s+few|a|my|\d[\d,]*)\b",
    r"^\s*(?:long|short|bought|sold|added|buying|selling|adding|trimmed)\b",
    r"\brecent\s+buys\b",
    r"\bmy\s+(?:portfolio|position|shares|picks?|trade)\b",
    r"\b(?:wish|glad|should\s+have|shoulda)\b[^.!?\n]{0,20}\b(?:bought|sold|buy|sell)\b",
)
_ANALYST = _rx(
    r"\bprice\s+targets?\b",
    r"(?<![\w$])PT\b",
    r"\b(?:up|down)grade[ds]?\b",
    r"\b(?:rating|ratings|rated)\b",
    r"\breiterat\w+",
    r"\b(?:out|under)perform\w*",
    r"\b(?:over|under|equal)[-\s]?weight\b",
    r"\binitiat\w+\s+(?:coverage|at|with)\b",
    r"\b(?:strong\s+)?(?:buy|sell|hold)\s+rating\b",
    r"\banalysts?\b",
    r"\bzacks\b",
)
_PREVIEW = _rx(
    r"\b(?:ahead\s+of|before|into|preview\w*|previewing)\s+(?:the\s+)?(?:earnings|results|"
    r"report|er)\b",
    r"\bearnings\s+(?:preview|expectations?|estimates?|whispers?|week|season|calendar|play)\b",
    r"\breport(?:s|ing)?\s+(?:earnings\s+)?(?:tomorrow|today|tonight|next\s+week|this\s+week|"
    r"after\s+the\s+(?:bell|close)|before\s+the\s+(?:bell|open))\b",
    r"\b(?:will|can|could)\s+\$?[A-Z]\w*\s+(?:beat|miss)\b",
    r"\bexpect(?:ed|s|ations?)?\b",
    r"\bestimates?\b",
    r"\bconsensus\b",
    r"(?-i:\bER'?s?\b)",
)
_POSITION = _rx(
    r"\b(?:has|have|holds?|takes?|took|opens?|initiates?)\s+(?:a\s+|an\s+|new\s+)?\$?[\d,.]+"
    r"\s*(?:[mbk]\s+)?(?:stake|position)\b",
    r"\b(?:stake|position|holdings?)\s+(?:in\s+[^.]{0,60}?\s+)?(?:boosted|raised|increased|"
    r"cut|lowered|trimmed|decreased|reduced|lifted|upped)\b",
    r"\b(?:boosts?|raises?|increases?|cuts?|lowers?|trims?|decreases?|reduces?|lifts?|ups)\s+"
    r"(?:its\s+|their\s+|his\s+|her\s+)?(?:stake|position|holdings?)\b",
    r"\bshares?\s+(?:bought|sold|purchased|acquired)\s+by\b",
    r"\b(?:buys?|sells?|purchases?|acquires?|unloads?|dumps?|bought|sold)\s+"
    r"(?:\d[\d,]*\s+|new\s+)?(?:shares|stake|position)\s+(?:of|in)\b",
    r"\b(?:\d[\d,]+)\s+shares\s+of\b",
    r"\b13[fF]\b",
    r"\b(?:asset|wealth|investment|capital|fund)\s+management\b.{0,40}\b(?:stake|shares|"
    r"position)\b",
    r"\b(?:llc|lp|advisors?|partners|bank|trust|fund|investments?)\b.{0,40}"
    r"\b(?:stake|shares|position)\s+in\b",
    r"\binflow\b",
    r"\boutflow\b",
)
_OPINION = _rx(
    r"\b(?:why|should|could|would|might|maybe|perhaps|think|thinks|believe|imo|imho|feel|"
    r"guess|hope|wish|wonder|lol|lmao|wow|love|hate)\b",
    r"\b(?:undervalued|overvalued|valuation|cheap|expensive|bargain|fair\s+value|value\s+play)\b",
    r"\b(?:buy\s+now|buy\s+at|buy\s+the\s+dip|time\s+to\s+(?:buy|sell))\b",
    r"\b(?:dividends?|yield|income|retire\w*|portfolios?|invest(?:ing|ors?)?)\b",
    r"\b(?:bull\s+vs\.?\s+bear|bull\s+case|bear\s+case|reasons?|things\s+to\s+know)\b",
    r"\b(?:stocks?\s+for|best\s+stocks?|top\s+stocks?|safest|blue[-\s]chip)\b",
    r"\b(?:traders?|trading|trades?)\b",
    r"\b(?:stock\s+price|share\s+price|market\s+cap|mkt\s+cap)\b",
    r"\b(?:worth|priced\s+in|sell\s+on\s+news)\b",
    r"\b(?:takeover|buyout|merger|acquisition)\s+(?:target|candidate|chatter|speculation|"
    r"rumou?rs?|mania|talk)\b",
)
_QUESTION = re.compile(r"\?")
# Talk about the stock itself: its price, its shares, buying and selling it.
_STOCK_TALK = _rx(
    r"\b(?:stocks?|shares?|shareholders?|buy|buys|buying|sell|selling|sold|long|short|"
    r"cover(?:ed|ing)?|hold(?:ing)?|position|entry|exit|lows?|highs?|higher|lower|green|red|"
    r"trash|moon|mooning|dump(?:ing|ed)?|pump(?:ing|ed)?|squeeze|play|ticker|"
    r"mkt\s+cap|market\s+cap|recommendations?|cramer|earnings?|quarter|profits?)\b",
    r"(?:@|\bat|\bunder|\bover|\babove|\bbelow)\s*\d+(?:\.\d+)?\b",
    r"\b\d+(?:\.\d+)?\s?\$",
)
# Speculation, advice and wishes: a deal or move someone imagines is not a company event.
_SPECULATION = _rx(
    r"\?",
    r"\b(?:could|should|would|might|if|perhaps|maybe|why|possible|possibly|imo|imho|wish|"
    r"wonder|hope|imagine|predict\w*)\b",
    r"\b(?:i|we)\s+(?:think|bet|guess|expect)\b",
    r"\b(?:takeover|buyout|acquisition|merger)\s+(?:target|candidate|chatter|speculation|mania)\b",
    r"\bopen\s+letter\b",
    # timing advice ("Buy Acme before the launch") and imagined dates ("come October, they ...")
    r"\b(?:buy|sell|avoid|own)\s+(?:\$?[\w&.'’-]+\s+){0,2}(?:before|ahead\s+of)\b",
    r"\bcome\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|fall|spring|summer|winter|"
    r"next)\w*\b",
    r"\b(?:suspect|doubt|rumou?r\s+is\s+false|not\s+true|unconfirmed)\b",
)
# An M&A reading this confident counts as news evidence without a stated event beside it.
_STRONG_MA = 0.85

# --- news ---------------------------------------------------------------------------------
_DEAL = _rx(
    r"\bacquir(?:es|ed|ing)\b",
    r"\bacquisition\s+of\b",
    # "Acme to buy Widgets", "$ACME to acquire": a named subject, not "never too late to buy"
    r"(?:(?-i:[A-Z])[\w&.'’-]*|\$[A-Za-z]+|\))\s+(?:to|will|would|agrees\s+to|plans\s+to|"
    r"set\s+to|looks\s+to|offers\s+to|moves\s+to|said\s+to\s+(?:be\s+)?(?:plan\w*\s+to)?)\s*"
    r"(?:buy|acquire|purchase|merge|sell|divest|spin\s?off)\s+(?:back\b|[\w$@])",
    r"\b(?:is|are|reportedly|officially|just|finally|now)\s+(?:buying|acquiring|buys|bought|"
    r"acquires|acquired|purchas(?:es|ed|ing))\s+(?-i:[A-Z$@])",
    r"(?-i:[A-Z])\w+\s+(?:buying|acquiring|snaps\s+up|snapped\s+up|grabs|picks\s+up)\s+"
    r"(?!(?:intent|power|spree|opportunit\w*|signals?|interest|frenzy|decisions?|habits?|"
    r"guide|season|pressure|binge|time|now|more|stocks?|shares?|calls|puts)\b)(?-i:[A-Z$@])",
    r"(?:(?-i:[A-Z])[\w&.'’-]*|[$@]\w+|\))\s+(?:buys|bought|purchases|purchased)\s+"
    r"(?!(?:\d|shares|stock|more|some|back|the\s+dip|into|in\b))[\w@$]",
    r"\b(?:merg(?:es|ed|er)\s+with|merger\s+(?:of|between|agreement|deal)|to\s+merge)\b",
    r"\btakeover\s+(?:bid|offer|of|deal|approach)\b",
    r"\b(?:bid|offer|approach(?:es|ed)?)\s+(?:for|to\s+buy)\b",
    r"\brejects?\b.{0,40}\b(?:bid|offer|approach)\b",
    r"\b(?:in|enters?|entered)\s+(?:advanced\s+|exclusive\s+|late[-\s]stage\s+)?talks\b",
    r"\bagree(?:s|d)?\s+to\b",
    r"\b(?:divests?|divestiture|spin[-\s]?offs?|spins?\s+off|carve[-\s]?out)\b",
    r"\bsells?\s+(?:\S+\s+){0,3}(?:unit|business|division|stake|assets|interests?|operations?"
    r"|brand|subsidiary|arm|plant|factory|portfolio)\b",
    r"\b(?:sale|sells?)\s+of\s+(?:its\s+)?(?:interests?|unit|business|division|assets|stake)\b",
    r"\bbuys?\s+stake\s+in\b",
    r"\btakes?\s+(?:a\s+)?(?:\d+%\s+)?stake\s+in\b",
    r"\b(?:ipo|goes\s+public|begins\s+trading|files?\s+for)\b",
    r"\bdeal\s+(?:with|for|to)\b",
    r"\b(?:set|seal|strike|reach|close|sign)(?:s|ed)?\s+(?:a\s+|an\s+|new\s+|\$?\S+\s+)?deal\b",
    r"\b(?:nears?|near(?:ing)?)\s+(?:a\s+|an\s+)?(?:\S+\s+){0,2}(?:deal|sale|agreement|"
    r"acquisition|merger|takeover|buyout|purchase|accord)\b",
    r"\bacquisition\s+by\b",
    r"\b(?:it|which|they)\s+(?:buys|bought|acquires|acquired)\s+(?-i:[A-Z@$])",
    r"\b(?:take|takes|took|taking|seize[sd]?|gain(?:s|ed)?)\s+(?:full\s+)?control\s+of\b",
    r"\b(?:grabs?|grabbing|snaps?\s+up|buys?|buying)\s+(?:the\s+)?(?:remaining|rest\s+of)\b",
    r"\bbinding\s+offer\b",
    r"\b(?:offer(?:s|ed)?|rais(?:es|ed|ing)\s+(?:its\s+)?(?:offer|bid))\s+(?:\S+\s+){0,4}"
    r"(?:for|to\s+(?:buy|acquire|pay))\b",
    r"\b(?:deal|merger|takeover|buyout)\s+talks?\b",
    r"\b(?:early|preliminary)\s+talks\b",
    r"\btakes?\s+(?:a\s+)?(?:\S+\s+){0,3}stake\s+in\b",
    r"\b(?:set|seal|strike|strikes|struck|reach|close|sign|cut|ink|pursue|announce|finalize|"
    r"complete)(?:s|d|ed)?\s+(?:\S+\s+){0,4}deals?\b",
    r"\bsells?\s+(?:\S+\s+){1,4}to\s+(?-i:[A-Z$@])",
)
# Deal and event nouns on their own: weaker than a verb ("the WhatsApp deal", "merger").
_EVENT_NOUN = _rx(
    r"\b(?:deals?|merger|acquisitions?|takeover|buyout|spin-?off|ipo)\b",
    # "a bid to reunite", "in a bid to cut costs": an attempt, not an offer
    r"\bbid\b(?!\s+to\s+(?!buy|acquire|purchase|take\s+over|merge)(?-i:[a-z]))",
)
_EXEC = _rx(
    r"\bappoint(?:s|ed|ment)?\b",
    r"\b(?:nam(?:es|ed|e|ing)|make|makes|tap(?:s|ped)?)\s+(?:\S+\s+){0,4}(?:as\s+)?(?:its\s+)?"
    r"(?:new\s+|next\s+|interim\s+|sole\s+)?(?:c[efot]o|chief|"
    r"president|chair\w*|head|director|vp|svp|evp|general\s+counsel)\b",
    r"\b(?:hires?|hired|taps|tapped|poach(?:es|ed)|recruits?|recruited|brings?)\s+"
    r"(?:former\s+|ex-?)?(?-i:[A-Z@])",
    r"\bhir(?:e|es|ed|ing)\s+(?:more\s+than\s+|about\s+|up\s+to\s+|over\s+)?(?:\d[\d,]*|"
    r"hundreds|thousands|dozens)\b",
    r"\bjoin(?:s|ed|ing)?\s+(?:the\s+)?(?:\S+\s+){0,2}board\b",
    r"\bto\s+(?:its\s+|the\s+)?board\b",
    r"\b(?:to|will|won'?t|not|set\s+to)\s+(?:retire|leave|step\s+down|depart|exit)\b",
    r"\b(?:executive|management|leadership|boardroom)\s+(?:changes?|reshuffle|shake-?up|update)\b",
    r"\bexit\s+of\b",
    r"\b(?:c[efot]o|chief\s+\w+\s+officer|president|chairman)\b[^.;]{0,30}\b(?:leaving|departing|"
    r"exiting|is\s+out|to\s+go)\b",
    r"\belected\b",
    r"\bstep(?:s|ped|ping)?\s+down\b",
    r"\bresign(?:s|ed|ation)?\b",
    r"\bretir(?:es|ed|ing|ement)\b",
    r"\b(?:to\s+)?(?:depart|departs|departed|departing|departure)\b",
    r"\b(?:leaves|leaving|left|exits?|quits?)\s+(?:as\s+|the\s+)?(?:(?-i:[A-Z])\w+|c[efot]o|"
    r"president|chair\w*|board)\b",
    r"\bousted?\b",
    r"\b(?:fires?|fired|sacks?|sacked|dismiss(?:es|ed))\s+(?:its\s+)?(?:c[efot]o|chief|"
    r"president|chair\w*|head|(?-i:[A-Z]))",
    r"\bpromot(?:es|ed)\b",
    r"\bsucceed(?:s|ed)?\b",
    r"\bsuccessor\b",
    r"\bnew\s+(?:c[efot]o|chief\s+\w+\s+officer|president|chair\w*|general\s+counsel)\b",
    r"\bjoins?\s+(?-i:[A-Z])\w*(?:\s+(?-i:[A-Z])\w*)?\s+as\b",
    r"\bassumes?\s+role\b",
    r"\b(?:announc\w+|plans?|new|more|fresh|further|\d[\d,]*)\s+(?:lay\s?offs|job\s+cuts)\b",
    r"\b(?:lay\s?offs?|job\s+cuts?)\s+(?:at|hit|of\s+\d|to\s+hit)\b",
    r"\blay(?:s|ing)?\s+off\b",
    r"\b(?:cuts?|cutting|slash(?:es|ing)?|eliminat\w+)\s+(?:\d[\d,]*\s+|about\s+\d[\d,]*\s+)?"
    r"jobs\b",
    r"\b(?:job\s+reductions?|to\s+cut\s+\d[\d,]*)\b",
    r"\btakes?\s+(?:charge|the\s+helm|over\s+as|the\s+reins)\b",
    r"\bhir(?:es|ed|ing)\s+(?:a\s+|its\s+|first\s+|new\s+|an?\s+new\s+)?(?:c[efot]o|chief|"
    r"head|president|experts?|engineers?|executives?)\b",
    r"\b(?:boosts?|adds?|cuts?|trims?|grows?|doubles?)\s+(?:\S+\s+){0,2}(?:employment|workforce|"
    r"staff|headcount)\b",
    r"\bto\s+(?:lead|run|head)\s+(?-i:[A-Z])",
    r"\b(?:return(?:s|ing)?|mov(?:es|ing)|jump(?:s|ing)|defect(?:s|ing))\s+to\s+(?-i:[A-Z])"
    r"[\w&.'’-]*(?:\s+(?-i:[A-Z])[\w&.'’-]*)?\s+from\s+(?-i:[A-Z])",
    r"\bhiring\s+\d[\d,]*\b",
    r"\b(?:management|leadership)\s+(?:update|change|shake-?up)\b",
    r"\brecasts?\s+executive\b",
)
_PRODUCT = _rx(
    r"\blaunch(?:es|ed|ing)?\b",
    r"\bunveil(?:s|ed|ing)?\b",
    r"\bintroduc(?:es|ed|ing)\b",
    r"\bdebut(?:s|ed)?\b",
    r"\brolls?\s+out\b",
    r"\brolled\s+out\b",
    r"\breleas(?:es|ed)\b",
    r"\bannounc(?:es|ed|ing|ement)\b",
    r"\breveal(?:s|ed)\b",
    r"\b(?:to\s+)?(?:add|adds|offer|offers|open|opens|close|closes|expand|expands|shut|shuts|"
    r"build|builds|invest|invests|pay|pays|raise|raises|cut|cuts|slash|slashes|halt|halts|"
    r"suspend|suspends|end|ends|kill|kills|drop|drops|delay|delays|begin|begins|start|starts)"
    r"\s+(?:its\s+|new\s+|\d[\d,]*\s+)?(?:stores?|plants?|factor(?:y|ies)|service|"
    r"streaming|app|feature|production|operations|prices?|dividend|guidance|forecast|"
    r"outlook|jobs|sales|shipments?|program|platform|division|unit|business|data\s+cent\w+|"
    r"hq|headquarters|offices?|security|payments?|music|phones?|devices?|model|line)\b",
    r"\brecall(?:s|ed|ing)?\b",
    r"\bsold\s+(?:\d[\d,.]*\s+(?:million|billion|thousand)?\s*\w+|out)\b",
    r"\bships?\s+\d",
    r"\b(?:new|first)\s+(?:product|device|phone|car|drug|service|model|store|chip|version)\b",
    r"\bbreach(?:es|ed)?\b",
    r"\b(?:hack|hacks|hacked|hackers?|outage)\b",
    r"\b(?:wins?|won|lands?|landed|secures?|secured|gets?|receives?|books?|bags?|grabs?|nabs?)\s+"
    r"(?:\S+\s+){0,2}(?:orders?|bookings?|rights|licen[cs]es?|contracts?)\b",
    r"\brecord\s+(?:\S+\s+)?(?:production|output|sales|revenue|profits?|deliveries|"
    r"shipments|orders|quarter)\b",
    r"\bstock\s+split\b",
    r"\bdeclares?\s+(?:\S+\s+){0,3}dividend\b",
    r"\b(?:new|wins?|won|granted|files?|filed)\s+(?:a\s+)?patents?\b",
    r"\b(?:phase\s+(?:i{1,3}|[123])|priority\s+review|clinical\s+(?:trial|data|hold)s?|"
    r"breakthrough\s+therapy|orphan\s+drug)\b",
    # trial read-outs and approvals of drugs and devices
    r"\b(?:trial|study|studies)\s+(?:data|results|met|meets|missed|misses|fails?|failed|"
    r"succeeds?|shows?|showed|halted|stopped)\b",
    r"\b(?:positive|negative|topline|top-line|interim|late-stage|pivotal)\s+(?:\S+\s+)?"
    r"(?:data|results|trial|study)\b",
    r"\b(?:fda|ema|regulators?|eu|european\s+commission)\s+(?:approves?|approved|clears?|"
    r"cleared|rejects?|rejected|grants?|granted|accepts?|backs?|backed)\b",
    r"\b(?:wins?|won|gets?|got|receives?|received|granted|secures?)\s+(?:\S+\s+){0,2}"
    r"(?:approval|clearance|nod|go-ahead|green\s+light)\b",
    r"\bbuy[-\s]?back\b",
    r"\brepurchas\w+",
)
_RESULTS = _rx(
    r"\b(?:reports?|reported|posts?|posted)\s+(?:\w+\s+){0,3}(?:results|earnings|profit|loss|"
    r"revenue|sales|quarter|q[1-4]|eps)\b",
    r"\b(?:q[1-4]|quarterly|annual|first[-\s]quarter|second[-\s]quarter|third[-\s]quarter|"
    r"fourth[-\s]quarter|full[-\s]year)\s+(?:results|earnings|profit|revenue|sales|eps|loss)\b",
    r"\b(?:beats?|miss(?:es|ed)?|tops?|topped)\s+(?:q[1-4]\s+|quarterly\s+|the\s+street\S*\s+)?"
    r"(?:eps|estimates|expectations|forecasts?|views?|consensus|earnings|revenue|profit|"
    r"by\s+\d)",
    r"\b(?:profit|revenue|sales|earnings|eps|income)\s+(?:rose|rises?|fell|falls?|jumps?|"
    r"jumped|drops?|dropped|climbs?|climbed|slumps?|slumped|soars?|soared|surges?|surged|"
    r"plunges?|plunged|declines?|declined|beat|missed|up|down|grew|grows)\b",
    r"\b(?:raises?|cuts?|lowers?|boosts?|reaffirms?|withdraws?)\s+(?:its\s+|full[-\s]year\s+)?"
    r"(?:guidance|forecast|outlook|dividend)\b",
    r"\bresults\b",
)
_LEGAL = _rx(
    r"\blawsuits?\b",
    r"\bsu(?:es|ed|ing)\b",
    r"\bsuit\s+(?:claims|alleges|against|over|filed)\b",
    r"\bsettle(?:s|d|ment)?\b",
    r"\b(?:fine[ds]|penalt(?:y|ies))\b",
    r"\bprobes?\b",
    r"\binvestigat(?:es|ed|ion|ing)\b",
    r"\bsubpoena\w*",
    r"\b(?:charged|indicted|accused)\b",
    r"\bantitrust\b",
    r"\b(?:approv(?:al|es|ed)|clear(?:s|ed)|block(?:s|ed)|ban(?:s|ned))\b",
    r"\bpatent\s+(?:suit|case|battle|fight|war|infringement|ruling)\b",
    r"\binfringement\b",
    r"\bverdict\b",
    r"\bvows?\s+to\s+fight\b",
    r"\bseek(?:s|ing)?\s+(?:an?\s+|the\s+)?(?:\S+\s+)?(?:order|injunction|ban|damages|"
    r"dismissal|sanctions)\b",
    r"\bblocking\b",
    r"\bfil(?:es|ed|ing)\s+(?:a\s+)?(?:suit|lawsuit|complaint|claim|petition)\b",
    r"\b(?:wins?|won|loses?|lost)\s+(?:\S+\s+){0,3}(?:award|case|lawsuit|suit|appeal|"
    r"ruling|verdict|judgment|arbitration)\b",
    r"\ballegedly\b",
)
# Regulators, courts and officials: a company event when something else says what happened.
_AUTHORITY = _rx(
    r"\b(?:ftc|sec|doj|fcc|fda|ema|epa|cfpb|finra|nhtsa|faa|eu|regulators?|regulatory|"
    r"commission|senate|congress|justice\s+department|attorney\s+general)\b",
    r"\b(?:court|judge|jury|jurors|ruling|trial|appeal|fraud|detain(?:s|ed)|alleg\w+)\b",
)
# An executive's statement reported ("Acme CEO says ...").
_STATEMENT = _rx(
    r"\b(?:c[efot]o|chief|chairman|president|exec\w*|spokes\w+|founder)\s+(?:\S+\s+){0,3}"
    r"(?:says?|said|tells|told|notes|warns|expects|defends|sees|confirms|denies|admits)\b",
    r"\b(?:says?|said|according\s+to)\s+(?:\S+\s+){0,3}(?:c[efot]o|chief|chairman|"
    r"president|exec\w*|founder)\b",
    r"(?<!\bto\s)(?<!\bfor\s)\b(?:c[efot]o|chief|chairman|president|exec\w*|founder)\s*:",
)
_PARTNER = _rx(
    r"\bpartner(?:s|ed|ing|ship|ships)?\s+(?:with|to)\b",
    r"\bpartnership\b",
    r"\bteams?\s+up\b",
    r"\bteamed\s+up\b",
    r"\balliance\b",
    r"\bjoint\s+venture\b",
    r"\bcollaborat(?:es|ion|ing)\b",
    r"\b(?:agreement|contract|licens(?:e|ing)\s+deal)\s+(?:with|to|for)\b",
    r"\breach(?:es|ed)?\s+(?:\S+\s+){0,3}(?:agreement|deal|accord|settlement)\b",
    r"\b(?:join(?:s|ed)?\s+(?:forces|hands)|ties?\s+up|tie-?ups?|teams?\s+with|"
    r"signs?\s+(?:on|up)\s+with)\b",
    r"\b(?:wins?|won|awarded|signs?|signed|inks?|inked)\s+(?:a\s+|\$?\S+\s+)?"
    r"(?:contract|deal|agreement)\b",
)
_HEADLINE = _rx(
    r"^\s*(?:breaking|exclusive|update|just\s+in|report|alert|flash)\s*[:!-]",
    r"\b(?:said\s+to|reportedly|according\s+to|sources?\s+(?:say|said)|people\s+familiar)\b",
    r"[-–—:]\s*(?:report|sources?|wsj|reuters|bloomberg|ft|cnbc)\s*$",
)


@dataclass(frozen=True)
class _Parts:
    """The post's text with retweet prefix, links, tags and handles counted and set aside."""

    body: str  # text after the retweet prefix, links removed
    linked: str  # the same with each link written as <link>
    words: tuple[str, ...]  # words outside cashtags, hashtags, handles and links
    cashtags: int  # distinct
    hashtags: int
    links: int
    sources: tuple[str, ...]  # retweeted / quoted accounts, lower case


def _parts(text: str) -> _Parts:
    sources: list[str] = []
    rt = _RETWEET.match(text)
    body = text
    if rt:
        sources.extend(h.lower() for h in re.findall(r"@(\w{1,30})", rt.group(0)))
        body = text[rt.end() :]
    sources.extend(h.lower() for h in _QUOTED.findall(body))
    links = len(_URL.findall(body))
    linked = _URL.sub(" <link> ", body)
    body = _URL.sub(" ", body)
    cashtags = {c.upper() for c in _CASHTAG.findall(body)}
    hashtags = len(_HASHTAG.findall(body))
    bare = _HANDLE.sub(" ", _HASHTAG.sub(" ", _CASHTAG.sub(" ", body)))
    return _Parts(
        body=body,
        linked=linked,
        words=tuple(_WORD.findall(bare)),
        cashtags=len(cashtags),
        hashtags=hashtags,
        links=links,
        sources=tuple(sources),
    )


def _hits(pattern: re.Pattern[str], text: str, cap: int = 3) -> int:
    """How many times the pattern matches (at most ``cap``)."""
    n = 0
    for _ in pattern.finditer(text):
        n += 1
        if n >= cap:
            break
    return n


def _is_source(handle: str | None) -> bool:
    return handle is not None and handle.lower().lstrip("@") in NEWS_SOURCES


def _caps_hype(words: Sequence[str], body: str) -> bool:
    long = [w for w in words if len(w) >= 3]
    if len(long) < 4:
        return False
    caps = sum(1 for w in long if w.isupper())
    return caps / len(long) >= 0.6 and "!" in body


def classify(
    text: str,
    *,
    author: Author | None = None,
    entities: Iterable[Entity] = (),
    ma: MASignal | None = None,
    moves: Sequence[ExecMove] = (),
) -> Category:
    """The post's category with its confidence and news signal (pure, a few regexes).

    ``text`` is the folded text the other detectors read; ``ma`` and ``moves`` are what the
    M&A and move detectors found in it (evidence of a company event); ``entities`` the
    linked and NER entities (an organisation named in words supports a headline)."""
    p = _parts(text)
    body = p.body
    n_words = len(p.words)

    # --- spam
    spam = 0.0
    promo = _hits(_PROMO, body)
    spam += 1.6 * promo
    if p.cashtags >= 3:
        # A ticker list: many cashtags and little said around them (a headline followed by
        # the tickers it concerns is not one).
        said = 1.0 if n_words <= 6 else 0.5 if n_words <= 12 else 0.2
        spam += 0.55 * min(p.cashtags - 2, 5) * said
    if p.cashtags >= 2 and p.hashtags >= 2 and p.links:
        spam += 0.6
    if _BOT_FIELD.search(p.linked) and p.cashtags >= 2:
        spam += 1.5
    if _BOT_TRENDING.search(body):
        spam += 1.2
    spam += 0.8 * _hits(_LINK_BAIT, body, 2)
    if _caps_hype(p.words, body):
        spam += 0.8
    if _EMOJI_RUN.search(body):
        spam += 0.5

    # --- chatter
    chatter = 0.0
    chatter += 0.7 * _hits(_PRICE, body, 2)
    chatter += 0.3 * _hits(_PERCENT, body, 2)
    chatter += 0.9 * _hits(_OPTIONS, body, 2)
    chatter += 0.7 * _hits(_TECHNICAL, body, 3)
    chatter += 1.4 * _hits(_PERSONAL, body, 2)
    chatter += 1.0 * _hits(_ANALYST, body, 2)
    chatter += 0.8 * _hits(_PREVIEW, body, 2)
    position = _hits(_POSITION, body, 2)
    chatter += 1.6 * position
    chatter += 0.45 * _hits(_OPINION, body, 4)
    if _QUESTION.search(body):
        chatter += 0.5
    # Talk about a listed company with no event in it leans to chatter rather than other (a
    # prior that decides between those two only, not against news): words about the stock
    # itself (its price, buying it, its shares) make it chatter; a cashtag alone only leans
    # that way (a joke, a personal note or market talk with a cashtag in it is other).
    prior = 0.35 * _hits(_STOCK_TALK, body, 2)
    if p.cashtags or any(e.id for e in entities):
        prior += 0.3

    # --- news
    events = (
        1.3 * _hits(_DEAL, body, 2)
        + 1.3 * _hits(_EXEC, body, 2)
        + 1.0 * _hits(_PRODUCT, body, 2)
        + 1.1 * _hits(_RESULTS, body, 2)
        + 1.2 * _hits(_LEGAL, body, 2)
        + 0.5 * _hits(_AUTHORITY, body, 2)
        + 1.0 * _hits(_STATEMENT, body, 1)
        + 1.2 * _hits(_PARTNER, body, 2)
    )
    # The M&A and move readers key on the same nouns: those alone are not a stated event.
    stated = events > 0
    events += 0.7 * _hits(_EVENT_NOUN, body, 2)
    # What the M&A and move readers found is news evidence beside an event the text states;
    # alone (they fire on a police "bid", a survey's "buying intent", layoffs used as a
    # comparison) only a strong M&A reading counts in full.
    if ma is not None and ma.is_ma and not position:
        events += 0.6 + 0.6 * ma.score if stated or ma.score >= _STRONG_MA else 0.5
    if moves:
        events += 1.2 if stated else 0.8
    if events and _SPECULATION.search(body):
        events *= 0.5
        chatter += 0.5
    news = events
    if events > 0:
        if _HEADLINE.search(body):
            news += 0.6
        handle = author.handle if author is not None else None
        if _is_source(handle) or any(_is_source(s) for s in p.sources):
            news += 0.9
        elif _DESK.search(body):
            news += 0.5
        if author is not None and author.verified:
            news += 0.3
        if any(e.label == "ORG" and e.source in {"ner", "tweet_ner", "alias"} for e in entities):
            news += 0.3

    # --- decision
    other = 1.0
    if n_words <= 2 and p.cashtags <= 1:
        other += 0.5  # nothing said
    scores: dict[CategoryLabel, float] = {
        "spam": spam,
        "chatter": chatter + prior,
        "news": news,
        "other": other,
    }
    label: CategoryLabel
    if spam >= 1.5 and spam >= news:
        label = "spam"
    elif news >= 1.0 and news >= chatter + 0.3:
        label = "news"
    elif chatter + prior >= 0.6 and chatter + prior >= spam:
        label = "chatter"
    elif spam >= 1.2:
        label = "spam"
    else:
        label = "other"
    top = scores[label]
    total = sum(math.exp(s - top) for s in scores.values())
    score = 1.0 / total
    strength = 1.0 - math.exp(-news / 1.4)
    damp = {"news": 1.0, "other": 0.5, "chatter": 0.4, "spam": 0.15}[label]
    return Category(label=label, score=round(score, 3), signal=round(strength * damp, 3))
