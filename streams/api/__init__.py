"""The scout's HTTP API (FastAPI): rules, search, timelines, leaders, the board, the brief.

``create_api(settings)`` builds the app; routers live in their own modules and share the
clients of one :class:`~streams.api.context.ApiContext`, built once at start-up.
"""

from streams.api.app import create_api
from streams.api.context import ApiContext

__all__ = ["ApiContext", "create_api"]
