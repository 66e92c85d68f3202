"""The web archive: its cost in a crawl, its size, and re-extraction speed beside
GNE and trafilatura on the same archived pages.

    python bench/archive.py [--articles N] [--repeat R] [--pages K]

1. Per spider, a crawl of the local replica (N articles per site) with the
   archive on and one with ``ARCHIVE_ENABLED=False``, each on fresh state, R
   pairs alternated: wall and CPU time of the whole process (the archive's cost
   in a crawl), and the archive's size per 1,000 articles (``.warc.gz`` bytes,
   request and response records, gzip per record; the digest index beside).
2. ``scrapy reextract`` of the three sites' archives as a whole process at
   ``-j 1`` and ``-j 2``: pages/s, CPU s per 1,000 pages (pages/s per core is
   1,000 over that figure).
3. In one process, on the same K archived pages per site (the bytes the crawl
   extracted from, read back from the WARC files): the project's page object,
   trafilatura and GNE, CPU time per page and pages/s on one core. The anchors get
   the page decoded by its charset (as in bench/extraction.py); they make no seed
   record, so this is their extraction alone.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

SPIDERS = ("shanxidayuan", "fissico", "sxnews")
FAST = ["-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False",
        "-s", "CONCURRENT_REQUESTS=16", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=16",
        "-s", "LOG_LEVEL=INFO"]


def child(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """Wall and CPU seconds (user + system) of a whole child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode:
        raise SystemExit(f"{' '.join(cmd[:6])}…: exit {proc.returncode}\n{proc.stderr[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def lines(path: Path) -> int:
    with path.open("rb") as fh:
        return sum(1 for _ in fh)


def crawl(spider: str, work: Path, proxy: str, tag: str, archive: bool) -> tuple[float, float,
                                                                                   Path, Path]:
    state, out = work / tag / "state", work / tag / "out.jsonl"
    (work / tag).mkdir(parents=True)
    env = {**os.environ, "http_proxy": proxy, "no_proxy": "", "NO_PROXY": ""}
    wall, cpu = child([sys.executable, "-m", "scrapy", "crawl", spider, "-O", str(out), *FAST,
                       "-s", f"STATE_DIR={state}", "-s", f"ARCHIVE_ENABLED={archive}",
                       "--logfile", str(work / tag / "log")], env)
    return wall, cpu, state, out


def case_of(page: object, url: str) -> object:
    from extraction import Case  # bench/extraction.py

    headers = dict((k.lower(), v) for k, v in page.headers)  # type: ignore[attr-defined]
    ctype = headers.get("content-type")
    body: bytes = page.body  # type: ignore[attr-defined]
    declared = re.search(r"charset=([\w-]+)", ctype or "")
    charset: str = declared[1] if declared else "utf-8"
    meta = re.search(rb'charset="?([\w-]+)', body[:2048])
    if meta:
        charset = meta.group(1).decode()
    if charset.lower() in {"gb2312", "gbk"}:
        charset = "gb18030"
    return Case(url, url, body, charset, ctype, {})


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=1000, help="replica articles per site")
    ap.add_argument("--repeat", type=int, default=1, help="crawl pairs per spider")
    ap.add_argument("--pages", type=int, default=200,
                    help="archived pages per site for the side-by-side extraction")
    args = ap.parse_args(argv)

    from extraction import gne_extractor, trafilatura_extractor

    from crawler.archive.read import load
    from crawler.archive.reextract import extract_task, plan
    from replica import Replica

    out: list[str] = []
    work = Path(tempfile.mkdtemp(prefix="bench-archive-"))
    archives: list[Path] = []
    with Replica(articles=args.articles) as replica:
        out += ["### The archive in a crawl", "",
                f"A replica of {args.articles:,} articles per site, no latency, 16 concurrent "
                f"requests; {args.repeat} pair(s) per spider, archive on and off alternated, "
                "each on fresh state; medians. Size: the `.warc.gz` files (warcinfo, request "
                "and response records, gzip per record) per 1,000 exported articles.", "",
                "| spider | articles | wall on / off | CPU s / 1,000 on | CPU s / 1,000 off "
                "| CPU ratio | archive MB / 1,000 articles | payload MB / 1,000 | index MB |",
                "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
        for spider in SPIDERS:
            on: list[tuple[float, float]] = []
            off: list[tuple[float, float]] = []
            size = payload = index = 0.0
            n = 0
            for r in range(args.repeat):
                w, c, _, _ = crawl(spider, work, replica.proxy_url, f"{spider}-off-{r}", False)
                off.append((w, c))
                w, c, state, output = crawl(spider, work, replica.proxy_url,
                                            f"{spider}-on-{r}", True)
                on.append((w, c))
                n = lines(output)
                files = list((state / "archive").rglob("*.warc.gz"))
                size = sum(f.stat().st_size for f in files)
                index = (state / "archive" / "index.sqlite").stat().st_size
                payload = sum(len(load(t.path, t.offset).body) for t in plan(files).tasks)
                if r == args.repeat - 1:
                    archives.append(state / "archive")
            won, con = statistics.median(w for w, _ in on), statistics.median(c for _, c in on)
            woff, coff = (statistics.median(w for w, _ in off),
                          statistics.median(c for _, c in off))
            out.append(f"| {spider} | {n:,} | {won / woff:.2f}× | {con / n * 1000:.2f} | "
                       f"{coff / n * 1000:.2f} | {con / coff:.2f}× | "
                       f"{size / n * 1000 / 1e6:.2f} | {payload / n * 1000 / 1e6:.2f} | "
                       f"{index / 1e6:.2f} |")

    pages = sum(len(plan(sorted(a.rglob("*.warc.gz"))).tasks) for a in archives)
    out += ["", "### scrapy reextract", "",
            f"The three archives above ({pages:,} pages), re-extracted as a whole process "
            "(planning pass, extraction, JSONL output).", "",
            "| -j | wall s | pages/s | CPU s / 1,000 pages | pages/s per core (CPU) |",
            "| --- | --- | --- | --- | --- |"]
    for jobs in (1, 2):
        wall, cpu = child([sys.executable, "-m", "scrapy", "reextract", *map(str, archives),
                           "-O", str(work / f"re{jobs}.jsonl"), "-j", str(jobs),
                           "--no-progress"])
        out.append(f"| {jobs} | {wall:.1f} | {pages / wall:.0f} | {cpu / pages * 1000:.2f} | "
                   f"{pages / cpu:.0f} |")

    tasks = [t for a in archives for t in plan(sorted(a.rglob("*.warc.gz"))).tasks[:args.pages]]
    cases = [case_of(load(t.path, t.offset), t.uri) for t in tasks]
    rows = []
    for name, run in (("project (ArticlePage, the seed record)", lambda i: extract_task(tasks[i])),
                      ("trafilatura", lambda i: trafilatura_extractor(cases[i])),  # type: ignore[arg-type]
                      ("GNE", lambda i: gne_extractor(cases[i]))):  # type: ignore[arg-type]
        start = time.process_time()
        for i in range(len(tasks)):
            run(i)
        cpu = time.process_time() - start
        rows.append(f"| {name} | {len(tasks)} | {cpu / len(tasks) * 1000:.1f} | "
                    f"{len(tasks) / cpu:.0f} |")
    out += ["", "### Extraction on the same archived pages, one core", "",
            f"{args.pages} pages per site read back from the archives (the project's time "
            "includes reading the record from its WARC file).", "",
            "| extractor | pages | CPU ms / page | pages/s per core |", "| --- | --- | --- | --- |",
            *rows]
    print("\n".join(out))
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
