"""JSONL in the seed format: UTF-8 text (no ``\\u`` escapes), fixed key order,
one record per line."""

from __future__ import annotations

import json
from typing import Any

from itemadapter import ItemAdapter
from scrapy.exporters import BaseItemExporter

from crawler.items import seed_record


def dumps_record(item: Any) -> str:
    return json.dumps(seed_record(ItemAdapter(item)), ensure_ascii=False)


class SeedJsonLinesExporter(BaseItemExporter):
    def __init__(self, file: Any, **kwargs: Any) -> None:
        super().__init__(dont_fail=True, **kwargs)
        self.file = file

    def export_item(self, item: Any) -> None:
        line = dumps_record(item) + "\n"
        self.file.write(line.encode("utf-8"))
