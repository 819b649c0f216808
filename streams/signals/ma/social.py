"""Deal evidence particular to social posts: the families that read like deals and are not,
and the deal wordings headlines on social media use.

Not deals (weighed against a deal, like ``evidence``'s negative cues):

- funds and institutions changing positions ("Shares Bought by Acme Advisors", "Has $2,100,000
  Stake in", "Sells 4,200 Shares of", "boosts stake in Globex by 2%", "new position", 13F);
- stock-buying advice and trading ads ("stocks to buy", "buying or selling?", "buy now",
  "time to buy", "in buy range", calls and puts);
- traders', investors' and insiders' trades ("Traders Buy ...", "insider selling",
  "CFO sells 9,000 shares");
- takeover speculation with no deal ("5 takeover targets", "who will Globex buy next?",
  "merger mania");
- buying products or rights ("buys streaming rights to a film", "buy the new phone").
- deals imagined, urged or asked about ("If Globex and Initech merged", "Dear Globex ...",
  "Will they buy Initech?", "takeover target by $GLBX?", "I smell a takeover"), the
  poster's regrets and alerts, a pronoun bought ("millions will buy it"), commodities;
- background figures ("has a mkt cap of $11b", "is now worth", "15% of tablets").

Deal wordings (positive): "nears sale", "in talks to buy", "merger talks", "raises its
Initech bid", "Globex bid", "purchase for $3bn", "bought the Daily Planet".
"""

from __future__ import annotations

import re
from typing import Final

_I = re.IGNORECASE
# A count of shares small enough to be a fund's or a person's trade, not a stake.
_SMALL_COUNT: Final = r"(?:\d{1,3},\d{3}|\d{1,6})(?![\d,])"
_CHANGED: Final = (
    r"(?:bought|sold|acquired|purchased|boosted|raised|increased|decreased|lowered|trimmed|cut"
    r"|reduced|lifted|grown|upped|added|dumped)"
)
_CHANGE: Final = (
    r"(?:boosts?|boosted|raises?|raised|increases?|increased|decreases?|decreased|lowers?"
    r"|lowered|trims?|trimmed|cuts?|reduces?|reduced|lifts?|lifted|grows?|grew|ups|upped"
    r"|adds?\s+to|added\s+to)"
)
_HOLDERS: Final = (
    r"(?:investors|(?:day)?traders|(?:hedge\s+)?funds|insiders|institutions|analysts|longs|shorts|people"
    r"|bulls|bears|buyers|sellers|whales|retail)"
)
_OFFICERS: Final = r"(?:ceo|cfo|coo|cto|director|chairman|insider|executive|exec|president|officer)"
_GOODS: Final = (
    r"(?:iphones?|ipads?|macs?|macbooks?|phones?|tablets?|laptops?|cars?|tickets?|songs?|apps?"
    r"|movies?|books?|games?|consoles?|tvs?|devices?|gadgets?|headphones?|products?"
    r"|gift\s+cards?|subscriptions?|shows?|series|episodes?|pilots?|seasons?|drugs?|compounds?"
    r"|molecules?|smartphones?|access)"
    # "buy a cancer drug developer", "buy a phone app testing tool maker": the words describe
    # the company bought
    r"(?!\s+(?:[a-z-]+\s+){0,2}?(?:developers?|makers?|compan(?:y|ies)|firms?|startups?|businesse?s?|units?"
    r"|divisions?|producers?|manufacturers?|retailers?|platforms?|specialists?|group|maker))"
)

_TRADES_AND_GOODS: Final[tuple[tuple[float, re.Pattern[str]], ...]] = (
    # Fund and institution positions.
    (
        1.5,
        re.compile(
            r"\b(?:shares?|stake|position|holdings?)\s+" + _CHANGED + r"\s+by\b"
            r"|\b(?:has|holds?|owns?|with)\s+(?:a\s+)?(?:US)?[$€£][\d,.]+\s*(?:k|m|mn|million|b"
            r"|bn|billion)?\s+(?:stake|position|holding|investment)s?\s+in\b"
            r"|\b" + _CHANGE + r"\s+(?:its\s+|their\s+|her\s+|his\s+)?(?:stake|position"
            r"|holdings?)\s+(?:in\s+[^.;]{1,60}?\s+)?by\b"
            # the Title Case of position-tracking bots: "Lowers Stake in", "Sells 4,200 Shares of"
            r"|\b(?-i:Lowers|Trims|Reduces|Decreases|Cuts|Boosts|Raises|Increases|Lifts|Grows"
            r"|Ups)\s+(?-i:Stake|Position|Holdings)\s+in\b"
            r"|\b(?:acquires?|acquired|takes?|took|opens?|opened|initiates?|initiated|establish"
            r"(?:es|ed)?|starts?|started)\s+(?:a\s+)?new\s+(?:stake|position|holding)\b"
            r"|\bnew\s+position\s+in\b|\b13[- ]?f\b"
            # "FACTBOX: Smart money buys $EBAY, $GOOGL and sells $GM": hedge funds' trades
            r"|\bsmart\s+money\s+(?:buys|sells|bought|sold|buying|selling|dumps|loads)\b"
            r"|\binstitutional\s+(?:owners|holders|ownership)\b"
            # "Acme Trust Acquires $19,353,000 in Globex Shares"
            r"|\b(?-i:Acquires|Acquired|Buys|Bought|Sells|Sold|Purchases)\s+\$\d{1,3}(?:,\d{3})+"
            r"\s+(?:in|of)\b"
            r"|\b(?-i:Sells|Sold|Buys|Bought|Acquires|Acquired|Purchases|Purchased)\s+"
            + _SMALL_COUNT
            + r"\s+(?-i:Shares)\b",
            _I,
        ),
    ),
    # Stock-buying advice and trading ads.
    (
        1.5,
        re.compile(
            r"\bstocks?\s+to\s+(?:buy|sell|watch|own)\b"
            r"|\b(?:buy(?:ing)?|sell(?:ing)?)\s+or\s+(?:sell(?:ing)?|buy(?:ing)?|hold(?:ing)?"
            r"|wait)\b"
            r"|\b(?:you|i|we|u)\s+(?:\w+\s+)?(?:looking|want|wanna|need|planning|ready)\s+to\s+buy\b"
            r"|(?:^|[:.!?]\s*)want\s+to\s+buy\b"
            r"|\b(?:time|late|reasons?|ready|difficult|hard|easy|places?|good|best|enough"
            r"|continu\w+|opportunity|opps?|chance|orders?|chart|setup)\s+to\s+buy\b"
            r"|\bbuy\s+(?:now|today|the\s+(?:dip|close|open|space|rumou?r|news)|buy|calls"
            r"|puts|at\s+[$\d])\b|\b(?:buy|sell)\s+(?:range|zone|rating|signal|alert|list|setup"
            r"|scan|level)s?\b"
            r"|\b(?:keep|kept|keeps|continu\w+)\s+(?:buying|selling)\b"
            r"|\bbuying\s+opportunit\w+|\bon\s+(?:weakness|strength|the\s+dip)\b"
            # a holder's own stock: "sell their $GLBX", "buy more $GLBX"
            r"|\b(?:sell|sold|selling|buy|buying)\s+(?:my|your|our|their)\s+\$[A-Za-z]"
            # an insider's or an investor's trades: "has been selling his shrs ... and buying
            # $CVX", "Marathon Investor: sold $GLD $BAC bought $CHL"
            r"|\b(?:sell|sold|selling|buy|buying|bought)\s+(?:his|her)\s+(?:shares|shrs|stock"
            r"|stake)\b"
            r"|\bsold\s+(?:\$[A-Za-z.]+[\s,]+)+(?:and\s+)?(?:bought|buying)\s+\$[A-Za-z]"
            r"|\b(?:buy|acquire|add|sell|bought|acquired|added|sold)\s+(?:more|some)\s+\$[A-Za-z]"
            r"|\b(?:purchase|procurement|shopping)\s+lists?\b|\b(?:call|put)\s+spreads?\b"
            r"|\b(?:calls|puts|contracts|options)\s+(?:being\s+)?(?:bought|sold)\b"
            r"|\b(?:call|put)\s+(?:buying|selling|options?)\b"
            r"|\b(?:calls|puts)\s+(?:buying|selling|activity|volume|expir\w+)\b"
            r"|\b\d[\d.]*\s+(?:calls|puts)\b|\bbuy(?:ing)?\s+stocks\b|\bleft\s+to\s+buy\b"
            # analyst ratings: "raised to buy from hold", "cut to sell"
            r"|\b(?:raised|raises|cut|cuts|lowered|upgraded|downgraded|moved|lifted|reiterated?)\s+"
            # (not a raised offer: "raises offer to buy Initech")
            r"(?:(?!(?:offer|offers|bid|bids|proposal|price)\b)\w+\s+)?to\s+(?:buy|sell|hold|outperform"
            r"|neutral)\b"
            r"|\bfrom\s+(?:hold|neutral|sell|buy|underperform|outperform)\b"
            # a rating bot: "Vetr Inc. Lowers Globex Holding Ltd (GLBX) to Buy"
            r"|\b(?:lowers|raises|upgrades|downgrades|cuts|lifts|moves)\s+(?:[\w.&'’-]+\s+){1,6}"
            r"\((?:NYSE:|NASDAQ:)?[A-Z.]{1,6}\)\s+to\s+(?:strong\s+)?(?:buy|sell|hold|outperform"
            r"|neutral|underperform)\b"
            # a trade up to a price: "blessing to buy Alibubble up to $80 tomorrow"
            r"|\bbuy\s+(?:\S+\s+){1,2}?up\s+to\s+\$\d"
            # "Stock Reaffirmed As Buy At Northwind Bank"
            r"|\b(?:reaffirm|reiterat|maintain|rate|rating|initiat)\w*\s+(?:it\s+)?as\s+(?:a\s+)?"
            r"(?:strong\s+)?buy\b"
            r"|\bcoverage\b[^.!?\n]{0,60}\bto\s+buy\b"
            # a rating bot: "Set Price Target by Northwind Bank (Ranked 15th) to Buy"
            r"|\bprice\s+target\b[^.!?\n]{0,60}\bto\s+buy\b"
            # advice: "a flowchart to help you decide whether to buy Globex stock"
            r"|\b(?:whether|decide)\s+(?:or\s+not\s+)?to\s+buy\b"
            # a trade at a price: "bought last night at 106.12"
            r"|\b(?:bought|sold|buying|selling)\b[^.!?\n]{0,25}\bat\s+\$?\d+\.\d+\b"
            r"(?!\s*(?:dlrs|dollars|a\s+share|per\s+share))"
            # a trade timed by the market: "bought it at the peak", "sold at the lows"
            r"|\b(?:bought|sold|buying|selling)\b[^.!?\n]{0,30}\bat\s+(?:the\s+)?(?:very\s+)?"
            r"(?:top|peak|highs?|bottom|lows?|dip)\b"
            # "Buy Globex Or J.C. Vandelay?": a question weighing two stocks
            r"|\bbuy\b[^?!\n]{1,40}\bor\b[^?!\n]{1,40}\?"
            r"|\bon\s+(?:market\s+)?(?:weakness|strength|dips?)\b"
            r"|\b(?:buy|sell|bought|sold)\s+(?:more\s+|some\s+)?\$[A-Za-z.]+\s+(?:shares|stock"
            r"|calls|puts)\b",
            _I,
        ),
    ),
    # Traders', investors' and insiders' own trades.
    (
        1.5,
        re.compile(
            r"\b" + _HOLDERS + r"\s+(?:are\s+)?(?:tak(?:e|es|ing)\s+over|in\s+control)\b"
            r"|\b" + _HOLDERS + r"\s+(?:are\s+)?(?:buy|sell|bought|sold|buying|selling|dump\w*"
            r"|load\w*)\b|\binsider\s+(?:buying|selling|buys?|sells?|purchases?|sales?)\b"
            r"|\b" + _OFFICERS + r"s?\s+(?:\w+\s+){0,2}?(?:sells?|sold|buys?|bought|dumps?"
            r"|unloads?|cuts?)\s+(?:her\s+|his\s+)?(?:[$\d][\d.,]*\s*(?:k|m|million|billion)?\s+)?"
            r"(?:(?:of|in|worth\s+of)\s+)?(?:shares|stock|stake)\b",
            _I,
        ),
    ),
    # Takeover speculation with no deal named.
    (
        1.2,
        re.compile(
            r"\b(?:takeover|buyout|acquisition|m&a|merger)\s+(?:targets|candidates|bait|fever"
            r"|frenzy|wave|boom|odds)\b|\bmerger\s+mania\b"
            # "firm suggests Globex consider takeover": advice, not a deal
            r"|\bsuggest(?:s|ed|ing)?\b[^.!?\n]{0,40}\bconsider\w*\s+(?:an?\s+)?(?:takeover|buyout"
            r"|acquisition|merger|bid|buying|acquiring|selling|sale)\b"
            r"|\bcould\s+\S+(?:\s+\S+)?\s+be\s+an?\s+(?:takeover|buyout|acquisition)\s+target\b"
            r"|\b(?:makes|would\s+make)\s+sense\b|\bis\s+vital\b"
            r"|\b(?:perhaps|maybe)\s+[^.?!]{0,30}\b(?:could|should|would|might)\s+(?:buy|acquire"
            r"|merge)\b"
            r"|\b(?:who|what)\s+(?:will|should|could|would|might)\s+\S+\s+(?:buy|acquire)\b"
            r"|\b(?:buy|acquire)\s+next\b|\bshould\s+(?:buy|acquire|merge|combine|bid\s+for)\b"
            r"|\b(?:time|late|enough)\s+for\s+\S+\s+to\s+(?:buy|acquire)\b"
            r"|\b(?:\d+|many|several|dozens\s+of)\s+(?:acquisitions|takeovers|mergers|buyouts)\b"
            r"|\b(?:trading|recent|renewed|growing|strong|faded|buying|investor)\s+"
            r"interest\s+in\b"
            r"|\btak(?:e|es|ing|en)\s+over\s+(?:the\s+)?(?:world|market|industry|internet|sports?"
            r"|tv|television|music|streaming|gaming|mobile|space|lead|reins|top|fashion|retail"
            r"|e-?commerce|grocer(?:y|ies)|payments|advertising|search|healthcare)\b"
            # a company's own spending: "Spent $7.3 Billion on its Data Centers"
            r"|\b(?:spen[dt]s?|spending|pa(?:ys|id))\s+(?:about\s+|over\s+|nearly\s+|more\s+than\s+)?"
            r"(?:US)?[$€£]?\d[\d.,]*\s*(?:bn|b|billion|m|mn|million)?"
            r"(?:\s+(?:a|per|each)\s+(?:year|quarter|month))?\s+on\s+(?:#?tech(?:nology)?\b|its|their|new"
            r"|research|r&d|marketing|advertising|ads|lobbying|buybacks?|dividends?|capex)\b"
            # a count of deals, not one: "has acquired 143 companies since it was founded"
            r"|\b(?:acquired|bought|purchased|acquires|buys)\s+(?:more\s+than\s+|over\s+|about\s+"
            r"|nearly\s+)?\d[\d,]*\s+(?:compan(?:y|ies)|startups?|firms?|businesse?s?)\b"
            r"(?=[^.!?\n]{0,40}\b(?:a|per|each|every)\s+(?:week|month|year)|[^.!?\n]{0,40}since"
            r"|\s+(?:so\s+far|to\s+date|in\s+total))"
            r"|\b(?:acquired|bought|purchased)\s+(?:more\s+than\s+|over\s+|about\s+|nearly\s+)?"
            r"\d[\d,]{1,}\s+(?:companies|startups|firms|businesses)\b"
            # a poster's or a crowd's guess: "everyone suddenly thinks Google will acquire",
            # "a crazy theory going around says", "wants $FB or $GOOG to buy it",
            # "could leapfrog rivals by acquiring Y", "Time for a $GOOG acquisition"
            r"|\b(?:everyone|everybody|people|investors|traders|analysts|many|some)\s+(?:\w+\s+)?"
            r"think(?:s|ing)?\b|\btheor(?:y|ies)\b"
            r"|\bwants?\s+(?:\S+\s+){1,3}?to\s+(?:buy|acquire|bid\s+for)\b"
            r"|\bcould\s+[^.!?\n]{1,50}?\bby\s+(?:acquiring|buying|merging\s+with|taking\s+over)\b"
            r"|\btime\s+for\s+an?\s+\S+\s+(?:acquisition|takeover|buyout|merger)\b"
            r"|\bno\s+one\s+(?:is\s+)?(?:buying|buys)\b"
            # the reader's fear bought, a role, a personal take: "$AAPL Bought Your Fear",
            # "The Exec In Charge Of Buying Companies Met With ...", "My take = Merger"
            r"|\b(?:buy|buys|bought|buying|sold|sells?|selling)\s+(?:your|my)\b"
            r"|\bin\s+charge\s+of\s+(?:buying|acquisitions|m&a|deals)\b|\bmy\s+take\b"
            r"|\bmakes?\s+(?:perfect|total|good|a\s+lot\s+of|no)\s+sense\b"
            # a market wrap, a war chest: "U.S. Stocks Climb On Merger, Ukraine Accord",
            # "Apple has enough cash to buy Ford, GM, Tesla"
            r"|\bstocks?\s+(?:climb|rise|fall|rall(?:y|ie)|slip|drop|gain|jump|edge|sink|tumble)"
            r"\w*\s+on\s+(?:merger|deal|takeover|m&a)\b"
            r"|\b(?:enough|sufficient)\s+(?:cash|money)\s+to\s+buy\b|\bcan\s+afford\s+to\s+buy\b"
            # a guess, a reorganisation, old times, a settlement, paper bought: "my bet is",
            # "to merge business units", "in the 80's", "#TBT", "to pay $772 million for
            # deceptive card practices", "to Buy $3.15 Billion of Debt"
            r"|\bmy\s+(?:bet|guess|prediction|hunch)\b"
            # a forecast on a prediction site: "Prediction: Initech is acquired by $GLBX",
            # "Globex to acquire Initech for $2B within 1 year"
            r"|^\W*prediction\s*:|(?<!\bclose\s)(?<!\bclosing\s)(?<!\bcomplete\s)(?<!\bcompleted\s)"
            r"\bwithin\s+(?:\d+|one|two|three|six|twelve)\s+(?:years?|months?)"
            r"\s*(?:$|https?:|[#@.])"
            r"|\bmerg\w*\s+(?:its\s+|the\s+|two\s+)?(?:\w+\s+)?(?:business\s+)?(?:units|divisions"
            r"|segments|departments|teams|operations)\b"
            r"|\b(?:in|during)\s+the\s+(?:19)?[5-9]0['’]?s\b|#tbt\b|\bthrowback\b"
            r"|\bpa(?:y|ys|id|ying)\b(?:[^.!?\n]|\.(?=\d)){0,40}\b(?:settle\w*|fines?|penalt\w+"
            r"|deceptive|misleading"
            r"|unfair|illegal|damages|restitution|criminal|conspiracy|fraud|misconduct|violations"
            r"|charges)\b"
            r"|\b(?:buy|buys|bought|buying|purchas\w*)\s+(?:\S+\s+){0,4}?of\s+(?:its\s+)?(?:debt"
            r"|bonds|notes|securities|mortgages?)\b"
            # hindsight: "Best for $AAPL was to buy $NFLX when it was trading low"
            r"|\bbest\s+(?:for\s+\S+\s+)?(?:was|would\s+have\s+been)\s+to\s+(?:buy|acquire)\b"
            # a web domain bought: "Someone paid $12 for the Googlecom domain"
            r"|\b(?:paid|pays|buys?|bought|sold|sells?)\b[^.!?\n]{0,40}\bdomain(?:\s+names?)?\b"
            # government procurement: "Pentagon, GSA map out acquisition cybersecurity"
            r"|\bacquisition\s+(?:cybersecurity|reform|workforce|process|rules|regulations?"
            r"|polic(?:y|ies)|professionals?|officials?|programs?)\b"
            # a contract to win: "Billions Up for Grabs in Biggest-Ever Army Engine Contract",
            # "Globex Wins $85M Shah Deniz Deal" (not "wins approval for Initech deal")
            r"|\bup\s+for\s+grabs\s+in\s+(?:\S+\s+){0,5}?contracts?\b"
            r"|\bwins?\s+(?!(?:\S+\s+){0,3}?(?:approval|backing|support|nod|clearance|vote|battle"
            r"|war|fight|bidding|race|bid)\b)(?:an?\s+)?(?:\$?[\d.,]+\s*(?:[mbk]n?|million|billion)?\s+)?"
            r"(?:[\w-]+\s+){0,3}?(?:deal|contract|order|tender)s?\b"
            r"(?!\s+(?:to|for)\s+(?:buy|acquire|purchase|take\s+over|merge|sell))"
            # a strategy, a league table: "Cisco Looks to Acquisitions in Security", "Amgen
            # Takes Over #33 Spot From Cisco"
            r"|\b(?:look(?:s|ing)?|turn(?:s|ing)?)\s+to\s+(?:more\s+)?(?:acquisitions|m&a|deals"
            r"|takeovers)\b"
            r"|\btak(?:e|es|ing|en)\s+over\s+(?:the\s+)?(?:#|no\.?\s*)\d+\s+(?:spot|position|place"
            r"|rank(?:ing)?)\b"
            r"|\b(?:a\s+look\s+at|list\s+of|roundup\s+of)\s+(?:\w+\s+)?(?:acquisitions|takeovers"
            r"|mergers|buyouts)\b"
            # a bid to do something else: "Facebook and Google Bid to Repurpose Our Eyes"
            r"|\bbids?\s+to\s+(?!(?:buy|acquire|purchase|take|merge|combine|block|stop|halt|thwart"
            r"|fend|win|break|sell|own|control|gain|raise|lift|boost|sweeten|create|form|become"
            r"|expand|keep|save|takeover|seek|be|the|an?|its|their|his|her|our|this|that)\b)(?-i:[a-z]+|[A-Z][a-z]+(?=\s+(?i:our|your|the|its|their|an?)\s))"
            # ... in Title Case: "Wal-Mart Fights Bid to Curb Gun Sales", "Bid to Catch Up"
            r"|\bbids?\s+to\s+(?:curb|catch|cut|reduce|lower|end|revive|restore|lure|attract|woo"
            r"|enter|build|challenge|overturn|dismiss|limit|ban|protect|avoid|delay|dodge|settle"
            r"|unionize|organize|tackle|fix|improve|compete|beat|fight|regain|reclaim|revamp"
            r"|rebuild|reach|recover|reinvent|simplify|speed|streamline|trim|unseat|oust|force"
            r"|repeal|extend|renew|rescue|court|sway|win\s+back)\b"
            # a how-to: "Buying a Fiat in five easy steps"
            r"|\bin\s+(?:\d|two|three|four|five|six|seven|eight|nine|ten)\s+(?:easy\s+|simple\s+)?"
            r"steps\b",
            _I,
        ),
    ),
    # Buying products, shows or rights.
    (
        1.2,
        re.compile(
            r"\b(?:buys?|bought|buying|acquires?|acquired|acquiring|grabs?|grabbed|wins?|won"
            r"|snaps?\s+up|snapped\s+up|picks?\s+up|picked\s+up|lands?|landed|secures?|secured"
            # (not across a clause: "acquires Initech, gaining the rights to its designs")
            r"|purchases?|purchased|bid\w*)\s+(?:(?:[\w$€£.@#-]|,(?=\d))+\s+){0,4}?rights\s+to\b"
            r"|\b(?:tv|streaming|broadcast\w*|film|movie|music|media|distribution)\s+rights\b"
            r"|\bbuy\s+button\b|\bask\s+to\s+buy\b"
            r"|\b(?:buy|buys|bought|buying|purchas\w+|pick(?:s|ed|ing)?\s+up|sells?|sold|selling)\s+"
            r"(?:(?:an?|the|my|your|new|more|some|over|nearly|about|more\s+than|[\d.,]+\s*(?:m|k"
            r"|million|billion)?|six|five|four|three|two)\s+)*(?:[\w-]+\s+)?"
            + _GOODS
            + r"\b|\bpick(?:s|ed|ing)?\s+up\s+(?:more|some|(?:the\s+)?(?:pace|slack|steam|speed"
            r"|momentum)|in[\s-]stores?)\b"
            # business improving: "bolster hiring as business picks up"
            r"|\b(?:business|demand|sales|orders|growth|activity|trading|economy|market)\s+"
            r"pick(?:s|ed|ing)?\s+up\b"
            # goods and property: "Approval to Sell Spare Parts to Iran", "to purchase Honolulu
            # land", "to Sell LNG to South Korea's SK"
            r"|\b(?:buy|buys|bought|buying|purchas\w*|sells?|sold|selling)\s+(?:[\w-]+\s+){0,2}?"
            r"(?:(?:spare\s+)?parts|land|real\s+estate|buildings?|campus|lng|crude|coal|electricity"
            r"|(?-i:beach(?:es)?|plantations?|mansions?|homes?|houses?|island|ranch|penthouse"
            r"|estates?|apartments?|condos?|yacht|jet|castle|villa))"
            r"(?=\s+(?:to|for|from|in|at|and|of)\b|\s*[.,;:!?]|\s*$)"
            r"|\bpurchases\s+of\s+(?:\S+\s+){0,2}?" + _GOODS + r"\b"
            # a fleet bought: "Plans to Acquire 50 Additional $BA 767-300F Aircraft"
            r"|\b(?:acquir|buy|purchas|order)\w*\s+\d[\d,]*\s+(?:(?:additional|more|new|used)\s+)?"
            r"(?:[\w$-]+,?\s+){0,5}?(?:aircraft|planes?|jets?|airliners?|ships?|vessels?|tankers?"
            r"|trucks?|locomotives?|railcars?|satellites?|turbines?|rigs?|helicopters?)\b"
            # what a business acquires that is no company: content, customers, talent, spectrum
            r"|\b(?:content|customer|user|talent|land|data|subscriber|audience|traffic|lead"
            r"|spectrum)\s+acquisitions?\b"
            # rights to a title, a shopper's purchases: "Netflix Acquires Print the Legend
            # Rights", "What Not to Buy on Black Friday", "Tax on Overseas Purchases"
            r"|\b(?:acquir|buy|bought|purchas)\w*\s+(?:[\w'’-]+\s+){1,5}?(?-i:Rights)\b"
            # (film, TV and other media rights: the "tv|streaming|... rights" cue above)
            r"|\b(?:acquir|buy|bought|purchas)\w*\s+(?:the\s+)?(?:\w+\s+){0,2}?(?:naming"
            r"|publishing)\s+rights\b"
            r"|\b(?:black\s+friday|cyber\s+monday|prime\s+day|boxing\s+day)\b"
            r"|\b(?:overseas|online|consumer|retail|holiday|in-app|cross-border)\s+purchases\b",
            _I,
        ),
    ),
)

_IMAGINED_DEAL: Final = (
    r"(?<!had\s)(?:merged|were\s+to|bought|buys|acquired|spent|spends|paid|pays|increases"
    r"|took\s+over|takes\s+over|sold)"
)
# Deals imagined, urged or guessed at by the poster, and background figures.
NOT_A_DEAL: Final[tuple[tuple[float, re.Pattern[str]], ...]] = _TRADES_AND_GOODS + (
    (
        1.2,
        re.compile(
            # "If Globex and Initech merged, ...", "If Hooli spent $5bn on Initech, why ..."
            r"\b(?:if|unless)\s+(?:[^.?!;,\n]{0,40}?\s)?" + _IMAGINED_DEAL + r"\b"
            # an open letter urging a purchase ("Dear Globex, buy Initech")
            r"|\bopen\s+letter\b|(?:^|[.!?:]\s*)dear\s+[@$#]?(?-i:[A-Z])"
            # asked about: "Will they buy Initech?", "Could Globex acquire Initech?"
            r"|\b(?:will|would|could|should|can|might)\s+(?:they|it|he|she|we|you"
            r"|(?-i:\$?[A-Z][\w&.-]*))\s+(?:\w+\s+)?(?:buy|acquire|merge|bid\s+for)\b[^.!?\n]{0,60}\?"
            r"|\b(?:takeover|buyout|acquisition|merger)\s+(?:target|candidate|play)\b[^.!\n]{0,40}\?"
            r"|\b(?:possible|potential)\s+(?:acquisition|takeover|buyout|merger)\b[^.!\n]{0,40}\?"
            # the poster guessing: "I bet", "I smell a takeover", "I was thinking ... would buy"
            r"|\b(?:i|we)\s+(?:was\s+|were\s+)?(?:thinking|bet|guess|wonder|smell|predict)\b"
            r"|\b(?:i|we)\s+(?:don['’]?t|do\s+not)\s+think\b"
            r"|\bhypothetical(?:ly)?\b"
            # the poster's own regrets and alerts: "wish I waited to buy", "alerted to buy."
            r"|\b(?:wish|wished|shoulda|should\s+have|should['’]ve)\b[^.!?\n]{0,40}\b(?:buy"
            r"|bought|sell|sold)\b|\b(?:alert\w*|told\s+(?:you|u|ya))\b[^!?\n]{0,30}?"
            r"\bto\s+(?:buy"
            r"|sell)\b"
            # a pronoun or product bought: "millions will buy it", "U buy it"
            r"|\b(?:will|would|u|you|i|we|they|people|millions|everyone)\s+(?:buy|sell)\s+"
            r"(?-i:it|them)\b(?!\s+(?:for|to|in|at)\b)"
            # buying in general: "on the hunt for license/acquisition deals"
            r"|\b(?:hunt|hunting|looking|search(?:ing)?|appetite|shopping)\s+for\s+"
            r"(?:more\s+|new\s+|further\s+|other\s+)?(?:[\w/-]+\s+)?(?:acquisitions|deals|targets)\b"
            # a stake handed to shareholders, no buyer: "Yahoo to Spin Off Alibaba Stake"
            r"|\bspin(?:s|ning)?[\s-]?off\s+(?:its\s+|the\s+|a\s+)?(?:[\w$#&.-]+\s+){0,2}?stakes?\b"
            r"|\bstake\s+spin[\s-]?off\b"
            # an insider's own stake: "director has sold nearly half his stake"
            r"|\b(?:sold|sells|selling|sell|dumps|dumped|cuts?|trims?|trimmed)\s+(?:\w+\s+){0,3}?"
            r"(?:his|her)\s+(?:\w+\s+)?stake\b"
            # a person's trade: "says he sold $XYZ and bought into banks"
            r"|\b(?:he|she)\s+(?:\w+\s+)?(?:sold|bought|sells|buys)\s+(?:\$|into\b)"
            r"|\bbought\s+into\s+(?-i:[a-z])"
            # roundups: "Buyouts & Investments in Cloud Gaming"
            r"|\b(?:buyouts|takeovers|acquisitions|mergers)\s+(?:&|and)\s+(?:investments|ipos"
            r"|partnerships|funding)\b"
            # commodities and coins bought ("#Gold #Bullion purchases")
            r"|#(?:silver|gold|bullion|platinum|bitcoin)\b|\bbullion\b|\bbitcoins?\b"
            # a bid in a court, an election or a game ("the AG's Trial Bid In Piracy Row")
            r"|\b(?:trial|appeal|court|legal|lawsuit|re-?election|election|presidential|senate"
            r"|mayoral|olympics?|title|championship|playoffs?|bail|dismissal|extradition"
            r"|impeachment|asylum|patent|world\s+cup)\s+bids?\b"
            # a takeover of a chamber or a city ("Vote to Repeal ... After Senate Takeover")
            r"|\b(?:senate|house|congress|congressional|gop|republican|democratic|military"
            r"|government|communist|hostile\s+alien)\s+takeover\b"
            # trading advice: "Buying Globex On Any Dip", "when buying on the close of Oct20th"
            r"|\bbuy(?:ing)?\s+(?:[$#]?[\w&.'’-]+\s+){0,4}?on\s+(?:any|the|a|every)\s+dips?\b"
            r"|\bbuy(?:ing)?\s+(?:on|at)\s+the\s+(?:close|open)\b"
            # buying stocks as such ("The Pros & Cons Of Buying Foreign #stocks")
            r"|\bbuying\s+(?:\w+\s+){0,2}#?(?:stocks|equities|bonds|shares|etfs)\b"
            r"(?!\s+(?:of|in)\b)",
            _I,
        ),
    ),
    # Background figures, not news: "has a mkt cap of $11b", "now worth $300bn",
    # "sells fewer than 15% of tablets" (a market share, not a stake).
    (
        0.6,
        re.compile(
            r"\b(?:mkt|market)\s+cap\b|\b(?:is|are)\s+now\s+worth\b"
            r"|\b\d[\d.]*\s*%\s+of\s+(?:all\s+|the\s+|global\s+)?(?-i:[a-z]+s)\b(?<!shares)",
            _I,
        ),
    ),
)

# A company as social posts write it: a cashtag or a Title Case word (not ALL CAPS, no 's).
_NAME: Final = r"(?-i:\$[A-Z]{1,5}\b|[A-Z][a-z][\w&.-]*)"
DEAL_WORDING: Final[tuple[tuple[float, re.Pattern[str]], ...]] = (
    (
        0.9,
        re.compile(
            r"\bnears?\s+(?:a\s+|an\s+)?(?:[\w$.-]+\s+){0,2}?(?:deal|sale|takeover|acquisition"
            r"|merger|buyout)\b"
            r"|\bin\s+(?:advanced\s+|early\s+|exclusive\s+|final\s+|merger\s+)?talks\s+(?:to\s+"
            r"(?:buy|acquire|merge|combine|sell)|(?:over|about|on|for)\s+(?:a\s+)?(?:deal|merger"
            r"|takeover|acquisition|sale|buyout))\b"
            r"|\b(?:merger|takeover|buyout|acquisition)\s+talks\b"
            # "held early deal talks with Initech" (not trade or peace talks)
            r"|(?<!\btrade\s)(?<!\bpeace\s)(?<!\bbudget\s)(?<!\bclimate\s)(?<!\bdebt\s)"
            r"\bdeal\s+talks\s+with\b"
            r"|\b(?:purchase|acquisition|takeover|buyout)\s+(?:for|worth|valued\s+at)\s+"
            r"(?:US|C|A)?[$€£]\d",
            _I,
        ),
    ),
    (
        0.9,
        re.compile(
            # "raises its Initech bid", "pitches bid to holders", "Initech bid"
            r"\b(?:pitch|rais|sweeten|boost)\w*\s+(?:its\s+|a\s+|the\s+|new\s+|higher\s+)?"
            r"(?:[\w$.-]+\s+){0,2}?bid\b(?!\s+(?:price|size|ask))"
            r"|(?!(?-i:Shares|Fund|ETF|Stocks?|Trust|Index|It|They|We|He|She)\b)"
            + _NAME
            + r"\s+(?:takeover\s+|buyout\s+)?bid\b(?!\s*[-/]\s*ask|\s+(?:price|size)|\s*\n)",
            _I,
        ),
    ),
    (
        0.7,
        re.compile(r"\b(?:buys|bought|acquires|acquired)\s+the\s+(?-i:[A-Z][\w&'’-]*\s+[A-Z])", _I),
    ),
    # Last round: a purchase under way ("Globex is buying Initech", "is purchasing a startup"),
    # one listed company buying another ("$GLBX buys $INTK"), the terms of a deal ("all-stock
    # deal", "cash-and-stock offer", "breakup fee"), a company exploring its own sale.
    (
        0.9,
        re.compile(
            r"\b(?:is|are)\s+(?:now\s+)?(?:buying|purchasing|acquiring)\s+(?:(?:a|an|the)\s+)?"
            r"(?:(?-i:[A-Z$#@])|(?:[\w-]+\s+){0,3}?(?:startup|company|firm|maker|developer|service"
            r"|business|rival|retailer|chain|unit|division|operator|provider)s?\b)"
            r"|(?-i:\$[A-Z]{1,5})\s+(?:buys|acquires|to\s+(?:buy|acquire))\s+(?-i:\$[A-Z]{1,5})\b"
            r"|\b(?:all[\s-](?:cash|stock)|cash[\s-](?:and|&)[\s-]stock|cash\s*&\s*stock"
            r"|stock[\s-]for[\s-]stock|consolidation|(?:tax\s+)?inversion)\s+(?:deal|offer|bid"
            r"|merger|takeover|transaction)s?\b"
            r"|\b(?:break[\s-]?up|termination)\s+fees?\b"
            r"|\bexplor\w*\s+(?:a\s+|its\s+|the\s+|possible\s+|potential\s+)?sale\b",
            _I,
        ),
    ),
)
