"""What ``scrapy report`` counts over a corpus of seed-format records.

Everything here is computed from the records alone (nothing is fetched and no
crawl state is read), one pass, in memory per site: counts per day, the share
of records with each seed field filled, duplicates, the script of each text,
headline-only records and the shortest and longest texts.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import numpy as np
import numpy.typing as npt

from crawler.cleaning.script import convert
from crawler.items import SEED_FIELDS
from crawler.sites import SITE_NAMES

# The sites in the order the README names them; anything else sorts after.
SITE_ORDER = SITE_NAMES  # the site descriptions' order, the README's
NO_SITE = "(no site)"
UNDATED = "undated"
# Every seed field but ``id`` and ``site`` (always set on a record the report reads).
COVERAGE_FIELDS: tuple[str, ...] = tuple(f for f in SEED_FIELDS if f not in ("id", "site"))
EXTREMES = 3  # shortest and longest texts shown per site
SCRIPT_PROBE = 20_000  # characters of title + text looked at to tell the script
CJK_RANGE = (0x3400, 0xA000)  # CJK Extension A and the Unified Ideographs


def filled(value: Any) -> bool:
    """A field is covered when it holds a non-blank string or a non-empty list."""
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, list):
        return any(isinstance(v, str) and v.strip() for v in value)
    return value is not None


@cache
def _script_tables() -> tuple[npt.NDArray[np.bool_], npt.NDArray[np.bool_]]:
    """(Traditional-only, Simplified-only) per BMP code point: the CJK characters
    OpenCC's ``t2s`` (``s2t``) changes on their own, found with one conversion
    of all of them, one per line (so no phrase spans two)."""
    trad = np.zeros(0x10000, dtype=np.bool_)
    simp = np.zeros(0x10000, dtype=np.bool_)
    cjk = [chr(cp) for cp in range(*CJK_RANGE)]
    for table, script in ((trad, "hans"), (simp, "hant")):
        converted = convert("\n".join(cjk), script).split("\n")
        if len(converted) != len(cjk):  # (never seen; one call per character then)
            converted = [convert(ch, script) for ch in cjk]
        for ch, to in zip(cjk, converted, strict=True):
            table[ord(ch)] = to != ch
    return trad, simp


def script_of(text: str) -> str:
    """``traditional``, ``simplified`` or ``undetermined``: which script's own
    characters the text has more of. A character that ``t2s`` changes is
    Traditional-only, one that ``s2t`` changes Simplified-only; characters the
    two scripts share (most of them) do not count. Only the first
    ``SCRIPT_PROBE`` characters are looked at."""
    trad, simp = _script_tables()
    codes = np.frombuffer(text[:SCRIPT_PROBE].encode("utf-32-le"), dtype=np.uint32)
    codes = np.minimum(codes, 0xFFFF)  # (U+FFFF is no CJK character)
    t, s = int(trad[codes].sum()), int(simp[codes].sum())
    return "traditional" if t > s else "simplified" if s > t else "undetermined"


def is_headline_only(record: dict[str, Any]) -> bool:
    """The text holds nothing but the headline and subtitle: no body was found
    (a video or photo item, or an extraction that fell short)."""
    text = record.get("text") or ""
    head = "\n\n".join(x for x in (record.get("title"), record.get("subtitle")) if x)
    return not text.strip() or text.strip() == head.strip()


@dataclass(frozen=True)
class TextSize:
    length: int
    title: str
    url: str | None
    where: str  # file:line


@dataclass
class SiteStats:
    records: int = 0
    per_day: Counter[str] = field(default_factory=Counter)  # "YYYY-MM-DD" or UNDATED
    filled: Counter[str] = field(default_factory=Counter)  # field -> records with it
    marked_duplicates: int = 0  # duplicate_of set
    exact_duplicates: int = 0  # same text as an earlier record of the input
    repeated_ids: int = 0  # same id as an earlier record of the input
    scripts: Counter[str] = field(default_factory=Counter)
    headline_only: int = 0
    sizes: list[TextSize] = field(default_factory=list)

    def _split(self) -> tuple[list[TextSize], list[TextSize]]:
        """The shortest and the longest texts, no record in both lists."""
        ranked = sorted(self.sizes, key=lambda s: s.length)
        k = min(EXTREMES, (len(ranked) + 1) // 2)
        return ranked[:k], ranked[k:][::-1][:EXTREMES]

    def shortest(self) -> list[TextSize]:
        return self._split()[0]

    def longest(self) -> list[TextSize]:
        return self._split()[1]


@dataclass
class Corpus:
    """The report's numbers, filled one record at a time by ``add``."""

    files: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # "file:line: reason", in order
    sites: dict[str, SiteStats] = field(default_factory=dict)
    _texts: set[bytes] = field(default_factory=set, repr=False)
    _ids: set[str] = field(default_factory=set, repr=False)

    @property
    def records(self) -> int:
        return sum(s.records for s in self.sites.values())

    def ordered_sites(self) -> list[tuple[str, SiteStats]]:
        def key(name: str) -> tuple[int, str]:
            return (SITE_ORDER.index(name) if name in SITE_ORDER else len(SITE_ORDER), name)
        return [(name, self.sites[name]) for name in sorted(self.sites, key=key)]

    def days(self) -> list[str]:
        """Every dated day any site has, in order."""
        return sorted({d for s in self.sites.values() for d in s.per_day if d != UNDATED})

    def add(self, record: dict[str, Any], where: str) -> None:
        site = record.get("site") or NO_SITE
        stats = self.sites.setdefault(site, SiteStats())
        stats.records += 1
        published = record.get("published_at")
        stats.per_day[published[:10] if isinstance(published, str) else UNDATED] += 1
        for name in COVERAGE_FIELDS:
            if filled(record.get(name)):
                stats.filled[name] += 1
        if filled(record.get("duplicate_of")):
            stats.marked_duplicates += 1
        text = record.get("text") or ""
        if text.strip():
            digest = hashlib.sha256(text.strip().encode("utf-8")).digest()
            if digest in self._texts:
                stats.exact_duplicates += 1
            self._texts.add(digest)
        rid = record.get("id")
        if isinstance(rid, str):
            if rid in self._ids:
                stats.repeated_ids += 1
            self._ids.add(rid)
        stats.scripts[script_of((record.get("title") or "") + text)] += 1
        stats.headline_only += is_headline_only(record)
        stats.sizes.append(TextSize(len(text), record.get("title") or "", record.get("url"),
                                    where))
        # Keep only what can still be shown: the extremes, not every record.
        if len(stats.sizes) > 8 * EXTREMES:
            stats.sizes = stats.shortest() + stats.longest()


@dataclass(frozen=True)
class Gap:
    first: str  # the first day with no article
    last: str  # the last one
    days: int


def gaps(per_day: Counter[str], limit: int = 5) -> list[Gap]:
    """The longest runs of days with no article between a site's first and last
    dated day, longest first (then earliest)."""
    days = sorted(dt.date.fromisoformat(d) for d in per_day if d != UNDATED)
    found = [Gap((a + dt.timedelta(days=1)).isoformat(), (b - dt.timedelta(days=1)).isoformat(),
                 (b - a).days - 1)
             for a, b in itertools.pairwise(days) if (b - a).days > 1]
    return sorted(found, key=lambda g: (-g.days, g.first))[:limit]
