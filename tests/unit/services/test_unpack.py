from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest

from streams.errors import ServiceError
from streams.services.elasticsearch import unpack_distribution


def _zip(path: Path, members: dict[str, tuple[str, int]]) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        for name, (text, mode) in members.items():
            info = zipfile.ZipInfo(name)
            info.external_attr = (0o100000 | mode) << 16
            zf.writestr(info, text)
    return path


def test_unpacked_scripts_stay_executable_and_unpacking_is_idempotent(tmp_path: Path) -> None:
    archive = _zip(
        tmp_path / "es.zip",
        {
            "elasticsearch-1.0/bin/elasticsearch": ("#!/bin/sh\n", 0o755),
            "elasticsearch-1.0/config/jvm.options": ("-Xss1m\n", 0o644),
        },
    )
    home = tmp_path / "svc" / "elasticsearch-1.0"
    assert unpack_distribution(archive, home) == home
    assert os.access(home / "bin" / "elasticsearch", os.X_OK)
    assert (home / "config" / "jvm.options").read_text() == "-Xss1m\n"
    (home / "config" / "elasticsearch.yml").write_text("rendered")
    archive.unlink()
    unpack_distribution(archive, home)  # no archive needed the second time
    assert (home / "config" / "elasticsearch.yml").read_text() == "rendered"
    assert [p.name for p in home.parent.iterdir()] == ["elasticsearch-1.0"]


def test_an_archive_without_elasticsearch_is_refused(tmp_path: Path) -> None:
    archive = _zip(tmp_path / "bad.zip", {"something/README": ("hi", 0o644)})
    with pytest.raises(ServiceError) as err:
        unpack_distribution(archive, tmp_path / "svc" / "elasticsearch-1.0")
    assert err.value.code == "SCOUT-E104"
