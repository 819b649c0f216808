from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from streams.errors import ServiceError
from streams.services.java import find_java, java_major, parse_java_version

OPENJDK_17 = (
    'openjdk version "17.0.15" 2025-04-15\n'
    "OpenJDK Runtime Environment (build 17.0.15+6-Debian-1deb12u1)\n"
)


@pytest.mark.parametrize(
    ("output", "version", "major"),
    [
        (OPENJDK_17, "17.0.15", 17),
        ('java version "1.8.0_392"\nJava(TM) SE Runtime Environment', "1.8.0_392", 8),
        ('openjdk version "21" 2023-09-19\n', "21", 21),
        ('openjdk version "25-ea" 2025-09-16\n', "25-ea", 25),
        ('Picked up JAVA_TOOL_OPTIONS: -Xss1m\nopenjdk version "11.0.2" 2019-01-15', "11.0.2", 11),
    ],
)
def test_java_version_is_parsed_from_version_output(output: str, version: str, major: int) -> None:
    assert parse_java_version(output) == version
    assert java_major(version) == major


def test_unparseable_java_output_is_rejected() -> None:
    with pytest.raises(ValueError, match="no version"):
        parse_java_version("bash: java: command not found")


def test_missing_java_says_how_to_install(tmp_path: Path) -> None:
    with pytest.raises(ServiceError) as err:
        find_java({"PATH": str(tmp_path)})
    assert err.value.code == "SCOUT-E101"
    assert "openjdk-17-jdk-headless" in err.value.message


def test_java_older_than_17_is_refused(fake_java: Callable[..., Path]) -> None:
    java = fake_java(version="11.0.2")
    with pytest.raises(ServiceError) as err:
        find_java({"PATH": str(java.parent)})
    assert err.value.code == "SCOUT-E101"
    assert "11.0.2" in err.value.message and "too old" in err.value.message


def test_java_home_is_two_levels_above_the_binary(fake_java: Callable[..., Path]) -> None:
    java = fake_java(version="17.0.15")
    runtime = find_java({"PATH": str(java.parent)})
    assert runtime.major == 17
    assert runtime.executable == java.resolve()
    assert runtime.home == java.resolve().parents[1]


def test_java_home_wins_over_path(fake_java: Callable[..., Path], tmp_path: Path) -> None:
    java = fake_java(version="21.0.1")
    runtime = find_java({"JAVA_HOME": str(java.parents[1]), "PATH": str(tmp_path / "nothing")})
    assert runtime.major == 21
