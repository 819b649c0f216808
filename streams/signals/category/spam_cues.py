"""Spam cues: promotion, market-data bot templates, link bait (issue 13)."""

from __future__ import annotations

from .scan import Cue

__all__ = ["BOT_FIELD", "BOT_TRENDING", "LINK_BAIT", "MONEY_SPELLING", "PROMO"]

PROMO = Cue(
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
    r"\b(?:want|wanna|time)\s+to\s+buy\b",
    # "Are you looking to buy $X $Y", "Looking to buy a home?", not a company "looking to
    # buy Initech" (a deal)
    r"(?:^\W*|\b(?:are\s+you|r\s+u|you|u|i['’]?m|we['’]re|anyone|who['’]?s)\s+)looking\s+to"
    r"\s+buy\b",
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
    # ("visit" as a call to action, not a chief executive's visit to a country)
    r"\bvisit\b(?=\s*(?:$|[:>$#-]|us\b|our\b|my\b|here\b|now\b|today\b|the\s+(?:link|site|website)\b))",
    r"\b(?:goto|go\s+to|view\s+now|see\s+here|see\s+more|learn\s+more|more\s+info|"
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
BOT_FIELD = Cue(
    r"\b(?:bid\s+size|ask\s+size|bid|ask|last\s+trade|last\s+price|eod\s+data|%\s*change"
    r"|p/e\s+ratio|yield|volume|short\s+sales|exchange|open|ideas|dividend|market\s+cap"
    r"|recent\s+news|stock\s+message\s+board|message\s+board|summary|quote|chart|news"
    r"|tick|change|technicals|investor\s+opinions|quotes|company\s+info|stock\s+forum"
    r"|day\s+(?:high|low)|52\s?wk\s+(?:high|low)|board\s+posts|ex-div\s+date|current\s+price"
    r"|prev(?:ious)?\s+close|e\.p\.s\.)"
    r"\s*(?:(?:click|see)\s+here\s*-*>?\s*)?(?:<link>|$)",
)
BOT_TRENDING = Cue(r"\btrending\s*\$", r"\balso\s+see\s*:", r"\brecent\s+news\s+updated\b")
LINK_BAIT = Cue(
    r"\byou\s+won'?t\s+believe\b",
    r"\bwhat\s+happens\s+next\b",
    r"\bthis\s+(?:one\s+)?(?:stock|trick|company)\s+(?:will|could|is\s+about)\b",
    r"\bsecret\b",
    r"\bshocking\b",
    r"\bfind\s+out\s+(?:why|how|which|what)\b",
    r"\bread\s+(?:this|more)\s+(?:before|now)\b",
)
# Words spelt with a dollar sign for an S ("ALWAY$", "WA$ THERE", "FA$T"): shouting or
# promotion, never a headline (currency prefixes such as US$5 or C$3 are left out).
MONEY_SPELLING = Cue(
    r"(?<![A-Za-z])(?!(?:US|C|A|AU|HK|NZ|S|R|NT|MX|CA)\$)[A-Za-z]+\$(?=[A-Za-z]|[\s'’!?.,]|$)",
    flags=0,
)
