import gzip
import json
from pathlib import Path

import pytest

from streams.backfill.formats import detect_format, read_records
from streams.errors import ConfigError, UnreadableFileError

V2 = {
    "data": [
        {
            "id": "20",
            "text": "Contoso beats estimates",
            "author_id": "7",
            "created_at": "2026-01-02T10:00:00Z",
            "public_metrics": {
                "like_count": 3,
                "retweet_count": 1,
                "reply_count": 0,
                "quote_count": 0,
            },
            "lang": "en",
        }
    ],
    "includes": {
        "users": [
            {"id": "7", "username": "ana", "name": "Ana", "public_metrics": {"followers_count": 90}}
        ]
    },
}
MASTODON = {
    "id": "110",
    "uri": "https://social.example/users/bo/statuses/110",
    "created_at": "2026-01-03T08:00:00Z",
    "content": "<p>Fabrikam &amp; Contoso <b>merge</b></p>",
    "language": "en",
    "account": {"acct": "bo@social.example", "display_name": "Bo", "followers_count": 12},
    "url": "https://social.example/@bo/110",
    "favourites_count": 2,
    "reblogs_count": 1,
}
RSS = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Deal Wire</title>
<item><title>Northwind to buy Tailspin</title><description>&lt;p&gt;A deal worth $1bn.&lt;/p&gt;</description>
<link>https://news.example/1</link><guid>n-1</guid><pubDate>Mon, 05 Jan 2026 09:00:00 GMT</pubDate></item>
</channel></rss>"""
ATOM = b"""<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Blog</title>
<entry><id>tag:blog,2026:1</id><title>Hello</title><summary>Contoso hires a CFO</summary>
<link href="https://blog.example/1"/><published>2026-01-06T10:00:00Z</published></entry></feed>"""


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(gzip.compress(data) if name.endswith(".gz") else data)
    return path


def test_formats_are_detected_from_name_and_content(tmp_path: Path) -> None:
    assert detect_format(_write(tmp_path, "a.xml", RSS)) == "rss"
    assert detect_format(_write(tmp_path, "a.csv", b"id,text\n1,x\n")) == "csv"
    assert detect_format(_write(tmp_path, "v2.json", json.dumps(V2).encode())) == "twitter-v2"
    assert detect_format(_write(tmp_path, "m.jsonl", json.dumps(MASTODON).encode())) == "mastodon"
    v1 = {"id_str": "1", "text": "t", "user": {"screen_name": "u"}}
    assert detect_format(_write(tmp_path, "v1.jsonl.gz", json.dumps(v1).encode())) == "twitter-v1"
    assert detect_format(_write(tmp_path, "p.jsonl", b'{"id": "1", "text": "t"}\n')) == "post"
    with pytest.raises(ConfigError, match="unknown file type"):
        detect_format(_write(tmp_path, "notes.txt", b"hello"))


def test_twitter_v2_and_mastodon_become_posts(tmp_path: Path) -> None:
    (tweet,) = read_records(_write(tmp_path, "v2.json", json.dumps(V2).encode()))
    assert tweet.post is not None
    assert (
        tweet.post["id"],
        tweet.post["author"]["handle"],
        tweet.post["author"]["followers"],
    ) == ("20", "ana", 90)
    assert tweet.post["engagement"]["likes"] == 3
    (status,) = read_records(_write(tmp_path, "m.jsonl", json.dumps(MASTODON).encode()))
    assert status.post is not None
    assert status.post["text"] == "Fabrikam & Contoso merge"
    assert (
        status.post["id"] == MASTODON["uri"]
        and status.post["author"]["handle"] == "bo@social.example"
    )


def test_twitter_v2_mentions_take_their_names_from_includes(tmp_path: Path) -> None:
    obj = {
        "data": {
            "id": "23",
            "text": "hi @contoso_hq and @bo",
            "author_id": "1",
            "entities": {
                "mentions": [
                    {"start": 3, "end": 14, "username": "contoso_hq", "id": "7"},
                    {"start": 19, "end": 22, "username": "bo"},
                ]
            },
        },
        "includes": {
            "users": [
                {"id": "1", "username": "ana", "name": "Ana"},
                {"id": "7", "username": "contoso_hq", "name": "Contoso Ltd"},
            ]
        },
    }
    (tweet,) = read_records(_write(tmp_path, "v2.json", json.dumps(obj).encode()))
    assert tweet.post is not None
    # @bo has no user object, so no name: left out
    assert tweet.post["mentioned_accounts"] == [{"handle": "contoso_hq", "name": "Contoso Ltd"}]


def test_twitter_v2_text_is_decoded_with_links_expanded(tmp_path: Path) -> None:
    short = {
        "id": "21",
        "text": "Contoso &amp; Fabrikam: https://t.co/abc",
        "entities": {
            "urls": [{"url": "https://t.co/abc", "expanded_url": "https://contoso.example/deal"}]
        },
    }
    long = {
        "id": "22",
        "text": "Contoso &amp; Fab… https://t.co/cut",
        "note_tweet": {
            "text": "Contoso &amp; Fabrikam agree terms &lt;3 https://t.co/xyz",
            "entities": {
                "urls": [{"url": "https://t.co/xyz", "expanded_url": "https://fabrikam.example/"}]
            },
        },
    }
    path = _write(tmp_path, "v2.json", json.dumps({"data": [short, long]}).encode())
    texts = [r.post["text"] for r in read_records(path) if r.post is not None]
    assert texts == [
        "Contoso & Fabrikam: https://contoso.example/deal",
        "Contoso & Fabrikam agree terms <3 https://fabrikam.example/",
    ]


def test_rss_and_atom_items_become_posts(tmp_path: Path) -> None:
    (item,) = read_records(_write(tmp_path, "feed.xml", RSS))
    assert item.post is not None
    assert item.post["text"] == "Northwind to buy Tailspin. A deal worth $1bn."
    assert item.post["created_at"] == "2026-01-05T09:00:00+00:00" and item.post["id"] == "n-1"
    (entry,) = read_records(_write(tmp_path, "blog.atom", ATOM))
    assert entry.post is not None and entry.post["url"] == "https://blog.example/1"
    assert entry.post["text"] == "Hello. Contoso hires a CFO"


def test_bad_lines_carry_their_error_and_line_number(tmp_path: Path) -> None:
    path = _write(tmp_path, "p.jsonl", b'{"id": "1", "text": "ok"}\n{broken\n\n[1]\n')
    records = list(read_records(path))
    assert [(r.line, r.error.reason if r.error else None) for r in records] == [
        (1, None),
        (2, "malformed_json"),
        (4, "unknown_shape"),
    ]


def test_csv_rows_keep_line_numbers_and_author_columns(tmp_path: Path) -> None:
    data = b"id,text,created_at,author_handle,followers\nc1,Contoso up,2026-01-01T00:00:00Z,ana,12\nc2,,,,\n"
    first, second = read_records(_write(tmp_path, "p.csv", data))
    assert first.post == {
        "id": "c1",
        "text": "Contoso up",
        "created_at": "2026-01-01T00:00:00Z",
        "author": {"handle": "ana", "followers": 12},
    }
    assert (first.line, second.line) == (2, 3)


def test_xml_entity_declarations_are_refused(tmp_path: Path) -> None:
    bomb = b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa">]><rss><channel></channel></rss>'
    with pytest.raises(UnreadableFileError, match="SCOUT-E076.*entities"):
        list(read_records(_write(tmp_path, "bomb.xml", bomb)))


def test_a_latin1_file_is_detected_and_each_post_refused_as_bad_encoding(tmp_path: Path) -> None:
    """Issue 11: format detection crashed with a UnicodeDecodeError traceback."""
    data = '{"id": "1", "text": "Café"}\n{"id": "2", "text": "plain"}\n'.encode("latin-1")
    path = _write(tmp_path, "latin.jsonl", data)
    assert detect_format(path) == "post"
    first, second = read_records(path)
    assert first.error is not None and first.error.reason == "bad_encoding"
    assert "re-encode" in first.error.message and first.raw == data.splitlines()[0]
    assert second.post == {"id": "2", "text": "plain"}


def test_csv_with_an_unclosed_quote_stops_naming_the_line_it_opened_on(tmp_path: Path) -> None:
    """Issue 11: the quote swallowed the rest of the file and the run said nothing."""
    data = b'id,text\nc1,fine\nc2,"no end, here\nc3,lost\nc4,lost too\n'
    records = read_records(_write(tmp_path, "p.csv", data))
    first = next(records)
    assert first.post == {"id": "c1", "text": "fine"}
    with pytest.raises(UnreadableFileError) as info:
        next(records)
    assert info.value.code == "SCOUT-E074"
    assert "row at line 3 is never closed, so lines 3-5" in info.value.message


def test_a_csv_row_that_breaks_the_syntax_is_refused_and_the_next_rows_read(
    tmp_path: Path,
) -> None:
    data = b'id,text\nc1,"quoted" then more\nc2,ok,extra\nc3,fine\n'
    records = list(read_records(_write(tmp_path, "p.csv", data)))
    assert [(r.line, r.error.reason if r.error else r.post) for r in records] == [
        (2, "malformed_csv"),
        (3, "malformed_csv"),
        (4, {"id": "c3", "text": "fine"}),
    ]
    assert records[0].raw == b'c1,"quoted" then more\n'


def test_a_csv_row_that_is_not_utf8_is_refused_as_bad_encoding(tmp_path: Path) -> None:
    data = "id,text\nc1,Café\nc2,plain\n".encode("latin-1")
    first, second = read_records(_write(tmp_path, "p.csv", data))
    assert first.error is not None and first.error.reason == "bad_encoding"
    assert first.raw == "c1,Café\n".encode("latin-1")
    assert second.post == {"id": "c2", "text": "plain"}


def test_an_empty_csv_has_no_records_and_one_without_text_is_refused(tmp_path: Path) -> None:
    """Issue 11: an empty CSV read as "1 invalid (unknown_shape)"."""
    assert list(read_records(_write(tmp_path, "empty.csv", b""))) == []
    with pytest.raises(UnreadableFileError, match="SCOUT-E074.*header with at least id,text"):
        list(read_records(_write(tmp_path, "bad.csv", b"id,body\n1,x\n")))
