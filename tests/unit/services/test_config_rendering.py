from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml

from streams.errors import ServiceError
from streams.services.elasticsearch import render_elasticsearch_yml, transport_port_for
from streams.services.kafka import parse_cluster_id, render_log4j2, render_server_properties
from streams.services.render import render_template


def _properties(text: str) -> dict[str, str]:
    pairs = (line.split("=", 1) for line in text.splitlines() if line and not line.startswith("#"))
    return {key.strip(): value.strip() for key, value in pairs}


def test_server_properties_describe_a_single_node_kraft_on_loopback() -> None:
    props = _properties(
        render_server_properties(port=29092, controller_port=29093, log_dirs=Path("/d/kafka"))
    )
    assert props["process.roles"] == "broker,controller"
    assert props["controller.quorum.voters"] == "1@127.0.0.1:29093"
    assert props["listeners"] == "PLAINTEXT://127.0.0.1:29092,CONTROLLER://127.0.0.1:29093"
    assert props["advertised.listeners"] == "PLAINTEXT://127.0.0.1:29092"
    assert props["log.dirs"] == "/d/kafka"
    assert props["offsets.topic.replication.factor"] == "1"
    assert props["share.coordinator.state.topic.min.isr"] == "1"
    assert props["auto.create.topics.enable"] == "true"


def test_broker_and_controller_on_one_port_is_refused() -> None:
    with pytest.raises(ServiceError, match="SCOUT_LOCAL_CONTROLLER_PORT"):
        render_server_properties(port=9092, controller_port=9092, log_dirs=Path("/d"))


def test_log4j2_writes_to_the_given_file() -> None:
    props = _properties(render_log4j2(Path("/run/kafka/server.log")))
    assert props["appender.file.fileName"] == "/run/kafka/server.log"
    assert props["rootLogger.appenderRef.file.ref"] == "FILE"


def test_kafka_pom_pins_the_requested_versions() -> None:
    pom = render_template(
        "kafka-pom.xml", kafka_version="4.2.0", scala_version="2.13", log4j_version="2.24.3"
    )
    ns = {"m": "http://maven.apache.org/POM/4.0.0"}
    deps = ET.fromstring(pom).findall("m:dependencies/m:dependency", ns)  # noqa: S314 - our own template
    coords = [
        tuple(d.findtext(f"m:{f}", namespaces=ns) for f in ("artifactId", "version")) for d in deps
    ]
    assert coords == [("kafka_2.13", "4.2.0"), ("log4j-slf4j-impl", "2.24.3")]


def test_elasticsearch_yml_is_valid_yaml_with_our_settings() -> None:
    text = render_elasticsearch_yml(
        http_port=29200,
        transport_port=29300,
        data_dir=Path("/var/tmp/with space/data"),
        logs_dir=Path("/var/tmp/logs"),
    )
    config = yaml.safe_load(text)
    assert config["http.port"] == 29200
    assert config["transport.port"] == 29300
    assert config["network.host"] == "127.0.0.1"
    assert config["discovery.type"] == "single-node"
    assert config["xpack.security.enabled"] is False
    assert config["cluster.routing.allocation.disk.threshold_enabled"] is False
    assert config["path.data"] == "/var/tmp/with space/data"


def test_transport_port_is_derived_from_http_port_and_stays_in_range() -> None:
    assert transport_port_for(9200) == 9300
    assert transport_port_for(65500) == 65400


def test_cluster_id_is_the_last_id_line_of_storage_tool_output() -> None:
    output = "WARN something noisy\nq1Sh-9_KTxWs1jQ7sRw8Kg\n"
    assert parse_cluster_id(output) == "q1Sh-9_KTxWs1jQ7sRw8Kg"
    with pytest.raises(ValueError, match="no cluster id"):
        parse_cluster_id("Exception in thread main")
