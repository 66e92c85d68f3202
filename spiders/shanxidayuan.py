"""shanxidayuan.com (山西大院资讯网): /gsyl/<column>/<id>.html, ids sequential per column."""

from __future__ import annotations

from crawler.extract.sites import SITE_LAYOUTS
from spiders.base import NewsSpider


class ShanxidayuanSpider(NewsSpider):
    name = "shanxidayuan"
    layout = SITE_LAYOUTS["shanxidayuan"]
