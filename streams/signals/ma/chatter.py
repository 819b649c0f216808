"""Deal words in posts that report no deal, third audit of unlabelled social posts.

Weighed against a deal like ``social.NOT_A_DEAL``:

- "buy" as a rating or a recommendation ("still a buy", "a better buy than", "Analyst: Buy
  Globex", "before you buy", "pull the buy trigger", "a name to buy") or as "believe"
  ("investors don't buy the story"), and a person's own shares ("since he first bought
  Globex shares");
- position bots in more shapes ("Buys Shares of 1,234 Globex", "5,000 Shares in Globex
  Acquired by ...", "Director Buys C$1,234.50 in $GLBX", "Buys Globex; Reduces Initech");
- consumers buying products and market shares ("owners could buy the watch", "80 percent of
  the phone market", "sold 30 million Phones", "purchase order", "in-app purchases");
- what is no acquisition ("wins Globex as client", "close 5 percent of branches", "buys
  the Globex Tower", "takes over your phone", "insurance deal", "mini-tender", ticker
  lists behind a bare "Bid");
- speculation and old background ("buyout poss by", "good takeover candidate", "vulnerable
  to a takeover", "could bid for Y, says a broker", "needs to buy", "years ago").
"""

from __future__ import annotations

import re
from typing import Final

_I = re.IGNORECASE
_BUY: Final = r"(?:buy|buys|buying|bought|purchas(?:e|es|ed|ing))"
# Goods sold, not a business: "sale of its foods unit" is a deal.
_NOT_A_UNIT: Final = (
    r"(?!\s+(?:units?|business(?:es)?|divisions?|arms?|brands?|makers?|compan(?:y|ies)|group"
    r"|operations?|assets|subsidiar(?:y|ies)))"
)

CHATTER: Final[tuple[tuple[float, re.Pattern[str]], ...]] = (
    # "buy" as a rating, a recommendation or a belief.
    (
        1.5,
        re.compile(
            r"\b(?:a|still|strong|better|recommended|good|great|top|best|solid|cheap|screaming)"
            r"\s+buys?\b(?!-|\s+(?:outs?|backs?)\b)"
            # (not UPS the shipper: "UPS to buy Coyote Logistics")
            r"|\b(?:(?-i:ups|Ups)|upped|upgrades?|upgraded|downgrades?|downgraded|rates?|rated|initiates?"
            r"|lowers|lowered|reiterates?|reiterated|maintains?"
            r"|initiated|starts?|started)\s+(?:\S+\s+){0,2}?(?:to|at|with|as)\s+(?:a\s+)?buy\b"
            # "Globex Corp.Upgrade by TheDesk (Ranked 15th) to Buy $GLBX" (the name glued on)
            r"|(?:upgrade|downgrade)[ds]?\s+by\s+[^.;!?\n]{0,40}?\bto\s+(?:strong\s+)?buy\b"
            r"|\bbuy\s+(?:trigger|signals?|watch\s*list|case|thesis|point|list|button)\b"
            r"|\bbefore\s+(?:you\s+)?(?:buy|buying|purchasing)\b"
            r"|\bwait\w*\s+(?:to|before|for|until)\s+(?:you\s+)?buy\w*\b"
            r"|\b(?:name|names|anything|something|stuff|things|what)\s+to\s+buy\b"
            r"|\bhow\s+to\s+buy\b|\bbuy\s+again\b|\bbuying\s*/\s*selling\b"
            r"|\b(?:buy|buying)\s+the\s+(?:dips?|rallies|most|best|worst)\b"
            # an imperative: "Analyst: Buy Globex", "Forget Initech, Buy This", "Don't Buy ..."
            r"|(?:^(?:\$[A-Za-z.]+\s+)*|[:|,]\s*|(?:RT\s+@\w+:?\s+))(?:don['’]?t\s+|do\s+not\s+)?buy\s+"
            r"(?!-|outs?\b|backs?\b)"
            r"|\b(?:anybody|anyone|everyone|somebody|someone|nobody)\s+(?:\w+\s+)?buying\b"
            # a belief: "investors don't buy the story"
            r"|\b(?:don['’]?t|doesn['’]?t|do\s+not|does\s+not|didn['’]?t|won['’]?t)\s+buy\s+"
            r"(?:(?:it|that|this|the)\b|[^.!?\n]{0,40}?\b(?:vision|story|argument|hype|narrative"
            r"|pitch|excuse|promises?|claims?|plan)\b)"
            # a person's own shares: "since he first bought Globex shares", "I sold my Globex
            # stock" (not "he bought the stock", "he may buy more Globex shares": an investor's
            # stake in a news story)
            r"|\b(?:i|he|she|you)\s+(?:\w+\s+){0,2}?(?:buy|sell|bought|sold|buying|selling)\s+"
            r"(?:my\s+|his\s+|her\s+)?(?-i:[$A-Z][\w.&'’-]*\s+){1,3}?(?:shares|stock)\b",
            _I,
        ),
    ),
    # Position bots: funds, trusts and insiders trading shares.
    (
        1.5,
        re.compile(
            r"\b" + _BUY + r"\s+shares\s+of\s+\d[\d,]*"
            r"|\b\d[\d,]{3,}\s+shares\s+(?:in|of)\s+[^\n]{1,60}?\b(?:acquired|bought|purchased"
            r"|sold)\s+by\b"
            r"|\b(?:stake|position|holding)s?\s+(?:maintained|held|unchanged)\s+by\b"
            r"|\b(?:buys|bought|sells|sold|purchases|purchased|acquires|acquired)\s+(?:C|US|A|CA|HK)?\$\d[\d,]*"
            r"\.\d{2}\s+(?:in|of|worth)\b"
            r"|\bsaid\s+to\s+(?:buy|sell)\s+[\d,.]+\s*(?:k|m|million)?\s+(?:\$[A-Za-z.]+\s+)?"
            r"shares\b"
            r"|\b(?:his|her|my|their)\s+(?:entire\s+)?\$[A-Za-z.]+\s+(?:stock|shares|stake"
            r"|position)\b"
            # a fund's portfolio moves: "Buys Globex; Reduces Initech, Vandelay"
            r"|(?-i:\b(?:Buys|Adds|Sells|Reduces|Trims|Exits|Boosts|Cuts|Lowers|Raises)\b)"
            r"[^;\n]{1,40};\s*(?-i:(?:Buys|Adds|Sells|Reduces|Trims|Exits|Boosts|Cuts|Lowers"
            r"|Raises)\b)",
            _I,
        ),
    ),
    # Consumers buying products; market shares; orders and in-app purchases.
    (
        1.5,
        re.compile(
            r"\b(?:owners|users|customers|consumers|readers|shoppers|viewers|households|buyers"
            r"|americans|respondents|people|fans|gamers|subscribers)\s+(?:\w+\s+){0,3}?"
            r"(?:to\s+)?" + _BUY + r"\b"
            r"|\b\d[\d.]*\s*(?:%|pct|percent)\s+of\s+(?:[\w'’$()#-]+\s+){0,5}?(?:market|users"
            r"|customers|products|smartphones|phones|devices|traffic)\b"
            r"(?!\s+(?:cap|value|leader)\b)"
            r"|\bpurchase\s+(?:orders?|history|histories|intent|commitments?|obligations?)\b|\bin-app\b"
            r"|\b(?:available|able)\s+to\s+(?:buy|purchase)\b"
            r"|\bbuy\s+(?:\$?\w+\s+)?(?:likes|followers|fans|views|stuff|things)\b"
            r"|\bpatent\s+purchase\b|\bmerge\s+(?:all\s+)?(?:\w+\s+)?(?:windows|files|tabs|accounts"
            r"|folders|documents|photos|cells|contacts)\b"
            r"|\bshould\s+(?:i|we|you|u)\s+(?:\w+\s+)?(?:pick\s+up|grab|snap\s+up|scoop\s+up)\b"
            r"|\b(?:marketplaces?|stores?|places?|sites?)\s+to\s+buy\b"
            r"|\b(?:sells?|sold|selling)\s+(?:\d[\d.,]*\s*(?:k|m|mln|million|billion|bn)?)\s+"
            r"(?-i:[a-z]+[A-Z][a-z]+s)\b"
            r"|\b(?:snap|snaps|snapped|pick|picks|picked|buy|buys|bought)\s+up\s+(?:[\w'’.-]+\s+){0,3}?"
            r"(?:parcels?|packages?|domain\s+names?|domains|refugees|talent|engineers|staff"
            r"|call|put|calls|puts)\b"
            r"|\bspen[dt]s?\b[^.\n]{0,30}\bon\s+(?:its|their)\s+(?:own\s+)?(?!stake)",
            _I,
        ),
    ),
    # No acquisition: clients, branch closures, buildings, settlements, other deals, lists.
    (
        1.5,
        re.compile(
            r"\bas\s+(?:a\s+|an\s+|its\s+)?(?:new\s+|key\s+|major\s+)?(?:client|customer|partner"
            r"|sponsor|tenant|advertiser|supplier)s?\b"
            r"|\b(?:close|closes|closing|shut|shuts|shutting)\s+(?:about\s+|some\s+)?\d[\d.]*\s*"
            r"(?:%|pct|percent)\s+of\b"
            r"|\b(?:plaza|skyscraper|office\s+(?:building|park|tower)|headquarters\s+building)\b"
            r"|\bsettlements?\b|\bmini-?tender\b"
            r"|\btak(?:e|es|ing|en)\s+over\s+(?:your|my|our|their|his|her)\b"
            # other deals, unless the post also buys a named company ("..., Buys Initech")
            r"|^(?![^\n]*\b(?:buys|acquires|to\s+buy|to\s+acquire)\s+(?-i:[A-Z$]))[^\n]*?"
            r"\b(?:insurance|distribution|bancassurance|supply|marketing|sponsorship|content"
            r"|advertising|cloud|streaming|research|payments?|licensing|helicopters?|jets?|aircraft"
            r"|planes?|arms|weapons|gas|lng|power|fighter)\s+deals?\b"
            # a sale in a legal sense: "order blocking sale of some phones", "sales ban"
            r"|\b(?:block|ban|halt|bar|stop|prohibit)\w*\s+(?:the\s+)?(?:u\.?s\.?\s+)?sales?\s+of\s+"
            r"[^.\n]{0,40}?\b(?:some|certain|older|phones?|smartphones?|tablets?|devices?|products?"
            r"|models?|drugs?|cars?|chips?|goods)\b|\bsales?\s+ban\b|\bban\s+on\s+(?:the\s+)?sales?\b"
            r"|\bimport\s+ban\b"
            # a contract taken over, a stock sold to buyers: "takes over the league contract"
            r"|\btak(?:e|es|ing|en|ook)\s+over\s+[^.\n]{0,30}?\b(?:contracts?|sponsorships?|leases?"
            r"|accounts?|slots?)\b"
            r"|\bsell\s+(?:its\s+|their\s+)?(?:stock|shares)\s+to\s+(?:\w+\s+)?(?:buyers|investors)\b"
            r"|\b(?:short|lost|lots\s+of|point\s+of)\s+interest\b"
            r"|\bno\s+interest\s+in\s+(?!(?:buy|acquir|bid|merg|a\s+(?:deal|merger|takeover|bid))"
            r")"
            r"|\balso\s+see\b|\bon\s+watch\b|\bwatch\s*list\b"
            r"|(?-i:\bBid)\s+https?://\S+\s+(?:\$[A-Z]{1,5}\s+){2,}",
            _I,
        ),
    ),
    # Speculation and old background.
    (
        1.5,
        re.compile(
            r"\bposs\b|\bthesis\b|\bvulnerable\s+to\b|\bimagine\b|\bcan['’]?t\s+wait\b"
            r"|\b(?:good|attractive|logical|natural|ideal|perfect|prime|next|obvious)\s+"
            r"(?:major\s+|big\s+)?(?:takeover|acquisition|buyout|merger)\s+(?:targets?"
            r"|candidates?|alternatives?|partners?|fits?|options?|plays?)\b"
            r"|\b(?:could|might)\s+(?:\w+\s+)?(?:bid\s+for|buy|acquire|merge\s+with|make\s+(?:a\s+)?"
            r"(?:bid|offer))\b[^.!?\n]{0,60}?,?\s+(?:says?|according\s+to)\s+"
            r"(?!(?:sources|people|a\s+report|reports?)\b)"
            r"|\bshould\s+(?:consider|look\s+at|think\s+about|explore)\s+(?:buy|acquir|purchas)\w*"
            r"|\bneeds?\s+to\s+(?:buy|acquire|merge)\b|\bdon['’]?t\s+rule\s+out\b"
            r"|\bwould\s+be\s+(?:a\s+)?(?:\w+\s+)?(?:move|mistake|fit|coup|win)\b"
            r"|\bwhat\s+would\b|\bwho\s+(?:is|'s|’s)\s+going\s+to\s+(?:buy|acquire)\b"
            # a wish: "Cool would be if Globex will buy Initech"
            r"|\bwould\s+be\s+(?:\w+\s+){0,2}?if\b"
            r"|\bmake\s+sense\s*\?|\bworth\s+(?:nothing|zero|little)\b"
            r"|\b(?:\d+|several|many|a\s+few|two|three|four|five|six|seven|eight|nine|ten)\s+"
            r"years\s+ago\b",
            _I,
        ),
    ),
    # Round four: buybacks and stock bought as a stake or a trade; promotions and goods sold;
    # deals as a topic or a dream; an old deal praised; a denial; CVs.
    (
        1.5,
        re.compile(
            # buybacks and investors' stock: "authorization to buy up to $2bn of stock",
            # "snapped up $300 million more in Globex stock", "will buy some back at 80"
            r"\b(?:authori[sz]\w*|authority|allowed|approved)\s+to\s+(?:buy|repurchase)\b"
            r"|\b" + _BUY + r"\s+(?:some|it|them|more)\s+back\b"
            r"|\bmore\s+in\s+(?:\$?[\w.&-]+\s+){1,2}(?:stock|shares)\b"
            r"|\b(?:stake|holding|position)\s+(?:nears|tops|passes|hits|reaches)\b"
            r"|\b(?:selling|sells?|sold|dump\w*)\s+\$[A-Za-z.]+\s+(?:to|and)\s+buy\b"
            r"|\b(?:buying|selling)\s+(?!(?:a|an|the|its|their|some|stakes?)\b)(?:\w+\s+){0,2}?"
            r"(?:in|into)\s+\$[A-Za-z]"
            # promotions and goods sold: "buy one, get one", "sale of 20 helicopters to Peru"
            r"|\bbuy\s+one\W+get\s+one\b|\bpre-?sale\b|\bdomain\s+names?\b"
            r"|\bsales?\s+of\s+[^.\n]{0,30}?\b(?:helicopters|jets|aircraft|planes|fighters|tanks"
            r"|missiles|ships|trucks|foods?|goods|beverages)\b"
            + _NOT_A_UNIT
            + r"|\bto\s+sell\s+(?:[\w-]+\s+){0,2}?(?:foods?|goods|products|beverages|drinks)\b"
            + _NOT_A_UNIT
            + r"|\bfind\s+buyers\s+for\b"
            # deals as a topic, a dream or praise of an old one
            r"|\b(?:dream|fantasy|hypothetical|wish)\s+(?:m&a|mergers?|deals?|acquisitions?"
            r"|takeovers?)\b|\bwet\s+dream\b"
            r"|\b(?:best|worst|failed|biggest|smartest|dumbest|questioning|more|future)\s+"
            r"(?:\w+\s+)?(?:acquisitions|deals|mergers|takeovers)\b(?!\s+(?:of|for)\s)"
            r"|\b(?:tale|history|string|series|list)\s+of\s+(?:\w+\s+)?(?:acquisitions|deals"
            r"|mergers)\b|\bacquisition\s+fund\b"
            # the poster's view: "we think Globex will be acquired"
            r"|\b(?:i|we)\s+(?:still\s+)?think\s+[^.!?\n]{0,40}?\bwill\s+be\s+(?:acquired|bought"
            r"|taken\s+over|sold)\b"
            # a denial: "Globex doesn't acquire a startup to ..."
            r"|\b(?:doesn['’]?t|does\s+not|didn['’]?t|did\s+not|won['’]?t)\s+(?:buy|acquire"
            r"|purchase)\s+(?:a|an)\b"
            # a CV: "has led merger transactions worth $8bn"
            r"|\b(?:has|have|had)\s+(?:led|advised\s+on|overseen|closed)\s+[^.\n]{0,40}?"
            r"\b(?:transactions|deals)\b"
            # a business that may pick up, a drug that grabs a designation
            r"|\bpick\s+up\s+(?:after|again|steam|speed|momentum|in\s+the)\b"
            r"|\b(?:grabs?|picks?\s+up)\s+(?:\w+\s+){0,2}?(?:fda|breakthrough|designation|approval|award)\b"
            # market data: "Bid Size", "Ask Size"
            r"|\b(?:bid|ask)\s+size\b"
            # a strategy, a wave or a market taken over: "growth-by-acquisition strategy",
            # "merger activity", "drug taking over the EU market"
            r"|\bacquisitions?\s+strateg(?:y|ies)\b|\bby-acquisition\b"
            r"|\b(?:merger|m&a|deal|takeover|buyout|acquisition)\s+(?:activity|boom|wave|frenzy|volumes?"
            r"|spree)\b"
            r"|\b(?:looking|seeking|hoping|plans?|wants?|aims?)\s+to\s+make\s+(?:more\s+|further\s+)?"
            r"acquisitions\b"
            # products merged: "plans to merge its two systems into a single OS"
            r"|\bmerg\w*\s+[^.\n]{0,40}?\binto\s+(?:a\s+)?(?:single|one|unified)\s+(?!compan|firm|entity"
            r"|group|business)"
            # a fund's new holding: "Acme Partners takes new Globex stake"
            r"|\b(?:takes|took|reveals|revealed|discloses|disclosed)\s+(?:a\s+)?new\s+"
            r"(?:[\w&$.'’-]+\s+){0,2}?stakes?\b"
            r"|\btak(?:e|es|ing|en|ook)\s+over\s+(?:the\s+)?(?:[\w-]+\s+)?(?:eu|us|u\.s\.|europe|market|world"
            r"|industry|internet|retail)\b"
            # the poster's judgement: "buying Tesla makes a lot of sense"
            r"|\b(?:would|could|might)\s+make\s+(?:\w+\s+){0,3}?sense\b|\bmakes\s+a\s+lot\s+of\s+sense\b"
            # penalties: "ordered to pay $5M for patent infringement"
            r"|\bordered\s+to\s+pay\b|\bpay\s+(?:[^.\n]|\.(?=\d)){0,20}?\bfor\s+(?:[\w-]+\s+){0,5}?"
            r"(?:infringement|violations?|misconduct|fraud|charges)\b"
            # buybacks and stakes changed by a fund: "buying back shares", "stake from 160k shares"
            r"|\b(?:buy|buys|buying|bought)\s+back\b"
            r"|\bstakes?\s+(?:from|to)\s+[\d.,]+\s*[km]?\s+shares\b"
            # advice and questions: "safe to buy here", "who will buy the new watch?"
            r"|\b(?:safe|smart|okay|ok)\s+to\s+buy\b|\bwho\s+(?:will|would|should)\s+buy\b"
            r"|\b(?:who|whoever|anyone\s+who|everyone\s+who)\s+(?:bought|buys|sold)\b"
            r"|\boptions?\s+(?:strategy|trade|play)\b|\b(?:i['’]?m|i\s+am)\s+(?:sure|certain)\b"
            r"|\bcan\s+merge\b"
            # idioms and history: "billions at stake", a post opening "In 2005, ..."
            r"|\bat\s+stake\b|^\s*(?:RT\s+@\w+:?\s+)?(?:back\s+)?in\s+(?:19|20)\d\d\b"
            # acquisitions as a way of growing: "betting on acquisitions", "acquisition train"
            r"|\b(?:on|through|via|and|&)\s+acquisitions\b|\bacquisitions\s+(?:and|&)\s"
            r"|\bacquisition\s+(?:train|binge|machine)\b"
            # auctions and tenders: "bid for spectrum"
            r"|\b(?:bid|bids|bidding)\s+(?:for|in)\s+(?:the\s+)?(?:[\w-]+\s+)?(?:spectrum|auctions?"
            r"|contracts?)\b"
            # arms bought by a country: "to buy missiles and helicopters", "U.S. Missile Shield"
            r"|\b(?:buy|buys|buying|bought|purchas\w*)\s+(?:[^.\n]|(?<=\b[A-Z])\.){0,30}?\b(?:helicopters"
            r"|jets|fighters"
            r"|missiles?|missile\s+shield|tanks|warships)\b"
            + _NOT_A_UNIT
            +  # round five: spending on goods and marketing ("spent $20bn on chips", "traffic
            # acquisition costs"), advice ("buy and hold", "funds to buy", "avoids buying"),
            # M&A as a topic ("approach to acquisitions", "M&A watch"), buying interest in a
            # sector, an issuer's own tender offer, a person's stake, naming rights
            r"|\bspen[dt]s?\s+(?:about\s+|nearly\s+|over\s+)?\$?[\d.,]+\s*(?:[kmb]n?|billion|million"
            r"|bln|mln)?\s+on\s+(?:\w+\s+)?(?:chips|components|parts|ads|advertising|apps|content"
            r"|r&d|research|marketing|servers|equipment)\b"
            r"|\b(?:traffic|customer|user|subscriber|talent)\s+acquisition\b"
            r"|\bbuy\s+(?:and|&|n)\s+hold\b|\b(?:funds|etfs|names|picks)\s+to\s+buy\b"
            r"|\bavoids?\s+buying\b|\b(?:what|who)\s+[^.\n]{0,20}?\bsays?\s+to\s+buy\b"
            r"|\b(?:approach|appetite|attitude)\s+to\s+(?:m&a|acquisitions|deals|mergers)\b"
            r"|\bm&a\s+watch\b|\bacquisitions\s+signal\b"
            r"|\bbids?\s+in\s+(?:the\s+)?(?:[\w-]+\s+)?(?:sector|space|names|stocks)\b"
            r"|\bissuer\s+tender\b|\bby\s+issuer\b"
            r"|\b(?:sells?|sold|selling|dumps?|cuts?|trims?|reduces?)\s+(?:\d+%?\s+of\s+)?(?:his|her)\s+"
            r"(?:entire\s+)?stake\b|\bvalue\s+of\s+[^.\n]{0,25}?\bstake\b"
            # a position sold on the market: "Acme Partners sold entire $GLBX stake in Q4"
            r"|\b(?:sells?|sold|selling|dumps?|dumped|exits?|exited|unload\w*)\s+(?:its\s+|their\s+)?"
            r"(?:entire|whole)\s+\$[A-Za-z.]+\s+stake\b"
            r"|\bdivest\w*\s+(?:[\w-]+\s+){0,3}?stakes\b|\bnaming\s+rights\b"
            # round six: a case for buying, a lone takeover candidate, debt tenders, shopping days,
            # openness to deals in general, an old purchase now valued higher
            r"|\bcase\s+for\s+buying\b|\btakeover\s+candidates?\b"
            r"|\bdebt\s+tender\b|\btender\s+offers?\s+for\s+(?:its\s+|the\s+)?(?:[\w.%-]+\s+)?(?:notes"
            r"|bonds|debt|debentures)\b"
            r"|\b(?:shopping|buying)\s+(?:day|festival|season|holiday)\b"
            r"|\bopen\s+to\s+(?:buying\s+)?(?:big\s+|more\s+|further\s+|large\s+)?(?:acquisitions|deals)\b"
            r"|\bnow\s+valued\s+at\b"
            # the poster's trade: "punt your $WMT to buy $AMZN"
            r"|\b(?:punt|sell|dump|swap|trade|ditch)\w*\s+(?:your|my|our)\s+\$[A-Za-z]",
            _I,
        ),
    ),
)
