"""The replica's article space per site: URL schemes, ids, dates, listings, mutations, truth.

A site is one or more *eras* (Shanxi News: the old ``/sxxww/…shtml`` scheme of
2017 - mid 2019, then the People's Daily CMS ``/GB/<node>/<id>.html`` scheme;
the other sites have one). Generated article ``index`` i (0 = oldest) belongs to
the era whose index range holds it; inside an era, columns take turns by a
fixed weighted cycle, so i <-> (column, position in column) <-> id <-> date are
all O(1). Ids are one sequence per column (shanxidayuan), one sequence across
all columns (fissico), or one sparse rising sequence across hosts (Shanxi News,
spread over the id range the real site used in that era). Seeds sit in their
own columns at their own dates and ids; generated ids skip over a seed's id and
dense sequences are offset so ids around a seed's id have dates around the
seed's date. Grown articles extend the last era (newest, current scheme);
deletions and changes are small dicts.

Growth keeps every earlier article: the layout (era sizes, dates spread over
the years, id strides and bases) is fixed by the *base* size B alone, and every
article past B is a grown one, dated after END an hour apart (fissico prints
only the day) in the last era's column cycle. So ``SiteModel(site, N, base=B)``
serves exactly ``SiteModel(site, B)`` after ``grow(N - B)``, and raising N with
the same B keeps every URL, id, text and date a smaller N served. Without
``base`` (B = N) the layout is the one N has always given.

A template switch (the ``template_switch`` fault, :meth:`SiteModel.switch_template`)
renders generated articles from a date or an index on in a family the site
never used; their records follow :func:`replica.generator.switched`.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cached_property, lru_cache
from typing import Any
from urllib.parse import urlsplit

from replica import generator as G
from replica import phrases as P

START = datetime(2018, 1, 1, 8, 0, tzinfo=G.BEIJING)
END = datetime(2025, 12, 31, 20, 0, tzinfo=G.BEIJING)
PAGE_SIZE = 20


@dataclass(frozen=True)
class Column:
    """One listing's worth of articles: where they live and how the site names them."""

    key: str  # unique in the site: "lzyl", "xw/dzyw", "old:xwpd/gcdt", "gb:314064"
    host: str  # canonical host of its articles
    dir: str  # "/gsyl/lzyl/", "/html/xw/dzyw/", "/sxxww/xwpd/gcdt/", "/GB/314064/"
    ext: str  # ".html" | ".shtml"
    scheme: str  # "sxdy" | "kbcmw" | "sxxww" | "gb"
    crumbs: tuple[str, ...]  # breadcrumb below the site's name (Simplified)
    weight: int = 1
    family: str = ""  # a family every article of the column has (photo, special)
    tid: int = 0  # DedeCMS type id (fissico's list_<tid>_<n>.html)

    @property
    def name(self) -> str:
        return self.crumbs[-1]


@dataclass(frozen=True)
class Era:
    name: str
    columns: tuple[Column, ...]
    ids: str  # "column" | "global" | "strided"
    start: datetime
    end: datetime
    share: float  # of the generated articles
    id_lo: int = 0  # "strided": the ids spread over [id_lo, id_hi)
    id_hi: int = 0
    default_base: int = 1  # first id of a dense sequence no seed pins


@dataclass(frozen=True)
class SiteSpec:
    name: str
    hosts: tuple[str, ...]  # every host served; the first is the site's main host
    aliases: dict[str, str]  # alias host -> canonical host
    eras: tuple[Era, ...]
    page_size: int = PAGE_SIZE

    @property
    def columns(self) -> tuple[str, ...]:
        return tuple(c.key for e in self.eras for c in e.columns)


def _sxdy_columns() -> tuple[Column, ...]:
    return tuple(Column(k, "www.shanxidayuan.com", f"/gsyl/{k}/", ".html", "sxdy",
                        (P.SXDY_SECTION, city), 1, tid=n + 1)
                 for n, (k, city) in enumerate(P.SXDY_COLUMNS.items()))


def _fissico_columns() -> tuple[Column, ...]:
    return tuple(Column(k, "fissico.com", f"/html/{k}/", ".html", "kbcmw", (sec, name), w,
                        tid=11 + n)
                 for n, (k, (sec, name, w)) in enumerate(P.FISSICO_COLUMNS.items()))


def _sxnews_old_columns() -> tuple[Column, ...]:
    return tuple(Column(f"old:{d}", host, f"/sxxww/{d}/", ".shtml", "sxxww", crumbs, w)
                 for host, d, crumbs, w in P.SXNEWS_OLD_COLUMNS)


def _sxnews_gb_columns() -> tuple[Column, ...]:
    return tuple(Column(f"gb:{node}", host, f"/GB/{node}/", ".html", "gb", crumbs, w, fam)
                 for host, node, crumbs, w, fam in P.SXNEWS_GB_COLUMNS)


SXNEWS_OLD_HOSTS = ("www.sxrb.com", "news.sxrb.com")  # old articles answer on either
SXNEWS_GB_HOSTS = tuple(P.SXNEWS_GB_HOSTS)

SPECS: dict[str, SiteSpec] = {
    "shanxidayuan": SiteSpec(
        "shanxidayuan", ("www.shanxidayuan.com", "shanxidayuan.com"),
        {"shanxidayuan.com": "www.shanxidayuan.com"},
        (Era("all", _sxdy_columns(), "column", START, END, 1.0, default_base=120),)),
    "fissico": SiteSpec(
        "fissico", ("fissico.com", "www.fissico.com"), {"www.fissico.com": "fissico.com"},
        (Era("all", _fissico_columns(), "global", START, END, 1.0, default_base=52000),),
        page_size=15),
    "sxnews": SiteSpec(
        "sxnews", ("www.sxrb.com", "news.sxrb.com", "sz.sxrb.com", *SXNEWS_GB_HOSTS[1:]), {},
        (Era("old", _sxnews_old_columns(), "strided",
             datetime(2017, 1, 2, 8, 0, tzinfo=G.BEIJING),
             datetime(2019, 6, 30, 20, 0, tzinfo=G.BEIJING), 0.28, 7_250_000, 7_780_000),
         Era("gb", _sxnews_gb_columns(), "strided",
             datetime(2019, 7, 1, 8, 0, tzinfo=G.BEIJING), END, 0.72, 9_400_000, 10_300_000))),
}
HOST_SITE = {host: spec.name for spec in SPECS.values() for host in spec.hosts}

ARTICLE_PATH = re.compile(r"^(?P<dir>/(?:[A-Za-z0-9]+/)+)(?P<num>\d+)(?P<ext>\.s?html)$")
# A later page of a multi-page article: ``<num>_2.html`` (DedeCMS), ``<num>-2.html``.
PAGE_PATH = re.compile(r"^(?P<dir>/(?:[A-Za-z0-9]+/)+)(?P<num>\d+)(?P<sep>[_-])(?P<part>\d+)"
                       r"(?P<ext>\.s?html)$")
HOME_PATHS = {
    "sxdy": ("/", "/index.html"), "kbcmw": ("/", "/index.html"),
    "old": ("/", "/index.html", "/index.shtml"), "gb": ("/", "/GB/", "/GB/index.html"),
}


@dataclass(frozen=True)
class Ref:
    """A cheap handle on an article: enough for listings without building it."""

    key: str  # "gen:<index>" or "seed:<name>"
    column: str
    num: int
    url: str
    when: datetime


@dataclass(frozen=True)
class Route:
    """What a (host, path) is: a home, a listing page or an article (``big5``: the
    Traditional copy of a /GB/ page)."""

    kind: str  # "home" | "listing" | "article"
    host: str
    column: Column | None = None
    page: int = 1
    ref: Ref | None = None
    big5: bool = False
    gb_path: str = ""


def _cycle(columns: tuple[Column, ...]) -> list[int]:
    """Columns in turn by weight, spread out (smooth weighted round robin)."""
    total = sum(c.weight for c in columns)
    current = [0] * len(columns)
    out = []
    for _ in range(total):
        for n, c in enumerate(columns):
            current[n] += c.weight
        best = max(range(len(columns)), key=lambda n: current[n])
        current[best] -= total
        out.append(best)
    return out


class _EraIndex:
    """Index arithmetic of one era: column turns, positions, counts."""

    def __init__(self, era: Era, lo: int, size: int) -> None:
        self.era, self.lo, self.size = era, lo, size
        self.cycle = _cycle(era.columns)
        self.period = len(self.cycle)
        self.pos = [[p for p, c in enumerate(self.cycle) if c == n]
                    for n in range(len(era.columns))]
        self.rank = [self.pos[c].index(p) for p, c in enumerate(self.cycle)]
        self.stride = max(4, (era.id_hi - era.id_lo) // max(1, size)) if era.ids == "strided" \
            else 1

    def column_no(self, i: int) -> int:
        return self.cycle[(i - self.lo) % self.period]

    def k_of(self, i: int) -> int:
        j = i - self.lo
        c = self.cycle[j % self.period]
        return (j // self.period) * len(self.pos[c]) + self.rank[j % self.period]

    def index_at(self, c: int, k: int) -> int:
        per = len(self.pos[c])
        return self.lo + (k // per) * self.period + self.pos[c][k % per]

    def count(self, c: int, hi: int) -> int:
        full, rem = divmod(max(0, hi - self.lo), self.period)
        return full * len(self.pos[c]) + sum(1 for p in self.pos[c] if p < rem)


class SiteModel:
    """One site's articles. Thread-safe for the server's concurrent readers.

    ``articles``: generated articles besides the seeds; ``base`` (default
    ``articles``): the size that fixes the layout, the rest are grown (see the
    module's docstring)."""

    def __init__(self, name: str, articles: int, base: int | None = None) -> None:
        self.spec = SPECS[name]
        self.name = name
        total = max(1, articles)
        if base is not None and not 1 <= base <= total:
            raise ValueError(f"base {base} must be between 1 and the articles ({total})")
        self.n = total if base is None else base  # the layout's size; past it, grown
        self.grown = total - self.n
        # The template switch: generated articles dated at or after a moment, or
        # from an index on, are rendered in the new family (None: never).
        self.template_from: datetime | int | None = None
        self.switched_at = 0.0  # epoch of the last switch (their Last-Modified)
        self.deleted: dict[str, int] = {}  # url -> 404 | 410
        self.versions: dict[str, int] = {}  # url -> number of text changes
        self.changed_at: dict[str, float] = {}  # url -> epoch of the last change
        self.lock = threading.RLock()
        self._records: dict[tuple[str, int, bool], dict[str, Any]] = {}
        self.columns: dict[str, Column] = {c.key: c for e in self.spec.eras for c in e.columns}
        self.by_dir: dict[tuple[str, str], Column] = {
            (c.host, c.dir): c for c in self.columns.values()}
        # era sizes (all but the last rounded from their share; every era but the
        # last may be empty when there are very few articles)
        sizes = [round(self.n * e.share) for e in self.spec.eras[:-1]]
        sizes.append(self.n - sum(sizes))
        self.eras: list[_EraIndex] = []
        lo = 0
        for era, size in zip(self.spec.eras, sizes, strict=True):
            self.eras.append(_EraIndex(era, lo, size))
            lo += size
        self.era_of_column = {c.key: (n, x) for n, e in enumerate(self.eras)
                              for x, c in enumerate(e.era.columns)}
        self.seeds: list[Ref] = []
        for sname, seed in G.seed_data().items():
            if seed["site"] == name:
                parts = urlsplit(seed["url"])
                m = ARTICLE_PATH.match(parts.path)
                assert m, seed["url"]
                col = self.by_dir[(parts.hostname or "", m["dir"])]
                self.seeds.append(Ref(f"seed:{sname}", col.key, int(m["num"]), seed["url"],
                                      G.seed_when(seed)))
        self.seeds.sort(key=lambda r: r.when, reverse=True)
        self.seed_by_url = {r.url: r for r in self.seeds}
        self.base: dict[str, int] = {}  # column key or era name -> first id
        for ex in self.eras:
            era = ex.era
            if era.ids == "global":
                pins = [r for r in self.seeds if self.era_of_column[r.column][0] ==
                        self.eras.index(ex)]
                self.base[era.name] = (max(1, pins[0].num - self._count_before(ex, pins[0].when))
                                       if pins else era.default_base)
            elif era.ids == "column":
                for x, col in enumerate(era.columns):
                    pins = [r for r in self.seeds if r.column == col.key]
                    self.base[col.key] = (
                        max(1, pins[0].num - self._count_before(ex, pins[0].when, x))
                        if pins else era.default_base)

    # --- index <-> era / date / column / id ------------------------------------------

    @property
    def total(self) -> int:
        return self.n + self.grown

    def _era(self, i: int) -> _EraIndex:
        for ex in reversed(self.eras):
            if i >= ex.lo:
                return ex
        return self.eras[0]

    def _hi(self, ex: _EraIndex) -> int:
        n = self.eras.index(ex)
        return self.eras[n + 1].lo if n + 1 < len(self.eras) else self.total

    def when(self, i: int) -> datetime:
        if i >= self.n:  # grown articles: newer than everything, an hour apart
            moment = END + timedelta(hours=i - self.n + 1)
        else:
            ex = self._era(i)
            jitter = ((i * 2654435761) % 1000 / 1000 - 0.5) * 0.8
            span = (ex.era.end - ex.era.start).total_seconds()
            moment = ex.era.start + timedelta(
                seconds=int(span * (i - ex.lo + 0.5 + jitter) / max(1, ex.size)))
        if self.name == "fissico":
            return moment.replace(hour=0, minute=0, second=0)
        if self.name == "sxnews":
            return moment.replace(second=0)
        return moment

    def column(self, i: int) -> Column:
        ex = self._era(i)
        return ex.era.columns[ex.column_no(i)]

    def column_of(self, i: int) -> str:
        return self.column(i).key

    def _count_before(self, ex: _EraIndex, moment: datetime, c: int | None = None) -> int:
        """Generated articles of an era (or of its column ``c``) dated before ``moment``."""
        hi = ex.size if c is None else ex.count(c, ex.lo + ex.size)
        lo = 0
        while lo < hi:
            mid = (lo + hi) // 2
            i = ex.lo + mid if c is None else ex.index_at(c, mid)
            if self.when(i) < moment:
                lo = mid + 1
            else:
                hi = mid
        return lo

    def _seed_nums(self, ex: _EraIndex, column: str | None) -> list[int]:
        era_no = self.eras.index(ex)
        return sorted(r.num for r in self.seeds if self.era_of_column[r.column][0] == era_no
                      and (column is None or r.column == column))

    def num_of(self, i: int) -> int:
        ex = self._era(i)
        era = ex.era
        if era.ids == "strided":
            j = i - ex.lo
            num = era.id_lo + j * ex.stride + (j * 2654435761 >> 7) % (ex.stride // 2)
            return num + 1 if num in self._seed_nums(ex, None) else num
        if era.ids == "global":
            num, seeds = self.base[era.name] + (i - ex.lo), self._seed_nums(ex, None)
        else:
            col = self.column_of(i)
            num, seeds = self.base[col] + ex.k_of(i), self._seed_nums(ex, col)
        for seed_num in seeds:
            if num >= seed_num:
                num += 1  # skip over a seed's id
        return num

    def index_of(self, column: str, num: int) -> int | None:
        if column not in self.era_of_column:
            return None
        era_no, c = self.era_of_column[column]
        ex = self.eras[era_no]
        era = ex.era
        if era.ids == "strided":
            i = ex.lo + (num - era.id_lo) // ex.stride
        else:
            seeds = self._seed_nums(ex, None if era.ids == "global" else column)
            if num in seeds:
                return None
            seq = num - self.base[era.name if era.ids == "global" else column] - sum(
                1 for s in seeds if s < num)
            if seq < 0:
                return None
            i = ex.lo + seq if era.ids == "global" else ex.index_at(c, seq)
        if not ex.lo <= i < self._hi(ex) or self.column_of(i) != column:
            return None
        if era.ids == "strided" and self.num_of(i) != num:
            return None
        return i

    def url_of(self, i: int) -> str:
        col = self.column(i)
        return f"http://{col.host}{col.dir}{self.num_of(i)}{col.ext}"

    def ref(self, i: int) -> Ref:
        return Ref(f"gen:{i}", self.column_of(i), self.num_of(i), self.url_of(i), self.when(i))

    def index(self, ref: Ref) -> int | None:
        return int(ref.key[4:]) if ref.key.startswith("gen:") else None

    # --- routes and lookups ----------------------------------------------------------

    def canonical_host(self, host: str) -> str:
        return self.spec.aliases.get(host, host)

    def _column_at(self, host: str, d: str) -> Column | None:
        col = self.by_dir.get((host, d))
        if col is None and host in SXNEWS_OLD_HOSTS:  # old articles answer on www. and news.
            for other in SXNEWS_OLD_HOSTS:
                alt = self.by_dir.get((other, d))
                if alt is not None and alt.scheme == "sxxww":
                    return alt
        return col

    def find(self, path: str, host: str | None = None) -> Ref | None:
        """The article at ``host`` + ``path`` (deleted ones included), or ``None``."""
        host = self.canonical_host(host or self.spec.hosts[0])
        m = ARTICLE_PATH.match(path)
        if not m:
            return None
        col = self._column_at(host, m["dir"])
        if col is None or m["ext"] != col.ext:
            return None
        url = f"http://{col.host}{col.dir}{int(m['num'])}{col.ext}"
        if url in self.seed_by_url:
            return self.seed_by_url[url]
        if m["num"] != str(int(m["num"])):
            return None
        i = self.index_of(col.key, int(m["num"]))
        return None if i is None else self.ref(i)

    def ref_for_url(self, url: str) -> Ref | None:
        parts = urlsplit(url)
        host = parts.hostname or ""
        if HOST_SITE.get(host) != self.name:
            return None
        route = self.route(host, parts.path or "/")
        return route.ref if route is not None and route.kind == "article" else None

    def home_kind(self, host: str) -> str:
        if self.name == "shanxidayuan":
            return "sxdy"
        if self.name == "fissico":
            return "kbcmw"
        return "gb" if host in SXNEWS_GB_HOSTS else "old"

    def route(self, host: str, path: str) -> Route | None:
        """What ``host`` serves at ``path``, or ``None`` (a 404)."""
        host = self.canonical_host(host)
        if self.name == "sxnews" and host in SXNEWS_GB_HOSTS and path.startswith("/BIG5/"):
            gb_path = "/GB/" + path[len("/BIG5/"):]
            inner = self.route(host, gb_path)
            if inner is None or gb_path == "/GB/":
                return None
            return Route(inner.kind, host, inner.column, inner.page, inner.ref, True, gb_path)
        if path in HOME_PATHS[self.home_kind(host)]:
            return Route("home", host)
        ref = self.find(path, host)
        if ref is not None:
            return Route("article", host, ref=ref)
        later = PAGE_PATH.match(path)
        if later is not None:
            return self._page_route(host, later)
        d, _, leaf = path.rpartition("/")
        col = self._column_at(host, d + "/")
        if col is None or col.host != host:
            return None
        page = self._listing_page(col, leaf)
        return Route("listing", host, col, page) if page else None

    def _page_route(self, host: str, m: re.Match[str]) -> Route | None:
        """Page 2… of a multi-page article, in the site's own naming only."""
        ref = self.find(f"{m['dir']}{m['num']}{m['ext']}", host)
        if ref is None or m["sep"] != G.PAGE_SEP.get(self.name) or m["part"] != str(
                int(m["part"])):
            return None
        part = int(m["part"])
        if not 2 <= part <= G.page_count(self.article(ref)):
            return None
        return Route("article", host, ref=ref, page=part)

    @staticmethod
    def _listing_page(col: Column, leaf: str) -> int | None:
        patterns = {
            "sxdy": (r"", r"list_(\d+)\.html"),
            "kbcmw": (r"", r"index\.html", rf"list_{col.tid}_(\d+)\.html"),
            "sxxww": (r"", r"index\.shtml", r"index_(\d+)\.shtml"),
            "gb": (r"", r"index\.html", r"index(\d+)\.html"),
        }[col.scheme]
        for pattern in patterns:
            m = re.fullmatch(pattern, leaf)
            if m:
                page = int(m[1]) if m.groups() else 1
                if m.groups() and (m[1] != str(page) or (page < 2 and col.scheme != "kbcmw")):
                    return None
                return page if page >= 1 else None
        return None

    def page_url(self, column: str, page: int) -> str:
        """The URL the site's own links give a listing page."""
        col = self.columns[column]
        base = f"http://{col.host}{col.dir}"
        if col.scheme == "sxdy":
            return base if page <= 1 else f"{base}list_{page}.html"
        if col.scheme == "kbcmw":
            return base if page <= 1 else f"{base}list_{col.tid}_{page}.html"
        if col.scheme == "sxxww":
            return base + ("index.shtml" if page <= 1 else f"index_{page}.shtml")
        return base + ("index.html" if page <= 1 else f"index{page}.html")

    def columns_on(self, host: str) -> list[Column]:
        return [c for c in self.columns.values() if c.host == host]

    # --- articles ---------------------------------------------------------------------

    def article(self, ref: Ref) -> G.Article:
        version = self.versions.get(ref.url, 0)
        built = _build(self, ref, version, self._nav(ref))
        return G.switched(built) if self.is_switched(ref) else built

    def record(self, ref: Ref) -> dict[str, Any]:
        """An article's expected record (kept: it depends only on the article, its
        version and whether the template switch reached it, never on the links
        around it)."""
        key = (ref.key, self.versions.get(ref.url, 0), self.is_switched(ref))
        rec = self._records.get(key)
        if rec is None:
            rec = self._records[key] = self.article(ref).record
        return {**rec, "category": list(rec["category"]), "tags": list(rec["tags"])}

    def is_switched(self, ref: Ref) -> bool:
        """Whether the template switch renders this article in the new family.
        Seeds never are: they are the real site's pages as captured."""
        since = self.template_from
        if since is None or not ref.key.startswith("gen:"):
            return False
        if isinstance(since, int):
            return int(ref.key[4:]) >= since
        return ref.when >= since

    def switch_template(self, since: datetime | int | None) -> None:
        """Render generated articles dated at or after ``since`` (an aware
        datetime) or from index ``since`` on (an int; ``total`` is the next one
        grown) in the new template family; ``None`` switches back."""
        with self.lock:
            if since != self.template_from:
                self.template_from = since
                self.switched_at = time.time()

    def display_title(self, i: int) -> str:
        """A generated article's headline as its record (and listings) give it."""
        title = G.plain_title(self.name, i, self.when(i))
        col = self.column(i)
        if self.name == "fissico" or (col.scheme == "sxxww" and i % 5 == 3):
            return G.to_traditional(title)
        return title

    def title_of(self, ref: Ref) -> str:
        """An article's clean title without building its body (for listings)."""
        if ref.key.startswith("seed:"):
            return str(G.seed_data()[ref.key[5:]]["golden"]["title"])
        return self.display_title(int(ref.key[4:]))

    def summary_of(self, ref: Ref) -> str:
        if ref.key.startswith("seed:"):
            text = str(G.seed_data()[ref.key[5:]]["golden"]["text"])
            first = text.split("\n\n")[-1 if text.count("\n\n") == 0 else 1]
            return first[:48] + "……" if len(first) > 48 else first
        i = int(ref.key[4:])
        out = G.summary(self.name, i, self.when(i))
        return G.to_traditional(out) if self.name == "fissico" else out

    def _link(self, i: int) -> G.Link:
        when = self.when(i)
        return G.Link(G.plain_title(self.name, i, when), self.url_of(i), when)

    def _nav(self, ref: Ref) -> G.Nav:
        era_no, c = self.era_of_column[ref.column]
        ex = self.eras[era_no]
        count = ex.count(c, self._hi(ex))
        if ref.key.startswith("seed:"):
            if self.name != "fissico":
                return G.Nav()
            # A seed links to the generated articles around it in its column.
            k = self._count_before(ex, ref.when, c)
            older = G.Link("", self.url_of(ex.index_at(c, k - 1)), ref.when) if k > 0 else None
            newer = G.Link("", self.url_of(ex.index_at(c, k)), ref.when) if k < count else None
            return G.Nav(older, newer)
        i = int(ref.key[4:])
        k = ex.k_of(i)
        prev = self._link(ex.index_at(c, k - 1)) if k > 0 else None
        nxt = self._link(ex.index_at(c, k + 1)) if k + 1 < count else None
        related = tuple(self._link(ex.index_at(c, k - d)) for d in range(1, 4 + i % 4)
                        if k - d >= 0)
        hot = tuple(self._link(i - 2 * d - 1) for d in range(i % 3 + 3) if i - 2 * d - 1 >= 0)
        return G.Nav(prev, nxt, related, hot)

    # --- listings ------------------------------------------------------------------------

    def _column_raw(self, column: str) -> tuple[int, list[tuple[int, Ref]]]:
        """(generated count, [(raw position, seed ref)]) of a column, newest first."""
        era_no, c = self.era_of_column[column]
        ex = self.eras[era_no]
        count = ex.count(c, self._hi(ex))
        placed: list[tuple[int, Ref]] = []
        for j, seed in enumerate(r for r in self.seeds if r.column == column):
            newer = count - self._count_before(ex, seed.when, c)
            placed.append((newer + j, seed))
        return count, placed

    def _raw_entry(self, column: str, p: int, count: int,
                   placed: list[tuple[int, Ref]]) -> Ref:
        for pos, seed in placed:
            if pos == p:
                return seed
        era_no, c = self.era_of_column[column]
        k = count - 1 - (p - sum(1 for pos, _ in placed if pos < p))
        return self.ref(self.eras[era_no].index_at(c, k))

    def _raw_position(self, ref: Ref, count: int, placed: list[tuple[int, Ref]]) -> int:
        for pos, seed in placed:
            if seed.url == ref.url:
                return pos
        era_no, _c = self.era_of_column[ref.column]
        p = count - 1 - self.eras[era_no].k_of(int(ref.key[4:]))
        for pos, _ in placed:
            if pos <= p:
                p += 1
        return p

    def listing(self, column: str, page: int) -> tuple[list[Ref], int]:
        """One listing page (1-based) of a column, newest first, and the page count."""
        size = self.spec.page_size
        with self.lock:
            count, placed = self._column_raw(column)
            total_raw = count + len(placed)
            gone = sorted(
                self._raw_position(r, count, placed)
                for r in (self.ref_for_url(u) for u in self.deleted)
                if r is not None and r.column == column)
            visible = total_raw - len(gone)
            pages = max(1, (visible + size - 1) // size)
            out: list[Ref] = []
            for q in range((page - 1) * size, min(page * size, visible)):
                p = q
                for d in gone:
                    if d <= p:
                        p += 1
                out.append(self._raw_entry(column, p, count, placed))
            return out, pages

    def newest(self, n: int, hosts: tuple[str, ...] | None = None,
               scheme: str | None = None) -> list[Ref]:
        """The newest live articles (of some hosts / a URL scheme), seeds included."""
        out: list[Ref] = []
        i, steps = self.total - 1, 0
        while i >= 0 and len(out) < n and steps < 5000:
            col = self.column(i)
            if (hosts is None or col.host in hosts) and (scheme is None or col.scheme == scheme):
                ref = self.ref(i)
                if ref.url not in self.deleted:
                    out.append(ref)
            i, steps = i - 1, steps + 1
        for seed in self.seeds:
            col = self.columns[seed.column]
            if seed.url not in self.deleted and (hosts is None or col.host in hosts) and (
                    scheme is None or col.scheme == scheme):
                out.append(seed)
        out.sort(key=lambda r: r.when, reverse=True)
        return out[:n]

    # --- the whole set ---------------------------------------------------------------------

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
            yield self.record(ref)

    # --- mutations -------------------------------------------------------------------------

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
        modified = self.changed_at.get(ref.url, ref.when.timestamp())
        return max(modified, self.switched_at) if self.is_switched(ref) else modified

    @cached_property
    def info(self) -> dict[str, Any]:
        return {"hosts": list(self.spec.hosts),
                "eras": [{"name": ex.era.name, "ids": ex.era.ids, "articles": ex.size,
                          "columns": [self.page_url(c.key, 1) for c in ex.era.columns]}
                         for ex in self.eras]}


def _build(model: SiteModel, ref: Ref, version: int, nav: G.Nav) -> G.Article:
    col = model.columns[ref.column]
    return _build_cached(model.name, ref.key, col, ref.num, ref.url, ref.when, version, nav)


@lru_cache(maxsize=1024)
def _build_cached(site: str, key: str, col: Column, num: int, url: str, when: datetime,
                  version: int, nav: G.Nav) -> G.Article:
    updates = [G.update_paragraph(key, v) for v in range(1, version + 1)]
    if key.startswith("seed:"):
        return G.build_seed(key[5:], col.key, updates,
                            nav.prev.url if nav.prev else None, nav.next.url if nav.next else None)
    index = int(key[4:])
    if site == "shanxidayuan":
        return G.build_shanxidayuan(index, col.key, num, url, when, updates, nav)
    if site == "fissico":
        return G.build_fissico(index, col.key, num, url, when, updates, nav)
    return G.build_sxnews(index, col.key, num, url, when, updates, nav, col.crumbs, col.scheme,
                          col.family)
