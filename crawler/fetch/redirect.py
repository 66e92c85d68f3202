"""Redirects with a reason when they end: a loop, too many, or away from an
article.

Scrapy's RedirectMiddleware follows a redirect back to a URL it has already
been to, and the scheduler's duplicate filter then drops it without a word
(only ``dupefilter/filtered`` moves); too many redirects end in a bare
``IgnoreRequest``. Here each is its own ``FetchDropped``, counted by the
request's errback like every other failure.

An article URL that redirects to a page of its own site that is no article
(the home page, a listing, a search or an error page) is how many CMSs answer
for a deleted article: the redirect is not followed (a request saved, and a
home page never taken for the article) and the request fails with a
``RedirectedAway`` naming where it pointed (``redirect_to_home`` …). A
redirect to another article is followed: the article moved. Off-site
targets are the fetch guard's business.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urldefrag

from scrapy import Request
from scrapy.downloadermiddlewares.redirect import RedirectMiddleware
from w3lib.url import canonicalize_url

from crawler.exceptions import REDIRECTED_AWAY, RedirectLoop, TooManyRedirects
from crawler.sites import site_for_url


class LoopAwareRedirectMiddleware(RedirectMiddleware):
    def _redirect(self, redirected: Request, request: Request, reason: Any) -> Request:
        chain = [*request.meta.get("redirect_urls", []), request.url]
        target = canonicalize_url(redirected.url)
        if any(canonicalize_url(url) == target for url in chain):
            raise RedirectLoop(f"redirect loop: {' -> '.join([*chain, redirected.url])}")
        if request.meta.get("redirect_times", 0) + 1 > self.max_redirect_times:
            raise TooManyRedirects(f"more than {self.max_redirect_times} redirects from "
                                   f"{chain[0]}")
        site = site_for_url(chain[0])
        if site is not None and site.is_article(chain[0]) \
                and site_for_url(redirected.url) is site:
            # An article's own URL with a query (a tracking or cache parameter) is still it.
            kind = "article" if site.is_article(urldefrag(redirected.url)[0].split("?")[0]) \
                else site.page_kind(redirected.url)
            if kind != "article":
                raise REDIRECTED_AWAY[kind](f"{chain[0]} redirects to its site's {kind} page "
                                            f"{redirected.url}", redirected.url)
        return super()._redirect(redirected, request, reason)
