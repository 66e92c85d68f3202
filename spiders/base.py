"""The shared site spider: discovery, pagination, backfills, incremental stops.

Spiders only route; what a page holds comes from the page objects in
``crawler.extract.pages``, and the text is cleaned by the item pipelines.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator, Iterator, Mapping
from typing import Any, ClassVar, Self

import scrapy
from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import CloseSpider
from scrapy.http import Response

from crawler.args import CrawlArgs, parse_crawl_args
from crawler.extract.pages import ArticlePage, ExtractionError, ListingPage
from crawler.extract.sites import SiteLayout
from crawler.items import ArticleItem
from crawler.urls import allowed_domains, record_id

ARTICLE_PRIORITY = 10  # finish articles before wandering further into listings


def utc_now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()


class NewsSpider(scrapy.Spider):
    layout: ClassVar[SiteLayout]
    allowed_domains = allowed_domains()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.args = self.validate_args(kwargs)
        super().__init__(*args)
        self.seen: Any = None  # set by DurableDeltaFetch when incremental state is on
        self._scraped = 0
        self._pending = 0

    @classmethod
    def validate_args(cls, raw: Mapping[str, Any]) -> CrawlArgs:
        return parse_crawl_args(raw, cls.layout.columns)

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> Self:
        spider = super().from_crawler(crawler, *args, **kwargs)
        crawler.signals.connect(spider._item_done, signal=signals.item_scraped)
        crawler.signals.connect(spider._item_gone, signal=signals.item_dropped)
        crawler.signals.connect(spider._item_gone, signal=signals.item_error)
        return spider

    # -- counting, for max_items ------------------------------------------
    def _item_done(self, *_: Any, **__: Any) -> None:
        self._scraped += 1
        self._pending -= 1

    def _item_gone(self, *_: Any, **__: Any) -> None:
        self._pending -= 1

    def _room_for_items(self) -> bool:
        limit = self.args.max_items
        return limit is None or self._scraped + self._pending < limit

    def _inc(self, key: str) -> None:
        assert self.crawler.stats is not None
        self.crawler.stats.inc_value(key)

    # -- requests ----------------------------------------------------------
    def columns(self) -> tuple[str, ...]:
        return self.args.categories or self.layout.columns

    def article_request(self, url: str) -> scrapy.Request:
        return scrapy.Request(url, callback=self.parse_article, priority=ARTICLE_PRIORITY,
                              meta={"deltafetch_key": record_id(url)})

    def listing_request(self, url: str) -> scrapy.Request:
        return scrapy.Request(url, callback=self.parse_listing)

    async def start(self) -> AsyncIterator[Any]:
        if self.args.ids is not None:
            start, end = self.args.ids
            for column in self.columns():
                for number in range(start, end + 1):
                    url = self.layout.article_template.format(column=column, id=number)
                    yield self.article_request(url)
        elif self.args.categories:
            for column in self.args.categories:
                yield self.listing_request(self.layout.listing_template.format(column=column))
        else:
            yield scrapy.Request(self.layout.home, callback=self.parse_home)

    def _wanted_column(self, url: str) -> bool:
        if not self.args.categories:
            return True
        match = self.layout.listing_url.match(url) or self.layout.article_url.match(url)
        return bool(match and match["column"] in self.args.categories)

    # -- callbacks -----------------------------------------------------------
    def parse_home(self, response: Response) -> Iterator[scrapy.Request]:
        yield from self._follow(response, paginate=False)

    def parse_listing(self, response: Response) -> Iterator[scrapy.Request]:
        yield from self._follow(response, paginate=True)

    def _follow(self, response: Response, paginate: bool) -> Iterator[scrapy.Request]:
        """Articles and channel listings linked from a page, then (on a
        listing) the next page unless paging can stop here."""
        try:
            page = ListingPage(response, self.layout)
            listed = page.articles()
        except ExtractionError as exc:
            self._inc(f"listing/dropped/{exc.reason}")
            return
        for article in listed:
            if not self._wanted_column(article.url):
                continue
            if not self.args.in_window(article.date):
                self._inc("listing/outside_window")
                continue
            yield self.article_request(article.url)
        for url in page.listings():
            if self._wanted_column(url):
                yield self.listing_request(url)
        next_url = page.next_page() if paginate else None
        if next_url is None:
            return
        dated = [a.date for a in listed if a.date is not None]
        if self.args.since and dated and dated[-1] < self.args.since:
            self._inc("listing/stopped_past_since")
            return
        if self.seen is not None and listed and all(
                record_id(a.url) in self.seen for a in listed):
            # An incremental run: everything on this page was exported before,
            # and listings are newest first, so nothing new lies further on.
            self._inc("listing/stopped_known")
            return
        yield self.listing_request(next_url)

    def parse_article(self, response: Response) -> Iterator[ArticleItem]:
        if not self._room_for_items():
            raise CloseSpider("max_items")
        page = ArticlePage(response, self.layout)
        try:
            item, used_fallback = page.item(utc_now())
        except ExtractionError as exc:
            self._inc(f"extract/dropped/{exc.reason}")
            self.logger.warning("No article at %s: %s", response.url, exc.reason)
            return
        if used_fallback:
            self._inc("extract/fallback")
            self._inc(f"extract/fallback/{self.name}")
        self._pending += 1
        yield item
