"""``scrapy crawl refetch -a input=PATH -O out.jsonl``: fetch known pages again.

Each input document gets one output record with a ``status``: ``new``,
``updated``, ``unchanged`` (decided after cleaning, by the refetch status
pipeline), ``gone``, ``moved`` or ``error`` (with a ``reason``: a document
with no URL, a URL outside the three sites, a failed fetch,
``extract_error:<Type>`` or ``callback_error:<Type>`` for a bug met on the
page). Known pages are fetched although deltafetch knows them; conditional
request headers come from what earlier re-fetches stored under
``STATE_DIR/refetch``.

``gone`` is every way a site says the article is no more: 404/410
(``http 404``), an error page whatever its status (``soft_404``: the error
rules of the CMS families, or the page the site answered for a URL that
certainly does not exist, fetched once per site and run), a redirect to the
site's home, a listing, a search or an error page (``redirect_to_home`` …).
A ``gone`` record holds the text the input held, and the state keeps the
last article it stored. A redirect to another article of the site is
``moved``: the record is that article's, under its new ``url``, with the
input's ``id`` and ``reason: moved from <old URL>``.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any, Self

import scrapy
from scrapy.crawler import Crawler
from scrapy.http import Response
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from crawler.args import RefetchArgs, validate_model
from crawler.cleaning.page import clean_document
from crawler.config import project_settings
from crawler.exceptions import RedirectedAway
from crawler.extract.layout import count_page
from crawler.extract.pages import ArticlePage, ErrorPage, ExtractionError, PagedArticle
from crawler.fetch.outcomes import count_failure
from crawler.inputs import InputProblem, count_key
from crawler.items import ArticleItem
from crawler.middlewares import RefusedRequest
from crawler.refetch import (
    RefetchBook,
    RefetchTarget,
    expand_input,
    read_targets,
    text_fingerprint,
)
from crawler.sites import site_for_url
from crawler.state.errorpages import error_pages
from crawler.state.runtime import crawl_state
from crawler.unexpected import callback_error, extraction_error
from crawler.urls import canonical_url, refuse_reason
from spiders.base import utc_now
from spiders.multipage import PAGE_NUMBER, PAGED, count_paged

GONE_STATUSES = (404, 410)


class RefetchSpider(scrapy.Spider):
    name = "refetch"
    refetch = True  # switches the refetch status pipeline on
    args_model = RefetchArgs  # its -a arguments (scrapy describe)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.args = self.validate_args(kwargs)
        super().__init__(*args)

    @classmethod
    def validate_args(cls, raw: dict[str, Any]) -> RefetchArgs:
        return validate_model(RefetchArgs, raw)

    @staticmethod
    def input_files(args: RefetchArgs) -> list[Path]:
        """The files the input names (the crawl command refuses them as output)."""
        return expand_input(args.input)[0]

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> Self:
        spider = super().from_crawler(crawler, *args, **kwargs)
        crawl_state(crawler).args = spider.args
        own = project_settings(crawler.settings)
        spider.conditional, spider.probe = own.refetch_conditional, own.soft404_probe
        spider.max_pages = own.article_max_pages
        return spider

    conditional: bool = True
    max_pages: int = 1  # ARTICLE_MAX_PAGES
    probe: bool = True  # learn each site's error page before its first re-fetch

    def book(self) -> RefetchBook:
        """What this re-fetch knew before: opened and closed by
        ``crawler.extensions.RefetchBookExtension``, held by the crawler. (A
        method: Scrapy's feed exporter reads every spider attribute.)"""
        return crawl_state(self.crawler).refetch_book()

    # -- records that need no fetch ----------------------------------------
    def problem_item(self, target: RefetchTarget, status: str, reason: str,
                     url: str | None = None) -> ArticleItem:
        url = url or target.url
        site = site_for_url(url) if url else None
        return ArticleItem(id=target.id, url=canonical_url(url) if url and site else url,
                           site=site.name if site else None, text=self.earlier_clean_text(target),
                           fetched_at=utc_now(), status=status, reason=reason)

    @staticmethod
    def earlier_clean_text(target: RefetchTarget) -> str:
        """The clean text the input held for ``target`` ("" when none)."""
        if target.earlier_text is None:
            return ""
        if target.earlier_is_page:
            return clean_document(target.earlier_text).text
        return target.earlier_text

    def count_bad_input(self, problems: tuple[InputProblem, ...]) -> None:
        """One log line ``file:line: reason`` per bad line or file, counted by
        kind (``input/bad_line/<kind>``, ``input/bad_file/<kind>``) and in all
        (``input/bad_line``, ``input/bad_file``): the crawl command's exit
        status reads them (``crawler.health``)."""
        stats = self.crawler.stats
        assert stats is not None
        for problem in problems:
            self.logger.warning("%s", problem)
            stats.inc_value(f"input/{problem.scope}")
            stats.inc_value(count_key(problem))

    async def start(self) -> AsyncIterator[Any]:
        probed: set[str] = set()
        for target in read_targets(self.args.input):
            self.count_bad_input(target.bad_input)
            if target.problem is not None or target.url is None:
                yield self.problem_item(target, "error", target.problem or "no URL")
                continue
            refused = refuse_reason(target.url)
            if refused is not None:
                # Nothing is sent for an off-site, private or non-http(s) URL.
                yield self.problem_item(target, "error",
                                        f"refused: {refused} ({target.source})")
                continue
            site = site_for_url(target.url)
            if self.probe and site is not None and site.name not in probed:
                # Before the site's first page is judged: what it answers
                # for an article that does not exist.
                probed.add(site.name)
                await error_pages(self.crawler).probe(self.crawler, site)
            yield self.request_for(target)

    def request_for(self, target: RefetchTarget) -> scrapy.Request:
        assert target.url is not None and target.id is not None
        url = canonical_url(target.url)
        if target.earlier_text is not None:
            self.book().earlier[target.id] = text_fingerprint(self.earlier_clean_text(target))
        headers: dict[str, str] = {}
        known = self.book().state.get(target.id)
        if self.conditional and known and known.get("record"):
            if known.get("etag"):
                headers["If-None-Match"] = known["etag"]
            if known.get("last_modified"):
                headers["If-Modified-Since"] = known["last_modified"]
        return scrapy.Request(
            url, callback=self.parse_article, errback=self.fetch_failed, dont_filter=True,
            headers=headers,
            meta={"target": target, "deltafetch_enabled": False,
                  "handle_httpstatus_list": [304, *GONE_STATUSES]})

    # -- callbacks -----------------------------------------------------------
    def parse_article(self, response: Response) -> Iterator[Any]:
        target: RefetchTarget = response.meta["target"]
        yield from self.one_record(target, response.url, self._answer(response, target))

    def fetch_failed(self, failure: Failure) -> Iterator[ArticleItem]:
        request = failure.request  # type: ignore[attr-defined]
        yield from self.one_record(request.meta["target"], request.url,
                                   self._fetch_failure(failure))

    def one_record(self, target: RefetchTarget, url: str,
                   answer: Iterator[Any]) -> Iterator[Any]:
        """``answer``'s record for ``target``, or, when a callback raises before
        giving it (a bug), an ``error`` record ``callback_error:<Type>``: every
        input document gets its record, whatever goes wrong on its page."""
        answered = False
        try:
            for item in answer:
                answered = True
                yield item
        except Exception as exc:
            if answered:
                raise  # the target has its record; Scrapy counts the exception
            assert self.crawler.stats is not None
            reason = callback_error(self.crawler.stats, self.logger, url, exc)
            yield self.problem_item(target, "error", reason, url)

    def _answer(self, response: Response, target: RefetchTarget) -> Iterator[Any]:
        assert target.id is not None
        if response.status in GONE_STATUSES:
            yield self.problem_item(target, "gone", f"http {response.status}", response.url)
            return
        site = site_for_url(response.url)
        if site is None:
            yield self.problem_item(target, "error", f"off-site final URL {response.url}")
            return
        moved = response.meta.get("redirect_urls") and \
            canonical_url(response.url) != canonical_url(target.url or "")
        if response.status == 304:
            known = self.book().state.get(target.id) or {}
            if not known.get("record"):
                yield self.problem_item(target, "error", "304 without a stored page")
                return
            record = known["record"]
            self.book().not_modified[target.id] = known.get("fingerprint") or ""
        else:
            page = ArticlePage.from_response(
                response, site, error_pages=error_pages(self.crawler).learned(site.name))
            assert self.crawler.stats is not None
            try:
                record = page.record()
            except ErrorPage as exc:
                # The state keeps the article it stored; the record the input's text.
                self.crawler.stats.inc_value(f"refetch/soft_404/{exc.how}")
                yield self.problem_item(target, "gone", "soft_404", response.url)
                return
            except ExtractionError as exc:
                yield self.problem_item(target, "error", f"no article: {exc.reason}",
                                        response.url)
                return
            except Exception as exc:
                # A bug met on this page: its error record names the exception.
                reason = extraction_error(self.crawler.stats, self.logger, response.url, exc)
                yield self.problem_item(target, "error", reason, response.url)
                return
            for key, count in page.extraction.counters.items():
                self.crawler.stats.inc_value(f"extract/{key}", count)
            count_page(self.crawler.stats, site.name, page.extraction.layout)
            header = response.headers.get
            validators = ((header("ETag") or b"").decode("latin-1") or None,
                          (header("Last-Modified") or b"").decode("latin-1") or None)
            paged = PagedArticle.start(page, record)
            if paged is not None:  # split over pages: its one record once all are read
                yield from self._next_page(target, paged, validators, bool(moved))
                return
            self.book().state.save_page(target.id, record["url"], *validators, record)
        yield from self._emit(target, record, bool(moved))

    def _emit(self, target: RefetchTarget, record: dict[str, Any],
              moved: bool) -> Iterator[ArticleItem]:
        if moved:
            assert self.crawler.stats is not None
            self.crawler.stats.inc_value("refetch/moved")
            yield ArticleItem(**{**record, "id": target.id}, fetched_at=utc_now(),
                              status="moved", reason=f"moved from {target.url}")
            return
        yield ArticleItem(**{**record, "id": target.id}, fetched_at=utc_now())

    # -- an article split over several pages (spiders.multipage) ---------------
    def _next_page(self, target: RefetchTarget, paged: PagedArticle,
                   validators: tuple[str | None, str | None], moved: bool) -> Iterator[Any]:
        """The next page's request, or, after the last, the one record (the
        first page's validators: a 304 for it re-emits the whole record)."""
        following = paged.next_page(self.max_pages)
        if following is None:
            assert self.crawler.stats is not None and target.id is not None
            count_paged(self.crawler.stats, paged)
            record = paged.joined()
            self.book().state.save_page(target.id, record["url"], *validators, record)
            yield from self._emit(target, record, moved)
            return
        number, url = following
        yield scrapy.Request(url, callback=self.parse_article_page, errback=self.page_failed,
                             dont_filter=True,  # two input documents may name one article
                             meta={"target": target, "deltafetch_enabled": False,
                                   PAGED: paged.to_meta(), PAGE_NUMBER: number,
                                   "validators": validators, "moved": moved})

    def parse_article_page(self, response: Response) -> Iterator[Any]:
        target: RefetchTarget = response.meta["target"]
        yield from self.one_record(target, response.url, self._page_answer(response, target))

    def _page_answer(self, response: Response, target: RefetchTarget) -> Iterator[Any]:
        paged = PagedArticle.from_meta(response.meta[PAGED])
        number, url = response.meta[PAGE_NUMBER], paged.record["url"]
        site = site_for_url(response.url)
        assert site is not None  # the fetch guard keeps redirects on the sites
        try:
            paged.add(number, ArticlePage.from_response(
                response, site, error_pages=error_pages(self.crawler).learned(site.name)))
        except ExtractionError as exc:
            yield self.problem_item(target, "error", f"no article on page {number}: {exc.reason}",
                                    url)
            return
        except Exception as exc:
            assert self.crawler.stats is not None
            reason = extraction_error(self.crawler.stats, self.logger, response.url, exc)
            yield self.problem_item(target, "error", f"page {number}: {reason}", url)
            return
        yield from self._next_page(target, paged, response.meta["validators"],
                                   response.meta["moved"])

    def page_failed(self, failure: Failure) -> Iterator[ArticleItem]:
        """A later page that could not be fetched: the input's record, ``error``
        (never a record with a hole)."""
        request = failure.request  # type: ignore[attr-defined]
        assert self.crawler.stats is not None
        reason = count_failure(self.crawler.stats, failure, "article")
        yield self.problem_item(request.meta["target"], "error",
                                f"page {request.meta[PAGE_NUMBER]}: {reason}",
                                request.meta[PAGED]["record"]["url"])

    def _fetch_failure(self, failure: Failure) -> Iterator[ArticleItem]:
        request = failure.request  # type: ignore[attr-defined]
        target: RefetchTarget = request.meta["target"]
        exc = failure.value
        assert self.crawler.stats is not None
        kind = count_failure(self.crawler.stats, failure, "article")
        if isinstance(exc, RedirectedAway):
            # A deleted article sent to the home page, a listing or a search.
            yield self.problem_item(target, "gone", exc.reason)
            return
        if isinstance(exc, RefusedRequest):
            reason = f"refused: {exc} ({request.url})"
        elif isinstance(exc, HttpError):
            reason = f"http {exc.response.status}"
        else:
            reason = f"{kind}: {exc}".strip().rstrip(":")
        yield self.problem_item(target, "error", reason)
