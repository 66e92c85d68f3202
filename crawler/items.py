"""The article record, with exactly the keys and key order of SEED_FORMAT.md."""

from __future__ import annotations

from typing import Any

import scrapy

# Keys every record carries, in the order the seed format fixes.
SEED_FIELDS: tuple[str, ...] = (
    "id",
    "url",
    "site",
    "title",
    "subtitle",
    "published_at",
    "author",
    "editor",
    "source",
    "region",
    "category",
    "tags",
    "text",
)
# Keys a crawl or re-fetch adds after ``text``, each only where it applies.
# ``date_source``: where ``published_at`` came from (DATE_SOURCES).
CRAWL_FIELDS: tuple[str, ...] = ("fetched_at", "date_source", "status", "reason",
                                 "duplicate_of")
# Printed on the page; its metadata (meta tags, JSON-LD, <time>); a script or
# CMS comment in its HTML; its URL; the date its listing printed beside the link.
DATE_SOURCES: tuple[str, ...] = ("printed", "meta", "script", "url", "listing")
ALL_FIELDS: tuple[str, ...] = SEED_FIELDS + CRAWL_FIELDS
# Keys the pipelines read and the exporter never writes.
INTERNAL_FIELDS: tuple[str, ...] = ("listed_date",)
LIST_FIELDS = frozenset({"category", "tags"})


class ArticleItem(scrapy.Item):
    id = scrapy.Field()
    url = scrapy.Field()
    site = scrapy.Field()
    title = scrapy.Field()
    subtitle = scrapy.Field()
    published_at = scrapy.Field()
    author = scrapy.Field()
    editor = scrapy.Field()
    source = scrapy.Field()
    region = scrapy.Field()
    category = scrapy.Field()
    tags = scrapy.Field()
    text = scrapy.Field()
    fetched_at = scrapy.Field()
    date_source = scrapy.Field()
    status = scrapy.Field()
    reason = scrapy.Field()
    duplicate_of = scrapy.Field()
    # Internal, never exported (not a seed or crawl key): the date the listing
    # printed beside the link, for the date window when the page prints none.
    listed_date = scrapy.Field()


def seed_record(item: Any) -> dict[str, Any]:
    """The record as the seed format writes it: every seed key in order (``None``
    or ``[]`` where unknown), then the crawl keys that are set."""
    get = item.get
    record: dict[str, Any] = {}
    for key in SEED_FIELDS:
        value = get(key)
        if value is None and key in LIST_FIELDS:
            value = []
        record[key] = list(value) if key in LIST_FIELDS else value
    for key in CRAWL_FIELDS:
        value = get(key)
        if value is not None:
            record[key] = value
    return record
