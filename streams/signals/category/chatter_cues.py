"""Chatter cues: price talk, options, technicals, personal trades, ratings, previews, fund
positions, opinion; and speculation, which discounts a company event (issue 13)."""

from __future__ import annotations

from .scan import Cue

__all__ = [
    "ANALYST",
    "COUNTERFACTUAL",
    "LISTICLE",
    "RATED",
    "OPINION",
    "VERDICT",
    "OPTIONS",
    "PERCENT",
    "PERSONAL",
    "POSITION",
    "PREVIEW",
    "PRICE",
    "QUESTION",
    "SPECULATION",
    "STOCK_MOVE",
    "STOCK_TALK",
    "TECHNICAL",
]

PRICE = Cue(
    r"(?<![\w$])\$\s?\d[\d,]*(?:\.\d+)?(?![\d,.])(?!\s*(?:[mbk]n?\b|mm\b|mil|mln|bil|bln|billion|million|"
    r"thousand|trillion|tr?n?\b))",
)
PERCENT = Cue(r"(?<![\w.])[+-]?\d+(?:[.,]\d+)?\s?%", flags=0)
OPTIONS = Cue(
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
TECHNICAL = Cue(
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
PERSONAL = Cue(
    r"\b(?:i|i'm|i've|i'd|im|ive|we|we're|we've|my|me)\b[^.!?\n]{0,40}\b(?:bought|sold|buy|sell|"
    r"buying|selling|added|adding|trimmed|long|short|shorted|shorting|own|holding|hold|"
    r"position|entry|exit(?:ed)?|stopped\s+out|took\s+profits?|shares)\b",
    r"\b(?:bought|sold|added|shorted|grabbed|picked\s+up|loaded\s+(?:up\s+)?on)\s+"
    r"(?:some|more|a\s+few|a|my|\d[\d,]*)\b",
    r"^\s*(?:long|short|bought|sold|added|buying|selling|adding|trimmed)\b",
    r"\brecent\s+buys\b",
    # a trader's cost basis ("basis in the low 70s", "my avg cost")
    r"\b(?:cost\s+)?basis\s+(?:is\s+|was\s+)?(?:in|at|around|near|of|about|under|over)\b",
    r"\bcost\s+basis\b",
    r"\b(?:my|avg|average)\s+(?:avg\s+|average\s+)?(?:cost|entry|buy\s+price)\b",
    r"\bmy\s+(?:portfolio|position|shares|picks?|trade)\b",
    r"\b(?:wish|glad|should\s+have|shoulda)\b[^.!?\n]{0,20}\b(?:bought|sold|buy|sell)\b",
    # a trade around an event ("Playing Acme's big announcement today", "how to play Q3")
    r"\b(?:playing|(?:how|ways?)\s+to\s+play)\s+(?:\$?[\w&.'’-]+\s+){0,3}(?:announcement|"
    r"event|earnings|launch|keynote|report|results|numbers|split|dividend|ipo|news|q[1-4])\b",
)
ANALYST = Cue(
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
    # a rating change in headline form ("Acme Cut to Hold at Northwind")
    r"\b(?:cut|cuts|raised|raises|lowered|lowers|lifted|moved|upgraded|downgraded)\s+to\s+(?:a\s+)?"
    r"(?:strong\s+)?(?:buy|sell|hold|neutral|outperform|underperform|overweight|underweight|"
    r"market\s+perform|sector\s+perform)\b",
)
# A rating told as the headline ("Goldman Sachs Upgrades Acme to Buy", "Acme Upgraded to Buy
# by Northwind", "Acme shares recommended after results at Northwind"): the event it names
# ("after results") is the rater's reason, not what the post reports.
RATED = Cue(
    r"\b(?:up|down)grade[sd]?\s+(?:\S+\s+){0,4}?to\s+(?:a\s+)?(?:strong\s+)?(?:buy|sell|hold"
    r"|neutral|outperform|underperform|overweight|underweight|market\s+perform)\b",
    r"\b(?:shares|stock)\s+(?:(?:re)?recommended|rated|reiterated)\b",
)
PREVIEW = Cue(
    r"\b(?:ahead\s+of|before|into|preview\w*|previewing)\s+(?:the\s+)?(?:earnings|results|"
    r"report|er)\b",
    r"\bearnings\s+(?:preview|expectations?|estimates?|whispers?|week|season|calendar|play)\b",
    r"\bwhat\s+to\s+(?:expect|watch|look\s+for)\s+(?:from|in|at|when)\b",
    r"\breport(?:s|ing)?\s+(?:earnings\s+)?(?:tomorrow|today|tonight|next\s+week|this\s+week|"
    r"after\s+the\s+(?:bell|close)|before\s+the\s+(?:bell|open))\b",
    r"\b(?:will|can|could)\s+\$?[A-Z]\w*\s+(?:beat|miss)\b",
    r"\bexpect(?:ed|s|ations?)?\b",
    r"\bestimates?\b",
    r"\bconsensus\b",
    r"(?-i:\bER'?s?\b)",
    # an analyst's estimate in headline form ("Acme to Post Q3 Earnings of $1.10 Per Share")
    r"\b(?:to|will|expected\s+to)\s+(?:post|report|earn|deliver)\s+(?:\S+\s+){0,3}(?:earnings|eps|"
    r"revenue|sales|profit)\s+of\b",
)
POSITION = Cue(
    r"\b(?:has|have|holds?|takes?|took|opens?|initiates?)\s+(?:a\s+|an\s+|new\s+)?\$?[\d,.]+"
    r"\s*(?:[mbk]\s+)?(?:stake|position)\b",
    r"\b(?:stake|position|holdings?)\s+(?:in\s+[^.]{0,60}?\s+)?(?:boosted|raised|increased|"
    r"cut|lowered|trimmed|decreased|reduced|lifted|upped)\b",
    # (a fund's or firm's; a named investor raising "his stake" is an investor's move, news)
    r"\b(?:boosts?|raises?|increases?|cuts?|lowers?|trims?|decreases?|reduces?|lifts?|ups)\s+"
    r"(?:its\s+|their\s+)?(?:stake|position|holdings?)\b",
    r"\bshares?\s+(?:bought|sold|purchased|acquired)\s+by\b",
    # passive forms: "12,400 Shares in Acme ($ACME) Acquired by Northwind Trust"
    r"\b(?:shares|stake|position|holdings?)\s+(?:in|of)\s+[^!?\n]{0,60}?\s+(?:bought|sold|"
    r"purchased|acquired|added|trimmed|lifted|raised|boosted|cut|lowered|reduced|increased|"
    r"decreased)\s+by\b",
    r"\b(?:buys?|sells?|purchases?|acquires?|unloads?|dumps?|bought|sold)\s+"
    r"(?:\d[\d,]*\s+|new\s+)?(?:shares|stake|position)\s+(?:of|in)\b",
    r"\b(?:\d[\d,]+)\s+shares\s+(?:of|in)\b",
    r"\b13[fF]\b",
    r"\b(?:asset|wealth|investment|capital|fund)\s+management\b.{0,40}\b(?:stake|shares|"
    r"position)\b",
    r"\b(?:llc|lp|advisors?|partners|bank|trust|fund|investments?)\b.{0,40}"
    r"\b(?:stake|shares|position)\s+in\b",
    # an insider's trade ("Insider J. Doe Buys $12,000 in $ACME"), a sum bought of a stock
    r"\binsiders?\b[^.!?\n]{0,60}\b(?:buys|sells|bought|sold|purchases|acquires|dumps)\b",
    r"\b(?:buys|sells|bought|sold|purchases|purchased)\s+\$[\d,.]+\s*[kmb]?\s+(?:of|in|worth)\b",
    r"\binflow\b",
    r"\boutflow\b",
)
OPINION = Cue(
    r"\b(?:why|should|could|would|might|maybe|perhaps|think|thinks|believe|imo|imho|feel|"
    r"guess|hope|wish|wonder|lol|lmao|wow|love|hate)\b",
    r"\b(?:undervalued|overvalued|valuation|cheap|expensive|bargain|fair\s+value|value\s+play)\b",
    r"\b(?:buy\s+now|buy\s+at|buy\s+the\s+dip|time\s+to\s+(?:buy|sell))\b",
    r"\b(?:dividends?|yield|income|retire\w*|portfolios?|invest(?:ing|ors?)?)\b",
    r"\b(?:bull\s+vs\.?\s+bear|bull\s+case|bear\s+case|reasons?|things\s+to\s+know)\b",
    r"\b(?:stocks?\s+for|best\s+stocks?|top\s+stocks?|safest|blue[-\s]chip)\b",
    r"\b(?:traders?|trading|trades?)\b",
    r"\b(?:stock\s+price|share\s+price|market\s+cap|mkt\s+cap)\b",
    r"\b(?:worth|sell\s+on\s+news|moat)\b",
    r"\b(?:takeover|buyout|merger|acquisition)\s+(?:target|candidate|chatter|speculation|"
    r"rumou?rs?|mania|talk)\b",
)
QUESTION = Cue(r"\?", flags=0)
# The poster's verdict on what happened: "This outage is a disaster for business", "the
# launch was a total mess". The event it names is the talking point.
VERDICT = Cue(
    r"\b(?:is|are|was|were)\s+(?:a\s+|an\s+)?(?:total\s+|complete\s+|huge\s+|big\s+|real\s+)?"
    r"(?:disaster|joke|mess|nightmare|fiasco|farce|travesty|embarrassment|no-brainer)\b",
)
# Talk about the stock itself: its price, its shares, buying and selling it.
STOCK_TALK = Cue(
    r"\b(?:stocks?|shares?|shareholders?|buy|buys|buying|sell|selling|sold|long|short|"
    r"cover(?:ed|ing)?|hold(?:ing)?|position|entry|exit|lows?|highs?|higher|lower|green|red|"
    r"trash|moon|mooning|dump(?:ing|ed)?|pump(?:ing|ed)?|squeeze|play|ticker|"
    r"mkt\s+cap|market\s+cap|recommendations?|cramer|earnings?|quarter|profits?)\b",
    r"(?:@|\bat|\bunder|\bover|\babove|\bbelow)\s*\d+(?:\.\d+)?\b",
    r"\b\d+(?:\.\d+)?\s?\$",
)
# A guess, the poster's or a crowd's: "I think ...", "why everyone suddenly thinks ..."
# (alternatives of SPECULATION too).
_POSTER_GUESS = r"\b(?:i|we)\s+(?:think|bet|guess|expect)\b"
_CROWD_GUESS = r"\b(?:everyone|everybody|people|investors|traders|analysts|many)\s+(?:\w+\s+)?think(?:s|ing)?\b"
GUESS = Cue(_POSTER_GUESS, _CROWD_GUESS)
# Speculation, advice and wishes: a deal or move someone imagines is not a company event.
SPECULATION = Cue(
    r"\?",
    r"\b(?:could|should|would|might|if|perhaps|maybe|why|possible|possibly|imo|imho|wish|"
    r"wonder|hope|imagine|predict\w*)\b",
    _POSTER_GUESS,
    r"\b(?:takeover|buyout|acquisition|merger)\s+(?:target|candidate|chatter|speculation|mania)\b",
    r"\bopen\s+letter\b",
    # timing advice ("Buy Acme before the launch") and imagined dates ("come October, they ...")
    r"\b(?:buy|sell|avoid|own)\s+(?:\$?[\w&.'’-]+\s+){0,2}(?:before|ahead\s+of)\b",
    r"\bcome\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|fall|spring|summer|winter|"
    r"next)\w*\b",
    r"\b(?:suspect|doubt|rumou?r\s+is\s+false|not\s+true|unconfirmed)\b",
    # a deal someone thinks fitting ("ripe for a deal"), a verdict on a new boss
    r"\bripe\s+for\b",
    # a calendar of reports to come ("127 companies are scheduled to report for Q3")
    r"\b(?:scheduled|slated|due|set)\s+to\s+report\b",
    # the Street's model of a quarter not yet reported ("Street Is Modeling For a Decline")
    r"\b(?:street|analysts?)\s+(?:is\s+|are\s+)?model(?:l?ing|s)\b",
    # a wish for what the company should do ("Seems like a great time for $ACME to buy back")
    r"\b(?:great|good|perfect|right|high|best)\s+time\s+(?:for|to)\b",
    r"\bneeds?\s+more\s+than\b",
    # what the company needs in the poster's view, what the crowd thinks ("investors need a
    # buyback", "why everyone suddenly thinks Google will acquire Twitter")
    r"\bneeds?\s+(?:a|an|to)\s+(?:\w+\s+)?(?:buy\s?back|dividend|split|deal|acquisition|ceo)\b",
    _CROWD_GUESS,
)
# Stock-picking lists and explainers: "7 Cloud Stocks to Consider", "Only 9 stocks beat Acme",
# "Key Takeaways From Q2": a company event named in them is a
# talking point, not the news.
LISTICLE = Cue(
    # a ranking ("Beats Hooli To Lead The Elite List Of Top Companies")
    r"\blist\s+of\s+(?:the\s+)?(?:top|best|most|largest|biggest)\s+(?:\w+\s+)?(?:companies|"
    r"stocks|brands|firms)\b",
    # an explainer on results, not the results ("A Look at Acme's Fourth Quarter Results")
    r"\b(?:a|first|closer|quick|deeper)\s+look\s+at\s+(?:\S+\s+){0,4}(?:results|earnings|"
    r"quarter|numbers)\b",
    r"(?<![\w$.,])\d{1,3}\s+(?:[A-Za-z&'’-]+\s+){0,3}(?:stocks|things|ways|charts|picks"
    r"|names|reasons)\b",
    r"\bstocks?\s+(?:to|that|which|worth)\s+(?:\w+\s+)?(?:consider|buy|buying|watch|own|beat|"
    r"outperform\w*|outr[au]n|avoid|sell)\b",
    r"\b(?:just|only)\s+\d{1,3}\s+(?:\S+\s+){0,2}(?:stocks|companies)\b",
    r"\bkey\s+takeaways\b",
    r"\bimplications\s+of\b",
    r"\bwhat\s+(?:i|we)\s+(?:have\s+)?learned\b",
    r"\b(?:q[1-4]|earnings|quarter|quarterly)\s+(?:review|recap)\b",
    # the poster recommending a read ("good article to review", "full chart review")
    r"\b(?:good|great|interesting|nice|must)\s+(?:article|read|piece|post)\b",
    r"\bchart\s+review\b",
)
# The stock's own record or move as the headline ("40 cents from its highest share price
# ever", "gains more ground after the split"): price talk, whatever event caused it.
STOCK_MOVE = Cue(
    r"\b(?:highest|lowest|record|all[-\s]time)\s+(?:stock|share)\s+price\b",
    r"\b(?:stock|share)\s+price\s+(?:record|high|ever)\b",
    r"\b(?:cents|dollars|points|bucks)\s+(?:away\s+)?(?:from|shy\s+of)\b",
    r"\b(?:gains?|gained|gaining|loses|lost|losing|adds|added|sheds|shed|gives?\s+back)\s+"
    r"(?:more\s+|further\s+|some\s+|new\s+)?ground\b",
    r"\b(?:keeps?|kept|continues?\s+to|continues)\s+(?:climbing|rising|falling|sliding|rallying|"
    r"sinking|dropping|soaring|slipping|climb|rise|fall|slide|rally|sink|drop|soar|slip)\b",
    r"\b(?:extends?|extended|pares?|pared)\s+(?:its\s+)?(?:gains|losses|rally|slide|decline)\b",
    r"\b(?:higher|lower)\s+(?:stock|share)\s+price\b",
    r"\b(?:more|further|limited|big|huge)\s+(?:upside|downside)\b",
    r"\b(?:good|great|nice|better)\s+entry\b",
    r"\bentry\s+(?:price|point)\b",
    r"\bprofit[-\s]taking\b",
    # a record the stock set ("hits a new all-time high", "up 150% since its IPO")
    r"\b(?:hits?|hitting|reach(?:es|ed)?|set(?:s|ting)?|notch(?:es|ed)?)\s+(?:a\s+|another\s+)?"
    r"(?:new\s+)?(?:all[-\s]time|record|52[-\s]week)\s+highs?\b",
    r"\b(?:up|down)\s+\d+(?:\.\d+)?\s?%\s+since\b",
    # the stock already reflecting an event ("shares pricing in the loss of a contract")
    r"\bpric(?:ed|ing|es)\s+in\b",
    r"\b(?:drops?|falls?|gains?|rises?|climbs?|slips?|dips?|jumps?)\s+[-+]?\d+(?:\.\d+)?\s?%\s+"
    r"(?:for|on|this|in)\s+(?:the\s+)?(?:week|day|month|year|session)\b",
)
# What might have been: "if Acme had just sold", "would have been worth", "ironic that".
COUNTERFACTUAL = Cue(
    r"\bif\s+(?:\S+\s+){0,4}had\b",
    r"\bif\s+only\b",
    r"\b(?:would|could|should|might)\s+(?:have|'ve)\s+(?:been|\w+ed|sold|bought|made|had)\b",
    r"\b(?:ironic(?:ally)?|irony)\b",
    r"^\W*(?:\$[A-Za-z.]+\W+)*(?:how|the\s+way)\s+(?:\S+\s+){1,12}means\b",
    # a question as the headline ("Will Acme's Deal Lift Widget?"), advice to trade on news
    r"^\W*(?:\$[A-Za-z.]+\W+)*(?:will|is|are|can|could|should|does|do|did|has|have)\s+"
    r"[^?.!]{3,120}\?",
    r"^\W*(?:\$[A-Za-z.]+\W+)*(?:buy|sell|avoid|short|dump|ditch)\s+(?:\$?[\w&.'’-]+\s+){1,3}"
    r"(?:after|on|now|before|ahead|into)\b",
    # an event asked about and answered with a doubt ("Acme to buy Widget? Unlikely")
    r"\?\s*(?:[-–—(:]\s*)?(?:unlikely|not\s+likely|doubtful|probably\s+not|don'?t\s+bet|hint)\b",
)
