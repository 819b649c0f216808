"""The local Elasticsearch: one node on 127.0.0.1 from the integ-test zip.

Under ``<services_home>``::

    elasticsearch-<version>/        unpacked distribution (config/elasticsearch.yml rendered)
    elasticsearch/data/ logs/ tmp/  node data, logs (scout-local.log), ES_TMPDIR
    elasticsearch/es.pid            written by Elasticsearch itself (``-d -p``)
    elasticsearch/start.log         the launcher's output

As root, the node runs as ``settings.local_es_user`` through ``runuser``.
"""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from streams.errors import ServiceError
from streams.services.accounts import (
    Account,
    chown_tree,
    ensure_reachable,
    ensure_system_user,
)
from streams.services.health import es_healthy
from streams.services.java import JavaRuntime
from streams.services.ports import PortClaim
from streams.services.process import file_size, spawn_detached
from streams.services.render import render_template, yaml_string
from streams.services.service import RunRecord, ServiceDef, Started
from streams.settings import Settings

__all__ = [
    "EsPaths",
    "es_paths",
    "es_service",
    "transport_port_for",
    "render_elasticsearch_yml",
    "unpack_distribution",
    "RunAs",
    "prepare_run_as",
    "start_elasticsearch",
]

CLUSTER_NAME = "scout-local"
_SBIN = "/usr/sbin:/sbin:/usr/bin:/bin"


@dataclass(frozen=True)
class EsPaths:
    home: Path
    run_dir: Path
    data_dir: Path
    logs_dir: Path
    tmp_dir: Path
    config: Path
    pid_file: Path
    start_log: Path
    main_log: Path
    record_file: Path


def es_paths(services_home: Path, version: str) -> EsPaths:
    home = services_home / f"elasticsearch-{version}"
    run = services_home / "elasticsearch"
    return EsPaths(
        home=home,
        run_dir=run,
        data_dir=run / "data",
        logs_dir=run / "logs",
        tmp_dir=run / "tmp",
        config=home / "config" / "elasticsearch.yml",
        pid_file=run / "es.pid",
        start_log=run / "start.log",
        main_log=run / "logs" / f"{CLUSTER_NAME}.log",
        record_file=run / "running.json",
    )


def transport_port_for(http_port: int) -> int:
    """The node's transport port: HTTP port + 100 (or - 100 near the top of the range)."""
    return http_port + 100 if http_port + 100 <= 65535 else http_port - 100


def es_service(settings: Settings) -> ServiceDef:
    paths = es_paths(settings.services_home, settings.es_version)
    port = settings.local_es_port
    return ServiceDef(
        name="elasticsearch",
        version=settings.es_version,
        port=port,
        claims=(
            PortClaim(port, "Elasticsearch HTTP", "SCOUT_LOCAL_ES_PORT"),
            PortClaim(
                transport_port_for(port),
                "Elasticsearch transport, HTTP port + 100",
                "SCOUT_LOCAL_ES_PORT",
            ),
        ),
        pid_file=paths.pid_file,
        # any version's home: a node started before SCOUT_ES_VERSION changed is still ours
        marker=f"-Des.path.home={settings.services_home / 'elasticsearch-'}",
        main_log=paths.main_log,
        start_log=paths.start_log,
        data_dirs=(paths.data_dir,),
        record_file=paths.record_file,
        probe=es_healthy,
    )


def render_elasticsearch_yml(
    *, http_port: int, transport_port: int, data_dir: Path, logs_dir: Path
) -> str:
    return render_template(
        "elasticsearch.yml",
        http_port=http_port,
        transport_port=transport_port,
        data_dir=yaml_string(str(data_dir)),
        logs_dir=yaml_string(str(logs_dir)),
    )


def unpack_distribution(archive: Path, home: Path) -> Path:
    """Unzip ``archive`` (one top-level directory) to ``home`` once, keeping file modes."""
    if (home / "bin" / "elasticsearch").is_file():
        return home
    home.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".partial-", dir=home.parent))
    try:
        with zipfile.ZipFile(archive) as zf:
            zf.extractall(work)  # noqa: S202 - zipfile strips absolute and ".." members
            for info in zf.infolist():
                mode = (info.external_attr >> 16) & 0o7777
                if mode:
                    os.chmod(work / info.filename, mode | stat.S_IRUSR | stat.S_IWUSR)
        tops = [p for p in work.iterdir() if p.is_dir()]
        if len(tops) != 1 or not (tops[0] / "bin" / "elasticsearch").is_file():
            raise ServiceError(
                f"{archive} is not an Elasticsearch distribution; delete it and retry",
                code="SCOUT-E104",
            )
        if home.exists():
            shutil.rmtree(home)
        tops[0].rename(home)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return home


def _java_opts(heap: str) -> str:
    return f"-Xms{heap} -Xmx{heap}"


def start_elasticsearch(
    settings: Settings, java: JavaRuntime, archive: Path, env: Mapping[str, str], euid: int
) -> Started:
    """Unpack once, render the config and launch ``bin/elasticsearch -d``."""
    paths = es_paths(settings.services_home, settings.es_version)
    offset = file_size(paths.main_log)
    unpack_distribution(archive, paths.home)
    for directory in (paths.data_dir, paths.logs_dir, paths.tmp_dir):
        directory.mkdir(parents=True, exist_ok=True)
    paths.config.write_text(
        render_elasticsearch_yml(
            http_port=settings.local_es_port,
            transport_port=transport_port_for(settings.local_es_port),
            data_dir=paths.data_dir,
            logs_dir=paths.logs_dir,
        ),
        encoding="utf-8",
    )
    paths.pid_file.unlink(missing_ok=True)
    es_env = {
        "ES_TMPDIR": str(paths.tmp_dir),
        "ES_JAVA_HOME": str(java.home),
        "ES_JAVA_OPTS": _java_opts(settings.local_es_heap),
    }
    launcher = [str(paths.home / "bin" / "elasticsearch"), "-d", "-p", str(paths.pid_file)]
    child_env = {k: v for k, v in env.items() if k not in ("JAVA_HOME", *es_env)}
    if euid == 0:
        run_as = prepare_run_as(settings, java, env)
        chown_tree([paths.home, paths.run_dir], run_as.account)
        assignments = [f"{key}={value}" for key, value in es_env.items()]
        cmd = [run_as.runuser, "-u", run_as.account.name, "--", run_as.env_bin, *assignments]
        cmd += launcher
    else:
        cmd = launcher
        child_env.update(es_env)
    popen = spawn_detached(cmd, cwd=paths.run_dir, log_path=paths.start_log, env=child_env)
    RunRecord(settings.local_es_port, settings.es_version).write(paths.record_file)
    return Started(
        service=es_service(settings),
        popen=popen,
        launcher_is_service=False,
        main_log_offset=offset,
    )


@dataclass(frozen=True)
class RunAs:
    """How root runs the node: as ``account`` through ``runuser`` and ``env``."""

    account: Account
    runuser: str
    env_bin: str


def prepare_run_as(settings: Settings, java: JavaRuntime, env: Mapping[str, str]) -> RunAs:
    """As root, before anything starts: the ES user exists and can reach its files and JDK."""
    account = ensure_system_user(settings.local_es_user, env)
    if account.uid == 0:
        raise ServiceError(
            f"SCOUT_LOCAL_ES_USER={settings.local_es_user} is root, and Elasticsearch refuses "
            "to run as root: choose a non-root user",
            code="SCOUT-E108",
        )
    ensure_reachable(settings.services_home, account)
    ensure_reachable(java.home, account)
    search = env.get("PATH", "") + os.pathsep + _SBIN
    runuser = shutil.which("runuser", path=search)
    env_bin = shutil.which("env", path=search)
    if runuser is None or env_bin is None:
        raise ServiceError(
            "running Elasticsearch as a non-root user needs `runuser` (util-linux): install "
            "it, or run `scout services up` as a non-root user",
            code="SCOUT-E108",
        )
    return RunAs(account=account, runuser=runuser, env_bin=env_bin)
