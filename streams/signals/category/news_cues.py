"""News cues: company-event verbs (deals, executive moves, products, results, legal,
partnerships), event nouns, authorities, executive statements, headline forms (issue 13)."""

from __future__ import annotations

from .scan import Cue

__all__ = [
    "APPEARANCE",
    "AUTHORITY",
    "DEAL",
    "EVENT_NOUN",
    "EXEC",
    "FIGURE",
    "HEADLINE",
    "HISTORY",
    "LEGAL",
    "PARTNER",
    "PRODUCT",
    "RESULTS",
    "STATEMENT",
    "STRONG_MA",
]

# An M&A reading this confident counts as news evidence without a stated event beside it.
STRONG_MA = 0.85

DEAL = Cue(
    r"\bacquir(?:es|ed|ing)\b",
    r"\bacquisition\s+of\b",
    # "Acme to buy Widgets", "$ACME to acquire": a named subject, not "never too late to buy"
    # nor advice in Title Case ("No Reason To Sell Acme", "Time To Buy Acme")
    r"(?:(?!(?-i:Reasons?|Time|Ways?|How|When|Why|Whether|Where|Best|Good|Right|Now)\s)"
    r"(?-i:[A-Z])[\w&.'’-]*|\$[A-Za-z]+|\))\s+(?:to|will|would|agrees\s+to|plans\s+to|"
    r"set\s+to|looks\s+to|offers\s+to|moves\s+to|said\s+to\s+(?:be\s+)?(?:plan\w*\s+to)?)\s*"
    r"(?:buy|acquire|purchase|merge|sell|divest|spin\s?off)\s+(?:back\b|[\w$@])",
    r"\b(?:is|are|reportedly|officially|just|finally|now)\s+(?:buying|acquiring|buys|bought|"
    r"acquires|acquired|purchas(?:es|ed|ing))\s+(?-i:[A-Z$@])",
    r"(?-i:[A-Z])\w+\s+(?:buying|acquiring|snaps\s+up|snapped\s+up|grabs|picks\s+up)\s+"
    r"(?!(?:intent|power|spree|opportunit\w*|signals?|interest|frenzy|decisions?|habits?|"
    r"guide|season|pressure|binge|time|now|more|stocks?|shares?|calls|puts)\b)(?-i:[A-Z$@])",
    # "Globex buys Initech", and a wire's "Globex Inc : buys Canadian security firm"
    r"(?:(?-i:[A-Z])[\w&.'’-]*|[$@]\w+|\))\s+(?::\s+)?(?:buys|bought|purchases|purchased)\s+"
    r"(?!(?:\d[\d,.]*\s|shares|stock|more|some|back|the\s+dip|into|in\b))[\w@$]",
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
    # a named investor buying into a company ("Jones buys into Acme"), a contract clinched,
    # bidders for an asset ("are all bidding on")
    r"\bbuys\s+into\s+(?-i:[A-Z$@#])",
    r"\bpropos(?:es|ed)\s+(?:a\s+|an\s+)?(?:\S+\s+){0,4}(?:deal|merger|takeover|offer|combination|"
    r"tie-?up)\b",
    r"\bclinch(?:es|ed|ing)?\s+(?:\S+\s+){0,4}(?:deals?|contracts?|orders?|agreements?)\b",
    r"\b(?:is|are|were|was)\s+(?:all\s+|also\s+)?bidding\s+(?:on|for)\b",
)
# Deal and event nouns on their own: weaker than a verb ("the WhatsApp deal", "merger").
EVENT_NOUN = Cue(
    r"\b(?:deals?|merger|acquisitions?|takeover|buyout|spin-?off|ipo)\b",
    # "a bid to reunite", "in a bid to cut costs": an attempt, not an offer
    r"\bbid\b(?!\s+to\s+(?!buy|acquire|purchase|take\s+over|merge)(?-i:[a-z]))",
)
EXEC = Cue(
    r"\bappoint(?:s|ed|ment)?\b",
    r"\b(?:nam(?:es|ed|e|ing)|make|makes|tap(?:s|ped)?)\s+(?:\S+\s+){0,4}(?:as\s+)?(?:its\s+)?"
    r"(?:new\s+|next\s+|interim\s+|sole\s+)?(?:c[efot]o|chief|"
    r"president|chair\w*|head|director|vp|svp|evp|general\s+counsel)\b",
    # ("New Hires Are Trained": the noun, not the verb)
    r"(?<!\bnew\s)\b(?:hires?|hired|taps|tapped|poach(?:es|ed)|recruits?|recruited|brings?)\s+"
    r"(?:former\s+|ex-?)?(?-i:[A-Z@])",
    r"\bhir(?:e|es|ed|ing)\s+(?:more\s+than\s+|about\s+|up\s+to\s+|over\s+)?(?:\d[\d,]*|"
    r"hundreds|thousands|dozens)\b",
    r"\bjoin(?:s|ed|ing)?\s+(?:the\s+)?(?:\S+\s+){0,2}board\b",
    r"\bto\s+(?:its\s+|the\s+)?board\b",
    r"\b(?:to|will|won'?t|not|set\s+to)\s+(?:retire|leave|step\s+down|depart|exit)\b",
    r"\b(?:executive|exec|management|leadership|boardroom)\s+(?:changes?|(?:re)?shuffle|shake-?up|update|"
    r"exits?|departures?)\b",
    r"\bexit\s+of\b",
    r"\b(?:c[efot]o|chief\s+\w+\s+officer|president|chairman)\b[^.;]{0,30}\b(?:leaving|departing|"
    r"exiting|is\s+out|to\s+go)\b",
    r"\belected\b",
    r"\bstep(?:s|ped|ping)?\s+down\b",
    r"\bresign(?:s|ed|ation)?\b",
    # (not saving for one's own retirement: "your retirement", "retirement planning", #retirement)
    r"(?<![#\w])(?<!\byour\s)(?<!\bfor\s)retir(?:es|ed|ing|ement)\b(?!\s+(?:strateg\w+|plan\w*|"
    r"funds?|accounts?|savings|income|portfolios?|age|goals?|investors?|security|communit\w+))",
    r"\b(?:to\s+)?(?:depart|departs|departed|departing|departure)\b",
    r"\b(?:leaves|leaving|left|exits?|quits?)\s+(?:as\s+|the\s+)?(?:(?-i:[A-Z])\w+|c[efot]o|"
    r"president|chair\w*|board)\b",
    r"\bousted?\b",
    r"\b(?:(?-i:fire)|fires|fired|sacks?|sacked|dismiss(?:es|ed))\s+(?:its\s+)?(?:c[efot]o|chief|"
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
    # an officer's pay ("CFO lands a big pay package", "compensation for the CEO doubles")
    r"\b(?:c[efot]o|chief\s+\w+\s+officer|chairman|exec\w*)(?:'s|’s)?\s+(?:\S+\s+){0,3}(?:pay|paid|"
    r"compensation|pay\s+package|salary|bonus(?:es)?|raked\s+in)\b",
    r"\b(?:pay|compensation|pay\s+package|salary)\s+(?:for|of)\s+(?:\S+\s+){0,3}(?:c[efot]o|chief|"
    r"chairman|exec\w*)\b",
    # hand-overs said otherwise: stepping aside, staying on, a succession, a search, a new
    # "<function> chief", going to a company as an officer, becoming its chairman
    r"\bstep(?:s|ped|ping)?\s+aside\b",
    r"\bstay(?:s|ed|ing)?\s+on\s+as\b",
    r"\b(?:c[efot]o|chief\s+executive|leadership)\s+(?:succession|search)\b",
    r"\bsuccession\s+(?:plan\w*|race|battle)\b",
    r"\bnew\s+(?:\w+\s+)?chief\b(?!\s+(?:executive|financial|operating|technology)\s+officer\b)",
    r"\b(?:heads|moves|goes|jumps|returns|comes)\s+to\s+\S+\s+as\s+(?:its\s+)?(?:new\s+)?"
    r"(?:c[efot]o|chief|president|chair\w*|head|cfo)\b",
    r"\bnow\s+(?:exec\w*\s+|non-executive\s+)?chair\w*\s+of\b",
    # a company hiring a named specialist ("hires a noted privacy lawyer")
    r"\bhir(?:es|ed|ing)\s+(?:a\s+|an\s+|the\s+|its\s+)?(?:\S+\s+){0,3}(?:lawyers?|attorneys?|"
    r"bankers?|advis[eo]rs?|lobbyists?|scientists?|designers?|economists?|researchers?|veterans?)\b",
)
PRODUCT = Cue(
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
    # security weaknesses and fixes, patents issued, a company investing in or dropping a line
    r"\b(?:data\s+security|security\s+(?:flaws?|holes?|bugs?|weakness\w*|lapses?|"
    r"vulnerabilit\w+)|vulnerabilit(?:y|ies)|cyber[-\s]?attacks?)\b",
    r"\b(?:fix|fixes|fixing|fixed|patch|patches|patching|patched)\s+(?:\S+\s+){0,2}(?:bugs?|flaws?|"
    r"glitch\w*)\b",
    r"\bpatents?\s+(?:issued|granted|awarded)\b",
    r"\binvest(?:s|ed)\s+(?:\$?[\d.,]+\s*(?:[mb]n?|million|billion)?\s+)?in\s+(?-i:[A-Z#$@])",
    r"\b(?:to\s+|may\s+|will\s+)?axe[sd]?\b",
    r"\b(?:goes|going|go|went)\s+on\s+sale\b",
    r"\binaugurat\w+",
    # orders of goods ("Airline buys 20 updated jets")
    r"\b(?:buys|orders|ordered|bought)\s+\d[\d,]*\s+(?:\S+\s+){0,2}(?:jets|planes|aircraft|"
    r"airplanes|\w*\d{3}s|trucks|ships|satellites|locomotives|turbines)\b",
    r"\brepurchas\w+",
)
RESULTS = Cue(
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
    # figures reported ("EPS came in at", "bookings of $5.5B", "+10% YoY", "per 8-K filing")
    r"\bcame\s+in\s+(?:at|above|below|ahead)\b",
    r"\b(?:eps|revenues?|sales|net\s+income|profits?|bookings|traffic|margins?|fees|deliveries|"
    r"shipments|subscribers|orders)\s+(?:of|at|was|were|reached|totall?ed|hit)\s+[-+]?(?:us)?\$?\d",
    r"\b(?:eps|revenues?|sales|income|profits?|earnings|traffic|bookings|deliveries|shipments|"
    r"orders|margins?)\s+(?:\S+\s+){0,2}[-+]?\d+(?:\.\d+)?\s?%\s*,?\s*(?:y/y|yoy|year[-\s]over[-\s]year|"
    r"q/q|qoq)\b",
    r"\b(?:8-k|10-k|10-q|20-f|6-k)\b",
    r"\b(?:eps|revenues?|sales|income|profits?|earnings(?:\s+per\s+share)?|traffic|bookings|"
    r"deliveries|shipments|orders|margins?)\s+(?:was\s+|were\s+)?(?:increase[sd]?|decrease[sd]?|"
    r"slide|slides|slid|sank|sinks?|rose|fell|up|down|grew|declined)\s+(?:by\s+)?[-+]?\d",
    r"\b(?:\w+\s+)?sales\s+(?:slide|slides|slid|slump|sink|sank|stall|stalls|surge|soar)\b",
    r"\b(?:rais(?:es|ed)|hik(?:es|ed)|increas(?:es|ed)|cut|lower(?:s|ed)|boost(?:s|ed)|"
    r"reaffirm(?:s|ed)|maintain(?:s|ed))\s+(?:its\s+|the\s+|quarterly\s+|annual\s+|full[-\s]year\s+)?"
    r"(?:guidance|forecast|outlook|dividend|payout)\b",
)
LEGAL = Cue(
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
    # regulators, courts and governments acting ("Regulator asks carriers for", "federal
    # scrutiny over", "withdraws legal action")
    r"\b(?:ftc|sec|doj|fcc|fda|epa|cfpb|finra|nhtsa|faa|regulators?|government|federal|feds|"
    r"justice\s+department|attorney\s+general|lawmakers|senators?|congress|judge|court|"
    r"ministry|commission)\s+(?:\S+\s+)?(?:asks?|orders?|demands?|rejects?|withdraws?|drops?|"
    r"opens?|launches?|targets?|questions?|warns?|cracks?|urges?|reviews?|examines?|"
    r"scrutiniz\w+|summons|subpoenas?|fines?|sues?|raids?|denies|refuses)\b",
    r"\blegal\s+(?:action|challenge|fight|battle)\b",
    r"\b(?:federal|regulatory|legal|antitrust|government)\s+(?:hot\s+water|scrutiny|pressure|"
    r"review|inquiry|crackdown)\b",
    r"\bin\s+hot\s+water\b",
)
# Regulators, courts and officials: a company event when something else says what happened.
AUTHORITY = Cue(
    r"\b(?:ftc|sec|doj|fcc|fda|ema|epa|cfpb|finra|nhtsa|faa|eu|regulators?|regulatory|"
    r"commission|senate|congress|justice\s+department|attorney\s+general)\b",
    r"\b(?:court|judge|jury|jurors|ruling|trial|appeal|fraud|detain(?:s|ed)|alleg\w+)\b",
)
# An executive's statement reported ("Acme CEO says ...").
STATEMENT = Cue(
    r"\b(?:c[efot]o|chief|chairman|president|exec\w*|spokes\w+|founder)\s+(?:\S+\s+){0,3}"
    r"(?:says?|said|tells|told|notes|warns|expects|defends|sees|confirms|denies|admits|jokes|"
    r"discusses|calls|cites|teases|reassures|criticizes|criticises|outlines|insists|"
    r"vows|blasts|slams|praises|addresses)\b",
    r"\b(?:says?|said|according\s+to)\s+(?:\S+\s+){0,3}(?:c[efot]o|chief|chairman|"
    r"president|exec\w*|founder)\b",
    r"(?<!\bto\s)(?<!\bfor\s)\b(?:c[efot]o|chief|chairman|president|exec\w*|founder)\s*:",
    # a reporter's call with an officer ("Spoke with the CFO", "just off the phone with")
    r"\b(?:spoke|spoken|speaking|talked|off\s+(?:the\s+)?phone|sat\s+down)\s+(?:\S+\s+){0,3}with\s+"
    r"(?:\S+\s+){0,2}(?:c[efot]o|chief|chairman|president|founder)\b",
    # an officer presenting at a conference ("CFO to Present at the Widget Conference")
    r"\b(?:c[efot]o|chief|chairman|president|founder)\b(?:\s+\S+){0,3}\s+to\s+(?:present|speak|"
    r"address|host|keynote)\b",
    # an officer meeting officials ("CEO meets with the Prime Minister")
    r"\b(?:c[efot]o|chief|chairman|founder|(?-i:[A-Z])\w+)\s+(?:\S+\s+){0,3}(?:meets?|met|meeting)\s+"
    r"(?:with\s+)?(?:\S+\s+){0,3}(?:president|prime\s+minister|minister|premier|officials|"
    r"regulators|lawmakers|chancellor|governor)\b",
    r"\b(?:denies|denied)\s+(?:\S+\s+){0,3}(?:reports?|rumou?rs?|claims?|allegations?|sale|talks|"
    r"bids?|plans?|deal|stake)\b",
)
PARTNER = Cue(
    r"\bpartner(?:s|ed|ing|ship|ships)?\s+(?:with|to)\b",
    r"\bpartnership\b",
    r"\bteams?\s+up\b",
    r"\bteamed\s+up\b",
    r"\balliance\b",
    r"\bjoint\s+venture\b",
    r"\bcollaborat(?:e|es|ed|ion|ing)\b",
    # "joins with Acme on", "joins a syndicate to back"
    r"\bjoin(?:s|ed)?\s+with\s+(?-i:[A-Z$@#])",
    r"\bjoin(?:s|ed)?\s+(?:a|an|the)\s+(?:\S+\s+){0,2}(?:syndicate|consortium|coalition|"
    r"alliance|round)\b",
    r"\b(?:agreement|contract|licens(?:e|ing)\s+deal)\s+(?:with|to|for)\b",
    r"\breach(?:es|ed)?\s+(?:\S+\s+){0,3}(?:agreement|deal|accord|settlement)\b",
    r"\b(?:join(?:s|ed)?\s+(?:forces|hands)|ties?\s+up|tie-?ups?|teams?\s+with|"
    r"signs?\s+(?:on|up)\s+with)\b",
    r"\b(?:wins?|won|awarded|signs?|signed|inks?|inked)\s+(?:a\s+|\$?\S+\s+)?"
    r"(?:contract|deal|agreement)\b",
)
HEADLINE = Cue(
    r"^\s*(?:breaking|exclusive|update|just\s+in|report|alert|flash)\s*[:!-]",
    r"\b(?:said\s+to|reportedly|according\s+to|sources?\s+(?:say|said)|people\s+familiar)\b",
    r"[-–—:]\s*(?:report|sources?|wsj|reuters|bloomberg|ft|cnbc)\s*$",
)
# Old history told as trivia ("In 1998, Acme turned down ...; today Widget is worth ..."):
# the event is background, not news.
HISTORY = Cue(
    r"^\W*(?:in|back\s+in|since|circa)\s+(?:(?:early|late|mid)[-\s]?)?"
    r"(?:19\d\d|200\d)\b",
    r"\b(?:founded|started|launched|created|born|went\s+public|listed)\s+(?:back\s+)?in\s+"
    r"(?:19\d\d|200\d)\b",
    r"\b(?:\d+|two|three|four|five|ten|twenty|fifteen|thirty|a\s+few)\s+(?:years|decades)\s+ago\b",
    r"\b(?:today|now)\s+(?:\$?[\w.'’-]+\s+){1,3}(?:is|are)\s+worth\b",
    r"\b(?:on\s+this\s+day|throwback|#tbt)\b",
    r"\b(?:today|this\s+day|this\s+week)\s+in\s+(?:19\d\d|200\d)\b",
    # a book about a founder or a company's past ("Jobs Biography Reveals Untold Stories")
    r"\b(?:biography|biographies|biopic|memoirs?)\b",
)
# A TV or radio appearance ("joins Bloomberg TV at 3pm to talk about the launch"): the
# appearance is the post, whatever it is about.
APPEARANCE = Cue(
    r"\bjoin(?:s|ed|ing)?\s+(?:us|@?\w+(?:\s+\w+){0,2})\s+(?:live\b|at\s+\d|on\s+(?:air|set|"
    r"the\s+show)|to\s+(?:talk|discuss|chat|explain|break\s+down))",
    r"\b(?:at|@)\s+\d{1,2}(?::\d\d)?\s*(?:[ap]\.?m\.?|et)\b[^.!?]{0,30}\bto\s+(?:talk|discuss|"
    r"chat|explain)\b",
    r"\b(?:on|at)\s+\d{1,2}(?::\d\d)?\s*(?:[ap]\.?m\.?|et)\s+(?:et\s+)?to\s+(?:talk|discuss)\b",
    r"\b(?:tune\s+in|watch\s+live|live\s+(?:now|on\s+air|interview)|on\s+air|coming\s+up\s+"
    r"(?:at|next|on))\b",
    r"\b(?:to\s+(?:talk|chat)\s+(?:about|with))\b",
)
# A dollar figure the company reports or pays ("declares $0.33 dividend", "EPS came in at
# $0.81", "revenue of $6.4B"): a figure of the event, not a price level of the stock.
FIGURE = Cue(
    r"\$\s?\d[\d.,]*\s*(?:/\s?sh(?:are)?\s+|per\s+share\s+|a\s+share\s+)?(?:quarterly\s+|annual\s+|"
    r"special\s+|interim\s+|final\s+|cash\s+)?(?:dividend|distribution|payout)\b",
    r"\b(?:eps|revenues?|sales|earnings|net\s+income|profit|loss)\s+(?:\S+\s+){0,2}(?:of|at|was|were|"
    r"came\s+in\s+at)\s+[-+]?\$",
    r"\((?:est\.?|estimate|consensus|exp\.?)\s+[-+]?\$",
    # an offer's price per share ("deal at $90/sh", "$42 a share in cash")
    r"\b(?:deal|offer|bid)\s+(?:\S+\s+){0,2}at\s+\$",
    r"\$\s?\d[\d.,]*\s*(?:/\s?sh(?:are)?\s+|(?:per|a)\s+share\s+)?in\s+cash\b",
)
