"""EDGAR current-filings Atom -> one Post-shaped item per filing (pure).

The Atom (``browse-edgar?action=getcurrent&output=atom``) has one ``entry`` per filing
and party::

    <entry>
      <title>SC TO-T - TARGET INC (0000111111) (Subject)</title>
      <link rel="alternate" type="text/html" href=".../0000222222-26-000007-index.htm"/>
      <summary type="html"> &lt;b&gt;Filed:&lt;/b&gt; 2026-12-04 &lt;b&gt;AccNo:&lt;/b&gt;
        0000222222-26-000007 &lt;b&gt;Size:&lt;/b&gt; 1 MB</summary>
      <updated>2026-12-04T16:05:12-05:00</updated>
      <category scheme="https://www.sec.gov/" label="form type" term="SC TO-T"/>
      <id>urn:tag:sec.gov,2008:accession-number=0000222222-26-000007</id>
    </entry>

A filing about another company comes twice, as ``(Subject)`` and ``(Filed by)``; a
company's own filing once, as ``(Filer)``. An 8-K's summary lists its items after the
size, one per ``<br>``: ``Item 2.01: Completion of Acquisition or Disposition of Assets``.

A filing becomes a post with its accession number as ``id`` (the same filing read again,
under any form's feed, has the same id), ``source: edgar``, a news-like ``text`` ("8-K
filed by ACME CORP (CIK 0000123456): Item 2.01 Completion of Acquisition or Disposition
of Assets"), the filer as author (``name``, ``handle`` its CIK), the filing index as
``url``, the acceptance time as ``created_at`` and a ``filing`` record (form, items,
filer, subject) that the M&A signal reads.
"""

from __future__ import annotations

import calendar
import json
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import feedparser

from streams.backfill.formats.html import html_to_text
from streams.sources.errors import E_NOT_A_FEED, SourceFetchError

__all__ = ["FilingItem", "parse_filings"]

SOURCE = "edgar"

_TITLE = re.compile(
    r"^\s*(?P<form>.+?)\s+-\s+(?P<name>.+?)\s+\((?P<cik>\d{1,10})\)\s*(?:\((?P<role>[^)]*)\))?\s*$"
)
_ACCESSION = re.compile(r"(\d{10}-\d{2}-\d{6})")
_ITEM = re.compile(r"^\s*Item\s+(?P<number>\d{1,2}\.\d{2})\s*:?\s*(?P<title>.*?)\s*$", re.I)
_BREAK = re.compile(r"<br\s*/?>", re.I)

FORM_NAMES = {
    "SC TO-T": "tender offer statement",
    "SC 14D9": "solicitation/recommendation statement on a tender offer",
    "DEFM14A": "definitive merger proxy",
    "PREM14A": "preliminary merger proxy",
    "S-4": "registration of securities for a business combination",
    "425": "business combination communication",
}


@dataclass
class FilingItem:
    """One filing (its entries merged): ``obj`` is Post-shaped."""

    accession: str
    updated: str  # ISO, UTC
    obj: dict[str, Any]
    raw: bytes = field(repr=False)


@dataclass
class _Party:
    name: str
    cik: str
    role: str


@dataclass
class _Filing:
    accession: str
    form: str
    updated: datetime
    link: str | None
    items: list[tuple[str, str]]
    parties: list[_Party]


def parse_filings(data: bytes, *, url: str) -> list[FilingItem]:
    """The filings of one Atom document, oldest first; ``SourceFetchError`` (SCOUT-E707)
    when it is not an Atom feed."""
    parsed = feedparser.parse(data, response_headers={"content-location": url})
    if not parsed.get("version") and not parsed.entries:
        raise SourceFetchError(
            f"{url} did not answer an EDGAR Atom feed: {parsed.get('bozo_exception')}",
            code=E_NOT_A_FEED,
        )
    filings: dict[str, _Filing] = {}
    for entry in parsed.entries:
        read = _entry(entry)
        if read is None:
            continue
        known = filings.get(read.accession)
        if known is None:
            filings[read.accession] = read
            continue
        for party in read.parties:
            if all(p.cik != party.cik for p in known.parties):
                known.parties.append(party)
        known.items = known.items or read.items
    ordered = sorted(filings.values(), key=lambda f: (f.updated, f.accession))
    return [_item(f) for f in ordered]


def _entry(entry: Any) -> _Filing | None:
    accession = _ACCESSION.search(str(entry.get("id") or "")) or _ACCESSION.search(
        str(entry.get("summary") or "")
    )
    title = _TITLE.match(html_to_text(str(entry.get("title") or "")))
    when = entry.get("updated_parsed") or entry.get("published_parsed")
    if accession is None or title is None or not when:
        return None
    terms = [t.get("term") for t in entry.get("tags") or [] if t.get("term")]
    form = " ".join(str(terms[0] if terms else title["form"]).split())
    items = []
    for part in _BREAK.split(str(entry.get("summary") or "")):
        found = _ITEM.match(html_to_text(part))
        if found:
            items.append((found["number"], found["title"]))
    party = _Party(
        name=" ".join(title["name"].split()),
        cik=title["cik"].zfill(10),
        role=(title["role"] or "Filer").strip(),
    )
    return _Filing(
        accession=accession.group(1),
        form=form,
        updated=datetime.fromtimestamp(calendar.timegm(when), tz=UTC),
        link=entry.get("link") or None,
        items=items,
        parties=[party],
    )


def _item(filing: _Filing) -> FilingItem:
    subject = next((p for p in filing.parties if p.role.lower() == "subject"), None)
    filer = next((p for p in filing.parties if p is not subject), subject or filing.parties[0])
    if subject is not None and subject.cik == filer.cik:
        subject = None
    text = f"{filing.form} filed by {filer.name} (CIK {filer.cik})"
    if subject is not None:
        text += f" about {subject.name} (CIK {subject.cik})"
    described = FORM_NAMES.get(filing.form.removesuffix("/A"))
    if filing.items:
        text += ": " + "; ".join(f"Item {n} {t}".strip() for n, t in filing.items)
    elif described:
        text += f": {described}"
    obj: dict[str, Any] = {
        "id": filing.accession,
        "text": text,
        "source": SOURCE,
        "url": filing.link,
        "created_at": filing.updated.isoformat(),
        "author": {"name": filer.name, "handle": filer.cik},
        "lang": "en",
        "filing": {
            "form": filing.form,
            "items": [n for n, _ in filing.items],
            "accession": filing.accession,
            "company": filer.name,
            "cik": filer.cik,
            "subject": subject.name if subject else None,
            "subject_cik": subject.cik if subject else None,
        },
    }
    if obj["url"] is None:
        obj.pop("url")
    raw = json.dumps(obj, ensure_ascii=False).encode("utf-8", "surrogatepass")
    return FilingItem(filing.accession, filing.updated.isoformat(), obj, raw)
