"""``scrapy parse`` with a throw-away state: looking at a page marks nothing
exported for the scheduled crawls (see ``crawler.commands.isolation``).

An article split over several pages gives its one record, as a crawl does: the
requests for its later pages are followed whatever ``--depth`` says (they are
part of the page asked for, not links of it) and not listed as requests.

Scrapy's command takes whatever a callback yields that is not a request for an
item; the facts the spider states for the frontier's writer
(``crawler.state.frontier_middleware``) are not: they are neither printed nor
sent to the pipelines, but handed on to that writer, as in a crawl."""

from __future__ import annotations

import argparse
from typing import Any

from scrapy import Request
from scrapy.commands.parse import Command as ScrapyParseCommand

from crawler.commands.isolation import throwaway_state
from crawler.state.frontier_middleware import FACTS
from spiders.multipage import PAGED


class Command(ScrapyParseCommand):
    def process_options(self, args: list[str], opts: argparse.Namespace) -> None:
        super().process_options(args, opts)
        assert self.settings is not None
        throwaway_state(self.settings, "parse")

    def scraped_data(self, args: Any) -> list[Any]:
        items, requests, opts, depth, spider, callback = args
        facts = [x for x in items if isinstance(x, FACTS)]
        items = [x for x in items if not isinstance(x, FACTS)]
        pages = [r for r in requests if isinstance(r, Request) and PAGED in r.meta]
        others = [r for r in requests if r not in pages]
        data: list[Any] = super().scraped_data((items, others, opts, depth, spider, callback))
        for request in pages:  # read at this depth, through the command's own callback
            request.meta["_depth"] = depth
            request.meta["_callback"] = request.callback
            request.callback = callback
        return data + pages + facts
