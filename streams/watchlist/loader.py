"""``load_watchlist(directory)``: read every watch-list file, validate, build a ``Watchlist``.

Error codes (``ConfigError``), each message naming the file and line:

    SCOUT-E060  the directory is missing or holds no watch-list file, or a file is named
                like one in the wrong case (``Companies.csv``)
    SCOUT-E061  a file cannot be read or parsed (encoding, YAML or CSV syntax)
    SCOUT-E062  wrong structure: unknown or missing field, wrong type
    SCOUT-E063  a bad value: id, ticker, handle, domain, boolean, role
    SCOUT-E064  a conflict: duplicate id, or a ticker/handle/domain claimed twice
    SCOUT-E065  a reference to an unknown company
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path
from typing import Any

import models
from streams.errors import ConfigError
from streams.watchlist.fields import (
    COMPANY_ID,
    E_STRUCTURE,
    E_VALUE,
    SLUG_ID,
    bool_field,
    checked,
    derived_id,
    domain,
    handle,
    list_field,
    text_field,
    ticker,
)
from streams.watchlist.files import (
    EXPECTED_NAMES,
    FILE_KINDS,
    Row,
    case_fixed_name,
    content_version,
    file_kind,
    read_rows,
    unread_kind,
    watchlist_files,
)
from streams.watchlist.records import Company, MaTarget, Person, Product, Topic, Watchlist
from streams.watchlist.text import fold, slug

__all__ = ["default_watchlist_dir", "load_watchlist"]

_log = logging.getLogger(__name__)

E_CONFLICT = "SCOUT-E064"
E_REFERENCE = "SCOUT-E065"

_ROLES = ("executive", "analyst", "thought_leader")
_FIELDS = {
    "companies": {"id", "name", "aliases", "tickers", "handles", "domains", "products"}
    | {"competitor", "sector", "ambiguous"},
    "people": {"id", "name", "aliases", "handles", "company", "role"},
    "ma_targets": {"company", "note"},
    "topics": {"id", "name", "keywords"},
}


def default_watchlist_dir() -> Path:
    """The watch lists shipped with the project (``models/watchlists``)."""
    return Path(models.__file__).resolve().parent / "watchlists"


def load_watchlist(directory: Path) -> Watchlist:
    """Read all watch-list files of ``directory``; raise ``ConfigError`` on the first problem."""
    paths = _readable(watchlist_files(directory))
    if not paths:
        raise ConfigError(
            f"no watch-list files in {directory}: expected {EXPECTED_NAMES}",
            code="SCOUT-E060",
        )
    contents: list[tuple[str, bytes]] = []
    rows: dict[str, list[Row]] = {kind: [] for kind in (*_FIELDS, "ambiguous_words")}
    for path, kind in paths:
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise ConfigError(f"{path.name}: cannot read: {exc}", code="SCOUT-E061") from exc
        contents.append((path.name, data))
        rows[kind].extend(read_rows(path, data, kind))
    for kind, allowed in _FIELDS.items():
        for row in rows[kind]:
            unknown = sorted(set(row.fields) - allowed)
            if unknown:
                raise ConfigError(
                    f"{row.where}: unknown field(s) {', '.join(unknown)}"
                    f" (allowed: {', '.join(sorted(allowed))})",
                    code=E_STRUCTURE,
                )
    claims: dict[tuple[str, str], tuple[str, str]] = {}
    companies, products = _companies(rows["companies"], claims)
    by_name = _names(companies)
    people = _people(rows["people"], companies, by_name, claims)
    return Watchlist(
        version=content_version(contents),
        files=tuple(name for name, _ in contents),
        companies=tuple(companies.values()),
        products=tuple(products),
        people=tuple(people),
        ma_targets=tuple(_ma_targets(rows["ma_targets"], companies, by_name)),
        topics=tuple(_topics(rows["topics"])),
        ambiguous_words=frozenset(fold(r.fields["word"]) for r in rows["ambiguous_words"]),
    )


_NAMES_OF = {
    kind: f"{prefix}*.txt" if kind == "ambiguous_words" else f"{prefix}*.csv|yaml|yml"
    for kind, (prefix, _key) in FILE_KINDS.items()
}


def _readable(paths: list[Path]) -> list[tuple[Path, str]]:
    """The watch-list files with their kind. A name in the wrong case (``Companies.csv``) is
    an error; a list's name with an extension that is not read (``companies.txt``) a warning."""
    for path in paths:
        fixed = case_fixed_name(path)
        if fixed is not None:
            raise ConfigError(
                f"{path.name}: watch-list file names are lower case; rename it to {fixed}"
                f" (expected {EXPECTED_NAMES})",
                code="SCOUT-E060",
            )
    readable = []
    for path in paths:
        kind = file_kind(path)
        if kind is not None:
            readable.append((path, kind))
        elif (announced := unread_kind(path)) is not None:
            _log.warning(
                "%s: ignored; a %s file must be named %s (expected %s)",
                path.name,
                announced,
                _NAMES_OF[announced],
                EXPECTED_NAMES,
            )
    return readable


Claims = dict[tuple[str, str], tuple[str, str]]


def _claim(claims: Claims, row: Row, what: str, values: list[str], owner: str) -> list[str]:
    """A ticker, handle or domain must point at one entity, or a match would be a guess."""
    for value in values:
        first, where = claims.setdefault((what, value.casefold()), (owner, row.where))
        if first != owner:
            raise ConfigError(
                f"{row.where}: {what} {value!r} of {owner} is already claimed by {first}"
                f" ({where}); keep it on one of them",
                code=E_CONFLICT,
            )
    return values


def _merge(old: tuple[str, ...], new: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys((*old, *new)))


# --- entities --------------------------------------------------------------------------


def _products_of(row: Row, company_id: str) -> list[Product]:
    value: Any = row.fields.get("products")
    entries = value if isinstance(value, list) else list_field(row, "products")
    owner = company_id.split(":", 1)[1].lower()
    products = []
    for entry in entries:
        if isinstance(entry, str):
            name, aliases = entry.strip(), []
        elif isinstance(entry, dict) and isinstance(entry.get("name"), str):
            name = entry["name"].strip()
            aliases = list_field(
                Row(row.file, row.line, {"aliases": entry.get("aliases")}), "aliases"
            )
            extra = sorted(set(entry) - {"name", "aliases"})
            if extra:
                raise ConfigError(
                    f"{row.where}: unknown product field(s) {', '.join(map(str, extra))}",
                    code=E_STRUCTURE,
                )
        else:
            raise ConfigError(
                f"{row.where}: each product must be a name or {{name, aliases}}", code=E_STRUCTURE
            )
        if name:
            products.append(Product(_product_id(owner, name), name, company_id, tuple(aliases)))
    return products


def _product_id(owner: str, name: str) -> str:
    """``product:<owner>/<slug>``; a name without Latin letters gets a short hash instead."""
    name_slug = slug(name) or "h" + hashlib.sha256(fold(name).encode()).hexdigest()[:10]
    return f"product:{owner}/{name_slug}"


def _companies(rows: list[Row], claims: Claims) -> tuple[dict[str, Company], list[Product]]:
    """Companies by id; rows with the same id (e.g. a custom file) are merged."""
    companies: dict[str, Company] = {}
    products: dict[str, Product] = {}
    first_rows: dict[tuple[str, str], Row] = {}
    for row in rows:
        company_id = text_field(row, "id", required=True) or ""
        checked(row, "id", company_id, COMPANY_ID, "expected company:<TICKER> or company:<slug>")
        first = first_rows.setdefault((row.file, company_id), row)
        if first is not row:
            raise ConfigError(
                f"{row.where}: duplicate company id {company_id} (first at line {first.line});"
                " rows with the same id are merged only across files",
                code=E_CONFLICT,
            )
        name = text_field(row, "name", required=True) or ""
        aliases = [name, *list_field(row, "aliases")]
        ambiguous = list_field(row, "ambiguous")
        for alias in ambiguous:
            if alias not in aliases and not (
                company_id in companies and alias in companies[company_id].aliases
            ):
                raise ConfigError(
                    f"{row.where}: ambiguous alias {alias!r} is not one of {company_id}'s aliases",
                    code=E_VALUE,
                )
        new_products = _products_of(row, company_id)
        for product in new_products:
            old = products.get(product.id)
            products[product.id] = (
                product
                if old is None
                else Product(
                    old.id, old.name, old.company, _merge(old.aliases, list(product.aliases))
                )
            )
        tickers = [ticker(row, t) for t in list_field(row, "tickers")]
        handles = [handle(row, h) for h in list_field(row, "handles")]
        domains = [domain(row, d) for d in list_field(row, "domains")]
        old_company = companies.get(company_id) or Company(company_id, name)
        companies[company_id] = Company(
            id=company_id,
            name=old_company.name,
            aliases=_merge(old_company.aliases, aliases),
            tickers=_merge(old_company.tickers, _claim(claims, row, "ticker", tickers, company_id)),
            handles=_merge(old_company.handles, _claim(claims, row, "handle", handles, company_id)),
            domains=_merge(old_company.domains, _claim(claims, row, "domain", domains, company_id)),
            products=_merge(old_company.products, [p.id for p in new_products]),
            competitor=old_company.competitor or bool_field(row, "competitor"),
            sector=old_company.sector or text_field(row, "sector"),
            ambiguous=_merge(old_company.ambiguous, ambiguous),
        )
    return companies, list(products.values())


def _names(companies: dict[str, Company]) -> dict[str, set[str]]:
    """Folded name or alias -> ids of the companies that have it."""
    names: dict[str, set[str]] = {}
    for company in companies.values():
        for alias in company.aliases:
            names.setdefault(fold(alias), set()).add(company.id)
    return names


def _company_ref(row: Row, companies: dict[str, Company], by_name: dict[str, set[str]]) -> str:
    ref = text_field(row, "company", required=True) or ""
    if ref.startswith("company:"):
        if ref not in companies:
            raise ConfigError(
                f"{row.where}: unknown company {ref!r}; add it to a companies file first",
                code=E_REFERENCE,
            )
        return ref
    ids = by_name.get(fold(ref), set())
    if len(ids) != 1:
        problem = "matches no company" if not ids else f"matches {', '.join(sorted(ids))}"
        raise ConfigError(
            f"{row.where}: company {ref!r} {problem}; use a company id such as company:MSFT",
            code=E_REFERENCE,
        )
    return next(iter(ids))


def _people(
    rows: list[Row], companies: dict[str, Company], by_name: dict[str, set[str]], claims: Claims
) -> list[Person]:
    people: dict[str, Person] = {}
    for row in rows:
        name = text_field(row, "name", required=True) or ""
        person_id = text_field(row, "id") or derived_id(row, "person", name)
        checked(row, "id", person_id, SLUG_ID["person"], "expected person:<slug>")
        role = text_field(row, "role", required=True) or ""
        if role not in _ROLES:
            raise ConfigError(
                f"{row.where}: role {role!r} must be one of {', '.join(_ROLES)}", code=E_VALUE
            )
        if person_id in people:
            raise ConfigError(f"{row.where}: duplicate person id {person_id}", code=E_CONFLICT)
        company = _company_ref(row, companies, by_name) if row.fields.get("company") else None
        people[person_id] = Person(
            id=person_id,
            name=name,
            role=role,
            aliases=_merge((name,), list_field(row, "aliases")),
            handles=tuple(
                _claim(
                    claims,
                    row,
                    "handle",
                    [handle(row, h) for h in list_field(row, "handles")],
                    person_id,
                )
            ),
            company=company,
        )
    return list(people.values())


def _ma_targets(
    rows: list[Row], companies: dict[str, Company], by_name: dict[str, set[str]]
) -> list[MaTarget]:
    targets: dict[str, MaTarget] = {}
    for row in rows:
        company = _company_ref(row, companies, by_name)
        targets.setdefault(company, MaTarget(company, text_field(row, "note")))
    return list(targets.values())


def _topics(rows: list[Row]) -> list[Topic]:
    topics: dict[str, Topic] = {}
    for row in rows:
        name = text_field(row, "name", required=True) or ""
        topic_id = text_field(row, "id") or derived_id(row, "topic", name)
        checked(row, "id", topic_id, SLUG_ID["topic"], "expected topic:<slug>")
        if topic_id in topics:
            raise ConfigError(f"{row.where}: duplicate topic id {topic_id}", code=E_CONFLICT)
        keywords = list_field(row, "keywords")
        if not keywords:
            raise ConfigError(f"{row.where}: topic {topic_id} has no keywords", code=E_STRUCTURE)
        topics[topic_id] = Topic(topic_id, name, tuple(dict.fromkeys(keywords)))
    return list(topics.values())
