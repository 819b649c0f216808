"""Finding and parsing watch-list files into rows that know their file and line."""

from __future__ import annotations

import csv
import hashlib
import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from streams.errors import ConfigError

__all__ = [
    "EXPECTED_NAMES",
    "FILE_KINDS",
    "Row",
    "case_fixed_name",
    "content_version",
    "file_kind",
    "read_rows",
    "unread_kind",
    "watchlist_files",
]

# kind -> (file name prefix, YAML top-level key)
FILE_KINDS: dict[str, tuple[str, str]] = {
    "companies": ("companies", "companies"),
    "people": ("people", "people"),
    "ma_targets": ("ma_targets", "targets"),
    "topics": ("topics", "topics"),
    "ambiguous_words": ("ambiguous_words", ""),
}
_SUFFIXES = {"ambiguous_words": (".txt",)}  # the other kinds: CSV or YAML
_TABLES = (".csv", ".yaml", ".yml")

E_DIRECTORY = "SCOUT-E060"
E_SYNTAX = "SCOUT-E061"


@dataclass(frozen=True, slots=True)
class Row:
    """One entry of a watch-list file: its fields and where it was written."""

    file: str
    line: int
    fields: dict[str, Any]

    @property
    def where(self) -> str:
        return f"{self.file} line {self.line}"


EXPECTED_NAMES = (
    "companies*.csv|yaml|yml, people*.yaml|csv, ma_targets*.yaml|csv, topics*.yaml|csv,"
    " ambiguous_words*.txt, in lower case; see models/watchlists/README.md"
)


def _prefix_kind(name: str) -> str | None:
    """The kind whose prefix starts ``name`` (then its end, ``.``, ``_`` or ``-``)."""
    for kind, (prefix, _key) in FILE_KINDS.items():
        if name.startswith(prefix) and (len(name) == len(prefix) or name[len(prefix)] in "._-"):
            return kind
    return None


def _scratch(name: str) -> bool:
    return name.startswith((".", "~")) or name.endswith("~")  # hidden, editor backups


def file_kind(path: Path) -> str | None:
    """Which kind of watch-list file this is (None: not a watch-list file, ignored)."""
    kind = None if _scratch(path.name) else _prefix_kind(path.name)
    if kind is not None and path.suffix.lower() in _SUFFIXES.get(kind, _TABLES):
        return kind
    return None


def case_fixed_name(path: Path) -> str | None:
    """``companies.csv`` for ``Companies.csv``: the name a file certainly meant as a
    watch-list file must have (None: it has it, or it is no such file)."""
    fixed = path.with_name(path.name.lower())
    if file_kind(path) is None and file_kind(fixed) is not None:
        return fixed.name
    return None


def unread_kind(path: Path) -> str | None:
    """The kind a file's name announces although its extension is not read
    (``companies.txt``, ``people.json``); None for watch-list files and other files."""
    if file_kind(path) is not None or _scratch(path.name) or case_fixed_name(path):
        return None
    return _prefix_kind(path.name.lower())


def watchlist_files(directory: Path) -> list[Path]:
    """The files of ``directory`` that are or look meant as watch-list files, sorted by
    name (other files are ignored). ``load_watchlist`` refuses a name in the wrong case
    and reports one with an extension it does not read."""
    if not directory.is_dir():
        raise ConfigError(
            f"watch-list directory {directory} does not exist or is not a directory;"
            " point the watch-list setting at a directory holding companies*.csv etc.",
            code=E_DIRECTORY,
        )
    return sorted(
        (
            p
            for p in directory.iterdir()
            if p.is_file() and not _scratch(p.name) and _prefix_kind(p.name.lower())
        ),
        key=lambda p: p.name,
    )


def content_version(contents: list[tuple[str, bytes]]) -> str:
    """A short hash of file names and contents, stable across machines and mtimes."""
    digest = hashlib.sha256()
    for name, data in sorted(contents):
        digest.update(name.encode() + b"\0" + hashlib.sha256(data).digest())
    return digest.hexdigest()[:12]


def read_rows(path: Path, data: bytes, kind: str) -> list[Row]:
    """Parse one file's bytes into rows (ambiguous-word lists: one row per word)."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ConfigError(
            f"{path.name}: not UTF-8 (byte {exc.start}); save it as UTF-8",
            code=E_SYNTAX,
        ) from exc
    if kind == "ambiguous_words":
        return list(_word_rows(path.name, text))
    if path.suffix.lower() == ".csv":
        return _csv_rows(path.name, text)
    return _yaml_rows(path.name, text, FILE_KINDS[kind][1])


def _word_rows(name: str, text: str) -> Iterator[Row]:
    for number, line in enumerate(text.splitlines(), start=1):
        word = line.split("#", 1)[0].strip()
        if word:
            yield Row(name, number, {"word": word})


def _csv_rows(name: str, text: str) -> list[Row]:
    reader = csv.reader(io.StringIO(text, newline=""))
    rows: list[Row] = []
    try:
        header = next(reader, None)
        if header is None:
            return rows
        header = [h.strip() for h in header]
        _check_header(name, header)
        first_line = reader.line_num + 1
        for values in reader:
            line, first_line = first_line, reader.line_num + 1
            if not any(v.strip() for v in values):
                continue
            if any("\n" in v or "\r" in v for v in values):
                raise ConfigError(
                    f"{name} line {line}: a value runs over several lines (an unclosed"
                    ' quote?); close the quote or remove the stray "',
                    code=E_SYNTAX,
                )
            if len(values) != len(header):
                raise ConfigError(
                    f"{name} line {reader.line_num}: {len(values)} fields, the header has"
                    f" {len(header)}; quote values that contain commas",
                    code="SCOUT-E062",
                )
            fields = {h: v.strip() for h, v in zip(header, values, strict=True) if v.strip()}
            rows.append(Row(name, reader.line_num, fields))
    except csv.Error as exc:
        raise ConfigError(f"{name} line {reader.line_num}: {exc}", code=E_SYNTAX) from exc
    return rows


def _check_header(name: str, header: list[str]) -> None:
    seen: set[str] = set()
    for column in header:
        if column in seen:
            raise ConfigError(
                f"{name} line 1: column {column!r} appears twice in the header; keep one",
                code="SCOUT-E062",
            )
        seen.add(column)


def _check_keys(name: str, node: yaml.Node) -> None:
    """A key written twice in one mapping is an error (YAML would keep the last silently)."""
    todo, seen_nodes = [node], set()
    while todo:
        current = todo.pop()
        if id(current) in seen_nodes:
            continue
        seen_nodes.add(id(current))
        if isinstance(current, yaml.MappingNode):
            keys: set[str] = set()
            for key_node, value_node in current.value:
                if isinstance(key_node, yaml.ScalarNode):
                    if key_node.value in keys:
                        raise ConfigError(
                            f"{name} line {key_node.start_mark.line + 1}: key"
                            f" {key_node.value!r} appears twice in one entry; keep one",
                            code="SCOUT-E062",
                        )
                    keys.add(key_node.value)
                todo.append(value_node)
        elif isinstance(current, yaml.SequenceNode):
            todo.extend(current.value)


def _yaml_rows(name: str, text: str, key: str) -> list[Row]:
    loader = yaml.SafeLoader(text)
    try:
        root = loader.get_single_node()
        if root is None:
            return []
        if not isinstance(root, yaml.MappingNode):
            raise ConfigError(
                f"{name} line {root.start_mark.line + 1}: expected a mapping with the key"
                f" {key!r} holding a list",
                code="SCOUT-E062",
            )
        rows: list[Row] = []
        for key_node, value_node in root.value:
            line = key_node.start_mark.line + 1
            if key_node.value != key:
                raise ConfigError(
                    f"{name} line {line}: unknown top-level key {key_node.value!r}"
                    f" (expected {key!r})",
                    code="SCOUT-E062",
                )
            if isinstance(value_node, yaml.ScalarNode) and value_node.value in ("", "~", "null"):
                continue
            if not isinstance(value_node, yaml.SequenceNode):
                raise ConfigError(f"{name} line {line}: {key!r} must be a list", code="SCOUT-E062")
            for item in value_node.value:
                item_line = item.start_mark.line + 1
                _check_keys(name, item)
                value = loader.construct_object(item, deep=True)
                if not isinstance(value, dict):
                    raise ConfigError(
                        f"{name} line {item_line}: each entry of {key!r} must be a mapping",
                        code="SCOUT-E062",
                    )
                rows.append(Row(name, item_line, {str(k): v for k, v in value.items()}))
        return rows
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{name} line {mark.line + 1}" if mark is not None else name
        problem = getattr(exc, "problem", None) or str(exc)
        raise ConfigError(f"{where}: invalid YAML: {problem}", code=E_SYNTAX) from exc
    finally:
        loader.dispose()
