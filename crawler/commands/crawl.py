"""``scrapy crawl`` with spider arguments validated before anything starts.

A bad ``-a`` value ends the run at once with one line naming it and exit
status 2, instead of a traceback from inside the engine.
"""

from __future__ import annotations

import argparse
import sys

from scrapy.commands.crawl import Command as ScrapyCrawlCommand

from crawler.args import ArgumentError


class Command(ScrapyCrawlCommand):
    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        if len(args) == 1 and self.crawler_process is not None:
            try:
                spidercls = self.crawler_process.spider_loader.load(args[0])
            except KeyError:
                spidercls = None
            validate = getattr(spidercls, "validate_args", None)
            if validate is not None:
                try:
                    validate(opts.spargs)
                except ArgumentError as exc:
                    print(f"crawl {args[0]}: bad argument: {exc}", file=sys.stderr)
                    self.exitcode = 2
                    return
        super().run(args, opts)
