"""Platform data exports -> Post-shaped dicts: LinkedIn shares and Facebook posts.

Neither platform offers a public post stream; their members' own data exports are the way
in (issue 15, point 7). The shapes, as documented by the platforms' help pages and the
tools that read these archives (checked December 2026; sources: LinkedIn's "Download your
account data" help and a project README describing ``Shares.csv`` column by column;
``apparebit/deface`` and ``NorseKode/Waultar-App``'s notes on the Facebook archive):

LinkedIn  ``Shares.csv`` of the "Get a copy of your data" archive, a CSV with the header
          ``Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility``. ``Date`` is
          ``YYYY-MM-DD HH:MM:SS`` in UTC; ``ShareLink`` is the share's address, holding its
          URN (``https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A7…``);
          ``ShareCommentary`` is the text (quoted, over many lines when it has line breaks).
          ``Profile.csv`` next to it names the member (``First Name``, ``Last Name``).
Facebook  ``your_posts_1.json`` (``your_activity_across_facebook/posts/`` or ``posts/``): a
          JSON array of ``{"timestamp": <epoch s>, "data": [{"post": "…"},
          {"update_timestamp": …}], "attachments": [{"data": [{"external_context": {"url"}},
          {"media": {…}}]}], "title": "…"}``, no post id. Text is mojibake: the UTF-8 bytes
          of each character escaped one by one as ``\\u00XX`` (``"caf\\u00c3\\u00a9"`` for
          "café"), undone by :func:`fix_mojibake`. The member's name is in
          ``personal_information/profile_information/profile_information.json`` (older
          archives: ``profile_information/profile_information.json``).

Ids are stable: LinkedIn's share URN; for Facebook, a hash of the time and the text.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from streams.errors import InvalidPostError

LINKEDIN_COLUMNS = ("Date", "ShareLink", "ShareCommentary")
_URN = re.compile(r"urn:li:[A-Za-z]+:[0-9A-Za-z_-]+")
_LINKEDIN_DATE = "%Y-%m-%d %H:%M:%S"
_PROFILE_JSON = (
    Path("personal_information/profile_information/profile_information.json"),
    Path("profile_information/profile_information.json"),
)


def fix_mojibake(text: str) -> str:
    """Facebook's ``\\u00XX``-escaped UTF-8 bytes back to characters; text that is not such
    mojibake (a character past U+00FF, or bytes that are not UTF-8) is returned as it is."""
    if text.isascii():
        return text
    try:
        return text.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return text


def is_linkedin_header(cells: list[str]) -> bool:
    names = {c.strip().lstrip("\ufeff") for c in cells}
    return all(column in names for column in LINKEDIN_COLUMNS)


def linkedin_post(row: dict[str, str], author: dict[str, Any] | None) -> dict[str, Any]:
    """One row of ``Shares.csv`` -> a Post dict (``InvalidPostError`` for a bad date)."""
    link = (row.get("ShareLink") or "").strip()
    text = (row.get("ShareCommentary") or "").replace("\r\n", "\n")  # the export's CRLF
    date = (row.get("Date") or "").strip()
    try:
        created = datetime.strptime(date, _LINKEDIN_DATE).replace(tzinfo=UTC) if date else None
    except ValueError as exc:
        raise InvalidPostError(
            f"Date {date[:40]!r} is not YYYY-MM-DD HH:MM:SS (LinkedIn's export format)",
            reason="unknown_shape",
        ) from exc
    urn = _URN.search(unquote(link))
    post: dict[str, Any] = {
        "id": urn.group(0) if urn else _hash_id("li", date, text),
        "text": text,
        "created_at": created.isoformat() if created else None,
        "source": "linkedin",
        "url": link if link.startswith(("https://", "http://")) else None,
        "author": author,
    }
    return {key: value for key, value in post.items() if value is not None}


def is_facebook_post(obj: Any) -> bool:
    """A Facebook export post: a ``timestamp`` and no ``text`` (no other format has both)."""
    return (
        isinstance(obj, dict)
        and isinstance(obj.get("timestamp"), int | float)
        and not isinstance(obj.get("timestamp"), bool)
        and "text" not in obj
        and isinstance(obj.get("data", []), list)
    )


def facebook_post(obj: dict[str, Any], author: dict[str, Any] | None) -> dict[str, Any]:
    """One element of ``your_posts_1.json`` -> a Post dict."""
    if not is_facebook_post(obj):
        raise InvalidPostError(
            "not a Facebook export post (expected a 'timestamp' in epoch seconds)",
            reason="unknown_shape",
        )
    stamp = obj["timestamp"]
    texts = [
        fix_mojibake(item["post"])
        for item in obj.get("data") or []
        if isinstance(item, dict) and isinstance(item.get("post"), str) and item["post"].strip()
    ]
    text = "\n\n".join(texts)
    try:
        created = datetime.fromtimestamp(stamp, UTC).isoformat()
    except (OverflowError, OSError, ValueError) as exc:
        raise InvalidPostError(
            f"timestamp {stamp!r} is not a time in epoch seconds", reason="unknown_shape"
        ) from exc
    post: dict[str, Any] = {
        "id": str(obj["id"]) if obj.get("id") else _hash_id("fb", str(stamp), text),
        "text": text,
        "created_at": created,
        "source": "facebook",
        "url": _external_url(obj.get("attachments")),
        "author": author,
    }
    return {key: value for key, value in post.items() if value is not None}


def _external_url(attachments: Any) -> str | None:
    for attachment in attachments if isinstance(attachments, list) else []:
        data = attachment.get("data") if isinstance(attachment, dict) else None
        for item in data if isinstance(data, list) else []:
            context = item.get("external_context") if isinstance(item, dict) else None
            url = context.get("url") if isinstance(context, dict) else None
            if isinstance(url, str) and url.startswith(("https://", "http://")):
                return url
    return None


def _hash_id(prefix: str, when: str, text: str) -> str:
    digest = hashlib.sha256("\x1f".join((when, text)).encode()).hexdigest()
    return f"{prefix}-{digest[:24]}"


def export_author(path: Path, fmt: str, handle: str | None) -> dict[str, Any] | None:
    """The author of an export's posts: ``handle`` (``--author``) and the member's name
    when the archive holds their profile next to the posts."""
    name = _linkedin_owner(path) if fmt == "linkedin" else _facebook_owner(path)
    author = {k: v for k, v in (("handle", handle), ("name", name)) if v}
    return author or None


def _linkedin_owner(path: Path) -> str | None:
    profile = path.with_name("Profile.csv")
    try:
        with profile.open(encoding="utf-8-sig", newline="") as fh:
            row = next(csv.DictReader(fh), None)
    except (OSError, UnicodeDecodeError, csv.Error):
        return None
    if not row:
        return None
    name = " ".join((row.get(k) or "").strip() for k in ("First Name", "Last Name") if row.get(k))
    return name or None


def _facebook_owner(path: Path) -> str | None:
    for root in list(path.resolve().parents)[:4]:
        for relative in _PROFILE_JSON:
            found = root / relative
            if found.is_file():
                return _profile_name(found)
    return None


def _profile_name(path: Path) -> str | None:
    try:
        profile = json.loads(path.read_bytes())
    except (OSError, ValueError):
        return None
    for key in ("profile_v2", "profile"):
        section = profile.get(key) if isinstance(profile, dict) else None
        name = section.get("name") if isinstance(section, dict) else None
        full = name.get("full_name") if isinstance(name, dict) else None
        if isinstance(full, str) and full.strip():
            return fix_mojibake(full.strip())
    return None
