"""``FrontierMiddleware``: the one writer of the durable frontier
(``crawler.state.frontier``). It opens the spider's frontier for the crawl,
records what the crawl states, and closes it.

The spider only reads the frontier (``crawl_state(crawler).frontier``: the
pending articles, the unfinished walks, a walk's state) and states facts:

- an article request carrying ``DISCOVERED`` in its meta (the meta to ask for
  the article again with; its ``frontier_key`` is the pending URL) is recorded
  as pending when it passes here, before any middleware or the scheduler can
  drop it, and the key is taken off the request; such a request the spider
  hands the engine itself (a deferred teaser, on idle) is recorded when it is
  scheduled (``request_scheduled``), before the scheduler has it;
- the facts below (``Discovered``, ``WalkProgress``, ``WalkComplete``,
  ``IdsSeen``, ``ColumnsSeen``, ``IdWalked``, ``Settled``, ``Failed``), yielded
  by callbacks and ``start()`` among requests and items, are recorded as they
  pass and never passed on: none reaches a pipeline or an output. They are
  tuples, not items, so one that got past (this middleware disabled) makes the
  pipelines fail loudly instead of being exported. Where no output goes through
  the spider middlewares (Scrapy calls the errback of a failed download outside
  them; the spider's idle handler), the spider sends the fact with the
  ``frontier_fact`` signal instead.

Facts are recorded in the order the spider yields them, each before the spider
goes on: a listing page's articles are pending before the walk's progress to
the next page is recorded, so a kill never leaves a walk past articles it did
not keep. An exported article leaves the pending list only once its line is on
disk (``item_scraped`` → ``DurabilityBarrier.after_sync``, as the deltafetch
marks); a duplicate or an item outside the window (``item_dropped``) at once.

Enabled in ``SPIDER_MIDDLEWARES`` on the spider side of Scrapy's own (the URL
length and depth middlewares drop requests). ``FRONTIER_ENABLED = False`` (or a
spider without ``uses_frontier``: the re-fetch) opens no frontier; the facts are
then consumed and dropped.

Stats: ``frontier/given_up`` as articles are given up; ``frontier/pending``,
``frontier/given_up``, ``frontier/walking`` at close.
"""

from __future__ import annotations

import logging
from typing import Any, NamedTuple, Self

from scrapy import Request, Spider, signals
from scrapy.crawler import Crawler
from scrapy.http import Response
from scrapy.spidermiddlewares.base import BaseSpiderMiddleware

from crawler.config import project_settings
from crawler.exceptions import DuplicateItem, OutOfWindow
from crawler.state import state_dir
from crawler.state.frontier import FRONTIER_KEY, Frontier
from crawler.state.runtime import crawl_state

logger = logging.getLogger(__name__)

# Request meta of a newly discovered article's request: the meta it is asked
# for again with (``listed_date``). Taken off the request once recorded.
DISCOVERED = "frontier_discovered"
# A fact stated where no output goes through the spider middlewares (an
# errback of a failed download, an idle handler): send_catch_log(fact=...).
frontier_fact = object()


class Discovered(NamedTuple):
    """An article known to be wanted, not asked for yet (a deferred teaser)."""

    url: str
    meta: dict[str, Any]


class WalkProgress(NamedTuple):
    """A listing's pages up to ``next_url`` (not included) were read and their
    articles stated."""

    listing: str
    scope: str
    next_url: str


class WalkComplete(NamedTuple):
    """A listing's last page (or ``since``) was reached."""

    listing: str
    scope: str


class IdsSeen(NamedTuple):
    """(column, id, listing date or None) of article URLs seen."""

    facts: tuple[tuple[str, int, str | None], ...]


class ColumnsSeen(NamedTuple):
    """Columns the site's own home and section pages named."""

    names: tuple[str, ...]


class IdWalked(NamedTuple):
    """An id of an ``ids=`` walk resolved (missing in every column)."""

    scope: str
    number: int


class Settled(NamedTuple):
    """A pending article settled for good without a record (gone, no article,
    outside the window, exported after all)."""

    url: str


class Failed(NamedTuple):
    """One more failure of a pending article."""

    url: str
    reason: str


FACTS = (Discovered, WalkProgress, WalkComplete, IdsSeen, ColumnsSeen, IdWalked, Settled, Failed)
FrontierFact = (Discovered | WalkProgress | WalkComplete | IdsSeen | ColumnsSeen | IdWalked
                | Settled | Failed)


class FrontierMiddleware(BaseSpiderMiddleware):
    def __init__(self, crawler: Crawler, enabled: bool, max_tries: int) -> None:
        super().__init__(crawler)
        assert crawler.stats is not None
        self.stats = crawler.stats
        self.enabled = enabled
        self.max_tries = max_tries
        self.frontier: Frontier | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        # Never NotConfigured: with the frontier off the facts still have to be
        # consumed here. FRONTIER_MAX_TRIES >= 1 is checked there.
        settings = project_settings(crawler.settings)
        mw = cls(crawler, settings.frontier_enabled, settings.frontier_max_tries)
        crawler.signals.connect(mw.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(mw.spider_closed, signal=signals.spider_closed)
        crawler.signals.connect(mw.item_scraped, signal=signals.item_scraped)
        crawler.signals.connect(mw.item_dropped, signal=signals.item_dropped)
        crawler.signals.connect(mw.request_scheduled, signal=signals.request_scheduled)
        crawler.signals.connect(mw.fact_stated, signal=frontier_fact)
        return mw

    # -- the crawl ----------------------------------------------------------------
    def spider_opened(self, spider: Spider) -> None:
        if not self.enabled or not getattr(type(spider), "uses_frontier", False):
            return
        path = state_dir(self.crawler.settings, "frontier") / f"{spider.name}.sqlite"
        self.frontier = Frontier(path, self.max_tries)
        crawl_state(self.crawler).frontier = self.frontier

    def spider_closed(self, spider: Spider) -> None:
        if self.frontier is None:
            return
        # The feeds close after this handler: sync them now, so what waits for
        # their last lines is settled before the counts.
        crawl_state(self.crawler).durable.flush()
        for key, value in self.frontier.counts().items():
            self.stats.set_value(f"frontier/{key}", value)
        self.frontier.close()

    # -- what the spider states ---------------------------------------------------
    def get_processed_request(self, request: Request,
                              response: Response | None) -> Request | None:
        self._discovered(request)
        return request

    def get_processed_item(self, item: Any, response: Response | None) -> Any:
        if isinstance(item, FACTS):
            self.record(item)
            return None
        return item

    def request_scheduled(self, request: Request, spider: Spider) -> None:
        # A request that reached the engine without passing here (engine.crawl).
        self._discovered(request)

    def fact_stated(self, fact: FrontierFact) -> None:
        self.record(fact)

    def _discovered(self, request: Request) -> None:
        meta = request.meta.pop(DISCOVERED, None)
        if meta is not None and self.frontier is not None:
            self.frontier.discovered(request.meta[FRONTIER_KEY], meta)

    def record(self, fact: FrontierFact) -> None:
        frontier = self.frontier
        if frontier is None:
            return
        match fact:
            case Discovered(url, meta):
                frontier.discovered(url, meta)
            case WalkProgress(listing, scope, next_url):
                frontier.walk_progress(listing, scope, next_url)
            case WalkComplete(listing, scope):
                frontier.walk_complete(listing, scope)
            case IdsSeen(facts):
                frontier.ids_seen(facts)
            case ColumnsSeen(names):
                frontier.column_seen(names)
            case IdWalked(scope, number):
                frontier.id_walked(scope, number)
            case Settled(url):
                frontier.done(url)
            case Failed(url, reason):
                if frontier.failed(url, reason):
                    self.stats.inc_value("frontier/given_up")
                    logger.warning("Giving up %s after %d failures (last: %s)", url,
                                   self.max_tries, reason)

    # -- what becomes of the items ------------------------------------------------
    def _settle(self, response: Response | None) -> None:
        if self.frontier is None or response is None:
            return
        key = response.meta.get(FRONTIER_KEY)
        if key:
            self.frontier.done(key)

    def item_scraped(self, item: Any, response: Response | None, spider: Spider) -> None:
        # Off the pending list once the line is on disk, not before.
        if self.frontier is not None:
            crawl_state(self.crawler).durable.after_sync(lambda: self._settle(response))

    def item_dropped(self, item: Any, response: Response | None, exception: BaseException,
                     spider: Spider) -> None:
        if isinstance(exception, (DuplicateItem, OutOfWindow)):
            self._settle(response)
