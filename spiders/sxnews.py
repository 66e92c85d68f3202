"""Shanxi News (山西新闻网, *.sxrb.com): /GB/<node>/<id>.html on many hosts (a
/BIG5/ copy is the same article) and the old /sxxww/<path>/<id>.shtml."""

from __future__ import annotations

from crawler.sites import SITES
from spiders.base import NewsSpider


class SxnewsSpider(NewsSpider):
    name = "sxnews"
    site = SITES["sxnews"]
