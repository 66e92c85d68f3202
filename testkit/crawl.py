"""Running ``scrapy crawl`` processes and reading what they leave: the fast
settings, the command line of an appending crawl, an output's line count and
the dedupe drops in a crawl's log. Shared by the integration tests
(tests/crawl_helpers.py builds on it) and the kill runs (``testkit.kill_runs``)."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

FAST = ("-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False",
        "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=16", "-s", "CONCURRENT_REQUESTS=16")

# A dedupe drop in a crawl's log: (dropped id, the id it duplicates).
DROPPED_DUPLICATE = re.compile(
    r"Dropped: ([0-9a-f]{16}): (?:exact duplicate of|near duplicate of|same canonical URL as) "
    r"([0-9a-f]{16})")


def crawl_command(spider: str, state: Path, out: Path, *args: str) -> list[str]:
    """``scrapy crawl SPIDER -o out`` (append) with the test's fast settings."""
    return [sys.executable, "-m", "scrapy", "crawl", spider, "-o", str(out), *FAST,
            "-s", f"STATE_DIR={state}", "-s", "LOG_LEVEL=INFO", "-s", "LOG_FILE_APPEND=True",
            "--logfile", str(out.with_suffix(".log")), *args]


def line_count(path: Path) -> int:
    try:
        with path.open("rb") as fh:
            return sum(1 for _ in fh)
    except FileNotFoundError:
        return 0


class LineCounter:
    """``line_count(path)`` of a growing file, reading only what was added since
    the last call: for the loops that watch an output many times a second while
    a crawl writes it (re-reading a 10 MB output every 20 ms took a fifth of a
    core from the crawl being watched). A file that got shorter is counted afresh."""

    def __init__(self, path: Path) -> None:
        self.path, self.offset, self.newlines, self.partial = path, 0, 0, False

    def __call__(self) -> int:
        try:
            with self.path.open("rb") as fh:
                if os.fstat(fh.fileno()).st_size < self.offset:
                    self.offset, self.newlines, self.partial = 0, 0, False
                fh.seek(self.offset)
                chunk = fh.read()
        except FileNotFoundError:
            self.offset, self.newlines, self.partial = 0, 0, False
            return 0
        if chunk:
            self.offset += len(chunk)
            self.newlines += chunk.count(b"\n")
            self.partial = not chunk.endswith(b"\n")
        return self.newlines + self.partial  # a last line without its newline counts
