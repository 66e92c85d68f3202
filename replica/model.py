"""The replica's article space per site: ids, dates, listings, mutations, truth.

Generated article ``index`` i (0 = oldest) lives in column ``columns[i % C]`` as
that column's ``i // C``-th article; its date grows with i and its id is
computed from i (per column on shanxidayuan, one global sequence on the other
two), so index <-> id <-> date are all O(1). Seeds sit in their own columns at
their own dates and ids; generated ids skip over a seed's id and are offset so
ids around a seed's id have dates around the seed's date. Grown articles extend
the index range (newest), deletions and changes are small dicts.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache
from typing import Any

from crawler.replica import generator as G
from crawler.replica import phrases as P

START = datetime(2018, 1, 1, 8, 0, tzinfo=G.BEIJING)
END = datetime(2025, 12, 31, 20, 0, tzinfo=G.BEIJING)
PAGE_SIZE = 20


@dataclass(frozen=True)
class SiteSpec:
    name: str
    hosts: tuple[str, ...]
    columns: tuple[str, ...]
    global_ids: bool  # one id sequence for the whole site (else one per column)
    default_base: int  # first generated id when no seed pins the sequence
    url_format: str  # {column}, {num}
    listing_format: str  # {column}
    page_format: str  # {column}, {page} (page >= 2)


SPECS: dict[str, SiteSpec] = {
    "shanxidayuan": SiteSpec(
        "shanxidayuan", ("www.shanxidayuan.com", "shanxidayuan.com"), tuple(P.SXDY_COLUMNS),
        False, 120, "http://www.shanxidayuan.com/gsyl/{column}/{num}.html",
        "http://www.shanxidayuan.com/gsyl/{column}/",
        "http://www.shanxidayuan.com/gsyl/{column}/list_{page}.html"),
    "fissico": SiteSpec(
        "fissico", ("fissico.com", "www.fissico.com"), tuple(P.FISSICO_COLUMNS), True, 52000,
        "http://fissico.com/html/xw/{column}/{num}.html", "http://fissico.com/html/xw/{column}/",
        "http://fissico.com/html/xw/{column}/?page={page}"),
    "sxnews": SiteSpec(
        "sxnews", ("www.sxrb.com", "news.sxrb.com"), tuple(P.SXNEWS_CHANNELS), True, 7900000,
        "http://www.sxrb.com/sxxww/xwpd/{column}/{num}.shtml",
        "http://www.sxrb.com/sxxww/xwpd/{column}/",
        "http://www.sxrb.com/sxxww/xwpd/{column}/index_{page}.shtml"),
}
HOST_SITE = {host: spec.name for spec in SPECS.values() for host in spec.hosts}

ARTICLE_PATH = {
    "shanxidayuan": re.compile(r"^/gsyl/(?P<column>[a-z]+)/(?P<num>\d+)\.html$"),
    "fissico": re.compile(r"^/html/xw/(?P<column>[a-z]+)/(?P<num>\d+)\.html$"),
    "sxnews": re.compile(r"^/sxxww/xwpd/(?P<column>[a-z]+)/(?P<num>\d+)\.shtml$"),
}
LISTING_PATH = {
    "shanxidayuan": re.compile(r"^/gsyl/(?P<column>[a-z]+)/(?:list_(?P<page>\d+)\.html)?$"),
    "fissico": re.compile(r"^/html/xw/(?P<column>[a-z]+)/(?:index\.html)?$"),
    "sxnews": re.compile(r"^/sxxww/xwpd/(?P<column>[a-z]+)/(?:index(?:_(?P<page>\d+))?\.shtml)?$"),
}


@dataclass(frozen=True)
class Ref:
    """A cheap handle on an article: enough for listings without building it."""

    key: str  # "gen:<index>" or "seed:<name>"
    column: str
    num: int
    url: str
    when: datetime


class SiteModel:
    """One site's articles. Thread-safe for the server's concurrent readers."""

    def __init__(self, name: str, articles: int) -> None:
        self.spec = SPECS[name]
        self.name = name
        self.n = max(1, articles)
        self.grown = 0
        self.deleted: dict[str, int] = {}  # url -> 404 | 410
        self.versions: dict[str, int] = {}  # url -> number of text changes
        self.changed_at: dict[str, float] = {}  # url -> epoch of the last change
        self.lock = threading.RLock()
        self.seeds: list[Ref] = []
        for sname, seed in G.seed_data().items():
            if seed["site"] == name:
                num = int(seed["url"].rsplit("/", 1)[1].split(".")[0])
                self.seeds.append(Ref(f"seed:{sname}", seed["column"], num, seed["url"],
                                      G.seed_when(seed)))
        self.seeds.sort(key=lambda r: r.when, reverse=True)
        self.seed_by_url = {r.url: r for r in self.seeds}
        self.base: dict[str, int] = {}
        cols = self.spec.columns if not self.spec.global_ids else ("*",)
        for col in cols:
            pins = [r for r in self.seeds if col in ("*", r.column)]
            if pins:  # ids around the seed's id get dates around the seed's date
                pin = pins[0]
                before = self._count_before(pin.when, None if col == "*" else col)
                self.base[col] = max(1, pin.num - before)
            else:
                self.base[col] = self.spec.default_base

    # --- index <-> date / column / id ---------------------------------------

    @property
    def total(self) -> int:
        return self.n + self.grown

    def when(self, i: int) -> datetime:
        if i >= self.n:  # grown articles: newer than everything, an hour apart
            moment = END + timedelta(hours=i - self.n + 1)
        else:
            jitter = ((i * 2654435761) % 1000 / 1000 - 0.5) * 0.8
            span = (END - START).total_seconds()
            moment = START + timedelta(seconds=int(span * (i + 0.5 + jitter) / self.n))
        if self.name == "fissico":
            return moment.replace(hour=0, minute=0, second=0)
        if self.name == "sxnews":
            return moment.replace(second=0)
        return moment

    def column_of(self, i: int) -> str:
        return self.spec.columns[i % len(self.spec.columns)]

    def _count_before(self, moment: datetime, column: str | None) -> int:
        """Generated articles (in ``column``, or all) dated before ``moment``."""
        cols = len(self.spec.columns)
        offset = 0 if column is None else self.spec.columns.index(column)
        step = 1 if column is None else cols
        lo, hi = 0, (self.n - offset + step - 1) // step
        while lo < hi:
            mid = (lo + hi) // 2
            if self.when(offset + mid * step) < moment:
                lo = mid + 1
            else:
                hi = mid
        return lo

    def _seed_nums(self, column: str) -> list[int]:
        return sorted(r.num for r in self.seeds if self.spec.global_ids or r.column == column)

    def num_of(self, i: int) -> int:
        column = self.column_of(i)
        seq = i if self.spec.global_ids else i // len(self.spec.columns)
        num = self.base["*" if self.spec.global_ids else column] + seq
        for seed_num in self._seed_nums(column):
            if num >= seed_num:
                num += 1  # skip over a seed's id
        return num

    def index_of(self, column: str, num: int) -> int | None:
        if column not in self.spec.columns:
            return None
        seeds = self._seed_nums(column)
        if num in seeds:
            return None
        seq = num - self.base["*" if self.spec.global_ids else column] - sum(
            1 for s in seeds if s < num)
        if seq < 0:
            return None
        i = seq if self.spec.global_ids else seq * len(self.spec.columns) + \
            self.spec.columns.index(column)
        if i >= self.total or self.column_of(i) != column:
            return None
        return i

    def url_of(self, i: int) -> str:
        return self.spec.url_format.format(column=self.column_of(i), num=self.num_of(i))

    def ref(self, i: int) -> Ref:
        return Ref(f"gen:{i}", self.column_of(i), self.num_of(i), self.url_of(i), self.when(i))

    # --- lookups ----------------------------------------------------------------

    def find(self, path: str) -> Ref | None:
        """The article at ``path`` (deleted ones included), or ``None``."""
        m = ARTICLE_PATH[self.name].match(path)
        if not m:
            return None
        url = self.spec.url_format.format(column=m["column"], num=int(m["num"]))
        if url in self.seed_by_url:
            return self.seed_by_url[url]
        i = self.index_of(m["column"], int(m["num"]))
        return None if i is None else self.ref(i)

    def ref_for_url(self, url: str) -> Ref | None:
        from urllib.parse import urlsplit

        parts = urlsplit(url)
        if HOST_SITE.get(parts.hostname or "") != self.name:
            return None
        return self.find(parts.path)

    def article(self, ref: Ref) -> G.Article:
        version = self.versions.get(ref.url, 0)
        return _build(self.name, ref.key, ref.column, ref.num, ref.url, ref.when, version,
                      self._neighbours(ref))

    def title_of(self, ref: Ref) -> str:
        """An article's clean title without building its body (for listings)."""
        if ref.key.startswith("seed:"):
            return str(G.seed_data()[ref.key[5:]]["golden"]["title"])
        return G.neighbour_title(self.name, int(ref.key[4:]), ref.when)

    def _neighbours(self, ref: Ref) -> tuple[tuple[str, str] | None, tuple[str, str] | None]:
        if self.name != "fissico":
            return None, None
        cols = len(self.spec.columns)
        if ref.key.startswith("seed:"):
            # A seed links to the generated articles around it in its column.
            k = self._count_before(ref.when, ref.column)
            i = k * cols + self.spec.columns.index(ref.column)
            older, newer = i - cols, i
            prev = (self.url_of(older), "") if older >= 0 else None
            nxt = (self.url_of(newer), "") if newer < self.total else None
            return prev, nxt
        i = int(ref.key[4:])
        prev = next_ = None
        if i - cols >= 0:
            prev = (G.neighbour_title(self.name, i - cols, self.when(i - cols)),
                    self.url_of(i - cols))
        if i + cols < self.total:
            next_ = (G.neighbour_title(self.name, i + cols, self.when(i + cols)),
                     self.url_of(i + cols))
        return prev, next_

    # --- listings -------------------------------------------------------------------

    def _column_raw(self, column: str) -> tuple[int, list[tuple[int, Ref]]]:
        """(generated count, [(raw position, seed ref)]) of a column, newest first."""
        cols, c = len(self.spec.columns), self.spec.columns.index(column)
        count = max(0, (self.total - c + cols - 1) // cols)
        placed: list[tuple[int, Ref]] = []
        for j, seed in enumerate(r for r in self.seeds if r.column == column):
            newer = count - self._count_before(seed.when, column)
            placed.append((newer + j, seed))
        return count, placed

    def _raw_entry(self, column: str, p: int, count: int,
                   placed: list[tuple[int, Ref]]) -> Ref:
        for pos, seed in placed:
            if pos == p:
                return seed
        k = count - 1 - (p - sum(1 for pos, _ in placed if pos < p))
        return self.ref(k * len(self.spec.columns) + self.spec.columns.index(column))

    def _raw_position(self, ref: Ref, count: int, placed: list[tuple[int, Ref]]) -> int:
        for pos, seed in placed:
            if seed.url == ref.url:
                return pos
        k = int(ref.key[4:]) // len(self.spec.columns)
        p = count - 1 - k
        for pos, _ in placed:
            if pos <= p:
                p += 1
        return p

    def listing(self, column: str, page: int) -> tuple[list[Ref], int]:
        """One listing page (1-based) of a column, newest first, and the page count."""
        with self.lock:
            count, placed = self._column_raw(column)
            total_raw = count + len(placed)
            gone = sorted(
                self._raw_position(r, count, placed)
                for r in (self.ref_for_url(u) for u in self.deleted)
                if r is not None and r.column == column)
            visible = total_raw - len(gone)
            pages = max(1, (visible + PAGE_SIZE - 1) // PAGE_SIZE)
            out: list[Ref] = []
            for q in range((page - 1) * PAGE_SIZE, min(page * PAGE_SIZE, visible)):
                p = q
                for d in gone:
                    if d <= p:
                        p += 1
                out.append(self._raw_entry(column, p, count, placed))
            return out, pages

    def newest(self, n: int) -> list[Ref]:
        out: list[Ref] = []
        i = self.total - 1
        while i >= 0 and len(out) < n:
            ref = self.ref(i)
            if ref.url not in self.deleted:
                out.append(ref)
            i -= 1
        return out

    # --- the whole set ------------------------------------------------------------

    def refs(self) -> Iterator[Ref]:
        """Every live article, generated oldest first, then the seeds."""
        for i in range(self.total):
            ref = self.ref(i)
            if ref.url not in self.deleted:
                yield ref
        for seed in self.seeds:
            if seed.url not in self.deleted:
                yield seed

    def truth(self) -> Iterator[dict[str, Any]]:
        for ref in self.refs():
            yield self.article(ref).record

    # --- mutations ----------------------------------------------------------------

    def grow(self, n: int) -> list[str]:
        with self.lock:
            first = self.total
            self.grown += n
            return [self.url_of(i) for i in range(first, self.total)]

    def change(self, url: str) -> int:
        with self.lock:
            self.versions[url] = self.versions.get(url, 0) + 1
            self.changed_at[url] = time.time()
            return self.versions[url]

    def delete(self, url: str, status: int = 404) -> None:
        with self.lock:
            self.deleted[url] = status

    def last_modified(self, ref: Ref) -> float:
        return self.changed_at.get(ref.url, ref.when.timestamp())


@lru_cache(maxsize=512)
def _build(site: str, key: str, column: str, num: int, url: str, when: datetime,
           version: int, neighbours: tuple[Any, Any]) -> G.Article:
    updates = [G.update_paragraph(key, v) for v in range(1, version + 1)]
    if key.startswith("seed:"):
        return G.build_seed(key[5:], updates, *neighbours)
    index = int(key[4:])
    if site == "shanxidayuan":
        return G.build_shanxidayuan(index, column, num, url, when, updates)
    if site == "fissico":
        return G.build_fissico(index, column, num, url, when, updates, *neighbours)
    return G.build_sxnews(index, column, num, url, when, updates)
