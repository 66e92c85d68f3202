"""Running real ``scrapy crawl`` processes against a replica, for integration tests."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from conftest import ROOT, SUPPORT

# In testkit since the kill runs (testkit/kill_runs.py) use them too; the tests
# import them from here.
from testkit.crawl import FAST, LineCounter
from testkit.crawl import crawl_command as crawl_command
from testkit.crawl import line_count as line_count

CRAWLED = re.compile(r"Crawled \((\d+)\) <GET (\S+)>")


@dataclass
class CrawlRun:
    records: list[dict[str, Any]]
    fetched: list[str]  # every URL downloaded, in log order
    returncode: int
    log: str

    def by_url(self) -> dict[str, dict[str, Any]]:
        return {r["url"]: r for r in self.records}


def run_crawl(spider: str, proxy: str, state: Path, out: Path, *args: str,
              timeout: float = 600, launcher: tuple[str, ...] = ("-m", "scrapy")) -> CrawlRun:
    """``scrapy crawl SPIDER -O out`` through the replica proxy, state in ``state``.
    ``launcher``: what runs ``scrapy`` (``raising_launcher`` simulates a bug)."""
    env = {**os.environ, "http_proxy": proxy, "no_proxy": "", "NO_PROXY": ""}
    log = out.with_suffix(".log")
    cmd = [sys.executable, *launcher, "crawl", spider, "-O", str(out), *FAST,
           "-s", f"STATE_DIR={state}", "-s", "LOG_LEVEL=DEBUG", "--logfile", str(log), *args]
    proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=timeout, check=False)
    text = log.read_text("utf-8") if log.exists() else ""
    records = ([json.loads(line) for line in out.read_text("utf-8").splitlines() if line]
               if out.exists() else [])
    return CrawlRun(records, [m[2] for m in CRAWLED.finditer(text)], proc.returncode,
                    text + proc.stderr)


RAISING = SUPPORT / "raising.py"


def raising_launcher(target: str, needles: list[str], where: Path) -> tuple[str, ...]:
    """A ``launcher`` for ``run_crawl`` under which ``target`` (``module:qualname``)
    raises ``ValueError`` on calls naming one of ``needles`` (tests/support/raising.py)."""
    where.write_text("".join(f"{needle}\n" for needle in needles), "utf-8")
    return (str(RAISING), target, str(where))


def run_and_interrupt(cmd: list[str], env: dict[str, str], out: Path, after_lines: int,
                      signum: int, timeout: float = 60) -> int | None:
    """Start ``cmd``; once ``out`` has grown by ``after_lines`` lines, send
    ``signum``. Returns the exit status, or ``None`` when it was killed."""
    import signal
    import time

    lines = LineCounter(out)
    start = lines()
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + timeout
    while proc.poll() is None and time.monotonic() < deadline:
        if lines() - start >= after_lines:
            proc.send_signal(signum)
            break
        time.sleep(0.02)
    try:
        code = proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
        return None
    return None if code == -signal.SIGKILL else code


def proxy_env(proxy: str) -> dict[str, str]:
    return {**os.environ, "http_proxy": proxy, "no_proxy": "", "NO_PROXY": ""}
