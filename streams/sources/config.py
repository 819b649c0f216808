"""The sources file: read, validate each source on its own, report the broken ones.

    sources:
      - name: example-news
        kind: rss
        url: https://example.org/feed.xml
        interval: 30s            # optional (the kind's default otherwise)
        max_interval: 10m        # optional: cap of the adaptive interval (10 x interval)
        filter: all              # optional: all | watchlist | {keywords: [...]}

A file that cannot be read at all is a ``ConfigError`` (SCOUT-E700). A broken source is a
:class:`~streams.sources.errors.SourceConfigError` in ``SourcesFile.problems`` naming the
source and the field; the other sources load.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from streams.errors import ConfigError
from streams.sources.errors import (
    E_DUPLICATE,
    E_FIELD,
    E_FILE,
    E_KIND,
    E_NAME,
    SourceConfigError,
)
from streams.sources.kinds import CONFIGS, PLANNED
from streams.sources.spec import NAME_PATTERN, SourceConfig

__all__ = ["SourcesFile", "load_sources", "parse_sources", "file_version"]

_NAME = re.compile(NAME_PATTERN)


@dataclass(frozen=True)
class SourcesFile:
    """The valid sources of a file (in file order) and the problems of the others."""

    path: str
    version: str
    sources: tuple[SourceConfig, ...]
    problems: tuple[SourceConfigError, ...]

    def get(self, name: str) -> SourceConfig | None:
        return next((s for s in self.sources if s.name == name), None)


def file_version(data: bytes) -> str:
    """A short hash of the file's content: a change of content is a change of version."""
    return hashlib.sha256(data).hexdigest()[:12]


def load_sources(path: Path) -> SourcesFile:
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise ConfigError(
            f"no sources file at {path}: write one (deploy/sources.example.yaml is an"
            " example) or point SCOUT_SOURCES_FILE at it",
            code=E_FILE,
        ) from exc
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read the sources file: {exc}", code=E_FILE) from exc
    return parse_sources(data, str(path))


def parse_sources(data: bytes, path: str) -> SourcesFile:
    try:
        document = yaml.safe_load(data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: not UTF-8 (byte {exc.start})", code=E_FILE) from exc
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: not valid YAML: {exc}", code=E_FILE) from exc
    if document is None:
        document = {"sources": []}
    if not isinstance(document, dict) or set(document) - {"sources"}:
        raise ConfigError(
            f"{path}: expected a mapping with one key, `sources:` (a list of sources)",
            code=E_FILE,
        )
    entries = document.get("sources") or []
    if not isinstance(entries, list):
        raise ConfigError(f"{path}: `sources` must be a list", code=E_FILE)
    sources: list[SourceConfig] = []
    problems: list[SourceConfigError] = []
    for number, entry in enumerate(entries, start=1):
        try:
            source = parse_source(entry, number)
        except SourceConfigError as exc:
            problems.append(exc)
            continue
        if any(s.name == source.name for s in sources):
            problems.append(
                SourceConfigError(
                    source.name,
                    "name",
                    f"another source is named {source.name!r} (source #{number}); names"
                    " must be unique",
                    code=E_DUPLICATE,
                )
            )
            continue
        sources.append(source)
    return SourcesFile(path, file_version(data), tuple(sources), tuple(problems))


def parse_source(entry: Any, number: int) -> SourceConfig:
    """One entry of ``sources`` -> its kind's configuration, or ``SourceConfigError``."""
    where = f"#{number}"
    if not isinstance(entry, dict):
        raise SourceConfigError(
            where, "source", f"expected a mapping, got {type(entry).__name__}", code=E_NAME
        )
    name = entry.get("name")
    if not isinstance(name, str) or not _NAME.match(name):
        raise SourceConfigError(
            where,
            "name",
            "missing"
            if name is None
            else f"bad name {name!r}: use letters, digits, . _ -"
            " (at most 64, starting with a letter or digit)",
            code=E_NAME,
        )
    kind = entry.get("kind")
    if kind not in CONFIGS:
        known = ", ".join(sorted(CONFIGS))
        if kind is None:
            reason = f"missing (one of: {known})"
        elif kind in PLANNED:
            reason = f"{kind!r} is not implemented yet (implemented: {known})"
        else:
            reason = f"unknown kind {kind!r} (one of: {known})"
        raise SourceConfigError(name, "kind", reason, code=E_KIND)
    try:
        return CONFIGS[kind].model_validate(entry)
    except ValidationError as exc:
        err = exc.errors()[0]
        # Union members appear in the location (filter.literal['all','watchlist']): drop them.
        field = (
            ".".join(str(p) for p in err["loc"] if not any(c in str(p) for c in "[(',")) or "source"
        )
        message = err["msg"].removeprefix("Value error, ")
        if err["type"] == "extra_forbidden":
            allowed = ", ".join(sorted(CONFIGS[kind].model_fields))
            message = f"unknown field (a {kind} source has: {allowed})"
        more = len(exc.errors()) - 1
        suffix = f" (and {more} more problem{'s' if more > 1 else ''})" if more else ""
        raise SourceConfigError(name, field, message + suffix, code=E_FIELD) from exc
