"""Is a loopback port free? Checked by binding, as the service itself would."""

from __future__ import annotations

import errno
import socket
from collections.abc import Iterable
from dataclasses import dataclass

from streams.errors import ServiceError

__all__ = ["LOOPBACK", "PortClaim", "port_in_use", "ensure_ports_free"]

LOOPBACK = "127.0.0.1"


@dataclass(frozen=True)
class PortClaim:
    """A port a service will listen on, and the setting an operator changes to move it."""

    port: int
    purpose: str
    setting: str


def port_in_use(port: int, host: str = LOOPBACK) -> bool:
    """True when another socket already listens on ``host:port``.

    ``SO_REUSEADDR`` is set as the JVM sets it, so connections of a service that just
    stopped (``TIME_WAIT``) do not count as "in use".
    """
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, port))
        except OSError as exc:
            if exc.errno in (errno.EADDRINUSE, errno.EACCES):
                return True
            raise
    return False


def _other(port: int) -> int:
    return port + 10000 if port < 55535 else port - 10000


def ensure_ports_free(claims: Iterable[PortClaim], service: str) -> None:
    """Raise ``SCOUT-E105`` naming the first busy port and the setting that moves it."""
    for claim in claims:
        if port_in_use(claim.port):
            raise ServiceError(
                f"cannot start {service}: port {claim.port} ({claim.purpose}) on {LOOPBACK} is "
                f"already in use by another process (find it with `ss -ltnp 'sport = :{claim.port}'`). "
                f"Stop that process or choose another port, e.g. {claim.setting}={_other(claim.port)}.",
                code="SCOUT-E105",
            )
