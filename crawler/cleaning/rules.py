"""The cleaning rules, as data, grouped by concern.

Every pattern is written once in Simplified Chinese and compiled with
``both_scripts`` so it also matches the Traditional text the mirrors serve.
Patterns run on *folded* lines (fullwidth forms to ASCII, spaces collapsed,
trimmed, pinyin glosses gone), so they use ASCII ``:``, ``(`` and ``|``.

Line rules are anchored on labels and on the shape of a whole short line,
never on words that a sentence could contain: an article saying "本文..." or
"...版权..." in its prose keeps the sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from re import Pattern

from crawler.cleaning.script import both_scripts


def rx(pattern: str, flags: int = 0) -> Pattern[str]:
    """Compile a rule pattern so that it matches either script."""
    return re.compile(both_scripts(pattern), flags)


@dataclass(frozen=True)
class LineRule:
    """A named pattern for one kind of chrome line; the name keys the counters."""

    name: str
    pattern: Pattern[str]

    def matches(self, line: str) -> bool:
        return self.pattern.search(line) is not None


def rule(name: str, pattern: str, flags: int = 0) -> LineRule:
    return LineRule(name, rx(pattern, flags))


@dataclass(frozen=True)
class SiteRules:
    name: str
    # Evidence that a page belongs to the site: (pattern, weight), searched in the
    # whole page text. Layout landmarks weigh more than mere mentions, which an
    # article of another site may contain.
    markers: tuple[tuple[Pattern[str], int], ...]
    # Lines above the headline that are site furniture (name, slogan, counters).
    header: tuple[LineRule, ...] = ()
    # The line under the headline holding date, byline, source or tags.
    meta: Pattern[str] | None = None
    # The breadcrumb; group ``trail`` holds the path from the site's own name.
    breadcrumb: Pattern[str] | None = None
    breadcrumb_skip: tuple[str, ...] = ()
    # First label of the trailing chrome: the body ends at the first of these.
    stops: tuple[LineRule, ...] = ()
    # Chrome lines that may sit anywhere between the meta line and the stop.
    drops: tuple[LineRule, ...] = ()
    extra: dict[str, Pattern[str]] = field(default_factory=dict)


# --- Shared rules: every page, known site or not ---------------------------

# Chrome that any of the sites (and most Chinese news templates) print.
SHARED_DROPS: tuple[LineRule, ...] = (
    rule("share_bar", r"^分享到:?(?: ?评论:?)?(?: .{0,20})?$"),
    rule(
        "qr_prompt",
        r"^(?:扫一扫|用手机扫描|手机扫码).{0,6}(?:手机|二维码|分享|阅读|打开).{0,10}$",
    ),
    rule("advert", r"^(?:广告|推广|AD|Advertisement)$", re.I),
    rule("prev_next", r"^(?:• )?(?:上一篇|下一篇|上一条|下一条)[:].{0,80}$"),
    rule("article_url", r"^(?:• )?本文(?:地址|链接)[:] ?\S+$"),
    rule("editor_line", r"^\(?(?:责任编辑|责编|编辑)[:] ?[^()\s,。]{1,20}\)?$"),
    rule("tags_line", r"^(?:关键词|关键字|标签|Tags?)[:] ?.{1,80}$", re.I),
    rule("print_close", r"^(?:\[?(?:打印|关闭|关闭窗口|返回顶部|收藏|字号|大 中 小)\]? ?){1,5}$"),
)
# A line of nothing but symbols ("▽▽", "•", "———"): decoration, never text.
SYMBOLS_ONLY = re.compile(r"^[\W_]+$")
# Counter widgets (views, comments, likes) render as a lone number; they are
# dropped only at the edges of the body, where widgets sit, since a lone
# number inside an article may be a section number.
COUNTER = rx(r"^(?:\d{1,7}|\d{1,7} ?(?:次|人|条评论|阅读))$")

# Fields that the shared rules read wherever they sit on the page.
URL_LINE = rx(r"^(?:• )?本文(?:地址|链接)[:] ?(?P<url>https?://\S+)$")
EDITOR_LINE = rx(r"^\(?(?:责任编辑|责编|编辑)[:] ?(?P<editor>[^()\s,。]{1,20})\)?$")
TAGS_LINE = rx(r"^(?:关键词|关键字|标签|Tags?)[:] ?(?P<tags>.{1,80})$", re.I)
TAG_SPLIT = re.compile(r"[\s,;、]+")

# Dates: "2020年02月02日07:07", "2022-10-08 10:10:06", "2020年01月29日".
DATE = r"(?P<date>\d{4}(?:年\d{1,2}月\d{1,2}日|[-/.]\d{1,2}[-/.]\d{1,2}))"
TIME = r"(?P<time>\d{1,2}:\d{2}(?::\d{2})?)"

# --- Per-site rules --------------------------------------------------------

SHANXIDAYUAN = SiteRules(
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
    # time, comment count, tags.
    meta=rx(
        r"^(?P<author>[^\s\d]\S{0,15}) (?:(?P<region>[^\s\d]\S{0,10}) )?"
        + DATE + " " + TIME + r"(?: (?P<comments>\d{1,7}))?(?: (?P<tags>.{1,80}))?$"
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

FISSICO = SiteRules(
    name="fissico",
    markers=(
        (rx(r"(?m)^您所在的位置: ?康巴传媒网"), 4),
        (rx(r"fissico\.com"), 2),
        (rx(r"康巴传媒网"), 1),
    ),
    # Copies add a keyword-spam line above the breadcrumb; spam rules take it.
    header=(rule("site_header", r"^康巴传媒网$"),),
    # "本網訊    2020年01月29日": the agency tag, then the date.
    meta=rx(r"^(?:(?P<source>[^\s\d:]{1,12}) )?" + DATE + r"(?: ?" + TIME + r")?$"),
    breadcrumb=rx(r"^您所在的位置: ?(?P<trail>.+)$"),
    breadcrumb_skip=("浏览文章", "正文", "首页"),
    stops=(
        rule("prev_next", r"^(?:• )?(?:上一篇|下一篇):"),
        rule("article_url", r"^(?:• )?本文地址: ?\S+$"),
    ),
)

SXNEWS = SiteRules(
    name="sxnews",
    markers=(
        (rx(r"(?m)^山西新闻网 ?>>"), 4),
        (rx(r"(?m)^主流媒体 ?山西门户$"), 4),
        (rx(r"sxrb\.com"), 2),
        (rx(r"山西新闻网"), 1),
    ),
    header=(
        rule("site_header", r"^(?:主流媒体 ?山西门户|山西新闻网|山西日报)$"),
    ),
    # "時間: 2020年02月02日07:07  來源:山西日報"
    meta=rx(r"^时间: ?" + DATE + r" ?" + TIME + r"?(?: ?来源: ?(?P<source>.{0,30}))?$"),
    breadcrumb=rx(r"^(?P<trail>山西新闻网 ?>> ?.+)$"),
    breadcrumb_skip=("正文",),
    stops=(
        rule("editor_line", r"^\((?:责任编辑|责编):.{1,20}\)$"),
        rule("recommended", r"^(?:推荐阅读|相关阅读|相关新闻)$"),
        rule("site_statement", r"^网站声明$"),
    ),
    drops=(rule("share_bar", r"^分享到:"),),
)

SITE_RULES: dict[str, SiteRules] = {r.name: r for r in (SHANXIDAYUAN, FISSICO, SXNEWS)}
# A page needs this much marker weight before it is taken as a site's.
SITE_MIN_SCORE = 2
# Where the breadcrumb separator may be typed either way.
BREADCRUMB_SEP = re.compile(r" ?(?:>>|»|>) ?")

# --- Guards ----------------------------------------------------------------

# A truncation at a trailing-chrome label that would keep less than this share
# of the prose below the headline is a false label hit: it is reverted.
GUARD_MIN_KEPT_SHARE = 0.10
# A single line rule may not delete more than this share of the body's prose.
GUARD_MAX_RULE_SHARE = 0.5
