"""Records for every topic (no I/O) and the project's own NLP model assets.

Every record carries a ``schema_version``; records change additively.
"""

from models.dead_letter import DeadLetter
from models.enriched import EnrichedPost, Entity
from models.post import Author, BackfillInfo, Engagement, Post, RepostOf

__all__ = [
    "Author",
    "BackfillInfo",
    "DeadLetter",
    "Engagement",
    "EnrichedPost",
    "Entity",
    "Post",
    "RepostOf",
]
