"""Bearer-token authentication: every route but ``/health`` and the docs requires it."""

from __future__ import annotations

import secrets
from typing import Annotated

from fastapi import Depends, HTTPException, status
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from streams.api.context import ApiContext, context

_bearer = HTTPBearer(auto_error=False, description="The token of SCOUT_API_TOKEN.")


def require_token(
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
    ctx: Annotated[ApiContext, Depends(context)],
) -> None:
    """401 without a bearer token, 403 with a wrong one (compared in constant time)."""
    expected = ctx.settings.api_token
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise HTTPException(
            status.HTTP_401_UNAUTHORIZED,
            detail="missing bearer token: send 'Authorization: Bearer <SCOUT_API_TOKEN>'",
            headers={"WWW-Authenticate": "Bearer"},
        )
    if expected is None or not secrets.compare_digest(
        credentials.credentials.encode(), expected.get_secret_value().encode()
    ):
        raise HTTPException(status.HTTP_403_FORBIDDEN, detail="invalid bearer token")
