"""The ``scout`` command line. Settings are read once here and passed down."""

from __future__ import annotations

import sys

from streams.cli.root import build_cli
from streams.errors import ConfigError, ScoutError


def main() -> None:
    cli = build_cli()
    try:
        cli()
    except ScoutError as exc:
        print(f"error: {exc}", file=sys.stderr)
        sys.exit(2 if isinstance(exc, ConfigError) else 1)


if __name__ == "__main__":
    main()
