"""fissico.com (a copy of 康巴传媒网): /html/<section>/<column>/<id>.html.

Served in Traditional script with pinyin glosses; ids are one sequence across
all columns, so an ``ids=`` walk tries each column for each id."""

from __future__ import annotations

from crawler.sites import SITES
from spiders.base import NewsSpider


class FissicoSpider(NewsSpider):
    name = "fissico"
    site = SITES["fissico"]
