"""What one post and one spaCy pass may cost, in tokens (issue 12: 100 posts of 10,010 emoji
took a worker to 2.8 GB and stalled it for 49 s).

* ``bounded_doc``: a post's tokens, at most ``max_tokens`` of them, the Doc's text a prefix of
  the post's so entity offsets stay right. spaCy's affix splitting is quadratic in the length
  of a run without spaces (4,000 emoji in a row: 2.3 s; 10,000: ~14 s, holding the GIL), and
  every emoji of a run is a token that NER pays for: a run longer than ``LONG_RUN_CHARS``
  (no word, URL or hashtag is), or a run of over ``SYMBOL_RUN_CHARS`` symbols, becomes
  tokens of ``RUN_PIECE_CHARS`` characters as they are.
* ``budgeted_pipe``: runs a pipeline over texts in passes of at most ``batch_tokens`` tokens
  (a pass grows memory by about 4 KB per token), in order, tokenizing lazily.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

# Runs without spaces longer than this are cut (a URL rarely is), and so are runs of more
# than SYMBOL_RUN_CHARS characters that are neither letters nor digits (emoji,
# punctuation: no word has them, and spaCy splits them off one by one); pieces of
# RUN_PIECE_CHARS characters.
LONG_RUN_CHARS = 256
SYMBOL_RUN_CHARS = 32
RUN_PIECE_CHARS = 64
# Longer text is tokenized in parts of about this many characters, so that tokenizing stops
# soon after a post's token cap.
CHUNK_CHARS = 2_048
_CUT = re.compile(r" (?=\S)")
_LONG_RUN = re.compile(rf"(?:[^\s\w]{{{SYMBOL_RUN_CHARS + 1},}}|\S{{{LONG_RUN_CHARS + 1},}}) ?")


def _chunks(text: str, size: int = CHUNK_CHARS) -> Iterator[str]:
    """``text`` in consecutive parts of about ``size`` characters, each cut after a space
    that a non-space follows: spaCy tokenizes the parts as it does the whole."""
    pos = 0
    while len(text) - pos > size:
        cut = text.rfind(" ", pos + 1, pos + size)
        while cut > pos and text[cut + 1] == " ":
            cut = text.rfind(" ", pos + 1, cut)
        if cut <= pos:
            found = _CUT.search(text, pos + size)
            if found is None:
                break
            cut = found.start()
        yield text[pos : cut + 1]
        pos = cut + 1
    yield text[pos:]


def _segments(nlp: Any, text: str) -> Iterator[Any]:
    """Docs of consecutive parts of ``text``: spaCy's tokens between long runs (in chunks),
    and each long run as tokens of ``RUN_PIECE_CHARS`` characters (the space after it kept)."""
    from spacy.tokens import Doc

    pos = 0
    for match in _LONG_RUN.finditer(text):
        if match.start() > pos:
            yield from (nlp.make_doc(c) for c in _chunks(text[pos : match.start()]))
        run = match.group()
        spaced = run.endswith(" ")
        run = run.rstrip(" ")
        words = [run[k : k + RUN_PIECE_CHARS] for k in range(0, len(run), RUN_PIECE_CHARS)]
        spaces = [False] * len(words)
        spaces[-1] = spaced
        yield Doc(nlp.vocab, words=words, spaces=spaces)
        pos = match.end()
    if pos < len(text):
        yield from (nlp.make_doc(c) for c in _chunks(text[pos:]))


def bounded_doc(nlp: Any, text: str, max_tokens: int) -> Any:
    """``nlp``'s tokens of ``text``, at most ``max_tokens``; the Doc's text is a prefix of
    ``text`` (all of it when it fits), so character offsets into it are offsets into ``text``.
    Tokenizing stops soon after ``max_tokens``: the cost is bounded by the cap too."""
    if len(text) <= max_tokens and _LONG_RUN.search(text) is None:
        doc = nlp.make_doc(text)  # a post's usual case: no more tokens than characters
    else:
        from spacy.tokens import Doc

        docs, count = [], 0
        for part in _segments(nlp, text):
            docs.append(part)
            count += len(part)
            if count > max_tokens:
                break
        doc = docs[0] if len(docs) == 1 else Doc.from_docs(docs, ensure_whitespace=False)
    if len(doc) > max_tokens:
        doc = doc[:max_tokens].as_doc()
    return doc


def budgeted_pipe(
    nlp: Any,
    texts: Iterable[str],
    *,
    max_tokens: int,
    batch_tokens: int,
    batch_size: int,
    disable: Sequence[str] = (),
) -> Iterator[Any]:
    """``nlp`` over ``texts`` (each cut to ``max_tokens``), in passes of at most
    ``batch_size`` texts and ``batch_tokens`` tokens (a longer post runs alone), yielding
    Docs in order; the components named in ``disable`` do not run."""
    group: list[Any] = []
    size = 0
    for text in texts:
        doc = bounded_doc(nlp, text, max_tokens)
        if group and (size + len(doc) > batch_tokens or len(group) >= batch_size):
            yield from nlp.pipe(group, batch_size=len(group), **_disabled(disable))
            group, size = [], 0
        group.append(doc)
        size += len(doc)
    if group:
        yield from nlp.pipe(group, batch_size=len(group), **_disabled(disable))


def _disabled(disable: Sequence[str]) -> dict[str, Any]:
    """``nlp.pipe`` keywords: none when nothing is disabled (test doubles take only two)."""
    return {"disable": list(disable)} if disable else {}
