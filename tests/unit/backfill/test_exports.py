"""LinkedIn and Facebook data exports (issue 15 point 7), over team-written fixture files
shaped like the platforms' archives (tests/fixtures/exports; no real member's data)."""

import json
import shutil
from pathlib import Path

import pytest

from models.post import Post
from streams.backfill.formats import detect_format, read_records
from streams.backfill.formats.exports import fix_mojibake
from streams.errors import InvalidPostError, UnreadableFileError
from streams.normalize import post_from_obj

EXPORTS = Path(__file__).resolve().parents[2] / "fixtures" / "exports"
SHARES = EXPORTS / "linkedin" / "Shares.csv"
FB_POSTS = EXPORTS / "facebook" / "your_activity_across_facebook" / "posts" / "your_posts_1.json"


def _posts(path: Path, **kw: object) -> list[Post | str]:
    """Each record as the runner sees it: a validated Post, or its refusal's reason."""
    out: list[Post | str] = []
    for record in read_records(path, **kw):  # type: ignore[arg-type]
        try:
            if record.error is not None:
                raise record.error
            out.append(post_from_obj(record.post, max_text_chars=20_000))
        except InvalidPostError as exc:
            out.append(exc.reason)
    return out


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("caf\u00c3\u00a9 in M\u00c3\u00bcnchen", "café in München"),
        ("\u00e2\u0080\u0094 \u00f0\u009f\u0098\u0080", "— 😀"),  # 3- and 4-byte characters
        ("plain ASCII", "plain ASCII"),
        ("café", "café"),  # a real é (one Latin-1 byte, not UTF-8): left alone
        ("naïve 東京", "naïve 東京"),  # past U+00FF: not mojibake
        ("Ã", "Ã"),  # an incomplete sequence: left alone
    ],
)
def test_facebook_mojibake_is_undone_only_where_it_round_trips(text: str, fixed: str) -> None:
    assert fix_mojibake(text) == fixed


def test_exports_are_detected_by_header_and_shape(tmp_path: Path) -> None:
    assert detect_format(SHARES) == "linkedin"
    assert detect_format(FB_POSTS) == "facebook"
    assert detect_format(EXPORTS / "linkedin" / "Profile.csv") == "csv"
    renamed = tmp_path / "my-linkedin-posts.csv"  # by its header, whatever its name
    shutil.copy(SHARES, renamed)
    assert detect_format(renamed) == "linkedin"
    one_line = tmp_path / "fb.jsonl"  # a post a line works too
    posts = json.loads(FB_POSTS.read_text())
    one_line.write_text("\n".join(json.dumps(p) for p in posts))
    assert detect_format(one_line) == "facebook"
    v2 = tmp_path / "v2.json"  # Twitter v2 has a "data" list too, and stays twitter-v2
    v2.write_text(json.dumps({"data": [{"id": "1", "text": "t"}], "includes": {}}))
    assert detect_format(v2) == "twitter-v2"


def test_linkedin_shares_become_posts_with_urn_ids_utc_times_and_multiline_text() -> None:
    posts = _posts(SHARES, author="jana-example")
    first, second = posts[0], posts[1]
    assert isinstance(first, Post) and isinstance(second, Post)
    assert first.id == "urn:li:share:7100000000000000001"
    assert first.text == (
        "Oracle agrees to acquire Cerner, our desk hears.\n\n"
        'Details are "soon", they say: "a deal, not a rumour".'
    )
    assert first.created_at is not None and first.created_at.isoformat() == (
        "2026-03-02T08:15:00+00:00"
    )
    assert first.source == "linkedin"
    assert first.url == (
        "https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A7100000000000000001"
    )
    assert first.author is not None
    assert (first.author.handle, first.author.name) == ("jana-example", "Jana Example")
    assert second.id == "urn:li:activity:7100000000000000002"  # a URN not URL-encoded
    # A reshare without commentary has no text; a date not in LinkedIn's format is refused.
    assert posts[2:] == ["empty_text", "unknown_shape"]
    assert [r.line for r in read_records(SHARES)] == [2, 5, 6, 7]


def test_linkedin_without_profile_or_author_has_no_author(tmp_path: Path) -> None:
    alone = tmp_path / "Shares.csv"
    shutil.copy(SHARES, alone)
    first = _posts(alone)[0]
    assert isinstance(first, Post) and first.author is None


def test_facebook_posts_get_stable_ids_fixed_text_and_the_archive_owner() -> None:
    posts = _posts(FB_POSTS, author="jana-example")
    first, second = posts[0], posts[1]
    assert isinstance(first, Post) and isinstance(second, Post)
    assert first.text == "Cisco buys a München start-up — café talk says Oracle is next."
    assert first.created_at is not None
    assert first.created_at.isoformat() == "2026-03-02T08:00:00+00:00"
    assert (first.source, first.url) == ("facebook", "https://news.example.org/fb/1")
    assert first.author is not None
    assert (first.author.handle, first.author.name) == ("jana-example", "Jana Exämple")
    assert first.id.startswith("fb-") and first.id != second.id
    again = _posts(FB_POSTS)
    assert [p.id for p in again if isinstance(p, Post)] == [first.id, second.id]
    assert posts[2] == "empty_text"  # a photo without words


def test_a_facebook_post_with_the_same_text_at_another_time_is_another_post(
    tmp_path: Path,
) -> None:
    posts = json.loads(FB_POSTS.read_text())[:1]
    later = {**posts[0], "timestamp": posts[0]["timestamp"] + 60}
    path = tmp_path / "your_posts_1.json"
    path.write_text(json.dumps([posts[0], later]))
    ids = [p.id for p in _posts(path) if isinstance(p, Post)]
    assert len(set(ids)) == 2


def test_forcing_linkedin_on_another_csv_names_the_columns_it_needs(tmp_path: Path) -> None:
    other = tmp_path / "other.csv"
    other.write_text("id,text\n1,hello\n")
    with pytest.raises(UnreadableFileError, match="Date,ShareLink,ShareCommentary") as caught:
        list(read_records(other, "linkedin"))
    assert caught.value.code == "SCOUT-E074"


def test_forcing_facebook_on_other_json_refuses_each_record(tmp_path: Path) -> None:
    other = tmp_path / "posts.jsonl"
    other.write_text(json.dumps({"id": "1", "text": "a post"}) + "\n")
    assert _posts(other, fmt="facebook") == ["unknown_shape"]
