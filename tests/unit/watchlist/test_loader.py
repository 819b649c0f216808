from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from streams.errors import ConfigError
from streams.watchlist import (
    Watchlist,
    WatchlistMatcher,
    WatchlistStore,
    default_watchlist_dir,
    load_watchlist,
)
from tests.unit.watchlist.sample_lists import COMPANIES_CSV, write_watchlist


def test_loads_every_kind_of_file(watchlist: Watchlist) -> None:
    assert watchlist.company("company:MSFT") is not None
    assert watchlist.competitor_ids == {"company:MSFT"}
    assert watchlist.ma_target_ids == {"company:TGT"}  # resolved from the name "Target"
    nadella = watchlist.get("person:satya-nadella")
    assert nadella is not None and watchlist.owner(nadella.id) == "company:MSFT"
    assert watchlist.owner("product:msft/azure") == "company:MSFT"
    assert [t.id for t in watchlist.topics] == ["topic:ai"]
    assert "target" in watchlist.ambiguous_words


def test_version_is_a_short_stable_hash_of_the_contents(tmp_path: Path) -> None:
    first = load_watchlist(write_watchlist(tmp_path / "a"))
    same = load_watchlist(write_watchlist(tmp_path / "b"))
    changed = load_watchlist(write_watchlist(tmp_path / "c", **{"topics.yaml": "topics:\n"}))
    assert first.version == same.version
    assert first.version != changed.version
    assert len(first.version) == 12


def test_other_files_in_the_directory_are_ignored(watchlist_dir: Path) -> None:
    before = load_watchlist(watchlist_dir).version
    (watchlist_dir / "README.md").write_text("notes")
    (watchlist_dir / "companies.csv~").write_text("editor backup")
    assert load_watchlist(watchlist_dir).version == before


def test_custom_file_extends_a_company_by_id(tmp_path: Path) -> None:
    extra = "companies:\n  - id: company:TGT\n    name: Target\n    competitor: true\n"
    watchlist = load_watchlist(write_watchlist(tmp_path, **{"companies.custom.yaml": extra}))
    target = watchlist.company("company:TGT")
    assert target is not None and target.competitor
    assert target.tickers == ("TGT",) and target.name == "Target Corporation"


def _assert_refused(tmp_path: Path, name: str, text: str, code: str, where: str) -> None:
    """Loading a watch list with ``name`` holding ``text`` fails with ``code`` at ``where``."""
    directory = write_watchlist(tmp_path, **{name: text})
    with pytest.raises(ConfigError) as caught:
        load_watchlist(directory)
    assert caught.value.code == code
    assert where in str(caught.value)


@pytest.mark.parametrize(
    ("name", "text", "code", "where"),
    [
        (
            "people.yaml",
            "people:\n  - name: X\n    role: boss\n",
            "SCOUT-E063",
            "people.yaml line 2",
        ),
        ("people.yaml", "people:\n  - name: [unclosed\n", "SCOUT-E061", "people.yaml line 3"),
        ("people.yaml", "people:\n  - nme: X\n", "SCOUT-E062", "people.yaml line 2"),
        (
            "people.yaml",
            "people:\n  - name: X\n    role: analyst\n    company: company:NOPE\n",
            "SCOUT-E065",
            "people.yaml line 2",
        ),
        (
            "companies.csv",
            COMPANIES_CSV + "company:OTHER,Other,,MSFT,,,,false,Tech\n",
            "SCOUT-E064",
            "companies.csv line 9",
        ),
        (
            "companies.csv",
            COMPANIES_CSV + "company:X,X,,X,,,,maybe,Tech\n",
            "SCOUT-E063",
            "companies.csv line 9",
        ),
        ("companies.csv", COMPANIES_CSV + "msft,Microsoft\n", "SCOUT-E062", "companies.csv line 9"),
        ("topics.yaml", "topics:\n  - name: Empty\n", "SCOUT-E062", "topics.yaml line 2"),
        (
            "ma_targets.yaml",
            "targets:\n  - company: Nobody\n",
            "SCOUT-E065",
            "ma_targets.yaml line 2",
        ),
    ],
)
def test_bad_file_raises_config_error_naming_file_and_line(
    tmp_path: Path, name: str, text: str, code: str, where: str
) -> None:
    _assert_refused(tmp_path, name, text, code, where)


def test_missing_directory_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="SCOUT-E060"):
        load_watchlist(tmp_path / "nope")


def test_directory_without_watchlist_files_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="SCOUT-E060"):
        load_watchlist(tmp_path)


def test_non_utf8_file_is_a_config_error(tmp_path: Path) -> None:
    directory = write_watchlist(tmp_path)
    (directory / "topics.yaml").write_bytes(b"topics:\n  - name: caf\xe9\n")
    with pytest.raises(ConfigError, match=r"SCOUT-E061.*topics\.yaml"):
        load_watchlist(directory)


def test_shipped_watchlists_link_msft_by_cashtag_and_name(tmp_path: Path) -> None:
    shipped = default_watchlist_dir()
    assert (shipped / "companies.csv").is_file()
    # the derived companies.csv alone, as a custom directory would hold it
    shutil.copy(shipped / "companies.csv", tmp_path / "companies.csv")
    watchlist = load_watchlist(tmp_path)
    assert len(watchlist.companies) > 400
    matcher = WatchlistMatcher(watchlist)
    found = [(e.text, e.id) for e in matcher.match("$MSFT: Microsoft beats")]
    assert found == [("$MSFT", "company:MSFT"), ("Microsoft", "company:MSFT")]


def test_shipped_watchlists_load_together() -> None:
    watchlist = load_watchlist(default_watchlist_dir())
    assert watchlist.company("company:MSFT") is not None
    assert watchlist.people and watchlist.topics and watchlist.ma_targets


@pytest.mark.parametrize(
    ("name", "text", "code", "where"),
    [
        (
            "companies.csv",
            "id,name,tickers\ncompany:X,X Corp,X\ncompany:X,Other Corp,Y\n",
            "SCOUT-E064",
            "companies.csv line 3: duplicate company id company:X (first at line 2)",
        ),
        (
            "companies.csv",
            "id,name,name\ncompany:X,X Corp,Y Corp\n",
            "SCOUT-E062",
            "companies.csv line 1: column 'name' appears twice",
        ),
        (
            "companies.csv",
            'id,name\ncompany:X,"X Corp\ncompany:Y,Y Corp\ncompany:Z,Z Corp\n',
            "SCOUT-E061",
            "companies.csv line 2: a value runs over several lines",
        ),
        (
            "companies.yaml",
            "companies:\n  - id: company:X\n    name: X Corp\n    name: Y Corp\n",
            "SCOUT-E062",
            "companies.yaml line 4: key 'name' appears twice",
        ),
        (
            "people.yaml",
            "people:\n  - name: 山田 太郎\n    role: analyst\n",
            "SCOUT-E063",
            "people.yaml line 2: cannot derive an id from the name",
        ),
    ],
)
def test_silently_lost_rows_and_values_are_config_errors(
    tmp_path: Path, name: str, text: str, code: str, where: str
) -> None:
    _assert_refused(tmp_path, name, text, code, where)


def test_people_topics_and_targets_may_be_csv(tmp_path: Path) -> None:
    directory = write_watchlist(tmp_path)
    for name in ("people.yaml", "topics.yaml", "ma_targets.yaml"):
        (directory / name).unlink()
    (directory / "people.csv").write_text(
        "name,aliases,handles,company,role\nKari Nordmann,Nordmann,@kari|@kn,company:MSFT,analyst\n",
        encoding="utf-8",
    )
    (directory / "topics.csv").write_text("name,keywords\nCloud,cloud|sky\n", encoding="utf-8")
    (directory / "ma_targets.csv").write_text("company,note\ncompany:IBM,why\n", encoding="utf-8")
    loaded = load_watchlist(directory)
    (person,) = loaded.people
    assert (person.id, person.handles, person.company) == (
        "person:kari-nordmann",
        ("kari", "kn"),
        "company:MSFT",
    )
    assert [(t.id, t.keywords) for t in loaded.topics] == [("topic:cloud", ("cloud", "sky"))]
    assert loaded.ma_target_ids == {"company:IBM"}


def test_ids_of_nordic_and_non_latin_names(tmp_path: Path) -> None:
    directory = write_watchlist(
        tmp_path,
        **{
            "people.yaml": "people:\n  - name: Øyvind Bjørnæs Ås\n    role: analyst\n",
            "companies.team.yaml": "companies:\n  - id: company:MSFT\n"
            "    name: Microsoft\n    products: [東京, 大阪]\n",
        },
    )
    loaded = load_watchlist(directory)
    assert [p.id for p in loaded.people] == ["person:oyvind-bjornaes-as"]
    tokyo, osaka = (p for p in loaded.products if p.name in ("東京", "大阪"))
    assert tokyo.id != osaka.id
    assert tokyo.id.startswith("product:msft/") and len(tokyo.id) > len("product:msft/")


def test_shipped_watchlists_know_ford_and_disney_by_their_short_names() -> None:
    matcher = WatchlistMatcher(load_watchlist(default_watchlist_dir()))
    found = [(e.text, e.id) for e in matcher.match("Ford shares fell; Disney rose")]
    assert found == [("Ford", "company:F"), ("Disney", "company:DIS")]
    assert [(e.text, e.id) for e in matcher.match("Ford stars in a film")] == [("Ford", None)]


@pytest.mark.parametrize(
    "name", ["Companies.csv", "PEOPLE.yaml", "Topics.team.yml", "Ambiguous_Words.txt"]
)
def test_a_watchlist_file_named_in_the_wrong_case_is_a_config_error(
    tmp_path: Path, name: str
) -> None:
    directory = write_watchlist(tmp_path)
    (directory / name).write_text("id,name\ncompany:X,X\n")
    with pytest.raises(ConfigError) as caught:
        load_watchlist(directory)
    assert caught.value.code == "SCOUT-E060"
    message = str(caught.value)
    assert name in message and name.lower() in message and "companies*.csv" in message


@pytest.mark.parametrize(
    "name", ["companies.txt", "people.json", "topics.custom.xlsx", "ambiguous_words.csv"]
)
def test_a_watchlist_file_with_an_unread_extension_is_reported(
    tmp_path: Path, name: str, caplog: pytest.LogCaptureFixture
) -> None:
    directory = write_watchlist(tmp_path)
    before = load_watchlist(directory).version
    (directory / name).write_text("id,name\ncompany:X,X\n")
    with caplog.at_level("WARNING", logger="streams.watchlist"):
        assert load_watchlist(directory).version == before
    warned = [r.getMessage() for r in caplog.records if r.levelname == "WARNING"]
    assert len(warned) == 1 and name in warned[0] and "companies*.csv" in warned[0]


def test_a_misnamed_file_fails_a_reload_and_keeps_the_old_list(watchlist_dir: Path) -> None:
    store = WatchlistStore(watchlist_dir, check_interval_s=0)
    version = store.version
    (watchlist_dir / "Companies.custom.csv").write_text("id,name\ncompany:X,X\n")
    assert store.reload_if_changed() is False
    assert store.version == version
    assert store.last_error is not None and "Companies.custom.csv" in str(store.last_error)
