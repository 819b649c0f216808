"""Suite-wide rule: where services are required (CI), a skipped integration test fails the run."""

from __future__ import annotations

import os

import pytest


def services_required() -> bool:
    return os.environ.get("CI", "").lower() in {"1", "true", "yes"} or os.environ.get(
        "SCOUT_REQUIRE_SERVICES", ""
    ).lower() in {"1", "true", "yes"}


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if not services_required():
        return
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    if reporter is None:
        return
    skipped = [
        r.nodeid for r in reporter.stats.get("skipped", []) if "tests/integration" in r.nodeid
    ]
    if skipped:
        reporter.write_line(
            f"FAILED: {len(skipped)} integration tests were skipped while services are"
            " required (CI / SCOUT_REQUIRE_SERVICES): " + ", ".join(skipped[:5]),
            red=True,
        )
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
