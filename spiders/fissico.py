"""fissico.com (a copy of 康巴传媒网): /html/<section>/<column>/<id>.html.

Served in Traditional script with pinyin glosses; ids are one sequence across
all columns, so an ``ids=`` walk tries each column for each id."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from scrapy.http import Response

from crawler.sites import SITES
from spiders.base import NewsSpider


class FissicoSpider(NewsSpider):
    name = "fissico"
    site = SITES["fissico"]

    # Contracts (``scrapy check fissico``): pages the seeds and SITES.md show,
    # which the replica serves too (tests/test_scrapy_tools.py runs them there).
    def parse_article(self, response: Response) -> Iterator[Any]:
        """@url http://fissico.com/html/xw/dzyw/58159.html
        @returns items 1 1
        @returns requests 0 0
        @scrapes id url site title text published_at
        """
        return super().parse_article(response)

    def parse_listing(self, response: Response) -> Iterator[Any]:
        """@url http://fissico.com/html/xw/dzyw/
        @returns items 0 0
        @returns requests 1
        """
        return super().parse_listing(response)

    def parse_home(self, response: Response) -> Iterator[Any]:
        """@url http://fissico.com/
        @returns items 0 0
        @returns requests 5
        """
        return super().parse_home(response)
