"""Where a benchmark's figures go: ``bench/results/<name>-<UTC time>.json``."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results"


def save(name: str, figures: Any, *, indent: int = 2) -> Path:
    """Write ``figures`` as JSON to a new time-stamped file of ``RESULTS``; its path."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dt%H%M%S")
    path = RESULTS / f"{name}-{stamp}.json"
    path.write_text(json.dumps(figures, indent=indent) + "\n", encoding="utf-8")
    return path
