"""A party written with a possessive that lost its apostrophe: "AstraZeneca rejects Pfizers
final bid", "Apples Beats Deal Gets Nod From EU", "Alstoms India Units".

Posts often drop the apostrophe, so the name runs read "Pfizers" or "Apples Beats" as one
name. A first word that is a watched company's name plus "s" (and is not itself one: "Sears")
is that company's possessive: alone it is the company ("Pfizers" -> Pfizer, linked); before
a name it is the owner of that name ("Apples Beats" -> Beats); before a unit word it owns the
unit ("Alstoms India Units" -> "Alstom's India Units"). Which names are watched is the watch
list's to say (``lookup``), so this runs where the watch list is known (the enricher).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

from models.signals import MASignal, Party

# A name's id when the watch list knows exactly that name, else None.
Lookup = Callable[[str], str | None]

_UNIT_WORDS: Final = frozenset(
    {
        "unit", "units", "business", "businesses", "division", "divisions", "arm", "assets",
        "operations", "spectrum", "stake", "plant", "plants", "brands",
    }
)  # fmt: skip


def _owned(party: Party | None, lookup: Lookup) -> Party | None:
    if party is None:
        return party
    words = party.name.split()
    first = words[0].lstrip("#$@")
    stem = first[:-1]
    if len(first) < 4 or not first.endswith("s") or first.endswith("ss") or not stem[:1].isupper():
        return party
    if (owner := lookup(stem)) is None or lookup(first) not in {None, owner}:
        return party  # not a watched name + "s", or a name of its own ("Sears")
    if party.id not in {None, owner}:
        return party  # linked to another company than the one the word names
    if len(words) == 1:
        return Party(name=stem, id=owner)
    rest = " ".join(words[1:])
    if words[-1].lower() in _UNIT_WORDS:
        return Party(name=f"{stem}'s {rest}")
    return Party(name=rest)


def possessive_parties(ma: MASignal, lookup: Lookup) -> MASignal:
    """``ma`` with each party written as a watched company's apostrophe-less possessive read
    as that company, or as what it owns."""
    if not ma.is_ma:
        return ma
    acquirer, target = _owned(ma.acquirer, lookup), _owned(ma.target, lookup)
    if acquirer == ma.acquirer and target == ma.target:
        return ma
    if (
        acquirer is not None
        and target is not None
        and (acquirer.name == target.name or (acquirer.id is not None and acquirer.id == target.id))
    ):
        return ma  # a company buying itself: the reading was not of a possessive
    return ma.model_copy(update={"acquirer": acquirer, "target": target})
