"""News desks: accounts of newsrooms and business press, and desk names written in a post."""

from __future__ import annotations

import re

from .scan import Cue

__all__ = ["ANALYSIS_LINK", "BARE_FORM", "DESK", "NEWS_SOURCES", "is_source"]

# A filing feed's post that names the form and nothing else ("$AAPL - Current Report Filing
# (8-k)"): no event said.
BARE_FORM = re.compile(
    r"\s*(?:\$[A-Za-z.]+\s*[-:]?\s*)*(?:current\s+report(?:\s+filing)?|quarterly\s+report"
    r"|annual\s+report|statement\s+of\s+changes\s+in\s+beneficial\s+ownership|prospectus"
    r"|proxy\s+statement)\s*\(\s*(?:8-k|10-q|10-k|4|424b\d|def\s*14a|6-k|20-f)\s*\)[\s.]*$",
    re.I,
)
# Links to contributors' analysis and opinion pieces (the same sites' news items have another
# path: seekingalpha.com/news/..., and the daily news digest "Wall Street Breakfast").
ANALYSIS_LINK = re.compile(
    r"\b(?:seekingalpha\.com/article/(?!\d+-wall-street-breakfast)|fool\.com/investing/"
    r"|investorplace\.com/20\d\d/)",
    re.I,
)

# Accounts of newsrooms and business press (lower case, without @). A retweet of one of them
# or a post by one counts as news evidence, never as news on its own.
NEWS_SOURCES = frozenset(
    {
        "reuters",
        "reutersbiz",
        "reuterstech",
        "reutersmarkets",
        "breakingnews",
        "bloomberg",
        "business",
        "bloombergtv",
        "bloombergdeals",
        "bloombergnews",
        "technology",
        "markets",
        "wsj",
        "wsjbusiness",
        "wsjtech",
        "wsjdeals",
        "wsjmarkets",
        "cnbc",
        "cnbcnow",
        "cnbcworld",
        "marketwatch",
        "cnnmoney",
        "cnnbusiness",
        "ft",
        "ftmarkets",
        "financialtimes",
        "yahoofinance",
        "ap",
        "ap_business",
        "nytimes",
        "nytimesbusiness",
        "dealbook",
        "businessinsider",
        "businesswire",
        "prnewswire",
        "globenewswire",
        "techcrunch",
        "recode",
        "theverge",
        "verge",
        "engadget",
        "fiercebiotech",
        "fiercepharma",
        "street_insider",
        "streetinsider",
        "theflynews",
        "benzinga",
        "washingtonpost",
        "guardian",
        "bbcbusiness",
        "bbcnews",
        "forbes",
        "fortune",
        "fortunemagazine",
        "economist",
        "axios",
        "politico",
        "usatoday",
        "latimes",
        "foxbusiness",
        "livesquawk",
        "firstsquawk",
        "deltaone",
    }
)
# Names of news desks as written in a post ("- WSJ", "via Reuters", "(Bloomberg)").
# Names of news desks as written in a post ("- WSJ", "via Reuters", "(Bloomberg)").
DESK = Cue(
    r"\b(?:reuters|rtrs|bloomberg|bberg|bbg|wsj|wall street journal|cnbc|marketwatch|"
    r"financial times|associated press|dow jones|nikkei|techcrunch|recode)\b",
)


def is_source(handle: str | None) -> bool:
    """Whether the account (with or without @) is a newsroom's."""
    return handle is not None and handle.lower().lstrip("@") in NEWS_SOURCES
