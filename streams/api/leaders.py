"""``GET /leaders``: thought leaders and rising voices (:mod:`streams.index.leaders`)."""

from __future__ import annotations

from dataclasses import asdict
from datetime import UTC, datetime, timedelta
from typing import Annotated

from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel, Field

from streams.api.context import ApiContext, context
from streams.api.elastic import es_errors
from streams.api.errors import NotFoundError
from streams.durations import BAD_TIME, parse_duration, parse_time
from streams.errors import ConfigError
from streams.index.leaders import (
    empty_window_message,
    is_rising,
    no_rising_message,
    post_span,
    window_start,
)
from streams.index.leaders import leaders as rank_leaders
from streams.index.leaders import voice as author_voice

router = APIRouter(tags=["leaders"])

MAX_RANGE = timedelta(days=3660)  # recent + baseline windows: ten years at most


class VoiceOut(BaseModel):
    handle: str
    score: float = Field(description="Influence x relevance x engagement x mentions.")
    posts: int
    relevant_posts: int = Field(description="Posts naming a watched entity.")
    max_influence: float
    engagement: int
    recent_posts: int = Field(description="Posts in the recent window.")
    baseline_posts: float = Field(description="Mean posts per baseline window.")
    mentions: int = Field(description="@mentions by others.")
    recent_mentions: int
    growth: float = Field(description="Recent against baseline (> 1.5 and 2+ posts: rising).")


class Leaders(BaseModel):
    window: str
    baseline: int
    since: datetime = Field(description="Start of the baseline: the range searched.")
    until: datetime
    top: list[VoiceOut] = Field(description="By score, best first.")
    rising: list[VoiceOut] = Field(description="By growth, fastest first.")
    note: str | None = Field(
        default=None,
        description="Why a list is empty: the range without posts and how to widen or move it,"
        " or that nobody is rising.",
    )


Window = Annotated[
    str, Query(pattern=r"^\d+[mhdw]$", description="Recent window: `24h`, `1d`, `7d`.")
]
Baseline = Annotated[
    int, Query(ge=1, le=52, description="Windows before it that form the baseline.")
]
Until = Annotated[str | None, Query(description="End of the recent window (ISO 8601 or `2h` ago).")]


class AuthorVoice(BaseModel):
    window: str
    baseline: int
    until: datetime
    voice: VoiceOut
    rising: bool = Field(description="Whether the author counts as a rising voice.")


def _range(window: str, baseline: int, until: str | None) -> tuple[datetime, timedelta]:
    now = datetime.now(UTC)
    end = parse_time(until, now=now) if until else now
    span = parse_duration(window)
    if span.total_seconds() * (baseline + 1) > MAX_RANGE.total_seconds():
        raise ConfigError(
            f"window {window} x {baseline + 1} (baseline and recent) is longer than"
            f" {MAX_RANGE.days} days: use a shorter window or fewer baseline windows",
            code=BAD_TIME,
        )
    return end, span


@router.get("/leaders", summary="Thought leaders and rising voices")
def leaders(
    ctx: Annotated[ApiContext, Depends(context)],
    window: Window = "1d",
    baseline: Baseline = 7,
    until: Until = None,
    top: Annotated[int, Query(ge=1, le=200)] = 20,
) -> Leaders:
    """Authors ranked by influence, relevance and engagement, and those growing fastest
    against their own baseline (the `baseline` windows before the recent one)."""
    end, span = _range(window, baseline, until)
    try:
        with es_errors("leaders"):
            top_voices, rising = rank_leaders(
                ctx.es,
                ctx.settings.posts_alias,
                until=end,
                window=span,
                baseline_windows=baseline,
                top=top,
            )
            posts = None if top_voices else post_span(ctx.es, ctx.settings.posts_alias)
        since = window_start(end, span, baseline)
    except OverflowError as exc:  # an `until` near year 1: the baseline starts before it
        raise ConfigError(f"until {until!r}: too far back", code=BAD_TIME) from exc
    note = None
    if not top_voices:
        note = empty_window_message(
            until=end,
            window=span,
            baseline_windows=baseline,
            span=posts,
            option=lambda name, value: f"{name}={value}",
        )
    elif not rising:
        note = no_rising_message(span)
    return Leaders(
        window=window,
        baseline=baseline,
        since=since,
        until=end,
        top=[VoiceOut(**asdict(v)) for v in top_voices],
        rising=[VoiceOut(**asdict(v)) for v in rising],
        note=note,
    )


@router.get("/leaders/{handle}", summary="One author's influence and growth")
def author(
    ctx: Annotated[ApiContext, Depends(context)],
    handle: str,
    window: Window = "1d",
    baseline: Baseline = 7,
    until: Until = None,
) -> AuthorVoice:
    """The figures `/leaders` ranks by, for one author (`@` optional, any case); 404 when
    they wrote nothing in the recent window and its baseline."""
    end, span = _range(window, baseline, until)
    try:
        with es_errors("leaders"):
            found = author_voice(
                ctx.es,
                ctx.settings.posts_alias,
                handle,
                until=end,
                window=span,
                baseline_windows=baseline,
            )
    except OverflowError as exc:
        raise ConfigError(f"until {until!r}: too far back", code=BAD_TIME) from exc
    if found is None:
        since = end - span * (baseline + 1)
        raise NotFoundError(
            f"no posts by @{handle.lstrip('@')} from {since.isoformat()} to {end.isoformat()}"
        )
    return AuthorVoice(
        window=window,
        baseline=baseline,
        until=end,
        voice=VoiceOut(**asdict(found)),
        rising=is_rising(found),
    )
