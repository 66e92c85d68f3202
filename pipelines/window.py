"""Drop articles outside the spider's ``since``/``until`` window.

Listings already skip what their dates put outside the window; this catches
the rest (id-range backfills, listings without dates) by the page's
``published_at``. A page that prints no date (a topic page) is judged by the
date its listing printed beside the link, and dropped when nothing dates it:
a backfill asks for what was published in the window, and an undated article
cannot be shown to be. Stats: ``window/dropped``, ``window/undated``.
"""

from __future__ import annotations

from typing import Any, Self

from itemadapter import ItemAdapter
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured

from crawler.args import CrawlArgs
from crawler.config import project_settings
from crawler.dates import day_of
from crawler.exceptions import OutOfWindow
from crawler.state.runtime import crawl_state


class DateWindowPipeline:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        if not project_settings(crawler.settings).window_enabled:
            raise NotConfigured
        return cls(crawler)

    def process_item(self, item: Any) -> Any:
        args = crawl_state(self.crawler).args
        if not isinstance(args, CrawlArgs) or not (args.since or args.until):
            return item
        adapter = ItemAdapter(item)
        published = adapter.get("published_at") or adapter.get("listed_date")
        assert self.crawler.stats is not None
        day = day_of(published)
        if day is None:
            self.crawler.stats.inc_value("window/undated")
            raise OutOfWindow("no date on the page or its listing: cannot be in the window")
        if not args.in_window(day):
            self.crawler.stats.inc_value("window/dropped")
            raise OutOfWindow(f"published {day} is outside {args.since}..{args.until}")
        return item
