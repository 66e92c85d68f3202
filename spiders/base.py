"""The shared site spider: discovery, pagination, backfills, incremental stops,
resumption.

Spiders only route: a page's record comes whole from the page objects in
``crawler.extract.pages``, and what a site's URLs look like from its
description in ``crawler.sites``. What a crawl still has to do lives in the
durable frontier (``crawler.state.frontier``): a run first asks again for the
articles an earlier run discovered but did not export, and goes on with the
listing walks it left half way; so after any interruption, running the same
command again completes the crawl.

The spider reads the frontier and never writes it: its one writer is
``FrontierMiddleware`` (``crawler.state.frontier_middleware``). The spider
states facts instead: an article request it yields carries the meta to record
it with (``DISCOVERED``); its callbacks (and ``start``) yield small facts
(``WalkProgress``, ``WalkComplete``, ``IdsSeen``, ``Settled``, ``Failed`` …)
among their requests, each where it used to write, which the middleware
records and stops; its errbacks and idle handler, whose output Scrapy does not
pass through the spider middlewares, send them with the ``frontier_fact``
signal (``_tell``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator, Iterator, Mapping
from typing import Any, ClassVar, Self
from urllib.parse import urlsplit

import scrapy
from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import CloseSpider, DontCloseSpider
from scrapy.http import Response
from twisted.python.failure import Failure

from crawler.args import CrawlArgs, parse_crawl_args, unknown_columns
from crawler.backfill import IdFacts, outside_window
from crawler.config import project_settings
from crawler.dates import day_of
from crawler.exceptions import RedirectedAway
from crawler.extract.layout import count_page
from crawler.extract.pages import (
    ArticlePage,
    ErrorPage,
    ExtractionError,
    ListedArticle,
    ListingPage,
    PagedArticle,
)
from crawler.fetch.outcomes import count_failure, is_deferred, is_settled
from crawler.items import ArticleItem
from crawler.middlewares import SEEN_CHECKED
from crawler.sites import in_column
from crawler.sites.base import Site
from crawler.state.errorpages import error_pages
from crawler.state.frontier import COMPLETE, Frontier
from crawler.state.frontier_middleware import (
    DISCOVERED,
    FRONTIER_KEY,
    Discovered,
    Failed,
    FrontierFact,
    IdsSeen,
    Settled,
    WalkComplete,
    WalkProgress,
    frontier_fact,
)
from crawler.state.runtime import crawl_state
from crawler.unexpected import extraction_error
from crawler.urls import canonical_url, record_id
from spiders.idwalk import ID_WALK, IdWalk
from spiders.multipage import ArticlePagesMixin

ARTICLE_PRIORITY = 10  # finish articles before wandering further into listings
WALK = "walk"  # request meta of a listing page: the listing it belongs to (walk_key)
PAGE_KIND = "page_kind"  # request meta: home | listing (articles: article), for the counts
JUMP = "listing_jump"  # request meta of a windowed walk's listing page: to | off


def utc_now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()


class NewsSpider(ArticlePagesMixin, scrapy.Spider):
    site: ClassVar[Site]
    uses_frontier = True
    args_model: ClassVar[type[CrawlArgs]] = CrawlArgs  # its -a arguments (scrapy describe)

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        site = cls.__dict__.get("site")
        if site is not None:
            _add_contracts(cls, site)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.args = self.validate_args(kwargs)
        super().__init__(*args)
        self._scraped = 0
        self._pending = 0
        # Home pages' undated teasers not (yet) named by a listing: URL -> None
        # (ordered), and the articles this run asked for.
        self._deferred: dict[str, None] = {}
        self._requested: set[str] = set()
        self._ids: IdWalk | None = None  # an ids= backfill's state (spiders.idwalk)
        self._listings_asked: set[str] = set()  # walk keys of the listings asked for
        # Ids seen in URLs with their columns and listing dates (crawler.backfill).
        self._facts = IdFacts()

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
        crawler.signals.connect(spider._request_deferred, signal=signals.spider_idle)
        crawler.signals.connect(spider._walk_ids, signal=signals.spider_idle)
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

    def _tell(self, fact: FrontierFact) -> None:
        """A fact for the frontier's writer where there is no output that goes
        through the spider middlewares (an errback of a failed download, the
        idle handler); callbacks yield theirs."""
        self.crawler.signals.send_catch_log(signal=frontier_fact, fact=fact)

    # -- requests ----------------------------------------------------------
    def columns(self) -> tuple[str, ...]:
        return self.args.categories or tuple(self.site.columns)

    @property
    def frontier(self) -> Frontier | None:
        """The frontier, to read (``FrontierMiddleware`` writes it)."""
        return crawl_state(self.crawler).frontier

    @property
    def scope(self) -> str:
        """The argument set a listing walk belongs to: its date window."""
        since, until = self.args.since, self.args.until
        return f"{since or ''}..{until or ''}" if since or until else ""

    def article_request(self, url: str, **meta: Any) -> scrapy.Request:
        """The request for an article its caller found not exported (``_exported``)."""
        return scrapy.Request(url, callback=self.parse_article, errback=self.article_failed,
                              priority=ARTICLE_PRIORITY,
                              meta={"deltafetch_key": record_id(url), SEEN_CHECKED: True,
                                    **meta})

    def discovered_article(self, url: str, **meta: Any) -> scrapy.Request | None:
        """The request for an article a listing links, which the frontier's
        writer records as pending (``DISCOVERED``) until it is exported or
        settled; ``None`` when an earlier run exported it already."""
        self._deferred.pop(url, None)  # a listing named it: no need to wait
        self._requested.add(url)
        if self._exported(url):
            self._inc("deltafetch/skipped")
            return None
        if self.args.dry_run:
            self._inc("dry_run/articles")  # planned, not asked for
            return None
        self._inc("listing/discovered")
        return self.article_request(url, **meta, **{FRONTIER_KEY: url, DISCOVERED: meta})

    def _exported(self, url: str) -> bool:
        """An earlier run (or this one) exported the article at ``url``."""
        seen = crawl_state(self.crawler).seen
        return seen is not None and record_id(url) in seen

    def _defer_teaser(self, url: str) -> Discovered | None:
        """Hold a home page's undated teaser back until the run is idle; it is
        pending in the frontier meanwhile (the fact returned), so a kill loses
        nothing."""
        if url in self._deferred or url in self._requested or self._exported(url):
            return None
        self._deferred[url] = None
        self._inc("listing/deferred_teaser")
        return Discovered(url, {})

    def _request_deferred(self) -> None:
        """On idle: the deferred teasers no listing named, requested now (the
        dupefilter drops one that a listing's request already fetched)."""
        if not self._deferred or self.crawler.engine is None:
            return
        urls, self._deferred = list(self._deferred), {}
        listed_dates = crawl_state(self.crawler).listed_dates
        for url in urls:
            if self.args.since or self.args.until:
                listed = listed_dates.get(url)
                if listed and not self.args.in_window(day_of(listed)):
                    self._inc("listing/outside_window")
                    self._tell(Settled(url))
                    continue
                if not listed and self._outside_by_neighbours(url):
                    self._inc("window/skipped_by_neighbours")
                    self._tell(Settled(url))
                    continue
            request = self.discovered_article(url)
            if request is not None:
                self.crawler.engine.crawl(request)
        raise DontCloseSpider

    def _outside_by_neighbours(self, url: str) -> bool:
        """An undated link whose dated neighbours (ids rise with date) put it
        outside the window for sure."""
        match = self.site.article_match(url)
        if match is None or not self.site.shared_ids:
            return False
        bounds = self._facts.day_bounds(int(match["id"]))
        return outside_window(bounds, self.args.since, self.args.until)

    def walk_key(self, url: str) -> str:
        """A listing, whatever page or spelling of its first page (a column's
        ``/`` and its pager's ``list_11_1.html``): host and column."""
        column = self.site.column_of(url)
        host = urlsplit(url).hostname or ""
        return f"{host}/{column}" if column is not None else canonical_url(url)

    def listing_request(self, url: str, walk: str | None = None,
                        jump: str | None = None) -> scrapy.Request:
        """``jump``: ``to`` for a page a windowed walk jumped to from page 1,
        ``off`` for the pages read in order after a jump overshot (re-read
        pages pass the duplicate filter)."""
        meta = {WALK: walk or self.walk_key(url), PAGE_KIND: "listing"}
        if jump:
            meta[JUMP] = jump
        return scrapy.Request(url, callback=self.parse_listing, errback=self.page_failed,
                              meta=meta, dont_filter=jump == "off")

    def first_listing_page(self, url: str, response: Response) -> bool:
        """Whether a link to a listing's first page is worth a request: once
        per listing and run, whatever its spelling (a column's ``/`` and its
        pager's ``list_11_1.html`` are one page), and never the listing the
        link is on."""
        key = self.walk_key(url)
        if key == self.walk_key(response.url) or key in self._listings_asked:
            return False
        self._listings_asked.add(key)
        return True

    def home_request(self, url: str) -> scrapy.Request:
        return scrapy.Request(url, callback=self.parse_home, errback=self.page_failed,
                              meta={PAGE_KIND: "home"})

    async def start(self) -> AsyncIterator[Any]:
        unknown = unknown_columns(self.args, self.site)
        if unknown:
            self.logger.warning("categories not in the site description (allowed, but check "
                                "the spelling): %s", ", ".join(unknown))
        if self.args.since or self.args.until or self.args.ids:
            # Read by run health: a backfill reaches old templates, where the
            # site's selectors of today are expected not to hold.
            self._inc("crawl/backfill")
        if self.args.dry_run:
            self._inc("dry_run/articles", 0)  # the summary prints the plan
        for request in self.resumed():
            yield request
        if self.args.ids is not None:
            if project_settings(self.crawler.settings).soft404_probe:
                # Before any id is judged: what the site answers for a missing one.
                await error_pages(self.crawler).probe(self.crawler, self.site)
            # The home pages first: the columns they name, the listings (when
            # cheaper than a blind walk); the walk itself on idle.
            self._ids = IdWalk(self)
            self._ids.load()
            for home in self.site.homes:
                yield self.home_request(home)
        elif self.args.categories:
            for column in self.args.categories:
                yield self.listing_request(self.site.listing_for(column))
        else:
            for home in self.site.homes:
                yield self.home_request(home)

    def resumed(self) -> Iterator[scrapy.Request | Settled]:
        """What an earlier run left undone: pending articles, then the next
        page of each listing walk it left half way."""
        if self.frontier is None or self.args.ids is not None or self.args.dry_run:
            return
        for pending in self.frontier.pending():
            if self._exported(pending.url):
                yield Settled(pending.url)  # exported after all (reconciled)
            elif self._wanted(pending.url):
                self._inc("frontier/resumed/articles")
                yield self.article_request(pending.url, **pending.meta,
                                           **{FRONTIER_KEY: pending.url})
        for listing, next_url in self.frontier.unfinished_walks(self.scope):
            if self._wanted(next_url):
                self._inc("frontier/resumed/walks")
                yield self.listing_request(next_url, walk=listing)

    def _wanted(self, url: str) -> bool:
        if not self.args.categories:
            return True
        return in_column(self.site.column_of(url), self.args.categories)

    # -- callbacks -----------------------------------------------------------
    def parse(self, response: Response, **kwargs: Any) -> Iterator[Any]:
        """A page reached without a callback (``scrapy parse --spider=SITE URL``):
        routed by what its URL is on the site."""
        if self.site.is_article(response.url):
            yield from self.parse_article(response)
        elif self.site.listing_match(response.url):
            yield from self.parse_listing(response)
        else:
            yield from self.parse_home(response)

    def parse_home(self, response: Response) -> Iterator[Any]:
        self._inc("pages/home")  # read: what run health (crawler.health) weighs failures by
        yield from self._follow(response, paginate=False)

    def parse_listing(self, response: Response) -> Iterator[Any]:
        self._inc("pages/listing")
        yield from self._follow(response, paginate=True)

    def _follow(self, response: Response, paginate: bool) -> Iterator[Any]:
        """Articles and listings linked from a page, then (on a listing) the
        next page unless paging can stop here; with the facts the frontier's
        writer records, each before what depends on it (the page's articles
        before the walk's progress)."""
        try:
            page = ListingPage(response, self.site)
            listed = page.articles()
        except ExtractionError as exc:
            self._inc(f"listing/dropped/{exc.reason}")
            return
        if self._ids is not None:
            yield from self._ids.follow(response, page, paginate)
            return
        seen_ids = self._remember(listed)
        if seen_ids is not None:
            yield seen_ids
        windowed = bool(self.args.since or self.args.until)
        for article in listed:
            if not self._wanted(article.url):
                continue
            when = {"listed_date": article.date.isoformat()} if article.date else {}
            if article.date:
                crawl_state(self.crawler).listed_dates.setdefault(article.url, when["listed_date"])
            if not self.args.in_window(article.date):
                self._inc("listing/outside_window")
                continue
            if article.date is None and (windowed or not paginate):
                # An undated link (a home or section page's teaser) waits until
                # the run is idle: a listing that names it meanwhile gives it
                # the date it may lack (a topic page prints none) and, in a
                # window, judges it without a request.
                teaser = self._defer_teaser(article.url)
                if teaser is not None:
                    yield teaser
                continue
            request = self.discovered_article(article.url, **when)
            if request is not None:
                yield request
        for url in page.listings():
            if self._wanted(url) and self.first_listing_page(url, response):
                yield self.listing_request(url)
        if not paginate:
            for url in page.homes():
                yield self.home_request(url)
            return
        walk = response.meta.get(WALK) or self.walk_key(response.url)
        frontier = self.frontier
        next_url = page.next_page()
        if next_url is None:
            yield WalkComplete(walk, self.scope)
            return
        dated = [a.date for a in listed if a.date is not None]
        if self.args.since and dated and dated[-1] < self.args.since:
            self._inc("listing/stopped_past_since")
            yield WalkComplete(walk, self.scope)
            return
        seen = crawl_state(self.crawler).seen
        walked = frontier is None or frontier.walk_state(walk, self.scope) == COMPLETE
        if walked and seen is not None and listed and all(
                seen.known_before(record_id(a.url)) for a in listed):
            # An incremental run: everything on this page was exported by an
            # earlier run, and listings are newest first, so nothing new lies
            # further on. Only once an earlier walk of this very listing
            # reached its end: its articles may have become known through
            # other pages (home, section) while older pages were never read.
            # A walk an interrupted run left half way is also resumed from
            # where it stopped (resumed()); this pass meets it there. (What
            # this run exported does not count either.)
            self._inc("listing/stopped_known")
            return
        jump = response.meta.get(JUMP)
        if jump == "to" and self.args.until and dated and max(dated) < self.args.until:
            # The jump went too far: the window's newest articles may lie on
            # the pages skipped. Read them in order (once more, this page too).
            self._inc("listing/jump_overshot")
            back = page.page_url(2)
            if back is not None:
                next_url, jump = back, "off"
        elif jump != "off" and page.current_page() == 1:
            target = self._jump_target(page, dated)
            if target is not None:
                self._inc("listing/jumped")
                next_url, jump = target, "to"
        yield WalkProgress(walk, self.scope, next_url)
        yield self.listing_request(next_url, walk=walk, jump="off" if jump == "off" else
                                   jump if next_url != page.next_page() else None)

    def _jump_target(self, page: ListingPage, dated: list[dt.date]) -> str | None:
        """In a window whose newest day lies pages below a listing's first page:
        the page where it should begin, estimated from the days page 1 spans
        (a page earlier than the estimate: overshooting costs a re-read)."""
        until = self.args.until
        if until is None or len(dated) < 3 or min(dated) <= until:
            return None
        newest, oldest = max(dated), min(dated)
        per_page = (newest - oldest).days / (len(dated) - 1) * len(dated)
        if per_page <= 0:
            return None
        target = 1 + int((oldest - until).days / per_page)
        return page.page_url(target) if target >= 3 else None

    def _id_missing(self, walk: tuple[int, list[str]]) -> Iterator[Any]:
        assert self._ids is not None
        yield from self._ids.missing(walk)

    def _walk_ids(self) -> None:
        """On idle: the id walk's next batch (after the listings were read)."""
        if self._ids is not None:
            self._ids.on_idle()

    def _remember(self, listed: list[ListedArticle]) -> IdsSeen | None:
        """Where each listed id lives and the date printed beside it, kept for
        later id walks and windows; the new ones, for the frontier's ``id_column``."""
        facts = []
        for article in listed:
            match = self.site.article_match(article.url)
            if match is not None:
                fact = (match["column"], int(match["id"]),
                        article.date.isoformat() if article.date else None)
                if self._facts.add(*fact):
                    facts.append(fact)
        return IdsSeen(tuple(facts)) if facts else None

    def parse_article(self, response: Response) -> Iterator[Any]:
        walk = response.meta.get(ID_WALK)
        if walk is not None and response.status == 404:
            yield from self._id_missing(walk)
            return
        if not self._room_for_items():
            raise CloseSpider("max_items")
        # The same reading as the archive's (crawler.archive.middleware).
        listed = crawl_state(self.crawler).listed_date(response.meta, response.url)
        page = ArticlePage.from_response(response, self.site, listed_date=listed,
                                         error_pages=error_pages(self.crawler).learned(
                                             self.site.name))
        try:
            record = page.record()
        except ErrorPage as exc:
            # A deleted article's error page, whatever its status: never a record.
            self._inc(f"soft404/{exc.how}")
            if walk is not None:
                yield from self._id_missing(walk)
                return
            self._inc("extract/dropped/soft_404")
            self.logger.info("Gone: %s answers with an error page (%s)", response.url, exc.how)
            yield from self._settled(response)
            return
        except ExtractionError as exc:
            if walk is not None:
                self._inc("ids/found")  # a page, if no article
            self._inc(f"extract/dropped/{exc.reason}")
            self.logger.warning("No article at %s: %s", response.url, exc.reason)
            yield from self._settled(response)
            return
        except Exception as exc:
            # A bug met on this page is this page's failure, counted and one
            # ERROR line: the article stays pending (a try used up), so a run
            # with the bug fixed exports it; the exit status reads the count.
            assert self.crawler.stats is not None
            reason = extraction_error(self.crawler.stats, self.logger, response.url, exc)
            yield from self._failed(response.meta.get(FRONTIER_KEY), reason)
            return
        if walk is not None:
            self._inc("ids/found")
        # Where this id lives (and its day): for later id walks and windows.
        published = record.get("published_at")
        seen_ids = self._remember([ListedArticle(record["url"], day_of(published))])
        for key, count in page.extraction.counters.items():
            self._inc(f"extract/{key}", count)
        assert self.crawler.stats is not None
        count_page(self.crawler.stats, record.get("site"), page.extraction.layout)
        self._pending += 1  # no yield since _room_for_items(): one check per item
        if seen_ids is not None:
            yield seen_ids
        paged = PagedArticle.start(page, record)
        if paged is not None:  # split over pages: one record once all are read
            yield from self.read_pages(response, paged, listed)
            return
        yield ArticleItem(**record, fetched_at=utc_now(), listed_date=listed)

    def page_site(self, url: str) -> Site:
        return self.site

    # -- failures --------------------------------------------------------------
    def _settled(self, response: Response) -> Iterator[Settled]:
        key = response.meta.get(FRONTIER_KEY)
        if key:
            yield Settled(key)

    def _failed(self, key: str | None, reason: str) -> Iterator[Failed]:
        """One more failure of a pending article (given up after FRONTIER_MAX_TRIES)."""
        if key:
            yield Failed(key, reason)

    def page_failed(self, failure: Failure) -> None:
        """A home or listing page that could not be fetched: counted by reason
        (``fetch/failed/reason_count/<reason>``); a listing walk it belonged to
        stays unfinished in the frontier, so the next run asks for it again."""
        request = failure.request  # type: ignore[attr-defined]
        assert self.crawler.stats is not None
        count_failure(self.crawler.stats, failure, request.meta.get(PAGE_KIND, "page"))

    def article_failed(self, failure: Failure) -> None:
        """An article fetch that failed for good in this run (after Scrapy's
        retries): counted by reason; gone (404/410) or refused for good is
        settled; deferred (a bot check, a host backed off, robots.txt
        unreachable) stays pending without using up a try; anything else is
        kept pending until it has failed FRONTIER_MAX_TRIES times."""
        request = failure.request  # type: ignore[attr-defined]
        exc = failure.value
        assert self.crawler.stats is not None and exc is not None
        walk = request.meta.get(ID_WALK)
        if walk is not None and isinstance(exc, RedirectedAway):
            # The site sends a missing id to its home page or a listing.
            self._inc(f"soft404/{exc.reason}")
            for out in self._id_missing(walk):
                if isinstance(out, scrapy.Request):
                    assert self.crawler.engine is not None
                    self.crawler.engine.crawl(out)
                else:
                    self._tell(out)
            return
        reason = count_failure(self.crawler.stats, failure, "article")
        key = request.meta.get(FRONTIER_KEY)
        if not key or is_deferred(exc):
            return
        self._tell(Settled(key) if is_settled(exc) else Failed(key, reason))


# Contracts (``scrapy check SITE``), on the pages the site description names.
# Scrapy reads contracts from a callback's docstring, so each site spider gets
# callbacks of its own that only carry the docstring and call the shared one.
CONTRACTS = {
    "parse_article": ("sample_article", "@returns items 1 1\n@returns requests 0 0\n"
                      "@scrapes id url site title text published_at"),
    "parse_listing": ("sample_listing", "@returns items 0 0\n@returns requests 1"),
    "parse_home": ("homes", "@returns items 0 0\n@returns requests 5"),
}


def _add_contracts(cls: type[NewsSpider], site: Site) -> None:
    for name, (attribute, checks) in CONTRACTS.items():
        page = getattr(site, attribute)
        url = page[0] if isinstance(page, tuple) else page
        if not url:
            continue
        shared = getattr(NewsSpider, name)

        def callback(self: NewsSpider, response: Response, _shared: Any = shared) -> Any:
            return _shared(self, response)

        callback.__name__ = name
        callback.__doc__ = f"@url {url}\n{checks}"
        setattr(cls, name, callback)
