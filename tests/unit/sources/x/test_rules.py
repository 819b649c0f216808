"""Watch lists -> filtered-stream rules within X's limits; the sync plan only ever touches
the scout's own rules."""

from __future__ import annotations

from streams.sources.x.rules import Rule, pack, plan_sync, render, rule_terms, watch_terms
from streams.watchlist import Company, Person, Product, Watchlist

TAG = "signal-scout:x"


def _watchlist(*companies: Company, people: tuple[Person, ...] = ()) -> Watchlist:
    products = (Product(id="product:acme/rocket", name="Rocket Skates", company="company:ACME"),)
    return Watchlist(version="v1", files=(), companies=companies, people=people, products=products)


ACME = Company(
    id="company:ACME",
    name="Acme Corp",
    aliases=("Acme", "ACME Corporation", "Roadrunner"),
    tickers=("ACME", "BRK.B"),
    handles=("@AcmeCorp",),
    ambiguous=("Roadrunner",),
)
GLOBEX = Company(id="company:GLBX", name="Globex", competitor=True, handles=("globex",))


def test_terms_are_handles_cashtags_and_quoted_names_competitors_first_each_once() -> None:
    person = Person(
        id="person:hank", name="Hank Scorpio", role="executive", aliases=("Scorpio", "H. Scorpio")
    )
    terms = watch_terms(
        _watchlist(ACME, GLOBEX, people=(person,)), ["companies", "people", "products"]
    )
    assert terms == [
        "from:globex",
        "@globex",
        "Globex",
        "from:AcmeCorp",
        "@AcmeCorp",
        "$ACME",  # BRK.B is no cashtag X reads
        '"Acme Corp"',
        "Acme",  # ACME Corporation... below; "Roadrunner" is ambiguous: left out
        '"ACME Corporation"',
        '"Hank Scorpio"',
        '"H. Scorpio"',  # the one-word alias "Scorpio" would match too much alone
        '"Rocket Skates"',
    ]
    assert watch_terms(_watchlist(ACME), ["products"]) == ['"Rocket Skates"']


def test_rules_round_trip_and_a_quoted_or_stays_one_term() -> None:
    terms = ['"Procter OR Gamble"', "from:pg", "$PG"]
    value = render(terms, "-is:retweet")
    assert value == '("Procter OR Gamble" OR from:pg OR $PG) -is:retweet'
    assert rule_terms(value, "-is:retweet") == terms
    assert rule_terms(value, "") is None  # another suffix: not of the current form
    assert rule_terms("(a OR b) lang:en", "") is None
    assert rule_terms("a b", "") is None


def test_pack_fills_rules_up_to_the_length_limit_and_covers_every_term_once() -> None:
    terms = [f"term{i:03d}" for i in range(200)]
    rules = pack(terms, 120, "lang:en")
    assert all(len(r) <= 120 for r in rules)
    assert [t for r in rules for t in rule_terms(r, "lang:en") or []] == terms
    # Greedy: no two neighbours could have been one rule.
    for left, right in zip(rules, rules[1:], strict=False):
        joined = (rule_terms(left, "lang:en") or []) + (rule_terms(right, "lang:en") or [])[:1]
        assert len(render(joined, "lang:en")) > 120


def test_first_sync_adds_rules_and_never_touches_another_tools_rules() -> None:
    theirs = Rule("1", "cats has:images", "someone-else")
    terms = [f"name{i}" for i in range(30)]
    plan = plan_sync(terms, [theirs], tag=TAG, max_rules=5, max_length=128)
    assert plan.delete == ()
    assert len(plan.add) == len(plan.rules) <= 4  # one of the five is theirs
    assert [t for r in plan.add for t in rule_terms(r) or []] == terms
    assert not plan.left_out
    assert all(len(r) <= 128 for r in plan.add)


def test_a_watch_list_change_adds_and_deletes_only_the_rules_it_concerns() -> None:
    terms = [f"name{i:02d}" for i in range(40)]
    first = plan_sync(terms, [], tag=TAG, max_rules=25, max_length=64)
    existing = [Rule(str(100 + i), v, TAG) for i, v in enumerate(first.add)]
    existing.append(Rule("1", "(name03 OR name04)", "someone-else"))

    unchanged = plan_sync(terms, existing, tag=TAG, max_rules=25, max_length=64)
    assert not unchanged.changes

    gone = "name05"
    stale = next(r for r in existing if r.tag == TAG and gone in (rule_terms(r.value) or []))
    later = [t for t in terms if t != gone] + ["newcomer"]
    plan = plan_sync(later, existing, tag=TAG, max_rules=25, max_length=64)
    assert plan.delete == (stale.id,)
    assert "1" not in plan.delete
    added = [t for r in plan.add for t in rule_terms(r) or []]
    assert sorted(added) == sorted(
        [t for t in rule_terms(stale.value) or [] if t != gone] + ["newcomer"]
    )
    kept = [t for r in plan.keep for t in rule_terms(r.value) or []]
    assert sorted(kept + added) == sorted(later)


def test_past_the_budget_rules_are_packed_afresh_then_the_last_terms_left_out() -> None:
    terms = [f"name{i:02d}" for i in range(60)]
    plan = plan_sync(terms, [Rule("9", "x", "other")], tag=TAG, max_rules=3, max_length=64)
    assert len(plan.rules) == 2
    covered = [t for r in plan.rules for t in rule_terms(r) or []]
    assert covered + list(plan.left_out) == terms
    assert plan.left_out

    long_name = '"' + "a" * 80 + '"'
    plan = plan_sync(["short", long_name], [], tag=TAG, max_rules=3, max_length=64)
    assert plan.too_long == (long_name,)
    assert plan.add == ("(short)",)


def test_a_changed_suffix_rewrites_every_rule_of_ours() -> None:
    old = [Rule("5", "(acme OR globex)", TAG), Rule("6", "(acme) lang:fr", "other")]
    plan = plan_sync(
        ["acme", "globex"], old, tag=TAG, max_rules=10, max_length=64, suffix="lang:en"
    )
    assert plan.delete == ("5",)
    assert plan.add == ("(acme OR globex) lang:en",)


def test_a_name_that_is_one_everyday_word_is_left_to_the_handles_and_cashtags() -> None:
    target = Company(
        id="company:TGT",
        name="Target",
        aliases=("Target Corporation",),
        tickers=("TGT",),
        handles=("Target",),
    )
    watchlist = Watchlist(
        version="v", files=(), companies=(target,), ambiguous_words=frozenset({"target"})
    )
    assert watch_terms(watchlist, ["companies"]) == [
        "from:Target",
        "@Target",
        "$TGT",
        '"Target Corporation"',
    ]
