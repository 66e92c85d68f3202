"""Dates and times, one way: the sites' time zone, digits to a real day, the
record's ISO forms and reading them back.

A record's ``published_at`` is a day (``2022-03-05``) or a Beijing time
(``2022-03-05T09:30:00+08:00``); its ``fetched_at`` a UTC time. Extraction,
the text cleaner, the record schema, the archive, the window and the id walk
all read and write them through here.
"""

from __future__ import annotations

import datetime as dt

BEIJING = dt.timezone(dt.timedelta(hours=8))  # the three sites' time zone (no DST)
MIN_YEAR = 1995  # no regional news site here is older: an earlier "date" is a number


def calendar_day(year: int | str, month: int | str, day: int | str) -> dt.date | None:
    """The day these numbers name, if it exists (2021-02-31 does not)."""
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        return None


def plausible_day(year: int | str, month: int | str, day: int | str) -> dt.date | None:
    """``calendar_day``, and no earlier than ``MIN_YEAR`` nor later than next year
    (a page's digits that only look like a date)."""
    found = calendar_day(year, month, day)
    return found if found and MIN_YEAR <= found.year <= dt.date.today().year + 1 else None


def beijing_iso(day: dt.date, time: dt.time | None = None) -> str:
    """A record's ``published_at``: the day, or the moment in Beijing time."""
    if time is None:
        return day.isoformat()
    return dt.datetime.combine(day, time, BEIJING).isoformat()


def parse_moment(value: str) -> dt.datetime:
    """ISO 8601 as records, meta tags and WARC headers write it (``Z`` for UTC
    too); raises ``ValueError``."""
    return dt.datetime.fromisoformat(value.replace("Z", "+00:00"))


def day_of(value: str | None) -> dt.date | None:
    """The day a ``published_at`` (or a listing's date) names; ``None`` when
    there is none or it is not a date."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None
