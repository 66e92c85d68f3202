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
