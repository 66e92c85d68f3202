"""``CleanPipeline``: raw page text on the item in, SEED_FORMAT fields and
clean article text out, through :func:`crawler.cleaning.clean_document`.

An incoming item carries ``text`` (the page's visible text, block by block as
in a seed file) and usually ``id``, ``url``, ``site`` and ``fetched_at``. The
pipeline fills every seed field the item does not already hold, replaces
``text`` with the article, and drops the item (``EmptyArticle``) when nothing
of an article is left. Re-fetch items with ``status`` ``gone`` or ``error``
carry no page and pass through untouched. Cleaning already clean text gives it
back unchanged, so a record may safely pass through twice.
"""

from __future__ import annotations

from typing import Any

from itemadapter import ItemAdapter
from scrapy.crawler import Crawler
from scrapy.statscollectors import StatsCollector

from crawler.cleaning import SCRIPTS, CleanResult, clean_document
from crawler.cleaning.rules import SITE_RULES
from crawler.exceptions import EmptyArticle

DEFAULT_TEXT_SCRIPT = "keep"
# Trust the spider's ``site`` (it knows which host it fetched); off, the
# pipeline recognises the site from the text, as ``scrapy clean`` does.
DEFAULT_CLEAN_TRUST_ITEM_SITE = True
STATS_PREFIX = "clean/"
# Re-fetch records that carry no page (the article is gone, or the fetch
# failed) pass through as they are: their text, if any, is the earlier clean one.
PASS_THROUGH_STATUSES = frozenset({"gone", "error"})


def apply_result(adapter: ItemAdapter, result: CleanResult) -> None:
    """Write the cleaned fields onto the item, keeping what it already holds
    (a spider may have read a field off the HTML, and a fetched URL beats the
    page's own 本文地址)."""
    for key, value in result.fields.items():
        current = adapter.get(key)
        if current is None or current == []:
            adapter[key] = value
    if adapter.get("site") is None and result.site is not None:
        adapter["site"] = result.site
    adapter["text"] = result.text


class CleanPipeline:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        assert crawler.stats is not None
        self.stats: StatsCollector = crawler.stats
        settings = crawler.settings
        script = settings.get("TEXT_SCRIPT", DEFAULT_TEXT_SCRIPT)
        if script not in SCRIPTS:
            raise ValueError(f"TEXT_SCRIPT must be one of {', '.join(SCRIPTS)}, not {script!r}")
        self.script: str = script
        self.trust_site: bool = settings.getbool(
            "CLEAN_TRUST_ITEM_SITE", DEFAULT_CLEAN_TRUST_ITEM_SITE
        )

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> CleanPipeline:
        return cls(crawler)

    def process_item(self, item: Any) -> Any:
        adapter = ItemAdapter(item)
        if adapter.get("status") in PASS_THROUGH_STATUSES:
            self.stats.inc_value(f"{STATS_PREFIX}passed_through/{adapter['status']}")
            return item
        text = adapter.get("text")
        if not isinstance(text, str) or not text.strip():
            self.stats.inc_value(f"{STATS_PREFIX}dropped/empty")
            raise EmptyArticle(f"no page text ({adapter.get('url') or adapter.get('id')})")
        site = adapter.get("site") if self.trust_site else None
        result = clean_document(text, site if site in SITE_RULES else None, script=self.script)
        for key, count in result.counters.items():
            self.stats.inc_value(f"{STATS_PREFIX}{key}", count)
        if result.empty:
            self.stats.inc_value(f"{STATS_PREFIX}dropped/chrome_only")
            raise EmptyArticle(
                f"chrome only, no article text ({adapter.get('url') or adapter.get('id')})"
            )
        apply_result(adapter, result)
        return item
