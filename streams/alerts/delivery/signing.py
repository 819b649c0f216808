"""Sign generic webhook bodies and verify them (receivers and tests use ``verify_signature``).

The signature covers ``f"{timestamp}.{body}"`` so a captured request cannot be replayed later
with a fresh timestamp: receivers reject timestamps outside their tolerance.
"""

from __future__ import annotations

import hashlib
import hmac
import time

__all__ = [
    "SIGNATURE_HEADER",
    "TIMESTAMP_HEADER",
    "IDEMPOTENCY_HEADER",
    "sign",
    "verify_signature",
]

SIGNATURE_HEADER = "X-Scout-Signature"
TIMESTAMP_HEADER = "X-Scout-Timestamp"
IDEMPOTENCY_HEADER = "Idempotency-Key"
_PREFIX = "sha256="


def _as_bytes(value: str | bytes) -> bytes:
    return value.encode("utf-8") if isinstance(value, str) else value


def sign(secret: str | bytes, timestamp: int, body: bytes) -> str:
    """``sha256=`` + hex HMAC-SHA256 of ``b"<timestamp>." + body`` under ``secret``."""
    message = str(int(timestamp)).encode("ascii") + b"." + body
    digest = hmac.new(_as_bytes(secret), message, hashlib.sha256).hexdigest()
    return _PREFIX + digest


def verify_signature(
    secret: str | bytes,
    timestamp: str | int,
    body: bytes,
    signature: str,
    *,
    tolerance_s: float = 300.0,
    now: float | None = None,
) -> bool:
    """True when ``signature`` is ours for this body and the timestamp is fresh.

    ``now`` is unix seconds (default: the current time); timestamps further than
    ``tolerance_s`` in the past or the future are refused.
    """
    try:
        stamp = int(str(timestamp).strip())
    except ValueError:
        return False
    current = time.time() if now is None else now
    if abs(current - stamp) > tolerance_s:
        return False
    if not signature.startswith(_PREFIX):
        return False
    return hmac.compare_digest(sign(secret, stamp, body), signature.strip())
