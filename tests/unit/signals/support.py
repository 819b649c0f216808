"""Helpers shared by the M&A signal tests."""

from __future__ import annotations

from models.enriched import Entity
from streams.signals.ma import MASignal
from streams.signals.moves import detect_moves


def roles(signal: MASignal) -> tuple[str | None, str | None]:
    """(acquirer name, target name) of a signal."""
    return (
        signal.acquirer.name if signal.acquirer else None,
        signal.target.name if signal.target else None,
    )


Ent = tuple[str, str] | tuple[str, str, str]


def entities(text: str, *ents: Ent) -> list[Entity]:
    """Entities at their first occurrence in ``text``: (text, label) or (text, label, id)."""
    out = []
    for ent in ents:
        start = text.index(ent[0])
        linked = ent[2] if len(ent) == 3 else None
        out.append(
            Entity(text=ent[0], label=ent[1], start=start, end=start + len(ent[0]), id=linked)
        )
    return out


def read_moves(text: str, *ents: Ent) -> list[tuple[object, ...]]:
    """(person, organisation, role, direction) of each move read in ``text``."""
    found = detect_moves(text, entities(text, *ents))
    return [(m.person, m.organisation, m.role, m.direction) for m in found]
