"""Decide a re-fetched record's status once its text is clean.

``updated`` / ``unchanged`` compare the fingerprint of the clean text (glosses,
width, spacing and punctuation folded) with what the input held or, failing
that, what an earlier re-fetch stored; ``new`` when neither knows the page.
``gone`` and ``error`` records arrive with their status set and pass through;
``moved`` ones too, their text's fingerprint stored for the next re-fetch.
Only on for spiders that declare ``refetch = True``.
"""

from __future__ import annotations

from typing import Any, Self

from itemadapter import ItemAdapter
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured

from crawler.refetch import text_fingerprint
from crawler.state.runtime import crawl_state


class RefetchStatusPipeline:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        assert crawler.stats is not None
        self.stats = crawler.stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        if not getattr(crawler.spidercls, "refetch", False):
            raise NotConfigured
        return cls(crawler)

    def process_item(self, item: Any) -> Any:
        adapter = ItemAdapter(item)
        if adapter.get("status") == "moved":
            book = crawl_state(self.crawler).refetch_book()
            book.state.save_fingerprint(adapter["id"], text_fingerprint(adapter.get("text") or ""))
        elif adapter.get("status") is None:
            rid = adapter["id"]
            book = crawl_state(self.crawler).refetch_book()
            stored = book.not_modified.get(rid)
            # A 304 re-emits the stored record: its fingerprint is stored too.
            now = stored or text_fingerprint(adapter.get("text") or "")
            before = book.earlier_fingerprint(rid)
            adapter["status"] = ("new" if before is None
                                 else "unchanged" if before == now else "updated")
            if not stored:
                book.state.save_fingerprint(rid, now)
        self.stats.inc_value(f"refetch/status/{adapter['status']}")
        self.stats.inc_value(f"refetch/site/{adapter.get('site') or 'unknown'}")
        return item
