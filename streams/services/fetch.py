"""Fetch Kafka's jars and the Elasticsearch zip from Maven Central, verify, and cache.

Cache layout under ``<services_home>/cache``::

    kafka-<version>/libs/*.jar                       the broker's runtime class path
    elasticsearch-<version>/elasticsearch-<version>.zip

Downloads go to a hidden ``.partial-*`` directory that is renamed into place only after
verification, so an existing cache entry is always complete and is never fetched again.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from streams.errors import ServiceError
from streams.services.process import tail_lines
from streams.services.render import load_template, render_template

__all__ = [
    "LOG4J_VERSION",
    "SCALA_VERSION",
    "DEPENDENCY_PLUGIN",
    "kafka_jar_name",
    "es_zip_name",
    "pinned_checksums",
    "sha256_of",
    "verify_checksums",
    "find_maven",
    "run_maven",
    "fetch_kafka_libs",
    "fetch_es_zip",
]

LOG4J_VERSION = "2.24.3"
SCALA_VERSION = "2.13"
DEPENDENCY_PLUGIN = "org.apache.maven.plugins:maven-dependency-plugin:3.8.1"
ES_ARTIFACT = "org.elasticsearch.distribution.integ-test-zip:elasticsearch"
MAVEN_TIMEOUT_S = 1800.0
_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")

Notify = Callable[[str], None]
"""Receives progress lines and warnings (those start with ``warning:``)."""


def kafka_jar_name(version: str) -> str:
    return f"kafka_{SCALA_VERSION}-{version}.jar"


def es_zip_name(version: str) -> str:
    return f"elasticsearch-{version}.zip"


def pinned_checksums(component: str, version: str) -> dict[str, str]:
    """``{file name: sha256}`` pinned in ``templates/checksums.json``; {} if unpinned."""
    table = json.loads(load_template("checksums.json"))
    entry = table.get(component, {}).get(version, {})
    return {str(name): str(digest).lower() for name, digest in entry.items()}


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def verify_checksums(directory: Path, expected: Mapping[str, str], *, what: str) -> None:
    """Raise ``SCOUT-E104`` when a pinned file is missing or its sha256 differs."""
    for name, want in expected.items():
        path = directory / name
        if not path.is_file():
            raise ServiceError(f"{what}: {name} is missing after the download", code="SCOUT-E104")
        got = sha256_of(path)
        if got != want:
            raise ServiceError(
                f"{what}: sha256 of {name} is {got}, expected {want}. The download was "
                "discarded; retry, and if it persists check for a proxy or mirror that "
                "alters artifacts (pinned hashes: streams/services/templates/checksums.json).",
                code="SCOUT-E104",
            )


def find_maven(env: Mapping[str, str]) -> str:
    found = shutil.which("mvn", path=env.get("PATH"))
    if found is None:
        raise ServiceError(
            "Maven (`mvn`) is needed to fetch Kafka and Elasticsearch from Maven Central "
            "the first time: install it (Debian/Ubuntu: `apt-get install maven`) and retry.",
            code="SCOUT-E102",
        )
    return found


def run_maven(
    mvn: str,
    args: Sequence[str],
    *,
    cwd: Path,
    env: Mapping[str, str],
    what: str,
    version_setting: str,
) -> None:
    """Run Maven quietly in batch mode with strict checksums; ``SCOUT-E103`` on failure."""
    # -C: fail on checksum mismatch; -U: retry failures Maven cached (e.g. while offline)
    cmd = [mvn, "-q", "-B", "-C", "-U", "-Dstyle.color=never", *args]
    log = cwd / "maven.log"
    try:
        with log.open("wb") as out:
            done = subprocess.run(  # noqa: S603 - mvn with arguments we build
                cmd,
                cwd=cwd,
                env=dict(env),
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=subprocess.STDOUT,
                timeout=MAVEN_TIMEOUT_S,
                check=False,
            )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise ServiceError(
            f"downloading {what} failed: {exc}. This machine must reach Maven Central "
            "(https://repo.maven.apache.org/maven2), directly or through a mirror in "
            "~/.m2/settings.xml.",
            code="SCOUT-E103",
        ) from exc
    if done.returncode != 0:
        tail = _ANSI.sub("", "\n".join(tail_lines(log, 30)))
        raise ServiceError(
            f"downloading {what} with Maven failed (exit {done.returncode}). This machine "
            "must reach Maven Central (https://repo.maven.apache.org/maven2), directly or "
            "through a mirror in ~/.m2/settings.xml; if Maven could not find the artifact, "
            f"check that the version exists ({version_setting}). Maven said:\n{tail}",
            code="SCOUT-E103",
        )


def _not_produced(work: Path, name: str) -> ServiceError:
    tail = "\n".join(tail_lines(work / "maven.log", 30))
    return ServiceError(f"Maven succeeded but did not produce {name}:\n{tail}", code="SCOUT-E103")


def _verify_or_warn(directory: Path, component: str, version: str, notify: Notify) -> None:
    expected = pinned_checksums(component, version)
    if expected:
        verify_checksums(directory, expected, what=f"{component} {version}")
    else:
        notify(
            f"warning: no pinned sha256 for {component} {version}; relying on Maven's checksum "
            "verification (-C) only"
        )


def _partial(parent: Path) -> Path:
    parent.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=".partial-", dir=parent))


def fetch_kafka_libs(cache: Path, version: str, env: Mapping[str, str], notify: Notify) -> Path:
    """``<cache>/kafka-<version>/libs``: the broker's jars, fetched on first use."""
    base = cache / f"kafka-{version}"
    libs = base / "libs"
    if libs.is_dir():
        return libs
    mvn = find_maven(env)
    notify(f"fetching Kafka {version} jars from Maven Central (first run only)")
    work = _partial(base)
    try:
        pom = work / "pom.xml"
        pom.write_text(
            render_template(
                "kafka-pom.xml",
                kafka_version=version,
                scala_version=SCALA_VERSION,
                log4j_version=LOG4J_VERSION,
            ),
            encoding="utf-8",
        )
        out = work / "libs"
        run_maven(
            mvn,
            [
                "-f",
                str(pom),
                f"{DEPENDENCY_PLUGIN}:copy-dependencies",
                f"-DoutputDirectory={out}",
                "-DincludeScope=runtime",
            ],
            cwd=work,
            env=env,
            what=f"Kafka {version}",
            version_setting="SCOUT_KAFKA_VERSION",
        )
        if not (out / kafka_jar_name(version)).is_file():
            raise _not_produced(work, kafka_jar_name(version))
        _verify_or_warn(out, "kafka", version, notify)
        out.rename(libs)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return libs


def fetch_es_zip(cache: Path, version: str, env: Mapping[str, str], notify: Notify) -> Path:
    """``<cache>/elasticsearch-<version>/elasticsearch-<version>.zip``, fetched on first use."""
    base = cache / f"elasticsearch-{version}"
    final = base / es_zip_name(version)
    if final.is_file():
        return final
    mvn = find_maven(env)
    notify(f"fetching Elasticsearch {version} from Maven Central (first run only)")
    work = _partial(base)
    try:
        pom = work / "pom.xml"
        pom.write_text(render_template("fetch-pom.xml"), encoding="utf-8")
        run_maven(
            mvn,
            [
                "-f",
                str(pom),
                f"{DEPENDENCY_PLUGIN}:copy",
                f"-Dartifact={ES_ARTIFACT}:{version}:zip",
                f"-DoutputDirectory={work}",
            ],
            cwd=work,
            env=env,
            what=f"Elasticsearch {version}",
            version_setting="SCOUT_ES_VERSION",
        )
        if not (work / es_zip_name(version)).is_file():
            raise _not_produced(work, es_zip_name(version))
        _verify_or_warn(work, "elasticsearch", version, notify)
        (work / es_zip_name(version)).rename(final)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return final
