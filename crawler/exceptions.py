"""Project exceptions: why a record was dropped or a request not completed.

Scrapy counts dropped items by exception class
(``item_dropped_reasons_count/<Class>``) and the project counts failed requests
by ``crawler.fetch.outcomes.failure_reason``, so each reason is a class.
"""

from __future__ import annotations

from scrapy.exceptions import DropItem, IgnoreRequest


class DuplicateItem(DropItem):
    """The item is a copy of one seen before (same URL, same text, or near-same text)."""


class OutOfWindow(DropItem):
    """The article's date lies outside the requested since/until window."""


class FetchDeferred(IgnoreRequest):
    """Not fetched in this run for a reason that may pass (a bot check, a host
    that asked to be left alone, an unreachable robots.txt): the page stays
    pending in the frontier for the next run and does not use up a try."""

    reason = "deferred"


class ChallengePage(FetchDeferred):
    """The server answered with a bot check (Cloudflare's "Just a moment…")."""

    reason = "challenge"


class HostBackedOff(FetchDeferred):
    """The host challenged too often or asked for a longer pause than a run waits."""

    reason = "host_backed_off"


class RobotsUnreachable(FetchDeferred):
    """robots.txt answered 5xx, a challenge, or not at all: RFC 9309 says
    disallow everything on that host until it answers."""

    reason = "robots_unreachable"


class FetchDropped(IgnoreRequest):
    """A response that can never give a page: settled, not tried again."""

    reason = "dropped"


class RedirectLoop(FetchDropped):
    """A redirect back to a URL already on the request's redirect chain."""

    reason = "redirect_loop"


class TooManyRedirects(FetchDropped):
    """More redirects than ``REDIRECT_MAX_TIMES``."""

    reason = "redirect_max_times"


class DecompressionBomb(FetchDropped):
    """A compressed body that inflates beyond ``DOWNLOAD_MAXSIZE``."""

    reason = "decompression_bomb"


class RedirectedAway(FetchDropped):
    """An article URL redirected to a page of its site that is no article (its
    home, a listing, a search or error page): how many CMSs answer a deleted
    article. Not followed; the article is gone. ``location`` is where it pointed."""

    reason = "redirect_to_other"

    def __init__(self, message: str, location: str = "") -> None:
        super().__init__(message)
        self.location = location


class RedirectToHome(RedirectedAway):
    reason = "redirect_to_home"


class RedirectToListing(RedirectedAway):
    reason = "redirect_to_listing"


class RedirectToSearch(RedirectedAway):
    reason = "redirect_to_search"


class RedirectToErrorPage(RedirectedAway):
    reason = "redirect_to_error"


REDIRECTED_AWAY: dict[str, type[RedirectedAway]] = {
    "home": RedirectToHome, "listing": RedirectToListing, "search": RedirectToSearch,
    "error": RedirectToErrorPage, "other": RedirectedAway,
}
