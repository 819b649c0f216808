"""Channel URLs refused when a rule is saved, by the sender's own check (issue 12 point 3)."""

from __future__ import annotations

import socket
from typing import Any

import pytest

from models.alerts import Channel, Rule
from streams.alerts.delivery.targets import BLOCKED_TARGET, refuse_blocked_targets
from streams.errors import ConfigError
from tests.unit.alerts.delivery.support import PUBLIC_IP, resolver

# Loopback written every way a URL parser and getaddrinfo accept (no network needed:
# numeric forms are parsed locally, names go to the stand-in resolver).
LOOPBACK_FORMS = [
    "http://127.0.0.1/hook",
    "http://127.0.0.1:8080/hook",
    "http://127.1.2.3/hook",
    "https://127.255.255.254/hook",
    "http://[::1]/hook",
    "http://[0:0:0:0:0:0:0:1]/hook",
    "http://[::ffff:127.0.0.1]/hook",
    "http://[::ffff:7f00:1]/hook",
    "http://0.0.0.0/hook",
    "http://[::]/hook",
    "http://user:pw@127.0.0.1/hook",
    "http://localhost/hook",
    "http://LOCALHOST./hook",
    "http://127.1/hook",
    "http://2130706433/hook",
    "http://0x7f000001/hook",
    "http://0177.0.0.1/hook",
    "http://loopback.example/hook",
    "http://10.0.0.7/hook",
    "http://169.254.169.254/latest/meta-data",
    "http://[fe80::1]/hook",
]


def _rule(*urls: str) -> Rule:
    return Rule(
        id="r", name="r", owner="o", channels=tuple(Channel(type="webhook", url=u) for u in urls)
    )


def _local(host: str, port: int, *args: Any) -> list[tuple[Any, ...]]:
    """getaddrinfo for numeric forms; every name is loopback."""
    try:
        return socket.getaddrinfo(
            host, port, socket.AF_INET, socket.SOCK_STREAM, 0, socket.AI_NUMERICHOST
        )
    except socket.gaierror:
        return resolver("127.0.0.1")(host, port)


@pytest.mark.parametrize("url", LOOPBACK_FORMS)
def test_a_url_the_sender_would_refuse_is_refused_at_save_naming_the_allow_list(url: str) -> None:
    with pytest.raises(ConfigError) as info:
        refuse_blocked_targets(_rule(url), (), resolve=_local)
    assert info.value.code == BLOCKED_TARGET
    assert "SCOUT_ALERT_ALLOW" in info.value.message
    assert "/hook" not in info.value.message and "pw" not in info.value.message


def test_allow_listed_public_unresolved_and_already_stored_urls_are_accepted() -> None:
    refuse_blocked_targets(_rule("http://127.0.0.1:9000/in"), ("127.0.0.1",), resolve=_local)
    refuse_blocked_targets(_rule("http://10.1.2.3/in"), ("10.0.0.0/8",), resolve=_local)
    refuse_blocked_targets(_rule("https://hooks.example.com/in"), (), resolve=resolver(PUBLIC_IP))

    def down(*args: Any) -> list[tuple[Any, ...]]:
        raise OSError("Temporary failure in name resolution")

    refuse_blocked_targets(_rule("https://hooks.example.com/in"), (), resolve=down)
    stored = _rule("http://127.0.0.1/old").channels
    refuse_blocked_targets(_rule("http://127.0.0.1/old"), (), already_stored=stored)
    with pytest.raises(ConfigError, match="channel 2"):
        refuse_blocked_targets(
            _rule("http://127.0.0.1/old", "http://[::1]/new"), (), already_stored=stored
        )
