"""fissico.com, a copy of 康巴传媒网 (kbcmw.com, Ganzi, Sichuan).

Served in Traditional script with pinyin glosses. Article ids are one sequence
across every column, rising with date (SITES.md).
"""

from __future__ import annotations

import re

from crawler.cleaning.rules import DATE, TIME, SiteRules, rule, rx
from crawler.sites.base import Selectors, Site, UrlScheme

HOST = r"^https?://(?:www\.)?fissico\.com"
# DedeCMS lists: a column's index.html, then list_<typeid>_<page>.html.
PAGINATION = (r"(?:(?:index|list)(?:_\d+)*?(?:_(?P<page>\d+))?\.html)?"
              r"(?:\?(?:page|p|pn|PageNo)=(?P<qpage>\d+))?")

HTML = UrlScheme(
    name="html",
    article=re.compile(HOST + r"/html/(?P<column>[a-z]+/[a-z0-9_]+)/(?P<id>\d+)\.html$"),
    listing=re.compile(HOST + rf"/html/(?P<column>[a-z]+(?:/[a-z0-9_]+)?)/{PAGINATION}$"),
    column=re.compile(r"[a-z]+(?:/[a-z0-9_]+)?"),
    article_url="http://fissico.com/html/{column}/{id}.html",
    listing_url="http://fissico.com/html/{column}/",
)

# A date line "<publication>    YYYY年MM月DD日": the publication is a name, not
# a sentence (no digits, no sentence punctuation).
PUBLICATION = r"(?P<source>[^\d\s:,。;!?][^\d:,。;!?]{0,15}?)"

RULES = SiteRules(
    name="fissico",
    markers=(
        (rx(r"(?m)^您所在的位置: ?康巴传媒网"), 4),
        (rx(r"fissico\.com|kbcmw\.com"), 2),
        (rx(r"康巴传媒网"), 1),
    ),
    # Copies add a keyword-spam line above the breadcrumb; spam rules take it.
    header=(rule("site_header", r"^康巴传媒网$"),),
    meta=rx(r"^(?:" + PUBLICATION + r" )?" + DATE + r"(?: ?" + TIME + r")?$"),
    breadcrumb=rx(r"^您所在的位置: ?(?P<trail>.+)$"),
    breadcrumb_skip=("浏览文章", "正文", "首页"),
    stops=(
        rule("prev_next", r"^(?:• )?(?:上一篇|下一篇):"),
        rule("article_url", r"^(?:• )?本文地址: ?\S+$"),
    ),
)

SITE = Site(
    name="fissico",
    label="康巴传媒网",
    names=("康巴传媒网", "康巴傳媒網", "康巴传媒", "fissico", "kbcmw"),
    hosts=("fissico.com", "www.fissico.com"),
    homes=("http://fissico.com/",),
    sample_article="http://fissico.com/html/xw/dzyw/58159.html",
    sample_listing="http://fissico.com/html/xw/dzyw/",
    schemes=(HTML,),
    columns={"xw/dzyw": "党政要闻", "xw/jjgz": "聚焦甘孜", "xw/gxdt": "各县动态",
             "ly/kbmj": "康巴美景", "ly/jpxl": "精品线路", "ly/lyzx": "旅游资讯",
             "zx/lyzx": "旅游资讯"},
    rules=RULES,
    selectors=Selectors(),
    shared_ids=True,
)
