"""Project exceptions raised by item pipelines."""

from __future__ import annotations

from scrapy.exceptions import DropItem


class DuplicateItem(DropItem):
    """The item is a copy of one seen before (same URL, same text, or near-same text)."""


class OutOfWindow(DropItem):
    """The article's date lies outside the requested since/until window."""
