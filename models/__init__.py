"""Records for every topic (no I/O) and the project's own NLP model assets.

Every record carries a ``schema_version``; records change additively.
"""

from models.dead_letter import DeadLetter
from models.enriched import EnrichedPost, Entity
from models.post import Author, Post

__all__ = ["Author", "DeadLetter", "EnrichedPost", "Entity", "Post"]
