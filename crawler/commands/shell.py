"""``scrapy shell`` with a throw-away state (see ``crawler.commands.isolation``)."""

from __future__ import annotations

import argparse

from scrapy.commands.shell import Command as ScrapyShellCommand

from crawler.commands.isolation import throwaway_state


class Command(ScrapyShellCommand):
    def process_options(self, args: list[str], opts: argparse.Namespace) -> None:
        super().process_options(args, opts)
        assert self.settings is not None
        throwaway_state(self.settings, "shell")
