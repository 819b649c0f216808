"""What kind of post this is: ``spam``, ``chatter``, ``news`` or ``other`` (issue 13).

Hand-weighted cues, no model: a handful of regular expressions per post, so it costs next
to nothing beside spaCy. Each family adds evidence to one of three scores:

- **spam** (``spam_cues``): promotion ("FREE alerts", "penny stock", "sign up", "gained
  400%", "check out"), cashtag-stuffed ticker lists (many ``$TICKERS`` and few other words),
  market-data bot templates ("<name> Bid Size <link> $A $B $C #pennystocks"), link bait,
  all-caps hype, emoji runs;
- **chatter** (``chatter_cues``): price levels and % moves, options, technical analysis,
  personal trades, analyst ratings and price targets, earnings previews, funds changing
  positions, opinion and valuation talk;
- **news** (``news_cues``, ``sources``): company-event verbs (results, product, deal,
  lawsuit, executive move, regulation, partnership), M&A and moves the other detectors
  found, a known news-desk author (Reuters, Bloomberg, WSJ, CNBC...) or a verified one.

The label is the strongest family, with ``news`` held to a higher bar (the brief and the
board trust it): it needs an event cue and must beat the chatter and spam evidence.
``other`` is what none of them claims. ``score`` is the confidence in the label (a softmax
over the family scores); ``signal`` is how strongly the post reports a company event,
damped when the post reads as spam or chatter (``classifier``).

A retweet is classified by what it says: the ``RT @x:`` prefix is set aside, and the
retweeted account counts as a news source when it is one (``text``). Posts in other
languages go through the same function: the language-independent cues (ticker lists,
links, emoji, price levels, percentages, detected M&A and moves) still work, and without
them the post is ``other`` with a low score.

Each family scans only the alternatives whose literal strings occur in the post (``scan``):
the same matches as the whole family, at a fraction of the cost.
"""

from __future__ import annotations

from .classifier import classify
from .sources import NEWS_SOURCES

__all__ = ["NEWS_SOURCES", "classify"]
