"""A realistic run history, and ``scrapy report``'s history section on it.

    python bench/report_history.py                      # into a temporary folder
    python bench/report_history.py --redate 2026-11-20 --screenshot docs/report-history.png

On a fresh local replica of ``--articles`` articles a site, as whole ``scrapy
crawl`` processes sharing one ``STATE_DIR``: an initial crawl of each site,
then ``--nights`` incremental (nightly) runs, the replica growing between them
by a few to a few dozen articles a site (``Replica.grow``). Before night
``--switch-night`` sxnews moves to a new template family (the replica's
``template_switch`` fault, from its next grown article on): that night's run
raises the template-change alarm; the next night runs with
``-s HEALTH_TEMPLATE_ACCEPT=True`` (the new layout accepted), and the nights
after it are judged against it.

The runs take seconds, not nights: with ``--redate`` their files are then
re-dated one night apart (``start_time``/``finish_time``, the file name and
the alarm line's "since", order and durations kept; the verdicts were made
on the real runs), so the page reads like the nightly history it stands for.
Then ``scrapy report --runs STATE/runs`` writes the page (history only), and
with ``--screenshot`` headless Chromium draws it into a small PNG
(docs/report-history.png).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from replica import Replica  # noqa: E402
from testkit.browser import chromium, draw_page  # noqa: E402

SITES = ("shanxidayuan", "fissico", "sxnews")
FAST = ("-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False",
        "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=16", "-s", "ARCHIVE_ENABLED=False")
# Articles grown per night and site (cycled): nights of 5 to 40 new articles.
GROWTH = (12, 25, 8, 40, 15, 30, 5, 20, 18, 10)
SWITCHED = "sxnews"


def crawl(site: str, proxy: str, state: Path, out: Path, *args: str) -> int:
    env = {**os.environ, "http_proxy": proxy, "no_proxy": "", "NO_PROXY": ""}
    log = out.with_suffix(".log")
    run = subprocess.run([sys.executable, "-m", "scrapy", "crawl", site, "-o", str(out), *FAST,
                          "-s", f"STATE_DIR={state}", "-s", "LOG_LEVEL=INFO",
                          "-s", "LOG_FILE_APPEND=True", "--logfile", str(log), *args],
                         cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    return run.returncode


def redate(runs: Path, first: dt.datetime) -> None:
    """Each spider's n-th run (oldest first) moved to ``first`` + n days, the
    spiders 20 minutes apart (see the module's docstring)."""
    for offset, folder in enumerate(sorted(p for p in runs.iterdir() if p.is_dir())):
        files = sorted(folder.glob("*.json"))
        moved_runs = []
        for night, path in enumerate(files):
            stats = json.loads(path.read_text("utf-8"))
            began = dt.datetime.fromisoformat(stats["start_time"])
            moved = first + dt.timedelta(days=night, minutes=20 * offset)
            stats["start_time"] = moved.isoformat()
            if stats.get("finish_time"):
                ended = dt.datetime.fromisoformat(stats["finish_time"])
                stats["finish_time"] = (moved + (ended - began)).isoformat()
            for key, value in stats.items():
                if key.startswith("layout/alarm/") and isinstance(value, str):
                    stats[key] = re.sub(r"since \S+ \S+ UTC",
                                        f"since {moved:%Y-%m-%d %H:%M} UTC", value)
            moved_runs.append((moved, stats))
        for path in files:
            path.unlink()
        for moved, stats in moved_runs:
            (folder / f"{moved:%Y-%m-%dT%H-%M-%SZ}.json").write_text(
                json.dumps(stats, ensure_ascii=False, indent=1, sort_keys=True), "utf-8")


def screenshot(page: Path, target: Path, width: int, height: int) -> None:
    """``page`` in headless Chromium, quantized to 64 colours (a small PNG)."""
    browser = chromium()
    if browser is None:
        raise SystemExit("chromium is not installed (apt-get install chromium fonts-noto-cjk)")
    with tempfile.TemporaryDirectory() as tmp:
        drawn = draw_page(browser, page, Path(tmp), f"{width},{height}")
        if drawn.returncode or drawn.console:
            raise SystemExit(f"chromium: exit {drawn.returncode}: "
                             f"{drawn.console or drawn.stderr[-500:]}")
        from PIL import Image  # matplotlib's dependency

        with Image.open(drawn.shot) as image:
            image.convert("RGB").quantize(colors=64).save(target, optimize=True)
    print(f"screenshot: {target} ({target.stat().st_size:,} bytes)", file=sys.stderr)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=60, help="the replica's start size")
    parser.add_argument("--nights", type=int, default=8, help="incremental runs after the first")
    parser.add_argument("--switch-night", type=int, default=5,
                        help=f"the night {SWITCHED} moves to a new template (0: never)")
    parser.add_argument("--state", type=Path, help="STATE_DIR (default: a temporary folder)")
    parser.add_argument("--redate", metavar="YYYY-MM-DD",
                        help="re-date the runs one night apart from this day, 03:00 UTC")
    parser.add_argument("--screenshot", type=Path, help="the history's PNG (e.g. docs/…)")
    parser.add_argument("--size", default="1500,2400", help="the browser window, W,H")
    args = parser.parse_args()
    state = args.state or Path(tempfile.mkdtemp(prefix="report-history-"))
    out = state / "out"
    out.mkdir(parents=True, exist_ok=True)
    with Replica(articles=args.articles) as replica:
        for night in range(args.nights + 1):
            extra: tuple[str, ...] = ()
            if night:
                for i, site in enumerate(SITES):
                    if site == SWITCHED and night == args.switch_night:
                        replica.switch_template(site, since=replica.model(site).total)
                    replica.grow(site, GROWTH[(night + 3 * i) % len(GROWTH)])
            for site in SITES:
                extra = (("-s", "HEALTH_TEMPLATE_ACCEPT=True")
                         if site == SWITCHED and args.switch_night
                         and night == args.switch_night + 1 else ())
                code = crawl(site, replica.proxy_url, state, out / f"{site}.jsonl", *extra)
                print(f"night {night}: {site}: exit {code}", file=sys.stderr)
    if args.redate:
        redate(state / "runs", dt.datetime.fromisoformat(args.redate).replace(
            hour=3, tzinfo=dt.UTC))
    page = state / "report.html"
    subprocess.run([sys.executable, "-m", "scrapy", "report", "--runs", str(state / "runs"),
                    "-O", str(page)], cwd=ROOT, check=False)
    print(f"page: {page}", file=sys.stderr)
    if args.screenshot:
        width, height = (int(x) for x in args.size.split(","))
        screenshot(page, args.screenshot, width, height)


if __name__ == "__main__":
    main()
