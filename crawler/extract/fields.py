"""The record's fields, each from several independent signals.

- title: the page's lines scored on their agreement with ``<title>`` (site name
  cut) and ``og:title``-style metadata, their heading tag or title class, how
  close they sit above the body and whether the date line follows them; never
  a site, column, nav or login string;
- date: the info line near the headline, meta tags and ``<time>``, labelled
  dates; a today's-date widget, link lines (related lists) and impossible
  dates are never taken; the time is kept when printed;
- labelled fields (author, editor, source, region) from ``label: value``
  anywhere in the article's region, and the site's own meta line;
- category from the breadcrumb, tags from tag labels and tag containers.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any, NamedTuple
from urllib.parse import urlsplit

from crawler.cleaning.lines import line_weight, meta_fields
from crawler.cleaning.rules import rx
from crawler.cleaning.script import convert
from crawler.dates import BEIJING, MIN_YEAR, beijing_iso, parse_moment, plausible_day
from crawler.extract import rules as X
from crawler.extract.dom import CHROME, FURNITURE, PageDom, class_tokens, select
from crawler.extract.render import Line, text_content
from crawler.sites.base import Site
from crawler.textnorm import fold_line

# How far around the headline the info line is looked for, in lines.
INFO_BEFORE, INFO_AFTER = 2, 8
MIN_TITLE_SCORE = 2.0
# How many lines above the body the last-resort headline is looked for.
HEADING_REACH = 4
# How many lines under the body a post footer's date is looked for.
FOOTER_LINES = 2

_LABELS = sorted({*(label for label, _ in X.FIELD_LABELS), *X.OTHER_LABELS}, key=len,
                 reverse=True)
# Labels are glued to the value before them as often as not ("…09:32来源:长治日报",
# "…山西新闻网作者:王海滨"): a label is known by its colon, longest label first.
LABEL_RE = rx(r"(?P<label>" + "|".join(map(re.escape, _LABELS)) + r")" + X.LABEL_SEP)
FIELD_OF = dict(X.FIELD_LABELS)


# --- dates -----------------------------------------------------------------------


@dataclass(frozen=True)
class Stamp:
    day: dt.date
    time: dt.time | None
    # Read month first from "06/02/2022", which a European template means day
    # first: metadata of the page outranks it.
    ambiguous: bool = False

    def iso(self) -> str:
        return beijing_iso(self.day, self.time)


def _stamp(m: re.Match[str]) -> Stamp | None:
    day = plausible_day(m["y"], m["m"], m["d"])
    if day is None:
        return None
    if m["H"] is None:
        return Stamp(day, None)
    hour = int(m["H"])
    ampm = (m.groupdict().get("ampm") or "").lower()
    if ampm == "pm" and hour < 12:
        hour += 12  # "17:19PM" already counts in 24 hours
    elif ampm == "am" and hour == 12:
        hour = 0
    try:
        clock = dt.time(hour, int(m["M"]), int(m["S"] or 0))
    except ValueError:
        return Stamp(day, None)
    return Stamp(day, clock)


def dates_in(text: str, split_form: bool = False) -> list[Stamp]:
    if "19" not in text and "20" not in text:
        return []  # every date form starts with its year (most lines hold none)
    found = [s for m in X.DATE_TIME.finditer(text) if (s := _stamp(m))]
    if not found and split_form:
        found = [s for m in X.SPLIT_DATE_TIME.finditer(text) if (s := _stamp(m))]
    if not found and "/" in text:
        found = [dataclasses.replace(s, ambiguous=s.day.day <= 12 and s.day.day != s.day.month)
                 for m in X.US_DATE_TIME.finditer(text) if (s := _stamp(m))]
    return found


def meta_stamp(value: str) -> Stamp | None:
    """A date from a meta tag: ISO 8601 (any offset, moved to Beijing time) or
    the printed forms."""
    value = value.strip()
    try:
        moment = parse_moment(value)
    except ValueError:
        found = dates_in(value)
        return found[0] if found else None
    if moment.tzinfo is not None:
        moment = moment.astimezone(BEIJING)
    if not MIN_YEAR <= moment.year <= dt.date.today().year + 1:
        return None
    has_time = "T" in value or ":" in value
    return Stamp(moment.date(), moment.time().replace(microsecond=0) if has_time else None)


def is_widget(text: str) -> bool:
    """The day the page was served (``2025年6月2日 星期一``), not a publication date."""
    return X.DATE_WIDGET.search(text) is not None


# --- helpers ---------------------------------------------------------------------


def similarity(a: str, b: str, floor: float = 0.0) -> float:
    """Longest common substring over the longer length: 1.0 for equal strings.

    Below ``floor`` the exact value does not matter to the caller and 0.0 is
    returned without the quadratic match: the common part can be no longer
    than the shorter string, so a length ratio under ``floor`` settles it."""
    if not a or not b:
        return 0.0
    short, long_ = sorted((len(a), len(b)))
    if short / long_ < floor:
        return 0.0
    if a in b or b in a:
        return short / long_
    if floor > 0:
        # Reaching the floor takes a common run of about floor × long_
        # characters: when no such window of ``a`` is in ``b`` (most lines
        # against a headline), the quadratic match is not needed. One less
        # than the bound, so rounding never turns a pass into a miss.
        need = max(1, math.ceil(floor * long_) - 1)
        if need <= len(a) and not any(a[i:i + need] in b for i in range(len(a) - need + 1)):
            return 0.0
    match = SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b))
    ratio = match.size / long_
    return ratio if ratio >= floor else 0.0


def compact(text: str) -> str:
    return "".join(text.split())  # str.split() splits on what \s matches


@dataclass
class Context:
    """What the field finders share about one page."""

    page: PageDom
    site: Site | None
    # Positions in page.lines of the body's first line that reads as prose
    # (the container may start above the headline) and of its last line.
    body_first: int
    body_last: int
    names: set[str] = field(default_factory=set)  # site names, as pages print them
    crumbs: list[str] = field(default_factory=list)

    def lines_between(self, start: int, end: int) -> list[tuple[int, Line]]:
        lines = self.page.lines
        return [(i, lines[i]) for i in range(max(0, start), min(len(lines), end))
                if not self.page.line_kind(lines[i]) & CHROME]

    def tail(self, count: int = 12) -> list[tuple[int, Line]]:
        """The body and the lines after it, up to ``count`` lines that are not
        furniture (captions and tags below a photo story do not use it up)."""
        out = self.lines_between(self.body_first, self.body_last + 1)
        left = count
        for i, line in self.lines_between(self.body_last + 1, len(self.page.lines)):
            out.append((i, line))
            if not self.page.line_kind(line) & FURNITURE:
                left -= 1
                if not left:
                    break
        return out

    def is_site_name(self, text: str) -> bool:
        t = compact(text)
        return any(t == n or (n in t and len(t) <= len(n) + 4) for n in self.names)


# --- title -------------------------------------------------------------------------


def title_tag_parts(ctx: Context) -> tuple[str | None, list[str]]:
    """The headline part of ``<title>`` and the parts that name the site."""
    parts = [p.strip() for p in X.TITLE_SEPARATORS.split(ctx.page.title_tag) if p.strip()]
    site_parts = [p for p in parts if ctx.is_site_name(p) or X.SITE_NAME_SHAPE.match(p)]
    rest = [p for p in parts if p not in site_parts]
    if not rest:
        return None, site_parts
    return max(rest, key=len), site_parts


def meta_title(page: PageDom) -> str | None:
    for key in ("og:title", "twitter:title", "articletitle", "title", "dc.title", "headline"):
        if page.metas.get(key):
            return fold_line(page.metas[key])
    headline = page.jsonld.get("headline")
    return fold_line(headline) if headline else None


def _heading(el: Any) -> float:
    tag = el.tag.lower() if isinstance(el.tag, str) else ""
    return X.HEADING_WEIGHT.get(tag, 0.0)


def _title_class(el: Any) -> bool:
    for node in (el, el.getparent()):
        if node is None:
            continue
        whole, _parts = class_tokens(node)
        if whole & X.TITLE_WORDS:
            return True
    return False


def _selected(page: PageDom, selectors: tuple[str, ...]) -> set[int]:
    """Ids of the elements below what the selectors match."""
    return {id(e) for el in select(page, selectors) for e in el.iter()}


def _is_info_line(text: str) -> bool:
    # A label ends in a colon (lines are width-folded: "：" reads ":").
    return bool(dates_in(text, split_form=True) or (":" in text and LABEL_RE.search(text)))


def find_title(ctx: Context) -> tuple[str | None, int | None]:
    page = ctx.page
    hint, site_parts = title_tag_parts(ctx)
    ctx.names.update(compact(p) for p in site_parts)
    meta = meta_title(page)
    if meta:
        meta = X.TITLE_SEPARATORS.split(meta)[0] if X.TITLE_SEPARATORS.search(meta) else meta
    chosen = _selected(page, ctx.site.selectors.title) if ctx.site else set()
    crumbs = {compact(c) for c in ctx.crumbs}
    lines = page.lines
    hint_c, meta_c = compact(hint) if hint else "", compact(meta) if meta else ""
    info: dict[str, bool] = {}  # a line's text -> is an info line (asked up to 4 times each)

    def is_info(text: str) -> bool:
        if text not in info:
            info[text] = _is_info_line(text)
        return info[text]

    best: tuple[float, int] | None = None
    for i, line in ctx.lines_between(0, ctx.body_last + 1):
        text = line.text.removeprefix("  • ").strip()
        text_c = compact(text)
        size = len(text_c)
        if not X.TITLE_MIN_CHARS <= size <= X.TITLE_MAX_CHARS:
            continue
        if X.NOT_A_TITLE.match(text) or ctx.is_site_name(text) or text_c in crumbs:
            continue
        # Below 0.5 a similarity adds nothing to the score and is below 0.9.
        sim_title = similarity(text_c, hint_c, floor=0.5)
        sim_meta = similarity(text_c, meta_c, floor=0.5)
        score = 4.0 * sim_title * (sim_title >= 0.5) + 3.0 * sim_meta * (sim_meta >= 0.5)
        score += _heading(line.block) + 2.0 * _title_class(line.block)
        score += 3.0 * (id(line.block) in chosen)
        similar = max(sim_title, sim_meta)
        if is_info(text) and similar < 0.9:
            continue  # a line of labels or dates is never the headline
        above_info = any(is_info(lines[j].text) for j in range(i + 1, min(len(lines), i + 4))
                         if not lines[j].kind & CHROME)
        if score == 0 and not (above_info and i < ctx.body_first):
            continue
        distance = ctx.body_first - i
        if distance > 0:
            score += 2.0 * max(0.0, 1.0 - distance / 12)
        elif i <= ctx.body_first + 1:
            score += 1.0
        else:
            score -= 2.0
        if above_info:
            score += 1.5
        if line.link_share > 0.5 and similar < 0.9:
            score -= 2.0
        if line.bullet:
            score -= 1.5
        if text.endswith("。") or size > 60:
            score -= 1.0
        if best is None or score > best[0]:
            best = (score, i)
    if best is not None and best[0] >= MIN_TITLE_SCORE:
        return lines[best[1]].text.removeprefix("  • ").strip(), best[1]
    for fallback in (hint, meta):
        if fallback and not ctx.is_site_name(fallback):
            return fallback, None
    return strongest_heading(ctx)


def confirmed_title(ctx: Context, title: str) -> bool:
    """The page names the headline in ``<title>`` or its metadata too."""
    hint, _site_parts = title_tag_parts(ctx)
    meta = meta_title(ctx.page)
    title_c = compact(title)
    return any(other and similarity(title_c, compact(other), floor=0.9) >= 0.9
               for other in (hint, meta))


def _headed(el: Any) -> float:
    """How strongly an element (or its parent) is marked as a heading: its
    tag, or a class naming a title in any spelling (``postTitle``, ``art_bt``)."""
    spelled = any("title" in token for node in (el, el.getparent()) if node is not None
                  for token in class_tokens(node)[0])
    return _heading(el) + 2.0 * (spelled or _title_class(el))


def strongest_heading(ctx: Context) -> tuple[str | None, int | None]:
    """The last resort when neither the lines' scores nor ``<title>`` nor
    the metadata give a headline (pages without a ``<title>``, blogs whose
    headline is a link): the strongest heading close above the body, else
    the title-length line right above it."""
    lines = ctx.page.lines
    best: tuple[float, int] | None = None
    seen = 0
    for i in range(min(ctx.body_first, len(lines)) - 1, -1, -1):
        line = lines[i]
        if line.kind & CHROME:
            continue
        seen += 1
        if seen > HEADING_REACH:
            break
        text = line.text.removeprefix("  • ").strip()
        size = len(compact(text))
        if not X.TITLE_MIN_CHARS <= size <= X.TITLE_MAX_CHARS or text.endswith("。"):
            continue
        if X.NOT_A_TITLE.match(text) or ctx.is_site_name(text) or _is_info_line(text):
            continue
        # Closer lines win among equal headings; a plain line only when right above.
        score = _headed(line.block) + 1.0 / seen
        if (score > 1.0 or seen == 1) and (best is None or score > best[0]):
            best = (score, i)
    if best is None:
        return None, None
    return lines[best[1]].text.removeprefix("  • ").strip(), best[1]


def find_subtitle(ctx: Context, title_at: int | None) -> list[str]:
    """Deck lines printed with the headline: a kicker right above it, and lines
    between it and the info line or body."""
    if title_at is None:
        return []
    lines = ctx.page.lines
    title_block = lines[title_at].block
    family = {id(title_block), id(title_block.getparent())}

    def deck(line: Line) -> bool:
        text = line.text
        if line.link_share > 0.5 or line.bullet or line_weight(text) > 80:
            return False
        if _is_info_line(text) or X.SUMMARY_LINE.match(text) or X.NOT_A_TITLE.match(text):
            return False
        if ctx.is_site_name(text) or X.SHARE_LINE.match(text) or is_widget(text):
            return False
        block = line.block
        related = id(block.getparent()) in family or id(block) in family
        whole, parts = class_tokens(block)
        marked = bool(parts & X.SUBTITLE_WORDS or whole & X.SUBTITLE_WORDS)
        return (_heading(block) > 0 or marked) and (related or marked)

    out: list[str] = []
    before = ctx.lines_between(title_at - 1, title_at)
    if before and before[0][1].block is not title_block and deck(before[0][1]):
        out.append(before[0][1].text)
    for _i, line in ctx.lines_between(title_at + 1, min(ctx.body_first, title_at + 5)):
        if line.block is title_block and not deck(line):
            continue
        if not deck(line):
            break
        out.append(line.text)
    return out


class Dated(NamedTuple):
    """A record's date and where it came from (the record's ``date_source``)."""

    value: str | None
    source: str | None  # printed | meta | script | url (the spiders add listing)
    # The info line the printed date was read from (near the headline): its
    # block's tag and class are part of the page's template shape.
    line: Line | None = None


NO_DATE = Dated(None, None)


def find_date(ctx: Context, title_at: int | None, url: str | None = None) -> Dated:
    """The publication date, strongest signal first: printed on the page (the
    info line near the headline, a labelled date, a post footer), the page's
    metadata (meta tags, JSON-LD, ``<time>``), a date the HTML holds but does
    not show (a script variable, the People's Daily/Founder ``enpproperty``
    comment), the URL's date path. Printed beats meta; meta lends its time to
    a printed date of the same day."""
    anchor = title_at if title_at is not None else ctx.body_first
    printed: Stamp | None = None
    info: Line | None = None
    for _i, line in ctx.lines_between(anchor - INFO_BEFORE, max(anchor + INFO_AFTER,
                                                                ctx.body_first + 2)):
        if line.link_share > 0.5 or is_widget(line.text):
            continue
        found = dates_in(line.text, split_form=True)
        if found:
            printed, info = found[0], line
            break
    meta: Stamp | None = None
    for key in X.META_DATE_KEYS:
        if ctx.page.metas.get(key) and (meta := meta_stamp(ctx.page.metas[key])):
            break
    if meta is None and ctx.page.jsonld.get("datePublished"):
        meta = meta_stamp(ctx.page.jsonld["datePublished"])
    if meta is None:
        for el in ctx.page.root.iter("time"):
            if el.get("datetime") and not ctx.page.kind(el) & CHROME:
                meta = meta_stamp(el.get("datetime"))
                if meta:
                    break
    if printed is None:
        printed = _labelled_date(ctx)
    if printed is None and meta is None:
        printed = _footer_date(ctx)
    if printed is None or (printed.ambiguous and meta is not None):
        if meta is not None:
            return Dated(meta.iso(), "meta")
        hidden = meta_stamp(ctx.page.hidden_date) if ctx.page.hidden_date else None
        if hidden is not None:
            return Dated(hidden.iso(), "script")
        from_url = url_date(url) if url else None
        return Dated(from_url.iso(), "url") if from_url else NO_DATE
    if meta is not None and meta.day == printed.day and printed.time is None:
        return Dated(meta.iso(), "printed", info)
    return Dated(printed.iso(), "printed", info)


def url_date(url: str) -> Stamp | None:
    """A date the URL's path spells as folders (``/2024/0515/``, ``/20240515/``,
    ``/2024-05/15/``) or as a TRS file name (``t20240515_123.html``); a bare
    number that is a file name is an id, never a date."""
    path = urlsplit(url).path
    m = X.URL_DATE.search(path)
    if m is None:
        return None
    day = (plausible_day(m["y"], m["m"], m["d"]) if m["y"]
           else plausible_day(m["ty"], m["tm"], m["td"]))
    return Stamp(day, None) if day else None


def _footer_date(ctx: Context) -> Stamp | None:
    """A blog's or forum's post footer right under the body
    (``zboygirl 阅读(1660) 评论(5) 2005-07-31 12:30``)."""
    for _i, line in ctx.lines_between(ctx.body_last + 1, ctx.body_last + 1 + FOOTER_LINES):
        if line.link_share > 0.5 or is_widget(line.text) or line_weight(line.text) > 80:
            continue
        found = dates_in(line.text, split_form=True)
        if found:
            return found[0]
    return None


def _labelled_date(ctx: Context) -> Stamp | None:
    for _i, line in ctx.lines_between(0, len(ctx.page.lines)):
        if line.link_share > 0.5 or is_widget(line.text):
            continue
        for m in X.DATE_TIME.finditer(line.text):
            if X.DATE_LABEL.search(line.text[: m.start()]) and (stamp := _stamp(m)):
                return stamp
    return None


# --- labelled fields ------------------------------------------------------------------

VALUE_TAIL = re.compile(r"\s*(?:\d{4}[-/.年].*|\d{1,2}:\d{2}.*)$")
# A counter or action printed after a byline without a colon ("作者:张三 阅读(1660)").
VALUE_COUNTER = rx(r"\s+(?:阅读|浏览|评论|点击|编辑|人气|收藏|打印)$")


def label_values(text: str) -> list[tuple[str, str]]:
    """``(field, value)`` of every field label in a line (others only end values)."""
    out: list[tuple[str, str]] = []
    if ":" not in text:
        return out  # every label ends in a colon
    matches = list(LABEL_RE.finditer(text))
    for n, m in enumerate(matches):
        kind = FIELD_OF.get(convert(m["label"], "hans"))
        if kind is None:
            continue
        end = matches[n + 1].start() if n + 1 < len(matches) else len(text)
        value = text[m.end():end]
        value = X.VALUE_STOP.split(value, maxsplit=1)[0] if value else ""
        value = VALUE_COUNTER.sub("", VALUE_TAIL.sub("", value)).strip(" ()[]【】·•|,")
        if value and len(value) <= 30 and not X.MARKUP_DEBRIS.search(value):
            out.append((kind, value))
    return out


def _prose_sentence(text: str) -> bool:
    """A sentence, not an info line: a label in it ("凡本网注明“来源:…”的稿件…。")
    is no field."""
    return bool(X.SENTENCE_END.search(text)) and line_weight(text) > 30


def find_labels(ctx: Context, title_at: int | None) -> dict[str, Any]:
    """author, editor, source, region (and tags, date from a site meta line)."""
    out: dict[str, Any] = {}
    anchor = title_at if title_at is not None else ctx.body_first
    info = ctx.lines_between(anchor - INFO_BEFORE, max(anchor + INFO_AFTER, ctx.body_first + 2))
    rest = ctx.tail()
    meta_rx = ctx.site.rules.meta if ctx.site else None
    for _i, line in info + rest:
        if line.link_share > 0.8 or _prose_sentence(line.text):
            continue
        for kind, value in label_values(line.text):
            out.setdefault(kind, value)
    if "author" not in out:
        for _i, line in info + rest:
            m = X.WRITER_LINE.match(line.text)
            if m and line.link_share <= 0.8:
                out["author"] = m["name"]
                break
    if "source" not in out:
        for key in X.META_SOURCE_KEYS:
            value = X.SOURCE_PREFIX.sub("", fold_line(ctx.page.metas.get(key, "")))
            if value and len(value) <= 30:
                out["source"] = value
                break
    if meta_rx is not None:
        for _i, line in info:
            m = meta_rx.match(line.text)
            if m:
                for key, value in meta_fields(m).items():
                    if key != "published_at" and value:
                        out.setdefault(key, value)
                break
    return out


# --- breadcrumb -------------------------------------------------------------------------


def _breadcrumb_element(line: Line, judged: dict[int, bool]) -> Any | None:
    """The breadcrumb container holding ``line`` (by its class, within three
    levels), or ``None``. ``judged``: whether an element (by id) is one, filled
    as elements are judged (the lines of a block share their ancestors)."""
    el = line.block
    found = None
    for _ in range(3):
        if el is None:
            break
        crumb = judged.get(id(el))
        if crumb is None:
            crumb = judged[id(el)] = _is_breadcrumb(el)
        if crumb:
            found = el
        el = el.getparent()
    return found


def _is_breadcrumb(el: Any) -> bool:
    whole, parts = class_tokens(el)
    return bool(whole & X.BREADCRUMB_WORDS or parts & X.BREADCRUMB_WORDS
                or (el.get("aria-label") or "").lower() == "breadcrumb")


def _crumb_parts(text: str) -> list[str]:
    text = X.BREADCRUMB_LABEL.sub("", text.removeprefix("  • ").strip())
    return [p.strip() for p in X.DOM_BREADCRUMB_SEP.split(text) if p.strip()]


def _trail(ctx: Context, parts: list[str]) -> list[str]:
    """The category path of breadcrumb parts: below the site's own name,
    without 首页 / 正文-style labels or the headline itself."""
    if parts and (ctx.is_site_name(parts[0]) or X.BREADCRUMB_DROP.match(parts[0])
                  or X.SITE_NAME_SHAPE.match(parts[0])):
        parts = parts[1:]
    return [p for p in parts if not X.BREADCRUMB_DROP.match(p) and not ctx.is_site_name(p)]


def find_category(ctx: Context) -> list[str]:
    page = ctx.page
    chosen = _selected(page, ctx.site.selectors.breadcrumb) if ctx.site else set()
    # (rank, parts): the site's selector, a 当前位置-style label, a breadcrumb
    # container, a ">" line rooted in the site's name, any ">" line of three.
    candidates: list[tuple[int, list[str]]] = []
    seen: set[int] = set()
    judged: dict[int, bool] = {}
    for i, line in enumerate(page.lines):
        if i > ctx.body_first + 2:
            break
        text = line.text
        if line_weight(text) > 80:
            continue
        container = _breadcrumb_element(line, judged)
        if container is not None and id(container) not in seen:
            seen.add(id(container))
            inside = [ln for ln in page.lines if _contains_line(container, ln)
                      and not X.SHARE_LINE.match(ln.text) and not _is_info_line(ln.text)]
            parts = [p for ln in inside for p in _crumb_parts(ln.text)]
            if len(parts) < 2:
                parts = [fold_line(text_content(a)) for a in container.iter("a")]
            rank = 0 if id(line.block) in chosen else 2
            candidates.append((rank, [p for p in parts if p]))
            continue
        labelled = X.BREADCRUMB_LABEL.match(text) is not None
        parts = _crumb_parts(text) if ">" in text or labelled else []
        if len(parts) < 2 and labelled:
            anchors = [fold_line(text_content(a)) for a in line.block.iter("a")]
            if len(anchors) >= 2:
                parts = anchors
        if len(parts) < 2:
            continue
        rooted = ctx.is_site_name(parts[0]) or bool(X.BREADCRUMB_DROP.match(parts[0]))
        if id(line.block) in chosen:
            candidates.append((0, parts))
        elif X.BREADCRUMB_LABEL.match(text):
            candidates.append((1, parts))
        elif rooted:
            candidates.append((2, parts))
        elif len(parts) >= 3:
            candidates.append((3, parts))
    for _rank, parts in sorted(candidates, key=lambda c: c[0]):
        trail = _trail(ctx, parts)
        if trail:
            return trail
    return []


def _contains_line(el: Any, line: Line) -> bool:
    node = line.block
    for _ in range(6):
        if node is None:
            return False
        if node is el:
            return True
        node = node.getparent()
    return False


# --- tags --------------------------------------------------------------------------------


def find_tags(ctx: Context) -> list[str]:
    region = ctx.lines_between(ctx.body_first - INFO_AFTER, ctx.body_first) + ctx.tail()
    for _i, line in region:
        m = X.TAG_LABEL.match(line.text)
        if m is not None:
            value = m["tags"].strip()
            if not value:
                anchors = [fold_line(text_content(a)) for a in line.block.iter("a")]
                value = " ".join(a for a in anchors if a)
            tags = [t for t in X.DOM_TAG_SEP.split(value) if t and len(t) <= 20]
            if tags:
                return tags
    # An element's class is read once: the lines of a block share it and
    # their ancestors, and an element that gave no tags gives none again.
    judged: set[int] = set()
    for _i, line in region:
        el = line.block
        for _ in range(3):
            if el is None:
                break
            if id(el) in judged:
                el = el.getparent()
                continue
            judged.add(id(el))
            whole, _parts = class_tokens(el)
            if whole & X.TAG_WORDS:
                anchors = [fold_line(text_content(a)) for a in el.iter("a")]
                tags = [a for a in anchors if a and len(a) <= 20]
                if tags:
                    return tags
            el = el.getparent()
    return []
