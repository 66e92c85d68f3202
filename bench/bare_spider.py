"""Bare Scrapy, the crawl benchmark's anchors: the same URLs, nothing but a
title per page. Run outside the project (no scrapy.cfg in the working folder)
so only Scrapy's defaults apply:

    scrapy runspider bench/bare_spider.py -a urls=URLS.txt -o out.jsonl

Each item carries the page's validators (ETag, Last-Modified). With
``-a validators=OUT.jsonl`` (an earlier run's output) every URL is asked for
conditionally, as a re-fetch does: the anchor of a 304 re-fetch.

With ``-a fetch_only=1`` the callback returns nothing (no title parsed, no
item), the floor of a crawl's CPU: Scrapy's cost of fetching the URLs alone.
``bench/run.py`` runs it with ``-s ROBOTSTXT_OBEY=False`` and no ``-o``:

    scrapy runspider bench/bare_spider.py -a urls=URLS.txt -a fetch_only=1 \
        -s ROBOTSTXT_OBEY=False
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import scrapy
from scrapy.http import Response


class BareSpider(scrapy.Spider):
    name = "bare"

    def __init__(self, urls: str, validators: str | None = None, fetch_only: str = "",
                 **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.url_file = Path(urls)
        self.fetch_only = fetch_only not in ("", "0", "false", "False")
        self.validators: dict[str, dict[str, str]] = {}
        if validators:
            for line in Path(validators).read_text("utf-8").splitlines():
                row = json.loads(line)
                self.validators[row["url"]] = row

    async def start(self) -> AsyncIterator[scrapy.Request]:
        for line in self.url_file.read_text("utf-8").splitlines():
            url = line.strip()
            if not url:
                continue
            known = self.validators.get(url, {})
            headers = {k: v for k, v in (("If-None-Match", known.get("etag")),
                                         ("If-Modified-Since", known.get("last_modified")))
                       if v}
            yield scrapy.Request(url, dont_filter=True, headers=headers,
                                 meta={"handle_httpstatus_list": [304]})

    def parse(self, response: Response, **kwargs: Any) -> Iterator[dict[str, Any]] | None:
        if self.fetch_only:
            return None
        return self.item(response)

    def item(self, response: Response) -> Iterator[dict[str, Any]]:
        header = response.headers.get
        yield {"url": response.url, "status": response.status,
               "title": response.css("title::text").get() if response.status == 200 else None,
               "etag": (header("ETag") or b"").decode("latin-1") or None,
               "last_modified": (header("Last-Modified") or b"").decode("latin-1") or None}
