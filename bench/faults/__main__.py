"""``python -m bench.faults``: run the fault scenarios and print one row per scenario.

Kafka and Elasticsearch must be up (``scout services up``; SCOUT_KAFKA_BOOTSTRAP and
SCOUT_ES_URL are honoured); they are never stopped: outages go through proxies. Every
scenario uses a fresh ``scout-fault-<scenario>-<UTC timestamp>`` prefix, deleted at the end;
worker logs and the figures (JSON) stay in ``bench/results/faults-<timestamp>/``.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import math
import sys
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from bench.faults.scenarios import SCENARIOS, Options, Result
from streams.settings import load_settings

ROOT = Path(__file__).resolve().parents[2]
RESULTS = ROOT / "bench" / "results"
COLUMNS = (
    ("scenario", 9),
    ("input", 6),
    ("indexed", 7),
    ("dead-lettered", 13),
    ("lost", 5),
    ("dup docs", 8),
    ("alerts exp/recv/dup", 19),
    ("recovery s", 14),
    ("peak RSS MiB", 12),
    ("status", 0),
)


def _recovery(values: list[float]) -> str:
    if not values:
        return "-"
    shown = ["never" if math.isinf(v) else f"{v:.1f}" for v in values]
    if len(shown) <= 3:
        return ",".join(shown)
    finite = [v for v in values if not math.isinf(v)]
    worst = "never" if len(finite) < len(values) else f"{max(finite):.1f}"
    return f"max {worst} ({len(values)})"


def row(r: Result) -> list[str]:
    a = r.acct
    alerts = "-"
    if r.alerts is not None:
        alerts = f"{r.alerts_expected}/{r.alerts.received}/{r.alerts.duplicated}"
    return [
        r.scenario,
        str(a.input),
        str(a.indexed),
        str(a.dead),
        str(a.lost),
        str(a.dup_docs),
        alerts,
        _recovery(r.recovery_s),
        f"{r.peak_mib:.0f}",
        r.status,
    ]


def notes(r: Result) -> list[str]:
    a, out = r.acct, []
    if a.lost:
        ranked = sorted(a.lost_by_family.items(), key=lambda kv: -kv[1])
        families = ", ".join(f"{f} {n}" for f, n in ranked)
        out.append(f"lost {a.lost} ({a.lost_valid} valid posts): {families}")
    if a.wrong:
        out.append("unexpected outcome: " + ", ".join(f"{k} {n}" for k, n in a.wrong.items()))
    if a.dup_dead or a.both:
        out.append(f"dead letters repeated: {a.dup_dead}; indexed and dead-lettered: {a.both}")
    if r.unmatched_dead:
        out.append(f"dead letters matched to no record: {r.unmatched_dead}")
    if r.alerts is not None:
        out.append(
            f"alerts: {r.alerts.resent_same_key} resent under the same Idempotency-Key,"
            f" {r.alerts_dead} in alerts.dlq, {r.receiver_500s} answered 500 by the receiver"
        )
    if r.crashes:
        out.append(f"worker exits (not kill -9): {r.crashes}")
    return out


def table(results: Sequence[Result]) -> str:
    lines = ["  ".join(n.ljust(w) for n, w in COLUMNS).rstrip()]
    for r in results:
        lines.append("  ".join(v.ljust(w) for v, (_, w) in zip(row(r), COLUMNS, strict=True)))
        lines += [f"    {n}" for n in notes(r)]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    defaults = Options()
    parser = argparse.ArgumentParser(
        prog="python -m bench.faults", description="Fault suite (issue 12, point 9)."
    )
    parser.add_argument(
        "--scenarios", default=",".join(SCENARIOS), help=f"Comma-separated: {', '.join(SCENARIOS)}."
    )
    parser.add_argument("--seed", type=int, default=defaults.seed, help="Generator seed.")
    parser.add_argument("--valid", type=int, default=defaults.valid, help="Valid posts (hostile).")
    parser.add_argument("--emoji", type=int, default=defaults.emoji, help="10,010-emoji posts.")
    parser.add_argument("--kills", type=int, default=defaults.kills, help="kill -9 count.")
    parser.add_argument(
        "--kill-every", type=float, default=defaults.kill_every_s, help="Seconds between kills."
    )
    parser.add_argument(
        "--outage", type=float, default=defaults.outage_s, help="Seconds of each outage."
    )
    parser.add_argument("--rate", type=float, default=defaults.rate, help="Live posts per second.")
    parser.add_argument(
        "--stall", type=float, default=defaults.stall_s, help="Give up after no progress (s)."
    )
    parser.add_argument(
        "--dynamic",
        action="store_true",
        help="Workers without SCOUT_WORKER_INSTANCE_ID (dynamic group members).",
    )
    args = parser.parse_args(argv)
    chosen = [s.strip() for s in args.scenarios.split(",") if s.strip()]
    unknown = [s for s in chosen if s not in SCENARIOS]
    if unknown:
        parser.error(f"unknown scenarios {unknown}; choose from {', '.join(SCENARIOS)}")
    opts = dataclasses.replace(
        defaults,
        seed=args.seed,
        valid=args.valid,
        emoji=args.emoji,
        kills=args.kills,
        kill_every_s=args.kill_every,
        outage_s=args.outage,
        rate=args.rate,
        stall_s=args.stall,
        static=not args.dynamic,
    )

    base = load_settings()
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    out_dir = RESULTS / f"faults-{stamp}"
    results = []
    for name in chosen:
        print(f"--- {name} ...", file=sys.stderr, flush=True)
        result = SCENARIOS[name](base, f"scout-fault-{name}-{stamp}", out_dir / name, opts)
        results.append(result)
        print(table([result]), file=sys.stderr, flush=True)
    print(table(results))
    figures = [dataclasses.asdict(r) for r in results]
    (out_dir / "figures.json").write_text(json.dumps(figures, indent=2, default=str) + "\n")
    print(f"figures and worker logs: {out_dir}")
    clean = all(r.acct.lost == 0 and r.acct.dup_docs == 0 for r in results) and all(
        r.alerts is None or (r.alerts.duplicated == 0 and r.alerts.received == r.alerts_expected)
        for r in results
    )
    return 0 if clean else 1


if __name__ == "__main__":
    sys.exit(main())
