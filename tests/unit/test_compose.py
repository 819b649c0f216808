"""docker-compose.yml and deploy/docker/Dockerfile are checked against the real project.

There is no Docker engine in the test environment, so these tests read the files and
compare them with what they must agree with: the CLI's sub-commands, the fields of
``Settings``, the versions ``scout services up`` runs, and ``pyproject.toml``.
"""

from __future__ import annotations

import json
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import typer
import yaml
from typer.core import TyperGroup

from streams.cli.root import build_command
from streams.settings import Settings, load_settings

ROOT = Path(__file__).resolve().parents[2]
COMPOSE = ROOT / "docker-compose.yml"
DOCKERFILE = ROOT / "deploy" / "docker" / "Dockerfile"
DOCKERIGNORE = ROOT / ".dockerignore"
PYPROJECT = ROOT / "pyproject.toml"

REQUIRED_SERVICES = {"kafka", "elasticsearch", "kibana", "kibana-setup", "setup", "worker"}
KIBANA_OBJECTS = ROOT / "deploy" / "kibana" / "signal-scout.ndjson"
ENV_VAR = re.compile(r"\bSCOUT_[A-Z0-9_]+\b")


# --- helpers -------------------------------------------------------------------------


@dataclass(frozen=True)
class Instruction:
    keyword: str
    args: str


def _dockerfile_instructions(text: str) -> list[Instruction]:
    """Instructions of a Dockerfile, with comments dropped and continuations joined."""
    instructions: list[Instruction] = []
    pending = ""
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.endswith("\\"):
            pending += line[:-1] + " "
            continue
        line = pending + line
        pending = ""
        keyword, _, args = line.partition(" ")
        instructions.append(Instruction(keyword.upper(), args.strip()))
    assert not pending, "Dockerfile ends inside a line continuation"
    return instructions


def _environment(service: dict[str, Any]) -> dict[str, str]:
    """A service's environment, whether written as a mapping or as KEY=VALUE items."""
    env = service.get("environment") or {}
    if isinstance(env, list):
        return dict(item.partition("=")[::2] for item in env)
    return {str(k): str(v) for k, v in env.items()}


def _tag(image: str) -> str:
    name, sep, tag = image.rpartition(":")
    assert sep and "/" not in tag, f"image {image!r} is not pinned by a version tag"
    return tag


def _exec_form(args: str) -> list[str]:
    value = json.loads(args)
    assert isinstance(value, list), f"expected the exec (JSON list) form, got {args!r}"
    return [str(v) for v in value]


def _resolve(command: TyperGroup, args: list[str]) -> list[str]:
    """Walk ``args`` down the command tree; return the path of sub-commands it names."""
    path: list[str] = []
    current: object = command
    for arg in args:
        if arg.startswith("-") or not isinstance(current, TyperGroup):
            break
        ctx = typer.Context(current)
        sub = current.get_command(ctx, arg)
        if sub is None:
            known = ", ".join(sorted(current.list_commands(ctx)))
            raise AssertionError(f"`scout {' '.join([*path, arg])}` is not a command ({known})")
        path.append(arg)
        current = sub
    return path


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    data = yaml.safe_load(COMPOSE.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


@pytest.fixture(scope="module")
def services(compose: dict[str, Any]) -> dict[str, dict[str, Any]]:
    found = compose.get("services")
    assert isinstance(found, dict), "docker-compose.yml has no services"
    return found


@pytest.fixture(scope="module")
def scout_services(services: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Services that run the scout image (built from deploy/docker/Dockerfile)."""
    built = {
        name: svc
        for name, svc in services.items()
        if isinstance(svc.get("build"), dict)
        and Path(svc["build"].get("dockerfile", "")) == DOCKERFILE.relative_to(ROOT)
    }
    assert built, "no service is built from deploy/docker/Dockerfile"
    return built


@pytest.fixture(scope="module")
def dockerfile() -> list[Instruction]:
    assert DOCKERFILE.is_file(), f"{DOCKERFILE.relative_to(ROOT)} is missing"
    return _dockerfile_instructions(DOCKERFILE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def pyproject() -> dict[str, Any]:
    return tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))


# --- compose: services and images ----------------------------------------------------


def test_compose_declares_every_required_service(services: dict[str, dict[str, Any]]) -> None:
    assert set(services) >= REQUIRED_SERVICES


def test_every_image_is_pinned_by_version_tag(services: dict[str, dict[str, Any]]) -> None:
    for name, svc in services.items():
        assert "image" in svc, f"service {name} has no image"
        assert _tag(svc["image"]) != "latest", f"service {name} uses :latest"


def test_elasticsearch_and_kibana_run_the_same_8_19_version(
    services: dict[str, dict[str, Any]],
) -> None:
    es = services["elasticsearch"]["image"]
    kibana = services["kibana"]["image"]
    assert es.startswith("docker.elastic.co/elasticsearch/elasticsearch:")
    assert kibana.startswith("docker.elastic.co/kibana/kibana:")
    assert _tag(es).startswith("8.19.")
    assert _tag(kibana) == _tag(es)


def test_kafka_image_is_apache_kafka_4_1(services: dict[str, dict[str, Any]]) -> None:
    image = services["kafka"]["image"]
    assert image.startswith("apache/kafka:")
    assert _tag(image).startswith("4.1.")


def test_images_match_the_versions_scout_services_runs_locally(
    services: dict[str, dict[str, Any]],
) -> None:
    assert _tag(services["kafka"]["image"]) == Settings.model_fields["kafka_version"].default
    assert _tag(services["elasticsearch"]["image"]) == Settings.model_fields["es_version"].default


# --- compose: Kafka and Elasticsearch configuration ----------------------------------


def test_kafka_is_a_single_node_kraft_broker_and_controller(
    services: dict[str, dict[str, Any]],
) -> None:
    kafka = services["kafka"]
    env = _environment(kafka)
    assert set(env["KAFKA_PROCESS_ROLES"].split(",")) == {"broker", "controller"}
    node_id = env["KAFKA_NODE_ID"]
    assert env["KAFKA_CONTROLLER_QUORUM_VOTERS"] == f"{node_id}@kafka:9093"
    listeners = env["KAFKA_LISTENERS"].split(",")
    assert {"PLAINTEXT://:9092", "CONTROLLER://:9093", "EXTERNAL://:29092"} <= set(listeners)
    assert "EXTERNAL://localhost:29092" in env["KAFKA_ADVERTISED_LISTENERS"].split(",")
    assert "29092:29092" in [str(p) for p in kafka.get("ports", [])]
    for var in (
        "KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR",
        "KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR",
        "KAFKA_SHARE_COORDINATOR_STATE_TOPIC_REPLICATION_FACTOR",
    ):
        assert env[var] == "1", f"{var} must be 1 on a single broker"
    assert env["KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS"] == "0"
    assert kafka.get("volumes"), "Kafka data must live in a volume"
    health = " ".join(kafka["healthcheck"]["test"])
    assert "/opt/kafka/bin/kafka-broker-api-versions.sh" in health
    assert "--bootstrap-server localhost:9092" in health


def test_elasticsearch_is_single_node_with_security_disabled(
    services: dict[str, dict[str, Any]],
) -> None:
    es = services["elasticsearch"]
    env = _environment(es)
    assert env["discovery.type"] == "single-node"
    assert env["xpack.security.enabled"].lower() == "false"
    assert "-Xms1g" in env["ES_JAVA_OPTS"] and "-Xmx1g" in env["ES_JAVA_OPTS"]
    assert es.get("volumes"), "Elasticsearch data must live in a volume"
    assert "_cluster/health" in " ".join(es["healthcheck"]["test"])


def test_kibana_waits_for_healthy_elasticsearch(services: dict[str, dict[str, Any]]) -> None:
    kibana = services["kibana"]
    assert _environment(kibana)["ELASTICSEARCH_HOSTS"] == "http://elasticsearch:9200"
    assert kibana["depends_on"]["elasticsearch"]["condition"] == "service_healthy"


def test_kibana_reports_healthy_through_its_status_api(
    services: dict[str, dict[str, Any]],
) -> None:
    health = " ".join(services["kibana"]["healthcheck"]["test"])
    assert "curl -fsS http://localhost:5601/api/status" in health


def test_kibana_setup_imports_the_saved_objects_once_kibana_is_up(
    services: dict[str, dict[str, Any]],
) -> None:
    setup = services["kibana-setup"]
    assert setup["image"] == services["kibana"]["image"]  # no extra image for curl
    assert str(setup.get("restart")) == "no"
    assert setup["depends_on"]["kibana"]["condition"] == "service_healthy"
    mounts = {}
    for volume in setup["volumes"]:
        host, container, *mode = str(volume).split(":")
        mounts[container] = (host, mode)
    script = "\n".join(setup["command"])
    # The script reads the ndjson from the mount of deploy/kibana.
    match = re.search(r"file=@([^\s)]+)", script)
    assert match, "the import posts no file"
    mount, _, name = match.group(1).rpartition("/")
    host, mode = mounts[mount]
    assert mode == ["ro"]
    assert (ROOT / host / name).resolve() == KIBANA_OBJECTS.resolve()
    assert KIBANA_OBJECTS.is_file()
    assert "http://kibana:5601/api/status" in script, "must wait for Kibana's status API"
    assert "http://kibana:5601/api/saved_objects/_import?overwrite=true" in script
    assert "-H 'kbn-xsrf: true'" in script
    assert '"success"' in script, "a refused import must not pass as success"
    # Compose interpolates a single `$`: shell variables must be written `$$`.
    assert not re.search(r"(?<!\$)\$(?!\$)", script.replace("$$", "")), "unescaped $"


# --- compose: the scout services -----------------------------------------------------


def test_setup_and_worker_run_the_scout_image(
    scout_services: dict[str, dict[str, Any]],
) -> None:
    assert {"setup", "worker"} <= set(scout_services)
    for name, svc in scout_services.items():
        assert svc["build"].get("context") == ".", f"{name} must build from the repo root"


def test_setup_runs_once_before_the_workers(services: dict[str, dict[str, Any]]) -> None:
    setup, worker = services["setup"], services["worker"]
    assert setup["command"] == ["setup"]
    assert str(setup.get("restart")) == "no"
    for dependency in ("kafka", "elasticsearch"):
        assert setup["depends_on"][dependency]["condition"] == "service_healthy"
    assert worker["command"] == ["worker"]
    assert worker["depends_on"]["setup"]["condition"] == "service_completed_successfully"
    assert worker.get("restart") == "unless-stopped"


def test_listen_runs_with_a_mounted_sources_file_and_a_health_check(
    services: dict[str, dict[str, Any]],
) -> None:
    from streams.sources import load_sources

    listen = services["listen"]
    assert listen["command"] == ["listen"]
    assert listen["depends_on"]["setup"]["condition"] == "service_completed_successfully"
    env = _environment(listen)
    # The shared scout environment, plus the listener's own settings.
    assert {k: v for k, v in env.items() if k in _environment(services["worker"])} == (
        _environment(services["worker"])
    )
    mounts = {}
    for volume in listen["volumes"]:
        host, container, *mode = str(volume).split(":")
        mounts[container] = (host, mode)
    host, mode = mounts[env["SCOUT_SOURCES_FILE"]]
    assert mode == ["ro"]
    loaded = load_sources(ROOT / host)
    assert loaded.sources and not loaded.problems, "the example sources file must load cleanly"
    health = " ".join(listen["healthcheck"]["test"])
    assert f"127.0.0.1:{env['SCOUT_LISTEN_PORT']}/health" in health


def test_worker_can_be_scaled(services: dict[str, dict[str, Any]]) -> None:
    worker = services["worker"]
    assert "container_name" not in worker, "a fixed container_name prevents --scale"
    assert not worker.get("ports"), "published host ports collide when scaled"


def test_setup_and_worker_share_one_scout_environment(
    services: dict[str, dict[str, Any]],
) -> None:
    setup_env = _environment(services["setup"])
    assert "SCOUT_TOPIC_PARTITIONS" in setup_env
    assert setup_env == _environment(services["worker"])


def test_scout_services_reach_kafka_and_elasticsearch_on_the_compose_network(
    services: dict[str, dict[str, Any]], scout_services: dict[str, dict[str, Any]]
) -> None:
    kafka_env = _environment(services["kafka"])
    advertised = {
        listener.partition("://")[2]
        for listener in kafka_env["KAFKA_ADVERTISED_LISTENERS"].split(",")
    }
    for name, svc in scout_services.items():
        env = _environment(svc)
        for server in env["SCOUT_KAFKA_BOOTSTRAP"].split(","):
            assert server in advertised - {"localhost:29092"}, f"{name}: {server} is not internal"
        assert env["SCOUT_ES_URL"] == "http://elasticsearch:9200", name


def test_scout_service_commands_are_real_cli_subcommands(
    scout_services: dict[str, dict[str, Any]], dockerfile: list[Instruction]
) -> None:
    cli = build_command()
    for name, svc in scout_services.items():
        command = svc.get("command")
        assert isinstance(command, list) and command, f"{name} needs a command list"
        assert _resolve(cli, [str(c) for c in command]), f"{name}: {command}"
    default = [i for i in dockerfile if i.keyword == "CMD"][-1]
    assert _resolve(cli, _exec_form(default.args))


def test_compose_sets_only_real_scout_settings(
    compose: dict[str, Any], services: dict[str, dict[str, Any]]
) -> None:
    known = {f"SCOUT_{field.upper()}" for field in Settings.model_fields}
    used = {
        var for svc in services.values() for var in _environment(svc) if var.startswith("SCOUT_")
    }
    used |= set(ENV_VAR.findall(COMPOSE.read_text(encoding="utf-8")))  # comments, anchors too
    assert used, "the scout services set no SCOUT_* variable"
    assert used <= known, f"not fields of Settings: {sorted(used - known)}"


def test_scout_environment_loads_as_valid_settings(
    scout_services: dict[str, dict[str, Any]], monkeypatch: pytest.MonkeyPatch
) -> None:
    for name, svc in scout_services.items():
        env = _environment(svc)
        with monkeypatch.context() as patch:
            for var, value in env.items():
                patch.setenv(var, value)
            settings = load_settings()  # what the container does at start-up
        assert settings.kafka_bootstrap == env["SCOUT_KAFKA_BOOTSTRAP"], name
        assert settings.topic_partitions == int(env["SCOUT_TOPIC_PARTITIONS"]), name


# --- Dockerfile ----------------------------------------------------------------------


def test_dockerfile_builds_on_python_3_11_like_the_project(
    dockerfile: list[Instruction], pyproject: dict[str, Any]
) -> None:
    base = [i.args.split()[0] for i in dockerfile if i.keyword == "FROM"][-1]
    assert base.startswith("python:3.11"), base
    assert pyproject["tool"]["mypy"]["python_version"] == "3.11"


def test_dockerfile_entrypoint_is_the_scout_script(
    dockerfile: list[Instruction], pyproject: dict[str, Any]
) -> None:
    entrypoint = [i for i in dockerfile if i.keyword == "ENTRYPOINT"][-1]
    assert _exec_form(entrypoint.args) == ["scout"]
    assert "scout" in pyproject["project"]["scripts"]
    cmd = [i for i in dockerfile if i.keyword == "CMD"][-1]
    assert _exec_form(cmd.args) == ["worker"]


def test_dockerfile_runs_as_a_non_root_user(dockerfile: list[Instruction]) -> None:
    users = [i.args for i in dockerfile if i.keyword == "USER"]
    assert users, "the image must not run as root"
    assert users[-1].partition(":")[0] not in {"root", "0"}


def test_dockerfile_installs_the_project_from_pyproject(
    dockerfile: list[Instruction], pyproject: dict[str, Any]
) -> None:
    copied = " ".join(i.args for i in dockerfile if i.keyword in {"COPY", "ADD"}).split()
    assert "pyproject.toml" in copied
    needed = [pyproject["project"]["readme"]]
    needed += [
        p.rstrip("*") for p in pyproject["tool"]["setuptools"]["packages"]["find"]["include"]
    ]
    for path in needed:
        assert path in copied, f"{path} is needed by `pip install .` but never copied"
    runs = [i.args for i in dockerfile if i.keyword == "RUN"]
    assert any(re.search(r"\bpip install (?:[^&;]*\s)?\.(?:\s|$)", run) for run in runs), (
        "the project must be installed with `pip install .`"
    )
    assert not any("-e ." in run or "--editable" in run for run in runs)
    text = DOCKERFILE.read_text(encoding="utf-8").lower()
    for requirement in pyproject["project"]["dependencies"]:
        name = re.split(r"[\[<>=!~ ;]", requirement, maxsplit=1)[0].lower()
        assert name not in text, f"{name} is listed in the Dockerfile; read it from pyproject"


def test_dockerfile_installs_dependencies_before_copying_the_source(
    dockerfile: list[Instruction],
) -> None:
    def index(predicate: Any) -> int:
        return next(n for n, i in enumerate(dockerfile) if predicate(i))

    deps = index(lambda i: i.keyword == "RUN" and "pip install" in i.args)
    source = index(lambda i: i.keyword == "COPY" and "streams" in i.args.split())
    assert deps < source, "a source edit would reinstall every dependency"


def test_dockerignore_keeps_local_state_out_of_the_build_context() -> None:
    patterns = {
        line.strip().rstrip("/")
        for line in DOCKERIGNORE.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    }
    assert {".venv", ".git", ".services", ".scout-data", "bench/results"} <= patterns
