"""An unexpected exception on one page (a bug, not the page's lack of an
article) made that page's failure: counted by type, logged as one ERROR line
naming the page, the exception and where it was raised, and never the end of
the run nor a page silently lost.

Stats: ``extract/error`` and ``extract/error/<ExceptionType>`` for an exception
inside extraction; a spider callback's own exception contained by the
re-fetch (so that its target still gets a record) is counted under Scrapy's
``spider_exceptions/count`` and ``spider_exceptions/<ExceptionType>``, as if
Scrapy had seen it. ``crawler.health`` reads both.
"""

from __future__ import annotations

import logging
import traceback
from pathlib import Path
from typing import Any

from scrapy.statscollectors import StatsCollector

from crawler.extract.layout import count_error
from crawler.sites import site_for_url

EXTRACT_ERROR = "extract/error"
SPIDER_EXCEPTIONS = "spider_exceptions"  # Scrapy's prefix (scrapy.core.scraper)
PROJECT_ROOT = Path(__file__).resolve().parent.parent
MESSAGE_MAX = 200  # characters of the exception's message in the log line

Logger = logging.Logger | logging.LoggerAdapter[Any]


def raised_at(exc: BaseException) -> str:
    """The innermost frame of ``exc``'s traceback: ``file:line in function``,
    the file relative to the project when it is one of its own."""
    frames = traceback.extract_tb(exc.__traceback__)
    if not frames:
        return "no traceback"
    frame = frames[-1]
    path = Path(frame.filename)
    if path.is_relative_to(PROJECT_ROOT):
        path = path.relative_to(PROJECT_ROOT)
    return f"{path}:{frame.lineno} in {frame.name}"


def describe(exc: BaseException) -> str:
    """``Type: message (at file:line in function)``, on one line."""
    message = " ".join(str(exc).split())
    if len(message) > MESSAGE_MAX:
        message = message[:MESSAGE_MAX - 1] + "…"
    name = type(exc).__name__
    return f"{name}: {message} (at {raised_at(exc)})" if message \
        else f"{name} (at {raised_at(exc)})"


def _log(logger: Logger, what: str, url: str, exc: BaseException) -> None:
    logger.error("%s on %s: %s", what, url, describe(exc))
    # The whole traceback for whoever debugs it, below the one line a run shows.
    logger.debug("Traceback of the %s on %s", what.lower(), url,
                 exc_info=(type(exc), exc, exc.__traceback__))


def extraction_error(stats: StatsCollector, logger: Logger, url: str,
                     exc: BaseException) -> str:
    """Count and log an exception raised by the extraction of ``url``; the
    page's reason: ``extract_error:<ExceptionType>``."""
    name = type(exc).__name__
    stats.inc_value(EXTRACT_ERROR)
    stats.inc_value(f"{EXTRACT_ERROR}/{name}")
    site = site_for_url(url)
    count_error(stats, site.name if site else None)  # the site's layout profile
    _log(logger, "Extraction error", url, exc)
    return f"extract_error:{name}"


def callback_error(stats: StatsCollector, logger: Logger, url: str,
                   exc: BaseException) -> str:
    """Count and log an exception a spider callback raised outside extraction
    and contained itself (Scrapy neither logs nor counts it then); the page's
    reason: ``callback_error:<ExceptionType>``."""
    name = type(exc).__name__
    stats.inc_value(f"{SPIDER_EXCEPTIONS}/count")
    stats.inc_value(f"{SPIDER_EXCEPTIONS}/{name}")
    _log(logger, "Callback error", url, exc)
    return f"callback_error:{name}"
