"""The move read at a cue, as the signal a post carries."""

from __future__ import annotations

import re

from models.enriched import Entity
from models.signals import ExecMove

__all__ = ["make_move"]


def make_move(
    person: Entity | None, org: Entity | None, role: str | None, direction: str, cue: re.Match[str]
) -> ExecMove:
    """The move a cue reads: the person and organisation as the text names them (their linked
    ids when they have one), the title with its spaces folded, the cue in lower case."""
    return ExecMove(
        person=person.text if person else None,
        person_id=person.id if person else None,
        organisation=org.text if org else None,
        organisation_id=org.id if org else None,
        role=re.sub(r"\s+", " ", role) if role else None,
        direction=direction,
        cue=re.sub(r"\s+", " ", cue.group(0).lower()),
    )
