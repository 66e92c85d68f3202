"""The shared site spider: discovery, pagination, backfills, incremental stops.

Spiders only route: a page's record comes whole from the page objects in
``crawler.extract.pages``, and what a site's URLs look like from its
description in ``crawler.sites``.
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

from crawler.args import CrawlArgs, parse_crawl_args, unknown_columns
from crawler.extract.pages import ArticlePage, ExtractionError, ListingPage
from crawler.items import ArticleItem
from crawler.sites import allowed_domains, in_column
from crawler.sites.base import Site
from crawler.state.runtime import crawl_state
from crawler.urls import record_id

ARTICLE_PRIORITY = 10  # finish articles before wandering further into listings
ID_WALK = "id_walk"  # request meta: (number, index of the column tried) of an id walk


def utc_now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()


class NewsSpider(scrapy.Spider):
    site: ClassVar[Site]
    allowed_domains = allowed_domains()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.args = self.validate_args(kwargs)
        super().__init__(*args)
        self._scraped = 0
        self._pending = 0

    @classmethod
    def validate_args(cls, raw: Mapping[str, Any]) -> CrawlArgs:
        return parse_crawl_args(raw, cls.site)

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> Self:
        spider = super().from_crawler(crawler, *args, **kwargs)
        crawl_state(crawler).args = spider.args
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

    def _inc(self, key: str, count: int = 1) -> None:
        assert self.crawler.stats is not None
        self.crawler.stats.inc_value(key, count)

    # -- requests ----------------------------------------------------------
    def columns(self) -> tuple[str, ...]:
        return self.args.categories or tuple(self.site.columns)

    def article_request(self, url: str, **meta: Any) -> scrapy.Request:
        return scrapy.Request(url, callback=self.parse_article, priority=ARTICLE_PRIORITY,
                              meta={"deltafetch_key": record_id(url), **meta})

    def listing_request(self, url: str) -> scrapy.Request:
        return scrapy.Request(url, callback=self.parse_listing)

    def id_request(self, number: int, column_index: int) -> scrapy.Request:
        """One try of an id walk on a site whose ids are one sequence across
        columns: a 404 moves on to the next column."""
        url = self.site.article_for(self.columns()[column_index], number)
        return self.article_request(url, **{ID_WALK: (number, column_index),
                                            "handle_httpstatus_list": [404]})

    async def start(self) -> AsyncIterator[Any]:
        unknown = unknown_columns(self.args, self.site)
        if unknown:
            self.logger.warning("categories not in the site description (allowed, but check "
                                "the spelling): %s", ", ".join(unknown))
        if self.args.ids is not None:
            first, last = self.args.ids
            if self.site.shared_ids:
                for number in range(first, last + 1):
                    yield self.id_request(number, 0)
            else:
                for column in self.columns():
                    for number in range(first, last + 1):
                        yield self.article_request(self.site.article_for(column, number))
        elif self.args.categories:
            for column in self.args.categories:
                yield self.listing_request(self.site.listing_for(column))
        else:
            for home in self.site.homes:
                yield scrapy.Request(home, callback=self.parse_home)

    def _wanted(self, url: str) -> bool:
        if not self.args.categories:
            return True
        return in_column(self.site.column_of(url), self.args.categories)

    # -- callbacks -----------------------------------------------------------
    def parse_home(self, response: Response) -> Iterator[scrapy.Request]:
        yield from self._follow(response, paginate=False)

    def parse_listing(self, response: Response) -> Iterator[scrapy.Request]:
        yield from self._follow(response, paginate=True)

    def _follow(self, response: Response, paginate: bool) -> Iterator[scrapy.Request]:
        """Articles and listings linked from a page, then (on a listing) the
        next page unless paging can stop here."""
        try:
            page = ListingPage(response, self.site)
            listed = page.articles()
        except ExtractionError as exc:
            self._inc(f"listing/dropped/{exc.reason}")
            return
        for article in listed:
            if not self._wanted(article.url):
                continue
            if not self.args.in_window(article.date):
                self._inc("listing/outside_window")
                continue
            if article.date is None and not paginate and (self.args.since or self.args.until):
                # A home page's teaser without a date: in a windowed run the
                # column listing (which prints dates) is where it is judged.
                self._inc("listing/undated_on_home")
                continue
            when = {"listed_date": article.date.isoformat()} if article.date else {}
            yield self.article_request(article.url, **when)
        for url in page.listings():
            if self._wanted(url):
                yield self.listing_request(url)
        if not paginate:
            for url in page.homes():
                yield scrapy.Request(url, callback=self.parse_home)
        next_url = page.next_page() if paginate else None
        if next_url is None:
            return
        dated = [a.date for a in listed if a.date is not None]
        if self.args.since and dated and dated[-1] < self.args.since:
            self._inc("listing/stopped_past_since")
            return
        seen = crawl_state(self.crawler).seen
        if seen is not None and listed and all(
                seen.known_before(record_id(a.url)) for a in listed):
            # An incremental run: everything on this page was exported by an
            # earlier run, and listings are newest first, so nothing new lies
            # further on. (What this run exported does not count: a home page's
            # teasers would otherwise stop the first walk of their listing.)
            self._inc("listing/stopped_known")
            return
        yield self.listing_request(next_url)

    def parse_article(self, response: Response) -> Iterator[Any]:
        walk = response.meta.get(ID_WALK)
        if walk is not None and response.status == 404:
            number, index = walk
            if index + 1 < len(self.columns()):
                yield self.id_request(number, index + 1)
            else:
                self._inc("ids/not_found")
            return
        if walk is not None:
            self._inc("ids/found")
        if not self._room_for_items():
            raise CloseSpider("max_items")
        page = ArticlePage.from_response(response, self.site)
        try:
            record = page.record()
        except ExtractionError as exc:
            self._inc(f"extract/dropped/{exc.reason}")
            self.logger.warning("No article at %s: %s", response.url, exc.reason)
            return
        for key, count in page.extraction.counters.items():
            self._inc(f"extract/{key}", count)
        self._pending += 1
        yield ArticleItem(**record, fetched_at=utc_now(),
                          listed_date=response.meta.get("listed_date"))
