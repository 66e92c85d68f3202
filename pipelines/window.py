"""Drop articles outside the spider's ``since``/``until`` window.

Listings already skip what their dates put outside the window; this catches
the rest (id-range backfills, listings without dates) once the clean stage
has read ``published_at`` from the page.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Self

from itemadapter import ItemAdapter
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured

from crawler.exceptions import OutOfWindow


class DateWindowPipeline:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        if not crawler.settings.getbool("WINDOW_ENABLED", True):
            raise NotConfigured
        return cls(crawler)

    def process_item(self, item: Any) -> Any:
        args = getattr(self.crawler.spider, "args", None)
        if args is None or not (getattr(args, "since", None) or getattr(args, "until", None)):
            return item
        published = ItemAdapter(item).get("published_at")
        if not published:
            return item
        try:
            day = dt.date.fromisoformat(str(published)[:10])
        except ValueError:
            return item
        if not args.in_window(day):
            assert self.crawler.stats is not None
            self.crawler.stats.inc_value("window/dropped")
            raise OutOfWindow(f"published {day} is outside {args.since}..{args.until}")
        return item
