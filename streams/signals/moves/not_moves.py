"""What only looks like an executive move (``streams.signals.moves``).

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

from streams.signals.moves.words import (
    ROLE,
)

__all__ = [
    "false_cue",
    "hiring_noun",
    "hypothetical",
    "layoff_chatter",
    "speculative",
    "succession_doubted",
]

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
    # not "Not surprised by Lee Park's departure" (which affirms it)
    r"\b(?:den(?:y|ies|ied|ying)|not(?!\s+(?:surprised|shocked|surprising|a\s+surprise)\b)|never"
    r"|no\s+plans?\s+to|no\s+intention|rules?\s+out"
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
    return _asked(text, found.end())


def speculative(text: str, cue: re.Match[str]) -> bool:
    """A guess, a hedged estimate or a question, not a report: "maybe they are laying off
    everyone", "could mean 6,000 job cuts, analyst says", "Guesses anyone? ... will name a
    COO", "Who's hiring on Wall St?", "means more job cuts needed"."""
    if _GUESSING.search(text):
        return True
    before = _REPORTED_WOULD.sub(" ", _clause_before(text, cue.start(), reach=60))
    if _HEDGE.search(before) or _HEDGE_AFTER.match(text, cue.end()):
        return True
    return _asked(text, cue.end())


def _asked(text: str, at: int) -> bool:
    """Whether the clause going on at ``at`` ends in a question mark."""
    end = _CLAUSE_END.search(text, at)
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
