"""Feed bytes -> Post-shaped items and their dedup keys; rotated guids are not new items."""

from __future__ import annotations

from dataclasses import replace

import pytest

from streams.normalize import post_from_obj
from streams.sources.errors import SourceFetchError
from streams.sources.rss.feed import parse_feed
from streams.sources.rss.source import RssCursor, Seen, new_items
from tests.feed_docs import atom, items, rss1, rss2

URL = "https://news.example.org/feed.xml"


@pytest.mark.parametrize("build", [rss2, rss1, atom], ids=["rss2", "rss1", "atom"])
def test_every_feed_format_becomes_valid_posts_oldest_first(build) -> None:  # type: ignore[no-untyped-def]
    source_items = items("acme", 3)
    parsed = parse_feed(build(list(reversed(source_items))), url=URL)
    assert [p.obj["id"] for p in parsed] == ["urn:acme:0", "urn:acme:1", "urn:acme:2"]
    first = post_from_obj(parsed[0].obj, max_text_chars=20_000)
    assert first.source == "rss"
    assert first.text == "acme headline 0. Story 0 of acme: Acme and Globex talk."
    assert first.url == "https://news.example.org/acme/0"
    assert (
        first.created_at is not None and first.created_at.isoformat() == "2026-12-01T09:00:00+00:00"
    )
    assert first.author is not None and first.author.name


def test_rss2_language_and_feed_title_fill_lang_and_author() -> None:
    (item,) = parse_feed(rss2(items("x", 1), title="Wire"), url=URL)
    assert item.obj["lang"] == "en"
    assert item.obj["author"] == {"name": "Wire"}


def test_an_item_without_guid_is_identified_by_its_link_then_its_content() -> None:
    no_guid = replace(items("x", 1)[0], guid=None)
    (by_link,) = parse_feed(rss2([no_guid]), url=URL)
    assert by_link.obj["id"] == "https://news.example.org/x/0"
    bare = replace(no_guid, link=None)
    (by_content,) = parse_feed(rss2([bare]), url=URL)
    assert by_content.obj["id"].startswith("sha256:")
    assert parse_feed(rss2([bare]), url=URL)[0].obj["id"] == by_content.obj["id"]


def test_a_rotated_guid_does_not_publish_an_item_again() -> None:
    seen = Seen(RssCursor())
    first = parse_feed(rss2(items("acme", 3)), url=URL)
    assert len(new_items(first, seen)) == 3
    rotated = [replace(i, guid=f"urn:rotated:{n}") for n, i in enumerate(items("acme", 3))]
    assert new_items(parse_feed(rss2(rotated), url=URL), seen) == []
    # Same title and body, no link, new guid: the content hash catches it.
    linkless = [
        replace(i, guid=f"urn:again:{n}", link=None) for n, i in enumerate(items("acme", 3))
    ]
    assert new_items(parse_feed(rss2(linkless), url=URL), seen) == []
    # A link with tracking parameters, another case of host and a trailing slash is the same.
    moved = [
        replace(
            i,
            guid=f"urn:moved:{n}",
            title=f"edited {n}",
            link=f"HTTPS://News.Example.org/acme/{n}/?utm_source=rss",
        )
        for n, i in enumerate(items("acme", 3))
    ]
    assert new_items(parse_feed(rss2(moved), url=URL), seen) == []
    fresh = parse_feed(rss2(items("acme", 4)), url=URL)
    assert [i.obj["id"] for i in new_items(fresh, seen)] == ["urn:acme:3"]


def test_seen_items_survive_the_cursor_round_trip() -> None:
    cursor = RssCursor(etag='W/"abc"', last_modified="Tue, 01 Dec 2026 09:00:00 GMT")
    seen = Seen(cursor)
    new_items(parse_feed(rss2(items("acme", 2)), url=URL), seen)
    seen.write(cursor)
    again = RssCursor.model_validate_json(cursor.model_dump_json())
    assert again.etag == 'W/"abc"' and again.last_modified == cursor.last_modified
    assert new_items(parse_feed(rss2(items("acme", 2)), url=URL), Seen(again)) == []


def test_bytes_that_are_no_feed_fail_the_poll_with_e707() -> None:
    with pytest.raises(SourceFetchError) as caught:
        parse_feed(b"<html><body>Not found</body></html>", url=URL)
    assert caught.value.code == "SCOUT-E707"
    with pytest.raises(SourceFetchError):
        parse_feed(b"\x00\x01 binary", url=URL)


def test_an_item_with_no_text_is_refused_by_the_worker_parser() -> None:
    empty = replace(items("x", 1)[0], title="", body="")
    (item,) = parse_feed(rss2([empty]), url=URL)
    from streams.errors import InvalidPostError

    with pytest.raises(InvalidPostError) as caught:
        post_from_obj(item.obj, max_text_chars=20_000)
    assert caught.value.reason == "empty_text"
