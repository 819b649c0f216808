"""The StockNet population the signal labels are drawn from, read from ``../shared/data``."""

from __future__ import annotations

import gzip
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from models.post import Post  # noqa: E402
from streams.normalize import parse_post  # noqa: E402

STOCKNET = ROOT.parent / "shared" / "data" / "stocknet" / "stocknet_tweets_compact.jsonl.gz"

DEAL_WORDS = re.compile(
    r"\b(?:acquir\w*|acquisition\w*|merg(?:e|es|ed|er|ers|ing)|takeover\w*|take[- ]over|buyout\w*"
    r"|buy(?:s|ing)? out|bid\w*|deal\w*|in talks|stake\w*|divest\w*|spin[- ]?off\w*|to buy|buys|bought"
    r"|purchas\w*|snap(?:s|ped)? up|sells? (?:its|unit|division)|tender offer)\b",
    re.I,
)
ROLE_WORDS = re.compile(
    r"\b(?:C[EFTOM]O|chief|president|chairman|chairwoman|chair|founder|executive|exec|director"
    r"|appoint\w*|hire[sd]?|hiring|resign\w*|steps? down|stepping down|depart\w*|oust\w*|fired"
    r"|retir\w*|joins|joined|poach\w*|layoffs?|lay(?:s|ing)? off|promot\w*|successor|names new)\b",
    re.I,
)

_RT = re.compile(r"^(?:RT\s+@\w+:?\s*)+", re.I)
_URL = re.compile(r"https?://\S*|\S+…")


def text_key(text: str) -> str:
    """What makes two posts the same text: retweet prefix, links, case and spacing ignored."""
    return " ".join(_URL.sub(" ", _RT.sub("", text)).lower().split())


def read_records(path: Path = STOCKNET) -> dict[str, bytes]:
    """Raw records by tweet id (first occurrence)."""
    out: dict[str, bytes] = {}
    with gzip.open(path, "rb") as fh:
        for raw in fh:
            post_id = json.loads(raw)["id_str"]
            out.setdefault(post_id, raw.rstrip(b"\n"))
    return out


def distinct_posts(path: Path = STOCKNET) -> list[Post]:
    """One parsed post per distinct text, in file order."""
    seen: set[str] = set()
    out = []
    for raw in read_records(path).values():
        post = parse_post(raw, max_message_bytes=1 << 20, max_text_chars=100_000)
        key = text_key(post.text)
        if key and key not in seen:
            seen.add(key)
            out.append(post)
    return out
