"""``scrapy parse`` with a throw-away state: looking at a page marks nothing
exported for the scheduled crawls (see ``crawler.commands.isolation``).

An article split over several pages gives its one record, as a crawl does: the
requests for its later pages are followed whatever ``--depth`` says (they are
part of the page asked for, not links of it) and not listed as requests."""

from __future__ import annotations

import argparse
from typing import Any

from scrapy import Request
from scrapy.commands.parse import Command as ScrapyParseCommand

from crawler.commands.isolation import throwaway_state
from spiders.multipage import PAGED


class Command(ScrapyParseCommand):
    def process_options(self, args: list[str], opts: argparse.Namespace) -> None:
        super().process_options(args, opts)
        assert self.settings is not None
        throwaway_state(self.settings, "parse")

    def scraped_data(self, args: Any) -> list[Any]:
        items, requests, opts, depth, spider, callback = args
        pages = [r for r in requests if isinstance(r, Request) and PAGED in r.meta]
        others = [r for r in requests if r not in pages]
        data: list[Any] = super().scraped_data((items, others, opts, depth, spider, callback))
        for request in pages:  # read at this depth, through the command's own callback
            request.meta["_depth"] = depth
            request.meta["_callback"] = request.callback
            request.callback = callback
        return data + pages
