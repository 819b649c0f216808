"""The local Kafka: a single-node KRaft broker+controller on 127.0.0.1.

Run directory ``<services_home>/kafka``::

    server.properties  log4j2.properties  kafka.pid
    server.log         (Kafka's log)       start.log (JVM stdout/stderr)
    data/              (log.dirs; formatted once, holds meta.properties)
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

from streams.errors import ServiceError
from streams.services.health import kafka_healthy
from streams.services.java import JavaRuntime
from streams.services.ports import PortClaim
from streams.services.process import file_size, spawn_detached, write_pid
from streams.services.render import render_template
from streams.services.service import RunRecord, ServiceDef, Started
from streams.settings import Settings

__all__ = [
    "KafkaPaths",
    "kafka_paths",
    "kafka_service",
    "render_server_properties",
    "render_log4j2",
    "parse_cluster_id",
    "start_command",
    "start_kafka",
]

_CLUSTER_ID = re.compile(r"^[A-Za-z0-9_-]{22}$")
_TOOL_TIMEOUT_S = 120.0


@dataclass(frozen=True)
class KafkaPaths:
    run_dir: Path
    data_dir: Path
    config: Path
    log4j: Path
    server_log: Path
    start_log: Path
    pid_file: Path
    record_file: Path


def kafka_paths(services_home: Path) -> KafkaPaths:
    run = services_home / "kafka"
    return KafkaPaths(
        run_dir=run,
        data_dir=run / "data",
        config=run / "server.properties",
        log4j=run / "log4j2.properties",
        server_log=run / "server.log",
        start_log=run / "start.log",
        pid_file=run / "kafka.pid",
        record_file=run / "running.json",
    )


def kafka_service(settings: Settings) -> ServiceDef:
    paths = kafka_paths(settings.services_home)
    port = settings.local_kafka_port
    return ServiceDef(
        name="kafka",
        version=settings.kafka_version,
        port=port,
        claims=(
            PortClaim(port, "Kafka broker", "SCOUT_LOCAL_KAFKA_PORT"),
            PortClaim(
                settings.local_controller_port, "Kafka controller", "SCOUT_LOCAL_CONTROLLER_PORT"
            ),
        ),
        pid_file=paths.pid_file,
        marker=str(paths.config),
        main_log=paths.server_log,
        start_log=paths.start_log,
        data_dirs=(paths.data_dir,),
        record_file=paths.record_file,
        probe=kafka_healthy,
    )


def render_server_properties(*, port: int, controller_port: int, log_dirs: Path) -> str:
    if port == controller_port:
        raise ServiceError(
            f"the Kafka broker and controller ports are both {port}: set "
            "SCOUT_LOCAL_KAFKA_PORT and SCOUT_LOCAL_CONTROLLER_PORT to different ports",
            code="SCOUT-E105",
        )
    return render_template(
        "server.properties", port=port, controller_port=controller_port, log_dirs=log_dirs
    )


def render_log4j2(log_file: Path) -> str:
    return render_template("log4j2.properties", log_file=log_file)


def parse_cluster_id(output: str) -> str:
    """The cluster id printed by ``StorageTool random-uuid`` (its last matching line)."""
    for line in reversed(output.splitlines()):
        if _CLUSTER_ID.match(line.strip()):
            return line.strip()
    raise ValueError(f"no cluster id in StorageTool output: {output[-300:]!r}")


def _jvm(java: JavaRuntime, paths: KafkaPaths, libs: Path) -> list[str]:
    return [
        str(java.executable),
        f"-Dlog4j2.configurationFile={paths.log4j}",
        "-cp",
        f"{libs}/*",
    ]


def start_command(java: JavaRuntime, paths: KafkaPaths, libs: Path, heap: str) -> list[str]:
    jvm = _jvm(java, paths, libs)
    return [jvm[0], f"-Xms{heap}", f"-Xmx{heap}", *jvm[1:], "kafka.Kafka", str(paths.config)]


def _storage_tool(java: JavaRuntime, paths: KafkaPaths, libs: Path, *args: str) -> str:
    cmd = [*_jvm(java, paths, libs), "kafka.tools.StorageTool", *args]
    try:
        done = subprocess.run(  # noqa: S603 - java with arguments we build
            cmd,
            cwd=paths.run_dir,
            capture_output=True,
            text=True,
            timeout=_TOOL_TIMEOUT_S,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise ServiceError(f"Kafka StorageTool {args[0]} failed: {exc}", code="SCOUT-E106") from exc
    if done.returncode != 0:
        raise ServiceError(
            f"Kafka StorageTool {args[0]} failed (exit {done.returncode}):\n"
            f"{(done.stdout + done.stderr)[-3000:]}\nSee also {paths.server_log}.",
            code="SCOUT-E106",
        )
    return done.stdout


def _format_once(java: JavaRuntime, paths: KafkaPaths, libs: Path) -> None:
    """Format the KRaft storage with a new cluster id unless it is formatted already."""
    if (paths.data_dir / "meta.properties").is_file():
        return
    try:
        cluster_id = parse_cluster_id(_storage_tool(java, paths, libs, "random-uuid"))
    except ValueError as exc:
        raise ServiceError(str(exc), code="SCOUT-E106") from exc
    _storage_tool(java, paths, libs, "format", "-t", cluster_id, "-c", str(paths.config))


def start_kafka(settings: Settings, java: JavaRuntime, libs: Path) -> Started:
    """Render the configuration, format storage once, and start the broker detached."""
    paths = kafka_paths(settings.services_home)
    offset = file_size(paths.server_log)
    paths.data_dir.mkdir(parents=True, exist_ok=True)
    paths.config.write_text(
        render_server_properties(
            port=settings.local_kafka_port,
            controller_port=settings.local_controller_port,
            log_dirs=paths.data_dir,
        ),
        encoding="utf-8",
    )
    paths.log4j.write_text(render_log4j2(paths.server_log), encoding="utf-8")
    _format_once(java, paths, libs)
    popen = spawn_detached(
        start_command(java, paths, libs, settings.local_kafka_heap),
        cwd=paths.run_dir,
        log_path=paths.start_log,
    )
    write_pid(paths.pid_file, popen.pid)
    RunRecord(settings.local_kafka_port, settings.kafka_version).write(paths.record_file)
    return Started(
        service=kafka_service(settings),
        popen=popen,
        launcher_is_service=True,
        main_log_offset=offset,
    )
