"""What one post and one spaCy pass may cost, in tokens (issue 12: 100 posts of 10,010 emoji
took a worker to 2.8 GB and stalled it for 49 s).

* ``bounded_doc``: a post's tokens, at most ``max_tokens`` of them, the Doc's text a prefix of
  the post's so entity offsets stay right. spaCy's affix splitting is quadratic in the length
  of a run without spaces (4,000 emoji in a row: 2.3 s; 10,000: ~14 s, holding the GIL), and
  every emoji of a run is a token that NER pays for: a run longer than ``LONG_RUN_CHARS``
  (no word, URL or hashtag is) becomes tokens of ``RUN_PIECE_CHARS`` characters as they are.
* ``budgeted_pipe``: runs a pipeline over texts in passes of at most ``batch_tokens`` tokens
  (a pass grows memory by about 4 KB per token), in order, tokenizing lazily.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

# Runs without spaces longer than this are cut (a URL rarely is); pieces of this length.
LONG_RUN_CHARS = 256
RUN_PIECE_CHARS = 64
_LONG_RUN = re.compile(rf"\S{{{LONG_RUN_CHARS + 1},}} ?")


def _segments(nlp: Any, text: str) -> Iterator[Any]:
    """Docs of consecutive parts of ``text``: spaCy's tokens between long runs, and each long
    run as tokens of ``RUN_PIECE_CHARS`` characters (the space after it kept)."""
    from spacy.tokens import Doc

    pos = 0
    for match in _LONG_RUN.finditer(text):
        if match.start() > pos:
            yield nlp.make_doc(text[pos : match.start()])
        run = match.group()
        spaced = run.endswith(" ")
        run = run.rstrip(" ")
        words = [run[k : k + RUN_PIECE_CHARS] for k in range(0, len(run), RUN_PIECE_CHARS)]
        spaces = [False] * len(words)
        spaces[-1] = spaced
        yield Doc(nlp.vocab, words=words, spaces=spaces)
        pos = match.end()
    if pos < len(text):
        yield nlp.make_doc(text[pos:])


def bounded_doc(nlp: Any, text: str, max_tokens: int) -> Any:
    """``nlp``'s tokens of ``text``, at most ``max_tokens``; the Doc's text is a prefix of
    ``text`` (all of it when it fits), so character offsets into it are offsets into ``text``."""
    if _LONG_RUN.search(text) is None:
        doc = nlp.make_doc(text)
    else:
        from spacy.tokens import Doc

        docs, count = [], 0
        for part in _segments(nlp, text):
            docs.append(part)
            count += len(part)
            if count > max_tokens:
                break
        doc = Doc.from_docs(docs, ensure_whitespace=False)
    if len(doc) > max_tokens:
        doc = doc[:max_tokens].as_doc()
    return doc


def budgeted_pipe(
    nlp: Any, texts: Iterable[str], *, max_tokens: int, batch_tokens: int, batch_size: int
) -> Iterator[Any]:
    """``nlp`` over ``texts`` (each cut to ``max_tokens``), in passes of at most
    ``batch_size`` texts and ``batch_tokens`` tokens (a longer post runs alone), yielding
    Docs in order."""
    group: list[Any] = []
    size = 0
    for text in texts:
        doc = bounded_doc(nlp, text, max_tokens)
        if group and (size + len(doc) > batch_tokens or len(group) >= batch_size):
            yield from nlp.pipe(group, batch_size=len(group))
            group, size = [], 0
        group.append(doc)
        size += len(doc)
    if group:
        yield from nlp.pipe(group, batch_size=len(group))
