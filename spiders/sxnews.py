"""Shanxi News (山西新闻网, *.sxrb.com): /GB/<node>/<id>.html on many hosts (a
/BIG5/ copy is the same article) and the old /sxxww/<path>/<id>.shtml."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from scrapy.http import Response

from crawler.sites import SITES
from spiders.base import NewsSpider


class SxnewsSpider(NewsSpider):
    name = "sxnews"
    site = SITES["sxnews"]

    # Contracts (``scrapy check sxnews``): pages the seeds and SITES.md show,
    # which the replica serves too (tests/test_scrapy_tools.py runs them there).
    def parse_article(self, response: Response) -> Iterator[Any]:
        """@url http://www.sxrb.com/sxxww/xwpd/gcdt/7950120.shtml
        @returns items 1 1
        @returns requests 0 0
        @scrapes id url site title text published_at
        """
        return super().parse_article(response)

    def parse_listing(self, response: Response) -> Iterator[Any]:
        """@url http://news.sxrb.com/GB/314060/index.html
        @returns items 0 0
        @returns requests 1
        """
        return super().parse_listing(response)

    def parse_home(self, response: Response) -> Iterator[Any]:
        """@url http://news.sxrb.com/GB/index.html
        @returns items 0 0
        @returns requests 5
        """
        return super().parse_home(response)
