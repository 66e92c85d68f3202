"""``clean_document``: page text in, SEED_FORMAT fields and article text out
(the flat-text page parser; its line rules are ``crawler.cleaning.lines``).

Pure code (no Scrapy): the pipeline, ``scrapy clean`` and the bench all call it.

The page is read as lines, in stages, each small and pure:

1. normalise every line (fold widths and spaces, strip pinyin glosses);
2. drop injected spam lines, guarded;
3. find the site from the page's own text (or take the forced one);
4. locate the anchors: the meta line under the headline, the breadcrumb, the
   first trailing-chrome label after the meta line; the headline block is
   what lies between the header furniture and the meta line, the body what
   lies between the meta line and the trailing label;
5. read the fields off the anchors; drop chrome lines inside the body, each
   rule guarded against deleting most of it;
6. assemble the text and convert the script if asked.

Without a meta line (a page from the generic extractor, or a layout that
drifted) the first non-chrome line is the headline and the rest the body.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from re import Pattern
from typing import Any

from crawler.cleaning import rules as R
from crawler.cleaning.lines import (
    BODY_DROPS,
    BODY_STOPS,
    HEADER_RULES,
    SITE_RULES,
    apply_line_rules,
    count_trailer,
    drop_spam,
    find_stop,
    first_match,
    line_weight,
    meta_fields,
    split_tags,
    symbols_only,
    trim_edges,
)
from crawler.cleaning.rules import SiteRules
from crawler.cleaning.script import check_script, convert
from crawler.textnorm import collapse_spaces, fold_width, strip_glosses

TEXT_FIELDS = ("title", "subtitle", "author", "editor", "source", "region")


LIST_FIELDS = ("category", "tags")


@dataclass
class CleanResult:
    """What cleaning one page yields.

    ``fields`` holds the SEED_FORMAT keys read off the page (``title``,
    ``subtitle``, ``published_at``, ``author``, ``editor``, ``source``,
    ``region``, ``category``, ``tags`` and ``url``, the last from 本文地址,
    ``None`` when the page states none). ``counters`` uses the stats key
    names without the ``clean/`` prefix.
    """

    site: str | None
    fields: dict[str, Any]
    text: str
    body_paragraphs: int
    counters: Counter[str] = field(default_factory=Counter)

    @property
    def empty(self) -> bool:
        """No article body: the page was empty or chrome only."""
        return self.body_paragraphs == 0


def normalise_lines(page_text: str, counters: Counter[str]) -> list[str]:
    """Folded, gloss-free, non-blank lines.

    Blank lines only separate blocks; in the output every line is its own
    paragraph, so they carry nothing the cleaner needs.
    """
    # Glosses are matched on folded text, so fullwidth brackets and letters
    # ("（zhàn）") are caught too; the per-line fold later is idempotent.
    text, glosses = strip_glosses(fold_width(page_text))
    if glosses:
        counters["glosses_removed"] += glosses
    out = []
    for raw in text.splitlines():
        line = collapse_spaces(raw)
        if line:
            out.append(line)
    return out


def detect_site(text: str) -> str | None:
    """The site whose landmarks the page text carries most, or ``None``."""
    best, best_score = None, 0
    for name, site in SITE_RULES.items():
        score = sum(weight for pattern, weight in site.markers if pattern.search(text))
        if score > best_score:
            best, best_score = name, score
    return best if best_score >= R.SITE_MIN_SCORE else None


def find_meta(lines: list[str], pattern: Pattern[str] | None) -> tuple[int, re.Match[str] | None]:
    """Index and match of the meta line; it sits near the top, so only the
    first part of the page is searched (a date line in a body is no meta)."""
    if pattern is None:
        return -1, None
    limit = max(12, len(lines) // 2)
    for i, line in enumerate(lines[:limit]):
        m = pattern.match(line)
        if m:
            return i, m
    return -1, None


def breadcrumb_trail(site: SiteRules, line: str) -> list[str] | None:
    """The category path of a breadcrumb line, below the site's own name."""
    if site.breadcrumb is None:
        return None
    m = site.breadcrumb.match(line)
    if m is None:
        return None
    parts = [p.strip() for p in R.TEXT_BREADCRUMB_SEP.split(m.group("trail")) if p.strip()]
    skip = {convert(s, "hans") for s in site.breadcrumb_skip}
    # The first part is the site's own name, above any category.
    return [p for p in parts[1:] if convert(p, "hans") not in skip]


def stated_url(page_text: str) -> str | None:
    """The URL a flat-text page states for itself (its 本文地址 line), as
    ``page_fields`` reads it: ``scrapy clean`` and ``refetch`` agree on it."""
    for line in normalise_lines(page_text, Counter()):
        if m := R.URL_LINE.match(line):
            return m.group("url")
    return None


def page_fields(lines: list[str]) -> dict[str, Any]:
    """Fields the shared labels give wherever they sit on the page."""
    out: dict[str, Any] = {}
    for line in lines:
        if "url" not in out and (m := R.URL_LINE.match(line)):
            out["url"] = m.group("url")
        elif "editor" not in out and (m := R.EDITOR_LINE.match(line)):
            out["editor"] = m.group("editor")
        elif "tags" not in out and (m := R.TAGS_LINE.match(line)):
            out["tags"] = split_tags(m.group("tags"))
    return out


def clean_document(
    page_text: str, site: str | None = None, *, script: str = "keep"
) -> CleanResult:
    """Clean one page's visible text.

    ``site`` forces a site's rules (``shanxidayuan``, ``fissico``, ``sxnews``);
    ``None`` detects it from the text, and a page of no known site goes through
    the shared rules only (counter ``unknown_site``). ``script`` is the
    ``TEXT_SCRIPT`` choice: ``keep``, ``hans`` or ``hant``.
    """
    check_script(script)
    counters: Counter[str] = Counter()
    lines = drop_spam(normalise_lines(page_text, counters), counters)
    if site is not None and site not in SITE_RULES:
        raise ValueError(f"unknown site {site!r}; known: {', '.join(SITE_RULES)}")
    if site is None:
        site = detect_site("\n".join(lines))
    if site is None:
        counters["unknown_site"] += 1
    counters[f"documents/{site or 'unknown'}"] += 1
    rules = SITE_RULES.get(site or "")

    fields: dict[str, Any] = {"category": [], "tags": []}
    fields.update(page_fields(lines))
    title, subtitle, body = split_page(lines, rules, fields, counters)

    body = apply_line_rules(
        body,
        BODY_DROPS[site] if site else R.SHARED_DROPS,
        counters,
        extra=[("symbols_only", symbols_only)],
    )
    body = trim_edges(body, counters)
    return assemble(site, title, subtitle, body, fields, script, counters)


def split_page(
    lines: list[str], rules: SiteRules | None, fields: dict[str, Any], counters: Counter[str]
) -> tuple[str | None, list[str], list[str]]:
    """Headline, subtitle lines and raw body lines; fills ``fields`` from the
    anchors."""
    header_rules = HEADER_RULES[rules.name if rules else None]
    stops = BODY_STOPS[rules.name if rules else None]
    meta_i, meta_m = find_meta(lines, rules.meta if rules else None)
    if meta_m is None:
        meta_i, meta_m = find_meta(lines, R.SHARED_META)
    fields.update(meta_fields(meta_m))

    # The breadcrumb gives the category wherever it sits; it is chrome either way.
    crumb_i = -1
    if rules is not None:
        for i, line in enumerate(lines):
            trail = breadcrumb_trail(rules, line)
            if trail is not None:
                fields["category"], crumb_i = trail, i
                counters["lines_removed/breadcrumb"] += 1
                break

    def is_header_chrome(i: int) -> bool:
        if i == crumb_i:
            return True
        name = first_match(header_rules, lines[i])
        if name:
            counters[f"lines_removed/{name}"] += 1
            return True
        if R.SYMBOLS_ONLY.match(lines[i]):
            counters["lines_removed/symbols_only"] += 1
            return True
        return False

    if meta_i >= 0:
        counters["lines_removed/meta_line"] += 1
        head: list[str] = []
        for i in range(meta_i):
            if is_header_chrome(i):
                # Whatever sits above the site's masthead or breadcrumb is not
                # the headline: a mirror's injected line, a navigation bar.
                if head:
                    counters["lines_removed/above_masthead"] += len(head)
                head = []
            else:
                head.append(lines[i])
        body_start = meta_i + 1
    else:
        # No meta line: the headline is the first line that is not furniture.
        head, body_start = [], len(lines)
        for i in range(len(lines)):
            if is_header_chrome(i):
                continue
            if first_match(stops, lines[i]) or first_match(R.SHARED_DROPS, lines[i]):
                # Chrome before any headline: the page has no article.
                head, body_start = [], i
                break
            head, body_start = [lines[i]], i + 1
            break
    stop_i, stop_name = find_stop(lines, body_start, stops, counters)
    if stop_name:
        count_trailer(lines[stop_i:], stops, counters)
    body = [line for i, line in enumerate(lines[body_start:stop_i], body_start) if i != crumb_i]
    title = head[0] if head else None
    if title is None and meta_i >= 0:
        # A render that lost the headline above the date line: it is the first
        # line below it (the date line is never the headline).
        while body and first_match(header_rules, body[0]):
            body = body[1:]
        if body and not R.SYMBOLS_ONLY.match(body[0]) and line_weight(body[0]) <= 60:
            title, body = body[0], body[1:]
    subtitle = [line for line in head[1:] if line != title]
    # Public renders print the headline twice: once is the headline.
    while body and body[0] == title:
        counters["lines_removed/repeated_headline"] += 1
        body = body[1:]
    if len(subtitle) < len(head) - 1:
        counters["lines_removed/repeated_headline"] += len(head) - 1 - len(subtitle)
    return title, subtitle, body


def assemble(
    site: str | None, title: str | None, subtitle: list[str], body: list[str],
    fields: dict[str, Any], script: str, counters: Counter[str],
) -> CleanResult:
    paragraphs = ([title] if title else []) + subtitle + body
    out: dict[str, Any] = {
        "url": fields.get("url"),
        "title": title,
        "subtitle": "\n".join(subtitle) or None,
        "published_at": fields.get("published_at"),
        "author": fields.get("author"),
        "editor": fields.get("editor"),
        "source": fields.get("source"),
        "region": fields.get("region"),
        "category": list(fields.get("category") or []),
        "tags": list(fields.get("tags") or []),
    }
    if script != "keep":
        for key in TEXT_FIELDS:
            if out[key]:
                out[key] = convert(out[key], script)
        for key in LIST_FIELDS:
            out[key] = [convert(v, script) for v in out[key]]
    text = convert("\n\n".join(paragraphs), script)
    return CleanResult(site, out, text, len(body), counters)
