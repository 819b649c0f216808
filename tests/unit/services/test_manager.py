"""The manager end to end with a fake ``java`` standing in for Kafka (no network)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from streams.errors import ServiceError
from streams.services import ServicesManager
from streams.services.process import pid_alive, read_pid
from streams.settings import Settings

from .conftest import SERVICE_HANGS, free_port


def _settings(home: Path) -> Settings:
    return Settings(
        services_home=home,
        local_kafka_port=free_port(),
        local_controller_port=free_port(),
        local_es_port=free_port(),
        services_timeout_s=20,
    )


def _manager(tmp_path: Path, java: Path, notes: list[str]) -> ServicesManager:
    settings = _settings(tmp_path / "services")
    libs = settings.services_home / "cache" / f"kafka-{settings.kafka_version}" / "libs"
    libs.mkdir(parents=True)  # a cached download: no Maven needed
    return ServicesManager(
        settings, env={"PATH": str(java.parent)}, report=notes.append, euid=1000, poll_s=0.05
    )


def test_a_service_that_dies_at_start_shows_its_log(
    tmp_path: Path, fake_java: Callable[..., Path]
) -> None:
    notes: list[str] = []
    manager = _manager(tmp_path, fake_java(), notes)
    with pytest.raises(ServiceError) as err:
        manager.up("kafka")
    assert err.value.code == "SCOUT-E106"
    assert "kafka exited during start-up with exit code 1" in err.value.message
    assert "ERROR boom: the fake broker cannot start" in err.value.message
    assert not manager.services("kafka")[0].pid_file.exists()
    config = manager.settings.services_home / "kafka" / "server.properties"
    assert f"127.0.0.1:{manager.settings.local_kafka_port}" in config.read_text()


def test_a_service_that_never_gets_healthy_times_out_and_can_be_stopped(
    tmp_path: Path, fake_java: Callable[..., Path]
) -> None:
    notes: list[str] = []
    manager = _manager(tmp_path, fake_java(service=SERVICE_HANGS), notes)
    with pytest.raises(ServiceError) as err:
        manager.up("kafka", timeout_s=1)
    assert err.value.code == "SCOUT-E107"
    assert "fake broker starting" in err.value.message
    (svc,) = manager.services("kafka")
    pid = read_pid(svc.pid_file)
    assert pid is not None and svc.running_pid() == pid
    assert [s.state for s in manager.status("kafka")] == ["unhealthy"]

    moved = ServicesManager(
        manager.settings.model_copy(update={"local_kafka_port": free_port()}),
        env={"PATH": ""},
        report=notes.append,
        euid=1000,
    )
    (status,) = moved.status("kafka")
    assert (status.pid, status.port) == (pid, manager.settings.local_kafka_port)
    with pytest.raises(ServiceError) as changed:
        moved.up("kafka")  # must not probe whatever listens on the new port
    assert changed.value.code == "SCOUT-E110"
    assert "scout services down --only kafka" in changed.value.message

    assert moved.down("kafka") == ["kafka"]
    assert not pid_alive(pid)
    assert not svc.pid_file.exists() and not svc.record_file.exists()
    assert manager.down() == []
    assert "kafka is not running" in notes


def test_purge_deletes_data_but_keeps_the_download_cache(tmp_path: Path) -> None:
    settings = _settings(tmp_path / "services")
    home = settings.services_home
    for directory in ("kafka/data", "elasticsearch/data", "cache/kafka-4.1.2/libs"):
        (home / directory).mkdir(parents=True)
    manager = ServicesManager(settings, env={}, report=lambda _: None, euid=1000)
    assert [s.state for s in manager.status()] == ["stopped", "stopped"]
    assert manager.down(purge=True) == []
    assert not (home / "kafka" / "data").exists()
    assert not (home / "elasticsearch" / "data").exists()
    assert (home / "cache" / "kafka-4.1.2" / "libs").is_dir()


def test_a_stale_pid_file_is_not_a_running_service(tmp_path: Path) -> None:
    settings = _settings(tmp_path / "services")
    manager = ServicesManager(settings, env={}, report=lambda _: None, euid=1000)
    (svc,) = manager.services("kafka")
    svc.pid_file.parent.mkdir(parents=True)
    svc.pid_file.write_text("1\n")  # pid 1 lives, but it is not our broker
    assert svc.running_pid() is None


def test_ports_configured_twice_are_refused_before_anything_starts(tmp_path: Path) -> None:
    port = free_port()
    settings = Settings(
        services_home=tmp_path / "services",
        local_kafka_port=port,
        local_controller_port=free_port(),
        local_es_port=port,
    )
    manager = ServicesManager(settings, env={}, report=lambda _: None, euid=1000)
    with pytest.raises(ServiceError) as err:
        manager.up()
    assert err.value.code == "SCOUT-E105"
    assert not (tmp_path / "services" / "kafka").exists()
