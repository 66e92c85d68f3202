"""Shanxi News (山西新闻网, 山西日报's site) on *.sxrb.com.

Two URL schemes are live: the People's Daily network CMS's ``/GB/<node>/<id>.html``
on many hosts (with a Traditional copy of every page under ``/BIG5/``, collapsed
into the GB page), and the old ``/sxxww/<path>/<channel>/<id>.shtml``.
"""

from __future__ import annotations

import re

from crawler.cleaning.rules import DATE, TIME, SiteRules, rule, rx
from crawler.sites.base import Selectors, Site, UrlScheme

HOST = r"^https?://(?:[a-z0-9-]+\.)*sxrb\.com"

GB = UrlScheme(
    name="gb",
    article=re.compile(HOST + r"/(?:GB|BIG5)/(?P<column>\d+(?:/\d+)*)/(?P<id>\d+)\.html?$"),
    listing=re.compile(HOST + r"/(?:GB|BIG5)/(?P<column>\d+(?:/\d+)*)/"
                       r"(?:index(?P<page>\d*)\.html?)?$"),
    column=re.compile(r"\d+(?:/\d+)*"),
    article_url="http://news.sxrb.com/GB/{column}/{id}.html",
    listing_url="http://news.sxrb.com/GB/{column}/index.html",
)
SXXWW = UrlScheme(
    name="sxxww",
    article=re.compile(HOST + r"/sxxww/(?P<column>[a-z0-9_]+(?:/[a-z0-9_]+)*)/"
                       r"(?P<id>\d+)\.s?html$"),
    listing=re.compile(HOST + r"/sxxww/(?P<column>[a-z0-9_]+(?:/[a-z0-9_]+)*)/"
                       r"(?:index(?:_(?P<page>\d+))?\.s?html)?$"),
    column=re.compile(r"[a-z][a-z0-9_]*(?:/[a-z0-9_]+)*"),
    article_url="http://www.sxrb.com/sxxww/{column}/{id}.shtml",
    listing_url="http://www.sxrb.com/sxxww/{column}/",
)

RULES = SiteRules(
    name="sxnews",
    markers=(
        (rx(r"(?m)^山西新闻网 ?>>"), 4),
        (rx(r"(?m)^主流媒体 ?山西门户$"), 4),
        (rx(r"sxrb\.com"), 2),
        (rx(r"(?m)^网站声明$"), 1),
        (rx(r"独家授权山西新闻网发布|山西新闻网版权咨询电话"), 3),
        (rx(r"山西新闻网"), 1),
    ),
    header=(
        rule("site_header", r"^(?:主流媒体 ?山西门户|山西新闻网|山西日报)$"),
        # special.sxrb.com topic pages print the info labels with no values.
        rule("bare_labels", r"^(?:时 ?间:?|分 ?享 ?评 ?论:?|时 ?间 ?/ ?分 ?享 ?评 ?论)$"),
    ),
    # "時間: 2020年02月02日07:07  來源:山西日報"; the GB template prints the
    # same without the 时间 label.
    meta=rx(r"^(?:时 ?间: ?)?" + DATE + r" ?" + TIME + r"?(?: ?来 ?源: ?(?P<source>.{0,30}))?$"),
    breadcrumb=rx(r"^(?P<trail>山西新闻网 ?>> ?.+)$"),
    breadcrumb_skip=("正文",),
    stops=(
        rule("editor_line", r"^\((?:责任编辑|责编):.{1,20}\)$"),
        rule("recommended", r"^(?:推荐阅读|相关阅读|相关新闻)$"),
        rule("site_statement", r"^网站声明$"),
        # The statement's paragraphs without their label (the list of papers
        # changes over the years).
        rule("site_statement", r"^山西日报、.{0,80}(?:所有自采新闻|独家授权山西新闻网)"),
        rule("site_statement", r"^(?:山西新闻网版权咨询电话|凡本网未注明\W{0,2}来源)"),
        rule("copyright_block", r"^版权声明: ?视觉志稿件"),
    ),
    drops=(rule("share_bar", r"^分享到:"),),
)

SITE = Site(
    name="sxnews",
    label="山西新闻网",
    names=("山西新闻网", "山西新聞網", "人民网", "人民網", "山西日报", "山西日報", "sxrb"),
    hosts=(".sxrb.com",),
    excluded_hosts=("epaper.sxrb.com",),  # the e-paper: another product
    homes=("http://news.sxrb.com/GB/index.html", "http://www.sxrb.com/"),
    sample_article="http://www.sxrb.com/sxxww/xwpd/gcdt/7950120.shtml",
    sample_listing="http://news.sxrb.com/GB/314060/index.html",
    schemes=(GB, SXXWW),
    aliases=((re.compile(r"^(https?://[^/]+)/BIG5/"), r"\1/GB/"),),
    # Every host is a sub-site with a home of its own (忻州 xz., 运城 yc., photo. …).
    home_pages=re.compile(HOST + r"/(?:(?:GB|BIG5)/(?:index\.html?)?|index\.s?html?)?$"),
    columns={"314060": "", "314061": "", "314064": "国内新闻", "314065": "国际新闻",
             "314066": ""},
    rules=RULES,
    selectors=Selectors(
        title=("div.jz", "div.catalog_main p.art_tit"),
        body=("div#rwb_zw", "div.art_txt"),
        info=("div.left1", "h3.art_info"),
        breadcrumb=("span#rwb_navpath",),
        editor=("div.editer",),
    ),
    shared_ids=True,
)
