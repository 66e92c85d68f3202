"""``scrapy replica --port N [--articles K [--base B]]``: serve the three sites' replicas.

Point a crawl at it with ``http_proxy=http://127.0.0.1:N``. The control and
ground-truth API is at ``http://127.0.0.1:N/_replica/`` (see the top-level ``replica`` package).
The replica is a test double: it runs from a checkout (Scrapy puts the project
directory on ``sys.path``) and is in neither the wheel nor the scrapyd egg, where
the command says so instead of failing with a traceback.

``--base B`` keeps the layout of a B-article replica and serves the rest as
grown articles, newer than all of those, so raising ``--articles`` from run to
run with the same ``--base`` is one site growing: every earlier URL, id, text
and date stays.
"""

from __future__ import annotations

import argparse
import sys

from scrapy.commands import ScrapyCommand
from scrapy.exceptions import UsageError

NOT_INSTALLED = ("the replica runs from a checkout of the project (the top-level replica "
                 "package is not in the wheel or the scrapyd egg): run scrapy replica there")


class Command(ScrapyCommand):
    requires_project = True
    default_settings = {"LOG_ENABLED": False}

    def syntax(self) -> str:
        return "--port N [--articles K [--base B]] [--fault NAME[@RATE][:k=v,...]]"

    def short_desc(self) -> str:
        return "Serve local replicas of the three sites as an HTTP proxy on 127.0.0.1"

    def add_options(self, parser: argparse.ArgumentParser) -> None:
        super().add_options(parser)
        # Only this command's parser loads the list (replica.faults is data).
        try:
            from replica.faults import FAULTS

            faults = ", ".join(FAULTS)
        except ModuleNotFoundError as exc:
            if exc.name != "replica":
                raise
            faults = "listed in a checkout"  # not one: run() says so

        parser.add_argument("--port", type=int, default=8899,
                            help="port on 127.0.0.1 (default 8899; 0 picks a free one)")
        parser.add_argument("--articles", type=int, default=2000,
                            help="generated articles per site besides the seeds (default 2000)")
        parser.add_argument("--base", type=int, default=None, metavar="B",
                            help="the replica of B articles, plus K-B grown ones newer than "
                                 "all of them (default K): raise --articles with the same "
                                 "--base and every earlier URL, id, text and date stays")
        parser.add_argument("--fault", action="append", default=[],
                            metavar="NAME[@RATE][:k=v,...]",
                            help="switch a fault on for all article pages (or a stable "
                                 "RATE fraction of them), with parameters (site=S for one "
                                 "site), e.g. --fault error@0.05, --fault "
                                 "template_switch:site=sxnews,from=2026-01-02T08:00 "
                                 "(from: a date/time or an article index); repeatable, the "
                                 "last one per site wins (missing and template_switch are "
                                 "site states beside it). The faults are "
                                 + faults + ".")

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        if args:
            raise UsageError("no positional arguments expected")
        if opts.articles < 1 or not 0 <= opts.port <= 65535:
            raise UsageError("--articles must be >= 1 and --port in 0..65535")
        if opts.base is not None and not 1 <= opts.base <= opts.articles:
            raise UsageError("--base must be between 1 and --articles")
        # The test double is imported only when it is asked for, so ordinary
        # scrapy commands never load it.
        try:
            from replica import Replica
        except ModuleNotFoundError as exc:
            if exc.name != "replica":
                raise
            raise UsageError(NOT_INSTALLED) from None

        try:
            replica = Replica(articles=opts.articles, port=opts.port, base=opts.base)
        except OSError as exc:
            print(f"replica: cannot listen on 127.0.0.1:{opts.port}: {exc}", file=sys.stderr)
            self.exitcode = 2
            return
        from replica.faults import parse_fault

        for spec in opts.fault:
            try:
                name, rate, params = parse_fault(spec)
                replica.fault(name, rate=rate, **params)
            except (TypeError, ValueError) as exc:
                replica.server.server_close()
                raise UsageError(f"--fault {spec}: {exc}") from exc
        grown = "" if opts.base is None else f", {opts.articles - opts.base} grown"
        print(f"replica: serving www.shanxidayuan.com, fissico.com and the sxrb.com hosts "
              f"({opts.articles} articles each{grown}) on {replica.proxy_url}\n"
              f"replica: export http_proxy={replica.proxy_url}; "
              f"control API at {replica.proxy_url}/_replica/info", flush=True)
        try:
            replica.serve_forever()
        except KeyboardInterrupt:
            pass
        finally:
            replica.server.server_close()
