"""SEO spam that mirrors inject: keyword-stuffed lines and place-name lists.

Both detectors look at the *shape* of a line as well as its words, so that an
article sentence that happens to name a county, use a ``|`` or mention a spam
word (a report on a porn crackdown) is not taken for spam.
"""

from __future__ import annotations

import re

from crawler.cleaning.rules import rx

# Words that only porn/gambling keyword stuffing puts together. Strong words
# almost never occur in news; weak ones do, and count only alongside strong ones.
STRONG_SPAM = rx(
    r"无码|有码|久久|一区|二区|三区|人妻|波多|中文字幕|日韩|欧美|国产精品|"
    r"三级片|午夜|偷拍|乱码|熟女|少妇|色欲|做爱|黄色网站|\bav\b|av(?=[\u3400-\u9fff])|"
    r"娱乐城|彩票网|百家乐|六合彩",
    re.I,
)
WEAK_SPAM = rx(
    r"亚洲|国产|精品|成人|福利|激情|丝袜|伦理|自拍|视频|免费|高清|在线|观看|美女|影院|"
    r"电影|下载|网站|赌场|博彩|系列"
)
# The marks of a written sentence: real prose ends clauses with these.
SENTENCE_MARK = re.compile(r"[。!?;“”《》]")
FRAGMENT_SPLIT = re.compile(r"[,、 |/_-]+")

# Place lists: "胶州市| 神农架林区| 曲麻莱县| 乐东| ...".
PLACE_SUFFIX = rx(r"[县市区州旗盟镇乡岛]$")
PLACE_ITEM = re.compile(r"^[\u3400-\u9fff]{2,8}$")
PLACE_MIN_ITEMS = 5


def _spam_score(line: str) -> tuple[int, int]:
    strong = {m.group(0).lower() for m in STRONG_SPAM.finditer(line)}
    weak = {m.group(0) for m in WEAK_SPAM.finditer(line)}
    return len(strong), len(weak)


def is_keyword_spam(line: str) -> bool:
    """A line of short keyword fragments stuffed with spam words."""
    if SENTENCE_MARK.search(line) or not STRONG_SPAM.search(line):
        return False
    strong, weak = _spam_score(line)
    # One strong word can be news ("打击午夜..."); stuffing piles them up.
    if strong < 3 and not (strong >= 2 and weak >= 2):
        return False
    fragments = [f for f in FRAGMENT_SPLIT.split(line) if f]
    # Stuffing is a run of short phrases; a long unbroken run is prose.
    return sum(len(f) for f in fragments) / max(len(fragments), 1) <= 16


def is_place_list(line: str) -> bool:
    """Five or more ``|``-joined bare place names, most with a place suffix."""
    items = [p.strip() for p in line.split("|")]
    items = [p for p in items if p]
    if len(items) < PLACE_MIN_ITEMS:
        return False
    names = [p for p in items if PLACE_ITEM.match(p)]
    if len(names) < 0.8 * len(items):
        return False
    return sum(1 for p in names if PLACE_SUFFIX.search(p)) >= 0.4 * len(names)


def spam_kind(line: str) -> str | None:
    """``keywords`` or ``places`` when ``line`` is injected spam, else ``None``."""
    if "|" in line and is_place_list(line):
        return "places"
    if is_keyword_spam(line):
        return "keywords"
    return None
