"""Channel URLs vetted when a rule is saved, with the check the sender makes at send time.

``scout rules add/update`` and ``POST/PUT/PATCH /rules`` call :func:`refuse_blocked_targets`:
a channel whose URL the SSRF guard (:func:`~streams.alerts.delivery.safety.check_target`
with ``SCOUT_ALERT_ALLOW``) would refuse is refused there (SCOUT-E089, naming
``SCOUT_ALERT_ALLOW``), instead of every alert of the rule failing at send time. A host that
does not resolve now is accepted: DNS may be down, and the sender vets it again per attempt.
A URL already stored is not checked again, so a rule saved before (or under another allow
list) can still be changed, say disabled.
"""

from __future__ import annotations

import socket
from collections.abc import Iterable, Sequence

from models.alerts import Channel, Rule
from streams.alerts.delivery.exceptions import TargetRefusedError, TargetUnresolvedError
from streams.alerts.delivery.safety import Resolver, channel_label, check_target
from streams.errors import ConfigError

__all__ = ["BLOCKED_TARGET", "refuse_blocked_targets"]

BLOCKED_TARGET = "SCOUT-E089"


def refuse_blocked_targets(
    rule: Rule,
    allow: Sequence[str],
    *,
    already_stored: Iterable[Channel] = (),
    resolve: Resolver = socket.getaddrinfo,
) -> None:
    """SCOUT-E089 when a new channel URL of ``rule`` would be refused at send time."""
    kept = {c.url for c in already_stored}
    for number, channel in enumerate(rule.channels, 1):
        if channel.url in kept:
            continue
        try:
            check_target(channel.url, allow=allow, resolve=resolve)
        except TargetUnresolvedError:
            continue
        except TargetRefusedError as exc:
            reason = exc.message.split(": ", 1)[-1].split(". Alerts are not sent", 1)[0]
            raise ConfigError(
                f"rule {rule.id!r}: channel {number} ({channel_label(channel)}) would never be"
                f" delivered: {reason}. Use a public URL, or, if this receiver is intended,"
                " add its host, host:port or CIDR to SCOUT_ALERT_ALLOW on the workers and"
                " where rules are saved",
                code=BLOCKED_TARGET,
            ) from exc
