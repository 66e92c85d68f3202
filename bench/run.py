"""Every benchmark, side by side, into docs/benchmarks.md (on demand).

    python bench/run.py                          # the sizes docs/benchmarks.md shows
    python bench/run.py --articles 300 --rss 300,600 --dedupe 2000 --out /tmp/b.md  # smoke

Each figure is measured here, now, against its anchor on the same input and
in the same run, as whole processes (wall and CPU time from ``wait4``, peak RSS
from ``ru_maxrss``). The machine is shared and noisy: read the ratios, not the
seconds. What runs:

1. Crawl, per spider: the project's ``scrapy crawl`` against the local replica
   (no artificial latency), then two anchors fetching exactly the URLs the
   project fetched, both bare Scrapy (``bench/bare_spider.py``, no project
   settings): one parsing each page's title and exporting an item per page
   (``-O``), and a fetch-only one (a callback that returns nothing, robots.txt
   off, no export: the floor); again with the replica's ``slow`` fault at 50
   ms per article page, at the same 16 concurrent requests (CPU-bound still)
   and at 4 (latency-bound, as a polite crawl is: what the crawler's cost does
   to a crawl that waits). Articles/s and CPU per 1,000 articles; ``--repeat``
   triples per row, the three runs alternated (their order rotated from one
   triple to the next), medians shown with the range of the per-triple ratios.
2. Incremental: a second run of the same crawl; its requests / the first's.
3. Re-fetch: ``scrapy crawl refetch`` of the crawl's output twice (the second
   gets 304s); URLs/s, CPU and bytes against the full crawl, and CPU against
   bare Scrapy sending the same conditional GETs (the floor).
4. Peak RSS of a crawl at two replica sizes (flat is the goal).
5. Extraction: ``bench/extraction.py`` (project, trafilatura, GNE on the same bytes),
   and ``bench/real_pages.py`` on the public real pages of the local cache (skipped,
   with a line saying how to fill it, when ``.cache/real-pages`` is empty).
6. Dedupe: ``bench/bench_dedupe.py`` at each ``--dedupe`` size (``scrapy dedupe`` vs
   datasketch, whole processes, both pinned to one core; 100k and 1M by default).
7. Web archive: ``bench/archive.py`` (crawls with the archive on and off, its size per
   1,000 articles, ``scrapy reextract`` at -j 1 and 2, and the project's page object,
   trafilatura and GNE on the same archived pages).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
REAL_PAGES = ROOT / ".cache" / "real-pages"  # bench/fetch_real_pages.sh fills it
sys.path.insert(0, str(ROOT))

SPIDERS = ("shanxidayuan", "fissico", "sxnews")
# The same politeness-free settings for the project and the anchor: the
# benchmark measures the crawler's own cost, not its delays.
CONCURRENCY = 16
FAST = {"DOWNLOAD_DELAY": "0", "AUTOTHROTTLE_ENABLED": "False",
        "CONCURRENT_REQUESTS": str(CONCURRENCY),
        "CONCURRENT_REQUESTS_PER_DOMAIN": str(CONCURRENCY), "LOG_LEVEL": "INFO"}
# (latency s, concurrent requests) per crawl row; the latency-free row also
# gives the incremental and re-fetch figures.
CRAWL_ROWS = ((0.0, CONCURRENCY), (0.05, CONCURRENCY), (0.05, 4))


@dataclass
class Run:
    wall: float
    cpu: float
    rss_mib: float
    status: int

    def per_1000(self, n: int) -> float:
        return 1000 * self.cpu / max(n, 1)


def run_child(cmd: list[str], cwd: Path, env: dict[str, str], logs: Path) -> Run:
    log = logs / f"child-{time.monotonic_ns()}.log"
    t0 = time.perf_counter()
    with log.open("wb") as fh:
        proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=fh, stderr=fh)
        _, status, usage = os.wait4(proc.pid, 0)
    run = Run(time.perf_counter() - t0, usage.ru_utime + usage.ru_stime,
              usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status))
    if run.status not in (0, 1):
        tail = log.read_text("utf-8", "replace")[-1500:]
        print(f"bench: exit {run.status}: {' '.join(cmd)}\n{tail}", file=sys.stderr)
    return run


def settings_args(extra: dict[str, str] | None = None) -> list[str]:
    return [a for k, v in {**FAST, **(extra or {})}.items() for a in ("-s", f"{k}={v}")]


def lines(path: Path) -> int:
    return sum(1 for _ in path.open("rb")) if path.exists() else 0


def last_stats(state: Path, spider: str) -> dict[str, Any]:
    runs = sorted((state / "runs" / spider).glob("*.json"))
    return json.loads(runs[-1].read_text("utf-8")) if runs else {}


class Bench:
    def __init__(self, work: Path, proxy: str) -> None:
        self.work = work
        self.env = {**os.environ, "http_proxy": proxy, "no_proxy": "", "NO_PROXY": "",
                    "PYTHONPATH": str(ROOT)}

    def crawl(self, spider: str, tag: str, *args: str) -> tuple[Run, Path, Path]:
        state, out = self.work / f"state-{spider}-{tag}", self.work / f"{spider}-{tag}.jsonl"
        cmd = [sys.executable, "-m", "scrapy", "crawl", spider, "-o", str(out),
               "-s", f"STATE_DIR={state}", *settings_args(), *args]
        return run_child(cmd, ROOT, self.env, self.work), out, state

    def bare_output(self, tag: str) -> Path:
        """Where the bare run tagged ``tag`` writes its items."""
        return self.work / f"bare-{tag}" / "out.jsonl"

    def bare(self, urls: list[str], tag: str, *args: str, fetch_only: bool = False) -> Run:
        """Bare Scrapy on ``urls``: a title and an exported item per page, or,
        ``fetch_only``, nothing but the fetch (the callback returns nothing,
        robots.txt off, no export)."""
        folder = self.bare_output(tag).parent  # no scrapy.cfg here: Scrapy's defaults only
        folder.mkdir(exist_ok=True)
        (folder / "urls.txt").write_text("\n".join(urls) + "\n", "utf-8")
        mode = (["-a", "fetch_only=1", "-s", "ROBOTSTXT_OBEY=False"] if fetch_only
                else ["-O", "out.jsonl"])
        cmd = [sys.executable, "-m", "scrapy", "runspider", str(ROOT / "bench" / "bare_spider.py"),
               "-a", "urls=urls.txt", *mode, *settings_args(), *args]
        return run_child(cmd, folder, self.env, self.work)


def fetched_since(replica: Any, before: int) -> list[str]:
    """The URLs requested from the replica after its ``before``-th request, each
    once, robots.txt left out."""
    return list(dict.fromkeys(u for _, u in replica.hits()[before:]
                              if not u.endswith("/robots.txt")))


def median(values: list[float]) -> float:
    return statistics.median(values) if values else 0.0


def spread(ratios: list[float]) -> str:
    """The range of the per-round ratios, when there is more than one round."""
    return f" ({min(ratios):.2f}–{max(ratios):.2f})" if len(ratios) > 1 else ""


def crawl_cells(project: list[Run], bare: list[Run], floor: list[Run], n: int) -> str:
    """The crawl row's cells after its article count: articles/s of the project
    and of bare Scrapy with titles and export (medians) and their ratio; CPU s
    per 1,000 articles of the three; the project's CPU against each anchor's.
    Ratios are of the medians, with the range of the per-round ratios."""
    wall_p, wall_b = median([r.wall for r in project]), median([r.wall for r in bare])
    cpu_p, cpu_b, cpu_f = (median([r.cpu for r in runs]) for runs in (project, bare, floor))
    through = [b.wall / p.wall for p, b in zip(project, bare, strict=True)]

    def cpu_ratio(anchor: list[Run], anchor_cpu: float) -> str:
        each = [p.cpu / max(a.cpu, 1e-9) for p, a in zip(project, anchor, strict=True)]
        return f"{cpu_p / max(anchor_cpu, 1e-9):.2f}×{spread(each)}"

    per_1000 = " | ".join(f"{1000 * cpu / max(n, 1):.2f}" for cpu in (cpu_p, cpu_b, cpu_f))
    return (f"{n / wall_p:,.0f} | {n / wall_b:,.0f} | {wall_b / wall_p:.2f}×{spread(through)} | "
            f"{per_1000} | {cpu_ratio(bare, cpu_b)} | {cpu_ratio(floor, cpu_f)}")


def crawl_section(args: argparse.Namespace, work: Path) -> list[str]:
    from replica import Replica

    out = ["## Crawl: the project against bare Scrapy on the same URLs", "",
           f"A replica of {args.articles:,} articles per site, served from this process "
           "(its cost is in no figure). Two anchors, both bare Scrapy fetching exactly the "
           "URLs the project fetched (listings, homes, articles), in one process with "
           "Scrapy's defaults, the same concurrency and the same latency: **bare** "
           "parses each page's title and exports an item per page (`-O`, JSON lines), "
           "as the project does more of; **fetch-only** does nothing with a response (its "
           "callback returns nothing, robots.txt off, no export), Scrapy's cost of the "
           "fetches alone and the floor of any crawl of these URLs. The CPU ratios are the "
           "project's CPU over each anchor's, side by side; the throughput ratio is "
           f"against bare. {args.repeat} triples per row, project, bare and fetch-only "
           "alternated (the order rotated from one triple to the next), each project run "
           "on fresh state: medians, and in brackets the range of the per-triple ratios. "
           "At 50 ms and 16 concurrent requests every side is still bound by its CPU "
           "(16 / 50 ms = 320 articles/s); at 4 (80/s) by the latency, as a polite crawl "
           "is.", "",
           "| spider | latency | concurrent | articles | project articles/s | bare articles/s | "
           "throughput ratio | project CPU s / 1,000 | bare CPU s / 1,000 | "
           "fetch-only CPU s / 1,000 | CPU ratio to bare | CPU ratio to fetch-only |",
           "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
    extra = ["", "## Incremental runs and re-fetches", "",
             "The re-fetch reads the crawl's output twice; the second run is answered 304 "
             "for every unchanged article. Its anchor is bare Scrapy asking for the same "
             "URLs with the same validators (If-None-Match / If-Modified-Since): Scrapy's "
             "own cost of a conditional GET, which no re-fetch can go below.", "",
             "| spider | 2nd run requests / 1st | re-fetch (304) URLs/s | re-fetch CPU / "
             "crawl CPU | bare 304 CPU / crawl CPU | re-fetch CPU / bare 304 CPU | "
             "re-fetch bytes / crawl bytes |", "| --- | --- | --- | --- | --- | --- | --- |"]
    for spider in args.spiders.split(","):
        for latency, concurrency in CRAWL_ROWS:
            with Replica(articles=args.articles) as replica:
                if latency:
                    replica.fault("slow", delay=latency)
                bench = Bench(work, replica.proxy_url)
                tag = f"{int(latency * 1000)}ms-c{concurrency}"
                limit = [a for k in ("CONCURRENT_REQUESTS", "CONCURRENT_REQUESTS_PER_DOMAIN")
                         for a in ("-s", f"{k}={concurrency}")]
                before = len(replica.hits())
                run, output, state = bench.crawl(spider, tag, *limit)
                urls = fetched_since(replica, before)
                n = lines(output)
                project: list[Run] = []
                bare: list[Run] = []
                floor: list[Run] = []
                for k in range(args.repeat):
                    suffix = f"-{k}" if k else ""
                    sides = ("project", "bare", "fetch-only")
                    for side in sides[k % 3:] + sides[:k % 3]:  # the order rotated
                        if side == "project":
                            project.append(run if not k else
                                           bench.crawl(spider, f"{tag}{suffix}", *limit)[0])
                        elif side == "bare":
                            bare.append(bench.bare(urls, f"{spider}-{tag}{suffix}", *limit))
                        else:
                            floor.append(bench.bare(urls, f"{spider}-{tag}-fetch{suffix}",
                                                    *limit, fetch_only=True))
                out.append(f"| {spider} | {int(latency * 1000)} ms | {concurrency} | {n:,} | "
                           f"{crawl_cells(project, bare, floor, n)} |")
                if latency:
                    continue
                first = last_stats(state, spider)
                bench.crawl(spider, tag)  # the second, incremental run
                second = last_stats(state, spider)
                crawl_bytes = first.get("downloader/response_bytes", 0)
                refetch_state = work / f"refetch-{spider}"
                bench.crawl("refetch", f"{spider}-a", "-a", f"input={output}",
                            "-s", f"STATE_DIR={refetch_state}")
                before = len(replica.hits())
                re_run, _, _ = bench.crawl("refetch", f"{spider}-b", "-a", f"input={output}",
                                           "-s", f"STATE_DIR={refetch_state}")
                re_urls = fetched_since(replica, before)
                re_stats = last_stats(refetch_state, "refetch")
                validators = bench.bare_output(f"{spider}-{tag}")
                bare_304 = bench.bare(re_urls, f"{spider}-304", "-a",
                                      f"validators={validators}")
                bare_out = bench.bare_output(f"{spider}-304")
                bare_304s = sum(json.loads(line).get("status") == 304
                                for line in bare_out.open("rb")) if bare_out.exists() else 0
                # An anchor answered less often 304 than the re-fetch is no floor.
                anchor_note = ("" if bare_304s >= re_stats.get(
                    "downloader/response_status_count/304", 0) else ": not comparable")
                crawl_cpu = median([r.cpu for r in project])
                requests_1, requests_2 = (first.get("downloader/request_count", 0),
                                          second.get("downloader/request_count", 0))
                extra.append(
                    f"| {spider} | {requests_2} / {requests_1} = "
                    f"{requests_2 / max(1, requests_1):.3f} | {n / re_run.wall:,.0f} | "
                    f"{re_run.cpu / max(crawl_cpu, 1e-9):.2f}× | "
                    f"{bare_304.cpu / max(crawl_cpu, 1e-9):.2f}× ({bare_304s} × 304"
                    f"{anchor_note}) | "
                    f"{re_run.cpu / max(bare_304.cpu, 1e-9):.2f}× | "
                    f"{re_stats.get('downloader/response_bytes', 0) / max(1, crawl_bytes):.3f} "
                    f"({re_stats.get('downloader/response_status_count/304', 0)} × 304) |")
    return [*out, *extra]


def rss_section(args: argparse.Namespace, work: Path) -> list[str]:
    from replica import Replica

    sizes = [int(x) for x in args.rss.split(",")]
    out = ["", "## Peak memory of a crawl", "", "| spider | " + " | ".join(
        f"{n:,} articles" for n in sizes) + " |", "| --- |" + " --- |" * len(sizes)]
    for spider in ("fissico",):
        cells = []
        for n in sizes:
            with Replica(articles=n) as replica:
                run, output, _ = Bench(work, replica.proxy_url).crawl(spider, f"rss{n}")
                cells.append(f"{run.rss_mib:.0f} MiB ({lines(output):,} exported)")
        out.append(f"| {spider} | " + " | ".join(cells) + " |")
    return out


def tool_section(title: str, cmd: list[str]) -> list[str]:
    res = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=False)
    body = res.stdout.strip()
    if res.returncode:
        body += f"\n\n(exit {res.returncode}: {res.stderr.strip()[-1500:]})"
    return ["", f"## {title}", "", f"`{' '.join(cmd[1:])}`", "", body]


def versions() -> str:
    from importlib.metadata import version

    names = ("scrapy", "parsel", "lxml", "trafilatura", "gne", "datasketch", "rensa")
    return ", ".join(f"{n} {version(n)}" for n in names)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=2000, help="replica articles per site")
    ap.add_argument("--rss", default="2000,20000", help="replica sizes for peak RSS")
    ap.add_argument("--dedupe", default="100000,1000000",
                    help="comma-separated dedupe sizes (documents), one run each")
    ap.add_argument("--spiders", default=",".join(SPIDERS))
    ap.add_argument("--repeat", type=int, default=3,
                    help="project/bare/fetch-only triples per crawl row (medians are shown)")
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "benchmarks.md")
    ap.add_argument("--skip", default="",
                    help="comma-separated: crawl,rss,extraction,real,dedupe,archive")
    args = ap.parse_args(argv)
    skip = set(args.skip.split(","))
    started = time.time()
    work = Path(tempfile.mkdtemp(prefix="bench-"))
    try:
        doc = ["# Benchmarks", "",
               f"Made by `python bench/run.py --articles {args.articles} --rss {args.rss} "
               f"--dedupe {args.dedupe} --repeat {args.repeat}` on {dt.date.today().isoformat()}: "
               f"{platform.machine()}, {os.cpu_count()} cores, Python "
               f"{platform.python_version()}; {versions()}. Whole processes; ratios are "
               "from the same run (a shared, noisy machine: read the ratios).", ""]
        if "crawl" not in skip:
            doc += crawl_section(args, work)
        if "rss" not in skip:
            doc += rss_section(args, work)
        if "extraction" not in skip:
            doc += tool_section("Extraction: the project, trafilatura and GNE on the same bytes",
                                [sys.executable, "bench/extraction.py", "--no-stripped"])
        if "real" not in skip:
            if REAL_PAGES.is_dir() and any(REAL_PAGES.iterdir()):
                doc += tool_section("Extraction on public real pages: the project, GNE and "
                                    "trafilatura", [sys.executable, "bench/real_pages.py"])
            else:
                doc += ["", "## Extraction on public real pages", "",
                        f"(skipped: {REAL_PAGES.relative_to(ROOT)} is empty; fill it with "
                        "`bash bench/fetch_real_pages.sh`, see bench/README.md)"]
        if "dedupe" not in skip:
            for size in (int(n) for n in args.dedupe.split(",")):
                doc += tool_section(f"Dedupe: scrapy dedupe against datasketch MinHashLSH, "
                                    f"{size:,} documents",
                                    [sys.executable, "bench/bench_dedupe.py", "--docs",
                                     str(size), "--workdir", str(work / "dedupe")])
                shutil.rmtree(work / "dedupe", ignore_errors=True)  # a million is 2.7 GB
        if "archive" not in skip:
            doc += tool_section("Web archive: its cost in a crawl, its size, and re-extraction "
                                "beside GNE and trafilatura",
                                [sys.executable, "bench/archive.py", "--articles",
                                 str(min(args.articles, 1000)), "--repeat", "2"])
        doc += ["", f"({time.time() - started:.0f} s in all.)", ""]
        tmp = args.out.with_suffix(".tmp")
        tmp.write_text("\n".join(doc), "utf-8")
        tmp.replace(args.out)
        print(f"wrote {args.out}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
