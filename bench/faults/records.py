"""A seeded generator of hostile and valid ``posts.raw`` records, each tagged with the
outcome it must have: ``indexed``, ``dead`` (dead-lettered) or ``either`` (borderline: a
fix may index it or dead-letter it, but it must be one of the two).

Every record carries a unique ``tag``: it is the Kafka key and, wherever the record has a
post id that could be indexed, that id, so an Elasticsearch document or a dead letter is
matched back to its record exactly. Pure: no Kafka, no Elasticsearch.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Literal

Expect = Literal["indexed", "dead", "either"]
SOURCE = "faults"
RULE_WORD = "acquires"  # in every valid post's text, in no hostile one's

NextTag = Callable[[], str]


@dataclass(frozen=True)
class Limits:
    """The worker's limits the borderline families are built around."""

    max_text_chars: int = 20_000
    max_message_bytes: int = 900_000


@dataclass(frozen=True)
class FaultRecord:
    tag: str
    family: str
    expect: Expect
    value: bytes

    @property
    def key(self) -> bytes:
        return self.tag.encode()


def _post(tag: str, text: str, **extra: Any) -> dict[str, Any]:
    return {"id": tag, "text": text, "source": SOURCE, **extra}


def _dumps(obj: Any) -> bytes:
    return json.dumps(obj).encode()


def valid_post(tag: str, i: int) -> FaultRecord:
    """A distinct ordinary post that the suite's alert rule matches (``RULE_WORD``)."""
    city = ("Berlin", "Oslo", "Lyon", "Austin", "Osaka")[i % 5]
    text = f"Fault suite post {i}: Northwind {RULE_WORD} Tailspin unit {i} in {city}."
    body = _post(tag, text, author={"handle": "faultdesk"}, created_at="2026-12-01T12:00:00Z")
    return FaultRecord(tag, "valid", "indexed", _dumps(body))


# --- families ----------------------------------------------------------------------
def deep_json(next_tag: NextTag, rng: random.Random, limits: Limits) -> list[FaultRecord]:
    """JSON nested 10,000 deep: an array and an object (RecursionError in the decoder)."""
    depth = 10_000
    out = []
    for shape, (opening, closing) in (("array", ("[", "]")), ("object", ('{"a":', "}"))):
        tag = next_tag()
        head = json.dumps(_post(tag, "deep nesting"))[:-1]
        raw = f'{head}, "nest": {opening * depth}1{closing * depth}}}'
        out.append(FaultRecord(tag, f"deep_json:{shape}", "dead", raw.encode()))
    return out


def big_int(next_tag: NextTag, rng: random.Random, limits: Limits) -> list[FaultRecord]:
    """An integer literal of 4,400 digits in an extra field (Python's 4,300-digit limit)."""
    tag = next_tag()
    digits = "9" + "".join(rng.choice("0123456789") for _ in range(4_399))
    head = json.dumps(_post(tag, "a post with a huge number in it"))[:-1]
    return [FaultRecord(tag, "big_int", "either", f'{head}, "n": {digits}}}'.encode())]


def deep_author(next_tag: NextTag, rng: random.Random, limits: Limits) -> list[FaultRecord]:
    """An ``author`` object nested 500 deep (an allowed extra key of Author)."""
    tag = next_tag()
    nested: dict[str, Any] = {"leaf": True}
    for _ in range(500):
        nested = {"a": nested}
    body = _post(tag, "an author nested very deep", author={"handle": "deep", "nest": nested})
    return [FaultRecord(tag, "deep_author", "either", _dumps(body))]


def control_chars(next_tag: NextTag, rng: random.Random, limits: Limits) -> list[FaultRecord]:
    """~880 KB of JSON-escaped control characters: under the message limit, over the text
    limit, and its dead letter (escaped once more) over Kafka's 1 MB request limit."""
    tag = next_tag()
    size = min(880_000, limits.max_message_bytes - 20_000)
    text = "".join(chr(rng.choice([*range(1, 9), *range(14, 32), 127])) for _ in range(size // 6))
    return [FaultRecord(tag, "control_chars", "dead", _dumps(_post(tag, text)))]


def invalid_utf8(next_tag: NextTag, rng: random.Random, limits: Limits) -> list[FaultRecord]:
    """800 KB of bytes that are not UTF-8 inside a post (base64 in a dead letter: 1.07 MB)."""
    tag = next_tag()
    size = min(800_000, limits.max_message_bytes - 20_000)
    junk = bytes(rng.choice(range(0x80, 0x100)) for _ in range(size))
    raw = f'{{"id": "{tag}", "source": "{SOURCE}", "text": "'.encode() + junk + b'"}'
    return [FaultRecord(tag, "invalid_utf8", "dead", raw)]


def huge_post(next_tag: NextTag, rng: random.Random, limits: Limits) -> list[FaultRecord]:
    """A ~1 MB valid JSON post: over the message limit, still under the broker's."""
    tag = next_tag()
    words = ("market", "share", "price", "deal", "cloud", "chip", "retail")
    target = limits.max_message_bytes + 100_000
    text = " ".join(rng.choice(words) for _ in range(target // 6))[:target]
    return [FaultRecord(tag, "huge_post", "dead", _dumps(_post(tag, text)))]


def random_bytes(next_tag: NextTag, rng: random.Random, limits: Limits) -> list[FaultRecord]:
    tag = next_tag()
    return [FaultRecord(tag, "random_bytes", "dead", rng.randbytes(rng.randint(1, 4096)))]


def truncated_json(next_tag: NextTag, rng: random.Random, limits: Limits) -> list[FaultRecord]:
    """A valid post cut short (any strict prefix of a JSON object is malformed)."""
    tag = next_tag()
    whole = _dumps(_post(tag, "this post was cut off in the middle of a sentence"))
    return [FaultRecord(tag, "truncated_json", "dead", whole[: rng.randint(1, len(whole) - 1)])]


# A wrong value for every Post field (and the nested ones): pydantic must refuse each.
WRONG_TYPES: dict[str, Any] = {
    "id": ["a", "list"],
    "id:bool": True,
    "text": 42,
    "text:null": None,
    "text:object": {"$t": "text in an object"},
    "created_at": [2026, 12, 1],
    "created_at:words": "yesterday",
    "created_at:naive": "2026-12-01T12:00:00",
    "author": "bob",
    "author.handle": {"at": "bob"},
    "author.followers": "many",
    "author.verified": "maybe",
    "source": 17,
    "source:empty": "",
    "url": {"href": "https://example.com"},
    "lang": ["en"],
    "engagement": "lots",
    "engagement.likes": -5,
    "repost_of": 42,
    "repost_of.id": None,
    "backfill": [],
    "backfill.run": {"alerts": True},
    "schema_version": "one",
}


def _set(body: dict[str, Any], path: str, value: Any) -> dict[str, Any]:
    field = path.split(":")[0]
    if "." not in field:
        return {**body, field: value}
    outer, inner = field.split(".")
    if outer == "backfill":  # the whole object stands for its missing required field
        return {**body, outer: value}
    base = {"repost_of": {"id": "x"}}.get(outer, {})
    return {**body, outer: {**base, inner: value}}


def wrong_types(next_tag: NextTag, rng: random.Random, limits: Limits) -> list[FaultRecord]:
    out = []
    for path, value in WRONG_TYPES.items():
        tag = next_tag()
        body = _set(_post(tag, f"a post whose {path} is wrong"), path, value)
        out.append(FaultRecord(tag, f"wrong_type:{path}", "dead", _dumps(body)))
    return out


def empty_text(next_tag: NextTag, rng: random.Random, limits: Limits) -> list[FaultRecord]:
    texts = {"empty": "", "blank": "  \n\t  ", "invisible": "\u200b\u2060\ufeff\u200d\u202e\u2066"}
    out = []
    for name, text in texts.items():
        tag = next_tag()
        out.append(FaultRecord(tag, f"empty_text:{name}", "dead", _dumps(_post(tag, text))))
    return out


def text_limits(next_tag: NextTag, rng: random.Random, limits: Limits) -> list[FaultRecord]:
    """Texts of exactly SCOUT_MAX_TEXT_CHARS (indexed) and one more (dead-lettered)."""
    out = []
    filler = "the quarterly numbers were fine "
    cases: tuple[tuple[str, int, Expect], ...] = (
        ("at_limit", limits.max_text_chars, "indexed"),
        ("over_limit", limits.max_text_chars + 1, "dead"),
    )
    for name, size, expect in cases:
        tag = next_tag()
        text = (filler * (size // len(filler) + 1))[: size - 1] + "."
        out.append(FaultRecord(tag, f"text:{name}", expect, _dumps(_post(tag, text))))
    return out


def zero_width_bidi(next_tag: NextTag, rng: random.Random, limits: Limits) -> list[FaultRecord]:
    texts = (
        "Micro\u200dsoft partners with Or\u202eacle on cloud",
        "Spo\u200btify and Ad\u2066obe\u2069 report strong\u00ad quarters",
        "\u202bIntel\u202c and N\u200cvidia chips in \u2067Osaka\u2069 today",
    )
    out = []
    for text in texts:
        tag = next_tag()
        out.append(FaultRecord(tag, "zero_width_bidi", "indexed", _dumps(_post(tag, text))))
    return out


def duplicate_keys(next_tag: NextTag, rng: random.Random, limits: Limits) -> list[FaultRecord]:
    """JSON keeps the last of duplicate keys: a decoy id then the real one (indexed under
    the last), and a good text then a number (dead)."""
    tag = next_tag()
    first = f'{{"id": "decoy", "text": "two ids in one post", "source": "{SOURCE}", "id": "{tag}"}}'
    tag2 = next_tag()
    second = f'{{"id": "{tag2}", "text": "a good text", "source": "{SOURCE}", "text": 42}}'
    return [
        FaultRecord(tag, "duplicate_keys:id", "indexed", first.encode()),
        FaultRecord(tag2, "duplicate_keys:text", "dead", second.encode()),
    ]


_EMOJI = [chr(c) for c in range(0x1F600, 0x1F650)] + [chr(c) for c in range(0x1F680, 0x1F6C0)]


def emoji(next_tag: NextTag, rng: random.Random, limits: Limits) -> list[FaultRecord]:
    """10,010 emoji (under the 20,000-character limit): 2.8 GB RSS for 100 in issue 12."""
    tag = next_tag()
    text = "".join(rng.choice(_EMOJI) for _ in range(min(10_010, limits.max_text_chars)))
    return [FaultRecord(tag, "emoji", "indexed", _dumps(_post(tag, text)))]


def odd_json(next_tag: NextTag, rng: random.Random, limits: Limits) -> list[FaultRecord]:
    """Not an object, a lone surrogate, NaN, a BOM, a NUL, 5,000 extra fields, long ids."""
    out = []
    for value in ("[]", '"just a string"', "null", "42", "true"):
        tag = next_tag()
        out.append(FaultRecord(tag, "not_an_object", "dead", value.encode()))
    tag = next_tag()
    surrogate = f'{{"id": "{tag}", "source": "{SOURCE}", "text": "half \\ud800 a pair"}}'
    out.append(FaultRecord(tag, "lone_surrogate", "dead", surrogate.encode()))
    tag = next_tag()
    nan = (
        f'{{"id": "{tag}", "source": "{SOURCE}", "text": "not a number", "x": NaN, "y": -Infinity}}'
    )
    out.append(FaultRecord(tag, "nan_literal", "either", nan.encode()))
    tag = next_tag()
    out.append(
        FaultRecord(
            tag, "bom", "indexed", b"\xef\xbb\xbf" + _dumps(_post(tag, "a post with a BOM"))
        )
    )
    tag = next_tag()
    nul = _post(tag, "before\u0000after, with a NUL in the middle")
    out.append(FaultRecord(tag, "nul_in_text", "indexed", _dumps(nul)))
    tag = next_tag()
    flood = _post(tag, "a post with many extra fields", **{f"k{i}": i for i in range(5_000)})
    out.append(FaultRecord(tag, "field_flood", "either", _dumps(flood)))
    tag = next_tag()
    long_id = (tag + "-" + "x" * 512)[:512]
    out.append(FaultRecord(long_id, "id:512", "indexed", _dumps(_post(long_id, "a long id"))))
    tag = next_tag()
    too_long = (tag + "-" + "y" * 600)[:600]
    out.append(FaultRecord(too_long, "id:600", "dead", _dumps(_post(too_long, "too long an id"))))
    return out


Builder = Callable[[NextTag, random.Random, Limits], list[FaultRecord]]
FAMILIES: dict[str, Builder] = {
    "deep_json": deep_json,
    "big_int": big_int,
    "deep_author": deep_author,
    "control_chars": control_chars,
    "invalid_utf8": invalid_utf8,
    "huge_post": huge_post,
    "random_bytes": random_bytes,
    "truncated_json": truncated_json,
    "wrong_types": wrong_types,
    "empty_text": empty_text,
    "text_limits": text_limits,
    "zero_width_bidi": zero_width_bidi,
    "duplicate_keys": duplicate_keys,
    "emoji": emoji,
    "odd_json": odd_json,
}
# Small and cheap: interleaved with live streams (kill loop, outages).
LIGHT = ("random_bytes", "truncated_json", "wrong_types", "empty_text", "duplicate_keys")


def tagger(prefix: str) -> NextTag:
    counter = iter(range(10**9))
    return lambda: f"{prefix}-{next(counter):06d}"


def generate(
    *,
    seed: int = 12,
    valid: int = 200,
    per_family: int = 1,
    emoji_posts: int = 1,
    families: Sequence[str] | None = None,
    limits: Limits | None = None,
    prefix: str = "f",
) -> list[FaultRecord]:
    """``valid`` valid posts and ``per_family`` rounds of every hostile family (``emoji``:
    ``emoji_posts``), in a seeded shuffle. The same arguments give the same bytes."""
    rng = random.Random(seed)  # noqa: S311 - reproducible test data, not security
    limits = limits or Limits()
    next_tag = tagger(prefix)
    records = []
    for i in range(valid):
        records.append(valid_post(next_tag(), i))
    for name in families if families is not None else FAMILIES:
        rounds = emoji_posts if name == "emoji" else per_family
        for _ in range(rounds):
            records.extend(FAMILIES[name](next_tag, rng, limits))
    rng.shuffle(records)
    return records


def stream(
    *, seed: int = 12, hostile_every: int = 10, limits: Limits | None = None, prefix: str = "s"
) -> Iterator[FaultRecord]:
    """An endless live stream: valid posts, every ``hostile_every``-th record a light
    hostile one (one variant of a ``LIGHT`` family, in turn)."""
    rng = random.Random(seed)  # noqa: S311 - reproducible test data, not security
    limits = limits or Limits()
    next_tag = tagger(prefix)
    for i in range(10**9):
        if hostile_every and i % hostile_every == hostile_every - 1:
            family = LIGHT[(i // hostile_every) % len(LIGHT)]
            yield rng.choice(FAMILIES[family](next_tag, rng, limits))
        else:
            yield valid_post(next_tag(), i)
