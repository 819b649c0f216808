"""The deal registry (``streams.signals.ma.registry``): a deal read in two news stories is
recalled when a later post names it only as "the Initech deal"; invented companies."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import spacy

from models.post import Post
from models.signals import MASignal, Party
from streams.enrich.enricher import Enricher, NlpModels
from streams.enrich.sentiment import SentimentScorer
from streams.signals.ma import detect_ma, has_ma_cue
from streams.signals.ma.registry import HORIZON, DealRegistry

T0 = datetime(2026, 3, 2, tzinfo=UTC)
DEAL = MASignal(
    is_ma=True, score=0.9, acquirer=Party(name="Globex Corp"), target=Party(name="Initech")
)


def _registry(stories: int = 2) -> DealRegistry:
    registry = DealRegistry()
    for k in range(stories):
        registry.learn(DEAL, f"story {k}", T0)
    return registry


@pytest.mark.parametrize(
    "text",
    [
        "Traders stay upbeat on Initech deal despite the selloff",
        "Globex-Initech deal moves forward as regulators sign off",
        "$GLBX $INTK: what the Initech takeover means for cloud rivals",
        "Initech's acquisition to close on Friday",
    ],
)
def test_a_known_deal_named_by_its_target_is_recalled_with_its_parties(text: str) -> None:
    recalled = _registry().recall(text, T0 + timedelta(days=20))
    assert recalled is not None and recalled.is_ma
    assert recalled.acquirer == DEAL.acquirer and recalled.target == DEAL.target


@pytest.mark.parametrize(
    "text",
    [
        "Initech signs supply deal with Hooli",  # another kind of deal
        "Hooli-Initech deal clouds the launch",  # another company's deal with the target
        "Globex to cut 900 jobs after Initech purchase",  # the deal as background
        "initech deal",  # not the name as written
        "Initech launches a new phone",  # no deal named
    ],
)
def test_other_deals_background_and_other_words_are_not_recalled(text: str) -> None:
    assert _registry().recall(text, T0 + timedelta(days=20)) is None


def test_one_story_teaches_nothing_and_a_deal_fades_after_the_horizon() -> None:
    text = "Traders stay upbeat on Initech deal"
    assert _registry(stories=1).recall(text, T0 + timedelta(days=1)) is None
    assert _registry().recall(text, T0 + HORIZON + timedelta(days=1)) is None
    assert _registry().recall(text, T0 - timedelta(days=1)) is None  # not known yet


def test_a_deal_called_off_is_forgotten() -> None:
    registry = _registry()
    registry.learn(DEAL.model_copy(update={"status": "called_off"}), "story 9", T0)
    assert registry.recall("Initech deal talk fades", T0 + timedelta(days=2)) is None


def test_the_deal_told_by_most_stories_wins_over_a_misread() -> None:
    registry = _registry(stories=3)
    rival = MASignal(
        is_ma=True, score=0.9, acquirer=Party(name="Hooli"), target=Party(name="Initech")
    )
    registry.learn(rival, "a", T0 + timedelta(days=1))
    registry.learn(rival, "b", T0 + timedelta(days=1))
    recalled = registry.recall("What the Initech deal means", T0 + timedelta(days=5))
    assert recalled is not None and recalled.acquirer == DEAL.acquirer


def _enricher(deals: DealRegistry | None) -> Enricher:
    blank = spacy.blank("en")
    return Enricher(
        NlpModels(ner=blank, parser=blank, label="blank"),
        SentimentScorer(),
        ma=(has_ma_cue, detect_ma),
        deals=deals,
    )


def _post(n: int, text: str, source: str = "rss") -> Post:
    return Post(id=f"p{n}", text=text, source=source, created_at=T0 + timedelta(hours=n))


# Two news stories telling the deal: enough for the registry to know it.
TOLD = (
    _post(1, "Globex agrees to buy Initech for $3.1 billion in cash"),
    _post(2, "Initech to be acquired by Globex in $3.1 billion deal, the companies said"),
)


def test_the_enricher_reads_a_later_news_post_as_the_known_deal() -> None:
    later = _post(3, "Globex reports quarterly revenue up 8% as Initech deal moves forward")
    first, second, known = _enricher(DealRegistry()).enrich([*TOLD, later])
    assert first.ma.is_ma and second.ma.is_ma
    assert known.ma.is_ma
    assert (known.ma.acquirer.name, known.ma.target.name) == ("Globex", "Initech")  # type: ignore[union-attr]
    alone = _enricher(None).enrich([later])[0]
    assert not alone.ma.is_ma  # without the registry the post reads as no deal


def test_the_registry_is_bounded_and_forgets_the_least_recently_seen() -> None:
    registry = DealRegistry(max_deals=2)
    for name in ("Initech", "Vandelay", "Hooli"):
        deal = DEAL.model_copy(update={"target": Party(name=name)})
        registry.learn(deal, "a", T0)
        registry.learn(deal, "b", T0)
    assert len(registry) == 2
    later = T0 + timedelta(days=1)
    assert registry.recall("the Initech deal closes", later) is None
    assert registry.recall("the Hooli deal closes", later) is not None


def test_a_known_deal_as_a_hashtag_in_passing_is_not_recalled() -> None:
    text = "Globex job cuts of 900 come after #Initech purchase, union says"
    assert _registry().recall(text, T0 + timedelta(days=20)) is None


LINKED_DEAL = MASignal(
    is_ma=True,
    score=0.9,
    acquirer=Party(name="Globex", id="company:GX"),
    target=Party(name="Initech", id="company:INTK"),
)


@pytest.mark.parametrize(
    "text",
    [
        "Can a new offer from Globex & Initech's board finally seal the merger?",
        "Three things that could still sink the Globex and Initech deal",
        "Globex has bid for Initech; suppliers would gain if they merge",
        "can lawmakers really stop the planned Globex Initech #merger?",
        # a verb of buying, the buyer before it and the company bought right after
        "So Globex Corp bought Initech for that much? was it worth it",
        "Is that why Globex wants to buy Initech so badly?",
        "Globex is up 6% since acquiring Initech http://t.co/x1",
    ],
)
def test_a_remark_naming_both_parties_of_a_known_deal_is_that_deal(text: str) -> None:
    recalled = _registry().recall_pair(text, {}, T0 + timedelta(days=20))
    assert recalled is not None and recalled.is_ma
    assert recalled.acquirer == DEAL.acquirer and recalled.target == DEAL.target


def test_a_known_deal_named_by_linked_tickers_is_recalled() -> None:
    registry = DealRegistry()
    for story in ("a", "b"):
        registry.learn(LINKED_DEAL, story, T0)
    text = "Is that move about the $GX $INTK deal?"
    linked = {
        f"company:{t}": [(text.index(f"${t}"), text.index(f"${t}") + len(t) + 1)]
        for t in ("GX", "INTK")
    }
    recalled = registry.recall_pair(text, linked, T0 + timedelta(days=3))
    assert recalled is not None and recalled.target == LINKED_DEAL.target
    # a two-capital ticker as written names its company, linked or not ("$GX", "GX-Initech")
    assert registry.recall_pair(text, {}, T0 + timedelta(days=3)) is not None
    lower = "Is that move about the $gx $intk deal?"  # no capitals, no name
    assert registry.recall_pair(lower, {}, T0 + timedelta(days=3)) is None


@pytest.mark.parametrize(
    "text",
    [
        "Globex signs supply deal with Initech",  # another kind of deal
        "Globex rallies today. Initech prices its bonds; a good deal for buyers",  # two sentences
        "Globex and Initech both report on Tuesday",  # no deal word
        "Globex to cut 900 jobs after Initech purchase",  # the deal as background
        "Globex and Initech look ripe for a tie-up",  # a deal imagined
        "Globex may also bid in the spectrum auction https://t.co/x #Initech",  # a tag
        "Globex Initech deal potential is huge",
        # a verb of buying: the company bought first, far after it, or the buyer imagined
        "Bought some Initech calls on the Globex halt",
        "continuing to buy $INTK and Globex shares on sale right now",
        "Globex outperforms, $XYZ gets bought, $ABC hits 35 after burning cash, Initech hits 300",
        "Globex has enough cash to buy Initech twice over",
    ],
)
def test_both_parties_without_their_deal_in_one_sentence_are_not_recalled(text: str) -> None:
    assert _registry().recall_pair(text, {}, T0 + timedelta(days=20)) is None


@pytest.mark.parametrize(
    "text",
    [
        "Today's deals roundup: $QRS, $GX, $INTK, $LMN, $OPQ",
        "$ABCD looks strong. deal potential for $INTK $EFG $GX $HIJ",
    ],
)
def test_parties_in_a_ticker_list_are_not_recalled(text: str) -> None:
    registry = DealRegistry()
    for story in ("a", "b"):
        registry.learn(LINKED_DEAL, story, T0)
    linked = {
        f"company:{ticker}": [
            (text.index(f"${ticker}"), text.index(f"${ticker}") + len(ticker) + 1)
        ]
        for ticker in ("GX", "INTK")
    }
    assert registry.recall_pair(text, linked, T0 + timedelta(days=3)) is None
    assert registry.recall_pair("Globex and Initech deal", {}, T0 + timedelta(days=3)) is not None


def test_both_parties_of_a_deal_told_once_are_not_recalled() -> None:
    text = "Can Globex and Initech still close their merger?"
    assert _registry(stories=1).recall_pair(text, {}, T0 + timedelta(days=1)) is None


def _read(acquirer: str | None, target: str | None) -> MASignal:
    return MASignal(
        is_ma=True,
        score=0.8,
        acquirer=Party(name=acquirer) if acquirer else None,
        target=Party(name=target) if target else None,
    )


@pytest.mark.parametrize(
    ("read", "text"),
    [
        (_read("Initech", "Globex"), "Antitrust staff may yet derail the Initech-Globex merger"),
        (_read("Globex", None), "Regulators frown on the bid by Globex; Initech stays silent"),
        (
            _read("Initech", None),
            "Globex earnings are a sideshow; what matters is the Initech merge",
        ),
        (
            _read(None, "Initech"),
            "http://t.co/x agrees to purchase Initech for $1.2 billion #Globex",
        ),
    ],
)
def test_a_reading_of_a_known_deal_takes_its_parties(read: MASignal, text: str) -> None:
    oriented = _registry().orient(read, text, {}, T0 + timedelta(days=5))
    assert oriented.acquirer is not None and oriented.target is not None
    # the names as the post wrote them when it wrote them ("Globex", not "Globex Corp")
    assert (oriented.acquirer.name, oriented.target.name) in {
        ("Globex", "Initech"),
        ("Globex Corp", "Initech"),
    }
    assert oriented.is_ma and oriented.score == read.score


@pytest.mark.parametrize(
    ("read", "text"),
    [
        (_read("Globex", "Hooli"), "Globex to buy Hooli after the Initech deal"),  # another deal
        (_read("Globex", None), "Globex eyes a sensor maker with a $150M deal"),  # other unnamed
        (_read(None, None), "Initech and Globex: buyout rumors"),  # nothing read
        (_read("Initech", None), "Initech said to weigh a merger with Hooli $HOOL $GLBX $INTK"),
    ],
)
def test_a_reading_of_another_deal_keeps_its_parties(read: MASignal, text: str) -> None:
    assert _registry().orient(read, text, {}, T0 + timedelta(days=5)) == read


def test_the_enricher_reads_chatter_naming_both_parties_as_the_known_deal() -> None:
    remark = _post(
        3, "lol will Globex and Initech ever seal that merger?? my puts say no", "twitter"
    )
    docs = _enricher(DealRegistry()).enrich([*TOLD, remark])
    assert docs[2].ma.is_ma
    found = docs[2].ma
    assert found.acquirer is not None and found.target is not None
    assert (found.acquirer.name, found.target.name) == ("Globex", "Initech")
    alone = _enricher(None).enrich([remark])[0]
    assert not alone.ma.is_ma


@pytest.mark.parametrize(
    "text",
    [
        "Don't expect Globex to say much about Initech because the acquisition closes later",
        "FTC warns Globex, Initech against data sharing after acquisition",
    ],
)
def test_a_deal_read_with_no_party_takes_the_known_deal_it_names(text: str) -> None:
    alone = _enricher(None).enrich([_post(3, text)])[0].ma
    assert alone.is_ma and alone.acquirer is None and alone.target is None
    found = _enricher(DealRegistry()).enrich([*TOLD, _post(3, text)])[2].ma
    assert found.is_ma and found.acquirer is not None and found.target is not None
    assert (found.acquirer.name, found.target.name) == ("Globex", "Initech")
