"""The boardroom brief: a window of posts -> developments, deals, moves, rising voices.

parse_window(since, until, now) -> BriefWindow      operator input (SCOUT-E600..E603)
make_brief(es, settings, window, now=...) -> Brief  read the posts alias, then assemble
build_brief(posts, window=..., ...) -> Brief        pure assembly (unit-testable)
render_markdown(brief) / render_html(brief)         untrusted text escaped
"""

from streams.brief.assemble import BriefLimits, build_brief
from streams.brief.query import make_brief
from streams.brief.render import FORMATS, check_format, render, render_html, render_markdown
from streams.brief.window import BriefWindow, parse_companies, parse_window

__all__ = [
    "FORMATS",
    "BriefLimits",
    "BriefWindow",
    "build_brief",
    "check_format",
    "make_brief",
    "parse_companies",
    "parse_window",
    "render",
    "render_html",
    "render_markdown",
]
