"""Errors of alert delivery, under the scout's tree (``streams.errors``).

    PermanentError
    ├── TargetRefusedError        [E220] the URL resolves to a private/loopback/... address
    └── DeliveryRejectedError     [E221] the receiver answered 4xx (not 429)
                                  [E222] (dead-letter code) every retry failed
    TransientError
    ├── TargetUnresolvedError     [E320] the host did not resolve (may succeed later)
    └── IndexUnavailableError
        └── DeliveryLogUnavailableError   [E321] the delivery log could not be written
                                          [E322] entries refused (mapping mismatch)
        └── DeliveryQueueUnavailableError [E324] the delivery queue could not be read/written
                                          [E323] the queue refused a write (mapping mismatch)

Messages never carry a channel URL or secret: only ``type:host[:port]`` labels.
"""

from __future__ import annotations

from streams.errors import IndexUnavailableError, PermanentError, TransientError

__all__ = [
    "TargetRefusedError",
    "TargetUnresolvedError",
    "DeliveryRejectedError",
    "DeliveryLogUnavailableError",
    "DeliveryQueueUnavailableError",
]


class TargetRefusedError(PermanentError):
    """The channel URL resolves to an address we do not send to; allow-list it if intended."""

    code = "SCOUT-E220"

    def __init__(self, message: str, *, code: str | None = None) -> None:
        super().__init__(message, reason="delivery_refused", code=code)


class DeliveryRejectedError(PermanentError):
    """The receiver refused the alert for good, or every retry failed."""

    code = "SCOUT-E221"


class TargetUnresolvedError(TransientError):
    code = "SCOUT-E320"


class DeliveryLogUnavailableError(IndexUnavailableError):
    code = "SCOUT-E321"


class DeliveryQueueUnavailableError(IndexUnavailableError):
    """The delivery queue (``<prefix>-delivery-queue``) could not be read or written: the
    alerts stay on their topic (offsets not committed) or pending in the queue; retried."""

    code = "SCOUT-E324"
