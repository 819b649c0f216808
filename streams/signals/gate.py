"""What a reader is told is a deal: the M&A reading of a post, checked against its category.

The M&A rules read deal words; the category classifier reads what kind of post it is. A post
the classifier calls ``spam`` or ``chatter`` (a trader's take, stock-buying advice, a fund's
position, a columnist wondering who should buy whom) is not reported as a deal even when its
words read like one: on the team's held-out StockNet labels this check took M&A precision from
0.63 to 0.86 for a recall cost of 0.03 (``python -m bench.eval_signals --set test``). The
detector's score and parties are kept, so the reading stays visible; only ``is_ma`` changes.

It applies to social posts only (and to short posts of unknown origin): the classifier's cues
are those of social chatter, and on Reuters acquisition stories it calls one flagged story in
nine "chatter" (all-caps headlines, stake and share counts), so newswire, feeds and filings
keep the M&A rules' own verdict. An SEC filing's own item is never overruled.
"""

from __future__ import annotations

from models.signals import Category, MASignal

NOT_A_REPORT = frozenset({"spam", "chatter"})
SOCIAL_SOURCES = frozenset(
    {
        "twitter",
        "x",
        "mastodon",
        "bluesky",
        "hackernews",
        "linkedin",
        "facebook",
        "stocktwits",
        "reddit",
    }
)
# A post of unknown origin this short is read as a social post.
SHORT_POST = 400


def is_social(source: str, text: str) -> bool:
    """Whether the post is social text (by its source, or by its length when unknown)."""
    if source in SOCIAL_SOURCES:
        return True
    return source == "unknown" and len(text) <= SHORT_POST


def reported_deal(
    ma: MASignal, category: Category, *, social: bool = True, filing: bool = False
) -> MASignal:
    """``ma`` with ``is_ma`` false when a social post is spam or chatter (filings excepted)."""
    if not ma.is_ma or filing or not social or category.label not in NOT_A_REPORT:
        return ma
    return ma.model_copy(update={"is_ma": False, "status": None})
