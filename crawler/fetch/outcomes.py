"""Why a request failed, as one short reason, and how it is counted.

Every request of the crawl spiders has an errback that ends here, so each page
that was never turned into a record is counted under
``fetch/failed/reason_count/<reason>`` (and ``fetch/failed/<kind>`` per kind
of page: article, listing, home), whatever raised it: an HTTP status after
retries, a timeout, the fetch guard, robots.txt, a bot check, a redirect loop,
a body too large.
"""

from __future__ import annotations

from typing import Any

from scrapy import exceptions
from scrapy.exceptions import IgnoreRequest
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet import defer, error
from twisted.python.failure import Failure
from twisted.web._newclient import ResponseFailed, ResponseNeverReceived

from crawler.exceptions import FetchDeferred, FetchDropped

NETWORK_REASONS: tuple[tuple[type[BaseException], str], ...] = (
    # Scrapy's own (2.19 wraps the reactor's errors in these), then Twisted's.
    (exceptions.DownloadTimeoutError, "timeout"),
    (exceptions.CannotResolveHostError, "dns"),
    (exceptions.DownloadConnectionRefusedError, "connection_refused"),
    (exceptions.ResponseDataLossError, "data_loss"),
    (exceptions.DownloadFailedError, "download_failed"),
    (error.TimeoutError, "timeout"),
    (defer.TimeoutError, "timeout"),
    (error.DNSLookupError, "dns"),
    (error.ConnectionRefusedError, "connection_refused"),
    (error.ConnectionDone, "connection_lost"),
    (error.ConnectionLost, "connection_lost"),
    (ResponseFailed, "connection_lost"),
    (ResponseNeverReceived, "connection_lost"),
    (error.ConnectError, "connect_error"),
)


def failure_reason(exc: BaseException) -> str:
    """A short, stable name for why a request failed."""
    if isinstance(exc, HttpError):
        return f"http_{exc.response.status}"
    if isinstance(exc, (FetchDeferred, FetchDropped)):
        return exc.reason
    if isinstance(exc, (defer.CancelledError, exceptions.DownloadCancelledError)) \
            and "max size" in str(exc):
        return "oversize"  # Content-Length or the body beyond DOWNLOAD_MAXSIZE
    if isinstance(exc, IgnoreRequest):
        text = str(exc)
        if "robots.txt" in text:
            return "robots_forbidden"
        return "ignored"
    for cls, reason in NETWORK_REASONS:
        if isinstance(exc, cls):
            return reason
    return type(exc).__name__


def is_deferred(exc: BaseException) -> bool:
    """Left for the next run without using up one of the page's tries."""
    return isinstance(exc, FetchDeferred)


def is_settled(exc: BaseException) -> bool:
    """Never worth trying again: gone (404/410) or refused for good."""
    if isinstance(exc, HttpError):
        return exc.response.status in (404, 410)
    if failure_reason(exc) == "oversize":
        return True  # the same page will be as large next time
    return isinstance(exc, IgnoreRequest) and not isinstance(exc, FetchDeferred)


def count_failure(stats: Any, failure: Failure, kind: str) -> str:
    """Count ``failure`` of a request for a page of ``kind``; returns its reason."""
    assert failure.value is not None
    reason = failure_reason(failure.value)
    stats.inc_value("fetch/failed")
    stats.inc_value(f"fetch/failed/{kind}")
    stats.inc_value(f"fetch/failed/reason_count/{reason}")
    return reason
