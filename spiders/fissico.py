"""fissico.com (a copy of 康巴传媒网): /html/xw/<column>/<id>.html.

Served in Traditional script with pinyin glosses."""

from __future__ import annotations

from crawler.extract.sites import SITE_LAYOUTS
from spiders.base import NewsSpider


class FissicoSpider(NewsSpider):
    name = "fissico"
    layout = SITE_LAYOUTS["fissico"]
