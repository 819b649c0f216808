"""A party written as a watched company's possessive without its apostrophe ("Globexs final
bid", "Globexs Initech Deal") is that company, or what it owns (``possessive_parties``)."""

from __future__ import annotations

import pytest

from models.signals import MASignal, Party
from streams.signals.ma.possessive import possessive_parties

WATCHED = {"Globex": "company:GLBX", "Hooli": "company:HOOL", "Sears": "company:SHLD"}


def _lookup(name: str) -> str | None:
    return WATCHED.get(name)


def _read(acquirer: Party | None, target: Party | None) -> tuple[Party | None, Party | None]:
    ma = MASignal(is_ma=True, score=0.9, acquirer=acquirer, target=target)
    out = possessive_parties(ma, _lookup)
    return out.acquirer, out.target


def test_a_watched_name_plus_s_alone_is_the_company() -> None:
    # "Initech rejects Globexs final bid"; linked or not to the company inside the word
    for linked in (None, "company:GLBX"):
        acquirer, target = _read(Party(name="Globexs", id=linked), Party(name="Initech"))
        assert acquirer == Party(name="Globex", id="company:GLBX")
        assert target == Party(name="Initech")


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("Globexs Initech", "Initech"),  # "Globexs Initech Deal Gets Nod": what it owns
        ("Globexs India Units", "Globex's India Units"),  # a unit of it
    ],
)
def test_a_watched_possessive_before_a_name_owns_it(written: str, read: str) -> None:
    _, target = _read(Party(name="HOOL", id="company:HOOL"), Party(name=written))
    assert target == Party(name=read)


@pytest.mark.parametrize(
    "party",
    [
        Party(name="Sears", id="company:SHLD"),  # a watched name of its own
        Party(name="Initechs"),  # not watched
        Party(name="Class"),  # a word ending in "ss"
        Party(name="Globexs", id="company:HOOL"),  # linked to another company
    ],
)
def test_other_names_ending_in_s_stay(party: Party) -> None:
    acquirer, _ = _read(party, Party(name="Initech"))
    assert acquirer == party


def test_no_company_is_read_buying_itself() -> None:
    glbx = Party(name="GLBX", id="company:GLBX")
    assert _read(glbx, Party(name="Globexs")) == (glbx, Party(name="Globexs"))


def test_a_post_read_as_no_deal_is_left_alone() -> None:
    ma = MASignal(is_ma=False, score=0.3, acquirer=Party(name="Globexs"))
    assert possessive_parties(ma, _lookup) == ma
