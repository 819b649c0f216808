"""Webhook signing secrets are never stored in clear: a rule names an environment variable.

A channel carries ``secret_env: NAME``; the worker reads ``NAME`` from its environment when
it signs (:func:`channel_secret`), so the secret lives wherever the workers' environment
comes from (a Kubernetes Secret, a vault agent, an env file) and never in Elasticsearch.

Rules written by earlier versions may still hold ``secret`` in clear: they keep signing,
and a change that leaves their channels alone keeps them, but no new clear secret is
accepted (:func:`refuse_clear_secrets`, SCOUT-E088). ``scout rules migrate-secrets`` moves
them out (:func:`migration_plan`): it writes ``NAME=secret`` lines to an env file (mode
0600) for the workers, then, with ``--apply``, replaces each secret by its ``secret_env``.

    PermanentError
    └── SecretUnsetError   [E223] the channel's variable is unset where the alert is sent
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from models.alerts import Channel, Rule
from streams.alerts.delivery.safety import channel_label
from streams.errors import ConfigError, PermanentError

__all__ = [
    "CLEAR_SECRET",
    "SecretUnsetError",
    "channel_secret",
    "refuse_clear_secrets",
    "clear_secrets",
    "env_name",
    "Migration",
    "migration_plan",
    "merge_env_file",
]

CLEAR_SECRET = "SCOUT-E088"  # noqa: S105 - an error code, not a password


class SecretUnsetError(PermanentError):
    """The environment variable a channel names is unset or empty on this worker."""

    code = "SCOUT-E223"

    def __init__(self, message: str) -> None:
        super().__init__(message, reason="secret_unset")


def channel_secret(channel: Channel, environ: Mapping[str, str] = os.environ) -> str | None:
    """The signing secret of ``channel`` (None: unsigned). ``secret_env`` is read from
    ``environ`` now, so a rotated secret takes effect at the worker's next start."""
    if channel.secret_env:
        value = environ.get(channel.secret_env)
        if not value:
            raise SecretUnsetError(
                f"{channel_label(channel)}: the signing secret's variable"
                f" {channel.secret_env} is unset or empty on this worker; set it in the"
                " workers' environment and restart them (dead-lettered alerts can then be"
                " sent again)"
            )
        return value
    if channel.secret is not None:  # stored in clear by an earlier version
        return channel.secret.get_secret_value()
    return None


def clear_secrets(channels: Iterable[Channel]) -> set[tuple[str, str]]:
    """(url, secret) of every channel holding its secret in clear."""
    return {(c.url, c.secret.get_secret_value()) for c in channels if c.secret is not None}


def refuse_clear_secrets(rule: Rule, *, already_stored: Iterable[Channel] = ()) -> None:
    """SCOUT-E088 when ``rule`` brings a secret in clear that was not already stored."""
    kept = clear_secrets(already_stored)
    for number, channel in enumerate(rule.channels, 1):
        if channel.secret is None:
            continue
        if (channel.url, channel.secret.get_secret_value()) in kept:
            continue
        raise ConfigError(
            f"rule {rule.id!r}: channel {number} ({channel_label(channel)}): signing secrets"
            " are not stored in clear. Put the secret in an environment variable of the"
            " workers and give its name as `secret_env` (`--secret-env NAME` with"
            " `scout rules`)",
            code=CLEAR_SECRET,
        )


def env_name(rule_id: str, number: int) -> str:
    """The variable ``migrate-secrets`` gives channel ``number`` (from 1) of a rule."""
    return f"SCOUT_HOOK_{re.sub(r'[^A-Z0-9]', '_', rule_id.upper())}_{number}"


@dataclass(frozen=True)
class Migration:
    rule_id: str
    assignments: dict[str, str]  # variable -> secret, for the workers' environment
    channels: list[dict[str, object]]  # the rule's channels with references instead


def migration_plan(rule: Rule) -> Migration | None:
    """How to move ``rule``'s clear secrets into variables; None when it has none."""
    if not any(c.secret is not None for c in rule.channels):
        return None
    assignments: dict[str, str] = {}
    channels: list[dict[str, object]] = []
    for number, channel in enumerate(rule.channels, 1):
        body: dict[str, object] = channel.model_dump(mode="json", exclude={"secret"})
        if channel.secret is not None:
            name = env_name(rule.id, number)
            assignments[name] = channel.secret.get_secret_value()
            body["secret_env"] = name
        channels.append(body)
    return Migration(rule_id=rule.id, assignments=assignments, channels=channels)


def merge_env_file(path: Path, assignments: Mapping[str, str]) -> int:
    """Add or replace ``NAME=value`` lines in ``path`` (created with mode 0600; the lines
    already there are kept, so a run after a partial ``--apply`` loses none). Returns the
    number of variables in the file."""
    for name, value in assignments.items():
        if "\n" in value or "\r" in value:
            raise ConfigError(
                f"{name}: the secret holds a line break, which an env file cannot carry;"
                " set this rule's variable by hand and its channel with --secret-env",
                code=CLEAR_SECRET,
            )
    found: dict[str, str] = {}
    if path.exists():
        for line in path.read_text().splitlines():
            name, sep, value = line.partition("=")
            if sep and not line.lstrip().startswith("#"):
                found[name.strip()] = value
    found.update(assignments)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.fchmod(fd, 0o600)
    with os.fdopen(fd, "w") as fh:
        fh.writelines(f"{name}={value}\n" for name, value in sorted(found.items()))
    return len(found)
