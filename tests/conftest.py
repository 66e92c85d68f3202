from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
FIXTURES = TESTS / "fixtures"  # the committed test data (drift corpus, clean, dedupe, records)
SUPPORT = TESTS / "support"  # helper scripts some tests run in a subprocess
SHARED = ROOT.parent / "shared"
SEEDS_DIR = SHARED / "seeds"
GOLDEN_DIR = SHARED / "golden"

# Hypothesis budgets (tests/unit/test_extract_properties.py). "ci", the default: a
# fixed, small draw, the same on every run, no example database, no deadline
# (a page's extraction takes milliseconds, a page nested 3000 deep a tenth of
# a second). "long", on demand (HYPOTHESIS_PROFILE=long pytest …): 25 times
# the examples, drawn at random, failures kept in .hypothesis/ and replayed.
settings.register_profile(
    "ci", max_examples=6, derandomize=True, database=None, deadline=None,
    suppress_health_check=[HealthCheck.too_slow], print_blob=True)
settings.register_profile(
    "long", max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow],
    print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


# --- Layout and markers ----------------------------------------------------
# tests/unit: fast, in-process (no replica server, no ``scrapy`` subprocess, no
# Redis, no browser); tests/integration: against the replica, subprocess crawls,
# commands; tests/reliability: kills, faults, distributed crawls. The folder gives
# the marker, so ``pytest -m "not integration and not reliability"`` is the unit
# part wherever it is run from.
FOLDER_MARKERS = {"integration": "integration", "reliability": "reliability"}


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        path = Path(item.path).resolve()
        if not path.is_relative_to(TESTS):
            continue
        folder = path.relative_to(TESTS).parts[0]
        if folder in FOLDER_MARKERS:
            item.add_marker(FOLDER_MARKERS[folder])
        if "redis_url" in getattr(item, "fixturenames", ()):
            item.add_marker("redis")  # needs redis-server (skips without it)


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


# --- Redis (distributed crawls, the Redis dedupe backend) ---------------------
# A real redis-server (scripts/test.sh installs Debian's) on 127.0.0.1, on a
# free port, in the test's tmp dir: no test touches any other address.

REDIS_SERVER = shutil.which("redis-server")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def redis_url(tmp_path: Path) -> Iterator[str]:
    if REDIS_SERVER is None:
        pytest.skip("redis-server is not installed (apt-get install -y redis-server)")
    import redis

    # The port is free when drawn, but another process (another pytest -n worker,
    # a crawl's outgoing connection) may take it before redis-server binds it:
    # then this server exits, and the address may answer for someone else's. So
    # the server must answer with its own pid; if not, another port is drawn.
    for _ in range(5):
        port = free_port()
        proc = subprocess.Popen(
            [REDIS_SERVER, "--port", str(port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no", "--dir", str(tmp_path)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        url = f"redis://127.0.0.1:{port}/0"
        if _serves(redis, url, proc):
            break
        proc.terminate()
        proc.wait(timeout=10)
    else:
        pytest.fail("redis-server did not start")
    try:
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def _serves(redis: Any, url: str, proc: subprocess.Popen[bytes]) -> bool:
    """Whether ``proc`` answers at ``url`` (within 5 s; False once it has exited)."""
    client = redis.Redis.from_url(url)
    try:
        for _ in range(100):
            if proc.poll() is not None:
                return False
            try:
                return bool(client.info("server")["process_id"] == proc.pid)
            except redis.ConnectionError:
                time.sleep(0.05)
        return False
    finally:
        client.close()
