"""``crawl_state(crawler)``: the state one crawl's components share, held by the
crawler (as ``crawler.stats`` is), never written onto the spider.

The spider puts its validated arguments here; the deltafetch middleware its
seen store; the frontier middleware the frontier (which it alone writes; the
spider reads it); the re-fetch book extension what it opened. Pipelines and
middlewares read what they need from it in ``from_crawler`` or later.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from crawler.state.durable import DurabilityBarrier
from crawler.state.frontier import FRONTIER_KEY
from crawler.urls import canonical_url

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

    from crawler.args import CrawlArgs, RefetchArgs
    from crawler.refetch import RefetchBook
    from crawler.state.errorpages import ErrorPages
    from crawler.state.frontier import Frontier
    from crawler.state.seen import AnySeenStore

_ATTRIBUTE = "_crawl_state"


@dataclass
class CrawlState:
    args: CrawlArgs | RefetchArgs | None = None  # the spider's validated arguments
    seen: AnySeenStore | None = None  # what earlier runs exported (DurableDeltaFetch)
    frontier: Frontier | None = None  # listing walks, pending articles, failures
    refetch: RefetchBook | None = None  # what a re-fetch knew before (RefetchBookExtension)
    error_pages: ErrorPages | None = None  # each site's own error page, learnt (the spiders)
    # What waits for the output's lines to be on disk (the exporter syncs in groups).
    durable: DurabilityBarrier = field(default_factory=DurabilityBarrier)
    # The day a listing printed beside an article's link, by canonical URL: the
    # date of a page that prints none, whichever link reached it first (a home
    # page's undated teaser often does).
    listed_dates: dict[str, str] = field(default_factory=dict)

    def refetch_book(self) -> RefetchBook:
        """The re-fetch's book, which ``RefetchBookExtension`` opens for a
        refetch crawl; an error naming it when it is not enabled."""
        if self.refetch is None:
            raise RuntimeError("no re-fetch book: crawler.extensions.RefetchBookExtension "
                               "is not enabled (EXTENSIONS)")
        return self.refetch

    def listed_date(self, meta: Mapping[str, Any], url: str) -> str | None:
        """The listing's date for the article a response of ``url`` with request
        ``meta`` serves: the request's own, else the first a listing printed for
        its canonical URL (the spider's callback and the archive read the same)."""
        listed = meta.get("listed_date")
        if listed:
            return str(listed)
        return self.listed_dates.get(canonical_url(meta.get(FRONTIER_KEY) or url))


def crawl_state(crawler: Crawler) -> CrawlState:
    state = crawler.__dict__.get(_ATTRIBUTE)
    if state is None:
        state = CrawlState()
        setattr(crawler, _ATTRIBUTE, state)
    return state
