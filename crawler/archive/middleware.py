"""``ArchiveMiddleware``: every article page a crawl or re-fetch downloads goes
into the web archive (``crawler.archive.warc``) just before its callback runs,
whatever the callback then makes of it: a page whose extraction fails is kept
too, so a fixed extractor recovers it with ``scrapy reextract`` and no request.

A spider middleware (``process_spider_input``), not a downloader one: it sees
the response exactly as the callback does, at the moment the callback reads the
listing date of the page, so a re-extraction gives the very same record.

Durable like the output: the archive's fsync is a ``before_sync`` action of the
crawl's ``DurabilityBarrier``, so an article's line is never on disk before its
page. Stats: ``archive/records/<response|revisit|not_modified|skipped>``,
``archive/bytes`` (payload bytes of response records), ``archive/repaired``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, Self

from scrapy import Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.http import Response

from crawler.archive.warc import ArchiveWriter, Capture
from crawler.config import project_settings
from crawler.extract.pages import is_article_page
from crawler.sites import SITES, site_for_url
from crawler.state import state_dir
from crawler.state.runtime import crawl_state

ARCHIVED_STATUSES = (200, 304)


def _pairs(headers: Any) -> list[tuple[str, str]]:
    return [(key.decode("latin-1"), value.decode("latin-1"))
            for key, values in headers.items() for value in values]


class ArchiveMiddleware:
    def __init__(self, crawler: Crawler, root: Path, max_bytes: int) -> None:
        self.crawler = crawler
        assert crawler.stats is not None
        self.stats = crawler.stats
        self.root = root
        self.max_bytes = max_bytes
        self.writer: ArchiveWriter | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        own = project_settings(crawler.settings)
        if not own.archive_enabled:
            raise NotConfigured
        root = own.archive_dir or state_dir(crawler.settings, "archive")
        mw = cls(crawler, Path(root), own.archive_max_bytes)
        crawler.signals.connect(mw.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(mw.spider_closed, signal=signals.spider_closed)
        return mw

    def spider_opened(self, spider: Spider) -> None:
        self.writer = ArchiveWriter(self.root, self.max_bytes)
        repaired = self.writer.repair(SITES)
        if repaired:
            self.stats.inc_value("archive/repaired", len(repaired))

    def spider_closed(self, spider: Spider) -> None:
        if self.writer is not None:
            # The output closes after this: what waits for the archive's sync
            # runs now (the barrier's flush syncs the archive first).
            crawl_state(self.crawler).durable.flush()
            self.writer.close()

    def process_spider_input(self, response: Response, spider: Spider | None = None) -> None:
        if self.writer is None or response.status not in ARCHIVED_STATUSES:
            return
        site = site_for_url(response.url)
        if site is None or not (site.is_article(response.url)
                                or is_article_page(site, response.url)):  # page 2, 3 …
            return
        state = crawl_state(self.crawler)
        request = response.request
        kind = self.writer.write(site.name, Capture(
            url=response.url, status=response.status, headers=_pairs(response.headers),
            body=response.body,
            request_headers=_pairs(request.headers) if request is not None else [],
            method=request.method if request is not None else "GET",
            listed_date=state.listed_date(response.meta, response.url),
            spider=self.crawler.spider.name if self.crawler.spider else None,
            when=dt.datetime.now(dt.UTC)))
        self.stats.inc_value(f"archive/records/{kind}")
        if kind == "response":
            self.stats.inc_value("archive/bytes", len(response.body))
        # The page on disk no later than the line of the record made from it.
        state.durable.before_sync(self.writer.sync)
