from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from streams.errors import ServiceError
from streams.services.fetch import (
    DEPENDENCY_PLUGIN,
    fetch_es_zip,
    fetch_kafka_libs,
    pinned_checksums,
    sha256_of,
    verify_checksums,
)

from .conftest import write_script

FAKE_MVN = """
import os, pathlib, sys
args = sys.argv[1:]
with open(os.environ["FAKE_MVN_CALLS"], "a") as calls:
    calls.write(" ".join(args) + "\\n")
if os.environ["FAKE_MVN_MODE"] == "fail":
    for i in range(40):
        print(f"[INFO] noise {i}")
    print("[ERROR] Could not transfer artifact from central: Network is unreachable")
    sys.exit(1)
out = pathlib.Path(next(a.split("=", 1)[1] for a in args if a.startswith("-DoutputDirectory=")))
out.mkdir(parents=True, exist_ok=True)
(out / os.environ["FAKE_MVN_FILE"]).write_bytes(os.environ["FAKE_MVN_CONTENT"].encode())
"""


def _env(tmp_path: Path, *, mode: str = "ok", file: str = "", content: str = "x") -> dict[str, str]:
    bin_dir = tmp_path / "bin"
    write_script(bin_dir / "mvn", FAKE_MVN)
    return {
        "PATH": str(bin_dir),
        "FAKE_MVN_MODE": mode,
        "FAKE_MVN_FILE": file,
        "FAKE_MVN_CONTENT": content,
        "FAKE_MVN_CALLS": str(tmp_path / "calls.txt"),
    }


def _calls(tmp_path: Path) -> list[str]:
    calls = tmp_path / "calls.txt"
    return calls.read_text().splitlines() if calls.exists() else []


def test_pinned_checksums_cover_the_default_versions() -> None:
    assert pinned_checksums("kafka", "4.1.2") == {
        "kafka_2.13-4.1.2.jar": "965af2d9c19be0c169110eb18468a0bee24e24d14071a57c7f8a57bc4d3f990e"
    }
    assert "elasticsearch-8.19.21.zip" in pinned_checksums("elasticsearch", "8.19.21")
    assert pinned_checksums("kafka", "0.0.1") == {}


def test_checksum_mismatch_and_missing_file_are_errors(tmp_path: Path) -> None:
    (tmp_path / "a.jar").write_bytes(b"abc")
    good = hashlib.sha256(b"abc").hexdigest()
    assert sha256_of(tmp_path / "a.jar") == good
    verify_checksums(tmp_path, {"a.jar": good}, what="kafka 1")
    with pytest.raises(ServiceError) as err:
        verify_checksums(tmp_path, {"a.jar": "0" * 64}, what="kafka 1")
    assert err.value.code == "SCOUT-E104" and good in err.value.message
    with pytest.raises(ServiceError, match="missing"):
        verify_checksums(tmp_path, {"b.jar": good}, what="kafka 1")


def test_unpinned_version_is_fetched_once_with_a_warning(tmp_path: Path) -> None:
    env = _env(tmp_path, file="kafka_2.13-9.9.9.jar")
    notes: list[str] = []
    libs = fetch_kafka_libs(tmp_path / "cache", "9.9.9", env, notes.append)
    assert (libs / "kafka_2.13-9.9.9.jar").is_file()
    assert any(n.startswith("warning: no pinned sha256 for kafka 9.9.9") for n in notes)
    (call,) = _calls(tmp_path)
    assert "-q -B -C" in call and f"{DEPENDENCY_PLUGIN}:copy-dependencies" in call
    assert "-DincludeScope=runtime" in call
    again = fetch_kafka_libs(tmp_path / "cache", "9.9.9", env, notes.append)
    assert again == libs and len(_calls(tmp_path)) == 1
    assert [p.name for p in libs.parent.iterdir()] == ["libs"]


def test_pinned_version_with_wrong_bytes_is_discarded(tmp_path: Path) -> None:
    env = _env(tmp_path, file="elasticsearch-8.19.21.zip", content="tampered")
    with pytest.raises(ServiceError) as err:
        fetch_es_zip(tmp_path / "cache", "8.19.21", env, lambda _: None)
    assert err.value.code == "SCOUT-E104"
    assert list((tmp_path / "cache" / "elasticsearch-8.19.21").iterdir()) == []
    (call,) = _calls(tmp_path)
    assert (
        "-Dartifact=org.elasticsearch.distribution.integ-test-zip:elasticsearch:8.19.21:zip" in call
    )


def test_download_failure_shows_mavens_output_tail(tmp_path: Path) -> None:
    env = _env(tmp_path, mode="fail")
    with pytest.raises(ServiceError) as err:
        fetch_kafka_libs(tmp_path / "cache", "4.1.2", env, lambda _: None)
    assert err.value.code == "SCOUT-E103"
    assert "Network is unreachable" in err.value.message
    assert "Maven Central" in err.value.message
    assert "noise 0" not in err.value.message  # only the tail
    assert not (tmp_path / "cache" / "kafka-4.1.2" / "libs").exists()


def test_missing_maven_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ServiceError) as err:
        fetch_kafka_libs(tmp_path / "cache", "4.1.2", {"PATH": str(tmp_path)}, lambda _: None)
    assert err.value.code == "SCOUT-E102" and "apt-get install maven" in err.value.message


def test_cached_artifacts_need_no_maven(tmp_path: Path) -> None:
    cached = tmp_path / "cache" / "elasticsearch-8.19.21" / "elasticsearch-8.19.21.zip"
    cached.parent.mkdir(parents=True)
    cached.write_bytes(b"zip")
    assert fetch_es_zip(tmp_path / "cache", "8.19.21", {"PATH": ""}, lambda _: None) == cached
