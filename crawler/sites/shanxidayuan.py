"""shanxidayuan.com (山西大院资讯网, 大院网).

Nothing beyond the seeds is known of this site (SITES.md), so its extraction
leans on the layout-independent methods: no selectors are claimed here.
"""

from __future__ import annotations

import re

from crawler.cleaning.rules import DATE, TIME, SiteRules, rule, rx
from crawler.sites.base import Selectors, Site, UrlScheme

HOST = r"^https?://(?:www\.)?shanxidayuan\.com"
# Any of the pagination forms these CMSs use, after a column path.
PAGINATION = (r"(?:(?:index|list)(?:_\d+)*?(?:_(?P<page>\d+))?\.s?html?)?"
              r"(?:\?(?:page|p|pn)=(?P<qpage>\d+))?")

GSYL = UrlScheme(
    name="gsyl",
    article=re.compile(HOST + r"/gsyl/(?P<column>[a-z0-9_]+)/(?P<id>\d+)\.html$"),
    listing=re.compile(HOST + rf"/gsyl/(?P<column>[a-z0-9_]+)/{PAGINATION}$"),
    column=re.compile(r"[a-z0-9_]+"),
    article_url="http://www.shanxidayuan.com/gsyl/{column}/{id}.html",
    listing_url="http://www.shanxidayuan.com/gsyl/{column}/",
)

RULES = SiteRules(
    name="shanxidayuan",
    markers=(
        (rx(r"(?m)^(?:大院网-)?山西大院(?:资讯|新闻)网$"), 3),
        (rx(r"(?m)^关于山西大院新闻网$"), 3),
        (rx(r"shanxidayuan\.com"), 2),
        (rx(r"山西大院"), 1),
    ),
    header=(
        rule("site_header", r"^(?:大院网-?)?山西大院(?:资讯|新闻)?网?$"),
        rule("counter", r"^\d{1,7}$"),
    ),
    # "网络编辑 太原 2022-10-08 10:10:06 0 疫情 防控 风险": author, region,
    # time, comment count, tags. Unlabelled: a slot never holds a "label:".
    meta=rx(
        r"^(?P<author>[^\s\d:][^\s:]{0,15}) (?:(?P<region>[^\s\d:][^\s:]{0,10}) )?"
        + DATE + " " + TIME + r"(?: (?P<comments>\d{1,7}))?(?: (?P<tags>[^:]{1,80}))?$"
    ),
    stops=(
        rule("qr_prompt", r"^扫一扫在手机打开当前页面$"),
        rule("copyright_block", r"^版权声明(?:$|: ?本站)"),
        rule("copyright_block", r"^本文(?:仅代表作者观点|系作者授权发表)"),
        rule("article_url", r"^本文地址: ?\S+$"),
        rule("comment_form", r"^(?:留言与评论\(共有 ?\d* ?条评论\)|验证码:?)$"),
        rule("footer", r"^(?:关于山西大院新闻网|Copyright ©.{0,30}|copyright protection:.*)$"),
    ),
)

SITE = Site(
    name="shanxidayuan",
    label="山西大院资讯网",
    names=("山西大院资讯网", "山西大院新闻网", "大院网", "山西大院", "shanxidayuan"),
    hosts=("www.shanxidayuan.com", "shanxidayuan.com"),
    homes=("http://www.shanxidayuan.com/",),
    sample_article="http://www.shanxidayuan.com/gsyl/lzyl/10077.html",
    sample_listing="http://www.shanxidayuan.com/gsyl/lzyl/",
    schemes=(GSYL,),
    # Cities as columns; ids are a sequence per column (SITES.md).
    columns={"lzyl": "太原", "changzhi": "长治", "xinzhou": "忻州", "datong": "大同",
             "jinzhong": "晋中", "yuncheng": "运城", "linfen": "临汾"},
    rules=RULES,
    selectors=Selectors(),
    shared_ids=False,
)
