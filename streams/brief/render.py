"""The brief as Markdown or as one self-contained HTML page (pure).

Post text is untrusted. In Markdown every character that could start markup (``<``, ``[``,
``*``, ``|``...) is backslash-escaped, so a renderer shows it as text; in HTML every text
and attribute goes through :func:`html.escape`. Links are emitted only for ``http(s)``
URLs (never ``javascript:``), percent-encoded. The HTML page loads nothing from outside
(inline style, a Content-Security-Policy that forbids scripts).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import UTC, datetime
from html import escape
from urllib.parse import quote, urlsplit

from models.brief import Brief, Citation, CompanySection, Deal, Move
from models.signals import Party
from streams.errors import ConfigError

__all__ = ["FORMATS", "check_format", "render", "render_html", "render_markdown", "safe_url"]

# format -> media type
FORMATS = {
    "md": "text/markdown; charset=utf-8",
    "html": "text/html; charset=utf-8",
    "json": "application/json",
}

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&])")
_URL_SAFE = ":/?#@!$&'*+,;=%-._~"


def safe_url(url: str | None) -> str | None:
    """An ``http(s)`` URL, percent-encoded where needed; None for anything else."""
    if not url:
        return None
    text = url.strip()
    try:
        parts = urlsplit(text)
    except ValueError:
        return None
    if parts.scheme.lower() not in {"http", "https"} or not parts.netloc:
        return None
    return quote(text, safe=_URL_SAFE)


def _posts(count: int) -> str:
    return f"{count} post" if count == 1 else f"{count} posts"


def _authors(count: int) -> str:
    return "1 author" if count == 1 else f"{count} independent authors"


def _when(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")


def _title(brief: Brief) -> str:
    return f"Boardroom brief: {_when(brief.since)} to {_when(brief.until)}"


def _party(party: Party | None) -> str:
    if party is None:
        return "?"
    return f"{party.name} ({party.id})" if party.id else party.name


def _deal_line(deal: Deal) -> str:
    parts = [f"{_party(deal.acquirer)} → {_party(deal.target)}"]
    if deal.amount:
        parts.append(deal.amount)
    parts.append(deal.status or "status unknown")
    if len(deal.statuses) > 1:
        parts.append("seen as " + " → ".join(deal.statuses))
    return ", ".join(parts)


def _move_line(move: Move) -> str:
    who = move.person or "Someone"
    org = move.organisation or move.organisation_id
    verbs = {"joins": "joins", "leaves": "leaves", "promoted": "is promoted at"}
    if move.direction == "hiring":
        text = f"{org or 'An organisation'} is hiring"
        return f"{text} a {move.role}" if move.role else text
    if move.direction == "layoffs":
        return f"{org or 'An organisation'} cuts jobs"
    if move.direction == "reshuffle":
        return f"{org or 'An organisation'} reshuffles its management"
    if move.direction == "succession":
        return f"{org or 'An organisation'} is choosing a {move.role or 'new leader'}"
    text = f"{who} {verbs.get(move.direction, move.direction)}"
    if org:
        text += f" {org}"
    return f"{text} as {move.role}" if move.role else text


def _categories(brief: Brief) -> str:
    others = [f"{n} {label}" for label, n in brief.posts_by_category.items() if label != "news"]
    if brief.posts_unclassified:
        others.append(f"{brief.posts_unclassified} not classified yet (`scout reprocess`)")
    return ", ".join(others)


def _summary(brief: Brief) -> str:
    text = f"{brief.posts_in_window} posts in the window, {brief.posts_about} about"
    text += " watched companies, deals or executive moves"
    text += f"; {brief.posts_news} of them news with a signal of at least {brief.min_signal:g}"
    text += ", the only posts developments, deals, moves and voices are built from"
    left_out = _categories(brief)
    text += f" (left out: {left_out})." if left_out else "."
    if brief.posts_considered < brief.posts_news:
        text += (
            f" They come from the most influential news posts"
            f" ({brief.considered}); post counts are over the whole window."
        )
    if brief.companies_filter:
        text += " Companies: " + ", ".join(brief.companies_filter) + "."
    return text


def _company_posts(section: CompanySection) -> str:
    text = _posts(section.posts)
    if section.news_posts < section.posts:
        text += f", {section.news_posts} news"
    if section.posts_considered < section.news_posts:
        text += f" ({section.considered})"
    return text


def _empty_note(brief: Brief) -> str:
    if brief.posts_in_window == 0:
        return "Nothing in this window: no posts were indexed between these times."
    if brief.posts_about:
        return (
            f"Nothing in this window: none of its {_posts(brief.posts_about)} about watched"
            " companies, deals or executive moves is news with a strong enough signal."
        )
    return (
        "Nothing in this window: none of its posts is about a watched company, a deal or an"
        " executive move, and no voice is rising."
    )


# --- Markdown ----------------------------------------------------------------------------


def _md(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def _md_citation(number: int, c: Citation) -> str:
    label = _md(f"{c.source}:{c.post_id}")
    url = safe_url(c.url)
    out = f"[{number}] [{label}]({url})" if url else f"[{number}] {label}"
    return f"{out} by @{_md(c.author)}" if c.author else out


def _md_sources(citations: Sequence[Citation], copies: int) -> list[str]:
    lines = [f"  - {_md_citation(i, c)}" for i, c in enumerate(citations, 1)]
    if copies > len(citations):
        lines.append(f"  - … and {copies - len(citations)} more near-identical posts")
    return lines


def render_markdown(brief: Brief) -> str:
    lines = [f"# {_md(_title(brief))}", "", _md(_summary(brief)), ""]
    if brief.is_empty:
        return "\n".join([*lines, f"**{_md(_empty_note(brief))}**", ""])
    lines += ["## Main developments by company", ""]
    if not brief.companies:
        lines += ["_None in this window._", ""]
    for section in brief.companies:
        lines += [
            f"### {_md(section.name)} ({_md(section.company_id)}): {_company_posts(section)}",
            "",
        ]
        for d in section.developments:
            facts = [_posts(d.copies), _authors(d.authors), f"engagement {d.engagement}"]
            facts.append(f"top influence {d.influence:g}")
            if d.tags:
                facts.append("signals: " + ", ".join(d.tags))
            lines.append(f"- “{_md(d.headline)}” ({_md('; '.join(facts))})")
            lines += _md_sources(d.citations, d.copies)
        lines.append("")
    lines += ["## M&A rumours and announcements", ""]
    for deal in brief.deals:
        lines.append(f"- **{_md(_deal_line(deal))}**: “{_md(deal.headline)}”")
        lines += _md_sources(deal.citations, deal.copies)
    lines += ["_None in this window._", ""] if not brief.deals else [""]
    lines += ["## Executive moves", ""]
    for move in brief.moves:
        lines.append(f"- **{_md(_move_line(move))}**: “{_md(move.headline)}”")
        lines += _md_sources(move.citations, move.copies)
    lines += ["_None in this window._", ""] if not brief.moves else [""]
    lines += ["## Rising voices", ""]
    for v in brief.rising_voices:
        lines.append(
            f"- **@{_md(v.handle)}**: {_posts(v.recent_posts)} in the window against"
            f" {v.baseline_posts:g} per window before (growth ×{v.growth:g})"
        )
        lines += _md_sources(v.citations, len(v.citations))
    lines += ["_None in this window._", ""] if not brief.rising_voices else [""]
    return "\n".join(lines)


# --- HTML --------------------------------------------------------------------------------

_STYLE = (
    "body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;"
    "color:#1d2430;line-height:1.45}h1{font-size:1.5rem}h2{border-bottom:1px solid #ccd;"
    "padding-bottom:.2rem;margin-top:2rem}.meta,.facts{color:#5a6372;font-size:.9rem}"
    "ol.sources{font-size:.85rem;color:#5a6372}blockquote{margin:.3rem 0;padding-left:.8rem;"
    "border-left:3px solid #ccd}.empty{font-weight:bold}"
)
_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; base-uri 'none'"


def _h(text: str) -> str:
    return escape(text, quote=True)


def _html_citation(c: Citation) -> str:
    label = _h(f"{c.source}:{c.post_id}")
    url = safe_url(c.url)
    out = f'<a href="{_h(url)}" rel="noopener noreferrer nofollow">{label}</a>' if url else label
    if c.author:
        out += f" by @{_h(c.author)}"
    if c.created_at is not None:
        out += f' <time datetime="{_h(c.created_at.isoformat())}">{_h(_when(c.created_at))}</time>'
    return f"<li>{out}</li>"


def _html_sources(citations: Sequence[Citation], copies: int) -> str:
    items = "".join(_html_citation(c) for c in citations)
    if copies > len(citations):
        items += f"<li>… and {copies - len(citations)} more near-identical posts</li>"
    return f'<ol class="sources">{items}</ol>'


def _html_none(items: Sequence[object]) -> str:
    return "" if items else "<p><em>None in this window.</em></p>"


def render_html(brief: Brief) -> str:
    title = _h(_title(brief))
    body = [f"<h1>{title}</h1>", f'<p class="meta">{_h(_summary(brief))}</p>']
    if brief.is_empty:
        body.append(f'<p class="empty">{_h(_empty_note(brief))}</p>')
    else:
        body.append("<h2>Main developments by company</h2>" + _html_none(brief.companies))
        for section in brief.companies:
            body.append(
                f"<h3>{_h(section.name)} <small>({_h(section.company_id)},"
                f" {_h(_company_posts(section))})</small></h3><ul>"
            )
            for d in section.developments:
                facts = (
                    f"{_posts(d.copies)} · {_authors(d.authors)} · engagement {d.engagement}"
                    f" · influence {d.influence:g}"
                )
                if d.tags:
                    facts += " · signals: " + ", ".join(d.tags)
                body.append(
                    f"<li><blockquote>{_h(d.headline)}</blockquote>"
                    f'<span class="facts">{_h(facts)}</span>'
                    f"{_html_sources(d.citations, d.copies)}</li>"
                )
            body.append("</ul>")
        body.append("<h2>M&amp;A rumours and announcements</h2>" + _html_none(brief.deals))
        body.append("<ul>")
        for deal in brief.deals:
            body.append(
                f"<li><strong>{_h(_deal_line(deal))}</strong>"
                f"<blockquote>{_h(deal.headline)}</blockquote>"
                f"{_html_sources(deal.citations, deal.copies)}</li>"
            )
        body.append("</ul><h2>Executive moves</h2>" + _html_none(brief.moves) + "<ul>")
        for move in brief.moves:
            body.append(
                f"<li><strong>{_h(_move_line(move))}</strong>"
                f"<blockquote>{_h(move.headline)}</blockquote>"
                f"{_html_sources(move.citations, move.copies)}</li>"
            )
        body.append("</ul><h2>Rising voices</h2>" + _html_none(brief.rising_voices) + "<ul>")
        for v in brief.rising_voices:
            body.append(
                f"<li><strong>@{_h(v.handle)}</strong>: {_posts(v.recent_posts)} in the window"
                f" against {v.baseline_posts:g} per window before (growth ×{v.growth:g})"
                f"{_html_sources(v.citations, len(v.citations))}</li>"
            )
        body.append("</ul>")
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{title}</title><style>{_STYLE}</style></head><body>"
        + "\n".join(body)
        + "</body></html>\n"
    )


def check_format(fmt: str) -> str:
    """``fmt`` if it is one of :data:`FORMATS`, else ``ConfigError`` SCOUT-E604."""
    if fmt not in FORMATS:
        raise ConfigError(f"bad format {fmt!r}: use one of {', '.join(FORMATS)}", code="SCOUT-E604")
    return fmt


def render(brief: Brief, fmt: str) -> tuple[str, str]:
    """(text, media type) of ``brief`` in ``fmt`` (md, html or json)."""
    check_format(fmt)
    if fmt == "md":
        text = render_markdown(brief)
    elif fmt == "html":
        text = render_html(brief)
    else:
        text = brief.model_dump_json(indent=2) + "\n"
    return text, FORMATS[fmt]
