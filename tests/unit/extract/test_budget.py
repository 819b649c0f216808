import random
import time
from typing import Any

import spacy

from streams.extract.budget import LONG_RUN_CHARS, RUN_PIECE_CHARS, bounded_doc, budgeted_pipe


def _nlp() -> Any:
    nlp = spacy.blank("en")
    nlp.add_pipe("entity_ruler").add_patterns(  # type: ignore[attr-defined]
        [{"label": "ORG", "pattern": "Oracle"}]
    )
    return nlp


def test_a_wall_of_emoji_costs_a_token_per_piece_and_keeps_the_text() -> None:
    # issue 12: 10,010 emoji in a row took spaCy's tokenizer ~14 s and NER 10,010 tokens
    text = "Oracle " + "\U0001f600" * 10_010 + " Oracle again"
    started = time.monotonic()
    doc = bounded_doc(_nlp(), text, max_tokens=5_000)
    assert time.monotonic() - started < 1.0
    assert doc.text == text
    assert len(doc) <= 10_010 // RUN_PIECE_CHARS + 6
    ents = [(e.text, e.start_char) for e in _nlp()(doc).ents]
    assert ents == [("Oracle", 0), ("Oracle", text.rindex("Oracle"))]


def test_ordinary_text_is_tokenized_as_spacy_does() -> None:
    nlp = _nlp()
    text = "Oracle buys a start-up (https://example.com/a/b?c=d) for $2bn, says @safra!"
    url = "https://example.com/" + "x" * (LONG_RUN_CHARS - 30)
    for sample in (text, f"see {url} now"):
        assert [t.text for t in bounded_doc(nlp, sample, 100)] == [t.text for t in nlp(sample)]


def test_long_text_tokenized_in_parts_gives_spacys_tokens() -> None:
    nlp = _nlp()
    words = ["Oracle", "buys", "(Cerner)", "for", "$28bn.", "\n", "Really?!", "", "e.g.", "U.S."]
    rng = random.Random(5)
    text = " ".join(rng.choice(words) for _ in range(8_000))  # blanks make double spaces
    doc = bounded_doc(nlp, text, max_tokens=100_000)
    assert doc.text == text
    assert [(t.idx, t.text) for t in doc] == [(t.idx, t.text) for t in nlp.make_doc(text)]


def test_symbol_runs_cost_little_whatever_their_mix() -> None:
    rng = random.Random(1)
    emoji = [chr(c) for c in range(0x1F600, 0x1F64F)]
    for length in (24, 40, 300, 5_000):  # distinct runs: spaCy's cache does not help
        text = " ".join(
            "".join(rng.choice(emoji) for _ in range(length)) + rng.choice(["", "a"])
            for _ in range(19_000 // (length + 2))
        )
        started = time.monotonic()
        doc = bounded_doc(_nlp(), text, max_tokens=1_000)
        assert time.monotonic() - started < 0.5, length
        assert len(doc) <= 1_000 and text.startswith(doc.text)


def test_a_post_is_cut_to_max_tokens_and_its_text_stays_a_prefix() -> None:
    text = "a " * 10_000 + "Oracle"
    doc = bounded_doc(_nlp(), text, max_tokens=1_000)
    assert len(doc) == 1_000 and text.startswith(doc.text)
    run = "\U0001f600" * 100_000
    doc = bounded_doc(_nlp(), run, max_tokens=10)
    assert len(doc) == 10 and run.startswith(doc.text)


class _Recorder:
    """A pipeline that records the token count of every pass."""

    def __init__(self) -> None:
        self.nlp = _nlp()
        self.vocab = self.nlp.vocab
        self.passes: list[int] = []

    def make_doc(self, text: str) -> Any:
        return self.nlp.make_doc(text)

    def pipe(self, docs: list[Any], batch_size: int) -> Any:
        assert batch_size == len(docs)
        self.passes.append(sum(len(d) for d in docs))
        return self.nlp.pipe(docs, batch_size=batch_size)


def test_passes_stay_within_the_token_budget_and_keep_the_order() -> None:
    texts = [f"post {i} " + "word " * (i * 37 % 400) for i in range(60)]
    recorder = _Recorder()
    docs = list(budgeted_pipe(recorder, texts, max_tokens=300, batch_tokens=1_000, batch_size=50))
    assert all(texts[i].startswith(d.text) for i, d in enumerate(docs))  # in order
    assert all(d.text == t for t, d in zip(texts, docs, strict=True) if len(t.split()) < 290)
    assert len(recorder.passes) > 1 and max(recorder.passes) <= 1_000
    assert sum(recorder.passes) == sum(len(d) for d in docs)
