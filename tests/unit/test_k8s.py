from pathlib import Path
from typing import Any

import typer
import yaml

from streams.cli.root import build_command
from streams.settings import Settings

K8S = Path(__file__).resolve().parents[2] / "deploy" / "k8s"


def _docs() -> dict[str, Any]:
    found = {}
    for path in K8S.glob("*.yaml"):
        for doc in yaml.safe_load_all(path.read_text()):
            found[doc["kind"]] = doc
    return found


def _containers(doc: dict[str, Any]) -> list[dict[str, Any]]:
    return list(doc["spec"]["template"]["spec"]["containers"])


def test_kustomization_lists_every_manifest() -> None:
    listed = set(yaml.safe_load((K8S / "kustomization.yaml").read_text())["resources"])
    assert listed == {p.name for p in K8S.glob("*.yaml")} - {"kustomization.yaml"}


def test_pod_commands_are_real_scout_commands() -> None:
    group = build_command()
    ctx = typer.Context(group)
    names = set(group.list_commands(ctx))
    docs = _docs()
    for kind in ("Job", "Deployment"):
        for container in _containers(docs[kind]):
            assert container["args"][0] in names


def test_configmap_sets_only_real_settings() -> None:
    data = _docs()["ConfigMap"]["data"]
    known = {f"SCOUT_{name.upper()}" for name in Settings.model_fields}
    assert set(data) <= known
    loaded = Settings.model_validate({k.removeprefix("SCOUT_").lower(): v for k, v in data.items()})
    assert loaded.topic_partitions >= _docs()["Deployment"]["spec"]["replicas"]
