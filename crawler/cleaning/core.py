"""``clean_document``: page text in, SEED_FORMAT fields and article text out.

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
from crawler.cleaning.rules import LineRule, SiteRules
from crawler.cleaning.script import check_script, convert
from crawler.cleaning.spam import spam_kind
from crawler.sites import SITES
from crawler.textnorm import collapse_spaces, fold_width, strip_glosses

TEXT_FIELDS = ("title", "subtitle", "author", "editor", "source", "region")
BOOK_TITLE = re.compile(r"^《([^《》]+)》$")
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


SITE_RULES: dict[str, SiteRules] = {name: site.rules for name, site in SITES.items()}
# Rule tuples each stage runs, built once (the prefilter caches by identity).
BODY_DROPS: dict[str, tuple[LineRule, ...]] = {
    name: site.drops + R.SHARED_DROPS for name, site in SITE_RULES.items()
}
TRAILER_RULES: dict[int, tuple[LineRule, ...]] = {
    id(site.stops): site.stops + R.SHARED_DROPS for site in SITE_RULES.values()
}
# The DOM path's body stops: the site's, then any template's.
BODY_STOPS: dict[str | None, tuple[LineRule, ...]] = {
    None: R.SHARED_STOPS,
    **{name: site.stops + R.SHARED_STOPS for name, site in SITE_RULES.items()},
}
HEADER_RULES: dict[str | None, tuple[LineRule, ...]] = {
    None: R.SHARED_HEADER,
    **{name: site.header + R.SHARED_HEADER for name, site in SITE_RULES.items()},
}
for _stops in BODY_STOPS.values():
    TRAILER_RULES[id(_stops)] = _stops + R.SHARED_DROPS


# --- stage 1: normalise ----------------------------------------------------


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


def line_weight(line: str) -> int:
    """How much article text a line holds: each non-ASCII character (CJK and
    its punctuation) counts one, ASCII text one per five characters."""
    ascii_len = len(line.encode("ascii", "ignore"))
    return len(line) - ascii_len + ascii_len // 5


def text_weight(lines: list[str]) -> int:
    """The summed ``line_weight`` of ``lines``: how much text, prose or not (the
    DOM extractor's ``prose_weight`` judges one line's prose)."""
    return sum(map(line_weight, lines))


# --- stage 2: spam ---------------------------------------------------------


def drop_spam(lines: list[str], counters: Counter[str]) -> list[str]:
    kept: list[str] = []
    spam: list[str] = []
    for line in lines:
        (spam if spam_kind(line) else kept).append(line)
    if not spam:
        return lines
    if text_weight(spam) > R.GUARD_MAX_RULE_SHARE * text_weight(lines):
        counters["guard_reverted"] += 1
        return lines
    counters["spam_lines_removed"] += len(spam)
    return kept


# --- stage 3: site ---------------------------------------------------------


def detect_site(text: str) -> str | None:
    """The site whose landmarks the page text carries most, or ``None``."""
    best, best_score = None, 0
    for name, site in SITE_RULES.items():
        score = sum(weight for pattern, weight in site.markers if pattern.search(text))
        if score > best_score:
            best, best_score = name, score
    return best if best_score >= R.SITE_MIN_SCORE else None


# --- stage 4: anchors ------------------------------------------------------


# id(rules) -> (rules, their alternation); keeping ``rules`` in the value
# keeps the id from being reused. Keyed by id because hashing a tuple of
# rules on every line costs more than the search it saves.
_ANY_RULE: dict[int, tuple[tuple[LineRule, ...], Pattern[str]]] = {}


def _any_rule(rules: tuple[LineRule, ...]) -> Pattern[str]:
    hit = _ANY_RULE.get(id(rules))
    if hit is not None and hit[0] is rules:
        return hit[1]
    pattern = _alternation(rules)
    _ANY_RULE[id(rules)] = (rules, pattern)
    return pattern


def _alternation(rules: tuple[LineRule, ...]) -> Pattern[str]:
    """One alternation of all the rules' patterns: most lines match none, and
    one search rejects them where trying each rule would take a dozen."""
    if not rules:
        return re.compile(r"(?!)")
    parts = [(r.pattern.pattern, r.pattern.flags & re.I) for r in rules]
    if all(p.startswith("^") for p, _ in parts):
        # Every rule is anchored: hoist the anchor so the engine tries only
        # position 0 instead of every position of a long body line.
        return re.compile("^(?:" + "|".join(
            f"(?{'i' if i else ''}:{p[1:]})" for p, i in parts) + ")")
    return re.compile("|".join(f"(?{'i' if i else ''}:{p})" for p, i in parts))


def first_match(rules: tuple[LineRule, ...], line: str) -> str | None:
    """Name of the first rule that matches ``line``."""
    if _any_rule(rules).search(line) is None:
        return None
    for r in rules:
        if r.matches(line):
            return r.name
    return None


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


def find_stop(
    lines: list[str], start: int, stops: tuple[LineRule, ...], counters: Counter[str]
) -> tuple[int, str | None]:
    """Index of the first trailing-chrome label after ``start``.

    Guard: a label that leaves (almost) nothing above it in the body while the
    stretch down to the *next* label holds real prose is a body line shaped
    like a label; it is skipped and counted. A chrome-only page has labels
    one after another, with nothing between them, and stays truncated.
    """
    hits = [(i, name) for i in range(start, len(lines))
            if (name := first_match(stops, lines[i])) is not None]
    if not hits:
        return len(lines), None
    # Prefix sums: weight of lines[start:k] is cum[k - start].
    cum = [0]
    for line in lines[start:]:
        cum.append(cum[-1] + line_weight(line))
    floor = R.GUARD_MIN_KEPT_SHARE * cum[-1]
    for n, (i, name) in enumerate(hits):
        if cum[i - start] < floor:
            nxt = hits[n + 1][0] if n + 1 < len(hits) else len(lines)
            if cum[nxt - start] - cum[i + 1 - start] >= floor and nxt - i > 1:
                counters["guard_reverted"] += 1
                continue
        return i, name
    return len(lines), None


# --- stage 5: fields -------------------------------------------------------


def iso_datetime(date: str | None, time: str | None) -> str | None:
    """ISO 8601 in Beijing time, or the bare date when the page gives no time."""
    if not date:
        return None
    parts = re.findall(r"\d+", date)
    if len(parts) != 3:
        return None
    y, mo, d = (int(p) for p in parts)
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    day = f"{y:04d}-{mo:02d}-{d:02d}"
    if not time:
        return day
    hms = [int(p) for p in time.split(":")] + [0]
    h, mi, s = hms[0], hms[1], hms[2]
    if h > 23 or mi > 59 or s > 59:
        return day
    return f"{day}T{h:02d}:{mi:02d}:{s:02d}+08:00"


def meta_fields(m: re.Match[str] | None) -> dict[str, Any]:
    if m is None:
        return {}
    groups = {k: (v.strip() if v else None) for k, v in m.groupdict().items()}
    out: dict[str, Any] = {"published_at": iso_datetime(groups.get("date"), groups.get("time"))}
    for key in ("author", "region", "source"):
        if groups.get(key):
            out[key] = groups[key]
    if out.get("source"):
        # A publication named on the date line: 《甘孜日报》 is 甘孜日报.
        out["source"] = BOOK_TITLE.sub(r"\1", out["source"])
    if groups.get("tags"):
        out["tags"] = split_tags(groups["tags"] or "")
    return out


def split_tags(value: str) -> list[str]:
    return [t for t in R.TEXT_TAG_SEP.split(value) if t]


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


# --- stage 5b: body line rules ---------------------------------------------


def trim_edges(body: list[str], counters: Counter[str]) -> list[str]:
    """Counter widgets and decoration at the edges of the body go."""
    def is_edge_chrome(line: str) -> bool:
        return bool(R.COUNTER.match(line) or R.SYMBOLS_ONLY.match(line))

    start, end = 0, len(body)
    while start < end and is_edge_chrome(body[start]):
        start += 1
    while end > start and is_edge_chrome(body[end - 1]):
        end -= 1
    removed = start + len(body) - end
    if removed:
        counters["lines_removed/counter"] += removed
    return body[start:end]


def apply_line_rules(
    body: list[str], line_rules: tuple[LineRule, ...], counters: Counter[str],
    extra: list[tuple[str, Any]] | None = None,
) -> list[str]:
    """Drop the body lines each rule matches, one rule at a time.

    Guard: a rule that would delete more than half of the body's prose is a
    rule misfiring on this page; it is reverted (and counted).
    """
    checks: list[tuple[str, Any]] = []
    if any(first_match(line_rules, line) for line in body):
        checks = [(r.name, r.matches) for r in line_rules]
    for name, matches in checks + (extra or []):
        hit = [line for line in body if matches(line)]
        if not hit:
            continue
        total = text_weight(body)
        if total and text_weight(hit) > R.GUARD_MAX_RULE_SHARE * total:
            counters["guard_reverted"] += 1
            continue
        counters[f"lines_removed/{name}"] += len(hit)
        body = [line for line in body if not matches(line)]
    return body


def _symbols_only(line: str) -> bool:
    return R.SYMBOLS_ONLY.match(line) is not None


# --- the whole -------------------------------------------------------------


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
        extra=[("symbols_only", _symbols_only)],
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


def clean_body(
    lines: list[str], site: str | None, counters: Counter[str], *, glossed: bool | None = None,
    folded: bool = False,
) -> list[str]:
    """The line rules on a body the DOM extractor found: glosses, spam, the
    site's and the shared trailing labels (the body ends at the first), chrome
    lines, symbol lines, counters at the edges. Every rule is guarded.
    ``folded``: the lines are width-folded already (the DOM's lines are)."""
    body = drop_spam(_body_text(lines, glossed, folded, counters), counters)
    stops = BODY_STOPS[site if site in SITE_RULES else None]
    stop_i, stop_name = find_stop(body, 0, stops, counters)
    if stop_name:
        count_trailer(body[stop_i:], stops, counters)
    drops = BODY_DROPS.get(site or "", R.SHARED_DROPS)
    body = apply_line_rules(body[:stop_i], drops, counters,
                            extra=[("symbols_only", _symbols_only)])
    return trim_edges(body, counters)


def _body_text(lines: list[str], glossed: bool | None, folded: bool,
               counters: Counter[str]) -> list[str]:
    """``lines`` folded, gloss-free, space-collapsed, split at every line break
    ``str.splitlines`` knows, without blank lines: what joining them with
    newlines, folding and stripping the whole and splitting it again gives.

    Line by line when the page's ``glossed`` is known: no gloss pattern spans
    a newline, folding is per character, and a blank piece is dropped either
    way, so nothing is joined, copied and split again (and folded lines are
    not folded twice). Without it, whether neutral glosses go is decided over
    the whole text, which is then stripped as one."""
    if glossed is None:
        text, glosses = strip_glosses(fold_width("\n".join(lines)))
        pieces = text.splitlines()
    else:
        glosses, pieces = 0, []
        for line in lines:
            text = line if folded else fold_width(line)
            text, removed = strip_glosses(text, glossed=glossed)
            glosses += removed
            pieces += text.splitlines()
    if glosses:
        counters["glosses_removed"] += glosses
    return [line for raw in pieces if (line := collapse_spaces(raw))]


def count_trailer(trailer: list[str], stops: tuple[LineRule, ...], counters: Counter[str]) -> None:
    """Everything from the first trailing label on is chrome; each line is
    counted under the first rule that names it, the rest as ``trailing_chrome``."""
    named = TRAILER_RULES.get(id(stops)) or stops + R.SHARED_DROPS
    for line in trailer:
        name = first_match(named, line) or "trailing_chrome"
        counters[f"lines_removed/{name}"] += 1


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
