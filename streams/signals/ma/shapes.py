"""Shapes of deal sentences in social posts that the role reading (``roles``) needs apart.

- a phrase read as a party ("Now-Dormant Talks", "in Joining Bid") is no party;
- "X says regulators clear its takeover of Y": the cue belongs to the subject;
- "Initech founder: why they sold to Globex": the seller is the company opening the post;
- pairs: "Globex (GLBX) and Initech propose ... merger", "Globex (GLBX)-Initech merger"
  (the first named acquires), "Globex, Hooli in deal to ..." (the first listed leads);
- "Vandelay to merge Initech with Globex": the owner folds Initech into Globex;
- "Globex commences tender offer": the subject of the tender verb bids;
- "regulator approves Globex deal": whoever rules on a deal is no buyer;
- ``cleaned``: "Y fell after the FT reported it's planning ...": the reporter is no party;
  "X told the Securities and Exchange Commission it has acquired ... of Y": X buys;
  "After X Takes Stake": the stake is in the company opening the post; a time word
  ("a week after"), the buyer's own name or a Title Case description ("Cheap Ticket Site")
  is no target, but a description bought "from" a named company leaves the seller as target,
  as does a thing bought with no name ("to buy refinery from Initech").
"""

from __future__ import annotations

from typing import Any, Final

from streams.signals.ma.names import (
    BRIDGE,
    KNOWN_PLACES,
    OWNED_UNITS,
    POSSESSIVE,
    TITLES,
    Roles,
    RoleSpan,
    bare_name,
    collect,
    is_amount,
    is_boundary,
    is_namey,
    name_span,
    run_left,
    run_right,
    span_any,
)

_TIME_WORDS: Final = frozenset(
    {
        "day", "days", "week", "weeks", "month", "months", "year", "years", "quarter",
        "today", "yesterday", "tomorrow", "weekend",
    }
)  # fmt: skip
_KINDS: Final = frozenset(
    {"site", "startup", "start-up", "firm", "provider", "platform", "developer", "app", "maker"}
)
# Verbs of a reporter: "the FT reported it's planning a takeover of Y" (the FT is no party).
_REPORTS: Final = frozenset(
    {"reported", "reports", "says", "said", "writes", "wrote", "reporting", "saying"}
)
# Who a filing is made to, never who buys: "Globex told the Securities and Exchange Commission
# it has acquired 6.5 pct of Initech" (Reuters' stake stories) is Globex's stake.
_FILED_WITH: Final = frozenset(
    {
        "securities and exchange commission", "sec", "s.e.c.", "federal trade commission",
        "ftc", "justice department", "department of justice", "doj",
        "federal communications commission", "fcc", "interstate commerce commission", "icc",
        "federal reserve", "federal reserve board", "comptroller of the currency",
        "monopolies and mergers commission", "competition commission", "european commission",
    }
)  # fmt: skip
_FILING_VERBS: Final = frozenset({"told", "tells", "telling", "informed", "notified"})
# Deal words that end a run read left of a cue and never name a party ("Globex Bid to buy").
_CUE_TAILS: Final = frozenset({"bid", "bids", "offer", "deal", "talks", "stake"})


def no_phrase(doc: Any, run: RoleSpan | None) -> RoleSpan | None:
    """``run`` without a trailing deal word, or None when it is a phrase, not a name: an
    adjective glued to a lower-case word ("Now-Dormant Talks"), a gerund after a preposition
    ("in Joining Bid")."""
    if run is None:
        return None
    start, end = run.start, run.end
    while end > start and doc[end - 1].lower_ in _CUE_TAILS:
        end -= 1
    glued = (
        start >= 2
        and doc[start - 1].text == "-"
        and not doc[start - 2].whitespace_
        and not doc[start - 1].whitespace_
        and not is_namey(doc[start - 2])
    )
    gerund = (
        start >= 1
        and doc[start - 1].lower_ in {"in", "of", "for", "on"}
        and doc[start].text.istitle()
        and doc[start].lower_.endswith("ing")
        and len(doc[start].text) > 5
        and (end - start > 1 or run.end > end)
    )
    if start >= end or glued or gerund:
        return None
    return run if end == run.end else name_span(doc, start, end)


def opening(doc: Any, cue: int) -> RoleSpan | None:
    """The name opening the post, before ``cue``, without a title after it ("Initech CEO"),
    past the tickers a feed tags a headline with ("$HOOL - Initech to ...")."""
    start = _past_ticker_tags(doc, cue)
    while start < cue and not is_namey(doc[start]):
        start += 1
    begin, end = collect(doc, start)
    while end > begin and doc[end - 1].lower_ in TITLES:
        end -= 1
    return name_span(doc, begin, end) if begin < end <= cue else None


def _past_ticker_tags(doc: Any, cue: int) -> int:
    """The index after "$HOOL - " or "$HOOL $GLBX:" opening a post, else 0."""
    k = 0
    while k < cue:
        text: str = doc[k].text
        if text == "$" and k + 1 < cue and doc[k + 1].is_upper:
            k += 2
        elif text.startswith("$") and text[1:].isupper():
            k += 1
        else:
            break
    if 0 < k < cue and doc[k].text in {"-", ":", "|", "–", "—"}:
        return k + 1
    return 0


def its_before(doc: Any, cue: int) -> bool:
    """ "X says regulators clear its $4bn takeover of Y": the cue is the subject's own."""
    for k in range(cue - 1, max(cue - 7, -1), -1):
        if doc[k].lower_ in {"its", "their"}:
            return True
        if not (doc[k].lower_ in BRIDGE or is_amount(doc[k])) or doc[k].lower_ in POSSESSIVE:
            return False
    return False


def split_and(doc: Any, span: RoleSpan) -> tuple[RoleSpan | None, RoleSpan | None] | None:
    for k in range(span.start + 1, span.end - 1):
        if doc[k].lower_ in {"and", "&"}:
            return name_span(doc, span.start, k), name_span(doc, k + 1, span.end)
    k = span.start - 1
    if k > 0 and doc[k].text == "," and (first := run_left(doc, k)) is not None:
        return first, span  # "Globex, Initech announce merger"
    return None


def with_after(doc: Any, k: int) -> bool:
    """ "with" (and a word after it) right after token ``k``."""
    return k + 1 < len(doc) and doc[k + 1].lower_ == "with" and bool(doc[k + 1].whitespace_)


def by_amount(doc: Any, by: int) -> bool:
    """ "raises bid for Y by ~11%": "by" an amount, no bidder."""
    return by + 1 < len(doc) and (is_amount(doc[by + 1]) or doc[by + 1].text[:1] in "~$€£")


def between_pair(doc: Any, prep: int) -> Roles | None:
    """ "potential merger between $GLBX and $INTK": the first named, then the second."""
    if prep >= len(doc) or doc[prep].lower_ != "between":
        return None
    both = run_right(doc, prep + 1)
    if both is None:
        return None
    if (parts := split_and(doc, both)) is not None:
        return Roles(parts[0], parts[1], prep - 1)
    if both.end + 1 < len(doc) and doc[both.end].lower_ in {"and", "&"}:
        second = run_right(doc, both.end + 1)  # "between $GLBX and $INTK"
        return Roles(both, second, prep - 1) if second is not None else None
    return None


def opening_pair(doc: Any, cue: int) -> Roles | None:
    """ "Globex (GLBX) and Initech propose terms to save merger": the pair opening the
    sentence, a ticker in brackets after the first name."""
    sent = doc[cue].sent.start if doc.has_annotation("SENT_START") else 0
    starts = [sent] + [k + 1 for k in range(sent, cue) if doc[k].text in {":", "|"}]
    for start in reversed(starts):  # "Desk : Globex (GLBX) and Initech ..."
        pair = _pair_from(doc, start, cue)
        if pair is not None:
            return pair
    return None


def _pair_from(doc: Any, start: int, cue: int) -> Roles | None:
    while start < cue and not is_namey(doc[start]):
        start += 1
    begin, end = collect(doc, start)
    if begin >= end or end >= cue:
        return None
    first = name_span(doc, begin, end)
    k = end
    if doc[k].text == "(":
        close = next((j for j in range(k + 1, min(k + 5, cue)) if doc[j].text == ")"), None)
        if close is None:
            return None
        k = close + 1
    elif first is not None and (parts := split_and(doc, first)) is not None:
        return Roles(parts[0], parts[1], cue)
    if k < cue and doc[k].lower_ in {"and", "&"} and (second := run_right(doc, k + 1)):
        return Roles(first, second, cue) if second.end <= cue else None
    return None


def glued_pair(doc: Any, target: RoleSpan) -> Roles | None:
    """ "Globex (GLBX)-Initech merger", the ticker's bracket and the hyphen glued to the
    second name in one token."""
    token = doc[target.end - 1]
    cut = token.text.find(")-")
    if cut <= 0 or cut + 2 >= len(token.text):
        return None
    opening = next(
        (k for k in range(token.i - 1, max(token.i - 4, -1), -1) if doc[k].text == "("), None
    )
    first = run_left(doc, opening) if opening is not None else None
    if first is None:
        return None
    text = token.text[cut + 2 :]
    second = RoleSpan(token.i, token.i + 1, text, token.idx + cut + 2, token.idx + len(token.text))
    return Roles(first, second, -1)


def lead(doc: Any, left: RoleSpan | None) -> RoleSpan | None:
    """ "Globex, Hooli in deal to take a stake in Y": the first of buyers listed with a comma,
    when the list opens the clause."""
    if left is None or left.start < 2 or doc[left.start - 1].text != ",":
        return left
    if left.end >= len(doc) or doc[left.end].lower_ not in {"in", "and"}:
        return left  # "Company News, Globex agrees to buy": no list of buyers
    first = run_left(doc, left.start - 1)
    if first is None or (first.start > 0 and not is_boundary(doc, first.start - 1)):
        return left
    return first


def merge_into(doc: Any, cue: int) -> Roles | None:
    """ "W to merge Y with/into Z": the owner W folds Y into Z, which acquires."""
    if cue + 1 >= len(doc) or not is_namey(doc[cue + 1]):
        return None
    k = next(
        (j for j in range(cue + 2, min(cue + 9, len(doc))) if doc[j].lower_ in {"with", "into"}),
        None,
    )
    folded = name_span(doc, cue + 1, k) if k is not None else None
    if k is None or folded is None or folded.start != cue + 1:
        return None
    into = run_right(doc, k + 1)
    return Roles(into, folded, cue) if into is not None else None


_TENDER_VERBS: Final = frozenset(
    {
        "commences", "commenced", "launches", "launched", "begins", "began", "starts",
        "started", "extends", "extended", "completes", "completed", "makes", "made",
        "announces", "announced", "amends", "amended", "increases", "increased",
        "launch", "commence", "begin", "start", "extend", "complete", "make", "amend",
    }
)  # fmt: skip


def tender_verb(doc: Any, cue: int) -> int | None:
    """ "Globex Holdings Commences Previously Announced Tender Offer": the index of the verb
    that makes the tender offer (its subject is the bidder)."""
    verb = None
    for k in range(cue - 2, max(cue - 7, -1), -1):
        if is_boundary(doc, k):
            break
        if doc[k].lower_ in _TENDER_VERBS:
            verb = k  # the first of "Commences Previously Announced"
    return verb


def _words(span: RoleSpan) -> list[str]:
    """The words of ``span`` without a link run into it ("INTEL CORP http://...")."""
    return [w for w in span.text.split() if not w.lower().startswith(("http", "www."))]


def _bare(span: RoleSpan) -> str:
    """The name without marks, a ticker before it and its corporate suffix: "Visa" is not
    "Visa Europe", "BAC Bank of America Corp" is "Bank Of America"."""
    parts = span.text.lstrip("#$@.").split()
    if len(parts) > 1 and parts[0].isupper() and len(parts[0]) <= 5 and parts[1][:1].isupper():
        parts = parts[1:]
    return bare_name(" ".join(parts)).lower()


def _described(span: RoleSpan) -> bool:
    """ "Discount Travel Site": a description in Title Case ending in a kind of firm."""
    parts = _words(span)
    return (
        len(parts) > 1
        and parts[-1].lower() in _KINDS
        and all(p[:1].isupper() and not p.isupper() for p in parts)
    )


def _no_target(doc: Any, roles: Roles) -> Roles:
    """A time word ("a week after"), the buyer's own name again ("Globex buys #GLOBEX") or a
    description ("Discount Travel Site") is no target; a description bought "from" a named
    company leaves that seller as the target ("to Buy Online Deposit Platform from Initech")."""
    target, acquirer = roles.target, roles.acquirer
    if target is None:
        return roles
    after = target.end
    tagged_after = after < len(doc) and doc[after].text[:1] in {"#", "@"}
    if _described(target) or (tagged_after and doc[after - 1].lower_ == "channel"):
        if tagged_after:
            named = run_right(doc, after)  # "Acquires Smart Thermostat Maker #Nest"
            if named is not None:
                return Roles(acquirer, named, roles.cue)
        seller = (
            run_right(doc, after + 1)
            if after + 1 < len(doc) and doc[after].lower_ == "from" and is_namey(doc[after + 1])
            else None
        )
        if seller is not None and (acquirer is None or _bare(acquirer) != _bare(seller)):
            return Roles(acquirer, seller, roles.cue)
        return Roles(acquirer, None, roles.cue)
    if acquirer is not None and (rest := _tag_glued(doc, acquirer, target)) is not None:
        return Roles(rest, target, roles.cue)  # "#Initech Globex agrees to acquire Initech"
    if target.text.lower() in _TIME_WORDS or (
        acquirer is not None and _bare(acquirer) == _bare(target)
    ):
        return Roles(acquirer, None, roles.cue)
    return roles


def _tag_glued(doc: Any, acquirer: RoleSpan, target: RoleSpan) -> RoleSpan | None:
    """The buyer without the target's tag read into its name ("#Initech Globex agrees to
    acquire Initech": Globex), or None."""
    k = acquirer.start
    if k + 1 < acquirer.end and doc[k].text == "#":
        k += 1
    if k == acquirer.start and not (k > 0 and doc[k - 1].text == "#"):
        return None
    if k + 1 >= acquirer.end or doc[k].lower_ != _bare(target):
        return None
    return span_any(doc, k + 1, acquirer.end)


def _reporter(doc: Any, roles: Roles) -> Roles:
    """ "X fell after the FT reported it's planning a takeover of Y": the reporter is no
    party; "it" is the company named before the reporter in the clause, when there is one.
    "Jane Doe says Globex's $3B acquisition of Y": the owner of the deal is the acquirer."""
    acquirer = roles.acquirer
    if acquirer is None or acquirer.end + 1 >= len(doc):
        return roles
    if doc[acquirer.end].lower_ not in _REPORTS:
        return roles
    if doc[acquirer.end + 1].lower_ != "it":
        owner = _owner_after(doc, acquirer.end + 1, roles.cue)
        return roles if owner is None else Roles(owner, roles.target, roles.cue)
    named = None
    for i in range(acquirer.start - 1, max(acquirer.start - 10, -1), -1):
        if is_boundary(doc, i):
            break
        if is_namey(doc[i]) and doc[i].text[:1].isupper():
            named = run_left(doc, i + 1)
            break
    if named is None:  # "Globex says it will buy Y": the speaker buys
        return roles
    return Roles(named, roles.target, roles.cue)


def _a_report_source(doc: Any, span: RoleSpan | None) -> bool:
    """ "shares busy on Pearson report of merger talks": whose report it is, no party."""
    return (
        span is not None
        and span.start > 0
        and span.end < len(doc)
        and doc[span.start - 1].lower_ in {"on", "after", "per", "following"}
        and doc[span.end].lower_ in {"report", "scoop"}
    )


def _no_report_source(doc: Any, roles: Roles) -> Roles:
    acquirer = None if _a_report_source(doc, roles.acquirer) else roles.acquirer
    target = None if _a_report_source(doc, roles.target) else roles.target
    return Roles(acquirer, target, roles.cue)


def _owner_after(doc: Any, start: int, cue: int) -> RoleSpan | None:
    """The name at ``start`` when it owns what follows up to the cue ("Globex's $3B
    acquisition"): its possessive ends it and only amounts or words stand between."""
    if start < len(doc) and doc[start].text in {"$", "#"}:
        start += 1  # a cashtag's or hashtag's mark
    begin, end = collect(doc, start)
    if begin == end or end >= cue or doc[end].lower_ not in POSSESSIVE:
        return None
    if any(is_boundary(doc, k) for k in range(end, cue)):
        return None
    return span_any(doc, begin, end)


def _filed_with(doc: Any, roles: Roles) -> Roles:
    """ "Globex told the SEC it has acquired ... of Initech": the filer is the acquirer, the
    regulator never is (no acquirer when no filer is named)."""
    acquirer = roles.acquirer
    if acquirer is None or acquirer.text.lower().strip(". ") not in _FILED_WITH:
        return roles
    i = acquirer.start - 1
    if i >= 0 and doc[i].lower_ == "the":
        i -= 1
    filer = None
    if i >= 0 and doc[i].lower_ in _FILING_VERBS:
        j = i - 1
        # A Reuters ticker mark between the name and the verb: "Globex Inc <GLBX> told".
        if j >= 2 and doc[j].text == ">" and doc[j - 2].text == "<":
            j -= 3
        if j >= 0 and is_namey(doc[j]):
            filer = run_left(doc, j + 1)
    return Roles(filer, roles.target, roles.cue)


def _lone_stake(doc: Any, roles: Roles) -> Roles:
    """ "Y to ... After X Takes Stake": a stake named by no company is in the post's opening
    company."""
    target = roles.target
    if target is None or doc[target.start].lower_ not in {"stake", "stakes"}:
        return roles
    if any(not t.like_url for t in doc[target.start + 1 : target.end]):
        return roles  # a link may follow the word ("Takes Stake http://..."), no name
    first = opening(doc, roles.cue)
    if first is None or (roles.acquirer is not None and first.start == roles.acquirer.start):
        first = None
    return Roles(roles.acquirer, first, roles.cue)


_BUYS: Final = frozenset(
    {
        "acquire", "acquires", "acquired", "acquiring", "buy", "buys", "bought", "buying",
        "purchase", "purchases", "purchased", "purchasing",
    }
)  # fmt: skip


# What a company sells off without a name: a business or its assets, not goods or rights.
_HOLDINGS: Final = frozenset(
    {
        "assets", "asset", "unit", "units", "business", "businesses", "division", "divisions",
        "arm", "subsidiary", "operations", "ops", "refinery", "refineries", "plant", "plants",
        "mine", "mines", "stake", "stakes", "portfolio", "brand", "brands", "chain", "stores",
        "field", "fields", "blocks", "pipeline", "pipelines", "properties", "hotels",
        "stations", "segment", "factory", "factories", "mill", "mills", "terminal",
    }
)  # fmt: skip


# A unit that carries a name of its own ("Motorola Business Unit"; not "Significant Assets").
_NAMED_UNITS: Final = OWNED_UNITS | {"business"}


def _bought_from(doc: Any, roles: Roles) -> Roles:
    """ "Globex to buy refinery from Initech", "$GLBX acquires assets from $INTK": a business
    or its assets bought with no name, so the company selling it is the target ("buy
    things from Initech" is shopping)."""
    target = roles.target
    if doc[roles.cue].lower_ not in _BUYS:
        return roles
    if (
        target is not None
        and any(not w.islower() for w in _words(target))
        and _words(target)[-1].lower() not in _HOLDINGS  # "southern California refinery"
    ):
        return roles
    named = _words(target) if target is not None else []
    if (
        named
        and named[-1].lower() in _NAMED_UNITS
        and any(w[:1].isupper() and w.lower() not in _HOLDINGS | KNOWN_PLACES for w in named)
    ):
        return roles  # "Motorola Business Unit from Google": a unit named for itself
    for k in range(roles.cue + 1, min(roles.cue + 9, len(doc) - 1)):
        token = doc[k]
        if (
            token.lower_ == "from"
            and doc[k - 1].lower_ in _HOLDINGS
            and (is_namey(doc[k + 1]) or doc[k + 1].text in {"$", "#"})
        ):
            seller = run_right(doc, k + 1)
            return roles if seller is None else Roles(roles.acquirer, seller, roles.cue)
        if is_boundary(doc, k) or not (
            token.is_lower or token.is_title or is_amount(token) or token.text in "$/-"
        ):  # "buy southern California refinery from Initech"
            break
    return roles


def cleaned(doc: Any, roles: Roles) -> Roles:
    """Roles without a reporter, a lone stake word, a time word, the buyer's own name or a
    description for a name; a thing bought "from" a company leaves that seller as target."""
    roles = _no_target(doc, _lone_stake(doc, _filed_with(doc, _reporter(doc, roles))))
    roles = _no_report_source(doc, roles)
    return _bought_from(doc, roles)


# Verbs of whoever rules on a deal ("DC regulator approves Globex deal"): not the buyer.
_RULINGS: Final = frozenset(
    {
        "approve", "approves", "approved", "approving", "clear", "clears", "cleared",
        "clearing", "block", "blocks", "blocked", "blocking", "ok", "oks", "ok's", "okays",
        "okayed", "greenlights", "greenlighted", "probe", "probes", "probed", "probing",
        "review", "reviews", "reviewed", "reviewing", "investigate", "investigates",
        "investigated", "challenge", "challenges", "challenged",
    }
)  # fmt: skip


def ruled_on(doc: Any, k: int) -> bool:
    """Whether token ``k``, right before "Globex deal", is a ruling on it: its subject is a
    regulator, a court or a commission, whoever buys."""
    return k >= 0 and doc[k].lower_ in _RULINGS


# "bid" the verb, before "for": "Globex bids for Initech", "Globex is bidding for Initech".
_BIDS: Final = frozenset({"bids", "bidding"})
_AUXILIARIES: Final = frozenset({"is", "are", "was", "were", "be", "been", "'s", "also"})


def bids_for_a_company(doc: Any, i: int) -> bool:
    """ "bids for" the verb, a company after it: "Globex bids for Initech", "Globex is bidding
    for Initech"; not the noun ("make bids for", "launches bidding for") nor a sum ("bidding
    for $40 billion in loans")."""
    token = doc[i]
    if token.lower_ not in _BIDS or i + 1 >= len(doc) or doc[i + 1].lower_ != "for":
        return False
    if not (token.dep_ == "ROOT" or token.tag_[:2] == "VB"):
        return False
    if i > 0 and doc[i - 1].tag_[:2] == "VB" and doc[i - 1].lower_ not in _AUXILIARIES:
        return False
    if i + 2 >= len(doc):
        return False
    after = doc[i + 2]
    if after.text in {"$", "£", "€"} and i + 3 < len(doc):
        after = doc[i + 3]  # "$40 billion" (a sum), "$INTK" (a company)
    return not after.like_num


# Paper sold to investors, never a company: "sells debt to shareholder".
_PAPER: Final = frozenset(
    {
        "debt", "notes", "bonds", "debentures", "securities", "warrants", "loans", "paper",
        "preferred", "receivables", "stock", "bills", "certificates",
    }
)  # fmt: skip


def sells_paper(doc: Any, start: int, end: int) -> bool:
    """Debt or new paper sold to investors ("SELLS DEBT TO SHAREHOLDER"): no company."""
    return any(doc[k].lower_ in _PAPER for k in range(start, end))
