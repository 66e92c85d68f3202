"""What the crawler knows of each site's URLs and page text, kept as data.

URL patterns are deliberately loose about pagination (``list_2.html``,
``index_2.shtml``, ``?page=2`` all work on every site) and the anchors are
stable text labels, not class names, so that markup drift does not break
discovery or the decision to trust the site rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Any of the pagination forms seen on these CMSs, after a channel path.
PAGINATION = r"(?:(?:index|list)(?:_(?P<page>\d+))?\.s?html?)?(?:\?(?:page|p|pn)=(?P<qpage>\d+))?"


@dataclass(frozen=True)
class SiteLayout:
    name: str
    home: str
    article_url: re.Pattern[str]  # groups: column, id
    listing_url: re.Pattern[str]  # groups: column, page / qpage
    article_template: str  # for id-range backfills: {column}, {id}
    listing_template: str  # a channel's first listing page: {column}
    columns: tuple[str, ...]  # channels known to exist (for ids= and categories=)
    anchors: tuple[str, ...]  # labels that show the site's own page layout


SITE_LAYOUTS: dict[str, SiteLayout] = {
    "shanxidayuan": SiteLayout(
        name="shanxidayuan",
        home="http://www.shanxidayuan.com/",
        article_url=re.compile(
            r"^https?://(?:www\.)?shanxidayuan\.com/gsyl/(?P<column>[a-z0-9_]+)/(?P<id>\d+)\.html$"),
        listing_url=re.compile(
            rf"^https?://(?:www\.)?shanxidayuan\.com/gsyl/(?P<column>[a-z0-9_]+)/{PAGINATION}$"),
        article_template="http://www.shanxidayuan.com/gsyl/{column}/{id}.html",
        listing_template="http://www.shanxidayuan.com/gsyl/{column}/",
        columns=("lzyl", "changzhi", "xinzhou", "datong", "jinzhong", "yuncheng", "linfen"),
        anchors=("本文地址", "版权声明", "扫一扫在手机打开当前页面", "留言与评论", "山西大院"),
    ),
    "fissico": SiteLayout(
        name="fissico",
        home="http://fissico.com/",
        article_url=re.compile(
            r"^https?://(?:www\.)?fissico\.com/html/xw/(?P<column>[a-z0-9_]+)/(?P<id>\d+)\.html$"),
        listing_url=re.compile(
            rf"^https?://(?:www\.)?fissico\.com/html/xw/(?P<column>[a-z0-9_]+)/{PAGINATION}$"),
        article_template="http://fissico.com/html/xw/{column}/{id}.html",
        listing_template="http://fissico.com/html/xw/{column}/",
        columns=("dzyw", "gzxw", "shxw", "jjxw", "whly"),
        anchors=("您所在的位置", "瀏覽文章", "浏览文章", "本文地址", "上一篇", "下一篇",
                 "本網訊", "本网讯"),
    ),
    "sxnews": SiteLayout(
        name="sxnews",
        home="http://www.sxrb.com/",
        article_url=re.compile(
            r"^https?://(?:[a-z0-9-]+\.)*sxrb\.com/(?:sxxww/(?:[a-z0-9_]+/)*|GB/)"
            r"(?P<column>[a-z0-9_]+)/(?P<id>\d+)\.s?html$"),
        listing_url=re.compile(
            r"^https?://(?:[a-z0-9-]+\.)*sxrb\.com/sxxww/(?:[a-z0-9_]+/)*"
            rf"(?P<column>[a-z0-9_]+)/{PAGINATION}$"),
        article_template="http://www.sxrb.com/sxxww/xwpd/{column}/{id}.shtml",
        listing_template="http://www.sxrb.com/sxxww/xwpd/{column}/",
        columns=("gcdt", "shxw", "ty", "sxyw", "jjxw"),
        anchors=("山西新闻网>>", "山西新聞網>>", "责任编辑", "責任編輯", "时间:", "時間:",
                 "来源:", "來源:", "网站声明", "網站聲明"),
    ),
}
