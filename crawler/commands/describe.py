"""``scrapy describe SPIDER``: what a spider fetches and the ``-a`` arguments it
takes, read from its site description and its argument model (so it cannot
drift from what the spider accepts)."""

from __future__ import annotations

import argparse
import sys

from scrapy.commands import ScrapyCommand

from crawler.args import describe_model


class Command(ScrapyCommand):
    requires_project = True
    default_settings = {"LOG_ENABLED": False}

    def syntax(self) -> str:
        return "SPIDER"

    def short_desc(self) -> str:
        return "Show a spider's arguments and what it crawls"

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        assert self.crawler_process is not None
        if len(args) != 1:
            print("describe: name one spider (scrapy list shows them)", file=sys.stderr)
            self.exitcode = 2
            return
        try:
            spidercls = self.crawler_process.spider_loader.load(args[0])
        except KeyError:
            print(f"describe: no spider {args[0]!r} (scrapy list shows them)", file=sys.stderr)
            self.exitcode = 2
            return
        doc = spidercls.__doc__ or sys.modules[spidercls.__module__].__doc__ or ""
        print(f"{args[0]}: {' '.join(doc.strip().split(chr(10) * 2)[0].split())}")
        site = getattr(spidercls, "site", None)
        if site is not None:
            print(f"  hosts: {', '.join(site.hosts)}")
            print(f"  columns: {', '.join(sorted(site.columns))}")
        model = getattr(spidercls, "args_model", None)
        if model is None:
            print("  arguments: none")
            return
        print("  arguments (-a NAME=VALUE, checked before any request):")
        for name, default, text in describe_model(model):
            shown = f" ({default})" if default else ""
            print(f"    {name}{shown}: {text}")
