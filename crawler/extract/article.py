"""``extract_article(html, url) -> dict``: one page's bytes to its seed record.

The same call serves the spiders, ``refetch``, ``scrapy parse`` and users::

    from crawler.extract import extract_article
    record = extract_article(html_bytes, "http://news.sxrb.com/GB/314064/9448045.html")
    record["title"], record["published_at"], record["text"]

Steps: decode the bytes (``crawler.extract.decode``), build the DOM model with
its chrome and furniture marked (``dom``), find the body block by density
(``content``), read the fields from several signals (``fields``), run the line
rules on the body (``crawler.cleaning.lines.clean_body``) and assemble the text.
Raises :class:`ExtractionError` (with a reason) for a page with no article.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from crawler.cleaning.lines import BOOK_TITLE, clean_body, line_weight
from crawler.extract import rules as X
from crawler.extract.content import Body, body_after, find_body
from crawler.extract.decode import ExtractionError, decode_page
from crawler.extract.dom import PageDom, load
from crawler.extract.fields import (
    INFO_AFTER,
    LABEL_RE,
    Context,
    compact,
    confirmed_title,
    dates_in,
    find_category,
    find_date,
    find_labels,
    find_subtitle,
    find_tags,
    find_title,
    label_values,
)
from crawler.extract.layout import page_layout, shape_of
from crawler.extract.render import Line
from crawler.extract.soft404 import check_page
from crawler.items import SEED_FIELDS
from crawler.sites import site_for_url
from crawler.sites.base import Site
from crawler.textnorm import strip_glosses
from crawler.urls import canonical_id, canonical_url

# Info and chrome lines are looked for this far into the body's edges.
HEAD_LINES, TAIL_LINES = 4, 3
MAX_INFO_WEIGHT = 80
MIN_BODY_WEIGHT = 10  # less than this is no article
# The article a confirmed headline opens starts within this many lines under
# it, and holds at least this much prose (two sentences or so).
ANCHOR_WINDOW, ANCHOR_MIN_PROSE = 8, 50.0
VERTICAL_MIN_RUN = 3  # one-character lines in a row that read as a vertical label


@dataclass
class Extraction:
    """A page's record and how it was found (``counters`` use the stats key
    names without the ``extract/`` prefix)."""

    record: dict[str, Any]
    counters: Counter[str] = field(default_factory=Counter)
    # The body paragraphs of ``text`` (after title and subtitle lines): what a
    # later page of a multi-page article adds to its first page's record.
    paragraphs: list[str] = field(default_factory=list)
    # The page's layout facts (crawler.extract.layout: counters without the
    # ``layout/<site>/`` prefix): the run's layout profile adds them up.
    layout: dict[str, int] = field(default_factory=dict)


def _is_info(text: str) -> bool:
    if line_weight(text) > MAX_INFO_WEIGHT or X.SENTENCE_END.search(text):
        return False
    return bool(dates_in(text, split_form=True) or label_values(text)
                or LABEL_RE.search(text))


def body_lines(body: Body, title: str | None, subtitle: list[str],
               counters: Counter[str]) -> list[str]:
    """The body's lines with what the DOM shows is not article: link lines,
    summaries, a repeated headline, info lines at its edges."""
    heads = {compact(t) for t in [title or "", *subtitle] if t}
    kept: list[Line] = []
    vertical = _vertical_text(body.lines)
    for n, line in enumerate(body.lines):
        text = line.text
        if n in vertical:
            counters["lines_removed/vertical_text"] += 1
        elif line.link_share > 0.6 and not X.SENTENCE_END.search(text):
            counters["lines_removed/link_line"] += 1
        elif X.SUMMARY_LINE.match(text):
            counters["lines_removed/summary"] += 1
        elif len(kept) < HEAD_LINES and compact(strip_glosses(text)[0]) in heads:
            counters["lines_removed/repeated_headline"] += 1
        else:
            kept.append(line)
    start, end = 0, len(kept)
    while start < min(end, HEAD_LINES) and _is_info(kept[start].text):
        start += 1
    while end > max(start, len(kept) - TAIL_LINES) and _is_info(kept[end - 1].text):
        end -= 1
    if start or end < len(kept):
        counters["lines_removed/info_line"] += start + len(kept) - end
    return [line.text.removeprefix("  ").strip() for line in kept[start:end]]


def _vertical_text(lines: list[Line]) -> set[int]:
    """Positions of lines in runs of one-character lines: a label set
    vertically (今 / 日 / 推 / 荐), one character per line, is layout, not text."""
    out: set[int] = set()
    run: list[int] = []
    for n, line in enumerate([*lines, None]):
        if line is not None and len(line.text.strip()) == 1:
            run.append(n)
            continue
        if len(run) >= VERTICAL_MIN_RUN:
            out.update(run)
        run = []
    return out


def _body_context(page: PageDom, site: Site | None, body: Body) -> Context:
    first_prose = next((line for line in body.lines if page.prose[page.position(line)]),
                       body.lines[0])
    return _context(page, site, page.position(first_prose), page.position(body.lines[-1]))


def _prose(page: PageDom, body: Body) -> float:
    return sum(page.prose[page.position(line)] for line in body.lines)


def _context(page: PageDom, site: Site | None, body_first: int, body_last: int) -> Context:
    ctx = Context(page, site, body_first, body_last)
    if site is not None:
        ctx.names.update(compact(n) for n in site.names)
    ctx.crumbs = find_category(ctx)
    return ctx


def _headline_only(page: PageDom, site: Site | None, url: str,
                   counters: Counter[str]) -> Extraction:
    """A page with a headline and its dated info line but no body block at
    all (a video item): the record of the headline; anything else is no article."""
    ctx = _context(page, site, len(page.lines), len(page.lines) - 1)
    title, title_at = find_title(ctx)
    if title is None or title_at is None or find_date(ctx, title_at).value is None:
        raise ExtractionError("no_article")
    # No body: the lines under the headline are its deck and info lines.
    ctx.body_first = min(len(page.lines), title_at + INFO_AFTER)
    ctx.body_last = ctx.body_first - 1
    ctx.crumbs = find_category(ctx)
    counters["no_body"] += 1
    return _record(ctx, url, title, title_at, find_subtitle(ctx, title_at), [], counters, None)


def extract(html: str | bytes, url: str, *, content_type: str | None = None,
            site: Site | None = None, error_pages: frozenset[str] = frozenset()) -> Extraction:
    """The record of the page at ``url`` and the counters of how it was found.
    An error page (a soft 404, or one whose fingerprint is in ``error_pages``:
    what the site answers for a missing URL) raises ``ErrorPage``."""
    decoded = decode_page(html, content_type)  # a str is kept as it is
    text, replaced = decoded.text, decoded.replaced
    if not text.strip():
        raise ExtractionError("empty_body")
    site = site or site_for_url(url)
    page = load(text, site.name if site else None)
    if page is None or not page.lines:
        raise ExtractionError("empty_page")
    check_page(page, error_pages)
    counters: Counter[str] = Counter()
    if replaced:
        counters["decode/replaced"] += replaced  # bad byte sequences dropped
    if page.glosses:
        counters["glosses_removed"] += page.glosses
    if page.reverted:
        counters["guard_reverted"] += page.reverted
    body = find_body(page, site)
    if body is None or not body.lines:
        return _headline_only(page, site, url, counters)
    ctx = _body_context(page, site, body)
    title, title_at = find_title(ctx)
    if body.how == "density" and title is not None and title_at is not None \
            and not 0 < ctx.body_first - title_at <= ANCHOR_WINDOW \
            and confirmed_title(ctx, title):
        # Density chose a story away from a headline the page confirms (a
        # feed or a recommended article outweighing a short report): the
        # article is the block right under the headline, when there is one.
        anchored = body_after(page, title_at, ANCHOR_WINDOW)
        if anchored is not None and anchored.lines and _prose(page, anchored) >= ANCHOR_MIN_PROSE:
            body = anchored
            ctx = _body_context(page, site, body)
            title, title_at = find_title(ctx)
    counters[f"body/{body.how}"] += 1
    if body.how != "selector" and site is not None and site.selectors.body:
        counters["fallback"] += 1  # the site's own selectors did not hold
    subtitle = find_subtitle(ctx, title_at)
    raw = body_lines(body, title, subtitle, counters)
    # The DOM's lines are width-folded (render) and their glosses gone (dom.load).
    paragraphs = clean_body(raw, site.name if site else None, counters,
                            glossed=page.glossed, folded=True)
    if sum(map(line_weight, paragraphs)) < MIN_BODY_WEIGHT:
        if title is None or title_at is None:
            raise ExtractionError("no_article")
        # A headline, its info line and no text: a video or photo item.
        paragraphs = []
        counters["no_body"] += 1
    if title is None:
        first = paragraphs[0]
        if line_weight(first) > 60 or X.SENTENCE_END.search(first):
            raise ExtractionError("no_title")
        title, paragraphs = first, paragraphs[1:]
        counters["title/from_body"] += 1
    return _record(ctx, url, title, title_at, subtitle, paragraphs, counters, body)


def _record(ctx: Context, url: str, title: str, title_at: int | None, subtitle: list[str],
            paragraphs: list[str], counters: Counter[str], body: Body | None) -> Extraction:
    """The seed record: the fields read off the page around the headline."""
    site, glossed = ctx.site, ctx.page.glossed

    def clean(value: str | None) -> str | None:
        return strip_glosses(value, glossed=glossed)[0].strip() if value else value

    labels = find_labels(ctx, title_at)
    head = clean(title) or ""
    subs = [s for s in (clean(s) for s in subtitle) if s]
    record: dict[str, Any] = {key: None for key in SEED_FIELDS}
    dated = find_date(ctx, title_at, url)
    canonical = canonical_url(url)  # the id is its digest: canonicalised once
    record.update({
        "id": canonical_id(canonical), "url": canonical, "site": site.name if site else None,
        "title": head, "subtitle": "\n".join(subs) or None,
        "published_at": dated.value,
        "author": clean(labels.get("author")), "editor": clean(labels.get("editor")),
        "source": BOOK_TITLE.sub(r"\1", clean(labels.get("source")) or "") or None,
        "region": clean(labels.get("region")),
        "category": [c for c in (clean(c) for c in ctx.crumbs) if c],
        "tags": [t for t in (clean(t) for t in (labels.get("tags") or find_tags(ctx))) if t],
        "text": "\n\n".join([head, *subs, *paragraphs]),
        "date_source": dated.source,
    })
    layout = page_layout(record, body.how if body is not None else "none",
                         title_from_body=bool(counters["title/from_body"]),
                         headline_only=bool(counters["no_body"]),
                         body_shape=shape_of(body.container if body is not None else None),
                         info_shape=shape_of(dated.line.block if dated.line else None))
    return Extraction(record, counters, list(paragraphs), layout)


def extract_article(html: str | bytes, url: str, *,
                    content_type: str | None = None) -> dict[str, Any]:
    """The seed record of one article page (SEED_FORMAT.md); ``html`` is the
    page's bytes (decoded by its declared charset, checked) or text. Raises
    :class:`ExtractionError` when the page holds no article."""
    return extract(html, url, content_type=content_type).record
