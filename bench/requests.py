"""Requests per exported article, by kind of run and site, beside the floor.

    python bench/requests.py                 # 1,000 articles a site
    python bench/requests.py --articles 300 --sites fissico

At the polite default (one request a second a site) a run's cost is its
requests. For each site, on a fresh local replica and fresh state, as whole
``scrapy crawl`` processes: a full crawl, a second (incremental) run of it, a
date-window backfill (the middle third of the site's days) and an ``ids=``
backfill (the middle 200 ids: on shanxidayuan, whose ids run per column, of
every column). Requests count everything sent (robots.txt, the error-page
probe, listings, articles, an article's later pages).

The floor is what any crawler must ask for: one request an exported article
plus the listing pages that name them (each in-scope column's articles over
its listing's page size, measured on its first page) and one home page; for an
incremental run with nothing new, the home page and each column's first page.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import math
import os
import re
import subprocess
import sys
import tempfile
import urllib.parse
import urllib.request
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from crawler.sites import site_named  # noqa: E402
from replica import Replica  # noqa: E402

FAST = ("-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False",
        "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=16", "-s", "ARCHIVE_ENABLED=False")


def crawl(site: str, proxy: str, state: Path, out: Path, *args: str) -> dict[str, Any]:
    env = {**os.environ, "http_proxy": proxy, "no_proxy": "", "NO_PROXY": ""}
    subprocess.run([sys.executable, "-m", "scrapy", "crawl", site, "-o", str(out), *FAST,
                    "-s", f"STATE_DIR={state}", "-s", "LOG_LEVEL=INFO", *args],
                   cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    runs = sorted((state / "runs" / site).glob("*.json"))
    return json.loads(runs[-1].read_text("utf-8"))


def page_size(proxy: str, url: str, site: str) -> int:
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({"http": proxy}))
    html = opener.open(url, timeout=30).read().decode("utf-8", "replace")
    description = site_named(site)
    links = {m for m in re.findall(r'href="([^"]+)"', html)
             if description.is_article(urllib.parse.urljoin(url, m))}
    return max(1, len(links))


def floor(records: list[dict[str, Any]], sizes: dict[str, int], site: str) -> int:
    description = site_named(site)
    per_column = Counter(description.column_of(r["url"]) for r in records)
    return len(records) + 1 + sum(math.ceil(n / sizes.get(c or "", 15))
                                  for c, n in per_column.items())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--sites", default="shanxidayuan,fissico,sxnews")
    opts = parser.parse_args()
    rows = []
    with Replica(articles=opts.articles) as replica, tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for site in opts.sites.split(","):
            model, truth = replica.model(site), replica.truth(site)
            description = site_named(site)
            sizes: dict[str, int] = {}
            for column in {description.column_of(r["url"]) for r in truth}:
                if column is not None:
                    with contextlib.suppress(OSError, ValueError):  # no listing of its own
                        sizes[column] = page_size(replica.proxy_url,
                                                  description.listing_for(column), site)
            state = work / site / "full"
            full = crawl(site, replica.proxy_url, state, work / site / "full.jsonl")
            rows.append((site, "full crawl", full, floor(truth, sizes, site)))
            again = crawl(site, replica.proxy_url, state, work / site / "again.jsonl")
            rows.append((site, "incremental, nothing new", again, 1 + len(sizes)))

            def day(record: dict[str, Any], model: Any = model) -> dt.date:
                if record["published_at"]:
                    return dt.date.fromisoformat(record["published_at"][:10])
                return model.ref_for_url(record["url"]).when.date()

            days = sorted(map(day, truth))
            since, until = days[len(days) // 3], days[2 * len(days) // 3]
            window = crawl(site, replica.proxy_url, work / site / "window",
                           work / site / "window.jsonl", "-a", f"since={since}",
                           "-a", f"until={until}")
            inside = [r for r in truth if since <= day(r) <= until]
            rows.append((site, f"window {since}..{until}", window, floor(inside, sizes, site)))
            numbers = sorted(int(m["id"]) for r in truth
                             if (m := description.article_match(r["url"])))
            middle = len(numbers) // 2
            first, last = numbers[middle - 100], numbers[middle + 99]
            ids = crawl(site, replica.proxy_url, work / site / "ids", work / site / "ids.jsonl",
                        "-a", f"ids={first}-{last}")
            named = [r for r in truth if (m := description.article_match(r["url"]))
                     and first <= int(m["id"]) <= last]
            rows.append((site, f"ids {first}-{last}", ids, floor(named, sizes, site)))
    print(f"{opts.articles:,} articles a site (the replica), fresh state each\n")
    print("| site | run | requests | records | requests a record | floor | over the floor |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for site, kind, stats, least in rows:
        requests = int(stats.get("downloader/request_count", 0))
        records = int(stats.get("item_scraped_count", 0))
        per = f"{requests / records:.2f}" if records else "-"
        print(f"| {site} | {kind} | {requests} | {records} | {per} | {least} | "
              f"{requests / least:.2f}× |")


if __name__ == "__main__":
    main()
