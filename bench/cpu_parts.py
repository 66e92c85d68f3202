"""Where a crawl's CPU goes, per article, beside the fetch-only anchor (on demand).

    python bench/cpu_parts.py [--articles 1500] [--spider fissico] [--repeat 3]

One replica site; the project's ``scrapy crawl`` and bare Scrapy fetching exactly
the same URLs with a callback that returns nothing (``bench/bare_spider.py -a
fetch_only=1``: robots.txt off, no export), alternated ``--repeat`` times, whole
processes (CPU from ``wait4``). Then the project's three largest parts are timed
again in this process on what that crawl fetched and wrote (process CPU time,
each part over all its input, best of three passes):

- extraction: ``extract`` (decode, DOM, fields, cleaning) of every page the crawl
  archived;
- dedupe: ``Deduper.check`` of every exported record, one at a time as the
  pipeline calls it, into a fresh SQLite store;
- archive: ``ArchiveWriter.write`` of every archived page into a fresh folder,
  synced every ``FEED_FSYNC_LINES`` pages as the durability barrier does.

Every figure is CPU milliseconds per exported article. The budget line is what
issue 26's target (the crawl at most 1.4x the fetch-only anchor's CPU) leaves
for everything the project does beyond fetching. Read the ratios: the machine
is shared and noisy.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import Bench, fetched_since, lines

TARGET = 1.4  # issue 26: crawl CPU at most this times the fetch-only anchor's


def archived_pages(state: Path) -> Iterator[tuple[str, list[tuple[str, str]], bytes]]:
    """(URL, HTTP headers, body) of every response record a crawl archived, read
    as ``scrapy reextract`` reads them."""
    from crawler.archive.read import load, scan

    for path in sorted((state / "archive").glob("*/*.warc.gz")):
        for entry in scan(path):
            if entry.kind == "response":
                page = load(entry.path, entry.offset)
                yield page.url, page.headers, page.body


def best_cpu(run: Callable[[], Any], passes: int = 3) -> float:
    """The least process CPU time of ``passes`` runs of ``run`` (seconds)."""
    best = float("inf")
    for _ in range(passes):
        t0 = time.process_time()
        run()
        best = min(best, time.process_time() - t0)
    return best


def extraction_cpu(pages: list[tuple[str, list[tuple[str, str]], bytes]]) -> float:
    from crawler.extract.article import extract
    from crawler.extract.decode import ExtractionError

    def run() -> None:
        for url, headers, body in pages:
            content_type = next((v for k, v in headers if k.lower() == "content-type"), None)
            # A page with no article costs its extraction too.
            with contextlib.suppress(ExtractionError):
                extract(body, url, content_type=content_type)

    return best_cpu(run)


def dedupe_cpu(records: list[dict[str, Any]], work: Path) -> float:
    from scrapy.settings import Settings

    import crawler.settings as project_settings
    from crawler.dedupe.engine import DedupeConfig, Deduper, Doc

    docs = [Doc(r["id"], r.get("url"), r.get("text") or "") for r in records]
    settings = Settings()
    settings.setmodule(project_settings)
    config = DedupeConfig.from_settings(settings)
    Deduper(config, _fresh_store(config, settings, work, "warm")).check(docs[0])  # tables built
    passes = iter(range(3))

    def run() -> None:
        deduper = Deduper(config, _fresh_store(config, settings, work, str(next(passes))))
        for doc in docs:
            deduper.check(doc)
        deduper.store.close()

    return best_cpu(run)


def _fresh_store(config: Any, settings: Any, work: Path, tag: str) -> Any:
    from crawler.dedupe.engine import open_store

    settings.set("DEDUP_SQLITE_PATH", str(work / f"dedupe-{tag}.sqlite3"))
    return open_store(config, settings)


def archive_cpu(pages: list[tuple[str, list[tuple[str, str]], bytes]], work: Path,
                every: int) -> float:
    from crawler.archive.warc import ArchiveWriter, Capture

    passes = iter(range(3))

    def run() -> None:
        writer = ArchiveWriter(work / f"archive-{next(passes)}", 256 << 20)
        for i, (url, headers, body) in enumerate(pages, 1):
            writer.write("bench", Capture(url=url, status=200, headers=headers, body=body,
                                          request_headers=[("User-Agent", "bench")]))
            if i % every == 0:
                writer.sync()
        writer.close()

    return best_cpu(run)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=1500, help="replica articles")
    ap.add_argument("--spider", default="fissico")
    ap.add_argument("--repeat", type=int, default=3, help="project / fetch-only pairs")
    args = ap.parse_args(argv)
    from crawler.settings import FEED_FSYNC_LINES
    from replica import Replica

    work = Path(tempfile.mkdtemp(prefix="bench-parts-"))
    try:
        with Replica(articles=args.articles) as replica:
            bench = Bench(work, replica.proxy_url)
            before = len(replica.hits())
            first, output, state = bench.crawl(args.spider, "0")
            urls = fetched_since(replica, before)
            n = lines(output)
            project, floor = [first.cpu], []
            for k in range(args.repeat):
                floor.append(bench.bare(urls, f"fetch-{k}", fetch_only=True).cpu)
                if k:  # the first project run is the one whose URLs the anchor fetches
                    project.append(bench.crawl(args.spider, str(k))[0].cpu)
        pages = list(archived_pages(state))
        records = [json.loads(line) for line in output.open("rb")]
        parts = {
            f"extraction ({len(pages):,} pages)": extraction_cpu(pages),
            f"dedupe ({len(records):,} records)": dedupe_cpu(records, work),
            f"archive writer ({len(pages):,} pages)": archive_cpu(pages, work, FEED_FSYNC_LINES),
        }
    finally:
        shutil.rmtree(work, ignore_errors=True)

    def per_article(seconds: float) -> float:
        return 1000 * seconds / max(n, 1)

    crawl, anchor = per_article(statistics.median(project)), per_article(statistics.median(floor))
    beyond = crawl - anchor
    print(f"{args.spider}, replica of {args.articles:,} articles, {n:,} exported; "
          f"{args.repeat} crawls and fetch-only runs alternated (medians); "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores\n")
    print("| what | CPU ms / article | × fetch-only |")
    print("| --- | --- | --- |")
    print(f"| fetch-only anchor (whole process) | {anchor:.2f} | 1.00× |")
    print(f"| project crawl (whole process) | {crawl:.2f} | {crawl / anchor:.2f}× |")
    print(f"| project beyond fetching (crawl − anchor) | {beyond:.2f} | {beyond / anchor:.2f}× |")
    print(f"| budget beyond fetching at {TARGET}× | {(TARGET - 1) * anchor:.2f} | "
          f"{TARGET - 1:.2f}× |")
    total = 0.0
    for name, seconds in parts.items():
        ms = per_article(seconds)
        total += ms
        print(f"| {name}, in process | {ms:.2f} | {ms / anchor:.2f}× |")
    print(f"| the three parts together | {total:.2f} | {total / anchor:.2f}× |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
