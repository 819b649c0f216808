from __future__ import annotations

from pathlib import Path

import pytest

from streams.errors import ServiceError
from streams.services.accounts import Account, blocked_dirs, ensure_reachable

ES_USER = Account(name="scout-es", uid=4321, gid=4321, gids=frozenset({4321}))


def test_a_private_parent_directory_blocks_the_es_user(tmp_path: Path) -> None:
    private = tmp_path / "private"
    home = private / "services"
    home.mkdir(parents=True)
    tmp_path.chmod(0o755)
    private.chmod(0o700)
    try:
        assert private in blocked_dirs(home, ES_USER)
        with pytest.raises(ServiceError) as err:
            ensure_reachable(home, ES_USER)
    finally:
        private.chmod(0o755)
    assert err.value.code == "SCOUT-E108"
    assert "SCOUT_SERVICES_HOME" in err.value.message


def test_world_traversable_directories_do_not_block(tmp_path: Path) -> None:
    home = tmp_path / "open" / "services"
    home.mkdir(parents=True)
    for directory in (tmp_path, tmp_path / "open", home):
        directory.chmod(0o711)
    assert [d for d in blocked_dirs(home, ES_USER) if tmp_path in (d, *d.parents)] == []


def test_not_yet_created_directories_are_skipped(tmp_path: Path) -> None:
    tmp_path.chmod(0o755)
    assert tmp_path / "later" not in blocked_dirs(tmp_path / "later" / "home", ES_USER)
