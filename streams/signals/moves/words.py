"""The words of executive moves: the cues ("appoints", "steps down", "hires"), the role
titles, and the shapes of moves told without a person (layoffs, hiring, a reshuffle, a
succession, a transfer). What only looks like a move: ``streams.signals.moves.not_moves``."""

from __future__ import annotations

import re

__all__ = [
    "ADVISER",
    "BOARD",
    "BULK",
    "CUE",
    "EXEC_EXITS",
    "GROWTH",
    "HIRED_TICKER",
    "HIRE_OBJECT_GAP",
    "INTRODUCED",
    "LAYOFF",
    "NEW_HIRE",
    "POACHED_STAFF",
    "RESHUFFLE",
    "ROLE",
    "ROLE_NAME",
    "ROLE_NEXT",
    "SUCCESSION",
    "TOP_ROLE",
    "TRANSFER",
]

# not a service that lets people hire someone ("allows you to hire a goat herder")
_HIRE = r"(?<!\byou\sto\s)(?<!\blets\syou\s)(?:hir(?:es|ed|ing|e)|recruit(?:s|ed|ing)?)"
_JOIN = (
    r"appoint(?:s|ed|ing)?|nam(?:es|ed|ing|e)|tap(?:s|ped)|join(?:s|ed|ing)?|picks|poach(?:es|ed|ing)"
    r"|elect(?:s|ed)|assum(?:es|ed|ing)|succeed(?:s|ed|ing)?|(?:leap|jump|defect)(?:s|ed|ing)?\s+to"
    r"|head(?:s|ed|ing)\s+to(?=\s+(?:[\w$@&.'’-]+\s+){1,3}as\s+(?:(?:its|the|new)\s+)?(?:C[EFOT]O|chief|chair|president))"
    r"|appointment(?=\s+(?:of|as)\b)|(?<=['’]s\s)appointment"
    # a new boss had or announced, not one commented on ("Contoso has a new CEO", "announces
    # its new CFO", "as Fabrikam's new CEO"; not "new Contoso CEO faces ...")
    # ("Lee Park is the new Contoso CEO", "congrats to the new Contoso CFO, Lee Park")
    r"|(?:ha(?:s|ve)|gets?|getting|got|announc(?:es|ed)|unveil(?:s|ed)|as|is|(?:congrat\w*|grat[sz])\s+to|welcomes?)"
    r"\s+(?:(?:a|an|its|it['’]s|their|the)\s+"
    r"|[\w$@&.-]+['’]?s\s+)?(?:new|next|incoming)(?=\s+(?:(?-i:[A-Z$])[\w&.'’-]*\s+){0,2}(?:C[EFO]O|chief\s+executive|president"
    r"|chair(?:man|woman)?|(?:finance|financial)\s+chief|board\s*member|director)\b)"
    r"|takes?\s+(?:over\s+)?the\s+(?:helm|reins)|becom(?:es|ing)"
    # "new CEO announced at Contoso"
    r"|(?<=\bnew\sC[EFO]O\s)(?:announced|named|appointed)(?=\s+(?:at|for|by)\s)"
    # "Contoso Turns to an Adviser to CEOs as New Finance Chief"
    r"|turn(?:s|ed|ing)?\s+to(?=\s[^.!?\n]{1,50}?\bas\s+(?:its\s+|the\s+|a\s+)?new\s+"
    r"(?:\w+\s+){0,2}?(?:C[EFOT]O|chief|chair(?:man|woman)?|president|head)\b)"
    # "to lead/run" a company or a unit ("tapped to run Contoso's cloud"), not "compute to
    # run forecasting models"
    r"|to\s+(?:lead|head|run)(?=\s+(?:(?:its|the|a|an|their|his|her)\s+)?(?:(?-i:[A-Z$@#])"
    r"|(?:\w+\s+){0,2}(?:business|unit|division|group|operations?|company|team|board|bank"
    r"|firm|arm|segment|studio|lab|labs|office)\b))"
    r"|mak(?:e|es|ing)(?=\s+(?:[A-Z][\w'’-]+\s+){1,3}(?:its\s+)?(?:new\s+)?(?:C[EFOT]O|chief|chair))"
    r"|(?:add(?:s|ed|ing)?|bring(?:s|ing)?|brought)(?=[^.!?\n]{1,40}?\b(?:to\s+(?:its\s+|the\s+)?board"
    r"|as\s+(?:an?\s+)?(?:independent\s+)?director)\b)"
)
_LEAVE = (
    r"resign(?:s|ed|ing)?|step(?:s|ped|ping)?\s+(?:down|aside)|depart(?:s|ed|ing)?"
    r"|leav(?:es|ing|e)|left|oust(?:s|ed)?|fire[sd]?|sack(?:s|ed)?|retir(?:es|ed|ing|e)"
    r"|exit(?:s|ed|ing)?|quit(?:s|ting)?|out\s+as"
    # "Contoso Parts Ways With Chief Merchant Lee Park" (not "part ways over ads")
    r"|part(?:s|ed|ing)?\s+ways\s+with(?=\s+(?:its\s+|their\s+|the\s+)?(?:[\w-]+\s+){0,2}"
    r"(?:C[EFOT]O|chief|president|head|exec\w*|director|chair\w*|founder)\b)"
    # the nouns, of someone or someone's: "the retirement of Contoso CFO Lee Park"
    r"|(?:retirement|resignation|departure|ouster)(?=\s+of\b)"
    r"|(?<=['’]s\s)(?:retirement|resignation|departure|ouster)"
    # "Contoso CFO Lee Park Announces Retirement", "announces his resignation"
    r"|announc(?:es|ed|ing)\s+(?:(?:his|her|their)\s+)?(?:retirement|resignation|departure)"
    # a company losing someone to another: "Contoso Loses Top Deal Banker To Fabrikam"
    r"|los(?:es|t|ing)(?=\s+(?:(?:its|a|top|star|another|senior|key|veteran)\s+)*(?:[\w-]+\s+){0,2}"
    r"(?:C[EFOT]O|chief|president|bankers?|executives?|execs?|head|director)"
    # ... to a rival, or at the end of a headline ("Contoso Wallet Loses Another Top Executive")
    r"(?:\s+to\b|\s*(?:$|[-–>.,;:!(])|\s+(?:amid|after|as|in)\b))"
)
_PROMOTE = r"promot(?:es|ed|ing)|elevat(?:es|ed)"
CUE = re.compile(
    rf"\b(?:(?P<hire>{_HIRE})|(?P<join>{_JOIN})|(?P<leave>{_LEAVE})|(?P<promote>{_PROMOTE}))\b",
    re.I,
)
# Before a title: "new CEO", "interim CFO", and the hashtag "#NewCEO".
_ROLE_LEAD = r"\b(?:(?:new|interim|acting|former)\s+|(?<=#)new(?=C[EFO]O\b))?"
ROLE = re.compile(
    _ROLE_LEAD + r"(?P<role>"
    r"C[EFTOMI]O|chief\s+\w+(?:\s+\w+)?\s+officer|president|chair(?:man|woman|person)?"
    r"|(?:(?:senior|executive)\s+)?vice\s+president(?:\s+of\s+\w+)?|SVP|EVP|VP(?:\s+of\s+\w+)?"
    r"|head\s+of\s+\w+(?:\s+(?!https?\b)\w+)?|managing\s+director|general\s+counsel|board\s+member"
    r"|director(?:\s+of\s+\w+)?|founder|co-founder|chief\s+executive|executive|exec|boss"
    r"|chief\s+(?:merchant|economist|strategist|scientist|designer|architect|evangelist)|chief"
    r"|(?:corporate\s+)?officers|vice\s+presidents|(?:finance|financial)\s+(?:chief|officer)"
    r"|(?:top|star|senior)\s+(?:deal\s+)?bankers?"
    # a title ending in "Head" after "as" ("appoints Lee Park as Asia Retail Banking Head")
    r"|(?<=\bas\s)(?:(?:its|the|new)\s+)*(?-i:(?:[A-Z][\w&-]*\s+){1,4})head"
    # "Names New Leader in Ohio": a leader named, not a market leader
    r"|(?<=\bnew\s)leader)\b",
    re.I,
)
# A post introducing an appointee: "Who is new Globex CEO Lee Park?", "Things you need to
# know about new Globex CEO Lee Park", "Who is Lee Park - Globex's next CEO?", "Meet ...".
# The role must follow "new" or "next" within the clause (never "Who will be the next CEO?").
INTRODUCED = re.compile(
    r"\b(?:who\s+is|who['’]s|meet|get\s+to\s+know|introducing|(?:things|facts)\s+"
    r"(?:(?:you|to)\s+)?(?:need\s+to\s+|should\s+)?know\s+about)\s+"
    r"(?P<between>[^.?!\n]{0,40}?)\b(?:new|next)\s+(?=(?:[\w$#@&.'’-]+\s+){0,2}?"
    + ROLE.pattern.removeprefix(_ROLE_LEAD)
    + ")",
    re.I,
)
# A board seat taken or given up: "steps down from the Contoso board", "joins Fabrikam's board".
BOARD = re.compile(
    r"\b(?:from|to|joins?|joined|leaves?|left|quits?)\s+(?:the\s+|its\s+)?"
    r"(?:[\w$@&.'’-]+\s+){0,2}?#?(?P<role>board)(?:\s*of\s*directors)?\b(?!\s*(?:game|room|meeting))",
    re.I,
)
_NAME_WORD = r"[A-Z][a-z]+(?:[-'’][A-Za-z]+)?"
ROLE_NAME = re.compile(
    ROLE.pattern + rf"\s+(?-i:(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,2}}))\b", re.I
)
_COUNT = r"(?:\d[\d,.]*\s*(?:k|thousand)?|hundreds|thousands|dozens)"
_ABOUT = r"(?:(?:more\s+than|up\s+to|about|nearly|some|over|another|at\s+least)\s+)?"
BULK = re.compile(rf"\bhir(?:es|ing|ed|e)\s+{_ABOUT}{_COUNT}\b", re.I)
# After "hires": an organisation there is an adviser ("hires Goldman Sachs to ..."), not staff.
HIRE_OBJECT_GAP = re.compile(r"\s*(?:(?:investment\s+)?bank\s+)?", re.I)
# A company hired, written as its cashtag: "has hired $HALO to help".
HIRED_TICKER = re.compile(r"\s+(?:[A-Za-z]+\s+){0,2}\$[A-Za-z]{1,6}\b")
_STAFF = r"(?:jobs|workers|employees|staff(?:ers)?|positions|roles|people|professionals)"
LAYOFF = re.compile(
    r"\b(?:lay(?:s|ing)?[- ]?offs?|laid\s+off|job[- ](?:cuts?|reductions?|losses)"
    rf"|(?:cut|cuts|cutting|slash(?:es|ed|ing)?|eliminat(?:es|ed|ing)|shed(?:s|ding)?)\s+"
    rf"{_ABOUT}(?:{_COUNT}\s+)?(?:(?:more|additional|new|other)\s+)?{_STAFF}"
    rf"|{_COUNT}\s+{_STAFF}\s+(?:cut|axed|slashed|eliminated|shed)"
    r"|(?:cut|cuts|cutting|reduc(?:es|ed|ing)|slash(?:es|ed|ing)?)\s+(?:its\s+|their\s+)?"
    r"(?:workforce|headcount)|(?:workforce|headcount)\s+(?:reductions?|cuts?))\b",
    re.I,
)
# A management reshuffle at a named company, no one named: "Management shuffle at Contoso",
# "Executive Changes At Contoso", "Contoso announces officer changes", "chief recasts
# executive team", "bracing for another management reshuffle".
RESHUFFLE = re.compile(
    r"\b(?:management|executive|leadership|officer|c-suite)\s+(?:re)?(?:shuffle|shake-?up|overhaul"
    r"|changes|revamp)s?\b"
    r"|\b(?:re)?shuffles?\s+(?:its\s+|the\s+)?(?:management|executive|leadership|top)\b"
    r"|\b(?:recasts?|revamps?|overhauls?|shakes\s+up)\s+(?:its\s+|the\s+)?(?:executive|management"
    r"|leadership)\s+(?:team|ranks|structure)\b",
    re.I,
)
# A company choosing its next leader, no one named yet: "Contoso CEO search nearing end",
# "CEO hunt drags on", "potential CEO candidates", "sets up for CEO succession", "nearing the
# end of its search for a new CEO", "may pick new CEO next week"; not a successor in passing
# ("praising his successor's move").
_TOP = r"(?:C[EFO]O|chief\s+executive|chair(?:man|woman)?)"
# The title in a succession match.
TOP_ROLE = re.compile(rf"\b{_TOP}\b", re.I)
SUCCESSION = re.compile(
    rf"\b(?:(?:potential|possible|next)\s+)?{_TOP}\s+(?:search|hunt|succession|selection"
    r"|candidates?|short-?list|front-?runners?|contenders?|announcement|pick|race|successors?)\b"
    rf"|\bsearch(?:es|ing)?\s+for\s+(?:a\s+|its\s+|the\s+)?(?:new|next|permanent)\s+{_TOP}"
    rf"|\b(?:pick|name|choose|select|announce|appoint)s?\s+(?:a\s+|its\s+|the\s+)?(?:new|next)\s+"
    rf"{_TOP}\s+(?:soon|(?:with)?in\s+(?:the\s+)?(?:next|coming|days|weeks)|by|this|next)\b",
    re.I,
)
# A person changing organisations, no role said: "leaves Contoso for Fabrikam", "returning
# to Contoso from Fabrikam", "jumps to Fabrikam" (the destination right after); not
# "heads to" or "moves to", which mostly travel.
TRANSFER = re.compile(
    r"\b(?:leav(?:es|ing)|left|quit(?:s|ting)?|return(?:s|ing|ed)?"
    r"|jump(?:s|ed|ing)(?:\s+ship)?|defect(?:s|ed|ing)|switch(?:es|ed|ing))\s+(?:back\s+)?(?:to|for)\s+"
    r"(?:the\s+)?",
    re.I,
)
# Hiring with no "hire" word: "adds 500 jobs", "boosts employment"; or with "hiring" the
# noun of a company stepping it up ("ramping up hiring for its cloud unit", "hiring spree",
# "steps up recruitment", "launches a recruitment drive").
GROWTH = re.compile(
    rf"\b(?:add(?:s|ed|ing)?|creat(?:es|ed|ing)|boost(?:s|ed|ing)?)\s+(?:[\w-]+\s+){{0,3}}?"
    rf"(?:{_ABOUT}{_COUNT}\s+(?:new\s+)?(?:[\w-]+\s+){{0,2}}?{_STAFF}|(?:its\s+)?(?:employment|headcount|workforce))\b"
    r"(?!\s+(?:skills|training|development|diversity|morale|productivity|readiness))"
    r"|\b(?:(?:ramp|step|speed|scal)(?:s|ed|ing|e|es|ping|ped)?\s+up|accelerat(?:es|ed|ing|e)"
    r"|expand(?:s|ed|ing)?|boost(?:s|ed|ing)?)\s+(?:its\s+|their\s+)?(?:hiring|recruitment)\b"
    r"|\b(?:hiring|recruitment)\s+(?:spree|binge|blitz|push|drive)\b",
    re.I,
)
# People poached, not a title: "poaches one of Fabrikam's top engineers", "poached at least
# 150 engineers", "poaching Britain's best radio producers", "poaches satellite expert from
# Fabrikam" (not "poaches Spotify from Fabrikam", a customer).
POACHED_STAFF = re.compile(
    r"\s+(?:(?!(?:from|for|to|with|by|as)\b)[^\s.,;:!?]+\s+){0,5}?(?:engineers?|experts?"
    r"|designers?|developers?|scientists?|researchers?|talent|producers?|staff(?:ers)?|employees"
    r"|workers|specialists?|programmers?|technologists?|veterans?|executives|execs)\b",
    re.I,
)
# Executives leaving, told as a noun with no one named: "faces another executive departure",
# "as exec exits cast doubts", "on Asia Pacific Executive Ousters".
EXEC_EXITS = re.compile(
    r"\b(?:exec(?:utive)?|management|leadership|c-suite)\s+(?:departures?|exits|ousters?|exodus"
    r"|resignations)\b",
    re.I,
)
# A company's hire as a noun: "Contoso's latest hire", "Contoso's new hire is ...".
NEW_HIRE = re.compile(
    r"(?<=['’]s\s)(?:(?:latest|newest|new|big|biggest|top|star|first|key|high-profile)\s+)+"
    r"hire\b(?!\s+(?:date|program|process|rate|training))",
    re.I,
)


# After a hire cue: a bank, a law or consulting firm or an adviser, hired for a deal, not staff
# ("has hired Goldman and Lazard", "hires Evercore to weigh a sale", "hires advisers").
ADVISER = re.compile(
    r"\s*(?:(?:two|three|\w+['’]s|its|the|an?|new|outside|investment)\s+)*(?:goldman|morgan\s+stanley"
    r"|j\.?\s?p\.?\s?morgan|jpmorgan|citi(?:group|bank)?\b|lazard|evercore|barclays|credit\s+suisse"
    r"|deutsche\s+bank|ubs\b|bofa\b|merrill|centerview|rothschild|jefferies|perella|moelis"
    r"|guggenheim|hsbc|nomura|qatalyst|greenhill|skadden|wachtell|cravath|kirkland|mckinsey"
    r"|advis[eo]rs?\b|bankers?\b|(?:investment\s+)?banks?\b|law\s+firms?|lawyers|attorneys"
    r"|consultants?\b|lobbyists?|headhunters?"
    r"|(?:[\w'’-]+\s+){0,3}?(?:lawyer|attorney|law\s+firm|legal\s+team)\b)",
    re.I,
)

# A title right after: "$CTSO exec", "Contoso CFO".
ROLE_NEXT = re.compile(r"\s+" + ROLE.pattern, re.I)
