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
from dataclasses import dataclass
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


# --- Shared rules: every page, known site or not ---------------------------

# The label of the line where a page states its own URL: dropped as chrome
# (``SHARED_DROPS``) and read as the record's ``url`` (``URL_LINE``).
ARTICLE_URL_LABEL = r"^(?:• )?本文(?:地址|链接)[:] ?"

# Chrome that any of the sites (and most Chinese news templates) print.
SHARED_DROPS: tuple[LineRule, ...] = (
    rule("share_bar", r"^分享到:?(?: ?评论:?)?(?: .{0,20})?$"),
    rule(
        "qr_prompt",
        r"^(?:扫一扫|用手机扫描|手机扫码).{0,6}(?:手机|二维码|分享|阅读|打开).{0,10}$",
    ),
    rule("advert", r"^(?:广告|推广|AD|Advertisement)$", re.I),
    rule("prev_next", r"^(?:• )?(?:上一篇|下一篇|上一条|下一条)[:].{0,80}$"),
    rule("article_url", ARTICLE_URL_LABEL + r"\S+$"),
    rule("editor_line", r"^\(?(?:责任编辑|责编|编辑)[:] ?[^()\s,。]{1,20}\)?$"),
    rule("tags_line", r"^(?:关键词|关键字|标签|Tags?)[:] ?.{1,80}$", re.I),
    rule("print_close", r"^(?:\[?(?:打印|关闭|关闭窗口|返回顶部|收藏|字号|大 中 小)\]? ?){1,5}$"),
    # An article's own pager: "第1页/共3页 << 上一页 | 1 | 2 | 3 | 下一页 >>".
    # Each token is followed by a separator or the end, so a run of digits or
    # spaces has one reading (no backtracking blow-up on long lines).
    rule("pager", r"^(?=.*(?:上一页|下一页|第 ?\d+ ?页))[\s<>«»|/\[\]]*"
                  r"(?:(?:第 ?\d+ ?页|共 ?\d+ ?页|上一页|下一页|首页|尾页|末页|\d{1,4})"
                  r"(?:[\s<>«»|/\[\]]+|$))+$"),
)
# Furniture above the headline on any site: the day the page was served.
SHARED_HEADER: tuple[LineRule, ...] = (
    rule("date_widget",
         r"^(?:今天是)?\d{4}年\d{1,2}月\d{1,2}日 ?(?:星期|周|礼拜)[一二三四五六日天]$"),
)
# The body's trailing chrome on any template: the body ends at the first.
SHARED_STOPS: tuple[LineRule, ...] = (
    rule("recommended", r"^(?:相关新闻|相关阅读|相关文章|相关链接|相关报道|相关专题|推荐阅读|"
                        r"延伸阅读|热点排行|热门推荐|点击排行|精彩推荐|编辑推荐|猜你喜欢|热门文章|"
                        r"最新文章|图片新闻)(?: ?:)?$"),
    rule("comment_form", r"^(?:网友评论|发表评论|我要评论)$"),
    rule("site_statement", r"^(?:网站声明|免责声明)(?:$|:)"),
)
# A line of nothing but symbols ("▽▽", "•", "———"): decoration, never text.
SYMBOLS_ONLY = re.compile(r"^[\W_]+$")
# Counter widgets (views, comments, likes) render as a lone number; they are
# dropped only at the edges of the body, where widgets sit, since a lone
# number inside an article may be a section number.
COUNTER = rx(r"^(?:\d{1,7}|\d{1,7} ?(?:次|人|条评论|阅读))$")

# Fields that the shared rules read wherever they sit on the page.
URL_LINE = rx(ARTICLE_URL_LABEL + r"(?P<url>https?://\S+)$")
EDITOR_LINE = rx(r"^\(?(?:责任编辑|责编|编辑)[:] ?(?P<editor>[^()\s,。]{1,20})\)?$")
TAGS_LINE = rx(r"^(?:关键词|关键字|标签|Tags?)[:] ?(?P<tags>.{1,80})$", re.I)
# Tags in a flat-text tags or meta line (folded, one space between words).
# Not "|", unlike the DOM extractor's DOM_TAG_SEP (crawler.extract.rules);
# kept apart so that neither reader's records change.
TEXT_TAG_SEP = re.compile(r"[\s,;、]+")

# Dates: "2020年02月02日07:07", "2022-10-08 10:10:06", "2020年01月29日".
DATE = r"(?P<date>\d{4}(?:年\d{1,2}月\d{1,2}日|[-/.]\d{1,2}[-/.]\d{1,2}))"
TIME = r"(?P<time>\d{1,2}:\d{2}(?::\d{2})?)"

# The info line of any site, read when the site's own meta line is not found:
# "时间:2019年08月13日 10:22 来源:山西晚报".
SHARED_META = rx(r"^(?:时 ?间|发布时间|日 ?期|发布日期): ?" + DATE + r" ?" + TIME
                 + r"?(?: ?来 ?源: ?(?P<source>\S{1,30}))?(?: ?作 ?者: ?(?P<author>\S{1,20}))?$")

# A page needs this much marker weight before it is taken as a site's.
SITE_MIN_SCORE = 2
# The separators of a known site's flat-text breadcrumb (SiteRules.breadcrumb),
# where the separator may be typed either way. Narrower than the DOM
# extractor's DOM_BREADCRUMB_SEP (any template's: also / \ › →); kept apart
# so that neither reader's records change.
TEXT_BREADCRUMB_SEP = re.compile(r" ?(?:>>|»|>) ?")

# --- Guards ----------------------------------------------------------------

# A truncation at a trailing-chrome label that would keep less than this share
# of the prose below the headline is a false label hit: it is reverted.
GUARD_MIN_KEPT_SHARE = 0.10
# A single line rule may not delete more than this share of the body's prose.
GUARD_MAX_RULE_SHARE = 0.5
