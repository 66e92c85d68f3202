"""Bare Scrapy, the crawl benchmark's anchor: the same URLs, nothing but a
title per page. Run outside the project (no scrapy.cfg in the working folder)
so only Scrapy's defaults apply:

    scrapy runspider bench/bare_spider.py -a urls=URLS.txt -o out.jsonl
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import scrapy
from scrapy.http import Response


class BareSpider(scrapy.Spider):
    name = "bare"

    def __init__(self, urls: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.url_file = Path(urls)

    async def start(self) -> AsyncIterator[scrapy.Request]:
        for line in self.url_file.read_text("utf-8").splitlines():
            if line.strip():
                yield scrapy.Request(line.strip(), dont_filter=True)

    def parse(self, response: Response, **kwargs: Any) -> Iterator[dict[str, Any]]:
        yield {"url": response.url, "title": response.css("title::text").get()}
