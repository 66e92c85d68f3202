"""Shanxi News (山西新闻网, www.sxrb.com): /sxxww/xwpd/<channel>/<id>.shtml.

Pages are GB2312/GB18030 with the charset declared in a <meta> tag."""

from __future__ import annotations

from crawler.extract.sites import SITE_LAYOUTS
from spiders.base import NewsSpider


class SxnewsSpider(NewsSpider):
    name = "sxnews"
    layout = SITE_LAYOUTS["sxnews"]
