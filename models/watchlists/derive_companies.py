"""Derive the default company watch list (``companies.csv``) from the S&P 500 data.

Reads ``sp500_constituents.csv`` and ``watchlist_sp500_aliases.DERIVED.csv`` from the shared
data folder (names, tickers, sectors: facts, PDDL/MIT) and writes one row per company:

    id,name,aliases,tickers,handles,domains,products,competitor,sector

Share classes of one company (same CIK: GOOGL/GOOG, FOXA/FOX, NWSA/NWS) become one row whose
id is the first ticker. Aliases are cleaned: parenthesised notes ``(The)``, ``(Class A)`` are
dropped, and so is the first part of a hyphenated name (``Coca`` of ``Coca-Cola``). Handles,
domains and products are left to ``companies.team.yaml``; ambiguity is decided when loading.

    python models/watchlists/derive_companies.py [--data DIR] [--out FILE]
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_DATA = Path(__file__).resolve().parents[2].parent / "shared/data/companies"
COLUMNS = ["id", "name", "aliases", "tickers", "handles", "domains", "products", "competitor"]
COLUMNS += ["sector"]


def clean(alias: str) -> str:
    """``Boeing Company (The)`` -> ``Boeing Company``; spaces tidied."""
    alias = re.sub(r"\s*\(.*$", "", alias)
    alias = re.sub(r"^The\s+", "", alias)
    return re.sub(r"\s+", " ", alias).strip(" ,")


_SUFFIX = re.compile(
    r",?\s+(?:Inc\.?|Incorporated|Corporation|Corp\.?|Company|Co\.|plc|Ltd\.?|N\.V\.|New)$"
)


def without_suffix(alias: str) -> str:
    """``Coca-Cola Company`` -> ``Coca-Cola``; ``Apple Inc. New`` -> ``Apple``."""
    while (shorter := _SUFFIX.sub("", alias)) != alias:
        alias = shorter
    return alias


def aliases_of(name: str, derived: list[str]) -> list[str]:
    names = [clean(a) for a in (name, *derived)]
    names += [without_suffix(a) for a in names]
    names = [a for a in dict.fromkeys(names) if len(a) >= 2]
    hyphenated = [a for a in names if re.search(r"[-\u2013]", a)]
    return [
        a
        for a in names
        if not any(h.startswith(a) and h[len(a)] in "-\u2013" for h in hyphenated if h != a)
    ]


def derive(data: Path) -> list[dict[str, str]]:
    with (data / "sp500_constituents.csv").open(encoding="utf-8", newline="") as f:
        constituents = list(csv.DictReader(f))
    with (data / "watchlist_sp500_aliases.DERIVED.csv").open(encoding="utf-8", newline="") as f:
        derived = {row["ticker"]: row["aliases"].split("|") for row in csv.DictReader(f)}
    by_cik: dict[str, dict[str, list[str]]] = {}
    order: list[str] = []
    for row in constituents:
        ticker = row["Symbol"].strip().upper().replace("-", ".")
        cik = row["CIK"].strip() or ticker
        if cik not in by_cik:
            order.append(cik)
            by_cik[cik] = {
                "tickers": [],
                "aliases": [],
                "name": [clean(row["Security"])],
                "sector": [row["GICS Sector"].strip()],
            }
        entry = by_cik[cik]
        entry["tickers"].append(ticker)
        entry["aliases"] += aliases_of(row["Security"], derived.get(row["Symbol"], []))
    rows = []
    for cik in order:
        entry = by_cik[cik]
        name = entry["name"][0]
        aliases = [a for a in dict.fromkeys(entry["aliases"]) if a != name]
        rows.append(
            {
                "id": f"company:{entry['tickers'][0]}",
                "name": name,
                "aliases": "|".join(aliases),
                "tickers": "|".join(entry["tickers"]),
                "handles": "",
                "domains": "",
                "products": "",
                "competitor": "false",
                "sector": entry["sector"][0],
            }
        )
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="shared companies folder")
    parser.add_argument("--out", type=Path, default=HERE / "companies.csv", help="CSV to write")
    args = parser.parse_args(argv)
    if not (args.data / "sp500_constituents.csv").is_file():
        print(f"no sp500_constituents.csv in {args.data}; pass --data DIR", file=sys.stderr)
        return 2
    rows = derive(args.data)
    with args.out.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {len(rows)} companies to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
