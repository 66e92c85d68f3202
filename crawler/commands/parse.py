"""``scrapy parse`` with a throw-away state: looking at a page marks nothing
exported for the scheduled crawls (see ``crawler.commands.isolation``)."""

from __future__ import annotations

import argparse

from scrapy.commands.parse import Command as ScrapyParseCommand

from crawler.commands.isolation import throwaway_state


class Command(ScrapyParseCommand):
    def process_options(self, args: list[str], opts: argparse.Namespace) -> None:
        super().process_options(args, opts)
        assert self.settings is not None
        throwaway_state(self.settings, "parse")
