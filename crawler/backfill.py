"""What a backfill knows before it asks: article ids, their columns and dates.

An id walk on a site whose ids are one sequence across columns (fissico,
Shanxi News) must guess the column of each id; a wrong guess is a request
answered 404. ``IdFacts`` holds every (column, id, listing date) the crawler
has seen in a URL (listing links, exported records; kept in the frontier's
``id_column`` table across runs) and orders the columns to try for an id:

1. the column a listing named it in;
2. the columns of its nearest known neighbours (ids rise with date across
   columns, and a column's articles come in runs);
3. the columns that hold the most ids near it;
4. every other column, in the given order.

The same facts bound an undated article's date by its dated neighbours
(``day_bounds``): the window of a backfill can leave it out unfetched.

``listings_first`` says whether reading listings (which name many ids per
page) costs fewer requests than walking the ids blind.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from crawler.dates import day_of

# Ids this far either side count as neighbours of an id.
NEAR = 50
# A listing page names about this many articles (measured on the replica's
# DedeCMS and People's Daily listings: 15 and 20 to 25); the estimate only
# chooses between listings and a blind walk, so it need not be exact.
LISTING_PAGE_SIZE = 15
# An article is left out by its neighbours' dates only when they put it this
# far outside the window: ids rise with date, but a draft published late or a
# page re-dated may break the order by days (none does on the replica).
NEIGHBOUR_MARGIN = dt.timedelta(days=31)


@dataclass
class IdFacts:
    # id -> {column: listing date or None}
    by_id: dict[int, dict[str, str | None]] = field(default_factory=dict)
    _sorted: list[int] = field(default_factory=list)
    _dated: list[int] = field(default_factory=list)
    _dirty: bool = False

    def add(self, column: str, number: int, day: str | None = None) -> bool:
        """Record one fact; ``True`` when it is new (worth keeping)."""
        known = self.by_id.setdefault(number, {})
        if column in known and (known[column] or not day):
            return False
        known[column] = day or known.get(column)
        self._dirty = True
        return True

    def update(self, facts: Iterable[tuple[str, int, str | None]]) -> None:
        for column, number, day in facts:
            self.add(column, number, day)

    def _index(self) -> None:
        if self._dirty:
            self._sorted = sorted(self.by_id)
            self._dated = [n for n in self._sorted if any(self.by_id[n].values())]
            self._dirty = False

    def columns_of(self, number: int) -> list[str]:
        return list(self.by_id.get(number, {}))

    def order(self, number: int, columns: Sequence[str]) -> list[str]:
        """The columns to try for ``number``, likeliest first (each once)."""
        self._index()
        out: dict[str, None] = dict.fromkeys(c for c in self.columns_of(number) if c in columns)
        at = bisect.bisect_left(self._sorted, number)
        below, above = at - 1, at
        near: Counter[str] = Counter()
        # Nearest neighbours first, alternating below and above.
        while (below >= 0 and number - self._sorted[below] <= NEAR) or (
                above < len(self._sorted) and self._sorted[above] - number <= NEAR):
            for side in (below, above):
                if 0 <= side < len(self._sorted) and abs(self._sorted[side] - number) <= NEAR \
                        and self._sorted[side] != number:
                    for column in self.by_id[self._sorted[side]]:
                        near[column] += 1
                        if len(out) < 2 and column in columns:
                            out.setdefault(column)
            below, above = below - 1, above + 1
        for column, _ in near.most_common():
            if column in columns:
                out.setdefault(column)
        for column in columns:
            out.setdefault(column)
        return list(out)

    def day_bounds(self, number: int) -> tuple[dt.date | None, dt.date | None]:
        """The listing dates of the nearest dated ids below and above
        ``number``: its own date lies between them (ids rise with date)."""
        self._index()
        at = bisect.bisect_left(self._dated, number)
        lo = _day(self.by_id[self._dated[at - 1]]) if at > 0 else None
        hi_at = at + (1 if at < len(self._dated) and self._dated[at] == number else 0)
        hi = _day(self.by_id[self._dated[hi_at]]) if hi_at < len(self._dated) else None
        return lo, hi

    def known_share(self, first: int, last: int) -> float:
        """The share of ids in ``first..last`` whose column is known."""
        self._index()
        inside = bisect.bisect_right(self._sorted, last) - bisect.bisect_left(self._sorted, first)
        return inside / max(1, last - first + 1)


def _day(columns: dict[str, str | None]) -> dt.date | None:
    days = [d for d in columns.values() if d]
    return day_of(min(days)) if days else None


def outside_window(bounds: tuple[dt.date | None, dt.date | None], since: dt.date | None,
                   until: dt.date | None) -> bool:
    """Whether an article dated between ``bounds`` lies outside since..until for sure."""
    lo, hi = bounds
    return bool((since and hi and hi + NEIGHBOUR_MARGIN < since)
                or (until and lo and lo - NEIGHBOUR_MARGIN > until))


def listings_first(newest: int | None, first: int, last: int, columns: int,
                   known_share: float) -> bool:
    """Whether reading listings down to ``first`` (every article newer than it,
    ``LISTING_PAGE_SIZE`` to a page) is cheaper than walking ``first..last``
    blind (a wrong column costs a request; half the other columns on average)."""
    if newest is None:
        return True  # nothing says how far the listings reach: they are the safer bet
    listing_pages = max(0, newest - first + 1) / LISTING_PAGE_SIZE
    blind = (last - first + 1) * (1 - known_share) * max(0, columns - 1) / 2
    return listing_pages < blind
