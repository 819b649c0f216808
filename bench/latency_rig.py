"""Parts of the alert latency bench: the rule mix, a webhook receiver, the worker process,
the bare Kafka baseline and clean-up. No figures are computed here."""

from __future__ import annotations

import csv
import json
import os
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from elasticsearch import Elasticsearch, helpers
from kafka import KafkaProducer
from pydantic import SecretStr

from models.alerts import Channel, Conditions, Rule
from streams.alerts.store import RuleStore, rule_to_source
from streams.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
COMPANIES = ROOT / "models" / "watchlists" / "companies.csv"
SECRET = "bench-secret"  # noqa: S105 - a throwaway signing secret for the local receiver

# Words and companies no bench post contains: the filler rules never match them.
ABSENT_WORDS = (
    "layoffs",
    "recall",
    "lawsuit",
    "outage",
    "bankruptcy",
    "strike",
    "antitrust",
    "breach",
    "downgrade",
    "guidance",
    "dividend",
    "buyback",
    "resigns",
    "appoints",
    "probe",
    "fine",
    "hack",
    "delisting",
    "settlement",
    "shortage",
    "subpoena",
    "tariff",
    "boycott",
    "explosion",
)
BENCH_COMPANIES = {"company:MSFT"}


# --- posts ------------------------------------------------------------------------
def bench_post(stage: str, i: int, sent_at: float) -> tuple[str, bytes]:
    """A distinct post the measured rule matches; every 10th also mentions Microsoft (the
    subset rule). ``sent_at`` (perf_counter, this process) rides along for debugging."""
    post_id = f"lat-{stage}-{i:05d}"
    backer = "Microsoft-backed " if i % 10 == 0 else ""
    text = (
        f"{backer}Northwind Traders agrees to acquire Tailspin unit {i} for ${100 + i % 900}"
        f" million in cash, people familiar with deal {stage}-{i} said; t={sent_at:.6f}"
    )
    body = {"id": post_id, "text": text, "source": "bench", "author": {"handle": "benchdesk"}}
    return post_id, json.dumps(body).encode()


def warm_post(stage: str, i: int) -> tuple[str, bytes]:
    post_id = f"warm-{stage}-{i:05d}"
    text = f"Warm-up note {i} for benchwarm{stage}: nothing to see"
    body = {"id": post_id, "text": text, "source": "bench", "author": {"handle": "benchdesk"}}
    return post_id, json.dumps(body).encode()


# --- rules ------------------------------------------------------------------------
def _companies() -> list[tuple[str, str]]:
    with COMPANIES.open(newline="") as fh:
        rows = [(r["id"], r["name"]) for r in csv.DictReader(fh)]
    return [(i, n) for i, n in rows if i not in BENCH_COMPANIES and '"' not in n and "\\" not in n]


def measured_rules(url: str) -> list[Rule]:
    """The rule measured (every bench post) and a subset rule (every 10th post)."""
    common: dict[str, Any] = {"owner": "bench", "throttle_s": 0, "dedup": "post"}
    return [
        Rule(
            id="bench-measured",
            name="Northwind deals",
            query="acquire AND northwind",
            query_dsl={"terms": {"source": ["bench"]}},
            channels=(Channel(type="webhook", url=f"{url}/measured", secret=SECRET),),
            **common,
        ),
        Rule(
            id="bench-subset",
            name="Microsoft-linked deals",
            query="acquire",
            conditions=Conditions(entity_ids=("company:MSFT",)),
            channels=(Channel(type="webhook", url=f"{url}/subset", secret=SECRET),),
            **common,
        ),
    ]


def warm_rule(url: str, stage: str) -> Rule:
    return Rule(
        id=f"bench-warm-{stage}",
        name=f"Warm-up {stage}",
        query=f"benchwarm{stage}",
        channels=(Channel(type="webhook", url=f"{url}/warm"),),
        owner="bench",
        dedup="post",
    )


def filler_rules(url: str, start: int, count: int) -> list[Rule]:
    """``count`` realistic rules that match no bench post: query strings, DSL, conditions,
    mixed dedup keys and throttles."""
    companies = _companies()
    rules = []
    for i in range(start, start + count):
        word = ABSENT_WORDS[i % len(ABSENT_WORDS)]
        other = ABSENT_WORDS[(i * 7 + 3) % len(ABSENT_WORDS)]
        cid, name = companies[i % len(companies)]
        kind = i % 7
        spec: dict[str, Any] = {}
        if kind == 0:
            spec["query"] = f'{word} AND "{name}"'
        elif kind == 1:
            spec["query"] = f'text:"{word} {other}" OR ({word} AND entity_ids:"{cid}")'
        elif kind == 2:
            spec["query_dsl"] = {
                "bool": {"must": [{"match": {"text": word}}, {"match_phrase": {"text": name}}]}
            }
        elif kind == 3:
            spec["query_dsl"] = {"match_phrase": {"text": {"query": f"{name} {word}", "slop": 2}}}
        elif kind == 4:
            spec["conditions"] = Conditions(entity_ids=(cid,), signals=("ma",))
        elif kind == 5:
            spec["query"] = f"{word} OR {other}"
            spec["conditions"] = Conditions(languages=("no", "de"), min_influence=40)
        else:
            spec["query"] = word
            spec["conditions"] = Conditions(signals=("move",), entity_ids=(cid,))
        rules.append(
            Rule(
                id=f"filler-{i:04d}",
                name=f"Watch {name}: {word}",
                channels=(Channel(type="webhook", url=f"{url}/filler"),),
                owner="bench",
                dedup=("post", "story", "link")[i % 3],
                throttle_s=(0, 600, 3600)[i % 3],
                **spec,
            )
        )
    return rules


def store_rules(es: Elasticsearch, settings: Settings, rules: list[Rule]) -> None:
    """Validate every rule with Elasticsearch (as ``scout rules add``), then bulk-store."""
    store = RuleStore(es, settings)
    store.ensure()
    for rule in rules:
        store.validate(rule)
    helpers.bulk(
        es,
        ({"_index": store.index, "_id": r.id, "_source": rule_to_source(r)} for r in rules),
        refresh=True,
    )


# --- receiver ---------------------------------------------------------------------
@dataclass
class Receipt:
    at: float  # perf_counter when the request was read
    path: str
    post_id: str
    alert_id: str


@dataclass
class Receiver:
    """A real HTTP server on 127.0.0.1 recording when each alert arrived."""

    receipts: list[Receipt] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    server: ThreadingHTTPServer | None = None

    def start(self) -> str:
        receipts, lock = self.receipts, self.lock

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"  # keep-alive, as real receivers do

            def do_POST(self) -> None:  # noqa: N802 - http.server's naming
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                at = time.perf_counter()
                alert = json.loads(body)
                with lock:
                    receipts.append(
                        Receipt(at, self.path, alert["post"]["post_id"], alert["alert_id"])
                    )
                self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args: Any) -> None:
                return None

        class Server(ThreadingHTTPServer):
            # http.server's default backlog of 5 drops SYNs when the dispatcher opens
            # many connections at once: each drop costs a 1 s TCP retransmit, a receiver
            # artefact no production web server (backlog 511+) would add.
            request_queue_size = 1024
            daemon_threads = True

        self.server = Server(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def on(self, path: str) -> list[Receipt]:
        with self.lock:
            return [r for r in self.receipts if r.path == path]

    def stop(self) -> None:
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()


# --- worker -----------------------------------------------------------------------
def settings_env(settings: Settings) -> dict[str, str]:
    """The environment that makes a subprocess load exactly ``settings``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("SCOUT_")}
    for name, value in settings.model_dump().items():
        if value is None:
            value = ""
        elif isinstance(value, SecretStr):
            value = value.get_secret_value()
        env[f"SCOUT_{name.upper()}"] = str(value)
    return env


class Worker:
    """``scout worker`` in a subprocess; its log in a file."""

    def __init__(self, settings: Settings, log_path: Path) -> None:
        self.log_path = log_path
        self._log = log_path.open("ab")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "streams", "worker"],
            env=settings_env(settings),
            cwd=ROOT,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def check(self) -> None:
        if self.proc.poll() is not None:
            raise SystemExit(f"worker exited ({self.proc.returncode}); log: {self.log_path}")

    def stop(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(timeout=30)
        self._log.close()


def make_bench_producer(settings: Settings) -> KafkaProducer:
    """Like the ingest producer (acks=all, idempotent) but without linger: latency first."""
    return KafkaProducer(
        bootstrap_servers=settings.kafka_bootstrap.split(","),
        client_id=f"{settings.app_id}-bench",
        acks="all",
        enable_idempotence=True,
        linger_ms=0,
    )
