"""``build_brief``: enriched posts of a window -> :class:`~models.brief.Brief` (pure).

Items are built only from **news** posts (:func:`is_news`: category ``news`` with a signal
of at least ``BriefLimits.min_signal``): spam, chatter, ``other`` and posts not classified
yet (enriched before the classifier) are counted, never shown. ``posts`` are in production
the most influential news posts of the window (a sample); counts over the whole window come
from Elasticsearch (``posts_about``, ``posts_news``, :func:`with_company_counts`), and the
brief says how many of how many were considered.

* **Companies**: every watched company (``company:*`` ids linked in the posts, as deal
  parties or as the organisation of a move) with its main developments: the stories
  (:mod:`streams.brief.stories`, reposts and near-duplicates collapsed) that mention it,
  heaviest first (independent authors, influence, engagement). Companies are ranked by the
  weight of their stories, each story's weight shared among the companies it names, so a
  post listing ten tickers does not lift ten companies; a company named only in a ticker
  list tagging a post (three or more cashtags in a row) does not list it at all.
* **Deals**: M&A posts grouped by (acquirer, target); status as of the latest post, every
  status seen, the amount from the most influential post that gives one.
* **Moves**: executive moves grouped by (person, organisation, direction, role).
* **Rising voices**: authors ranked by :func:`streams.index.leaders.rank_voices`, each cited
  to their own news posts in the window (a voice without a news post to cite is left out).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from models.brief import Brief, CompanySection, Deal, Development, Move, RisingVoice
from models.enriched import EnrichedPost, Entity
from models.signals import ExecMove, MAStatus, Party
from streams.brief.stories import Story, citations, group_stories, headline_of
from streams.brief.window import BriefWindow
from streams.index.leaders import Voice
from streams.signals.spans import ticker_lists

__all__ = ["BriefLimits", "build_brief", "company_ids", "is_news", "with_company_counts"]

_EPOCH = datetime.min.replace(tzinfo=UTC)


@dataclass(frozen=True)
class BriefLimits:
    posts: int = 1000  # the most influential posts read to build the items (the sample)
    companies: int = 10
    developments: int = 5
    deals: int = 10
    moves: int = 10
    voices: int = 5
    citations: int = 5
    min_signal: float = 0.5  # the lowest category signal of a news post the brief uses


def is_news(post: EnrichedPost, min_signal: float) -> bool:
    """A post the brief may use: category ``news`` with a signal of at least ``min_signal``
    (see :func:`streams.brief.query.news_filter`, the same test in Elasticsearch)."""
    c = post.category
    return c is not None and c.label == "news" and c.signal >= min_signal


def company_ids(post: EnrichedPost) -> set[str]:
    """Watched companies the post is about: linked entities, deal parties, move employers."""
    return _companies(post, post.entities)


def _companies(post: EnrichedPost, entities: Iterable[Entity]) -> set[str]:
    """The companies of ``entities`` (linked), the post's deal parties and move employers."""
    ids = {e.id for e in entities if e.id}
    for party in (post.ma.acquirer, post.ma.target):
        if post.ma.is_ma and party is not None and party.id:
            ids.add(party.id)
    ids.update(m.organisation_id for m in post.moves if m.organisation_id)
    return {i for i in ids if i.startswith("company:")}


def listed_under(post: EnrichedPost) -> set[str]:
    """The companies a development is listed under: :func:`company_ids` without those the
    post names only in a ticker list ("... Is Initech Ready? <link> $A $B $C $D")."""
    lists = ticker_lists(post.text)
    outside = [e for e in post.entities if not any(a <= e.start and e.end <= b for a, b in lists)]
    return _companies(post, outside)


def build_brief(
    posts: Sequence[EnrichedPost],
    *,
    window: BriefWindow,
    generated_at: datetime,
    posts_in_window: int,
    posts_about: int | None = None,
    posts_news: int | None = None,
    posts_unclassified: int | None = None,
    posts_by_category: Mapping[str, int] | None = None,
    company_names: Mapping[str, str] | None = None,
    companies: Sequence[str] = (),
    rising: Sequence[Voice] = (),
    voice_posts: Mapping[str, Sequence[EnrichedPost]] | None = None,
    limits: BriefLimits = BriefLimits(),  # noqa: B008 - frozen dataclass
) -> Brief:
    """The brief over ``posts`` (those outside ``window`` are ignored).

    ``companies`` restricts every section to posts about those company ids. ``rising`` are
    candidate voices (best first); ``voice_posts`` their posts in the window by lower-case
    handle (posts of ``posts`` by the same author are used too). ``posts_about`` is the
    count of posts about watched companies, deals or moves that ``posts`` were sampled
    from (default: ``posts`` are all of them); ``posts_news``, ``posts_unclassified`` and
    ``posts_by_category`` break it down (default: counted in ``posts``). Per-company counts
    come from the sample until :func:`with_company_counts` sets the true ones. Only news
    posts (:func:`is_news`) make developments, deals, moves and voices' citations.
    """
    wanted = set(companies)
    inside = [p for p in _unique(posts) if _in_window(p, window)]
    if wanted:
        inside = [p for p in inside if company_ids(p) & wanted]
    news = [p for p in inside if is_news(p, limits.min_signal)]
    labels = Counter(p.category.label for p in inside if p.category is not None)
    stories = group_stories(news)
    about = max(posts_about or 0, len(inside))
    return Brief(
        since=window.since,
        until=window.until,
        generated_at=generated_at,
        posts_in_window=max(posts_in_window, about),
        posts_about=about,
        min_signal=limits.min_signal,
        posts_news=max(posts_news or 0, len(news)),
        posts_unclassified=(
            sum(1 for p in inside if p.category is None)
            if posts_unclassified is None
            else posts_unclassified
        ),
        posts_by_category=dict(sorted((posts_by_category or labels).items())),
        posts_considered=len(news),
        companies_filter=tuple(companies),
        companies=_company_sections(stories, company_names or {}, wanted, limits),
        deals=_deals(stories, limits),
        moves=_moves(stories, limits),
        rising_voices=_voices(rising, news, voice_posts or {}, window, wanted, limits),
    )


def _unique(posts: Iterable[EnrichedPost]) -> list[EnrichedPost]:
    return list({p.doc_id: p for p in posts}.values())


def _in_window(post: EnrichedPost, window: BriefWindow) -> bool:
    return post.created_at is not None and window.since <= post.created_at < window.until


# --- companies ---------------------------------------------------------------------------


def _development(story: Story, limits: BriefLimits) -> Development:
    tags = []
    if any(p.ma.is_ma for p in story.posts):
        tags.append("ma")
    if any(p.moves for p in story.posts):
        tags.append("move")
    return Development(
        headline=headline_of(story.head),
        copies=len(story.posts),
        authors=story.authors,
        engagement=story.engagement,
        influence=round(story.influence, 2),
        sentiment=story.head.sentiment.label if story.head.sentiment else None,
        tags=tuple(tags),
        citations=citations([story], limit=limits.citations),
    )


def _company_name(company: str, stories: Sequence[Story], names: Mapping[str, str]) -> str:
    if company in names:
        return names[company]
    written = Counter(
        e.text for s in stories for p in s.posts for e in p.entities if e.id == company
    )
    return written.most_common(1)[0][0] if written else company.removeprefix("company:")


def _company_sections(
    stories: Sequence[Story], names: Mapping[str, str], wanted: set[str], limits: BriefLimits
) -> tuple[CompanySection, ...]:
    by_company: dict[str, list[Story]] = {}
    shares: dict[str, float] = {}
    for story in stories:  # heaviest first, so each list stays ordered
        named = sorted(set().union(*(listed_under(p) for p in story.posts)))
        for company in named:
            shares[company] = shares.get(company, 0.0) + story.weight / len(named)
            if not wanted or company in wanted:
                by_company.setdefault(company, []).append(story)
    ranked = sorted(by_company.items(), key=lambda kv: (-shares[kv[0]], kv[0]))
    if not wanted:
        ranked = ranked[: limits.companies]
    sections = []
    for company, company_stories in ranked:
        read = sum(1 for s in company_stories for p in s.posts if company in company_ids(p))
        sections.append(
            CompanySection(
                company_id=company,
                name=_company_name(company, company_stories, names),
                posts=read,
                news=read,
                posts_considered=read,
                developments=tuple(
                    _development(s, limits) for s in company_stories[: limits.developments]
                ),
            )
        )
    return tuple(sections)


def with_company_counts(
    brief: Brief, counts: Mapping[str, int], news: Mapping[str, int] | None = None
) -> Brief:
    """``brief`` with each company's post count taken from ``counts`` and its news count
    from ``news`` (Elasticsearch's, over the whole window) where given; the sampled count
    stays as ``posts_considered``."""
    news = news or {}

    def counted(s: CompanySection) -> CompanySection:
        update: dict[str, int] = {}
        if s.company_id in news:
            update["news"] = max(news[s.company_id], s.posts_considered)
        if s.company_id in counts:
            update["posts"] = max(counts[s.company_id], update.get("news", s.posts_considered))
        return s.model_copy(update=update)

    return brief.model_copy(update={"companies": tuple(counted(s) for s in brief.companies)})


# --- deals -------------------------------------------------------------------------------


def _party_key(party: Party | None) -> str | None:
    if party is None:
        return None
    return party.id or " ".join(party.name.casefold().split())


def _best_party(parties: Iterable[Party | None]) -> Party | None:
    found = [p for p in parties if p is not None]
    linked = [p for p in found if p.id]
    best = linked or found
    return best[0] if best else None


def _by_key(
    stories: Sequence[Story], keys: Mapping[str, Sequence[tuple[str, ...]]]
) -> dict[tuple[str, ...], list[tuple[Story, list[EnrichedPost]]]]:
    """Group the posts of ``stories`` by their keys, keeping the stories apart."""
    groups: dict[tuple[str, ...], list[tuple[Story, list[EnrichedPost]]]] = {}
    for story in stories:
        for post in story.posts:
            for key in keys.get(post.doc_id, ()):
                entries = groups.setdefault(key, [])
                if not entries or entries[-1][0] is not story:
                    entries.append((story, []))
                entries[-1][1].append(post)
    return groups


def _sub_stories(entries: Sequence[tuple[Story, list[EnrichedPost]]]) -> list[Story]:
    """The part of each story that carries this item (order kept from the story)."""
    return [Story(tuple(posts)) for _, posts in entries]


def _deals(stories: Sequence[Story], limits: BriefLimits) -> tuple[Deal, ...]:
    keys: dict[str, list[tuple[str, ...]]] = {}
    for i, story in enumerate(stories):
        for post in story.posts:
            if post.ma.is_ma:
                acquirer, target = _party_key(post.ma.acquirer), _party_key(post.ma.target)
                key = (acquirer or "", target or "") if acquirer or target else (f"story:{i}",)
                keys[post.doc_id] = [key]
    deals = []
    for entries in _by_key(stories, keys).values():
        parts = _sub_stories(entries)
        posts = [p for s in parts for p in s.posts]
        chronological = sorted(posts, key=lambda p: (p.created_at or _EPOCH, p.doc_id))
        statuses: list[MAStatus] = []
        for post in chronological:
            if post.ma.status and post.ma.status not in statuses:
                statuses.append(post.ma.status)
        latest = [p.ma.status for p in chronological if p.ma.status]
        amounts = [p.ma.amount for s in parts for p in s.posts if p.ma.amount]
        deals.append(
            (
                sum(s.weight for s in parts),
                Deal(
                    acquirer=_best_party(p.ma.acquirer for p in posts),
                    target=_best_party(p.ma.target for p in posts),
                    amount=amounts[0] if amounts else None,
                    status=latest[-1] if latest else None,
                    statuses=tuple(statuses),
                    headline=headline_of(parts[0].head),
                    copies=len(posts),
                    citations=citations(parts, limit=limits.citations),
                ),
            )
        )
    deals.sort(key=lambda wd: -wd[0])
    return tuple(d for _, d in deals[: limits.deals])


# --- moves -------------------------------------------------------------------------------


def _move_key(move: ExecMove) -> tuple[str, ...]:
    def norm(text: str | None) -> str:
        return " ".join((text or "").casefold().split())

    organisation = move.organisation_id or norm(move.organisation)
    return (norm(move.person), organisation, move.direction, norm(move.role))


def _moves(stories: Sequence[Story], limits: BriefLimits) -> tuple[Move, ...]:
    keys: dict[str, list[tuple[str, ...]]] = {}
    found: dict[tuple[str, ...], ExecMove] = {}
    for story in stories:
        for post in story.posts:
            for move in post.moves:
                key = _move_key(move)
                keys.setdefault(post.doc_id, []).append(key)
                found.setdefault(key, move)
    moves = []
    for key, entries in _by_key(stories, keys).items():
        parts = _sub_stories(entries)
        move = found[key]
        moves.append(
            (
                sum(s.weight for s in parts),
                Move(
                    person=move.person,
                    organisation=move.organisation,
                    organisation_id=move.organisation_id,
                    role=move.role,
                    direction=move.direction,
                    headline=headline_of(parts[0].head),
                    copies=sum(len(s.posts) for s in parts),
                    citations=citations(parts, limit=limits.citations),
                ),
            )
        )
    moves.sort(key=lambda wm: -wm[0])
    return tuple(m for _, m in moves[: limits.moves])


# --- rising voices -----------------------------------------------------------------------


def _voices(
    rising: Sequence[Voice],
    inside: Sequence[EnrichedPost],
    voice_posts: Mapping[str, Sequence[EnrichedPost]],
    window: BriefWindow,
    wanted: set[str],
    limits: BriefLimits,
) -> tuple[RisingVoice, ...]:
    out: list[RisingVoice] = []
    for voice in rising:
        handle = voice.handle.lower()
        own = [
            p
            for p in _unique([*voice_posts.get(handle, ()), *inside])
            if p.author is not None
            and (p.author.handle or "").lower() == handle
            and _in_window(p, window)
            and is_news(p, limits.min_signal)
            and (not wanted or company_ids(p) & wanted)
        ]
        if not own:
            continue
        out.append(
            RisingVoice(
                handle=voice.handle,
                recent_posts=voice.recent_posts,
                baseline_posts=voice.baseline_posts,
                growth=voice.growth,
                score=voice.score,
                citations=citations(group_stories(own), limit=min(3, limits.citations)),
            )
        )
        if len(out) >= limits.voices:
            break
    return tuple(out)
