from __future__ import annotations

import socket

import pytest

from models.alerts import Channel
from streams.alerts.delivery import (
    TargetRefusedError,
    TargetUnresolvedError,
    channel_label,
    check_target,
    redact,
)
from streams.errors import PermanentError
from tests.unit.alerts.delivery.support import (
    PUBLIC_IP,
    SECRET,
    SLACK_URL,
    TEAMS_URL,
    resolver,
    webhook,
)


def _no_dns(*args: object) -> list[tuple[object, ...]]:
    raise AssertionError("IP literals and allow-listed hosts must not be resolved via DNS")


@pytest.mark.parametrize(
    ("url", "why"),
    [
        ("http://127.0.0.1:8080/hook", "loopback"),
        ("http://10.1.2.3/hook", "private"),
        ("http://192.168.0.10/hook", "private"),
        ("http://169.254.169.254/latest/meta-data", "link-local"),
        ("http://[::1]:9000/hook", "loopback"),
        ("http://0.0.0.0/hook", "unspecified"),
        ("http://224.0.0.1/hook", "multicast"),
        ("http://[::ffff:127.0.0.1]/hook", "loopback"),
        ("http://100.64.0.1/hook", "not globally routable"),
    ],
)
def test_internal_addresses_are_refused(url: str, why: str) -> None:
    with pytest.raises(TargetRefusedError) as caught:
        check_target(url, allow=(), resolve=_no_dns)
    assert isinstance(caught.value, PermanentError)
    assert why in str(caught.value)
    assert "allow list" in str(caught.value)
    assert caught.value.code == "SCOUT-E220"


@pytest.mark.parametrize(
    ("address", "why"),
    [
        ("2002:7f00:1::", "loopback (IPv4 127.0.0.1 in a 6to4 address)"),
        ("2002:a00:1::1", "private (IPv4 10.0.0.1 in a 6to4 address)"),
        ("2002:c0a8:1:1::1", "private (IPv4 192.168.0.1 in a 6to4 address)"),
        ("2002:a9fe:a9fe::", "link-local (IPv4 169.254.169.254 in a 6to4 address)"),
        ("64:ff9b::7f00:1", "loopback (IPv4 127.0.0.1 in a NAT64 address)"),
        ("64:ff9b::a9fe:a9fe", "link-local (IPv4 169.254.169.254 in a NAT64 address)"),
        ("::127.0.0.1", "loopback (IPv4 127.0.0.1 in an IPv4-compatible address)"),
        ("::10.0.0.1", "private (IPv4 10.0.0.1 in an IPv4-compatible address)"),
        ("2001:0:4136:e378:8000:63bf:80ff:fffe", "Teredo address"),
    ],
)
def test_ipv6_transition_forms_are_judged_by_the_ipv4_they_carry(address: str, why: str) -> None:
    # Issue 12 point 7: 6to4 (2002::/16) embedding a private IPv4 address was allowed.
    for url in (f"http://[{address}]/hook", "https://hooks.example.com/in"):
        with pytest.raises(TargetRefusedError) as caught:
            check_target(url, resolve=resolver(address) if "example" in url else _no_dns)
        assert why in str(caught.value), str(caught.value)


def test_6to4_of_a_public_address_passes() -> None:
    public_6to4 = "2002:5db8:d822::1"  # 93.184.216.34
    found = check_target(f"http://[{public_6to4}]/hook", resolve=_no_dns)
    assert [str(a) for a in found] == [public_6to4]


def test_a_hostname_resolving_to_a_private_address_is_refused() -> None:
    with pytest.raises(TargetRefusedError, match="10.0.0.7, a private address"):
        check_target("https://hooks.example.com/in", resolve=resolver("10.0.0.7"))


def test_every_resolved_address_is_checked() -> None:
    with pytest.raises(TargetRefusedError, match="loopback"):
        check_target("https://hooks.example.com/in", resolve=resolver(PUBLIC_IP, "127.0.0.1"))


def test_public_addresses_pass_and_are_returned() -> None:
    found = check_target("https://hooks.example.com/in", resolve=resolver(PUBLIC_IP, PUBLIC_IP))
    assert [str(a) for a in found] == [PUBLIC_IP]


def test_allow_listed_host_port_or_cidr_passes() -> None:
    assert check_target("http://127.0.0.1:8080/x", allow=["127.0.0.1:8080"], resolve=_no_dns) == []
    assert check_target("http://hooks.internal/x", allow=["Hooks.Internal"], resolve=_no_dns) == []
    assert check_target("http://[::1]:9000/x", allow=["[::1]:9000"], resolve=_no_dns) == []
    found = check_target(
        "http://hooks.internal/x", allow=["10.1.0.0/16"], resolve=resolver("10.1.2.3")
    )
    assert [str(a) for a in found] == ["10.1.2.3"]


def test_allow_list_is_exact() -> None:
    with pytest.raises(TargetRefusedError):
        check_target("http://127.0.0.1:8081/x", allow=["127.0.0.1:8080"], resolve=_no_dns)
    with pytest.raises(TargetRefusedError):
        check_target("http://hooks.internal/x", allow=["10.2.0.0/16"], resolve=resolver("10.1.2.3"))


def test_unresolvable_host_is_transient() -> None:
    def fail(*args: object) -> list[tuple[object, ...]]:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    with pytest.raises(TargetUnresolvedError):
        check_target("https://nowhere.invalid/hook", resolve=fail)


@pytest.mark.parametrize(
    ("channel", "label"),
    [
        (Channel(type="slack", url=SLACK_URL), "slack:hooks.slack.com"),
        (Channel(type="teams", url=TEAMS_URL), "teams:prod-01.westeurope.logic.azure.com"),
        (webhook("http://user:pw@127.0.0.1:8080/in?token=abc"), "webhook:127.0.0.1:8080"),
        (webhook("https://[2001:db8::1]/in"), "webhook:[2001:db8::1]"),
    ],
)
def test_labels_never_contain_path_query_or_secret(channel: Channel, label: str) -> None:
    shown = channel_label(channel)
    assert shown == label
    for secret in ("services", "XXXXSECRETXXXX", "TOPSECRET", "workflows", "pw", "token", SECRET):
        assert secret not in shown


def test_redact_of_garbage_is_safe() -> None:
    assert redact("not a url", kind="slack") == "slack:<invalid-url>"
