import json
from io import StringIO
from pathlib import Path

import pytest
import spacy

from streams.cli.enrich import run_enrich
from streams.cli.root import build_command
from streams.enrich.enricher import Enricher, NlpModels
from streams.enrich.sentiment import SentimentScorer
from streams.errors import ConfigError
from streams.ingest.reader import SourceLine
from streams.settings import Settings


@pytest.fixture(scope="module")
def enricher() -> Enricher:
    return Enricher(NlpModels(ner=spacy.blank("en"), label="blank"), SentimentScorer())


def _tweet(**over: object) -> dict[str, object]:
    status: dict[str, object] = {
        "id": 1400000000000000001,
        "id_str": "1400000000000000001",
        "created_at": "Tue Mar 03 09:15:00 +0000 2026",
        "text": "Shares up",
        "user": {"screen_name": "deskwriter"},
    }
    status.update(over)
    return status


def test_refused_lines_keep_their_place_and_say_which_file_line_and_post(
    enricher: Enricher,
) -> None:
    raws = [
        json.dumps({"id": "p1", "text": "good news"}).encode(),
        b'{"id": "p2", "text": "cut',
        b'{"id": "p3", "text": "broken \\ud800 escape"}',
        json.dumps(_tweet(created_at="yesterday")).encode(),
        json.dumps({"id": "p5", "text": "more good news"}).encode(),
    ]
    lines = [SourceLine(file="a.jsonl", line=n, raw=raw) for n, raw in enumerate(raws, 1)]
    sink = StringIO()
    assert run_enrich(lines, enricher, Settings(batch_size=2), sink) == (2, 3)
    out = [json.loads(line) for line in sink.getvalue().splitlines()]
    assert [o["id"] for o in out] == ["p1", None, "p3", "1400000000000000001", "p5"]
    errors = [o for o in out if "error" in o]
    assert [(e["file"], e["line"], e["error"]["reason"]) for e in errors] == [
        ("a.jsonl", 2, "malformed_json"),
        ("a.jsonl", 3, "bad_encoding"),
        ("a.jsonl", 4, "unknown_shape"),
    ]


def test_missing_input_fails_before_the_output_file_is_touched(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text("earlier results\n")
    with pytest.raises(ConfigError) as info:
        build_command().main(
            ["enrich", str(tmp_path / "missing.jsonl"), "-o", str(out)], standalone_mode=False
        )
    assert info.value.code == "SCOUT-E040"
    assert out.read_text() == "earlier results\n"


def _cli(monkeypatch: pytest.MonkeyPatch, enricher: Enricher) -> None:
    monkeypatch.setattr("streams.enrich.build.build_enricher", lambda settings: enricher)


def test_unwritable_output_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, enricher: Enricher
) -> None:
    _cli(monkeypatch, enricher)
    source = tmp_path / "in.jsonl"
    source.write_text('{"id": "a", "text": "hi"}\n')
    with pytest.raises(ConfigError) as info:
        build_command().main(
            ["enrich", str(source), "-o", str(tmp_path / "no" / "out.jsonl")],
            standalone_mode=False,
        )
    assert info.value.code == "SCOUT-E043" and "no/out.jsonl" in info.value.message


def test_progress_goes_to_stderr_and_stdout_holds_only_the_records(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    enricher: Enricher,
) -> None:
    _cli(monkeypatch, enricher)
    source = tmp_path / "in.jsonl"
    source.write_bytes(
        b'\xef\xbb\xbf{"id": "a", "text": "hi"}\r\n\r\nnot json\r\n{"id": "b", "text": "yo"}\r\n'
    )
    build_command().main(["enrich", str(source)], standalone_mode=False)
    result = capsys.readouterr()
    records = [json.loads(line) for line in result.out.splitlines()]
    assert [r["id"] for r in records] == ["a", None, "b"]
    assert records[1]["line"] == 3 and records[1]["error"]["reason"] == "malformed_json"
    assert "3/3" in result.err  # the progress bar, counted in non-blank lines
    assert "enriched 2 posts, 1 refused" in result.err


def test_printed_posts_carry_their_category_and_story(enricher: Enricher) -> None:
    raw = json.dumps({"id": "c1", "text": "$AAA $BBB $CCC $DDD $EEE #stocks"}).encode()
    sink = StringIO()
    run_enrich([SourceLine(file="a.jsonl", line=1, raw=raw)], enricher, Settings(), sink)
    (out,) = [json.loads(line) for line in sink.getvalue().splitlines()]
    assert out["category"]["label"] == "spam"
    assert 0 <= out["category"]["score"] <= 1 and 0 <= out["category"]["signal"] <= 1
    assert isinstance(out["story"], str) and len(out["story"]) == 16
