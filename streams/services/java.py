"""Find a Java 17+ runtime: ``JAVA_HOME`` first, else ``java`` on ``PATH``."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from streams.errors import ServiceError

__all__ = ["MIN_JAVA", "JavaRuntime", "find_java", "java_major", "parse_java_version"]

MIN_JAVA = 17
_VERSION = re.compile(r'version "([^"]+)"')
_INSTALL_HINT = (
    "install a JDK 17 or newer (Debian/Ubuntu: `apt-get install openjdk-17-jdk-headless`) "
    "or point JAVA_HOME at one"
)


@dataclass(frozen=True)
class JavaRuntime:
    """A usable ``java``: the binary, its home (for ``ES_JAVA_HOME``) and its version."""

    executable: Path
    home: Path
    version: str
    major: int


def parse_java_version(output: str) -> str:
    """The version string of ``java -version`` output (e.g. ``17.0.15``, ``1.8.0_392``)."""
    match = _VERSION.search(output)
    if match is None:
        raise ValueError(f"no version in java -version output: {output[:200]!r}")
    return match.group(1)


def java_major(version: str) -> int:
    """The feature release: ``1.8.0_392`` -> 8, ``17.0.15`` -> 17, ``21-ea`` -> 21."""
    parts = re.split(r"[._+-]", version)
    if parts[0] == "1" and len(parts) > 1:
        parts = parts[1:]
    if not parts[0].isdigit():
        raise ValueError(f"unrecognised Java version {version!r}")
    return int(parts[0])


def _locate(env: Mapping[str, str]) -> Path | None:
    java_home = env.get("JAVA_HOME")
    if java_home:
        candidate = Path(java_home) / "bin" / "java"
        if candidate.is_file():
            return candidate
    found = shutil.which("java", path=env.get("PATH"))
    return Path(found) if found else None


def find_java(env: Mapping[str, str]) -> JavaRuntime:
    """The Java runtime to run Kafka and Elasticsearch with, checked to be 17 or newer."""
    located = _locate(env)
    if located is None:
        raise ServiceError(
            f"no `java` found on PATH or in JAVA_HOME: {_INSTALL_HINT}", code="SCOUT-E101"
        )
    executable = located.resolve()
    try:
        done = subprocess.run(  # noqa: S603 - a resolved java binary, fixed arguments
            [str(executable), "-version"], capture_output=True, text=True, timeout=30, check=False
        )
        version = parse_java_version(done.stderr + done.stdout)
        major = java_major(version)
    except (OSError, subprocess.SubprocessError, ValueError) as exc:
        raise ServiceError(
            f"cannot run `{executable} -version` ({exc}): {_INSTALL_HINT}", code="SCOUT-E101"
        ) from exc
    if major < MIN_JAVA:
        raise ServiceError(
            f"Java {version} at {executable} is too old; Kafka and Elasticsearch need "
            f"Java {MIN_JAVA}+: {_INSTALL_HINT}",
            code="SCOUT-E101",
        )
    return JavaRuntime(
        executable=executable, home=executable.parents[1], version=version, major=major
    )
