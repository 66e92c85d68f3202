"""shanxidayuan.com (山西大院资讯网): /gsyl/<column>/<id>.html, ids sequential per column."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from scrapy.http import Response

from crawler.sites import SITES
from spiders.base import NewsSpider


class ShanxidayuanSpider(NewsSpider):
    name = "shanxidayuan"
    site = SITES["shanxidayuan"]

    # Contracts (``scrapy check shanxidayuan``): pages the seeds and SITES.md show,
    # which the replica serves too (tests/test_scrapy_tools.py runs them there).
    def parse_article(self, response: Response) -> Iterator[Any]:
        """@url http://www.shanxidayuan.com/gsyl/lzyl/10077.html
        @returns items 1 1
        @returns requests 0 0
        @scrapes id url site title text published_at
        """
        return super().parse_article(response)

    def parse_listing(self, response: Response) -> Iterator[Any]:
        """@url http://www.shanxidayuan.com/gsyl/lzyl/
        @returns items 0 0
        @returns requests 1
        """
        return super().parse_listing(response)

    def parse_home(self, response: Response) -> Iterator[Any]:
        """@url http://www.shanxidayuan.com/
        @returns items 0 0
        @returns requests 5
        """
        return super().parse_home(response)
