"""The health endpoint of ``scout listen`` (``SCOUT_LISTEN_HOST``:``SCOUT_LISTEN_PORT``).

    GET /health    200 {"status": "ok" | "degraded", "sources": n, "failing": [...]};
                   503 when the listener's loop stopped turning (liveness). A failing
                   source makes it "degraded", still 200: restarting the process would
                   not fix a publisher's outage.
    GET /sources   every configured source with its status counters, and the problems
    GET /metrics   Prometheus text: per source published, dropped, dead letters, errors,
                   duplicates, skipped (counters), up, last success and cursor age
                   (gauges)

No authentication and no data beyond counters: bind it to a private address.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from datetime import UTC, datetime
from typing import Any

from streams.errors import ConfigError
from streams.sources.errors import E_PORT
from streams.sources.runner import Listener

__all__ = ["health_body", "metrics_text", "serve_health"]

log = logging.getLogger(__name__)


def health_body(listener: Listener) -> tuple[int, dict[str, Any]]:
    stalled = (
        time.monotonic() - listener.checked_at > 3 * listener.ctx.settings.sources_check_s + 30
    )
    snapshot = listener.snapshot()
    failing = [
        s["name"] for s in snapshot["sources"] if (s["status"] or {}).get("state") == "failing"
    ]
    status = "stalled" if stalled else "degraded" if failing or snapshot["problems"] else "ok"
    body = {
        "status": status,
        "sources": len(snapshot["sources"]),
        "running": sum(1 for s in snapshot["sources"] if s["running"]),
        "failing": failing,
        "problems": len(snapshot["problems"]),
        "file_error": snapshot["file_error"],
    }
    return (503 if stalled else 200), body


_COUNTERS = (
    ("published", "Posts of the source Kafka acknowledged."),
    ("dropped", "Posts the source's filter dropped."),
    ("dead_lettered", "Items of the source sent to posts.raw.dlq."),
    ("errors", "Failed polls or connections of the source."),
    ("duplicates", "Items fetched again that were already published."),
    ("skipped", "Items the platform gave as deleted, dead or missing (not published)."),
)


def metrics_text(listener: Listener, *, now: datetime | None = None) -> str:
    """Prometheus text format 0.0.4."""
    at = now or datetime.now(UTC)
    snapshot = listener.snapshot()
    rows = [(s["name"], s["kind"], s["status"] or {}) for s in snapshot["sources"]]
    lines: list[str] = []
    for field, help_text in _COUNTERS:
        metric = f"scout_source_{field}_total"
        lines += [f"# HELP {metric} {help_text}", f"# TYPE {metric} counter"]
        lines += [f"{metric}{_labels(n, k)} {float(st.get(field, 0))}" for n, k, st in rows]
    lines += [
        "# HELP scout_source_up 1 when the source's last poll worked.",
        "# TYPE scout_source_up gauge",
    ]
    lines += [
        f"scout_source_up{_labels(n, k)} {1.0 if st.get('state') == 'ok' else 0.0}"
        for n, k, st in rows
    ]
    for metric, key, help_text in (
        (
            "scout_source_last_success_timestamp_seconds",
            "last_success",
            "Time of the last good poll.",
        ),
        ("scout_source_cursor_age_seconds", "cursor_saved_at", "Seconds since the cursor moved."),
    ):
        lines += [f"# HELP {metric} {help_text}", f"# TYPE {metric} gauge"]
        for name, kind, st in rows:
            value = st.get(key)
            if not value:
                continue
            stamp = datetime.fromisoformat(value)
            figure = stamp.timestamp() if key == "last_success" else (at - stamp).total_seconds()
            lines.append(f"{metric}{_labels(name, kind)} {figure}")
    lines += [
        "# HELP scout_sources_config_problems Sources of the file left out.",
        "# TYPE scout_sources_config_problems gauge",
    ]
    lines.append(f"scout_sources_config_problems {float(len(snapshot['problems']))}")
    return "\n".join(lines) + "\n"


def _labels(name: str, kind: str) -> str:
    return f'{{source="{name}",kind="{kind}"}}'  # names and kinds are [A-Za-z0-9._-]


async def serve_health(listener: Listener, host: str, port: int) -> asyncio.Server:
    """Start the endpoint (``ConfigError`` SCOUT-E708 when the port is taken)."""

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            request = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), timeout=5)
            method, _, rest = request.decode("latin-1").partition(" ")
            path = rest.partition(" ")[0].split("?")[0]
            status, content_type, body = _route(listener, method, path)
            head = (
                f"HTTP/1.1 {status} {_REASONS.get(status, 'OK')}\r\n"
                f"Content-Type: {content_type}\r\nContent-Length: {len(body)}\r\n"
                "Connection: close\r\n\r\n"
            )
            writer.write(head.encode("latin-1") + body)
            await writer.drain()
        except (TimeoutError, asyncio.IncompleteReadError, asyncio.LimitOverrunError, OSError):
            pass
        finally:
            writer.close()

    try:
        return await asyncio.start_server(handle, host, port)
    except OSError as exc:
        raise ConfigError(
            f"the health endpoint cannot listen on {host}:{port}: {exc.strerror or exc}; set"
            " SCOUT_LISTEN_PORT to a free port (or empty for none)",
            code=E_PORT,
        ) from exc


_REASONS = {200: "OK", 404: "Not Found", 405: "Method Not Allowed", 503: "Service Unavailable"}


def _route(listener: Listener, method: str, path: str) -> tuple[int, str, bytes]:
    if method != "GET":
        return 405, "text/plain", b"GET only\n"
    if path == "/health":
        status, body = health_body(listener)
        return status, "application/json", json.dumps(body).encode()
    if path == "/sources":
        return 200, "application/json", json.dumps(listener.snapshot()).encode()
    if path == "/metrics":
        return 200, "text/plain; version=0.0.4; charset=utf-8", metrics_text(listener).encode()
    return 404, "text/plain", b"not found: /health, /sources, /metrics\n"
