"""Where we send alerts: refuse internal addresses (SSRF), and never log a channel's secret.

Slack and Teams URLs carry their secret in the path, so logs and the delivery log name a
channel only as ``type:host[:port]`` (``redact``).
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable, Sequence
from typing import Any
from urllib.parse import urlsplit

from models.alerts import Channel
from streams.alerts.delivery.exceptions import TargetRefusedError, TargetUnresolvedError

__all__ = ["check_target", "redact", "channel_label", "Resolver", "IPAddress"]

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[..., Sequence[tuple[Any, ...]]]

_DEFAULT_PORTS = {"http": 80, "https": 443}


def _host_port(url: str) -> tuple[str, int, str]:
    """(host without brackets, lower-case; port; scheme). Raises ValueError when unusable."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in _DEFAULT_PORTS:
        raise ValueError("not an http(s) URL")
    host = (parts.hostname or "").rstrip(".").lower()
    if not host:
        raise ValueError("no host")
    port = parts.port or _DEFAULT_PORTS[scheme]
    return host, port, scheme


def redact(url: str, *, kind: str = "url") -> str:
    """``kind:host`` (``:port`` when not the scheme's default): no path, query or userinfo."""
    try:
        host, port, scheme = _host_port(url)
    except ValueError:
        return f"{kind}:<invalid-url>"
    shown = f"[{host}]" if ":" in host else host
    return f"{kind}:{shown}" if port == _DEFAULT_PORTS[scheme] else f"{kind}:{shown}:{port}"


def channel_label(channel: Channel) -> str:
    """How a channel appears in logs, DeliveryAttempt.channel and dead letters."""
    return redact(channel.url, kind=channel.type)


_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")  # RFC 6052 well-known prefix
_IPV4_COMPATIBLE = ipaddress.IPv6Network("::/96")  # deprecated ::a.b.c.d


def _embedded_ipv4(addr: ipaddress.IPv6Address) -> list[tuple[str, ipaddress.IPv4Address]]:
    """IPv4 addresses an IPv6 transition form carries (and routes to)."""
    found: list[tuple[str, ipaddress.IPv4Address]] = []
    if addr.sixtofour is not None:  # 2002:AABB:CCDD::/48
        found.append(("a 6to4", addr.sixtofour))
    if addr.teredo is not None:  # 2001:0::/32: (server, client)
        found += [("a Teredo", v4) for v4 in addr.teredo]
    low = ipaddress.IPv4Address(int(addr) & 0xFFFFFFFF)
    if addr in _NAT64:
        found.append(("a NAT64", low))
    elif addr in _IPV4_COMPATIBLE and int(addr) > 1:  # not :: or ::1 (judged as such)
        found.append(("an IPv4-compatible", low))
    return found


def _why_blocked(addr: IPAddress) -> str | None:
    if isinstance(addr, ipaddress.IPv6Address):
        if addr.ipv4_mapped is not None:
            return _why_blocked(addr.ipv4_mapped)
        for form, v4 in _embedded_ipv4(addr):
            why = _why_blocked(v4)
            if why:
                return f"{why} (IPv4 {v4} in {form} address)"
    checks = (
        ("loopback", addr.is_loopback),
        ("unspecified", addr.is_unspecified),
        ("link-local", addr.is_link_local),
        ("multicast", addr.is_multicast),
        ("private", addr.is_private),
        ("reserved", addr.is_reserved),
        ("site-local", isinstance(addr, ipaddress.IPv6Address) and addr.is_site_local),
        ("not globally routable", not addr.is_global),
    )
    return next((name for name, hit in checks if hit), None)


def _allowed_entries(
    allow: Sequence[str],
) -> tuple[set[str], list[ipaddress.IPv4Network | ipaddress.IPv6Network]]:
    names: set[str] = set()
    networks: list[ipaddress.IPv4Network | ipaddress.IPv6Network] = []
    for entry in allow:
        item = entry.strip().lower()
        if not item:
            continue
        if "/" in item:
            networks.append(ipaddress.ip_network(item, strict=False))
        else:
            names.add(item)
    return names, networks


def _resolve(host: str, port: int, label: str, resolve: Resolver) -> list[IPAddress]:
    """An IP literal is itself; a name goes through ``resolve`` (every answer is kept)."""
    try:
        return [ipaddress.ip_address(host)]
    except ValueError:
        pass
    try:
        infos = resolve(host, port, 0, socket.SOCK_STREAM)
    except (OSError, UnicodeError) as exc:
        raise TargetUnresolvedError(f"cannot resolve {label}: {exc}") from None
    addresses: list[IPAddress] = []
    for info in infos:
        raw = str(info[4][0]).split("%", 1)[0]  # drop an IPv6 zone id
        addr = ipaddress.ip_address(raw)
        if addr not in addresses:
            addresses.append(addr)
    return addresses


def check_target(
    url: str, *, allow: Sequence[str] = (), resolve: Resolver = socket.getaddrinfo
) -> list[IPAddress]:
    """Vet ``url`` before a request; return the addresses it resolved to (empty when the host
    itself is allow-listed and was not resolved).

    ``allow`` holds hosts (``hooks.internal``), ``host:port`` (``127.0.0.1:8080``,
    ``[::1]:8080``) or CIDRs (``10.1.0.0/16``). Every resolved address must be public or in an
    allowed CIDR; one internal address is enough to refuse (DNS answers can be mixed).
    """
    label = redact(url)
    try:
        host, port, _ = _host_port(url)
    except ValueError as exc:
        raise TargetRefusedError(f"refused {label}: {exc}") from None
    names, networks = _allowed_entries(allow)
    shown = f"[{host}]" if ":" in host else host
    if host in names or f"{shown}:{port}" in names:
        return []
    addresses = _resolve(host, port, label, resolve)
    if not addresses:
        raise TargetUnresolvedError(f"cannot resolve {label}: no addresses")
    for addr in addresses:
        why = _why_blocked(addr)
        if why and not any(addr in net for net in networks):
            raise TargetRefusedError(
                f"refused {label}: it resolves to {addr}, a {why} address. Alerts are not"
                " sent to internal networks; if this receiver is intended, add the host,"
                " host:port or its CIDR to the delivery allow list"
            )
    return addresses
