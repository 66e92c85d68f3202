"""``DedupePipeline``: drop or mark duplicates after cleaning.

Stages (see crawler/dedupe): canonical URL -> exact hash of the normalised text
-> MinHash/LSH near duplicate. ``DEDUP_MODE = drop`` raises ``DuplicateItem``
with the reason; ``mark`` keeps the record and fills ``duplicate_of`` with the
id of the first copy seen. The state is committed in one transaction just
before each fsync of the output (``DurabilityBarrier.before_sync``), so a
record's index rows are never less durable than its line, with at most
``DEDUP_COMMIT_EVERY`` items between commits. Stats: ``dedupe/state/commits``,
``dedupe/kept``, ``dedupe/url``,
``dedupe/exact``, ``dedupe/near``, ``dedupe/skipped`` (no text), each also per
site (``dedupe/near/fissico``); ``dedupe/short`` (below ``DEDUP_NEAR_MIN_CHARS``:
judged exactly only) and ``dedupe/distinct/<rule>`` (kept although a near
candidate reached the threshold: ``person``, ``place``, ``figures`` differ, or
``unconfirmed``, an index row without specifics), each with a DEBUG line saying
why (``scrapy dedupe --explain`` says it for any two records).

A re-fetch gives one record per input document, so its records (they carry a
``status``) are never dropped:

- ``gone`` and ``error`` records hold the text the input had, not a page
  fetched now. They are neither compared nor indexed (``dedupe/skipped``
  and ``dedupe/not_a_page/<status>``): compared, a gone page whose earlier text
  another input document shares would be dropped; indexed, it would make a
  later real copy of that text a duplicate of a page that is gone.
- a record answered 304 (not modified) is the one an earlier re-fetch stored,
  compared and indexed: not signed or indexed again (``dedupe/not_modified``).
- ``new``, ``updated`` and ``unchanged`` records are pages fetched now: they are
  compared and indexed like a crawl's, and a duplicate is kept and marked with
  ``duplicate_of`` even in ``drop`` mode (``dedupe/marked_refetch``).
"""

from __future__ import annotations

import logging
from typing import Any

from itemadapter import ItemAdapter
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured

from crawler.dedupe import DedupeConfig, Deduper, Doc, open_store
from crawler.exceptions import DuplicateItem
from crawler.state.runtime import crawl_state

logger = logging.getLogger(__name__)

# Re-fetch statuses whose record is no page fetched now (its text is the input's).
NOT_A_PAGE = frozenset({"gone", "error"})


class DedupePipeline:
    def __init__(self, config: DedupeConfig, crawler: Crawler) -> None:
        self.config = config
        self.crawler = crawler
        self.stats = crawler.stats
        self.deduper: Deduper | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> DedupePipeline:
        config = DedupeConfig.from_settings(crawler.settings)
        if not config.enabled:
            raise NotConfigured("DEDUP_ENABLED is off")
        return cls(config, crawler)

    def open_spider(self) -> None:
        if self.deduper is None:
            self.deduper = Deduper(self.config, open_store(self.config, self.crawler.settings))

    def _commit(self) -> None:
        if self.deduper is not None:
            self.deduper.commit()
            if self.stats is not None:
                self.stats.inc_value("dedupe/state/commits")

    def close_spider(self) -> None:
        if self.deduper is not None:
            self.deduper.close()
            self.deduper = None

    def _inc(self, key: str, site: str | None) -> None:
        if self.stats is not None:
            self.stats.inc_value(f"dedupe/{key}")
            if site:
                self.stats.inc_value(f"dedupe/{key}/{site}")

    def process_item(self, item: Any) -> Any:
        if self.deduper is None:
            self.open_spider()
        assert self.deduper is not None
        adapter = ItemAdapter(item)
        text = adapter.get("text")
        rid = adapter.get("id")
        site = adapter.get("site")
        status = adapter.get("status")
        if status in NOT_A_PAGE:
            self._inc("skipped", site)
            self._inc(f"not_a_page/{status}", None)
            return item
        book = crawl_state(self.crawler).refetch if status is not None else None
        if book is not None and isinstance(rid, str) and rid in book.not_modified:
            # Answered 304: the record an earlier re-fetch compared and indexed.
            del book.not_modified[rid]
            self._inc("skipped", site)
            self._inc("not_modified", None)
            return item
        if not isinstance(text, str) or not text.strip() or not isinstance(rid, str):
            # Nothing to compare (a crawl's headline-only page without a body).
            self._inc("skipped", site)
            return item
        verdict = self.deduper.check(Doc(rid, adapter.get("url"), text))
        # With a grouped output, before its next fsync; else now.
        crawl_state(self.crawler).durable.before_sync(self._commit)
        if verdict.short:
            self._inc("short", None)
        if verdict.distinct is not None:
            self._inc(f"distinct/{verdict.distinct}", None)
            logger.debug("dedupe: %s %s", rid, verdict.reason())
        if not verdict.duplicate:
            self._inc("kept", site)
            return item
        assert verdict.stage is not None
        self._inc(verdict.stage, site)
        if self.config.mode == "drop" and status is None:
            raise DuplicateItem(f"{rid}: {verdict.reason()}")
        if status is not None:
            self._inc("marked_refetch", None)  # a re-fetch never drops an input document
        adapter["duplicate_of"] = verdict.first_id
        return item
