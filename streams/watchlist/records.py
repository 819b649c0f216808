"""What a watch list holds (immutable; built by ``load_watchlist``, no I/O here)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

__all__ = ["Company", "MaTarget", "Person", "Product", "Topic", "Watchlist"]


@dataclass(frozen=True, slots=True)
class Company:
    """A company to watch. ``id`` is ``company:<TICKER>`` (or ``company:<slug>`` if private)."""

    id: str
    name: str
    aliases: tuple[str, ...] = ()
    tickers: tuple[str, ...] = ()
    handles: tuple[str, ...] = ()  # without the leading @
    domains: tuple[str, ...] = ()  # lower case, without www.
    products: tuple[str, ...] = ()  # product ids
    competitor: bool = False
    sector: str | None = None
    ambiguous: tuple[str, ...] = ()  # aliases that need context to link, on top of the rules


@dataclass(frozen=True, slots=True)
class Product:
    """A product of a company. ``id`` is ``product:<company suffix>/<slug>``."""

    id: str
    name: str
    company: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Person:
    """An executive, analyst or thought leader. ``id`` is ``person:<slug>``."""

    id: str
    name: str
    role: str  # executive | analyst | thought_leader
    aliases: tuple[str, ...] = ()
    handles: tuple[str, ...] = ()
    company: str | None = None


@dataclass(frozen=True, slots=True)
class MaTarget:
    """A company of interest as a merger or acquisition target."""

    company: str
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Topic:
    """A topic and the keywords (or hashtags) that signal it. ``id`` is ``topic:<slug>``."""

    id: str
    name: str
    keywords: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Watchlist:
    """Everything loaded from one watch-list directory.

    ``version`` is a short hash of the files' names and contents: record it with every
    enriched post to know which watch list linked it.
    """

    version: str
    files: tuple[str, ...]
    companies: tuple[Company, ...] = ()
    products: tuple[Product, ...] = ()
    people: tuple[Person, ...] = ()
    ma_targets: tuple[MaTarget, ...] = ()
    topics: tuple[Topic, ...] = ()
    ambiguous_words: frozenset[str] = frozenset()
    _by_id: Mapping[str, Company | Product | Person | Topic] = field(
        default_factory=dict, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        index: dict[str, Company | Product | Person | Topic] = {}
        for group in (self.companies, self.products, self.people, self.topics):
            for item in group:
                index[item.id] = item
        object.__setattr__(self, "_by_id", index)

    def get(self, entity_id: str) -> Company | Product | Person | Topic | None:
        """The company, product, person or topic with this id, or None."""
        return self._by_id.get(entity_id)

    def company(self, company_id: str) -> Company | None:
        item = self._by_id.get(company_id)
        return item if isinstance(item, Company) else None

    def owner(self, entity_id: str) -> str | None:
        """The company id behind a company, product or person id (None if unknown)."""
        item = self._by_id.get(entity_id)
        if isinstance(item, Company):
            return item.id
        if isinstance(item, Product | Person):
            return item.company
        return None

    @property
    def competitor_ids(self) -> frozenset[str]:
        return frozenset(c.id for c in self.companies if c.competitor)

    @property
    def ma_target_ids(self) -> frozenset[str]:
        return frozenset(t.company for t in self.ma_targets)
