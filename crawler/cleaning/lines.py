"""The line-rule engine both readers of a page share: the DOM extractor's body
lines (``clean_body``) and the flat-text page parser (``crawler.cleaning.page``).

Rules are data (``crawler.cleaning.rules`` and each site's description); the
functions here apply them to lines, each guarded: a rule that would delete
most of a body's prose is reverted and counted, as trafilatura does.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from re import Pattern
from typing import Any

from crawler.cleaning import rules as R
from crawler.cleaning.rules import LineRule, SiteRules
from crawler.cleaning.spam import spam_kind
from crawler.dates import beijing_iso, calendar_day
from crawler.sites import SITES
from crawler.textnorm import collapse_spaces, fold_width, strip_glosses

BOOK_TITLE = re.compile(r"^《([^《》]+)》$")


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


def line_weight(line: str) -> int:
    """How much article text a line holds: each non-ASCII character (CJK and
    its punctuation) counts one, ASCII text one per five characters."""
    ascii_len = len(line.encode("ascii", "ignore"))
    return len(line) - ascii_len + ascii_len // 5


def text_weight(lines: list[str]) -> int:
    """The summed ``line_weight`` of ``lines``: how much text, prose or not (the
    DOM extractor's ``prose_weight`` judges one line's prose)."""
    return sum(map(line_weight, lines))


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


def iso_datetime(date: str | None, time: str | None) -> str | None:
    """``published_at`` from a meta line's date and time digits: the moment in
    Beijing time, the bare day when the time is missing or impossible, ``None``
    when the date is not a real day."""
    parts = re.findall(r"\d+", date or "")
    day = calendar_day(*parts) if len(parts) == 3 else None
    if day is None:
        return None
    if not time:
        return beijing_iso(day)
    try:
        hms = [int(p) for p in time.split(":")] + [0, 0]
        clock = dt.time(hms[0], hms[1], hms[2])
    except ValueError:
        return beijing_iso(day)
    return beijing_iso(day, clock)


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


def symbols_only(line: str) -> bool:
    return R.SYMBOLS_ONLY.match(line) is not None


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
                            extra=[("symbols_only", symbols_only)])
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
