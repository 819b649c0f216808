"""The classifier: cue families weighed into spam, chatter, news and other scores."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

from models.enriched import Entity
from models.post import Author
from models.signals import Category, CategoryLabel, ExecMove, MASignal

from .chatter_cues import (
    ANALYST,
    COUNTERFACTUAL,
    GUESS,
    LISTICLE,
    OPINION,
    OPTIONS,
    PERCENT,
    PERSONAL,
    POSITION,
    PREVIEW,
    PRICE,
    QUESTION,
    RATED,
    SPECULATION,
    STOCK_MOVE,
    STOCK_TALK,
    TECHNICAL,
    VERDICT,
)
from .news_cues import (
    APPEARANCE,
    AUTHORITY,
    DEAL,
    EVENT_NOUN,
    EXEC,
    FIGURE,
    HEADLINE,
    HISTORY,
    LEGAL,
    PARTNER,
    PRODUCT,
    RESULTS,
    STATEMENT,
    STRONG_MA,
)
from .scan import Cues, lowered
from .sources import ANALYSIS_LINK, BARE_FORM, DESK, is_source
from .spam_cues import BOT_FIELD, BOT_TRENDING, LINK_BAIT, MONEY_SPELLING, PROMO
from .text import EMOJI_RUN, caps_hype, parts

__all__ = ["classify"]

# Every family read on the post's body (the bot template is read on the text with its links).
_CUES = Cues(
    RATED,
    PROMO,
    BOT_TRENDING,
    LINK_BAIT,
    PRICE,
    PERCENT,
    OPTIONS,
    TECHNICAL,
    PERSONAL,
    ANALYST,
    PREVIEW,
    POSITION,
    OPINION,
    VERDICT,
    QUESTION,
    STOCK_TALK,
    SPECULATION,
    GUESS,
    DEAL,
    EVENT_NOUN,
    EXEC,
    PRODUCT,
    RESULTS,
    LEGAL,
    AUTHORITY,
    STATEMENT,
    PARTNER,
    HEADLINE,
    DESK,
    LISTICLE,
    STOCK_MOVE,
    COUNTERFACTUAL,
    HISTORY,
    APPEARANCE,
    MONEY_SPELLING,
    FIGURE,
)


def classify(
    text: str,
    *,
    author: Author | None = None,
    entities: Iterable[Entity] = (),
    ma: MASignal | None = None,
    moves: Sequence[ExecMove] = (),
) -> Category:
    """The post's category with its confidence and news signal (pure, a few regexes).

    ``text`` is the folded text the other detectors read; ``ma`` and ``moves`` are what the
    M&A and move detectors found in it (evidence of a company event); ``entities`` the
    linked and NER entities (an organisation named in words supports a headline)."""
    p = parts(text)
    body = p.body
    r = _CUES.read(body, p.low)
    n_words = len(p.words)

    # --- spam
    spam = 0.0
    promo = r.hits(PROMO)
    spam += 1.6 * promo
    if p.cashtags >= 3:
        # A ticker list: many cashtags and little said around them (a headline followed by
        # the tickers it concerns is not one).
        said = 1.0 if n_words <= 6 else 0.5 if n_words <= 12 else 0.2
        spam += 0.55 * min(p.cashtags - 2, 5) * said
    if p.cashtags >= 2 and p.hashtags >= 2 and p.links:
        spam += 0.6
    if p.cashtags >= 3 and p.links >= 3 and n_words <= 8:
        spam += 0.8  # a list of tickers and links ("Q2 releases: $A - link $B - link ...")
    if p.cashtags >= 2 and BOT_FIELD.search(p.linked, lowered(p.linked)):
        spam += 1.5
    if r.search(BOT_TRENDING):
        spam += 1.2
    spam += 0.8 * r.hits(LINK_BAIT, 2)
    if caps_hype(p.words, body):
        spam += 0.8
    if not body.isascii() and EMOJI_RUN.search(body):
        spam += 0.5
    # Words spelt with "$" for "S": shouting or promotion, never a headline.
    money_spelt = r.hits(MONEY_SPELLING, 2) if "$" in body else 0
    spam += 0.3 * money_spelt

    # --- chatter
    chatter = 0.0
    # Dollar figures the company reports or pays (a dividend, EPS, revenue) are not price talk;
    # the same figures projected by someone else are (an earnings preview).
    prices = r.hits(PRICE, 2)
    preview = r.hits(PREVIEW, 2)
    if prices and not preview:
        prices = max(0, prices - r.hits(FIGURE, 2))
    chatter += 0.7 * prices
    chatter += 0.3 * r.hits(PERCENT, 2)
    chatter += 0.9 * r.hits(OPTIONS, 2)
    chatter += 0.7 * r.hits(TECHNICAL, 3)
    chatter += 1.4 * r.hits(PERSONAL, 2)
    chatter += 1.0 * r.hits(ANALYST, 2)
    chatter += 0.8 * preview
    position = r.hits(POSITION, 2)
    chatter += 1.6 * position
    chatter += 0.45 * r.hits(OPINION, 4)
    if r.search(QUESTION):
        chatter += 0.5
    # Talk about a listed company with no event in it leans to chatter rather than other (a
    # prior that decides between those two only, not against news): words about the stock
    # itself (its price, buying it, its shares) make it chatter; a cashtag alone only leans
    # that way (a joke, a personal note or market talk with a cashtag in it is other).
    prior = 0.35 * r.hits(STOCK_TALK, 2)
    if p.cashtags or any(e.id for e in entities):
        prior += 0.3

    # --- news
    deal_words = r.hits(DEAL, 2)
    if deal_words and ma is not None and not ma.is_ma and r.search(GUESS):
        # a guess the M&A reader set aside: "Why everyone suddenly thinks Globex will acquire
        # Initech" is no deal to report (other deal words, an IPO's, are left alone)
        deal_words = 0
    events = (
        1.3 * deal_words
        + 1.3 * r.hits(EXEC, 2)
        + 1.0 * r.hits(PRODUCT, 2)
        + 1.1 * r.hits(RESULTS, 2)
        + 1.2 * r.hits(LEGAL, 2)
        + 0.5 * r.hits(AUTHORITY, 2)
        + 1.0 * r.hits(STATEMENT, 1)
        + 1.2 * r.hits(PARTNER, 2)
    )
    # The M&A and move readers key on the same nouns: those alone are not a stated event.
    stated = events > 0
    events += 0.7 * r.hits(EVENT_NOUN, 2)
    # What the M&A and move readers found is news evidence beside an event the text states;
    # alone (they fire on a police "bid", a survey's "buying intent", layoffs used as a
    # comparison) only a strong M&A reading counts in full.
    if ma is not None and ma.is_ma and not position:
        events += 0.6 + 0.6 * ma.score if stated or ma.score >= STRONG_MA else 0.5
    if moves:
        events += 1.2 if stated else 0.8
    if events and (r.search(SPECULATION) or r.search(VERDICT)):
        events *= 0.5
        chatter += 0.5
    # A stock-picking list, the stock's own record or move, a what-if: the event named is a
    # talking point; old history and TV appearances are no event at all (issue 13).
    if r.search(LISTICLE):
        events *= 0.4
        chatter += 1.0
    # a deal or a move the readers found is an event whatever else the post is
    reported = (ma is not None and ma.is_ma) or bool(moves)
    if r.search(RATED) and not reported:
        # a rating is chatter whoever tweets it (a newsroom too); the results it cites are
        # the rater's reason (guidelines: ratings are chatter unless they report an event)
        events = 0.0
        chatter += 0.8
    if ANALYSIS_LINK.search(p.raw) and not reported:
        # a contributor's analysis piece linked ("seekingalpha.com/article/..."): the event
        # it names is its subject, not what it reports ("IPO Prospects: Is Uber Ready ..."),
        # unless it states a deal or a move ("Micron Acquires Inotera: What's Next?")
        events *= 0.5
        chatter += 0.7
    if r.search(STOCK_MOVE):
        events *= 0.6
        chatter += 0.9
    if r.search(COUNTERFACTUAL):
        events *= 0.4
        chatter += 0.8
    history = r.search(HISTORY)
    appearance = r.search(APPEARANCE)
    if appearance or money_spelt or BARE_FORM.match(body):
        events = 0.0
    elif history:
        events *= 0.3
    news = events
    if events > 0:
        if r.search(HEADLINE):
            news += 0.6
        handle = author.handle if author is not None else None
        if is_source(handle) or any(is_source(s) for s in p.sources):
            news += 0.9
        elif r.search(DESK):
            news += 0.5
        if author is not None and author.verified:
            news += 0.3
        if any(e.label == "ORG" and e.source in {"ner", "tweet_ner", "alias"} for e in entities):
            news += 0.3

    # --- decision
    other = 1.0
    if n_words <= 2 and p.cashtags <= 1:
        other += 0.5  # nothing said
    if history or appearance:
        other += 0.6
    scores: dict[CategoryLabel, float] = {
        "spam": spam,
        "chatter": chatter + prior,
        "news": news,
        "other": other,
    }
    label: CategoryLabel
    if spam >= 1.5 and spam >= news:
        label = "spam"
    elif news >= 1.0 and news >= chatter + 0.3:
        label = "news"
    elif chatter + prior >= (other if history else 0.6) and chatter + prior >= spam:
        # (history told as trivia is chatter only when the talk outweighs it)
        label = "chatter"
    elif spam >= 1.2:
        label = "spam"
    else:
        label = "other"
    top = scores[label]
    total = sum(math.exp(s - top) for s in scores.values())
    score = 1.0 / total
    strength = 1.0 - math.exp(-news / 1.4)
    damp = {"news": 1.0, "other": 0.5, "chatter": 0.4, "spam": 0.15}[label]
    return Category(label=label, score=round(score, 3), signal=round(strength * damp, 3))
