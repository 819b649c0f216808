"""The boardroom brief: what happened in a time window, every claim cited to its posts.

Built by ``streams.brief`` from the posts index; rendered as Markdown, HTML or JSON by
``scout brief`` and ``GET /brief``. Every item (development, deal, move, voice) carries at
least one :class:`Citation`: the record cannot hold an uncited claim.

Counts of posts (in the window, about watched companies, news, per company) are
Elasticsearch's counts over the whole window. Developments, deals and moves are built only
from ``news`` posts whose category signal reaches ``min_signal``, and from a sample of
those (the most influential); ``considered`` says how many of how many.
"""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field, computed_field

from models.signals import MAStatus, Party

# 2: items come from news posts only (``posts_news``, ``posts_unclassified``,
# ``posts_by_category``, ``min_signal``; ``CompanySection.news``; ``Development.authors``);
# ``considered`` counts against the news posts.
BRIEF_SCHEMA_VERSION = 2


def considered(read: int, total: int) -> str:
    """``"3 of 12 considered"``."""
    return f"{read} of {total} considered"


class Citation(BaseModel):
    """One post that supports a claim."""

    model_config = ConfigDict(frozen=True)

    post_id: str
    doc_id: str
    source: str
    url: str | None = None
    author: str | None = Field(None, description="The author's handle, without @.")
    created_at: datetime | None = None


class Development(BaseModel):
    """One story about a company: near-duplicate reposts collapsed into ``copies``."""

    model_config = ConfigDict(frozen=True)

    headline: str = Field(description="The text of the story's representative post.")
    copies: int = Field(ge=1, description="Posts in the story (the original and its reposts).")
    authors: int = Field(
        1, ge=1, description="Independent authors of the story (copies by one author count once)."
    )
    engagement: int = Field(0, ge=0, description="Engagement received, summed over the copies.")
    influence: float = Field(0.0, ge=0.0, description="The highest author influence (0..100).")
    sentiment: str | None = None
    tags: tuple[str, ...] = Field((), description="Signals in the story: ma, move.")
    citations: tuple[Citation, ...] = Field(min_length=1)


class CompanySection(BaseModel):
    """The main developments about one watched company."""

    model_config = ConfigDict(frozen=True)

    company_id: str
    name: str
    posts: int = Field(ge=0, description="Posts in the window about the company (all of them).")
    news: int | None = Field(
        None,
        ge=0,
        description="Of those, the news posts at or above the brief's signal (all of them);"
        " None: not counted (as many as posts).",
    )
    posts_considered: int = Field(
        0, ge=0, description="Of the news, the posts read to find its developments (the sample)."
    )
    developments: tuple[Development, ...]

    @property
    def news_posts(self) -> int:
        return self.posts if self.news is None else self.news

    @computed_field  # type: ignore[prop-decorator]
    @property
    def considered(self) -> str:
        """``"N of M considered"``: how much of the company's news the developments saw."""
        return considered(self.posts_considered, self.news_posts)


class Deal(BaseModel):
    """An M&A rumour or announcement, with the posts that report it."""

    model_config = ConfigDict(frozen=True)

    acquirer: Party | None = None
    target: Party | None = None
    amount: str | None = None
    status: MAStatus | None = Field(None, description="As of the latest post reporting it.")
    statuses: tuple[MAStatus, ...] = Field((), description="Every status seen, oldest first.")
    headline: str
    copies: int = Field(ge=1)
    citations: tuple[Citation, ...] = Field(min_length=1)


class Move(BaseModel):
    """An executive move or hiring signal."""

    model_config = ConfigDict(frozen=True)

    person: str | None = None
    organisation: str | None = None
    organisation_id: str | None = None
    role: str | None = None
    direction: str
    headline: str
    copies: int = Field(ge=1)
    citations: tuple[Citation, ...] = Field(min_length=1)


class RisingVoice(BaseModel):
    """An author whose activity in the window outgrew their own baseline."""

    model_config = ConfigDict(frozen=True)

    handle: str
    recent_posts: int = Field(ge=0)
    baseline_posts: float = Field(ge=0.0, description="Posts per window before this one.")
    growth: float
    score: float
    citations: tuple[Citation, ...] = Field(min_length=1)


class Brief(BaseModel):
    """A brief over ``[since, until)``. Empty sections mean nothing of that kind happened."""

    model_config = ConfigDict(frozen=True)

    schema_version: int = BRIEF_SCHEMA_VERSION
    since: datetime
    until: datetime
    generated_at: datetime
    posts_in_window: int = Field(ge=0, description="Every post indexed for the window.")
    posts_about: int = Field(
        0,
        ge=0,
        description="Posts of the window about watched companies, deals or executive moves.",
    )
    min_signal: float = Field(
        0.0, ge=0.0, le=1.0, description="Lowest category signal of a news post the brief uses."
    )
    posts_news: int = Field(
        0,
        ge=0,
        description="Of posts_about, the news posts at or above min_signal: the only posts"
        " developments, deals and moves are built from.",
    )
    posts_unclassified: int = Field(
        0,
        ge=0,
        description="Of posts_about, posts without a category (enriched before the classifier):"
        " left out.",
    )
    posts_by_category: dict[str, int] = Field(
        default_factory=dict,
        description="posts_about by category label (spam, chatter, news, other).",
    )
    posts_considered: int = Field(
        ge=0, description="Of posts_news, those read to build the brief (the most influential)."
    )
    companies_filter: tuple[str, ...] = ()
    companies: tuple[CompanySection, ...] = ()
    deals: tuple[Deal, ...] = ()
    moves: tuple[Move, ...] = ()
    rising_voices: tuple[RisingVoice, ...] = ()

    @computed_field  # type: ignore[prop-decorator]
    @property
    def considered(self) -> str:
        """``"N of M considered"``: how much of ``posts_news`` the brief was built from."""
        return considered(self.posts_considered, self.posts_news)

    @property
    def is_empty(self) -> bool:
        """Nothing to report: no company news, deal, move or rising voice."""
        return not (self.companies or self.deals or self.moves or self.rising_voices)
