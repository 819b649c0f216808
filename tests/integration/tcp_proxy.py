"""A TCP proxy on loopback that a test can cut and restore: a service "down" without
stopping the shared one. The fault suite's own (``bench.faults.services``), one copy."""

from __future__ import annotations

from bench.faults.services import TcpProxy

__all__ = ["TcpProxy"]
