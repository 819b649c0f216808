"""Feed documents for the rss kind's tests: RSS 2.0, RSS 1.0 (RDF) and Atom, built from
``(guid, title, body, link, published)`` items so a test can rotate guids or add items."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from xml.sax.saxutils import escape

BASE = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


@dataclass(frozen=True)
class Item:
    guid: str | None
    title: str
    body: str
    link: str | None
    published: datetime


def items(prefix: str, n: int, *, host: str = "https://news.example.org") -> list[Item]:
    return [
        Item(
            guid=f"urn:{prefix}:{i}",
            title=f"{prefix} headline {i}",
            body=f"<p>Story {i} of {prefix}: <b>Acme</b> and Globex talk.</p>",
            link=f"{host}/{prefix}/{i}",
            published=BASE + timedelta(hours=i),
        )
        for i in range(n)
    ]


def rss2(entries: list[Item], *, title: str = "Example News") -> bytes:
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>',
        f"<title>{escape(title)}</title><link>https://news.example.org/</link>",
        "<description>news</description><language>en-us</language>",
    ]
    for item in entries:
        parts.append("<item>")
        parts.append(f"<title>{escape(item.title)}</title>")
        if item.link:
            parts.append(f"<link>{escape(item.link)}</link>")
        if item.guid:
            parts.append(f'<guid isPermaLink="false">{escape(item.guid)}</guid>')
        parts.append(f"<description>{escape(item.body)}</description>")
        parts.append(f"<pubDate>{format_datetime(item.published, usegmt=True)}</pubDate>")
        parts.append("</item>")
    parts.append("</channel></rss>")
    return "".join(parts).encode()


def rss1(entries: list[Item], *, title: str = "Example RDF") -> bytes:
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>\n<rdf:RDF'
        ' xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"'
        ' xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">',
        f'<channel rdf:about="https://rdf.example.org/"><title>{escape(title)}</title>'
        "<link>https://rdf.example.org/</link><description>rdf</description></channel>",
    ]
    for item in entries:
        about = item.guid or item.link or ""
        parts.append(f'<item rdf:about="{escape(about)}">')
        parts.append(f"<title>{escape(item.title)}</title>")
        if item.link:
            parts.append(f"<link>{escape(item.link)}</link>")
        parts.append(f"<description>{escape(item.body)}</description>")
        parts.append(f"<dc:date>{item.published.isoformat()}</dc:date>")
        parts.append("</item>")
    parts.append("</rdf:RDF>")
    return "".join(parts).encode()


def atom(entries: list[Item], *, title: str = "Example Atom") -> bytes:
    parts = [
        '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">',
        f"<title>{escape(title)}</title><id>urn:atom:feed</id>",
        f"<updated>{BASE.isoformat()}</updated>",
    ]
    for item in entries:
        parts.append("<entry>")
        parts.append(f"<title>{escape(item.title)}</title>")
        if item.guid:
            parts.append(f"<id>{escape(item.guid)}</id>")
        if item.link:
            parts.append(f'<link href="{escape(item.link)}"/>')
        parts.append(f'<summary type="html">{escape(item.body)}</summary>')
        parts.append(f"<published>{item.published.isoformat()}</published>")
        parts.append(f"<updated>{item.published.isoformat()}</updated>")
        parts.append("<author><name>Jane Doe</name></author>")
        parts.append("</entry>")
    parts.append("</feed>")
    return "".join(parts).encode()
