from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEEDS_DIR = SHARED / "seeds"
GOLDEN_DIR = SHARED / "golden"


def golden_records() -> list[dict[str, Any]]:
    return [json.loads(p.read_text("utf-8")) for p in sorted(GOLDEN_DIR.glob("*.json"))]


@pytest.fixture
def state_settings(tmp_path: Path) -> dict[str, Any]:
    """Settings that keep a test's persistent state in its own tmp dir."""
    return {"STATE_DIR": str(tmp_path / "state")}


# --- Site replicas (replica/) --------------------------------------------

REPLICA_ARTICLES = 300  # per site, besides the seeds; enough for pagination, fast


@pytest.fixture(scope="session")
def replica_session() -> Any:
    """One read-only replica shared by a test session (do not mutate it)."""
    from replica import Replica

    with Replica(articles=REPLICA_ARTICLES) as replica:
        yield replica


@pytest.fixture
def replica() -> Any:
    """A fresh replica for a test that grows, changes, deletes or sets faults.

    ``replica.proxy_url`` is the ``http_proxy`` value; ``replica.truth(site)`` the
    expected records.
    """
    from replica import Replica

    with Replica(articles=REPLICA_ARTICLES) as fresh:
        yield fresh


@pytest.fixture
def replica_env(replica: Any, monkeypatch: pytest.MonkeyPatch) -> Any:
    """``replica`` with ``http_proxy`` pointing at it (for Scrapy's HttpProxyMiddleware)."""
    monkeypatch.setenv("http_proxy", replica.proxy_url)
    monkeypatch.delenv("no_proxy", raising=False)
    monkeypatch.delenv("NO_PROXY", raising=False)
    return replica
