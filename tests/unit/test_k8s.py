from pathlib import Path
from typing import Any

import typer
import yaml

from streams.cli.root import build_command
from streams.settings import Settings
from streams.sources import parse_sources

K8S = Path(__file__).resolve().parents[2] / "deploy" / "k8s"


def _all_docs() -> list[dict[str, Any]]:
    found = []
    for path in sorted(K8S.glob("*.yaml")):
        found += [doc for doc in yaml.safe_load_all(path.read_text()) if doc]
    return found


def _named(kind: str, name: str) -> dict[str, Any]:
    docs = [d for d in _all_docs() if d["kind"] == kind and d["metadata"]["name"] == name]
    assert len(docs) == 1, f"expected one {kind} {name}"
    return docs[0]


def _containers(doc: dict[str, Any]) -> list[dict[str, Any]]:
    return list(doc["spec"]["template"]["spec"]["containers"])


def test_kustomization_lists_every_manifest() -> None:
    listed = set(yaml.safe_load((K8S / "kustomization.yaml").read_text())["resources"])
    assert listed == {p.name for p in K8S.glob("*.yaml")} - {"kustomization.yaml"}


def test_pod_commands_are_real_scout_commands() -> None:
    group = build_command()
    ctx = typer.Context(group)
    names = set(group.list_commands(ctx))
    pods = [d for d in _all_docs() if d["kind"] in {"Job", "Deployment"}]
    assert {"Job", "Deployment"} <= {d["kind"] for d in pods}
    for doc in pods:
        for container in _containers(doc):
            assert container["args"][0] in names


def test_configmap_sets_only_real_settings() -> None:
    data = _named("ConfigMap", "scout-settings")["data"]
    known = {f"SCOUT_{name.upper()}" for name in Settings.model_fields}
    assert set(data) <= known
    loaded = Settings.model_validate({k.removeprefix("SCOUT_").lower(): v for k, v in data.items()})
    workers = _named("Deployment", "scout-worker")
    assert loaded.topic_partitions >= workers["spec"]["replicas"]


def test_listen_runs_once_with_its_sources_file_and_health_probe() -> None:
    listen = _named("Deployment", "scout-listen")
    assert listen["spec"]["replicas"] == 1
    assert listen["spec"]["strategy"]["type"] == "Recreate"  # never two listeners at once
    (container,) = _containers(listen)
    assert container["args"] == ["listen"]
    env = {e["name"]: e["value"] for e in container["env"] if "value" in e}
    secrets = {
        e["name"]: e["valueFrom"]["secretKeyRef"] for e in container["env"] if "valueFrom" in e
    }
    known = {f"SCOUT_{name.upper()}" for name in Settings.model_fields}
    assert set(env) | set(secrets) <= known
    # The X bearer token from a Secret, optional: without it only x sources fail.
    assert secrets["SCOUT_X_BEARER_TOKEN"]["optional"] is True
    settings = Settings.model_validate(
        {k.removeprefix("SCOUT_").lower(): v for k, v in env.items()}
    )
    port = next(p for p in container["ports"] if p["name"] == "health")
    assert port["containerPort"] == settings.listen_port
    for probe in ("livenessProbe", "readinessProbe"):
        assert container[probe]["httpGet"] == {"path": "/health", "port": "health"}
    mount = next(m for m in container["volumeMounts"] if m["name"] == "sources")
    assert settings.sources_file == Path(mount["mountPath"]) / "sources.yaml"
    volume = next(
        v for v in listen["spec"]["template"]["spec"]["volumes"] if v["name"] == "sources"
    )
    sources = _named("ConfigMap", volume["configMap"]["name"])["data"]["sources.yaml"]
    loaded = parse_sources(sources.encode(), "scout-sources")
    assert loaded.sources and not loaded.problems
