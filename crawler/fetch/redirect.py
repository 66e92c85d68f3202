"""Redirects with a reason when they end: a loop or too many.

Scrapy's RedirectMiddleware follows a redirect back to a URL it has already
been to, and the scheduler's duplicate filter then drops it without a word
(only ``dupefilter/filtered`` moves); too many redirects end in a bare
``IgnoreRequest``. Here each is its own ``FetchDropped``, counted by the
request's errback like every other failure.
"""

from __future__ import annotations

from typing import Any

from scrapy import Request
from scrapy.downloadermiddlewares.redirect import RedirectMiddleware
from w3lib.url import canonicalize_url

from crawler.exceptions import RedirectLoop, TooManyRedirects


class LoopAwareRedirectMiddleware(RedirectMiddleware):
    def _redirect(self, redirected: Request, request: Request, reason: Any) -> Request:
        chain = [*request.meta.get("redirect_urls", []), request.url]
        target = canonicalize_url(redirected.url)
        if any(canonicalize_url(url) == target for url in chain):
            raise RedirectLoop(f"redirect loop: {' -> '.join([*chain, redirected.url])}")
        if request.meta.get("redirect_times", 0) + 1 > self.max_redirect_times:
            raise TooManyRedirects(f"more than {self.max_redirect_times} redirects from "
                                   f"{chain[0]}")
        return super()._redirect(redirected, request, reason)
