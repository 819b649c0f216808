"""The filtered stream's endpoints with an app bearer token (OAuth 2.0 App-Only).

    GET  /2/tweets/search/stream/rules              our rules are the ones with our tag
    POST /2/tweets/search/stream/rules[?dry_run]    {"add": [{"value", "tag"}]} or
                                                    {"delete": {"ids": [...]}}
    GET  /2/tweets/search/stream                    the stream (see ``stream.py``)

X's error shapes: a problem (``{"title", "detail", "type"}``) at the top or in
``errors``; an invalid rule as ``{"value", "details": [...], "title"}`` with
``meta.summary.not_created``; a 429 with ``x-rate-limit-reset`` (epoch seconds).
"""

from __future__ import annotations

import json
import time
from collections.abc import Sequence
from typing import Any
from urllib.parse import urlsplit

import httpx

from streams.errors import ConfigError
from streams.failures import short_reason
from streams.settings import Settings
from streams.sources.http import retry_after_s
from streams.sources.x.errors import E_RULES, E_UNSET, E_X_API, XApiError
from streams.sources.x.rules import Rule

__all__ = [
    "bearer_token",
    "RULES_PATH",
    "STREAM_PATH",
    "STREAM_PARAMS",
    "XApi",
    "error_from",
    "rate_limit_wait",
]

RULES_PATH = "/2/tweets/search/stream/rules"
STREAM_PATH = "/2/tweets/search/stream"
STREAM_PARAMS = {
    "tweet.fields": "created_at,lang,public_metrics,author_id,entities,referenced_tweets",
    "expansions": "author_id",
    "user.fields": "username,name,public_metrics,verified",
}
BATCH = 100
"""Rules added or deleted per request."""


def bearer_token(settings: Settings) -> str:
    """The token, or ``ConfigError`` SCOUT-E740 saying what to do."""
    token = settings.x_bearer_token.get_secret_value().strip() if settings.x_bearer_token else ""
    if not token:
        raise ConfigError(
            "SCOUT_X_BEARER_TOKEN is not set: an x source needs the app bearer token of an X"
            " project with filtered-stream access (Pro); set it and restart `scout listen`",
            code=E_UNSET,
        )
    return token


def rate_limit_wait(headers: httpx.Headers, *, now: float | None = None) -> float | None:
    """Seconds until ``x-rate-limit-reset`` (epoch seconds), else the Retry-After."""
    reset = headers.get("x-rate-limit-reset")
    if reset and reset.strip().isdigit():
        return max(0.0, float(reset.strip()) - (time.time() if now is None else now))
    return retry_after_s(headers.get("retry-after"))


def _problems(body: Any) -> list[str]:
    if not isinstance(body, dict):
        return []
    found = []
    for problem in [body, *(body.get("errors") or [])]:
        if not isinstance(problem, dict):
            continue
        title = problem.get("title") or ""
        detail = problem.get("detail") or "; ".join(
            str(d) for d in problem.get("details") or [] if d
        )
        value = problem.get("value")
        if title or detail:
            where = f" {value!r}" if isinstance(value, str) else ""
            found.append(f"{title}{where}: {detail}".strip(": "))
    return found


def error_from(response: httpx.Response, body: bytes, *, what: str) -> XApiError:
    """The error of an answer that is not 2xx (``body`` read by the caller)."""
    try:
        parsed = json.loads(body) if body else None
    except ValueError:
        parsed = None
    problems = _problems(parsed) or [body[:200].decode("utf-8", "replace").strip()]
    status = response.status_code
    wait = rate_limit_wait(response.headers) if status in (429, 503) else None
    hint = ""
    if status in (401, 403):
        hint = " (check SCOUT_X_BEARER_TOKEN and the project's access level)"
    elif wait is not None:
        hint = f" (rate limit: retry in {wait:.0f}s)"
    return XApiError(
        f"{what} answered HTTP {status}{hint}: {'; '.join(p for p in problems if p)}",
        status=status,
        retry_after=wait,
        host=response.url.host,
        code=E_RULES if what.startswith("POST rules") and status in (400, 403, 422) else E_X_API,
    )


class XApi:
    """The rules endpoints over the process's shared client, with the bearer token."""

    def __init__(self, http: httpx.AsyncClient, base_url: str, token: str) -> None:
        self.http = http
        self.base_url = base_url.rstrip("/")
        self.host = urlsplit(self.base_url).hostname or self.base_url
        self.headers = {"Authorization": f"Bearer {token}"}

    def url(self, path: str) -> str:
        return self.base_url + path

    async def _call(self, method: str, path: str, *, what: str, **kwargs: Any) -> dict[str, Any]:
        try:
            response = await self.http.request(
                method, self.url(path), headers=self.headers, **kwargs
            )
        except httpx.HTTPError as exc:
            raise XApiError(
                f"{what}: {short_reason(exc) or type(exc).__name__}", host=self.host
            ) from exc
        if response.status_code >= 300:
            raise error_from(response, response.content, what=what)
        try:
            body = response.json()
        except ValueError as exc:
            raise XApiError(f"{what} answered no JSON", host=self.host) from exc
        return body if isinstance(body, dict) else {}

    async def rules(self) -> list[Rule]:
        """Every rule of the project (ours and others'), all pages."""
        found: list[Rule] = []
        params: dict[str, str] = {"max_results": "1000"}
        while True:
            body = await self._call("GET", RULES_PATH, what="GET rules", params=params)
            for item in body.get("data") or []:
                found.append(Rule(str(item["id"]), str(item["value"]), item.get("tag")))
            token = (body.get("meta") or {}).get("next_token")
            if not token:
                return found
            params = {"max_results": "1000", "pagination_token": str(token)}

    async def add(self, values: Sequence[str], tag: str, *, dry_run: bool = False) -> list[Rule]:
        """Add rules (``dry_run``: only validate them); ``XApiError`` SCOUT-E741 with X's
        reasons when a rule was refused."""
        created: list[Rule] = []
        params = {"dry_run": "true"} if dry_run else {}
        for start in range(0, len(values), BATCH):
            batch = [{"value": v, "tag": tag} for v in values[start : start + BATCH]]
            body = await self._call(
                "POST", RULES_PATH, what="POST rules (add)", params=params, json={"add": batch}
            )
            summary = (body.get("meta") or {}).get("summary") or {}
            refused = int(summary.get("not_created") or summary.get("invalid") or 0)
            if refused or (body.get("errors") and not body.get("data")):
                raise XApiError(
                    f"X refused {refused or len(batch)} rule(s): "
                    + "; ".join(_problems({"errors": body.get("errors")}) or ["no reason"]),
                    host=self.host,
                    code=E_RULES,
                )
            for item in body.get("data") or []:
                created.append(Rule(str(item["id"]), str(item["value"]), item.get("tag")))
        return created

    async def delete(self, ids: Sequence[str], *, dry_run: bool = False) -> int:
        deleted = 0
        params = {"dry_run": "true"} if dry_run else {}
        for start in range(0, len(ids), BATCH):
            batch = list(ids[start : start + BATCH])
            body = await self._call(
                "POST",
                RULES_PATH,
                what="POST rules (delete)",
                params=params,
                json={"delete": {"ids": batch}},
            )
            summary = (body.get("meta") or {}).get("summary") or {}
            deleted += int(summary.get("deleted") or 0)
        return deleted
