"""Headless Chromium for the report: its screenshot and what its console said.
The report's browser test and bench/report_history.py's screenshot draw the
page the same way."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

BROWSERS = ("chromium", "chromium-browser", "google-chrome")


def chromium() -> str | None:
    """The installed Chromium's path, or None."""
    for name in BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    return None


@dataclass(frozen=True)
class Rendered:
    shot: Path  # the screenshot
    returncode: int
    stderr: str
    console: list[str]  # console messages and uncaught errors


def draw_page(browser: str, page: Path, folder: Path, size: str) -> Rendered:
    """``page`` drawn by ``browser`` at ``size`` (``"1100,2300"``); the
    screenshot and a throw-away profile go in ``folder``."""
    shot = folder / "shot.png"
    run = subprocess.run(
        [browser, "--headless", "--no-sandbox", "--disable-gpu",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--no-first-run", "--hide-scrollbars", f"--user-data-dir={folder / 'profile'}",
         "--enable-logging=stderr", "--v=0", f"--screenshot={shot}",
         f"--window-size={size}", page.as_uri()],
        capture_output=True, text=True, timeout=120, check=False)
    console = [line for line in run.stderr.splitlines()
               if ":CONSOLE" in line or "Uncaught" in line]
    return Rendered(shot, run.returncode, run.stderr, console)
