"""Downloader and spider middlewares of the project.

- ``FetchGuardMiddleware`` refuses every request outside the three sites
  (scheme, host, IP literal, port), including redirects and start requests,
  which Scrapy's offsite filtering lets through when they carry ``dont_filter``.
- ``DurableDeltaFetch`` is scrapy-deltafetch made fit for current Scrapy: it
  handles asynchronous spider output, keeps its state in SQLite under
  ``STATE_DIR`` (on the shared Redis server with ``REDIS_URL``), and records an
  article as seen only once its item has gone through every pipeline and
  reached the exporters (``item_scraped``), not when the spider yields it.
"""

from __future__ import annotations

import glob
import logging
import re
from collections.abc import AsyncIterator, Iterable
from pathlib import Path
from typing import Any, Self
from urllib.parse import urlsplit

from scrapy import Request, Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.http import Response
from scrapy_deltafetch.middleware import DeltaFetch
from w3lib.url import file_uri_to_path

from crawler.args import CrawlArgs
from crawler.config import project_settings
from crawler.exceptions import DuplicateItem, FetchDropped
from crawler.state import state_dir
from crawler.state.runtime import crawl_state
from crawler.state.seen import AnySeenStore, RedisSeenStore, SeenStore
from crawler.urls import refuse_reason

logger = logging.getLogger(__name__)
FEED_PARAM = re.compile(r"%\([a-z_]+\)[sd]")


class RefusedRequest(FetchDropped):
    """A request the fetch guard would not send."""

    reason = "refused"


class FetchGuardMiddleware:
    def __init__(self, crawler: Crawler) -> None:
        self.stats = crawler.stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        if not project_settings(crawler.settings).fetch_guard_enabled:
            raise NotConfigured
        return cls(crawler)

    def process_request(self, request: Request) -> None:
        reason = refuse_reason(request.url)
        if reason is None:
            return
        assert self.stats is not None
        self.stats.inc_value("guard/refused")
        self.stats.inc_value(f"guard/refused/{reason.split(' ')[0].lower()}")
        logger.warning("Refused %s: %s", request.url, reason)
        raise RefusedRequest(reason)


def local_outputs(feeds: dict[str, Any], spider_name: str) -> list[Path]:
    """The local files the crawl's feeds append to (``-o``), each URI template
    (``out/%(name)s/%(time)s.jsonl``) expanded to the files it has made so far.
    Overwritten feeds (``-O``) and remote ones are left out."""
    out: list[Path] = []
    for uri, options in feeds.items():
        if (options or {}).get("overwrite"):
            continue
        scheme = urlsplit(uri).scheme
        if scheme not in ("", "file") or uri.startswith("stdout:"):
            continue
        path = file_uri_to_path(uri) if scheme == "file" else uri
        pattern = FEED_PARAM.sub("*", path.replace("%(name)s", spider_name))
        out += sorted(Path(p) for p in glob.glob(pattern)) if "*" in pattern \
            else [Path(pattern)]
    return [p for p in out if p.is_file()]


# Request meta: the spider looked the article up in the seen store when it made
# the request (to keep an exported article out of the frontier): one lookup per
# article, not a second one here.
SEEN_CHECKED = "seen_checked"


class DurableDeltaFetch(DeltaFetch):
    """Skip article requests whose item an earlier run already exported.

    "Exported" means on disk in an output: an article is marked when its item
    is scraped, after Scrapy's feed exporter (an extension, so its handler runs
    first) has written and fsynced its line. At start, the lines the appended
    outputs hold but the state lacks (a crash between write and mark) are
    recorded. With no output at all, nothing is marked."""

    db: AnySeenStore
    crawler: Crawler
    marking: bool = True

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        s = crawler.settings
        p = project_settings(s)
        if not p.deltafetch_enabled:
            raise NotConfigured
        if s.get("DELTAFETCH_DIR"):
            logger.warning("DELTAFETCH_DIR is not used: the seen store lives under "
                           "STATE_DIR/deltafetch (docs/state.md)")
        o = cls(str(state_dir(s, "deltafetch")), p.deltafetch_reset, crawler.stats)
        o.crawler = crawler
        o.fingerprint = crawler.request_fingerprinter.fingerprint
        crawler.signals.connect(o.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(o.spider_closed, signal=signals.spider_closed)
        crawler.signals.connect(o.item_scraped, signal=signals.item_scraped)
        crawler.signals.connect(o.item_dropped, signal=signals.item_dropped)
        return o

    def spider_opened(self, spider: Spider) -> None:
        # -s DELTAFETCH_RESET=1, or scrapy-deltafetch's -a deltafetch_reset=1 as
        # the spider's validated arguments carry it (never a spider attribute).
        args = crawl_state(self.crawler).args
        reset = self.reset or (isinstance(args, CrawlArgs) and args.deltafetch_reset)
        redis_url = project_settings(self.crawler.settings).redis_url
        # A distributed crawl (REDIS_URL) shares one seen-set between its workers.
        self.db = RedisSeenStore(redis_url, spider.name, reset=reset) if redis_url \
            else SeenStore(Path(self.dir) / f"{spider.name}.sqlite", reset=reset)
        # Spiders consult the same store to stop paging a fully known listing.
        crawl_state(self.crawler).seen = self.db
        if self.stats:
            # Read by the run history: a crawl that starts from nothing is an
            # initial crawl, not a nightly one (crawler.state.history.run_kind).
            self.stats.set_value("deltafetch/known_at_start", len(self.db))
        feeds = self.crawler.settings.getdict("FEEDS")
        if not feeds:
            self.marking = False
            logger.warning("No output (-o/-O): nothing this run scrapes is marked exported, "
                           "so the next run fetches it again")
            return
        if reset:
            return  # a reset asks to export everything again
        for path in local_outputs(feeds, spider.name):
            added = self.db.reconcile(path)
            if added and self.stats:
                self.stats.inc_value("deltafetch/reconciled", added)
                logger.info("%s holds %d record(s) the state did not know (a crash between "
                            "writing and marking): recorded as exported", path, added)

    def spider_closed(self, spider: Spider) -> None:
        # Scrapy closes the feeds in a task that runs after this handler: sync
        # them now, so the marks waiting for their last lines are made.
        crawl_state(self.crawler).durable.flush()
        self.db.close()

    def _mark(self, response: Response | None, item: Any = None) -> None:
        if not self.marking or response is None or response.request is None:
            return
        if not response.request.meta.get("deltafetch_enabled", True):
            return
        keys = {self._get_key(response.request)}
        rid = item.get("id") if hasattr(item, "get") else None
        if isinstance(rid, str):
            keys.add(rid.encode())  # the record's id: its final URL's, after a redirect
        for key in keys:
            if self.db.add(key) and self.stats:
                self.stats.inc_value("deltafetch/stored")

    def item_scraped(self, item: Any, response: Response | None, spider: Spider) -> None:
        # Marked once the line is on disk: after the fsync that covers it.
        crawl_state(self.crawler).durable.after_sync(lambda: self._mark(response, item))

    def item_dropped(self, item: Any, response: Response | None, exception: BaseException,
                     spider: Spider) -> None:
        # A duplicate is known content: no need to fetch it again. Anything
        # else dropped (an empty page, say) is tried again next run.
        if isinstance(exception, DuplicateItem):
            self._mark(response, item)

    def _skip(self, request: Request) -> bool:
        if request.meta.get(SEEN_CHECKED) or not self._is_enabled_for_request(request) \
                or self._get_key(request) not in self.db:
            return False
        if self.stats:
            self.stats.inc_value("deltafetch/skipped")
        return True

    async def process_start(self, start: AsyncIterator[Any]) -> AsyncIterator[Any]:
        # Start requests (an id-range backfill's articles) are filtered too.
        async for r in start:
            if isinstance(r, Request) and self._skip(r):
                continue
            yield r

    def process_spider_output(self, response: Response, result: Iterable[Any],
                              spider: Spider | None = None) -> Iterable[Any]:
        for r in result:
            if isinstance(r, Request) and self._skip(r):
                continue
            yield r

    async def process_spider_output_async(self, response: Response, result: AsyncIterator[Any],
                                          spider: Spider | None = None) -> AsyncIterator[Any]:
        async for r in result:
            if isinstance(r, Request) and self._skip(r):
                continue
            yield r
