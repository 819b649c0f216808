"""Parties as social posts write them around a deal noun.

- a pair in one run: "Globex-INTK merger", "Hooli/Pied-Piper deal", "Globex - Initech Systems
  merger" (the first named acquires; a hyphen inside a linked name such as a watched
  "Hewlett-Packard" never splits it);
- a bid pitched to holders: "Globex pitches bid to Initech shareholders";
- a raised bid: "Globex raising Initech bid" (Globex bids for Initech);
- talk of a takeover: "Initech up on takeover chatter" (Initech the target), "Initech buoyed
  by Globex takeover talk" (Globex the bidder);
- a pair before a described deal: "the Globex-Initech tax inversion deal", "Globex/Initech
  cable merger" (a few lower-case words between the pair and the noun);
- "anti-takeover" is no takeover.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Final

from streams.signals.ma.names import (
    POSSESSIVE,
    Roles,
    RoleSpan,
    first_run,
    is_amount,
    is_boundary,
    is_namey,
    name_span,
    run_left,
    run_right,
    words,
)

Spans = Sequence[tuple[int, int]]

PAIR_NOUNS: Final = words("merger merge deal tie-up combination")
# Nouns of a deal one party makes, read as a pair when the run before them holds two names
# ("$GLBX $INTK acquisition", "the Globex Initech buyout" with both names watched).
BOUGHT_NOUNS: Final = words("acquisition takeover buyout purchase")
_SLASHES: Final = frozenset({"/", "-", "–", "—"})
RAISES: Final = words(
    """
    raise raises raised raising sweeten sweetens sweetened sweetening boost boosts boosted
    boosting up ups upped lift lifts lifted increase increases increased
    """
)
_TALK: Final = words(
    """
    talk talks chatter rumor rumors rumour rumours speculation interest offers offer bids
    approach approaches fears hopes buzz
    """
)
_APPROACHES: Final = words("approach approaches proposal interest")
# A target answering an approach: "Initech rejects Globex takeover approach".
_ANSWERED: Final = words(
    """
    reject rejects rejected rebuff rebuffs rebuffed spurn spurns spurned receives received
    gets got snubs snubbed dismisses dismissed turns turned rebuts
    """
)
# Holders a bid is pitched to: "pitches bid to Y shareholders" (Y the target).
_HOLDERS: Final = frozenset({"shareholders", "holders", "stockholders", "investors", "board"})
_TALK_NOUNS: Final = words("takeover take-over buyout buy-out merger acquisition m&a")
_MAYBE: Final = words("a the potential possible renewed hostile new fresh")


def _inside_linked(doc: Any, k: int, linked: Spans) -> bool:
    idx: int = doc[k].idx
    return any(start < idx < end for start, end in linked)


def _glued_slash(doc: Any, span: RoleSpan) -> tuple[RoleSpan, RoleSpan] | None:
    """ "GLBX/$INTK", "GLBX-$INTK": two tickers in one token, a slash or a hyphen and a
    cashtag between."""
    joint = "/" if "/" in span.text else "-$"
    left, slash, right = span.text.partition(joint)
    right = right.lstrip("$")
    if not (slash and left[:1].isalnum() and right[:1].isalnum()):
        return None
    at = span.start_char + len(left)
    return (
        RoleSpan(span.start, span.end, left, span.start_char, at),
        RoleSpan(span.start, span.end, right, span.end_char - len(right), span.end_char),
    )


def _where_linked_meet(doc: Any, span: RoleSpan, linked: Spans) -> int | None:
    """The token inside ``span`` where one linked name ends and another begins."""
    for k in range(span.start + 1, span.end):
        left_end = doc[k - 1].idx + len(doc[k - 1].text)
        start = doc[k].idx
        if any(end == left_end for _, end in linked) and any(b == start for b, _ in linked):
            return k
    return None


def split_pair(doc: Any, span: RoleSpan, linked: Spans = ()) -> tuple[RoleSpan, RoleSpan] | None:
    """ "Globex-INTK", "Hooli/Pied-Piper": two names joined by a slash or a hyphen written
    without spaces; a slash first, then the first hyphen that leaves a real name on its left
    (not "T-Systems") and lies in no linked name."""
    slashes = [k for k in range(span.start + 1, span.end - 1) if doc[k].text == "/"]
    cashtags = [k for k in range(span.start + 1, span.end - 1) if doc[k].text == "$"]
    own_ticker = (
        len(cashtags) == 1
        and cashtags[0] + 2 == span.end
        and not (span.start > 0 and doc[span.start - 1].text == "$")
    )  # "Initech $INTK takeover": one company and its ticker
    if cashtags and not slashes and not own_ticker:  # "$GLBX $INTK deal"
        left, right = (
            name_span(doc, span.start, cashtags[0]),
            name_span(doc, cashtags[0] + 1, span.end),
        )
        if left is not None and right is not None:
            return left, right
    if span.end - span.start == 1 and (glued := _glued_slash(doc, span)) is not None:
        return glued  # "GLBX/$INTK", "GLBX-$INTK" in one token
    if (met := _where_linked_meet(doc, span, linked)) is not None:
        left, right = name_span(doc, span.start, met), name_span(doc, met, span.end)
        if left is not None and right is not None:
            return left, right  # "the Globex Initech deal", both names watched
    ands = [
        k
        for k in range(span.start + 1, span.end - 1)
        if doc[k].lower_ == "and" and not _inside_linked(doc, k, linked)
    ]
    if ands and is_namey(doc[ands[0] - 1]) and is_namey(doc[ands[0] + 1]):
        left, right = name_span(doc, span.start, ands[0]), name_span(doc, ands[0] + 1, span.end)
        if left is not None and right is not None:
            return left, right  # "the Globex and Initech Systems deal"
    for k in range(span.start, span.end - 1):  # "GLBX/ $INTK": the slash kept on the name
        text: str = doc[k].text
        if len(text) > 1 and text.endswith("/"):
            left = name_span(doc, span.start, k + 1)
            right = name_span(doc, k + 1, span.end)
            if left is not None and right is not None:
                trimmed = RoleSpan(
                    left.start, left.end, left.text[:-1], left.start_char, left.end_char - 1
                )
                return trimmed, right
    hyphens = [
        k
        for k in range(span.start + 1, span.end - 1)
        if doc[k].text in {"-", "–"}
        and not doc[k - 1].whitespace_
        and len(doc[span.start : k].text) > 1
        and not _inside_linked(doc, k, linked)
    ]
    for k in slashes or hyphens[:1]:
        left, right = name_span(doc, span.start, k), name_span(doc, k + 1, span.end)
        if left is not None and right is not None and is_namey(doc[k + 1]):
            return left, right
    return None


def slash_before(doc: Any, cue: int) -> Roles | None:
    """ "Globex/Initech plan to announce merger": a slash pair in the cue's clause, the first
    named leading."""
    for k in range(cue - 1, max(cue - 9, 0), -1):
        if is_boundary(doc, k):
            return None
        if (
            doc[k].text == "/"
            and not doc[k - 1].whitespace_
            and not doc[k].whitespace_
            and is_namey(doc[k - 1])
            and k + 1 < cue
            and is_namey(doc[k + 1])
        ):
            first, second = run_left(doc, k), run_right(doc, k + 1)
            if first is not None and second is not None and second.end <= cue:
                return Roles(first, second, cue)
            return None
    return None


def _before_mark(doc: Any, target: RoleSpan) -> int:
    """The index right before ``target``, past its cashtag's "$" ("$GLBX/ $INTK merger")."""
    k = target.start - 1
    return k - 1 if k >= 1 and doc[k].text == "$" else k


def slash_first(doc: Any, target: RoleSpan) -> RoleSpan | None:
    """The first of a slash pair that ends in ``target`` ("$GLBX / $INTK", "Hooli/Globex")."""
    k = _before_mark(doc, target)
    return run_left(doc, k) if k >= 1 and doc[k].text == "/" else None


def pair_across(doc: Any, target: RoleSpan) -> RoleSpan | None:
    """The first of "Globex - Initech Systems merger" or "$GLBX, $INTK merger": a name before
    a spaced dash, a slash or a comma."""
    k = _before_mark(doc, target)
    if k >= 1 and (doc[k].text == "/" or (doc[k].text in _SLASHES and doc[k - 1].whitespace_)):
        return run_left(doc, k)
    if k >= 1 and doc[k].text == "," and (first := run_left(doc, k)) is not None:
        before = first.start - 1
        if before >= 0 and doc[before].text == "$":
            before -= 1
        if before < 0 or doc[before].text != ",":  # "$GLBX, $INTK merger"; not a list of three
            return first
    return None


def raised_bid(doc: Any, cue: int, left: RoleSpan | None) -> Roles | None:
    """ "Globex Raising Initech Bid", "Globex to raise its Initech bid": the name before the
    bid is the target, the name before the verb the bidder."""
    target = run_left(doc, cue)
    if target is None:
        return None
    for k in range(target.start, target.end):  # "Globex Raising Initech" in one run
        if doc[k].lower_ in RAISES:
            first = name_span(doc, target.start, k)
            second = name_span(doc, k + 1, target.end)
            return Roles(first, second, cue) if second is not None else None
    k = target.start - 1
    while k >= 0 and doc[k].lower_ in {"its", "the", "a", "$"}:
        k -= 1
    determiner = k > 0 and doc[k - 1].lower_ in {"a", "an", "the", "its", "their"}
    if k >= 0 and doc[k].lower_ in RAISES and not determiner:  # not "a sweetened X bid"
        return Roles(left, target, cue)
    return None


def is_talk(doc: Any, cue: int) -> bool:
    """ "takeover talk", "buyout rumors", "merger chatter", "over a potential takeover": talk
    of a takeover with no party named after it."""
    if doc[cue].lower_ not in _TALK_NOUNS:
        return False
    nxt = cue + 1
    if nxt < len(doc) and doc[nxt].lower_ in _TALK:
        return True
    if nxt < len(doc) and doc[nxt].lower_ in {"of", "for", "by", "with", "in"}:
        return False
    k = cue - 1
    while k >= 0 and doc[k].lower_ in _MAYBE:
        k -= 1
    return k >= 0 and doc[k].lower_ in {"over", "amid", "on"}


def talked_about(doc: Any, k: int) -> RoleSpan | None:
    """The company nearest before token ``k`` in its clause: what the talk is about."""
    for i in range(k, max(k - 8, -1), -1):
        if is_boundary(doc, i):
            return None
        if is_namey(doc[i]):
            return run_left(doc, i + 1)
    return None


def is_anti(doc: Any, cue: int) -> bool:
    """ "anti-takeover powers": no takeover."""
    text: str = doc[cue].lower_
    if text.startswith("anti-"):
        return True
    return cue >= 2 and doc[cue - 1].text == "-" and doc[cue - 2].lower_ == "anti"


def holders_of(doc: Any, start: int) -> RoleSpan | None:
    """Y in "Y shareholders" starting at ``start``."""
    run = run_right(doc, start)
    if run is not None and run.end < len(doc) and doc[run.end].lower_ in _HOLDERS:
        return run
    return None


def _approach(doc: Any, cue: int) -> Roles | None:
    """ "Y confirms takeover approach from X" (X bids), "X confirms Y takeover approach"
    (the name before the deal noun is the target, the one before the verb the bidder), "Y
    rejects X takeover approach" (a target answering: the other way round)."""
    nxt = cue + 1
    if nxt + 1 < len(doc) and doc[nxt + 1].lower_ == "from":
        bidder = run_right(doc, nxt + 2)
        target = talked_about(doc, cue - 1)
        return Roles(bidder, target, cue) if bidder is not None else None
    named = run_left(doc, cue) if cue > 0 and is_namey(doc[cue - 1]) else None
    before = talked_about(doc, named.start - 1) if named is not None else None
    if before is None or named is None:
        return None
    if any(doc[k].lower_ in _ANSWERED for k in range(before.end, named.start)):
        return Roles(named, before, cue)  # "Initech rejects Globex takeover approach"
    return Roles(before, named, cue)


def talk_roles(doc: Any, cue: int) -> Roles:
    """ "Y up on takeover chatter" (Y the target), "Y buoyed by X takeover talk" (X bids)."""
    nxt = cue + 1
    if nxt < len(doc) and doc[nxt].lower_ in _APPROACHES and (shaped := _approach(doc, cue)):
        return shaped
    bidder = run_left(doc, cue) if cue > 0 and is_namey(doc[cue - 1]) else None
    if bidder is not None and (halves := split_pair(doc, bidder)) is not None:
        return Roles(halves[0], halves[1], cue)  # "Hooli/Globex takeover rumors"
    if (
        bidder is None
        and nxt + 1 < len(doc)
        and doc[nxt].lower_ in {"talks", "talk"}
        and doc[nxt + 1].lower_ == "with"
        and (other := run_right(doc, nxt + 2)) is not None
    ):
        talker = _talker(doc, cue)  # "Globex: No merger talks with Y"
        if talker is not None and any(
            doc[k].lower_ == "open" for k in range(talker.end, cue)
        ):  # "Initech open to merger talks with Globex": the one open to a bid
            return Roles(other, talker, cue)
        return Roles(talker, other, cue)
    if bidder is None and (pair := talks_about(doc, cue)) is not None:
        return pair  # "Globex in talks with Initech about a possible acquisition"
    target = talked_about(doc, (bidder.start if bidder else cue) - 1)
    if (
        bidder is not None
        and target is not None
        and any(doc[k].lower_ in _HOLDS_TALKS for k in range(target.end, bidder.start))
    ):
        return Roles(target, bidder, cue)  # "Globex confirms Initech merger talks"
    if bidder is not None and target is None and _opens_talk(doc, cue, bidder):
        return Roles(None, bidder, cue)  # "$INTK acquisition rumors re-emerge"
    if bidder is None and target is not None:  # "Globex, Initech halt merger talks"
        ands = [k for k in range(target.start + 1, target.end - 1) if doc[k].lower_ == "and"]
        if ands:
            first, second = (
                name_span(doc, target.start, ands[0]),
                name_span(doc, ands[0] + 1, target.end),
            )
            if first is not None and second is not None:
                return Roles(first, second, cue)
        k = target.start - 1
        if k > 0 and doc[k].text == "," and (first := run_left(doc, k)) is not None:
            return Roles(first, target, cue)
    if bidder is None and target is None:
        target = _topic(doc, cue)  # "Globex - brand value, takeover rumours and ..."
    return Roles(bidder, target, cue)


def _topic(doc: Any, cue: int) -> RoleSpan | None:
    """The company a post is about, named first and set off by a dash or a colon ("Globex -
    brand value, takeover rumours"), a retweet's "RT @desk:" aside."""
    found = first_run(doc, cue)
    if found is None or found.end >= cue or doc[found.end].text not in {"-", ":", "–", "—"}:
        return None
    if not doc[found.end - 1].whitespace_ and doc[found.end].text == "-":
        return None  # a hyphenated word, no dash
    return found


# Talk moving another company's shares: "Globex takeover talk lifts Initech" (Globex bids).
_MOVES: Final = words(
    """
    lift lifts lifted boost boosts boosted send sends sent drive drives drove push pushes
    pushed hit hits weigh weighs sparks spark
    """
)
_TITLES: Final = words("ceo cfo chief chairman boss head president")


# Verbs of the company holding the talks, named before the other: "Globex confirms Initech
# merger talks" (Globex buys), unlike "Initech buoyed by Globex takeover talk".
_HOLDS_TALKS: Final = words(
    """
    confirm confirms confirmed enter enters entered hold holds held open opens opened start
    starts started begin begins began resume resumes resumed
    """
)
_ABOUT: Final = words("about over on for regarding")
_TALK_WITH: Final = words("talks talk talking negotiations")
_TALK_TO: Final = words("talking talked talks speaking spoke")
_QUOTES: Final = frozenset({"'", "‘", "’", '"', "“", "”"})


def talks_about(doc: Any, cue: int) -> Roles | None:
    """ "Globex in talks with Initech about a possible acquisition": the one in talks buys the
    one it talks with."""
    k = cue - 1
    while k >= 0 and doc[k].lower_ in _MAYBE:
        k -= 1
    if k < 1 or doc[k].lower_ not in _ABOUT:
        return None
    other = run_left(doc, k)
    if other is None or other.start < 2 or doc[other.start - 1].lower_ not in {"with", "to"}:
        return None
    talk = other.start - 2
    while talk > 0 and doc[talk].text in _QUOTES:
        talk -= 1  # "Globex 'seriously talking' to Initech about takeover"
    if doc[talk].lower_ not in (_TALK_WITH if doc[other.start - 1].lower_ == "with" else _TALK_TO):
        return None
    talker = talked_about(doc, talk - 1)
    return Roles(talker, other, cue) if talker is not None else None


def _opens_talk(doc: Any, cue: int, named: RoleSpan) -> bool:
    """Whether ``named``, opening its clause before a takeover noun and its talk word, is the
    company talked of ("$INTK acquisition rumors"), not a bidder moving another company."""
    if doc[cue].lower_ not in BOUGHT_NOUNS | {"buy-out", "take-over"}:
        return False
    for k in range(cue + 1, len(doc)):
        if is_boundary(doc, k):
            break
        if doc[k].lower_ in _MOVES:
            return False
    return True


def _talker(doc: Any, cue: int) -> RoleSpan | None:
    """The company in talks, named before the talk ("Globex says it is in merger talks"), or
    the header's ("Globex: No merger talks with Y"), or the one whose head speaks ("Globex's
    CEO says company not in merger talks")."""
    found = talked_about(doc, cue - 1)
    if found is not None and doc[found.end - 1].lower_ in _TITLES:
        k = found.end - 1 if found.end - found.start > 1 else found.start - 1
        found = (
            name_span(doc, found.start, found.end - 1)
            if found.end - found.start > 1
            else owner_before(doc, k)
        )
    if found is None:
        header = next((k for k in range(cue) if doc[k].text == ":"), None)
        found = first_run(doc, header) if header is not None else None
    return found


def owner_before(doc: Any, k: int) -> RoleSpan | None:
    """X in "X's $9bn Y deal" or "X's big acquisition", reading left from token ``k``."""
    steps = 0  # words, a hyphenated or quoted one counting once ("X's 'final' offer")
    while (
        k >= 0
        and steps < 4
        and (
            is_amount(doc[k])
            or doc[k].text in {"$", "€", "£", "-", "'", "‘", "’", '"', "“", "”", "#"}
            or doc[k].is_lower
        )
    ):
        if _owned_at(doc, k):
            break
        steps += bool(doc[k].whitespace_)
        k -= 1
    if k >= 0 and _owned_at(doc, k):
        return run_left(doc, k)
    return None


def _owned_at(doc: Any, k: int) -> bool:
    """A possessive at token ``k``: "'s", or a bare apostrophe after a name ending in s
    ("Jones' bid"), not the closing quote of "'final'"."""
    if doc[k].lower_ not in POSSESSIVE:
        return False
    if doc[k].lower_ in {"'s", "’s"}:
        return True
    before = doc[k - 1] if k > 0 else None
    return before is not None and not before.is_lower and before.text[-1:] in {"s", "S"}


_NOT_DESCRIPTORS: Final = words(
    """
    a an the this that these those its their his her our your my to of on in at for by with
    from as and or is are was were be been has have had will would may might can could not
    no new says said
    """
)


def described_pair(doc: Any, cue: int, linked: Spans = ()) -> tuple[RoleSpan, RoleSpan] | None:
    """ "the Globex-Initech tax inversion deal": a glued pair before one to three lower-case
    words that describe the deal ("cable", "all-stock", "cash & stock"); the first named
    leads. Only a pair: a lone name before a described deal may be either party."""
    k, described = cue, 0
    while k > 0 and described < 3:
        token = doc[k - 1]
        if token.text == "&" and described:  # "cash & stock"
            k -= 1
            continue
        text: str = token.text
        if not (text[:1].islower() and text.replace("-", "").isalpha()):
            break
        if token.lower_ in _NOT_DESCRIPTORS:
            break
        k, described = k - 1, described + 1
    if not described:
        return None  # "Globex-Initech deal" is read by the deal noun itself
    run = run_left(doc, k)
    return split_pair(doc, run, linked) if run is not None else None


_JOINS: Final = frozenset({"and", "&", "/", ","})


def _unit_end(doc: Any, i: int) -> int:
    """The end of the name written at token ``i`` (a cashtag or hashtag with its mark), no
    connector inside ("Globex & Initech" is two), or ``i`` when none starts there."""
    j = i
    while j < len(doc) and (
        (doc[j].text in {"$", "#"} and not doc[j].whitespace_ and j + 1 < len(doc))
        or (is_namey(doc[j]) and not doc[j].text.startswith("@"))
    ):
        j += 1
    return j if j > i and doc[j - 1].text not in {"$", "#"} else i


def _is_org(doc: Any, begin: int, end: int, orgs: Spans) -> bool:
    """A cashtag, or a name an organisation entity or the watch list covers."""
    if doc[begin].text == "$":
        return True
    lo, hi = doc[begin].idx, doc[end - 1].idx + len(doc[end - 1].text)
    return any(a <= lo and hi <= b for a, b in orgs)


def _opens_clause(doc: Any, begin: int) -> bool:
    """Whether the name at ``begin`` opens the post or a clause ("Merger watch: $GLBX,
    $INTK in ..."): a pair joined by a comma elsewhere is a list or two clauses ("deals with
    Initech, $HOOL", "After losing its bid to $GLBX, Initech fights on")."""
    return begin == 0 or doc[begin - 1].text in {":", "|", "-", "–", "—", "."}


def named_pair(doc: Any, orgs: Spans) -> tuple[RoleSpan, RoleSpan] | None:
    """The one pair of companies a deal post names side by side ("Pfizer & Allergan",
    "$GLBX / $INTK = worst deal", "$GLBX, $INTK in final innings of deal"), each a cashtag
    or a name in ``orgs`` (organisation entities' character ranges); the first named
    acquires, as in "the Globex-Initech merger". None when the post names no such pair, or
    more than one, or the pair is part of a longer list ("$GLBX, $INTK, $HOOL"); a comma
    joins a pair only where it opens a clause."""
    found: list[tuple[RoleSpan, RoleSpan]] = []
    i = 0
    while i < len(doc):
        end = _unit_end(doc, i)
        if end == i:
            i += 1
            continue
        k = end
        listed = i > 0 and doc[i - 1].lower_ in _JOINS
        if not listed and k + 1 < len(doc) and doc[k].lower_ in _JOINS:
            second_end = _unit_end(doc, k + 1)
            after = doc[second_end].lower_ if second_end < len(doc) else ""
            if (
                second_end > k + 1
                and after not in _JOINS
                and not (doc[k].text == "," and not _opens_clause(doc, i))
                and _is_org(doc, i, end, orgs)
                and _is_org(doc, k + 1, second_end, orgs)
            ):
                first, second = name_span(doc, i, end), name_span(doc, k + 1, second_end)
                if first is not None and second is not None:
                    found.append((first, second))
        i = end
    return found[0] if len(found) == 1 else None
