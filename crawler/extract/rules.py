"""The extractor's rules as data, grouped by concern.

Class and id *words* are matched against the tokens of an element's ``class``
and ``id`` (split on spaces, ``-`` and ``_``): a ``PART`` word matches any part
(``article-share`` is a share bar), a ``WHOLE`` word only a whole token (a
``page`` token is chrome, ``page-content`` is not). Text patterns run on folded
lines (ASCII ``:``, ``(``, ``|``), in both scripts.
"""

from __future__ import annotations

import re

from crawler.cleaning.rules import rx

# --- Noise ---------------------------------------------------------------------
# Chrome: containers whose lines are neither body nor a source of fields.
CHROME_TAGS = frozenset({"nav", "footer", "aside", "menu", "form"})
CHROME_PART_WORDS = frozenset({
    "nav", "navbar", "navigation", "menu", "topnav", "subnav", "mainnav", "topbar",
    "footer", "copyright", "banquan", "disclaimer", "statement", "shengming", "mianze",
    "wzsm", "bqsm", "mzsm",  # 网站声明, 版权声明, 免责声明
    "sidebar", "widget", "sidebox",
    "comment", "comments", "commentlist", "pinglun", "reply", "respond", "feedback",
    "share", "sharing", "bdshare", "jiathis", "fenxiang", "social",
    "related", "relate", "recommend", "tuijian", "xgxw", "xgwz", "xgyd", "tjyd", "tjxw",
    "hotnews", "ranking", "paihang", "phb", "rdph", "djph", "rmtj",
    "advert", "advertisement", "adsbygoogle", "adbox", "banner", "guanggao",
    "login", "toolbar", "pagination", "pager", "pagebreak", "prenext", "prevnext",
    "pagelist", "zdfy",  # DedeCMS' and the People's Daily CMS's pagers of a split article
    "qrcode", "erweima", "friendlink", "flink",
})
# Readers' comments (a subset of the chrome words). Not "fontsize" / "zihao":
# the box a font-size switcher resizes is the article itself on many templates.
COMMENT_WORDS = frozenset({"comment", "comments", "commentlist", "pinglun", "reply", "respond",
                           "feedback"})
CHROME_WHOLE_WORDS = frozenset({
    "top", "bottom", "foot", "side", "ad", "ads", "gg", "hot", "rank", "tool", "tools",
    "pages", "search", "handle", "close", "print", "next", "prev", "links", "ewm", "qr",
    "right", "sidebar-right", "sidebar-left", "pl", "plbox", "pllist",
})
# Article furniture: headline, info line, tags, captions. Fields are read from
# them; they are never body.
FURNITURE_TAGS = frozenset({"header", "figcaption"})
# Marked whatever share of the page they hold, past the guard: an HTML5 figure
# caption is a caption even when a photo page's captions are all its text
# (a gallery page of an unknown template: a headline-only record, as the seed
# format wants, not its caption as the article).
UNGUARDED_TAGS = frozenset({"figcaption"})
FURNITURE_PART_WORDS = frozenset({
    "breadcrumb", "breadcrumbs", "crumb", "crumbs", "navpath", "weizhi", "dqwz",
    "tags", "keywords", "caption", "figcaption", "picnote", "imgdesc", "imgtxt", "pictxt",
    "pictext", "tuzhu", "meta", "byline", "editer", "copyfrom", "subtitle", "fbt",
    "kicker", "summary", "zhaiyao", "daodu",
})
FURNITURE_WHOLE_WORDS = frozenset({
    "position", "location", "place", "info", "tag", "note", "source", "time", "date",
    "author", "editor", "left1", "title_o", "pre", "sub", "list", "desc", "abstract",
})
# Captions, by class: furniture that may sit inline in a <br> body, so it gets
# lines of its own (an info line's <span class="time"> must not).
CAPTION_PART_WORDS = frozenset({"caption", "figcaption", "picnote", "imgdesc", "imgtxt",
                                "pictxt", "pictext", "tuzhu"})
CAPTION_WHOLE_WORDS = frozenset({
    "pic_text", "pic_txt", "img_text", "img_txt", "photo_text", "pic_title", "pic_desc",
    "img_desc", "pic_note", "img_note", "pic_info", "img_info", "imgtitle", "pictitle",
})
# Elements the extractor never prunes: they name the article itself.
ARTICLE_HINTS = rx(r"(?:^|[\s_-])(?:article[-_]?body|articlebody|post[-_]?body|entry[-_]?content)")

# --- Captions and image credits -----------------------------------------------

CAPTION_MAX_WEIGHT = 60  # a caption is short
# "记者 张三 摄", "(新华社发)", "新华社记者 李四 摄": credits under a photo.
PHOTO_CREDIT = rx(r"^\(?(?:[^\s,。]{0,12}记者 ?)?[^\s,。]{0,12} ?(?:摄|供图|摄影|图)\)?$"
                  r"|^\(?新华社(?:发|记者.{0,12}摄)\)?$")
CENTERED_STYLE = re.compile(r"text-align\s*:\s*center", re.I)

# --- Titles -------------------------------------------------------------------

HEADING_WEIGHT = {"h1": 3.0, "h2": 2.0, "h3": 1.5, "h4": 1.0, "h5": 0.5, "h6": 0.5}
TITLE_WORDS = frozenset({
    "title", "tit", "biaoti", "bt", "headline", "head-line", "jz", "art_tit", "arttit",
    "newstitle", "news_title", "articletitle", "article-title", "entry-title", "post-title",
    "text_title", "h-title", "detail-title", "content-title", "cont-tit", "con-title",
})
# <title> separators between headline and site name.
TITLE_SEPARATORS = re.compile(r"\s*(?:--+|——|_+|\|| - | – | — |-(?=[^\d]))\s*")
TITLE_MIN_CHARS = 4
TITLE_MAX_CHARS = 100
# Names that are never a headline: a site, a section's home, a login link.
NOT_A_TITLE = rx(
    r"^(?:首页|主页|网站首页|返回首页|登录|注册|登录 ?\| ?注册|会员中心|设为首页|加入收藏|"
    r"联系我们|关于我们|网站地图|English|正文|浏览文章|当前位置.*|您所在的位置.*|"
    r"\S{1,6}\s*:\s*[\d,]+)$",  # a counter: "访问:121369"
    re.I,
)
# A string that names a site or channel ("…网", "…频道", "…新闻网首页").
SITE_NAME_SHAPE = rx(r"^.{0,12}(?:网|網|频道|首页|门户|官网|资讯|新闻中心)$")

SUBTITLE_WORDS = frozenset({
    "subtitle", "sub", "fbt", "subtit", "art_subtit", "deck", "kicker", "pre", "yt", "yinti",
    "pretitle", "vice", "fu", "sub-title", "sub_title", "futi", "fubiaoti",
})
SHARE_LINE = rx(r"^(?:分享到|转发到)")

# --- Dates --------------------------------------------------------------------

META_DATE_KEYS = (
    "article:published_time", "og:article:published_time", "publishdate", "pubdate",
    "publish_date", "publishtime", "pubtime", "datepublished", "dc.date.issued",
    "dc.date", "og:release_date", "weibo:article:create_at", "releasedate", "firstpublishedtime",
)
# A date, optionally a time right after it (no space needed: "2022年10月08日10:10").
DATE_TIME = re.compile(
    r"(?P<y>(?:19|20)\d{2})\s*(?:[-/.]|年)\s*(?P<m>\d{1,2})\s*(?:[-/.]|月)\s*(?P<d>\d{1,2})"
    r"(?![\d])\s*日?"
    r"(?:\s*(?:T|\s)?\s*(?P<H>\d{1,2})\s*[:时]\s*(?P<M>\d{2})(?:\s*[:分]\s*(?P<S>\d{2}))?"
    r"(?:\s?(?P<ampm>[AaPp][Mm])\b)?)?"
)
# ASP.NET and other English-locale templates: "9/17/2004 5:54:13 AM" (month first).
US_DATE_TIME = re.compile(
    r"(?<![\d/])(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>(?:19|20)\d{2})(?![\d/])"
    r"(?:\s+(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?(?:\s?(?P<ampm>[AaPp][Mm])\b)?)?"
)
# Xinhua prints the pieces apart: "2023 04/05 09:30:12".
SPLIT_DATE_TIME = re.compile(
    r"(?P<y>(?:19|20)\d{2})\s*(?P<m>\d{1,2})\s*/\s*(?P<d>\d{1,2})"
    r"(?:\s*(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?)?"
)
# A date as the URL's folders spell it, or a TRS file name (t20240515_123.html).
URL_DATE = re.compile(
    r"/(?P<y>(?:19|20)\d{2})[-_/]?(?P<m>\d{2})[-_/]?(?P<d>\d{2})/"
    r"|/t(?P<ty>(?:19|20)\d{2})(?P<tm>\d{2})(?P<td>\d{2})_\d+\.s?html?$"
)
# A date the HTML holds but does not show: a script variable
# (var publishdate = "2024-05-15 10:20"), the People's Daily and Founder CMS
# comment (<!--enpproperty …<date>2024-05-15 10:20:00:0</date>…-->).
SCRIPT_DATE = re.compile(
    r"(?:publish|pub|release|create|post|add|news|article|fabu)[_-]?(?:date|time|day)\w*"
    r"[\"']?\s*[:=]\s*[\"'](?P<date>(?:19|20)\d{2}[-/.年][^\"']{4,24})[\"']", re.I)
ENP_DATE = re.compile(
    r"<!--\s*enpproperty.{0,2000}?<date>\s*(?P<date>(?:19|20)\d{2}-[^<]{4,24})</date>", re.S)
# The day the page was served, printed in a top bar: "2025年6月2日 星期一".
DATE_WIDGET = rx(r"(?:星期|周|礼拜)[一二三四五六日天]|今天是|今日")
DATE_LABEL = rx(r"(?:发布时间|发布日期|发表时间|发表日期|时间|日期|发布于|发表于|发帖时间|张贴|"
                r"Published|Posted(?: on)?)\s*[:@]?\s*$", re.I)

# --- Labelled fields ----------------------------------------------------------

# label -> field; longer labels first so "责任编辑" is not read as "编辑".
FIELD_LABELS: tuple[tuple[str, str], ...] = (
    ("责任编辑", "editor"), ("值班编辑", "editor"), ("网络编辑", "editor"), ("责编", "editor"),
    ("编辑", "editor"), ("信息来源", "source"), ("文章来源", "source"), ("新闻来源", "source"),
    ("稿件来源", "source"), ("稿源", "source"), ("来源", "source"), ("出处", "source"),
    ("作者", "author"), ("撰稿", "author"), ("撰文", "author"), ("地区", "region"),
)
# Labels that only end the value of the label before them.
OTHER_LABELS = (
    "发布时间", "发布日期", "发佈时间", "发佈日期", "发表时间", "更新时间", "时间", "日期",
    "浏览次数", "浏览量", "浏览",
    "点击数", "点击量", "点击", "阅读量", "阅读数", "阅读", "评论数", "评论", "字号", "字体",
    "分享到", "分享", "分类", "栏目", "标签", "关键词", "关键字", "审核", "校对", "摄影",
    "通讯员", "发布者", "发布人", "发布", "发佈", "访问量", "人气", "热度", "打印", "投稿", "供稿",
)
LABEL_SEP = r"\s*[:]\s*"
# Meta tags naming the source (People's Daily CMS: content="来源：人民网"; Hanweb).
META_SOURCE_KEYS = ("source", "contentsource", "copyfrom", "og:article:source")
SOURCE_PREFIX = rx(r"^(?:来源|信息来源)\s*[:]\s*")
# A writer's credit on a line of its own: "文:眉间尺", "文/张三", "撰文/李四 摄影/王五".
WRITER_LINE = rx(r"^(?:文|文字|撰文)\s*[:/]\s*(?P<name>[^\s:/()]{2,12})(?:\s|$)")
# Attribute text a broken tag left in a line (size="20"): never a name.
MARKUP_DEBRIS = re.compile(r"[=<>\"]")
VALUE_STOP = re.compile(r"\s*(?:\||【|\[|\(|\)|丨|(?<=\S)\s{2,}|$)")

# --- Breadcrumbs ----------------------------------------------------------------

BREADCRUMB_WORDS = frozenset({
    "breadcrumb", "breadcrumbs", "crumb", "crumbs", "position", "location", "place",
    "navpath", "weizhi", "dqwz", "path", "mianbaoxie", "dangqian", "current", "curpos",
    "site-nav", "sitepath", "address", "here",
})
BREADCRUMB_LABEL = rx(
    r"^(?:您现在的位置|您当前所在的位置|您当前的位置|您所在的位置|您的位置|当前位置|所在位置|当前所在位置|"
    r"位置)\s*[:]?\s*"
)
# Any template's breadcrumb separators, read from the page's DOM; wider than
# the flat-text cleaner's TEXT_BREADCRUMB_SEP (crawler.cleaning.rules).
DOM_BREADCRUMB_SEP = re.compile(r"\s*(?:>>|>|»|›|→|/|\\)\s*")
BREADCRUMB_DROP = rx(r"^(?:首页|主页|网站首页|Home|正文|浏览文章|内容|详情|文章|阅读文章|查看内容|"
                     r"正文内容|新闻详情|文章详情|详细内容)$", re.I)

# --- Tags -------------------------------------------------------------------------

# PHPCMS v9 prints its keywords as 相关热词搜索.
TAG_LABEL = rx(r"^(?:标签|关键词|关键字|相关热词搜索|热词|相关标签|TAG标签|Tags?|TAG)\s*[:]\s*"
               r"(?P<tags>.*)$", re.I)
# Any template's tag list, read from the DOM (a label's value or its anchors
# joined): also "|", unlike the flat-text cleaner's TEXT_TAG_SEP.
DOM_TAG_SEP = re.compile(r"[\s,;、|]+")
TAG_WORDS = frozenset({"tags", "tag", "keywords", "post-tags", "entry-tags", "tag-list",
                       "taglist", "article-tags", "biaoqian"})

# --- Body lines -------------------------------------------------------------------

# Marks of a written sentence. A colon is not one: it marks a label (日期:).
SENTENCE_PUNCT = re.compile(r"[,;!?、。“”…]")
SENTENCE_END = re.compile(r"[。!?…”]$")
# Lines that are never the article: lead-ins of summaries, original titles.
SUMMARY_LINE = rx(r"^(?:摘要|内容摘要|内容提要|导读|核心提示|原标题)\s*[:]")

# --- Error pages (soft 404s) -------------------------------------------------------

# What the CMS families and web servers print for an article that does not
# exist (deleted, never there), whatever status code they send it with; kept
# per family so that a new one is a line here (the most specific first: the
# first family that matches names the page in the stats). ``rx`` makes each
# match the Traditional forms too. A phrase alone proves nothing (an article may quote
# one): a page is an error page only when it also holds almost no prose
# (ERROR_MAX_PROSE in crawler.extract.soft404).
ERROR_PHRASES: dict[str, tuple[str, ...]] = {
    # DedeCMS: ShowMsg() boxes ("DedeCMS 提示信息") and the 系统提示 page of its
    # article view ("对不起，您访问的文章不存在或已被删除").
    "dedecms": (r"(?:文章|文档|内容)(?:ID)?(?:不存在|已被删除)", r"DedeCMS\s*提示信息",
                r"没有找到(?:您要访问的|该)?(?:文档|文章)"),
    # EmpireCMS printerror(): "此信息不存在", "此栏目不存在".
    "empirecms": (r"此(?:信息|栏目|页面)不存在",),
    # PHPCMS v9 showmessage(): 信息提示 / 提示信息 with "信息不存在或已删除".
    "phpcms": (r"信息(?:不存在|已(?:被)?删除)", r"该信息(?:不存在|已过期)"),
    # Web servers' own pages (IIS, nginx, Apache), sometimes sent with 200.
    "server": (r"\b404\s*(?:-\s*)?Not\s*Found\b", r"The requested URL .{0,200} was not found",
               r"HTTP\s*(?:错误\s*)?404", r"404\s*(?:错误|error)", r"(?:错误|error)\s*404",
               r"找不到文件或目录", r"文件或目录未找到"),
    # PbootCMS, SiteServer, TRS WCM and hand-made error pages.
    "generic": (r"(?:您|你)(?:所)?(?:要)?(?:访问|查看|浏览|请求|找)的"
                r"(?:页面|网页|文章|内容|稿件|信息)"
                r"(?:不存在|已(?:被)?(?:删除|撤销|下线|移除)|找不到|暂时无法访问)",
                r"(?:页面|网页|文章|稿件|内容)"
                r"(?:不存在|已(?:被)?(?:删除|撤销|下线|移除)|找不到了?|未找到)",
                r"(?:找不到|无法找到)(?:该|此|您要的)?(?:页面|网页|文件|文章)",
                r"(?:抱歉|对不起)[,!]?\s*(?:该|此)?(?:页面|网页|文章|内容)"),
}
ERROR_FAMILIES = {family: rx("|".join(f"(?:{p})" for p in phrases), re.I)
                  for family, phrases in ERROR_PHRASES.items()}
# A page title (the <title> with the site's name cut, or the headline) that is
# an error title whatever the page holds besides.
ERROR_TITLE = rx(r"^(?:系统提示|提示信息|信息提示|错误提示|系统信息|出错了|出错啦|错误|Error|"
                 r"404|页面不存在|页面未找到|找不到页面|未找到页面|页面找不到了|Not\s*Found|"
                 r"404\s*(?:-\s*)?Not\s*Found|Page\s+not\s+found|DedeCMS\s*提示信息|"
                 r"HTTP\s*404|404\s*错误|错误\s*404|文章不存在|信息不存在|内容不存在)[!.]?$", re.I)
