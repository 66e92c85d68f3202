"""A page as the extractor sees it: the DOM, its visible lines, its metadata,
and which lines sit in chrome (nav, related lists, comments …) or in article
furniture (info line, tags, captions).

Built once per page by :func:`load`; every later step reads it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from cssselect import SelectorError
from lxml.cssselect import CSSSelector

from crawler.cleaning.lines import BODY_STOPS, first_match, line_weight
from crawler.extract import rules as X
from crawler.extract.render import Line, element_lines, parse_document, text_content
from crawler.textnorm import (
    GLOSS_RE,
    NEUTRAL_GLOSS_MIN_TONED,
    collapse_spaces,
    fold_line,
    strip_glosses,
)

CHROME = 1
FURNITURE = 2
COMMENTS = 4  # chrome by a comment word: readers' comments, often longer than the article
# A container may be taken for chrome only while what stays holds this share
# of the page's prose: a rule that would delete most of the text is wrong here.
GUARD_MIN_KEPT = 0.25
# Scripts longer than this are libraries, not a page's own variables.
MAX_SCRIPT_SCAN = 20_000
# Readers' comments may outweigh the post they follow: their container goes
# as long as this much prose (about two short paragraphs) stays outside it.
COMMENTS_MIN_KEPT = 100.0
# A list item more link than this share is a link with its date or counter.
BULLET_MAX_LINK_SHARE = 0.25
# Eight or more space-separated words of at most six characters on average,
# without a sentence mark: a directory, not prose.
WORD_LIST_MIN_WORDS, WORD_LIST_MAX_MEAN = 8, 6

CLASS_SPLIT = re.compile(r"[-_\s]+")
JS_STRING = re.compile(r"""(["'])((?:\\.|(?!\1).){1,200})\1""")
HAS_CJK = re.compile(r"[\u3400-\u9fff]")
TAG_RE = re.compile(r"<[^>]*>")
LABEL_BEFORE_SCRIPT = re.compile(r"(?:来源|來源|作者|编辑|編輯|责编|責編|时间|時間)\s*[:：]\s*$")


NO_TOKENS: frozenset[str] = frozenset()


def class_tokens(el: Any) -> tuple[frozenset[str], frozenset[str]]:
    """(whole tokens, parts) of an element's class and id, lower-case."""
    cls, ident = el.get("class"), el.get("id")
    if not cls and not ident:
        return NO_TOKENS, NO_TOKENS  # most elements: nothing to split
    return _tokens(f"{cls or ''} {ident or ''}".lower())


# A site's pages repeat the same few hundred class strings: each is split once.
@lru_cache(maxsize=8192)
def _tokens(raw: str) -> tuple[frozenset[str], frozenset[str]]:
    return frozenset(raw.split()), frozenset(p for p in CLASS_SPLIT.split(raw) if p)


def _flags(el: Any) -> int:
    tag = el.tag.lower() if isinstance(el.tag, str) else ""
    return _flags_of(tag, el.get("class"), el.get("id"), el.get("itemprop") == "articleBody")


@lru_cache(maxsize=8192)
def _flags_of(tag: str, cls: str | None, ident: str | None, article_body: bool) -> int:
    """What the tag and the class words say an element is (they repeat on
    every page of a template, so each combination is judged once)."""
    if article_body:
        return 0
    if not cls and not ident:
        # No class words: only the tag can say what it is.
        return (CHROME if tag in X.CHROME_TAGS else 0) | (
            FURNITURE if tag in X.FURNITURE_TAGS else 0)
    raw = f"{cls or ''} {ident or ''}".lower()
    whole, parts = _tokens(raw)
    if X.ARTICLE_HINTS.search(f" {raw}"):
        return 0
    flags = 0
    if tag in X.CHROME_TAGS or parts & X.CHROME_PART_WORDS or whole & X.CHROME_WHOLE_WORDS:
        flags |= CHROME
        if parts & X.COMMENT_WORDS:
            flags |= COMMENTS
    if (tag in X.FURNITURE_TAGS or parts & X.FURNITURE_PART_WORDS
            or whole & X.FURNITURE_WHOLE_WORDS or _caption(whole, parts)):
        flags |= FURNITURE
    return flags


def _caption(whole: frozenset[str], parts: frozenset[str]) -> bool:
    return bool(parts & X.CAPTION_PART_WORDS or whole & X.CAPTION_WHOLE_WORDS)


def _own_lines(el: Any) -> bool:
    """Whether an inline element starts lines of its own: a caption does (it
    sits inline in <br> bodies); an info line's spans (a comment count, a
    time) do not, or the line would no longer read as one."""
    # class_tokens answers an element without class or id at once (most are).
    return _caption(*class_tokens(el))


def prose_weight(line: Line) -> float:
    """How much article prose a line holds: its weight when it reads like a
    sentence (punctuated, or long) and is not mostly link text. A list item
    that is partly a link (a thread's reply list, a related story with its
    date) and a long unpunctuated run of short words (a directory of
    departments or places) are no prose."""
    if line.link_share > 0.5 or (line.bullet and line.link_share > BULLET_MAX_LINK_SHARE):
        return 0.0
    weight = line_weight(line.text)
    punctuated = X.SENTENCE_PUNCT.search(line.text) is not None
    if (weight >= 8 and punctuated) or weight >= 40:
        if not punctuated and _word_list(line.text):
            return 0.0
        return weight * (1.0 - line.link_share)
    return 0.0


def _word_list(text: str) -> bool:
    words = text.split()
    return len(words) >= WORD_LIST_MIN_WORDS and \
        sum(map(len, words)) <= WORD_LIST_MAX_MEAN * len(words)


@dataclass
class PageDom:
    root: Any
    lines: list[Line]
    metas: dict[str, str]
    title_tag: str
    jsonld: dict[str, str]
    prose: list[float] = field(default_factory=list)  # per line
    chrome_roots: set[int] = field(default_factory=set)  # ids of pruned chrome elements
    furniture_roots: set[int] = field(default_factory=set)
    hidden_date: str | None = None  # a date in a script or CMS comment, as written
    reverted: int = 0  # noise rules the guard reverted
    glossed: bool = False  # a mirror's page with pinyin glosses after characters
    glosses: int = 0  # glosses removed from the lines
    # Every element, held for the page's life: lxml makes a new Python proxy
    # (with a new id) for a node whose proxy was collected, and the caches
    # here are keyed by id.
    elements: list[Any] = field(default_factory=list)
    _kind: dict[int, int] = field(default_factory=dict)
    index: dict[int, int] = field(default_factory=dict)  # id(line) -> position

    def kind(self, el: Any) -> int:
        """CHROME / FURNITURE bits of the nearest pruned ancestors of ``el``."""
        key = id(el)
        hit = self._kind.get(key)
        if hit is not None:
            return hit
        flags = 0
        if key in self.chrome_roots:
            flags |= CHROME
        if key in self.furniture_roots:
            flags |= FURNITURE
        parent = el.getparent()
        if parent is not None:
            flags |= self.kind(parent)
        self._kind[key] = flags
        return flags

    def line_kind(self, line: Line) -> int:
        return line.kind  # set for every line once the page is classified

    def position(self, line: Line) -> int:
        return self.index[id(line)]


def select(page: PageDom, selectors: tuple[str, ...]) -> list[Any]:
    """Elements a site's CSS selectors match, in selector order. A selector a
    site description gets wrong matches nothing instead of failing the page."""
    found: list[Any] = []
    for selector in selectors:
        compiled = _compiled(selector)
        if compiled is not None:
            found += compiled(page.root)
    return found


@lru_cache(maxsize=512)
def _compiled(selector: str) -> CSSSelector | None:
    """A selector compiled to XPath once per process (``None`` when invalid)."""
    try:
        return CSSSelector(selector, translator="html")
    except SelectorError:
        return None


def _metas(root: Any) -> dict[str, str]:
    out: dict[str, str] = {}
    for meta in root.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        content = fold_line(meta.get("content") or "")  # no controls, no U+FFFD
        if key and content and key not in out:
            out[key] = content
    return out


def _jsonld(root: Any) -> dict[str, str]:
    for script in root.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json" or not script.text:
            continue
        try:
            data: Any = json.loads(script.text)
        except ValueError:
            continue
        for item in data if isinstance(data, list) else [data]:
            if isinstance(item, dict) and (item.get("headline") or item.get("datePublished")):
                return {k: str(item[k]) for k in ("headline", "datePublished") if item.get(k)}
    return {}


def _hidden_date(html: str, root: Any) -> str | None:
    """A publication date the page holds but does not show (a CMS comment,
    a script variable), as written there."""
    if "enpproperty" in html:
        m = X.ENP_DATE.search(html)
        if m:
            return m["date"].strip()
    for script in root.iter("script"):
        code = script.text
        if code and len(code) <= MAX_SCRIPT_SCAN and ("ate" in code or "ime" in code):
            m = X.SCRIPT_DATE.search(code)
            if m:
                return m["date"].strip()
    return None


def _rescue_script_values(root: Any) -> None:
    """A value a script writes right after its label (``来源：<script>…
    document.write("山西日报")</script>``) becomes visible text; any other script
    output stays invisible."""
    for script in list(root.iter("script")):
        code = script.text or ""
        if "document.write" not in code and "var " not in code:
            continue
        previous = script.getprevious()
        before = (previous.tail if previous is not None else script.getparent().text) or ""
        if previous is not None and not before.strip():
            before = text_content(previous) if not len(previous) else ""
        if not LABEL_BEFORE_SCRIPT.search(before):
            continue
        values = [TAG_RE.sub("", m.group(2)).strip() for m in JS_STRING.finditer(code)]
        values = [v for v in values if HAS_CJK.search(v) and "(" not in v and "=" not in v]
        if values:
            script.tail = values[0] + (script.tail or "")


def _strip_glosses(lines: list[Line]) -> tuple[bool, int]:
    """Pinyin glosses off every line, once: every later step reads clean text.
    Whether the page glosses at all is decided over the whole page."""
    toned = 0
    for line in lines:  # counted only until the page is known to gloss
        if "(" in line.text:
            toned += len(GLOSS_RE.findall(line.text))
            if toned >= NEUTRAL_GLOSS_MIN_TONED:
                break
    glossed = toned >= NEUTRAL_GLOSS_MIN_TONED
    removed = 0
    for line in lines:
        if "(" in line.text or "?" in line.text:
            text, n = strip_glosses(line.text, glossed=glossed)
            if n:
                line.text = collapse_spaces(text)
                removed += n
    return glossed, removed


def _labelled_chrome(lines: list[Line], totals: dict[int, float],
                     site: str | None) -> set[int]:
    """Containers that a trailing label opens (``<div><h4>网站声明</h4><p>…``,
    ``推荐阅读``, ``版权声明``): the outermost element, up to three levels above
    the label's block, whose first line the label is, and which holds no more
    prose than the element below it (a related box at the top of the page's
    main column opens the box, not the column)."""
    stops = BODY_STOPS[site if site in BODY_STOPS else None]
    first_line: dict[int, int] = {}
    for i, line in enumerate(lines):
        el = line.block
        while el is not None and id(el) not in first_line:
            first_line[id(el)] = i
            el = el.getparent()
    out: set[int] = set()
    for i, line in enumerate(lines):
        name = first_match(stops, line.text) if len(line.text) <= 24 else None
        if name is None or name == "editor_line":
            continue
        el, found = line.block, None
        for _ in range(3):
            parent = el.getparent()
            if parent is None or parent.tag in ("body", "html") or first_line.get(id(parent)) != i:
                break
            if found is not None and totals.get(id(parent), 0.0) > totals.get(id(el), 0.0):
                break  # the parent holds prose besides what the label opens
            el = found = parent
        if found is not None:
            out.add(id(found))
    return out


def load(html: str, site: str | None = None) -> PageDom | None:
    """Parse a decoded page; ``None`` when there is no document at all."""
    root = parse_document(html)
    if root is None:
        return None
    elements = list(root.iter())
    metas = _metas(root)
    title_el = root.find(".//title")
    title_tag = fold_line(text_content(title_el)) if title_el is not None else ""
    jsonld = _jsonld(root)
    hidden_date = _hidden_date(html, root)
    _rescue_script_values(root)
    # An inline element marked as chrome or furniture (a caption <span>) gets
    # lines of its own, so that it can be told apart from the text around it.
    lines = element_lines(root, decode_emails=True, cells_as_blocks=True,
                          block_when=_own_lines)
    glossed, glosses = _strip_glosses(lines)
    page = PageDom(root, lines, metas, title_tag, jsonld, hidden_date=hidden_date,
                   glossed=glossed, glosses=glosses, elements=elements)
    page.index = {id(line): i for i, line in enumerate(lines)}
    page.prose = [prose_weight(line) for line in lines]
    totals = _prose_totals(lines, page.prose)
    _classify(page, _labelled_chrome(lines, totals, site), totals)
    for line in lines:
        line.kind = page.kind(line.block)
    return page


def _prose_totals(lines: list[Line], prose: list[float]) -> dict[int, float]:
    """The prose weight every element holds, by id (elements holding none are absent)."""
    totals: dict[int, float] = {}
    for line, weight in zip(lines, prose, strict=True):
        if not weight:
            continue
        el = line.block
        while el is not None:
            totals[id(el)] = totals.get(id(el), 0.0) + weight
            el = el.getparent()
    return totals


def _classify(page: PageDom, labelled: set[int], totals: dict[int, float]) -> None:
    """Mark chrome and furniture containers, outermost first, each guarded;
    ``totals``: ``_prose_totals`` of the page."""
    total = sum(page.prose)
    floor = GUARD_MIN_KEPT * total
    removed = 0.0

    def visit(el: Any, counted: bool) -> None:
        # ``counted``: an ancestor's prose was already taken off the page.
        nonlocal removed
        if not isinstance(el.tag, str):
            return
        if id(el) in labelled and not counted:
            # Opened by a trailing label (网站声明): chrome whatever it holds; on
            # a video page it holds most of the prose, and is still no article.
            removed += totals.get(id(el), 0.0)
            page.chrome_roots.add(id(el))
            return
        flags = _flags(el) if el.tag not in ("html", "body") else 0
        if flags:
            weight = 0.0 if counted else totals.get(id(el), 0.0)
            kept = min(floor, COMMENTS_MIN_KEPT) if flags & COMMENTS else floor
            if total - removed - weight >= kept or weight == 0 \
                    or el.tag in X.UNGUARDED_TAGS:
                removed += weight
                counted = True
                if flags & FURNITURE:
                    page.furniture_roots.add(id(el))
                if flags & CHROME:
                    page.chrome_roots.add(id(el))
                    return  # nothing below chrome matters
            else:
                page.reverted += 1
        for child in el:
            visit(child, counted)

    visit(page.root, False)
