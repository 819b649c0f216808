"""Read the news sentences of the NER set from ``../shared/data`` (texts never enter the repo).

A candidate line is ``{"id", "source", "doc", "start", "end", "sha1"}``: ``start``/``end``
index the document's ``text`` field, and the sentence text is that span with every run of
whitespace made one space (Reuters wraps its lines). ``sha1`` is the first 12 hex digits of
the SHA-1 of the sentence text, to notice a changed data file. Label offsets index the
sentence text.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.eval_ma import read_jsonl

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT.parent / "shared" / "data"
HERE = Path(__file__).resolve().parent
REUTERS = "reuters21578/modapte_train.jsonl.gz"
CRUNCHBASE = "crunchbase_acquisitions/dev.jsonl"
SOURCE_FILES = {"reuters": REUTERS, "crunchbase": CRUNCHBASE}

# Reuters writes Inc, Corp, Ltd without a stop, so a stop after them ends a sentence.
_ABBREVIATIONS = frozenset(
    ("mr", "mrs", "ms", "dr", "prof", "gen", "gov", "sen", "rep", "st", "jr", "sr", "bros")
    + ("no", "nos", "vs", "cf", "mt", "ft", "jan", "feb", "mar", "apr", "jun", "jul", "aug")
    + ("sep", "sept", "oct", "nov", "dec")
)
_BOUNDARY = re.compile(r"[.!?][\"')]?(?=\s+[\"'(]?[A-Z0-9])")


@dataclass(frozen=True)
class Sentence:
    id: str
    source: str
    doc: str
    start: int
    end: int
    text: str


def clean(span: str) -> str:
    """The sentence text of a document span: whitespace runs made one space, ends stripped."""
    return " ".join(span.split())


def digest(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]  # noqa: S324 - a checksum


def _ends_sentence(text: str, dot: int) -> bool:
    """Whether the mark at ``dot`` ends a sentence (not 'Corp.', 'U.S.', 'J.')."""
    if text[dot] != ".":
        return True
    word = re.search(r"[\w.&'-]*$", text[:dot])
    token = word.group(0) if word else ""
    if token.lower().rstrip(".") in _ABBREVIATIONS:
        return False
    if re.fullmatch(r"[A-Za-z]", token):  # an initial
        return False
    return not re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", token)  # U.S, U.K


def split_spans(text: str) -> list[tuple[int, int]]:
    """Sentence spans of a Reuters body: paragraphs (indented lines) cut at sentence ends.

    The headline (the text before the first blank line) is left out.
    """
    body_start = text.find("\n\n")
    body_start = 0 if body_start < 0 else body_start + 2
    spans: list[tuple[int, int]] = []
    for para in re.finditer(r"(?:(?!\n {2,}|\n\n).)+", text[body_start:], re.S):
        p_start = body_start + para.start()
        chunk = para.group(0)
        last = 0
        for mark in _BOUNDARY.finditer(chunk):
            if _ends_sentence(chunk, mark.start()):
                spans.append((p_start + last, p_start + mark.end()))
                last = mark.end()
        spans.append((p_start + last, p_start + len(chunk)))
    out = []
    for start, end in spans:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            out.append((start, end))
    return out


def load_documents(data: Path, sources: set[str]) -> dict[tuple[str, str], str]:
    """``(source, doc id) -> text`` for the given sources."""
    docs: dict[tuple[str, str], str] = {}
    for source in sorted(sources):
        for row in read_jsonl(data / SOURCE_FILES[source]):
            docs[(source, str(row["id"]))] = str(row["text"])
    return docs


def read_candidates(path: Path) -> list[dict[str, Any]]:
    return list(read_jsonl(path))


def resolve(candidates: list[dict[str, Any]], data: Path = DATA) -> list[Sentence]:
    """The sentences of candidate lines, read from ``data``; a changed text raises ValueError."""
    docs = load_documents(data, {str(c["source"]) for c in candidates})
    sentences = []
    for c in candidates:
        raw = docs.get((c["source"], c["doc"]))
        if raw is None:
            raise ValueError(f"{c['id']}: document {c['doc']} not in {c['source']} data")
        text = clean(raw[c["start"] : c["end"]])
        if digest(text) != c["sha1"]:
            raise ValueError(
                f"{c['id']}: sentence text changed (sha1 {digest(text)} != {c['sha1']})"
            )
        sentences.append(Sentence(c["id"], c["source"], c["doc"], c["start"], c["end"], text))
    return sentences
