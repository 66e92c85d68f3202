"""The state directory: everything persistent lives below ``STATE_DIR``."""

from __future__ import annotations

from pathlib import Path

from scrapy.settings import BaseSettings


def state_dir(settings: BaseSettings, *parts: str) -> Path:
    """``STATE_DIR`` joined with fixed, code-chosen ``parts``; created on demand.

    Parts come from code (component names, spider names checked against
    ``[a-z0-9_]``), never from input data."""
    base = Path(settings.get("STATE_DIR") or ".state")
    for part in parts:
        if not part or "/" in part or "\\" in part or part in {".", ".."}:
            raise ValueError(f"bad state path component: {part!r}")
    path = base.joinpath(*parts)
    path.mkdir(parents=True, exist_ok=True)
    return path
