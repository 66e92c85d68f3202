"""``RunSummary``: what a run did, in a few readable lines at its very end, and
its full stats as JSON under ``STATE_DIR/runs/<spider>/<UTC time>.json``.

Scrapy ends a crawl with a long stats dict; a scheduler's log (cron mail,
journald) wants to say how it went in a glance. The lines are logged on
``engine_stopped``, after Scrapy's stats dump, and the JSON is what later
tools (the exit status in ``crawler.health``, reports) read back.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Self

from scrapy import Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.extensions.logstats import LogStats

from crawler.config import project_settings
from crawler.state import state_dir

logger = logging.getLogger(__name__)

# Counters whose keys end in a reason: (prefix, what the summary calls them).
DROP_FAMILIES = (
    ("fetch/failed/reason_count/", "not fetched"),
    ("extract/dropped/", "no article"),
    ("extract/error/", "extraction raised"),
    ("item_dropped_reasons_count/", "records dropped"),
)


def _by_prefix(stats: Mapping[str, Any], prefix: str) -> dict[str, int]:
    return {k.removeprefix(prefix): int(v) for k, v in sorted(stats.items())
            if k.startswith(prefix) and "/" not in k.removeprefix(prefix)
            and isinstance(v, int)}


def _counts(found: Mapping[str, int]) -> str:
    return ", ".join(f"{k} {v}" for k, v in sorted(found.items(), key=lambda kv: -kv[1]))


def summary_lines(name: str, stats: Mapping[str, Any], outputs: list[str]) -> list[str]:
    """The run in a few lines: fetched, exported, dropped by reason, fallbacks,
    duplicates, errors, articles over several pages, time, outputs."""
    get = stats.get
    elapsed = float(get("elapsed_time_seconds") or 0)
    lines = [f"{name}: {get('finish_reason', 'unfinished')} after {elapsed:.0f} s; "
             f"{get('downloader/response_count', 0)} pages fetched, "
             f"{get('item_scraped_count', 0)} records exported"]
    for prefix, label in DROP_FAMILIES:
        found = _by_prefix(stats, prefix)
        if found:
            lines.append(f"{name}: {label}: {_counts(found)}")
    dedupe = {k: get(f"dedupe/{k}", 0) for k in ("url", "exact", "near")}
    quality = [f"extraction fallbacks {get('extract/fallback', 0)}",
               f"duplicates {sum(dedupe.values())} (url {dedupe['url']}, exact "
               f"{dedupe['exact']}, near {dedupe['near']})"]
    if get("deltafetch/skipped"):
        quality.append(f"skipped as exported before {get('deltafetch/skipped')}")
    lines.append(f"{name}: " + ", ".join(quality))
    errors = {k.removeprefix("log_count/").lower(): v for k, v in stats.items()
              if k in ("log_count/ERROR", "log_count/CRITICAL") and v}
    if errors or get("spider_exceptions/count"):
        lines.append(f"{name}: errors: {_counts(errors)}"
                     + (f", spider exceptions {get('spider_exceptions/count')}"
                        if get("spider_exceptions/count") else ""))
    multipage = get("article/multipage", 0)
    if multipage or _by_prefix(stats, "article/page_dropped/"):
        extra = {"galleries (headline only)": get("article/gallery", 0),
                 "capped at ARTICLE_MAX_PAGES": get("article/capped", 0),
                 "pages without the article": sum(
                     _by_prefix(stats, "article/page_dropped/").values())}
        lines.append(f"{name}: articles over several pages: {multipage} records from "
                     f"{get('article/pages', 0)} pages"
                     + "".join(f", {label} {n}" for label, n in extra.items() if n))
    refetched = _by_prefix(stats, "refetch/status/")
    if refetched:
        lines.append(f"{name}: re-fetched: {_counts(refetched)}")
    found, missing = get("ids/found", 0), get("ids/not_found", 0)
    if found or missing:
        lines.append(f"{name}: ids: {found} found, {missing} not found"
                     + (" (none of the range exists: check the site's id space)"
                        if missing and not found else ""))
    left = {k: get(f"frontier/{k}", 0) for k in ("pending", "walking", "given_up")}
    if any(left.values()):
        lines.append(f"{name}: left for the next run: {left['pending']} articles pending, "
                     f"{left['walking']} listing walks unfinished ({left['given_up']} given up)")
    lines.append(f"{name}: output: {', '.join(outputs) if outputs else 'none'}")
    return lines


def _jsonable(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, (int, float, str, bool)) or value is None:
        return value
    return str(value)


def write_run_stats(folder: Path, stats: Mapping[str, Any], at: dt.datetime) -> Path:
    """The stats as ``<folder>/<UTC time>.json``, written whole or not at all."""
    folder.mkdir(parents=True, exist_ok=True)
    stem = at.astimezone(dt.UTC).strftime("%Y-%m-%dT%H-%M-%SZ")
    target = folder / f"{stem}.json"
    n = 1
    while target.exists() or target.is_symlink():  # two runs in one second
        n += 1
        target = folder / f"{stem}-{n}.json"
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".run-", suffix=".json")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump({k: _jsonable(v) for k, v in sorted(stats.items())}, fh,
                  ensure_ascii=False, indent=1)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, target)
    return target


class RunSummary:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.spider_name: str | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        if not project_settings(crawler.settings).run_summary_enabled:
            raise NotConfigured
        ext = cls(crawler)
        crawler.signals.connect(ext.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.engine_stopped, signal=signals.engine_stopped)
        return ext

    def spider_opened(self, spider: Spider) -> None:
        self.spider_name = spider.name

    def engine_stopped(self) -> None:
        if self.spider_name is None or self.crawler.stats is None:
            return
        stats = self.crawler.stats.get_stats()
        outputs = [uri for uri in self.crawler.settings.getdict("FEEDS")]
        folder = state_dir(self.crawler.settings, "runs", self.spider_name)
        try:
            path: Path | str = write_run_stats(folder, stats, dt.datetime.now(dt.UTC))
        except OSError as exc:
            path = f"not written ({exc.strerror or exc})"
        for line in summary_lines(self.spider_name, stats, outputs):
            logger.info("%s", line)
        logger.info("%s: full stats: %s", self.spider_name, path)


def progress_line(stats: Mapping[str, Any]) -> str | None:
    """Where the crawl stands against the totals it knows: the ids of an id
    walk, the articles the listings named."""
    total = int(stats.get("ids/total") or 0)
    if total:
        done = int(stats.get("ids/found") or 0) + int(stats.get("ids/not_found") or 0)
        return (f"progress: ids {done} of {total} tried ({done / total:.0%}), "
                f"{stats.get('ids/found', 0)} found, "
                f"{stats.get('item_scraped_count', 0)} records exported")
    named = int(stats.get("listing/discovered") or 0) + int(
        stats.get("frontier/resumed/articles") or 0)
    if named:
        return (f"progress: {stats.get('item_scraped_count', 0)} records exported of "
                f"{named} articles asked for, {stats.get('pages/listing', 0)} listing pages read")
    return None


class ProgressLogStats(LogStats):
    """Scrapy's minute line, followed by the progress against known totals."""

    def log(self, spider: Spider) -> None:
        super().log(spider)
        line = progress_line(self.stats.get_stats())
        if line is not None:
            logger.info("%s", line)
