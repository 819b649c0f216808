"""The words of executive moves (``streams.signals.moves``), and what only looks like one.

Cues are regexes; :func:`false_cue` tells a cue that does not report a move from its
surroundings, one family at a time:

- a TV or event appearance: "Contoso's CEO joins us at 2pm", "joins @SomeShow", "joins
  800 employees at the parade", "joins the Dow"; an account opened ("joins Twitter");
- the product "Fire" (Kindle Fire, Fire TV, Fire Phone) and figures of speech ("under
  fire", "fire sale");
- a denied, negated or hypothetical move: "denies he will step down", "won't leave",
  "may quit", "could have hired";
- an award or a list, not a post: "named best CEO", "named to a Forbes list", "named in a
  lawsuit", "named after";
- a move told as background: "weeks after being named CEO", "since he was appointed",
  "the former CEO, who left in 2019, says";
- a guess, a question or a hedged estimate (:func:`speculative`): "I'd guess Lee Park",
  "maybe they are laying off everyone", "could mean 5,000 job cuts, analyst says", "who's
  hiring on Wall St?", "job cuts needed";
- layoffs as a topic, not one company's cuts (:func:`layoff_chatter`): "the layoff
  announcements", "here come the layoffs", "so angry at Contoso for their layoffs";
- an adviser hired for a deal (:data:`ADVISER`): "has hired Goldman and Lazard", "hires
  advisers to fend off a bid"; hiring limited, not done: "declined to limit Contoso hiring".
"""

from __future__ import annotations

import re

__all__ = [
    "INTRODUCED",
    "ADVISER",
    "HIRED_TICKER",
    "BOARD",
    "BULK",
    "CUE",
    "HIRE_OBJECT_GAP",
    "LAYOFF",
    "ROLE",
    "RESHUFFLE",
    "SUCCESSION",
    "TOP_ROLE",
    "ROLE_NAME",
    "GROWTH",
    "TRANSFER",
    "false_cue",
    "hiring_noun",
    "hypothetical",
    "layoff_chatter",
    "speculative",
    "succession_doubted",
]

# not a service that lets people hire someone ("allows you to hire a goat herder")
_HIRE = r"(?<!\byou\sto\s)(?<!\blets\syou\s)(?:hir(?:es|ed|ing|e)|recruit(?:s|ed|ing)?)"
_JOIN = (
    r"appoint(?:s|ed|ing)?|nam(?:es|ed|ing|e)|tap(?:s|ped)|join(?:s|ed|ing)?|picks|poach(?:es|ed)"
    r"|elect(?:s|ed)|assum(?:es|ed|ing)|succeed(?:s|ed|ing)?|(?:leap|jump|defect)(?:s|ed|ing)?\s+to"
    r"|head(?:s|ed|ing)\s+to(?=\s+(?:[\w$@&.'’-]+\s+){1,3}as\s+(?:(?:its|the|new)\s+)?(?:C[EFOT]O|chief|chair|president))"
    r"|appointment(?=\s+(?:of|as)\b)|(?<=['’]s\s)appointment"
    # a new boss had or announced, not one commented on ("Contoso has a new CEO", "announces
    # its new CFO", "as Fabrikam's new CEO"; not "new Contoso CEO faces ...")
    # ("Lee Park is the new Contoso CEO", "congrats to the new Contoso CFO, Lee Park")
    r"|(?:ha(?:s|ve)|gets?|got|announc(?:es|ed)|unveil(?:s|ed)|as|is|(?:congrat\w*|grat[sz])\s+to|welcomes?)"
    r"\s+(?:(?:a|an|its|it['’]s|their|the)\s+"
    r"|[\w$@&.-]+['’]?s\s+)?(?:new|next|incoming)(?=\s+(?:(?-i:[A-Z$])[\w&.'’-]*\s+){0,2}(?:C[EFO]O|chief\s+executive|president"
    r"|chair(?:man|woman)?|(?:finance|financial)\s+chief|board\s*member|director)\b)"
    r"|takes?\s+(?:over\s+)?the\s+(?:helm|reins)|becom(?:es|ing)"
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
    # the nouns, of someone or someone's: "the retirement of Contoso CFO Lee Park"
    r"|(?:retirement|resignation|departure|ouster)(?=\s+of\b)"
    r"|(?<=['’]s\s)(?:retirement|resignation|departure|ouster)"
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
ROLE = re.compile(
    r"\b(?:(?:new|interim|acting|former)\s+)?(?P<role>"
    r"C[EFTOMI]O|chief\s+\w+(?:\s+\w+)?\s+officer|president|chair(?:man|woman|person)?"
    r"|(?:senior\s+)?vice\s+president(?:\s+of\s+\w+)?|SVP|EVP|VP(?:\s+of\s+\w+)?"
    r"|head\s+of\s+\w+(?:\s+\w+)?|managing\s+director|general\s+counsel|board\s+member"
    r"|director(?:\s+of\s+\w+)?|founder|co-founder|chief\s+executive|executive|exec|boss|chief"
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
    + ROLE.pattern.removeprefix(r"\b(?:(?:new|interim|acting|former)\s+)?")
    + ")",
    re.I,
)
# A board seat taken or given up: "steps down from the Contoso board", "joins Fabrikam's board".
BOARD = re.compile(
    r"\b(?:from|to|joins?|joined|leaves?|left|quits?)\s+(?:the\s+|its\s+)?"
    r"(?:[\w$@&.'’-]+\s+){0,2}?(?P<role>board)(?:\s+of\s+directors)?\b(?!\s*(?:game|room|meeting))",
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
_STAFF = r"(?:jobs|workers|employees|staff(?:ers)?|positions|roles|people)"
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
# Hiring with no "hire" word: "adds 500 jobs", "boosts employment".
GROWTH = re.compile(
    rf"\b(?:add(?:s|ed|ing)?|creat(?:es|ed|ing)|boost(?:s|ed|ing)?)\s+(?:[\w-]+\s+){{0,3}}?"
    rf"(?:{_ABOUT}{_COUNT}\s+(?:new\s+)?{_STAFF}|(?:its\s+)?(?:employment|headcount|workforce))\b"
    r"(?!\s+(?:skills|training|development|diversity|morale|productivity|readiness))",
    re.I,
)

# An appearance, not a move: what follows "joins".
_APPEARANCE = re.compile(
    # "joins @Show" (not "joins @Contoso board", "joins @Contoso as CFO")
    r"\s+(?:us|me|them|him|her|you|@\w+(?!(?:['’]s)?\s+(?:board|as|executive|leadership|management)\b)|\d|live|in\s+(?:the\s+)?(?:studio|discussion|call)"
    r"|the\s+(?:show|panel|set|program(?:me)?|desk|call|conversation|discussion|debate|parade"
    r"|protest|march|crowd|chorus|list|race|fight|party|fray|bandwagon|club|ranks|dow|s&p"
    r"|index|nasdaq|ceos?|executives|leaders)|the\s+\S+\s+club)\b",
    re.I,
)
_ON_AIR = re.compile(
    r"^[^.!?\n]{0,60}?\b(?:on\s+(?:@\w+|air|set|stage|the\s+show|(?:cnbc|bloomberg|fox|cnn|tv|"
    r"squawk)\w*)|to\s+(?:discuss|talk|chat)|for\s+(?:[\w'’]+\s+){0,3}(?:call|webcast|"
    r"conference|event|chat|q&a|livestream|interview)s?\b|at\s+\d{1,2}(?::\d\d)?\s*(?:am|pm|et)?\b)",
    re.I,
)
# "Contoso's CEO joins Twitter": an account opened on a social network, not a post there
# ("joins Twitter as CFO", "joins Twitter's board" are moves).
_SIGNS_UP = re.compile(
    r"\s+@?(?:twitter|instagram|facebook|linkedin|snapchat|tiktok|pinterest|tumblr|periscope"
    r"|reddit|weibo|wechat|threads|mastodon|bluesky|youtube|medium|quora)\b"
    r"(?!['’]s?\s|\s+(?:as|board|to\s+(?:lead|head|run))\b)",
    re.I,
)
# "steps down to join Facebook", "leaves PayPal, joins Facebook": a move to the company.
_MOVING_ON = re.compile(
    r"(?:\bto\s+|\b(?:step(?:s|ped|ping)?\s+down|leav(?:es|ing)|left|quits?|depart(?:s|ed|ing)"
    r"|exit(?:s|ed|ing)|resign(?:s|ed|ing))\b[^.!?\n]{0,60}?)$",
    re.I,
)
# "joins Contoso in calling for ...": a joint action, not a post.
_JOINT = re.compile(r"[^.!?\n]{0,40}?\b(?:in|is)\s+\w+ing\b", re.I)
_SUCCEED_WELL = re.compile(r"\s*(?:[.,!?]|$|(?:in|at|with|if|and|or|where)\b)", re.I)
_FIRE_PRODUCT = re.compile(r"\s+(?:phones?|tv|tablets?|stick|hd|hdx|os|sale|up)\b", re.I)
_FIRE_BEFORE = re.compile(
    r"\b(?:kindle|amazon(?:['’]s)?|under|on|open|catch(?:es)?|caught|ceasefire|cease)\s+$", re.I
)
_AWARD = re.compile(
    r"\s+(?:to\s+(?:the\s+|a\s+|an\s+)?(?:[\w'’&.-]+\s+){0,4}(?:list|ranking|index|hall\s+of\s+"
    r"fame)|(?:as\s+)?(?:one\s+of|among)\b|(?:the\s+|a\s+)?(?:best|top(?!\s+(?:[\w&'’-]+\s+){0,2}"
    r"(?:exec\w*|officials?|lawyers?|bankers?|managers?|deputy|aides?)(?:\s+(?:as|to)\b|\s*$|\s+https?:))|most|worst|greatest|"
    r"hottest|richest|world['’]s)\b|(?:[\w'’-]+\s+){1,3}of\s+the\s+year"
    r"|(?:the\s+)?(?:#\s*\d+|no\.\s*\d+|number\s+one)\b"
    r"|(?:a\s+|an\s+)?(?:\d{4}\s+)?(?:[\w'’-]+\s+){0,2}(?:fellow|laureate|winner|finalist"
    r"|honou?ree|recipient)s?\b|in\s+(?:a\s+|the\s+)?"
    r"(?:lawsuit|suit|complaint|probe|report|survey|poll|ranking|list|filing)|after\b|for\b)",
    re.I,
)
# "announces names and dates", "its names": the noun.
_NAMES_NOUN = re.compile(
    r"\b(?:the|its|their|his|her|our|announc\w+|reveal\w+|unveil\w+|brand|product|domain"
    r"|code|new|list\s+of)\s+$",
    re.I,
)
_LEAVES_ALONE = re.compile(
    r"[^.!?\n]{0,40}?\b(?:alone|unchanged|intact|untouched|in\s+place|behind)\b"
    # "leaves investors wondering", "leaves rivals grappling with the fallout"
    r"|\s+(?:[\w$@#&'’-]+\s+){1,3}?(?:wondering|guessing|grappling|scrambling|reeling|hanging"
    r"|struggling|waiting|worried|puzzled|confused|unanswered|open|cold)\b",
    re.I,
)
_DENIAL = re.compile(
    r"\b(?:den(?:y|ies|ied|ying)|not|never|no\s+plans?\s+to|no\s+intention|rules?\s+out"
    r"|ruled\s+out|dismiss(?:es|ed)?|refut(?:es|ed)|won['’]?t|isn['’]?t|wasn['’]?t|\w+n['’]t"
    r"|reject(?:s|ed)?|block(?:s|ed)?|overturn(?:s|ed)?)\b",
    re.I,
)
_MODAL = re.compile(
    r"\b(?:may|might|could|should|can|if|could['’]ve|would['’]ve|could\s+have"
    r"|would\s+have|consider(?:s|ing)?|mulls?|mulling|weighs?|weighing|call(?:s|ed|ing)?\s+for"
    r"|demand(?:s|ed|ing)?|urg(?:es|ed|ing))\s+(?:\w+\s+)?$",
    re.I,
)
_AUX = r"(?:he|she|they|was|were|had|has|have|been|being|first|just)\s+"
_BACKGROUND = re.compile(
    rf"\b(?:(?:after|since|before|when|once)\s+(?:{_AUX}){{0,3}}|(?:who|having)\s+(?:{_AUX}){{1,3}})$",
    re.I,
)
_PAST_LEAVE = re.compile(
    r"left|ousted|resigned|retired|departed|fired|sacked|quit|stepped\s+(?:down|aside)"
    r"|exited",
    re.I,
)
_FORMER = re.compile(r"\b(?:former|ex-?)\s*(?:[\w$@'’.&-]+\s+){0,2}" + ROLE.pattern, re.I)
_ADJECTIVE = re.compile(r"retired|resigned|departed|departing|outgoing|ousted|fired|sacked")
_ROLE_AFTER = re.compile(r"\s+(?:[$@]?[A-Z][\w&.'’-]*\s+){0,2}" + ROLE.pattern, re.I)
_CLAUSE = re.compile(r"[.!?;:\n]|\s[-–—|]\s|\bbut\b", re.I)


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
# "hiring" the noun: "antitrust hiring case", "the hiring of", "hiring lags".
_HIRING_NOUN_AFTER = re.compile(
    r"\s+(?:case|deals?|lawsuit|suit|practices?|freeze|spree|crunch|lags?|debts?|of|process"
    r"|managers?|plans?|boom|slowdown|data|report|numbers|rate|season|curbs?|program(?:me)?s?"
    r"|complaints?|could|would|will|are|were|have|include)\b",
    re.I,
)
_HIRING_NOUN_BEFORE = re.compile(
    r"\b(?:over|the|its|their|antitrust|avoid|in|on|by|with|for|about|says|said|a|an|new|latest"
    r"|recent|great|good|big|smart|key|star)\s+$",
    re.I,
)
# Hiring limited, not done: "declined to limit Contoso hiring", "agreed to curb hiring".
_HIRING_LIMITED = re.compile(
    r"\b(?:(?:limit|curb|restrict|block|halt|slow)(?:s|ed|ing)?|ban(?:s|ned|ning)?|freez(?:e|es|ing)"
    r"|froze|stop(?:s|ped|ping)?|cap(?:s|ped|ping)?|no[- ]?poach\w*)\s+"
    r"(?:[\w#$@'’&.-]+\s+){0,2}$",
    re.I,
)
_LEAVE_NOUN = re.compile(
    r"\b(?:a|on|of|medical|maternity|paternity|sick|annual|[\w-]+-(?:year|month|week))\s+$",
    re.I,
)


# Things hired, not people: "Oil Traders Hire Tanks on Tiny Island".
_HIRED_THINGS = re.compile(
    r"\s+(?:(?:more|extra|new|the|a|an|\d[\d,]*)\s+)?(?:oil\s+)?(?:tanks?|tankers?|ships?"
    r"|vessels?|storage|space|cars?|trucks?|planes?|jets?|boats?|rigs?|barges?|cranes?)\b",
    re.I,
)
# A cast, not staff: "recruits two actors for season 4", "hires X for the film".
_CASTING = re.compile(
    r"[^.!?\n]{0,60}?\bfor\s+(?:the\s+|its\s+|a\s+)?(?:new\s+)?(?:season|series|show|film|movie"
    r"|sequel|episode)s?\b",
    re.I,
)


def hiring_noun(text: str, cue: re.Match[str]) -> bool:
    """Whether a hire cue is the noun "hiring" (or "hires", "a great hire", "new recruits"),
    not a company hiring people."""
    word = cue.group(0).lower()
    if word not in ("hiring", "hire", "hires", "recruit", "recruits", "recruiting"):
        return False
    before = text[max(0, cue.start() - 20) : cue.start()]
    if _HIRING_LIMITED.search(text[max(0, cue.start() - 40) : cue.start()]):
        return True
    if _CASTING.match(text, cue.end()) or _HIRED_THINGS.match(text, cue.end()):
        return True
    if word == "hires" and re.search(r"#[a-z\d]\w*\s+$", before):
        return True  # "their #h1b hires"
    return bool(_HIRING_NOUN_AFTER.match(text, cue.end()) or _HIRING_NOUN_BEFORE.search(before))


def _clause_before(text: str, start: int, reach: int = 45) -> str:
    """The text of the cue's clause before it, at most ``reach`` characters."""
    before = text[max(0, start - reach) : start]
    cut = list(_CLAUSE.finditer(before))
    return before[cut[-1].end() :] if cut else before


def hypothetical(text: str, start: int) -> bool:
    """A negated, denied or hypothetical event right before ``start`` ("may quit",
    "denies he will step down", "could have hired")."""
    before = _clause_before(text, start)
    return bool(_DENIAL.search(before) or _MODAL.search(before))


# A hedge in the clause before the cue: the poster's or an analyst's guess, not a report.
_HEDGE = re.compile(
    r"\b(?:maybe|perhaps|possibly|could|might|would|should|(?<!\bin\s)may(?!\s+\d)|guess\w*"
    r"|bet(?:ting)?|wonder\w*|predict\w*|imagine"
    r"|i\s+think|(?:what|who)\s+if)\b",
    re.I,
)
# A guessing game anywhere in the post: "Guesses anyone?", "I'd guess", "my bet is".
_GUESSING = re.compile(
    r"\b(?:guess(?:es)?\s+(?:any(?:one|body)|who)|any\s+guesses|i['’]?d\s+(?:guess|bet)"
    r"|my\s+(?:guess|bet|money)\s+(?:is|on|would)|(?:who|what)\s+(?:will|would|should)\s+be"
    r"\s+next)\b",
    re.I,
)
# Right after a layoff cue: an opinion of what is needed, an estimate ("job cuts needed").
_HEDGE_AFTER = re.compile(
    r"\s+(?:(?:are|is|will\s+be|would\s+be|may\s+be)\s+)?(?:needed|necessary|required|possible"
    r"|likely)\b|\s+(?:could|may|might|will|would)\b",
    re.I,
)
# "announced Lee Park would step down": reported speech, not a hedge.
_REPORTED_WOULD = re.compile(
    r"\b(?:announc|sa(?:id|ys)|confirm|told|decided|disclos|revealed|report)\w*\s+"
    r"(?:that\s+)?(?:[\w'’.$-]+\s+){0,3}?would\b",
    re.I,
)
_CLAUSE_END = re.compile(r"[.!?;\n]|:\s|\s[-–—|]\s|https?:")


# Whose pick or guess: "my CEO pick", "our CEO candidates": the poster's, not the company's.
_OWN = re.compile(r"\b(?:my|our|your|his|her)\s+(?:(?:potential|possible|next)\s+)?$", re.I)


def succession_doubted(text: str, found: re.Match[str]) -> bool:
    """A succession that is no company's news: denied ("no plans to search for a new CEO"),
    the poster's guess ("my CEO pick", "Guesses anyone?") or a question ("Who leads the CEO
    race?"); a hedged date is still news ("may pick a new CEO next week")."""
    before = _clause_before(text, found.start())
    if _DENIAL.search(before) or _OWN.search(before) or _GUESSING.search(text):
        return True
    end = _CLAUSE_END.search(text, found.end())
    return end is not None and end.group(0) == "?"


def speculative(text: str, cue: re.Match[str]) -> bool:
    """A guess, a hedged estimate or a question, not a report: "maybe they are laying off
    everyone", "could mean 6,000 job cuts, analyst says", "Guesses anyone? ... will name a
    COO", "Who's hiring on Wall St?", "means more job cuts needed"."""
    if _GUESSING.search(text):
        return True
    before = _REPORTED_WOULD.sub(" ", _clause_before(text, cue.start(), reach=60))
    if _HEDGE.search(before) or _HEDGE_AFTER.match(text, cue.end()):
        return True
    end = _CLAUSE_END.search(text, cue.end())
    return end is not None and end.group(0) == "?"


def _word_family(word: str, text: str, cue: re.Match[str], after: str) -> bool:
    """An appearance ("joins us"), the Fire product, an award, "leaves it alone"."""
    before = text[max(0, cue.start() - 30) : cue.start()]
    if word.startswith("join"):
        return bool(
            _APPEARANCE.match(after)
            or _ON_AIR.match(after)
            or _JOINT.match(after)
            or (_SIGNS_UP.match(after) is not None and not _MOVING_ON.search(text, 0, cue.start()))
        )
    if word.startswith("succeed"):
        return bool(_SUCCEED_WELL.match(after))  # "to succeed in a crunch"
    if word in ("fire", "fires", "fired"):
        return bool(
            _FIRE_PRODUCT.match(after)
            or _FIRE_BEFORE.search(before)
            or (cue.group(0) == "Fire" and re.match(r"\s+[A-Z]", after))
        )
    if word.startswith("nam"):
        return bool(_AWARD.match(after) or (word == "names" and _NAMES_NOUN.search(before)))
    if word == "leave" and _LEAVE_NOUN.search(before):
        return True  # "taking a two-year leave", "on leave"
    return word.startswith("leav") and bool(_LEAVES_ALONE.match(after))


def false_cue(text: str, cue: re.Match[str], *, org_before: bool = False) -> bool:
    """Whether the cue does not report a move (see the module's families); ``org_before``:
    an organisation ends right before the cue (its subject)."""
    word = cue.group(0).lower()
    after = text[cue.end() :]
    if cue.start() and text[cue.start() - 1] == "#":
        return True  # a hashtag is a topic, not a sentence ("#fire #ceo")
    # "retired CEO Jane Doe gets a bonus", "the ousted Contoso CEO sues": an adjective, like
    # "former"; "Contoso ousted CEO Jane Doe" is the verb
    if (
        _ADJECTIVE.fullmatch(word)
        and _ROLE_AFTER.match(after)
        and (word not in ("ousted", "fired", "sacked") or not org_before)
    ):
        return True
    if _word_family(word, text, cue, after):
        return True
    if hypothetical(text, cue.start()) or speculative(text, cue):
        return True
    before = text[max(0, cue.start() - 30) : cue.start()]
    if _BACKGROUND.search(before):
        return True
    if _PAST_LEAVE.fullmatch(cue.group(0)):
        lo = max(0, cue.start() - 60)
        if _FORMER.search(text, lo, min(len(text), cue.end() + 60)):
            return True  # "the former CEO, who left in 2019, says": a comment, not a move
    return False


# After the noun "layoff": a kind of news or a trend, not one company's cuts.
_LAYOFF_KIND = re.compile(
    r"\s+(?:announcements?|news|talk|rumou?rs?|fears?|season|parade|wave|trend|list|tracker"
    r"|chatter|headlines|bandwagon|club|party|train|stories|game)\b",
    re.I,
)
_HERE_COME = re.compile(
    r"\b(?:here\s+(?:comes?|we\s+go)|bring\s+on|brace\s+for)\s+(?:the\s+)?(?:[\w-]+\s+)?$",
    re.I,
)
# A feeling about layoffs: "so mad at Contoso for their layoffs", "upset over the layoffs".
_FEELING = re.compile(
    r"\b(?:pissed|mad|angry|upset|furious|hate[sd]?|blam\w+|ashamed|disgusted|annoyed|livid"
    r"|disappointed|sick)\b[^.!?\n]{0,50}?\b(?:for|over|about|with|of)\s+"
    r"(?:(?:all\s+)?(?:their|its|the|these|those|his|her)\s+)?$",
    re.I,
)


# A company's own layoff news: "$CTSO layoff announcement", "Contoso's layoff news".
_OWN_ANNOUNCEMENT = re.compile(
    r"\s+(?:announcements?|news)\b(?!\s+(?:rumou?rs?|talk|fears?|speculation|chatter))", re.I
)
_OWNER_BEFORE = re.compile(r"(?:\$[A-Za-z][A-Za-z.]{0,5}|[A-Z][\w&.-]*['’]s)\s+$")


def layoff_chatter(text: str, cue: re.Match[str]) -> bool:
    """Whether a bare "layoff(s)" names a topic, not one company's cuts: "the layoff
    announcements", "Here come the layoffs", "so angry at Contoso for their layoffs" (but
    "$CTSO layoff announcement" is Contoso's)."""
    if not re.fullmatch(r"lay[- ]?offs?", cue.group(0), re.I):
        return False
    if _OWN_ANNOUNCEMENT.match(text, cue.end()) and _OWNER_BEFORE.search(text, 0, cue.start()):
        return False
    before = _clause_before(text, cue.start(), reach=60)
    return bool(
        _LAYOFF_KIND.match(text, cue.end()) or _HERE_COME.search(before) or _FEELING.search(before)
    )
