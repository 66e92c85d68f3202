"""``ScriptPipeline``: the record's text fields in the script ``TEXT_SCRIPT`` asks
for (``hans`` Simplified, ``hant`` Traditional, by OpenCC). Off (``keep``, the
default) it is not loaded: records keep the script the page was served in.
"""

from __future__ import annotations

from typing import Any, Self

from itemadapter import ItemAdapter
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured

from crawler.cleaning.script import convert
from crawler.config import project_settings

TEXT_KEYS = ("title", "subtitle", "author", "editor", "source", "region", "text")
LIST_KEYS = ("category", "tags")


class ScriptPipeline:
    def __init__(self, script: str, crawler: Crawler) -> None:
        self.script = script
        self.stats = crawler.stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        script = project_settings(crawler.settings).text_script  # one of SCRIPTS, checked there
        if script == "keep":
            raise NotConfigured("TEXT_SCRIPT is keep")
        return cls(script, crawler)

    def process_item(self, item: Any) -> Any:
        adapter = ItemAdapter(item)
        for key in TEXT_KEYS:
            if isinstance(adapter.get(key), str):
                adapter[key] = convert(adapter[key], self.script)
        for key in LIST_KEYS:
            if isinstance(adapter.get(key), list):
                adapter[key] = [convert(v, self.script) if isinstance(v, str) else v
                                for v in adapter[key]]
        if self.stats is not None:
            self.stats.inc_value(f"script/converted/{self.script}")
        return item
