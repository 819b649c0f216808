"""Watch lists -> filtered-stream rules within X's limits, and the sync plan (pure).

A **term** is one thing to match: a company, person or product name or alias (quoted
when it is not one plain word), a cashtag (``$ACME``) or a handle (``from:acme`` and
``@acme``). A name that is one everyday word of the watch list's ``ambiguous_words``
("Apple") or an alias marked ambiguous is left out: alone it would match (and X would
bill) posts about anything; the company's handles and cashtags still find it. Terms are joined with ``OR`` into rules of at most ``max_rule_length``
characters, every rule ``(t1 OR t2 OR ...)`` plus the source's ``rule_suffix``, and
tagged with the source's tag so that the scout only ever changes its own rules.

Syncing keeps every existing rule of ours whose terms are all still wanted, deletes
the others and packs the terms not covered into new rules: a watch-list change touches
only the rules it concerns. When that would pass the rule budget (``max_rules`` minus
the rules others made), everything is packed afresh; if even that does not fit, the
terms past the budget are left out (reported), in watch-list order: companies
(competitors first), people, products.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from streams.watchlist import Watchlist
from streams.watchlist.text import fold

__all__ = ["Rule", "SyncPlan", "pack", "plan_sync", "render", "rule_terms", "watch_terms"]

_WORD = re.compile(r"^\w+$")
_HANDLE = re.compile(r"^\w{1,15}$")
_CASHTAG = re.compile(r"^[A-Za-z]{1,6}$")
_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|\S+')
_OPERATORS = {"OR", "AND"}


@dataclass(frozen=True)
class Rule:
    """A rule as the rules endpoint lists it."""

    id: str
    value: str
    tag: str | None = None


@dataclass(frozen=True)
class SyncPlan:
    delete: tuple[str, ...]  # ids of our rules to delete
    add: tuple[str, ...]  # values of rules to add (with our tag)
    keep: tuple[Rule, ...]  # our rules left as they are
    left_out: tuple[str, ...] = ()  # terms past the rule budget
    too_long: tuple[str, ...] = ()  # terms that alone make a rule over the length limit
    rules: tuple[str, ...] = field(default=())  # the values in force after the sync

    @property
    def changes(self) -> bool:
        return bool(self.delete or self.add)


def keyword(text: str) -> str | None:
    """A name as a rule term: one plain word as it is, else a quoted phrase."""
    words = " ".join(text.replace('"', " ").split())
    if not words:
        return None
    if _WORD.match(words) and words not in _OPERATORS:
        return words
    return f'"{words}"'


def _handles(handles: Iterable[str]) -> list[str]:
    terms = []
    for raw in handles:
        handle = raw.strip().lstrip("@")
        if _HANDLE.match(handle):
            terms += [f"from:{handle}", f"@{handle}"]
    return terms


def watch_terms(watchlist: Watchlist, watch: Sequence[str]) -> list[str]:
    """The terms of the chosen lists, in priority order, each once (any case)."""
    terms: list[str | None] = []
    everyday = watchlist.ambiguous_words

    def plain(name: str) -> bool:
        """Not one everyday word ("Apple", "Target"): alone in a rule it would match,
        and be billed for, posts about anything."""
        return len(name.split()) > 1 or fold(name.strip()) not in everyday

    if "companies" in watch:
        for company in sorted(watchlist.companies, key=lambda c: (not c.competitor, c.id)):
            skip = {a.lower() for a in company.ambiguous}
            terms += _handles(company.handles)
            terms += [f"${t}" for t in company.tickers if _CASHTAG.match(t)]
            names = (company.name, *company.aliases)
            terms += [keyword(n) for n in names if n.lower() not in skip and plain(n)]
    if "people" in watch:
        for person in sorted(watchlist.people, key=lambda p: p.id):
            terms += _handles(person.handles)
            # One-word aliases ("Nadella") match too much alone: the full names only.
            terms += [keyword(person.name)]
            terms += [keyword(a) for a in person.aliases if len(a.split()) > 1]
    if "products" in watch:
        for product in sorted(watchlist.products, key=lambda p: p.id):
            terms += [keyword(n) for n in (product.name, *product.aliases) if plain(n)]
    seen: set[str] = set()
    unique = []
    for term in terms:
        if term is not None and term.lower() not in seen:
            seen.add(term.lower())
            unique.append(term)
    return unique


def render(terms: Sequence[str], suffix: str = "") -> str:
    value = "(" + " OR ".join(terms) + ")"
    return f"{value} {suffix.strip()}" if suffix.strip() else value


def rule_terms(value: str, suffix: str = "") -> list[str] | None:
    """The terms of a rule written by :func:`render` with ``suffix``; None when the rule
    is not of that form (another suffix, say)."""
    end = f") {suffix.strip()}" if suffix.strip() else ")"
    if not value.startswith("(") or not value.endswith(end):
        return None
    tokens = _TOKEN.findall(value[1 : len(value) - len(end)])
    terms, operators = tokens[0::2], tokens[1::2]
    if not terms or any(op != "OR" for op in operators) or render(terms, suffix) != value:
        return None
    return terms


def pack(terms: Sequence[str], max_length: int, suffix: str = "") -> list[str]:
    """Terms in order into as few rules as fit ``max_length`` (greedy; every term must
    fit alone)."""
    rules: list[str] = []
    current: list[str] = []
    for term in terms:
        if current and len(render([*current, term], suffix)) > max_length:
            rules.append(render(current, suffix))
            current = []
        current.append(term)
    if current:
        rules.append(render(current, suffix))
    return rules


def plan_sync(
    terms: Sequence[str],
    existing: Sequence[Rule],
    *,
    tag: str,
    max_rules: int,
    max_length: int,
    suffix: str = "",
) -> SyncPlan:
    """What to delete and add so that our rules (``tag``) match ``terms``; rules with
    another tag are never touched but count against ``max_rules``."""
    ours = [r for r in existing if r.tag == tag]
    budget = max(0, max_rules - (len(existing) - len(ours)))
    fitting = [t for t in terms if len(render([t], suffix)) <= max_length]
    too_long = tuple(t for t in terms if len(render([t], suffix)) > max_length)
    wanted = {t.lower() for t in fitting}

    keep: list[Rule] = []
    covered: set[str] = set()
    for rule in ours:
        parsed = rule_terms(rule.value, suffix)
        lowered = {t.lower() for t in parsed} if parsed else set()
        if parsed and len(rule.value) <= max_length and lowered <= wanted and not lowered & covered:
            keep.append(rule)
            covered |= lowered
    new = pack([t for t in fitting if t.lower() not in covered], max_length, suffix)
    if len(keep) + len(new) <= budget:
        kept = {r.id for r in keep}
        return SyncPlan(
            delete=tuple(r.id for r in ours if r.id not in kept),
            add=tuple(new),
            keep=tuple(keep),
            too_long=too_long,
            rules=tuple([r.value for r in keep] + new),
        )
    # Afresh: the fewest rules; past the budget, the last terms are left out.
    fresh = pack(fitting, max_length, suffix)
    target, dropped = fresh[:budget], fresh[budget:]
    left_out = tuple(t for value in dropped for t in rule_terms(value, suffix) or ())
    present: dict[str, Rule] = {}
    for rule in ours:
        present.setdefault(rule.value, rule)
    kept_rules = [present[v] for v in target if v in present]
    kept_ids = {r.id for r in kept_rules}
    return SyncPlan(
        delete=tuple(r.id for r in ours if r.id not in kept_ids),
        add=tuple(v for v in target if v not in present),
        keep=tuple(kept_rules),
        left_out=left_out,
        too_long=too_long,
        rules=tuple(target),
    )
