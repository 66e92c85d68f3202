"""shanxidayuan.com (山西大院资讯网): /gsyl/<column>/<id>.html, ids sequential per column."""

from __future__ import annotations

from crawler.sites import SITES
from spiders.base import NewsSpider


class ShanxidayuanSpider(NewsSpider):
    name = "shanxidayuan"
    site = SITES["shanxidayuan"]
