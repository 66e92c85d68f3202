"""Articles split over several pages (issue 29): routing only.

The first page's callback hands a ``PagedArticle`` (``crawler.extract.pages``)
to :meth:`ArticlePagesMixin.read_pages`, which asks for the next page its
pagers name, one page after another in order, the state riding in the
request's meta; after the last page the one record is yielded, under the first
page's URL and id. Every page request carries the first page's frontier and
deltafetch keys, so:

- the article stays pending in the frontier until that one record's line is on
  disk; a page that fails (fetch or extraction) uses up one of its tries and
  leaves it pending, so the next run reads the article again from its first
  page: never a record with a hole, and a kill between pages loses nothing;
- the record marks the first page's key exported; a page URL is never a record,
  never pending, never seen.

Stats: ``article/multipage`` (records made from several pages), ``article/pages``
(pages read for them, first pages included), ``article/gallery`` (no page held
body text: a headline-only record), ``article/capped`` (more pages than
ARTICLE_MAX_PAGES), ``article/page_dropped/<reason>`` (a later page without the
article), and a later page's failed fetch as any article page's
(``fetch/failed/article``).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterator
from typing import Any

import scrapy
from scrapy.crawler import Crawler
from scrapy.http import Response
from scrapy.statscollectors import StatsCollector
from twisted.python.failure import Failure

from crawler.config import project_settings
from crawler.extract.pages import ArticlePage, ExtractionError, PagedArticle
from crawler.fetch.outcomes import count_failure, is_deferred
from crawler.items import ArticleItem
from crawler.sites.base import Site
from crawler.state.errorpages import error_pages
from crawler.state.frontier_middleware import FRONTIER_KEY, Failed, FrontierFact
from crawler.unexpected import extraction_error

PAGED = "paged_article"  # request meta: the PagedArticle read so far (plain data)
PAGE_NUMBER = "article_page"  # request meta: which page of it this request is
# What a later page's request keeps of its first page's request.
CARRIED = (FRONTIER_KEY, "deltafetch_key", "listed_date")
PAGE_PRIORITY = 20  # above articles: an article in progress is finished first
logger = logging.getLogger(__name__)


def utc_now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()


def count_paged(stats: StatsCollector, paged: PagedArticle) -> None:
    """The counts of one record made from several pages (crawls and refetch)."""
    stats.inc_value("article/multipage")
    stats.inc_value("article/pages", paged.pages)
    if paged.headline_only:
        stats.inc_value("article/gallery")
    if paged.capped:
        stats.inc_value("article/capped")
        logger.warning("%s has more than %d pages: its record holds the first %d",
                       paged.record["url"], paged.pages, paged.pages)


class ArticlePagesMixin:
    """Reads an article's later pages; the spider supplies the hooks below."""

    crawler: Crawler
    _pending: int

    def page_site(self, url: str) -> Site:
        """The site description the pages of ``url`` are read with."""
        raise NotImplementedError

    def _inc(self, key: str, count: int = 1) -> None:
        raise NotImplementedError

    def _failed(self, key: str | None, reason: str) -> Iterator[Failed]:
        """The fact of one more failure of the article ``key`` (none without a key)."""
        raise NotImplementedError

    def _tell(self, fact: FrontierFact) -> None:
        """A fact for the frontier's writer, from where nothing is yielded (an errback)."""
        raise NotImplementedError

    def read_pages(self, response: Response, paged: PagedArticle,
                   listed: str | None) -> Iterator[Any]:
        """The request for the next page of ``paged``, or its record once every
        page (up to ARTICLE_MAX_PAGES) was read. ``response``: the last page read."""
        max_pages = project_settings(self.crawler.settings).article_max_pages
        following = paged.next_page(max_pages)
        if following is None:
            yield self._paged_record(paged, listed)
            return
        number, url = following
        meta = {key: response.meta[key] for key in CARRIED if response.meta.get(key)}
        meta.setdefault("deltafetch_key", paged.record["id"])
        if listed:
            meta["listed_date"] = listed
        yield scrapy.Request(url, callback=self.parse_article_page,
                             errback=self.article_page_failed, priority=PAGE_PRIORITY,
                             meta={**meta, PAGED: paged.to_meta(), PAGE_NUMBER: number})

    def _paged_record(self, paged: PagedArticle, listed: str | None) -> ArticleItem:
        assert self.crawler.stats is not None
        count_paged(self.crawler.stats, paged)
        return ArticleItem(**paged.joined(), fetched_at=utc_now(), listed_date=listed)

    def parse_article_page(self, response: Response) -> Iterator[Any]:
        """Page 2, 3 … of an article: its paragraphs joined to what was read."""
        paged = PagedArticle.from_meta(response.meta[PAGED])
        listed = response.meta.get("listed_date")
        key = response.meta.get(FRONTIER_KEY)
        site = self.page_site(response.url)
        # A later page may be the site's own error page too (learned by the probe).
        page = ArticlePage.from_response(response, site,
                                         error_pages=error_pages(self.crawler).learned(site.name))
        try:
            paged.add(response.meta[PAGE_NUMBER], page)
        except ExtractionError as exc:  # ErrorPage included: a page gone is no page
            reason = exc.reason
            self._inc(f"article/page_dropped/{reason}")
            logger.warning(
                "Page %s of %s holds no article (%s): the article waits for the next run",
                response.url, paged.record["url"], reason)
            yield from self._page_lost(key, f"page_{reason}")
            return
        except Exception as exc:
            # A bug met on this page: counted as any extraction error, the
            # article kept pending (crawler.unexpected).
            assert self.crawler.stats is not None
            reason = extraction_error(self.crawler.stats, logger, response.url, exc)
            yield from self._page_lost(key, reason)
            return
        yield from self.read_pages(response, paged, listed)

    def article_page_failed(self, failure: Failure) -> None:
        """A later page that could not be fetched: the whole article stays
        pending (even on a 404: a page of a live article is not the article gone)."""
        request = failure.request  # type: ignore[attr-defined]
        assert self.crawler.stats is not None and failure.value is not None
        reason = count_failure(self.crawler.stats, failure, "article")
        self._pending -= 1
        if not is_deferred(failure.value):
            for fact in self._failed(request.meta.get(FRONTIER_KEY), f"page_{reason}"):
                self._tell(fact)

    def _page_lost(self, key: str | None, reason: str) -> Iterator[Failed]:
        self._pending -= 1
        yield from self._failed(key, reason)
