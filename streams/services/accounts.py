"""Elasticsearch refuses to run as root: a system user for it, its files, its reach.

Only used when the scout runs as root (``euid == 0``).
"""

from __future__ import annotations

import os
import pwd
import shutil
import stat
import subprocess
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from streams.errors import ServiceError

__all__ = ["Account", "ensure_system_user", "blocked_dirs", "ensure_reachable", "chown_tree"]


@dataclass(frozen=True)
class Account:
    name: str
    uid: int
    gid: int
    """Primary group."""
    gids: frozenset[int]
    """Every group of the account, the primary one included."""


def _lookup(name: str) -> Account | None:
    try:
        entry = pwd.getpwnam(name)
    except KeyError:
        return None
    groups = os.getgrouplist(name, entry.pw_gid)
    return Account(name=name, uid=entry.pw_uid, gid=entry.pw_gid, gids=frozenset(groups))


def ensure_system_user(name: str, env: Mapping[str, str]) -> Account:
    """The account ``name``, created as a no-login system user when missing."""
    found = _lookup(name)
    if found is not None:
        return found
    useradd = shutil.which("useradd", path=env.get("PATH", "") + os.pathsep + "/usr/sbin:/sbin")
    hint = (
        f"create it yourself (`useradd --system --no-create-home --shell /usr/sbin/nologin "
        f"{name}`) or choose an existing non-root user with SCOUT_LOCAL_ES_USER"
    )
    if useradd is None:
        raise ServiceError(
            f"Elasticsearch cannot run as root and `useradd` is missing: {hint}", code="SCOUT-E108"
        )
    done = subprocess.run(  # noqa: S603 - useradd with a user name from settings
        [useradd, "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", name],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    created = _lookup(name)
    if done.returncode != 0 or created is None:
        raise ServiceError(
            f"could not create the user {name!r} to run Elasticsearch (not as root): "
            f"{(done.stderr or done.stdout).strip()}; {hint}",
            code="SCOUT-E108",
        )
    return created


def _can_traverse(st: os.stat_result, account: Account) -> bool:
    if account.uid == 0:
        return True
    if st.st_uid == account.uid:
        return bool(st.st_mode & stat.S_IXUSR)
    if st.st_gid in account.gids:
        return bool(st.st_mode & stat.S_IXGRP)
    return bool(st.st_mode & stat.S_IXOTH)


def blocked_dirs(path: Path, account: Account) -> list[Path]:
    """Existing directories on the way to ``path`` (itself included) that ``account``
    may not enter (no execute permission for it)."""
    blocked: list[Path] = []
    for directory in [path, *path.parents]:
        try:
            st = directory.stat()
        except FileNotFoundError:
            continue
        if not _can_traverse(st, account):
            blocked.append(directory)
    return sorted(blocked, key=lambda p: len(p.parts))


def ensure_reachable(path: Path, account: Account) -> None:
    blocked = blocked_dirs(path, account)
    if blocked:
        raise ServiceError(
            f"Elasticsearch runs as the user {account.name!r} (it refuses root), which cannot "
            f"enter {blocked[0]} on the way to {path}. Point SCOUT_SERVICES_HOME somewhere "
            "it can reach (e.g. /var/tmp/signal-scout) or grant it access "
            f"(`chmod o+x {blocked[0]}`).",
            code="SCOUT-E108",
        )


def chown_tree(roots: Iterable[Path], account: Account) -> None:
    """Give every file under ``roots`` to ``account`` (symlinks themselves, not targets)."""
    for root in roots:
        for directory, dirs, files in os.walk(root):
            for entry in [directory, *(os.path.join(directory, n) for n in [*dirs, *files])]:
                st = os.lstat(entry)
                if st.st_uid != account.uid or st.st_gid != account.gid:
                    os.lchown(entry, account.uid, account.gid)
