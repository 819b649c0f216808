"""``GET /brief``: the boardroom brief as Markdown, HTML or JSON."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Query
from fastapi.responses import Response

from streams.api.context import ApiContext, context
from streams.brief import (
    BriefLimits,
    check_format,
    make_brief,
    parse_companies,
    parse_window,
    render,
)

router = APIRouter(tags=["brief"])

_HEADERS = {
    # The HTML page needs no script and no outside resource; say so to the browser too.
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none';"
    " form-action 'none'; frame-ancestors 'none'",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
}


@router.get(
    "/brief",
    summary="Boardroom brief of a time window",
    response_class=Response,
    responses={
        200: {
            "content": {"text/markdown": {}, "text/html": {}, "application/json": {}},
            "description": "The brief; every claim cites its posts.",
        },
        400: {"description": "Bad since, until, format or company (SCOUT-E600..E604)."},
    },
)
def get_brief(
    ctx: Annotated[ApiContext, Depends(context)],
    since: Annotated[
        str, Query(description="Duration back from until (24h, 7d) or ISO 8601.")
    ] = "24h",
    until: Annotated[str | None, Query(description="End (ISO 8601; UTC when no zone).")] = None,
    fmt: Annotated[str, Query(alias="format", description="md, html or json.")] = "md",
    company: Annotated[
        list[str] | None, Query(description="Company ids, e.g. company:MSFT.")
    ] = None,
    min_signal: Annotated[
        float,
        Query(ge=0, le=1, description="Lowest category signal of a news post the brief uses."),
    ] = BriefLimits.min_signal,
) -> Response:
    check_format(fmt)
    now = datetime.now(UTC)
    window = parse_window(since, until, now=now)
    companies = parse_companies(company or [])
    brief = make_brief(
        ctx.es,
        ctx.settings,
        window,
        now=now,
        companies=companies,
        limits=BriefLimits(min_signal=min_signal),
    )
    text, media_type = render(brief, fmt)
    return Response(content=text, media_type=media_type, headers=_HEADERS)
