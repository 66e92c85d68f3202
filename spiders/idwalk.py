"""The ``ids=START-END`` backfill of the site spiders: every article in a
range of ids, in as few requests as the site allows.

1. **Columns**: the home pages (and the section pages they link) are read
   first; every column their navigation names in the site's URL scheme is
   kept in the frontier (``site_column``) and walked, besides those the site
   description lists (a written list always trails the site).
2. **Listings first, when cheaper** (``via=auto``; ``listings`` / ``ids``
   force it): a listing page names a dozen ids with their columns; column
   listings are paged down to the range's first id (newest first), and the
   articles in the range they name are fetched in their own column at once.
   ``crawler.backfill.listings_first`` estimates which costs fewer requests.
3. **The walk**, once the listings are read (on idle, in batches): each id no
   listing named is tried column after column in the order its known
   neighbours suggest (``IdFacts.order``), stopping at the first hit, in the
   columns whose listing was not read down past the range (a listing names
   every article of its column: an id none named is in none of them,
   ``ids/not_listed``, without a request; ids are sparse on some sites); an
   id no column holds is ``ids/not_found`` (a soft 404 or a redirect home
   counts as not there). With a date window, an id whose dated neighbours put it
   outside is not asked for (``window/skipped_by_neighbours``).

On a site with ids per column (shanxidayuan) each column is walked over the
range, minus what its listings named. ``dry_run=1`` reads home and listing
pages only and logs the plan: requests and time at the configured delay.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit, urlunsplit

import scrapy
from scrapy.exceptions import DontCloseSpider

from crawler.backfill import listings_first, outside_window
from crawler.extract.pages import ListedArticle, ListingPage
from crawler.sites import in_column
from crawler.state.frontier_middleware import ColumnsSeen, IdWalked

if TYPE_CHECKING:
    from spiders.base import NewsSpider

# request meta of an id walk: (number, columns still to try after this one);
# on a site with ids per column the list is always empty (a 404 ends that id).
ID_WALK = "id_walk"
ID_SCOPE = "ids"  # the frontier's scope for ids that no column answers
OLDEST = "ids_oldest"  # request meta: a column's last listing page, read for its oldest id
WALK_BATCH = 500  # ids handed to the scheduler at a time (memory, and a fair order)


class IdWalk:
    """The id walk's state for one run, held by the spider (its own routing)."""

    def __init__(self, spider: NewsSpider) -> None:
        self.spider = spider
        self.site = spider.site
        assert spider.args.ids is not None
        self.first, self.last = spider.args.ids
        self.facts = spider._facts
        self.columns: dict[str, None] = {}  # known article columns, in order
        self.asked: set[tuple[str, int] | int] = set()  # named by a listing, requested
        self.via: str | None = None if spider.args.via == "auto" else spider.args.via
        self.newest: int | None = None  # the highest id the home pages name
        self.walking: Iterator[scrapy.Request] | None = None
        self.done: set[int] = set()  # ids an earlier run of this walk resolved
        # Columns whose listing was read down past the range: an id in the
        # range that none of them named is in none of them.
        self.covered: set[str] = set()
        self.hosts: dict[str, str] = {}  # column -> the host its pages are on

    # -- what is known --------------------------------------------------------
    def load(self) -> None:
        frontier = self.spider.frontier
        for column in self.site.columns:
            self.add_column(column)
        if frontier is not None:
            for column in frontier.columns_seen():
                self.add_column(column)
            self.facts.update(frontier.id_facts(self.first - 200, self.last + 200))
        if self.site.shared_ids:
            # For the progress line from the start: the ids not resolved before.
            self.done = (frontier.ids_walked(ID_SCOPE, range(self.first, self.last + 1))
                         if frontier is not None else set())
            self.spider._inc("ids/total", self.last - self.first + 1 - len(self.done))

    def _article_column(self, column: str) -> bool:
        try:
            return self.site.is_article(self.site.article_for(column, 1))
        except ValueError:
            return False

    def _wanted_column(self, column: str) -> bool:
        categories = self.spider.args.categories
        return not categories or in_column(column, categories)

    def add_column(self, column: str) -> bool:
        if column in self.columns or not self._article_column(column) \
                or not self._wanted_column(column):
            return False
        self.columns[column] = None
        if not self.site.shared_ids and self.walking is None:
            self.spider._inc("ids/total", self.last - self.first + 1)
        return True

    def url_for(self, column: str, number: int) -> str:
        """The article URL of ``number`` in ``column``, on the host the
        column's links were seen on (Shanxi News keeps columns on sub-sites:
        xz.sxrb.com, photo.sxrb.com …; the scheme's template names one host)."""
        url = self.site.article_for(column, number)
        host = self.hosts.get(column)
        if host is None:
            return url
        parts = urlsplit(url)
        return urlunsplit((parts.scheme, host, parts.path, parts.query, parts.fragment))

    def _learn_host(self, url: str) -> None:
        column = self.site.column_of(url)
        host = urlsplit(url).netloc
        if column is not None and host and column not in self.hosts:
            self.hosts[column] = host

    def key(self, column: str, number: int) -> tuple[str, int] | int:
        return number if self.site.shared_ids else (column, number)

    # -- the first pass: home, sections, listings ------------------------------
    def follow(self, response: Any, page: ListingPage, paginate: bool) -> Iterator[Any]:
        listed = page.articles()
        seen_ids = self.spider._remember(listed)
        if seen_ids is not None:
            yield seen_ids
        numbers = []
        for article in listed:
            match = self.site.article_match(article.url)
            assert match is not None
            column, number = match["column"], int(match["id"])
            self._learn_host(article.url)
            numbers.append(number)
            self.newest = max(self.newest or number, number)
            if not (self.first <= number <= self.last) or not self._wanted_column(column):
                continue
            self.add_column(column)
            key = self.key(column, number)
            if key in self.asked:
                continue
            self.asked.add(key)
            # A stale listing (the article moved or went): the other columns next.
            rest = [c for c in self.facts.order(number, list(self.columns)) if c != column] \
                if self.site.shared_ids else []
            request = self.article(number, column, rest, listed=article)
            if request is not None:
                yield request
        for url in page.listings():
            self._learn_host(url)
        found = [c for url in page.listings() if (c := self.site.column_of(url)) is not None]
        new = [c for c in found if self.add_column(c)]
        if new:
            yield ColumnsSeen(tuple(new))
        if self.via is None and not paginate:
            known = self.facts.known_share(self.first, self.last)
            # Ids per column: every column's first page is read, and each
            # column judged on its own (``_cheaper_to_walk``).
            self.via = "listings" if not self.site.shared_ids or listings_first(
                self.newest, self.first, self.last, len(self.columns), known) else "ids"
            self.spider._inc(f"ids/via/{self.via}")
        for url in page.listings():
            column = self.site.column_of(url)
            if column is None or (not self._wanted_column(column) and not any(
                    c.startswith(column + "/") for c in self.spider.args.categories)):
                continue
            if (not self._article_column(column) or self.via == "listings") \
                    and self.spider.first_listing_page(url, response):
                # A section page names its columns; a column's listing its ids.
                yield self.spider.listing_request(url)
        if not paginate:
            for url in page.homes():
                yield self.spider.home_request(url)
            return
        column = self.site.column_of(response.url) or ""
        if response.meta.get(OLDEST):
            if numbers and min(numbers) > self.last:
                self.covered.add(column)  # its oldest article is newer than the range
            return
        if self.via != "listings" or not self._article_column(column):
            return
        next_url = page.next_page()
        if next_url is None or (numbers and min(numbers) < self.first):
            # Newest first: the rest is older than the range (or there is no
            # rest). Every article of the column in the range has been named.
            if next_url is not None:
                self.spider._inc("listing/stopped_past_ids")
            self.covered.add(column)
            return
        if not self.site.shared_ids and page.current_page() == 1 and len(numbers) > 1 \
                and self._cheaper_to_walk(numbers):
            # Ids per column: this column's listing runs far above the range.
            # Its last page says whether its ids reach down into it at all;
            # if they do, its ids in the range are walked (each one request).
            last = page.page_url(page.last_page()) if page.last_page() > 2 else None
            if last is not None and response.meta.get(OLDEST) is None:
                request = self.spider.listing_request(last)
                request.meta[OLDEST] = column
                yield request
            self.spider._inc("listing/left_for_the_walk")
            return
        yield self.spider.listing_request(next_url)

    def _cheaper_to_walk(self, numbers: list[int]) -> bool:
        """Listing pages down to the range, at the ids one page spans, against
        one request per id of the range."""
        span = max(numbers) - min(numbers) + 1
        pages = (min(numbers) - self.first) / span
        return pages > self.last - self.first + 1

    def article(self, number: int, column: str, rest: list[str],
                listed: ListedArticle | None = None) -> scrapy.Request | None:
        """The request trying ``number`` in ``column``; ``None`` when it is
        known already (exported before) or left out (dry run, window)."""
        url = self.url_for(column, number)
        if self.spider._exported(url):
            self.spider._inc("ids/exported_before")
            return None
        if self.spider.args.dry_run:
            self.spider._inc("dry_run/articles")
            return None
        meta: dict[str, Any] = {ID_WALK: (number, rest), "handle_httpstatus_list": [404]}
        if listed is not None and listed.date is not None:
            meta["listed_date"] = listed.date.isoformat()
        return self.spider.article_request(url, **meta)

    # -- the walk ---------------------------------------------------------------
    def on_idle(self) -> None:
        """Once the listings are read: the next batch of ids no listing named."""
        engine = self.spider.crawler.engine
        if engine is None:
            return
        if self.walking is None:
            self.walking = self._walk()
        batch = list(itertools.islice(self.walking, WALK_BATCH))
        for request in batch:
            engine.crawl(request)
        if batch:
            raise DontCloseSpider

    def _walk(self) -> Iterator[scrapy.Request]:
        args = self.spider.args
        # Only where no listing named every id of the range (a column with no
        # listing read, one that failed): ids are sparse on some sites, and
        # trying each unnamed id in every column would cost the whole range.
        columns = [c for c in self.columns if c not in self.covered]
        if self.site.shared_ids:
            for number in range(self.first, self.last + 1):
                if number in self.done or number in self.asked:
                    continue
                if any(self.spider._exported(self.url_for(c, number))
                       for c in self.facts.columns_of(number) if c in self.columns):
                    self.spider._inc("ids/exported_before")
                    continue
                if (args.since or args.until) and outside_window(
                        self.facts.day_bounds(number), args.since, args.until):
                    self.spider._inc("window/skipped_by_neighbours")
                    continue
                order = self.facts.order(number, columns)
                if not order:
                    # Every listing was read past the range and none named it.
                    # (Not recorded as walked: judging it again costs no request.)
                    self.spider._inc("ids/not_found")
                    self.spider._inc("ids/not_listed")
                    continue
                if args.dry_run:
                    # Known: one request; unknown: half the columns on average.
                    self.spider._inc("dry_run/articles", 1 if self.facts.columns_of(number)
                                     else (len(order) + 1) // 2)
                    continue
                request = self.article(number, order[0], order[1:])
                if request is not None:
                    yield request
        else:
            for column in self.columns:
                for number in range(self.first, self.last + 1):
                    if (column, number) in self.asked:
                        continue
                    if column in self.covered:
                        # Its listing was read past the range and did not name it.
                        self.spider._inc("ids/not_found")
                        self.spider._inc("ids/not_listed")
                        continue
                    request = self.article(number, column, [])
                    if request is not None:
                        yield request

    def missing(self, walk: tuple[int, list[str]]) -> Iterator[scrapy.Request | IdWalked]:
        """A try that found no article (404, soft 404, redirect away): the
        next column, or the id counted as not found (and, ids shared by the
        columns, resolved: the fact for the frontier)."""
        number, rest = walk
        if rest:
            request = self.article(number, rest[0], list(rest[1:]))
            if request is not None:
                yield request
            return
        # Not one log line per missing id: counted, and summed up at the end.
        self.spider._inc("ids/not_found")
        if self.site.shared_ids:
            yield IdWalked(ID_SCOPE, number)
