"""What Slack and Teams say about spike and digest alerts (pure): a title, a summary line
and titled sections of lines, each line optionally linking to a post or URL."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

from models.alerts import Alert, AlertPost, DigestSummary, SpikeInfo
from streams.alerts.delivery.content import excerpt
from streams.wording import count_of

__all__ = ["Line", "Report", "duration", "report"]


@dataclass(frozen=True)
class Line:
    text: str
    url: str | None = None


@dataclass(frozen=True)
class Report:
    title: str
    summary: str
    sections: list[tuple[str, list[Line]]] = field(default_factory=list)
    url: str | None = None  # the main link (a button)


def duration(seconds: float) -> str:
    """``3600 -> "1h"``, ``5400 -> "90m"``, ``86400 -> "1d"``."""
    s = int(seconds)
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if s >= size and s % size == 0:
            return f"{s // size}{unit}"
    return f"{s}s"


def _utc(at: datetime, fmt: str = "%Y-%m-%d %H:%M") -> str:
    return at.astimezone(UTC).strftime(fmt)


def _post_line(post: AlertPost, similar: int = 0, limit: int = 160) -> Line:
    text = excerpt(post.text, limit)
    text += f" — {post.author or post.source}"
    if similar:
        text += f" (+{similar} similar)"
    return Line(text, post.url)


def _spike(alert: Alert, spike: SpikeInfo) -> Report:
    name = f"{spike.entity_name} ({spike.entity_id})" if spike.entity_name else spike.entity_id
    window = duration(spike.window_s)
    usual = f"{spike.baseline:g} per {window} over the previous {spike.baseline_windows}"
    head = (
        f"{spike.count} posts in the {window} to {_utc(spike.window_end)} UTC"
        f" ({_utc(spike.window_start, '%H:%M')}–{_utc(spike.window_end, '%H:%M')})"
    )
    versus = f"{spike.ratio:g}× the usual {usual}" if spike.ratio else f"usually 0 ({usual})"
    sections: list[tuple[str, list[Line]]] = []
    if spike.top_posts:
        sections.append(("Top posts", [_post_line(p) for p in spike.top_posts]))
    return Report(
        title=f"{alert.rule_name}: spike in {name}",
        summary=f"{head}, {versus}.",
        sections=sections,
        url=spike.top_posts[0].url if spike.top_posts else None,
    )


def _digest(alert: Alert, digest: DigestSummary) -> Report:
    span = f"{_utc(digest.start)}–{_utc(digest.end, '%H:%M')} UTC"
    if digest.period == "daily":
        span = f"{_utc(digest.start, '%Y-%m-%d')} (UTC)"
    summary = f"{count_of(digest.total, 'post')}, {span}"
    if digest.late:
        summary += f", {digest.late} of them arrived late"
    sections: list[tuple[str, list[Line]]] = []
    if digest.top_posts:
        sections.append(("Top posts", [_post_line(i.post, i.similar) for i in digest.top_posts]))
    if digest.entities:
        sections.append(
            ("Entities", [Line(", ".join(f"{c.key} ({c.count})" for c in digest.entities))])
        )
    if digest.signal_counts or digest.signals:
        names = {"ma": "M&A", "move": "exec moves", "competitor": "competitor mentions"}
        lines = []
        if digest.signal_counts:
            counts = ", ".join(
                f"{names.get(c.key, c.key)}: {c.count}" for c in digest.signal_counts
            )
            lines.append(Line(counts))
        lines += [Line(f"{names[s.type]}: {s.summary}", s.post.url) for s in digest.signals]
        sections.append(("Signals", lines))
    if digest.links:
        sections.append(("Links", [_link(c.key, c.count) for c in digest.links]))
    return Report(
        title=f"{alert.rule_name}: {digest.period} digest",
        summary=summary + ".",
        sections=sections,
    )


def _link(url: str, count: int) -> Line:
    label = f"{url.split('://', 1)[-1][:120]} ({count})"
    return Line(label, url if url.startswith(("http://", "https://")) else None)


def report(alert: Alert) -> Report:
    """The report of a spike or digest alert (ValueError for a post alert)."""
    if alert.kind == "spike" and alert.spike is not None:
        return _spike(alert, alert.spike)
    if alert.kind == "digest" and alert.digest is not None:
        return _digest(alert, alert.digest)
    raise ValueError(f"alert {alert.alert_id} is a {alert.kind} alert, not a report")
