"""EDGAR current-filings Atom documents for tests (team-written, in the shape the SEC
serves at ``/cgi-bin/browse-edgar?action=getcurrent&type=<FORM>&output=atom``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape

ITEM_TITLES = {
    "1.01": "Entry into a Material Definitive Agreement",
    "2.01": "Completion of Acquisition or Disposition of Assets",
    "5.02": "Departure of Directors or Certain Officers; Election of Directors;"
    " Appointment of Certain Officers: Compensatory Arrangements of Certain Officers",
    "9.01": "Financial Statements and Exhibits",
}


@dataclass(frozen=True)
class FakeFiling:
    form: str
    company: str
    cik: str  # 10 digits
    accession: str  # 0000123456-26-000001
    updated: str  # 2026-12-04T16:05:12-05:00
    items: tuple[str, ...] = ()
    subject: tuple[str, str] | None = None  # (name, cik) of the subject company
    size: str = "245 KB"
    extra: dict[str, str] = field(default_factory=dict)


def _entry(filing: FakeFiling, name: str, cik: str, role: str) -> str:
    folder = filing.accession.replace("-", "")
    link = (
        f"https://www.sec.gov/Archives/edgar/data/{int(cik)}/{folder}/{filing.accession}-index.htm"
    )
    summary = (
        f" <b>Filed:</b> {filing.updated[:10]} <b>AccNo:</b> {filing.accession}"
        f" <b>Size:</b> {filing.size}"
    )
    for item in filing.items:
        summary += f"<br>Item {item}: {ITEM_TITLES.get(item, 'Other Events')}"
    return (
        "<entry>\n"
        f"<title>{escape(filing.form)} - {escape(name)} ({cik}) ({role})</title>\n"
        f'<link rel="alternate" type="text/html" href="{link}"/>\n'
        f'<summary type="html">{escape(summary)}</summary>\n'
        f"<updated>{filing.updated}</updated>\n"
        f'<category scheme="https://www.sec.gov/" label="form type" term="{escape(filing.form)}"/>\n'
        f"<id>urn:tag:sec.gov,2008:accession-number={filing.accession}</id>\n"
        "</entry>\n"
    )


def current_filings(
    filings: list[FakeFiling], *, updated: str = "2026-12-04T17:00:00-05:00"
) -> bytes:
    """The Atom of the latest filings, newest first, as EDGAR lists them (ISO-8859-1)."""
    entries = []
    for filing in sorted(filings, key=lambda f: f.updated, reverse=True):
        if filing.subject is not None:
            entries.append(_entry(filing, filing.subject[0], filing.subject[1], "Subject"))
            entries.append(_entry(filing, filing.company, filing.cik, "Filed by"))
        else:
            entries.append(_entry(filing, filing.company, filing.cik, "Filer"))
    return (
        '<?xml version="1.0" encoding="ISO-8859-1" ?>\n'
        '<feed xmlns="http://www.w3.org/2005/Atom">\n'
        f"<title>Latest Filings - {updated}</title>\n"
        '<link rel="alternate" href="/cgi-bin/browse-edgar?action=getcurrent"/>\n'
        '<link rel="self" href="/cgi-bin/browse-edgar?action=getcurrent"/>\n'
        "<id>https://www.sec.gov/cgi-bin/browse-edgar?action=getcurrent</id>\n"
        "<author><name>Webmaster</name><email>webmaster@sec.gov</email></author>\n"
        f"<updated>{updated}</updated>\n" + "".join(entries) + "</feed>\n"
    ).encode("iso-8859-1")
