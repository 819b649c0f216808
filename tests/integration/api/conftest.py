"""An API over the test's isolated settings, with a known bearer token."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr

from streams.api import create_api
from streams.settings import Settings

TOKEN = "test-token-0123456789"


@pytest.fixture
def api_settings(settings: Settings) -> Settings:
    return settings.model_copy(update={"api_token": SecretStr(TOKEN)})


@pytest.fixture
def api(api_settings: Settings) -> Iterator[TestClient]:
    """Authenticated client: every request carries the bearer token."""
    with TestClient(
        create_api(api_settings), headers={"Authorization": f"Bearer {TOKEN}"}
    ) as client:
        yield client


@pytest.fixture
def anonymous(api_settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_api(api_settings)) as client:
        yield client
