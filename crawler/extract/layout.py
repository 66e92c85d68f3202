"""A page's layout facts, counted per site in the run's stats: the raw
material of the run's layout profile (``crawler.state.history``).

For each page that became a record the stats get, under ``layout/<site>/``:

- ``pages``; ``body/<how>`` (the site's selectors, density, anchored, or
  ``none`` for a headline-only page); ``title/found`` or ``title/from_body``
  (no headline element: the body's first line stood in);
- ``field/<name>`` for each field the record has (``date``, ``time`` of day,
  ``author``, ``source``, ``editor``, ``category``, ``tags``, ``subtitle``);
- ``headline_only``; ``length/<bucket>`` (text length on a log scale, four
  buckets per doubling: the median is read back within 10 %);
- ``shape/body/<shape>`` and ``shape/info/<shape>``: the tag and class path of
  the body's container and of the info line's block (``div#ozoom``,
  ``div.article-con``, ``div.info>p``), digits folded, so a template keeps one
  shape across its pages;

and ``layout/<site>/error`` for a page whose extraction raised. Counters, not
lists: they add up across distributed workers and cost nothing to keep.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from typing import Any

from scrapy.statscollectors import StatsCollector

PREFIX = "layout/"
# Record field -> the profile's name for "the record has it".
FIELDS: dict[str, str] = {
    "published_at": "date", "author": "author", "source": "source", "editor": "editor",
    "category": "category", "tags": "tags", "subtitle": "subtitle"}
FIELD_NAMES = ("date", "time", "author", "source", "editor", "category", "tags", "subtitle")
LENGTH_STEPS = 4  # buckets per doubling of the text length
_DIGITS = re.compile(r"\d+")
_UNSAFE = re.compile(r"[^\w.#>:-]")
SHAPE_DEPTH = 3  # elements walked up to find one with an id or a class
NAME_MAX = 40  # characters of an id or class kept (some pages put a URL there)


def _label(el: Any) -> str:
    tag = el.tag if isinstance(el.tag, str) else "?"
    ident = (el.get("id") or "").strip()
    classes = (el.get("class") or "").split()
    if ident:
        tag += "#" + ident[:NAME_MAX]
    elif classes:
        tag += "." + classes[0][:NAME_MAX]
    return _UNSAFE.sub("_", _DIGITS.sub("N", tag))


def shape_of(el: Any) -> str:
    """``div.article-con`` or ``div.main>div``: the element and, when it has
    neither id nor class, its parents up to one that has (a few steps)."""
    if el is None:
        return "none"
    parts: list[str] = []
    current = el
    for _ in range(SHAPE_DEPTH):
        if current is None or not isinstance(current.tag, str):
            break
        label = _label(current)
        parts.append(label)
        if "#" in label or "." in label:
            break
        current = current.getparent()
    return ">".join(reversed(parts)) or "none"


def length_bucket(chars: int) -> int:
    return int(LENGTH_STEPS * math.log2(chars + 1))


def bucket_middle(bucket: int) -> float:
    return float(2 ** ((bucket + 0.5) / LENGTH_STEPS) - 1)


def has_time(published_at: str | None) -> bool:
    """``2024-05-15T08:30:00+08:00``: a time of day; ``2024-05-15``: none."""
    return bool(published_at) and "T" in str(published_at)


def page_layout(record: Mapping[str, Any], how: str, title_from_body: bool,
                headline_only: bool, body_shape: str, info_shape: str) -> dict[str, int]:
    """The counters (without ``layout/<site>/``) of one page that became ``record``."""
    out = {"pages": 1, f"body/{how}": 1,
           "title/from_body" if title_from_body else "title/found": 1,
           f"length/{length_bucket(len(record.get('text') or ''))}": 1,
           f"shape/body/{body_shape}": 1, f"shape/info/{info_shape}": 1}
    for key, name in FIELDS.items():
        if record.get(key):
            out[f"field/{name}"] = 1
    if has_time(record.get("published_at")):
        out["field/time"] = 1
    if headline_only:
        out["headline_only"] = 1
    return out


def count_page(stats: StatsCollector, site: str | None, counts: Mapping[str, int]) -> None:
    for key, value in counts.items():
        stats.inc_value(f"{PREFIX}{site or 'other'}/{key}", value)


def count_error(stats: StatsCollector, site: str | None) -> None:
    """A page of ``site`` whose extraction raised: part of the site's profile."""
    stats.inc_value(f"{PREFIX}{site or 'other'}/error")
