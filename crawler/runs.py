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

from crawler.config import ProjectSettings, project_settings
from crawler.state import state_dir
from crawler.state.history import (
    JUDGE_ERROR,
    NOT_JUDGED,
    RUN_KIND,
    Limits,
    judge,
    load_runs,
    record_verdicts,
    run_kind,
)
from crawler.unexpected import describe

logger = logging.getLogger(__name__)
# An id walk that finds fewer than this share of its range says so: the
# missing ids may sit in a column no home or section page named.
NOT_FOUND_WARN_SHARE = 0.5

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


def summary_lines(name: str, stats: Mapping[str, Any], outputs: list[str],
                  delay: float = 0.0) -> list[str]:
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
        share = missing / (found + missing)
        lines.append(f"{name}: ids: {found} found, {missing} not found"
                     + (" (none of the range exists: check the site's id space)"
                        if missing and not found else
                        f" ({share:.0%}: a column the crawler does not know of may hold them)"
                        if share > NOT_FOUND_WARN_SHARE else ""))
    requests, exported = int(get("downloader/request_count", 0)), int(
        get("item_scraped_count", 0))
    if exported and (found or missing or get("crawl/backfill")):
        lines.append(f"{name}: requests: {requests} for {exported} records "
                     f"({requests / exported:.2f} a record)")
    if get("dry_run/articles") is not None or stats.get("dry_run"):
        pages = _count(stats, "pages/listing") + _count(stats, "pages/home")
        made = max(pages, _count(stats, "downloader/request_count"))  # robots.txt too
        planned = _count(stats, "dry_run/articles")
        lines.append(f"{name}: dry run: {pages} home and listing pages read, {planned} "
                     f"article requests planned: {made + planned} requests, about "
                     f"{_duration((made + planned) * delay)} at DOWNLOAD_DELAY={delay:g} "
                     "(one request at a time per host; an article split over pages "
                     "adds its later pages)")
    lines += [layout_line(name, key.removeprefix("layout/baseline/"), stats)
              for key in sorted(stats) if key.startswith("layout/baseline/")]
    left = {k: get(f"frontier/{k}", 0) for k in ("pending", "walking", "given_up")}
    if any(left.values()):
        lines.append(f"{name}: left for the next run: {left['pending']} articles pending, "
                     f"{left['walking']} listing walks unfinished ({left['given_up']} given up)")
    lines.append(f"{name}: output: {', '.join(outputs) if outputs else 'none'}")
    return lines


def layout_line(name: str, site: str, stats: Mapping[str, Any]) -> str:
    """What the template-change alarm made of ``site``'s layout (crawler.state.history)."""
    basis = str(stats.get(f"layout/baseline/{site}"))
    if basis.startswith(NOT_JUDGED):
        return f"{name}: layout of {site}: {basis}"
    if stats.get(f"layout/alarm/{site}"):
        verdict = "template change suspected (see the ERROR or WARNING line)"
    elif stats.get(f"layout/accepted/{site}"):
        verdict = f"accepted as the new normal ({stats[f'layout/accepted/{site}']})"
    else:
        verdict = "no shift"
    return f"{name}: layout of {site} against {basis}: {verdict}"


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
    def __init__(self, crawler: Crawler, settings: ProjectSettings) -> None:
        self.crawler = crawler
        self.settings = settings
        self.spider_name: str | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        settings = project_settings(crawler.settings)
        if not settings.run_summary_enabled:
            raise NotConfigured
        ext = cls(crawler, settings)
        crawler.signals.connect(ext.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.engine_stopped, signal=signals.engine_stopped)
        return ext

    def spider_opened(self, spider: Spider) -> None:
        self.spider_name = spider.name

    def engine_stopped(self) -> None:
        if self.spider_name is None or self.crawler.stats is None:
            return
        folder = state_dir(self.crawler.settings, "runs", self.spider_name)
        try:
            alarms = self._judge_layout(folder)
        except Exception as exc:  # a bug here must not cost the run its stats
            logger.error("run history: the template-change alarm could not judge this run: %s",
                         describe(exc))
            self.crawler.stats.set_value(JUDGE_ERROR, describe(exc))
            alarms = []
        stats = self.crawler.stats.get_stats()
        outputs = [uri for uri in self.crawler.settings.getdict("FEEDS")]
        try:
            path: Path | str = write_run_stats(folder, stats, dt.datetime.now(dt.UTC))
        except OSError as exc:
            path = f"not written ({exc.strerror or exc})"
        delay = self.crawler.settings.getfloat("DOWNLOAD_DELAY")
        for line in summary_lines(self.spider_name, stats, outputs, delay):
            logger.info("%s", line)
        logger.info("%s: full stats: %s", self.spider_name, path)
        level = logging.ERROR if self.settings.health_template_change == "fail" \
            else logging.WARNING
        for line in alarms:
            logger.log(level, "%s", line)

    def _judge_layout(self, folder: Path) -> list[str]:
        """The run's layout against the history in ``folder`` (the template-change
        alarm, crawler.state.history): the verdicts go into the stats."""
        assert self.crawler.stats is not None and self.spider_name is not None
        stats = self.crawler.stats
        settings = self.settings
        current = stats.get_stats()
        history, problems = load_runs(folder, self.spider_name)
        for problem in problems:
            logger.warning("run history: %s", problem)
        kind = run_kind(current, self.spider_name, history)
        if settings.health_template_change == "off":
            stats.set_value(RUN_KIND, kind)
            return []
        start = current.get("start_time")
        started = (start.astimezone(dt.UTC) if isinstance(start, dt.datetime)
                   else dt.datetime.now(dt.UTC)).strftime("%Y-%m-%d %H:%M")
        verdicts = judge(current, self.spider_name, history,
                         runs=settings.health_template_history,
                         limits=Limits(settings.health_template_min_shift,
                                       settings.health_template_p,
                                       settings.health_template_min_pages),
                         accept=settings.health_template_accept,
                         confirm_runs=settings.health_template_confirm_runs, started=started)
        record_verdicts(stats, verdicts, kind)
        for verdict in verdicts:
            if verdict.accepted:
                logger.info("%s: layout accepted as the new normal (%s)", verdict.site,
                            verdict.accepted)
        return [v.alarm for v in verdicts if v.alarm]


def _count(stats: Mapping[str, Any], key: str) -> int:
    value = stats.get(key) or 0
    return int(value) if isinstance(value, int | float) else 0


def _duration(seconds: float) -> str:
    seconds = max(0, round(seconds))
    hours, rest = divmod(seconds, 3600)
    return f"{hours} h {rest // 60:02d} min" if hours else f"{rest // 60} min {rest % 60:02d} s"


def eta_seconds(stats: Mapping[str, Any], rate: float | None) -> float | None:
    """Seconds left at ``rate`` requests a second: the units left (ids of an id
    walk, else articles asked for and not done) times the article requests
    each unit took so far (a column guessed wrong costs one more)."""
    if not rate or rate <= 0:
        return None
    requests = _count(stats, "downloader/request_count")
    pages = _count(stats, "pages/listing") + _count(stats, "pages/home")
    total = _count(stats, "ids/total")
    if total:
        done = sum(_count(stats, k) for k in ("ids/found", "ids/not_found",
                                              "ids/exported_before"))
        left = total - done
    else:
        done = sum(_count(stats, k) for k in ("item_scraped_count", "item_dropped_count")) \
            + sum(int(v) for k, v in stats.items() if isinstance(v, int) and k.startswith(
                ("extract/dropped/", "fetch/failed/article")))
        left = _count(stats, "listing/discovered") + _count(
            stats, "frontier/resumed/articles") - done
    if done <= 0 or left <= 0:
        return None if done <= 0 else 0.0
    per_unit = max(1.0, (requests - pages) / done)
    return left * per_unit / rate


def progress_line(stats: Mapping[str, Any], rate: float | None = None) -> str | None:
    """Where the crawl stands against the totals it knows (the ids of an id
    walk, the articles the listings named), the requests per record so far,
    and the time left at ``rate`` requests a second."""
    requests, exported = _count(stats, "downloader/request_count"), _count(
        stats, "item_scraped_count")
    per = (f", {requests} requests" if requests else "") + (
        f", {requests / exported:.2f} requests a record" if requests and exported else "")
    eta = eta_seconds(stats, rate)
    left = f", about {_duration(eta)} left" if eta is not None else ""
    total = _count(stats, "ids/total")
    if total:
        done = sum(_count(stats, k) for k in ("ids/found", "ids/not_found",
                                              "ids/exported_before"))
        return (f"progress: ids {done} of {total} tried ({done / total:.0%}), "
                f"{stats.get('ids/found', 0)} found, {exported} records exported"
                f"{per}{left}")
    named = _count(stats, "listing/discovered") + _count(stats, "frontier/resumed/articles")
    if named:
        return (f"progress: {exported} records exported of {named} articles asked for, "
                f"{stats.get('pages/listing', 0)} listing pages read{per}{left}")
    return None


class ProgressLogStats(LogStats):
    """Scrapy's minute line, followed by the progress against known totals."""

    def log(self, spider: Spider) -> None:
        before = getattr(self, "_requests_before", 0)
        super().log(spider)
        stats = self.stats.get_stats()
        requests = _count(stats, "downloader/request_count")
        self._requests_before = requests
        # The current rate: the last interval's requests (the politeness
        # settings and the server's pace are in it).
        rate = (requests - before) / self.interval if self.interval else None
        line = progress_line(stats, rate or None)
        if line is not None:
            logger.info("%s", line)
