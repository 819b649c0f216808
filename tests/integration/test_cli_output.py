"""CLI output and input a person meets at once (issue 11, point 7): piped search output is
not wrapped, and `--until` follows the one rule for times (no zone is UTC)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from models.enriched import EnrichedPost, Versions
from models.post import Author
from models.signals import Influence
from streams.settings import Settings
from tests.integration.api.data_support import index_docs
from tests.integration.support import scout

UNTIL = datetime(2026, 5, 1, tzinfo=UTC)
LONG_TEXT = (
    "Zephyrine Robotics said on Tuesday that its warehouse arm, shown at the Hanover fair,"
    " will ship to logistics customers in Germany, Poland and the Netherlands before the"
    " end of the third quarter, a year later than first announced."
)


def _post(n: int, text: str, hours_ago: float) -> EnrichedPost:
    return EnrichedPost(
        doc_id=f"out-{n}",
        post_id=f"out-{n}",
        source="twitter",
        text=text,
        created_at=UNTIL - timedelta(hours=hours_ago),
        author=Author(handle=f"voice{n % 3}", followers=100),
        url=None,
        lang="en",
        entities=(),
        model="test",
        influence=Influence(score=10.0 + n, engagement=n),
        versions=Versions(model="test"),
    )


def test_piped_search_output_keeps_each_post_on_one_line(settings: Settings) -> None:
    index_docs(settings, [_post(0, LONG_TEXT, 2)])
    found = scout(settings, "search", "Zephyrine")  # stdout is a pipe, not a terminal
    assert found.returncode == 0, found.stderr
    assert f"  {LONG_TEXT}" in found.stdout.splitlines(), found.stdout


def test_leaders_until_without_a_zone_is_utc_like_the_api(settings: Settings) -> None:
    index_docs(settings, [_post(n, f"post {n}", 1 + 5 * n) for n in range(9)])
    naive = scout(settings, "leaders", "--until", "2026-05-01T00:00:00", "--json")
    zoned = scout(settings, "leaders", "--until", "2026-05-01T00:00:00Z", "--json")
    assert naive.returncode == 0, naive.stderr
    assert json.loads(naive.stdout) == json.loads(zoned.stdout)
    assert json.loads(naive.stdout)["top"], naive.stdout
    shifted = scout(settings, "leaders", "--until", "2026-05-01T02:00:00+02:00", "--json")
    assert json.loads(shifted.stdout) == json.loads(zoned.stdout)


def test_a_malformed_until_is_a_coded_error_not_a_traceback(settings: Settings) -> None:
    bad = scout(settings, "leaders", "--until", "soon")
    assert bad.returncode == 2
    assert "Traceback" not in bad.stderr
    assert "[SCOUT-E042] bad time 'soon'" in bad.stderr
