"""``RefetchBookExtension``: the re-fetch's book of what was known before, opened
and closed here (the refetch spider, its status pipeline and dedupe share it).

``SignalHandlerErrors``: Scrapy catches an exception raised in a signal handler
(a feed that cannot open, an extension's bug), logs it and goes on; the run
would end 0 with the component's work undone. Each is counted
(``signal/handler_error/<Class.method>``) so that the exit status says so
(``crawler.health.handler_exceptions``).
"""

from __future__ import annotations

import contextlib
import gc
import logging
from collections.abc import Iterator
from typing import Self

from scrapy import Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured

from crawler.config import project_settings
from crawler.refetch import RefetchBook, RefetchState
from crawler.state import state_dir
from crawler.state.runtime import crawl_state

logger = logging.getLogger(__name__)


class RefetchBookExtension:
    """Opens a re-fetch's book (what earlier re-fetches stored, under
    ``STATE_DIR/refetch``) for the crawl and closes it at its end; the refetch
    spider fills it, the refetch and dedupe pipelines read it, none owns it.
    On for spiders that declare ``refetch = True``."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.book: RefetchBook | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        if not getattr(crawler.spidercls, "refetch", False):
            raise NotConfigured
        ext = cls(crawler)
        crawler.signals.connect(ext.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        return ext

    def spider_opened(self, spider: Spider) -> None:
        path = state_dir(self.crawler.settings, "refetch") / "pages.sqlite"
        self.book = RefetchBook(RefetchState(path))
        crawl_state(self.crawler).refetch = self.book

    def spider_closed(self, spider: Spider) -> None:
        if self.book is None:
            return
        # What waits for the output's last lines may still write to the book.
        crawl_state(self.crawler).durable.flush()
        self.book.state.close()


# How scrapy.utils.signal logs an exception it caught in a handler.
HANDLER_ERROR_LOGGER = "scrapy.utils.signal"
HANDLER_ERROR_MESSAGE = "Error caught on signal handler"


def receiver_name(receiver: object) -> str:
    """``FeedExporter.open_spider`` for a bound method, else its name."""
    owner = getattr(receiver, "__self__", None)
    name = getattr(receiver, "__name__", None) or type(receiver).__name__
    return f"{type(owner).__name__}.{name}" if owner is not None else str(name)


class _HandlerErrorCounter(logging.Handler):
    def __init__(self, crawler: Crawler) -> None:
        super().__init__(logging.ERROR)
        self.crawler = crawler

    def emit(self, record: logging.LogRecord) -> None:
        if not str(record.msg).startswith(HANDLER_ERROR_MESSAGE) or self.crawler.stats is None:
            return
        receiver = record.args.get("receiver") if isinstance(record.args, dict) else None
        self.crawler.stats.inc_value("signal/handler_error/count")
        self.crawler.stats.inc_value(f"signal/handler_error/{receiver_name(receiver)}")


class SignalHandlerErrors:
    """Counts the exceptions Scrapy caught in signal handlers during the crawl."""

    def __init__(self, crawler: Crawler) -> None:
        self.counter = _HandlerErrorCounter(crawler)
        self.logger = logging.getLogger(HANDLER_ERROR_LOGGER)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        ext = cls(crawler)
        ext.logger.addHandler(ext.counter)
        crawler.signals.connect(ext.engine_stopped, signal=signals.engine_stopped)
        return ext

    def engine_stopped(self) -> None:
        self.logger.removeHandler(self.counter)


@contextlib.contextmanager
def collector_threshold(gen0: int) -> Iterator[None]:
    """Python's young-generation collector every ``gen0`` net allocations
    inside the block (``0``: the interpreter's own); restored after it."""
    saved = gc.get_threshold()
    if gen0:
        gc.set_threshold(gen0, *saved[1:])
    try:
        yield
    finally:
        gc.set_threshold(*saved)


class CollectorTuning:
    """Python's cycle collector run less often while the engine runs: a
    young-generation pass every ``GC_GEN0_THRESHOLD`` net allocations instead
    of 700. What a crawl allocates per page is freed by reference counting;
    the collector only finds the odd cycle (a Failure's traceback), and still
    does, later. The interpreter's thresholds are put back when the engine stops.

    Stats: ``gc/collections`` (passes while the engine ran)."""

    def __init__(self, crawler: Crawler, gen0: int) -> None:
        self.crawler = crawler
        self.gen0 = gen0
        self.held = contextlib.ExitStack()  # the threshold while the engine runs
        self.collections_before = 0

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        gen0 = project_settings(crawler.settings).gc_gen0_threshold
        if not gen0:
            raise NotConfigured
        ext = cls(crawler, gen0)
        crawler.signals.connect(ext.engine_started, signal=signals.engine_started)
        crawler.signals.connect(ext.engine_stopped, signal=signals.engine_stopped)
        return ext

    @staticmethod
    def _collections() -> int:
        return sum(generation["collections"] for generation in gc.get_stats())

    def engine_started(self) -> None:
        self.collections_before = self._collections()
        self.held.enter_context(collector_threshold(self.gen0))

    def engine_stopped(self) -> None:
        self.held.close()
        assert self.crawler.stats is not None
        self.crawler.stats.set_value("gc/collections",
                                     self._collections() - self.collections_before)
