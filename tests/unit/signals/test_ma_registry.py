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


def test_the_enricher_reads_a_later_news_post_as_the_known_deal() -> None:
    blank = spacy.blank("en")
    enricher = Enricher(
        NlpModels(ner=blank, parser=blank, label="blank"),
        SentimentScorer(),
        ma=(has_ma_cue, detect_ma),
        deals=DealRegistry(),
    )

    def post(n: int, text: str) -> Post:
        return Post(id=f"p{n}", text=text, source="rss", created_at=T0 + timedelta(hours=n))

    later = "Globex reports quarterly revenue up 8% as Initech deal moves forward"
    first, second, known = enricher.enrich(
        [
            post(1, "Globex agrees to buy Initech for $3.1 billion in cash"),
            post(2, "Initech to be acquired by Globex in $3.1 billion deal, the companies said"),
            post(3, later),
        ]
    )
    assert first.ma.is_ma and second.ma.is_ma
    assert known.ma.is_ma
    assert (known.ma.acquirer.name, known.ma.target.name) == ("Globex", "Initech")  # type: ignore[union-attr]
    alone = Enricher(
        NlpModels(ner=blank, parser=blank, label="blank"),
        SentimentScorer(),
        ma=(has_ma_cue, detect_ma),
    ).enrich([post(3, later)])[0]
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
