"""Fakes for the services manager: free ports and a scriptable stand-in for ``java``."""

from __future__ import annotations

import socket
import sys
from collections.abc import Callable
from pathlib import Path

import pytest


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def write_script(path: Path, body: str) -> Path:
    """An executable Python script at ``path`` run by this interpreter."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"#!{sys.executable}\n{body}", encoding="utf-8")
    path.chmod(0o755)
    return path


FAKE_JAVA = """
import sys, time
args = sys.argv[1:]
if args == ["-version"]:
    sys.stderr.write('openjdk version "{version}" 2025-04-15\\nOpenJDK Runtime Environment\\n')
    sys.exit(0)
if "random-uuid" in args:
    print("AbCdEfGhIjKlMnOpQrStUv")
    sys.exit(0)
if "format" in args:
    sys.exit(0)
if "kafka.Kafka" in args:
    {service}
"""

SERVICE_DIES = 'print("ERROR boom: the fake broker cannot start", flush=True); sys.exit(1)'
SERVICE_HANGS = 'print("fake broker starting", flush=True); time.sleep(600)'


@pytest.fixture
def fake_java(tmp_path: Path) -> Callable[..., Path]:
    """Write ``<tmp>/jdk/bin/java`` printing ``version``; kafka.Kafka runs ``service``."""

    def make(version: str = "17.0.15", service: str = SERVICE_DIES) -> Path:
        return write_script(
            tmp_path / "jdk" / "bin" / "java", FAKE_JAVA.format(version=version, service=service)
        )

    return make
