"""``scrapy crawl`` with spider arguments validated before anything starts,
and outputs that a run cannot destroy by accident.

- A bad ``-a`` value ends the run at once with one line naming it and exit
  status 2, instead of a traceback from inside the engine.
- ``-O`` on an incremental crawl warns: it replaces the file while the state
  says its records were exported (use ``-o`` or a ``%(time)s`` URI).
- A re-fetch whose output is one of its inputs is refused (exit status 2).
- Crawling through a proxy on this machine (the replica) without an explicit
  ``STATE_DIR`` keeps its state apart (``crawler.commands.isolation``).
- A bad project setting (``-s DEDUP_ROWS=0``) ends the run the same way: one
  line naming it, exit status 2 (``crawler.config``).
- Once the crawl is over, ``crawler.health.failed_reasons`` reads its stats:
  a run that failed (listings unreadable, nothing exported, robots.txt
  unreachable, too many failures, input it could not use, interrupted) ends
  with one line per reason and exit status 1.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from urllib.parse import urlsplit

from scrapy.commands.crawl import Command as ScrapyCrawlCommand
from scrapy.crawler import Crawler
from scrapy.spiders import Spider
from w3lib.url import file_uri_to_path

from crawler.args import ArgumentError
from crawler.commands.isolation import proxy_state
from crawler.config import SettingsError, project_settings
from crawler.health import failed_reasons


class Command(ScrapyCrawlCommand):
    # The crawler this command started: the process forgets it once it is done,
    # and its stats decide the exit status.
    _started: Crawler | None = None

    def _create_crawler(self, spidercls: type[Spider] | str) -> Crawler:
        crawler = super()._create_crawler(spidercls)
        self._started = crawler
        return crawler

    def process_options(self, args: list[str], opts: argparse.Namespace) -> None:
        super().process_options(args, opts)
        assert self.settings is not None
        proxy_state(self.settings, "crawl")

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        if len(args) == 1 and self.crawler_process is not None:
            try:
                spidercls = self.crawler_process.spider_loader.load(args[0])
            except KeyError:
                spidercls = None
            problem = self._problem(args[0], spidercls, opts) or self._bad_setting(spidercls)
            if problem:
                print(f"crawl {args[0]}: {problem}", file=sys.stderr)
                self.exitcode = 2
                return
            if opts.overwrite_output and getattr(spidercls, "uses_frontier", False) and \
                    self.settings is not None and self.settings.getbool("DELTAFETCH_ENABLED"):
                print(f"crawl {args[0]}: warning: -O replaces {', '.join(opts.overwrite_output)}"
                      " while the incremental state remembers its records as exported; a "
                      "later run will not export them again. Use -o (append) or an output "
                      "per run such as out/%(name)s/%(time)s.jsonl", file=sys.stderr)
        super().run(args, opts)
        crawler = self._started
        if crawler is not None and crawler.stats is not None:
            reasons = failed_reasons(crawler.stats.get_stats(),
                                     project_settings(crawler.settings))
            for reason in reasons:
                print(f"crawl {args[0]}: {reason}", file=sys.stderr)
            if reasons:
                self.exitcode = self.exitcode or 1

    def _bad_setting(self, spidercls: type[Spider] | None) -> str | None:
        """The project's settings as this spider would run with them (its
        ``custom_settings`` too), checked before anything starts."""
        if self.settings is None:
            return None
        settings = self.settings.copy()
        if spidercls is not None:
            spidercls.update_settings(settings)
        try:
            project_settings(settings)
        except SettingsError as exc:
            return str(exc)
        return None

    def _problem(self, name: str, spidercls: object, opts: argparse.Namespace) -> str | None:
        validate = getattr(spidercls, "validate_args", None)
        if validate is None:
            return None
        try:
            parsed = validate(opts.spargs)
        except ArgumentError as exc:
            return f"bad argument: {exc}"
        inputs = getattr(spidercls, "input_files", None)
        if inputs is not None and self.settings is not None:
            outputs = []
            for uri in self.settings.getdict("FEEDS"):
                scheme = urlsplit(uri).scheme
                if scheme in ("", "file"):
                    outputs.append(Path(file_uri_to_path(uri) if scheme else uri))
            for source in inputs(parsed):
                for target in outputs:
                    try:
                        same = source.resolve() == target.resolve()
                    except OSError:
                        same = False
                    if same:
                        return f"the output {target} is also an input; write it elsewhere"
        return None
