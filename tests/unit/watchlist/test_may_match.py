"""``WatchlistMatcher.may_match``, the firehose filter's first step: never False for a text
in which ``match`` or ``topics`` finds something, and False for most other text."""

from __future__ import annotations

import random

import pytest

from streams.watchlist import WatchlistMatcher, default_watchlist_dir, load_watchlist


@pytest.fixture(scope="module")
def bundled() -> WatchlistMatcher:
    return WatchlistMatcher(load_watchlist(default_watchlist_dir()))


def _forms(name: str) -> list[str]:
    """A name as posts write it: as listed, lower, upper, genitive, after punctuation."""
    return [
        name,
        name.lower(),
        name.upper(),
        f"{name}s",
        f"{name}\u2019s",
        f"({name})",
        f"{name}.",
    ]


def _texts(matcher: WatchlistMatcher) -> list[str]:
    watchlist = matcher.watchlist
    rng = random.Random(15)
    names: list[str] = []
    for company in watchlist.companies:
        names += [company.name, *company.aliases, *company.domains]
        names += [f"${t}" for t in company.tickers] + [f"#{t}" for t in company.tickers]
        names += [f"#{t.lower()}" for t in company.tickers] + [f"@{h}" for h in company.handles]
        names += [f"https://www.{d}/news" for d in company.domains]
    for person in watchlist.people:
        names += [person.name, *person.aliases] + [f"@{h}" for h in person.handles]
    for product in watchlist.products:
        names += [product.name, *product.aliases]
    for topic in watchlist.topics:
        names += [topic.name, *topic.keywords]
    names += [f"#{n.replace(' ', '')}" for n in list(names) if n[:1].isalnum()]
    contexts = ["{} agrees to buy a rival", "shares of {} fell; CEO quits", "I think {} rocks"]
    return [rng.choice(contexts).format(form) for name in names for form in _forms(name)]


def test_may_match_is_true_whenever_match_or_topics_finds_something(
    bundled: WatchlistMatcher,
) -> None:
    texts = _texts(bundled)
    found = [t for t in texts if bundled.match(t) or bundled.topics(t)]
    assert len(found) > 5000  # the forms do name watched things
    missed = [t for t in found if not bundled.may_match(t)]
    assert missed == []


def test_may_match_is_false_for_text_naming_nothing_watched(bundled: WatchlistMatcher) -> None:
    plain = [
        "Nice weather in the park today",
        "my cat knocked the coffee off the table again",
        "@alice.example see you on the train #weekend",
        "lunch was $12, not bad",
    ]
    for text in plain:
        assert not bundled.match(text) and not bundled.topics(text)
        assert not bundled.may_match(text), text
    assert bundled.may_match("Oracle's results") and bundled.may_match("@satyanadella hi")
