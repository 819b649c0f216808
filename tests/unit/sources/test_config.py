"""The sources file: each broken source is reported naming the source and the field, with
a stable code, and the other sources load."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from streams.errors import ConfigError
from streams.sources import SourceConfigError, load_sources, parse_sources
from streams.sources.rss.config import RssConfig


def _parse(text: str) -> tuple[list[str], list[SourceConfigError]]:
    loaded = parse_sources(text.encode(), "sources.yaml")
    return [s.name for s in loaded.sources], list(loaded.problems)


def test_the_issue_example_loads_as_written() -> None:
    loaded = parse_sources(
        b"sources:\n  - name: example-news\n    kind: rss\n"
        b"    url: https://example.org/feed.xml\n    interval: 30s\n",
        "sources.yaml",
    )
    (source,) = loaded.sources
    assert isinstance(source, RssConfig)
    assert source.url == "https://example.org/feed.xml"
    assert source.poll_interval == timedelta(seconds=30)
    assert source.poll_cap == timedelta(seconds=300)  # 10 x interval by default
    assert source.filter == "all"
    assert not loaded.problems


@pytest.mark.parametrize(
    ("entry", "source", "field", "code", "says"),
    [
        ("- kind: rss\n  url: https://a.example/f", "#2", "name", "SCOUT-E701", "missing"),
        ("- name: 'bad name'\n  kind: rss", "#2", "name", "SCOUT-E701", "bad name"),
        ("- just a string", "#2", "source", "SCOUT-E701", "expected a mapping"),
        ("- name: b\n  url: https://a.example/f", "b", "kind", "SCOUT-E703", "missing"),
        ("- name: b\n  kind: gopher", "b", "kind", "SCOUT-E703", "unknown kind 'gopher'"),
        ("- name: b\n  kind: rss", "b", "url", "SCOUT-E704", "Field required"),
        ("- name: b\n  kind: rss\n  url: ftp://x/f", "b", "url", "SCOUT-E704", "http://"),
        (
            "- name: b\n  kind: rss\n  url: https://a.example/f\n  interval: soon",
            "b",
            "interval",
            "SCOUT-E704",
            "bad interval 'soon'",
        ),
        (
            "- name: b\n  kind: rss\n  url: https://a.example/f\n  interval: 5m\n"
            "  max_interval: 1m",
            "b",
            "source",
            "SCOUT-E704",
            "max_interval is shorter than interval",
        ),
        (
            "- name: b\n  kind: rss\n  url: https://a.example/f\n  colour: red",
            "b",
            "colour",
            "SCOUT-E704",
            "unknown field",
        ),
        (
            "- name: b\n  kind: rss\n  url: https://a.example/f\n  filter: everything",
            "b",
            "filter",
            "SCOUT-E704",
            "",
        ),
        (
            "- name: good\n  kind: rss\n  url: https://b.example/f",
            "good",
            "name",
            "SCOUT-E702",
            "unique",
        ),
    ],
)
def test_a_broken_source_is_named_with_its_field_and_the_others_load(
    entry: str, source: str, field: str, code: str, says: str
) -> None:
    text = "sources:\n- name: good\n  kind: rss\n  url: https://a.example/f\n" + entry + "\n"
    names, problems = _parse(text)
    assert names == ["good"]
    (problem,) = problems
    assert (problem.source, problem.field, problem.code) == (source, field, code)
    assert says in str(problem)
    label = source if source.startswith("#") else repr(source)
    assert str(problem).startswith(f"[{code}] source {label}: {field}: ")


def test_a_kind_named_by_the_issue_but_not_written_yet_says_so(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("streams.sources.config.PLANNED", ("carrier-pigeon",))
    names, problems = _parse("sources:\n- name: b\n  kind: carrier-pigeon\n")
    [problem] = problems
    assert names == [] and (problem.source, problem.field, problem.code) == (
        "b",
        "kind",
        "SCOUT-E703",
    )
    assert "not implemented yet" in str(problem)


def test_keyword_filter_and_watchlist_filter_are_read() -> None:
    names, problems = _parse(
        "sources:\n"
        "- {name: a, kind: rss, url: 'https://a.example/f', filter: watchlist}\n"
        "- {name: b, kind: rss, url: 'https://a.example/g', filter: {keywords: [Acme, Globex]}}\n"
    )
    assert names == ["a", "b"] and not problems


@pytest.mark.parametrize(
    "text",
    [b"sources: [\n", b"- a list at the top\n", b"sources: {a: 1}\n", b"feeds: []\n", b"\xff\xfe"],
)
def test_a_file_that_cannot_be_read_as_a_whole_is_e700(text: bytes) -> None:
    with pytest.raises(ConfigError) as caught:
        parse_sources(text, "sources.yaml")
    assert caught.value.code == "SCOUT-E700"
    assert "sources.yaml" in str(caught.value)


def test_a_missing_file_says_where_to_find_an_example(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as caught:
        load_sources(tmp_path / "sources.yaml")
    assert caught.value.code == "SCOUT-E700"
    assert "deploy/sources.example.yaml" in str(caught.value)


def test_an_empty_file_has_no_sources() -> None:
    loaded = parse_sources(b"", "sources.yaml")
    assert loaded.sources == () and loaded.problems == ()


def test_the_version_follows_the_content() -> None:
    a = parse_sources(b"sources: []\n", "f")
    b = parse_sources(b"sources: []\n# edited\n", "f")
    assert a.version != b.version
    assert a.version == parse_sources(b"sources: []\n", "g").version
