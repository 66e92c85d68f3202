"""Scrapy settings for the regional-news crawler.

Every project component reads its own prefixed settings (``DEDUP_*``, ``FRONTIER_*``,
``REFETCH_*``, ...) once in ``from_crawler``, through ``crawler.config.project_settings``,
which types and checks them (one line naming a bad value). The defaults live here
only and can be overridden per spider (``custom_settings``) or per run
(``-s NAME=VALUE``).
"""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def _default_state_dir() -> str:
    """``CRAWLER_STATE_DIR`` if set; else ``.state`` in a checkout; else (a scrapyd
    egg, where this module is inside a zip file, or an installed package) the
    user's data directory. docs/state.md, "Where the state lives under scrapyd"."""
    if os.environ.get("CRAWLER_STATE_DIR"):
        return str(Path(os.environ["CRAWLER_STATE_DIR"]).expanduser().absolute())
    if (PROJECT_ROOT / "scrapy.cfg").is_file():
        return str(PROJECT_ROOT / ".state")
    data = os.environ.get("XDG_DATA_HOME", "")
    base = Path(data) if os.path.isabs(data) else Path.home() / ".local" / "share"
    return str(base / "regional-news-crawler" / "state")


BOT_NAME = "crawler"
SPIDER_MODULES = ["spiders"]
NEWSPIDER_MODULE = "spiders"
COMMANDS_MODULE = "crawler.commands"

# --- Politeness -------------------------------------------------------------
ROBOTSTXT_OBEY = True
USER_AGENT = (
    "regional-news-crawler/0.1 (+https://github.com/; text corpus of Shanxi and "
    "Ganzi regional news; obeys robots.txt)"
)
CONCURRENT_REQUESTS = 8
CONCURRENT_REQUESTS_PER_DOMAIN = 1
DOWNLOAD_DELAY = 1.0
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
DOWNLOAD_TIMEOUT = 30
# An article response yields one item, a listing none: Scrapy's 100 parallel
# item slots only cost an asyncio task each (measured: 8 cut crawl CPU to 0.82x).
CONCURRENT_ITEMS = 8
RETRY_ENABLED = True
RETRY_TIMES = 3
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408, 429]

# --- Safety -----------------------------------------------------------------
DOWNLOAD_MAXSIZE = 16 * 1024 * 1024
DOWNLOAD_WARNSIZE = 4 * 1024 * 1024
TELNETCONSOLE_ENABLED = False  # the telnet console is a remote control of the engine
REMOTE_CONTROL_ENABLED = False  # Scrapy's remote-control extension: no control endpoint
COOKIES_ENABLED = False
# Only http(s) is ever fetched: local files, data: URLs, FTP and S3 are switched off.
DOWNLOAD_HANDLERS = {"file": None, "data": None, "ftp": None, "s3": None}
REDIRECT_MAX_TIMES = 5
METAREFRESH_ENABLED = False

# --- Persistent state -------------------------------------------------------
# One directory for everything that outlives a run: incremental (deltafetch)
# state, the dedupe index, re-fetch validators, ledgers.
STATE_DIR = _default_state_dir()

# --- Export -----------------------------------------------------------------
FEED_EXPORT_ENCODING = "utf-8"
FEED_EXPORTERS = {
    "jsonl": "crawler.exporters.SeedJsonLinesExporter",
    "jsonlines": "crawler.exporters.SeedJsonLinesExporter",
}
FEED_STORE_EMPTY = True
# Output lines are fsynced in groups; what waits for a line to be durable (seen,
# frontier) runs after the fsync that covers it (crawler/exporters.py). 1 = each line.
FEED_FSYNC_LINES = 64
FEED_FSYNC_SECONDS = 0.5

LOG_LEVEL = "INFO"

# --- Components ---------------------------------------------------------------
DOWNLOADER_MIDDLEWARES = {
    # Before everything else, so a refused URL (also a redirect target) is never sent.
    "crawler.middlewares.FetchGuardMiddleware": 50,
    # Scrapy's offsite filter drops a request when it is scheduled, past every
    # errback, so an offsite redirect vanished uncounted; the fetch guard
    # refuses the same hosts (and more) where the errback counts it. So the
    # spiders set no ``allowed_domains``: nothing would read it.
    "scrapy.downloadermiddlewares.offsite.OffsiteMiddleware": None,
    # Scrapy's own, each replaced in its place by a subclass that names its
    # failures (crawler/fetch/): robots.txt per RFC 9309, redirect loops,
    # decompression bombs.
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
    "crawler.fetch.robots.Rfc9309RobotsTxtMiddleware": 100,
    "scrapy.downloadermiddlewares.redirect.RedirectMiddleware": None,
    "crawler.fetch.redirect.LoopAwareRedirectMiddleware": 600,
    "scrapy.downloadermiddlewares.httpcompression.HttpCompressionMiddleware": None,
    "crawler.fetch.compression.BombAwareHttpCompressionMiddleware": 590,
    # Between retry (550) and decompression (590): sees bodies before a retry.
    "crawler.fetch.backoff.HostBackoffMiddleware": 560,
}
SPIDER_MIDDLEWARES = {
    # After HttpErrorMiddleware (50): only the responses a callback gets are archived.
    "crawler.archive.middleware.ArchiveMiddleware": 60,
    "crawler.middlewares.DurableDeltaFetch": 100,
    # The one writer of the frontier (listing walks, pending articles, failures:
    # STATE_DIR/frontier), so that running the same command again completes an
    # interrupted crawl. On the spider side of Scrapy's URL length (800) and
    # depth (900) middlewares: what the spider yields is recorded before
    # anything can drop it, and the facts it states stop here.
    "crawler.state.frontier_middleware.FrontierMiddleware": 950,
}
ITEM_PIPELINES = {
    "pipelines.script.ScriptPipeline": 300,
    "pipelines.window.DateWindowPipeline": 350,
    "pipelines.refetch.RefetchStatusPipeline": 380,
    "pipelines.dedupe.DedupePipeline": 400,
}

# Per-host backoff (crawler.fetch.backoff): Retry-After honoured, bot checks
# not retried, the host slowed down and, past these limits, left for the next run.
BACKOFF_ENABLED = True
BACKOFF_MAX_RETRY_AFTER = 300.0  # seconds; a longer Retry-After leaves the host for the next run
BACKOFF_MAX_DELAY = 60.0  # seconds between requests to a host at most, however slowed
BACKOFF_CHALLENGE_LIMIT = 3  # bot-check pages from a host before it is left for the next run

FETCH_GUARD_ENABLED = True  # refuse any URL outside the three sites (crawler.urls)

EXTENSIONS = {
    # First of all: the project's settings checked (crawler.config) before the
    # engine, the pipelines and the middlewares exist, so a bad -s value stops
    # the run before any request.
    "crawler.config.SettingsCheck": -1000,
    # An exception Scrapy caught in a signal handler (a feed that cannot open)
    # counted, so that the exit status says so (crawler.health).
    "crawler.extensions.SignalHandlerErrors": -900,
    # A re-fetch's book: what earlier re-fetches stored (STATE_DIR/refetch).
    "crawler.extensions.RefetchBookExtension": 510,
    # Python's cycle collector run less often while the engine runs (GC_GEN0_THRESHOLD below).
    "crawler.extensions.CollectorTuning": 550,
    # A few readable lines at the very end of the run, and its stats as JSON
    # under STATE_DIR/runs/<spider>/ (crawler.runs).
    "crawler.runs.RunSummary": 900,
    # Scrapy's minute line, then the progress against the totals a crawl knows.
    "scrapy.extensions.logstats.LogStats": None,
    "crawler.runs.ProgressLogStats": 0,
}
FRONTIER_ENABLED = True
# Failed fetches or extraction errors of an article before it is given up (frontier/given_up).
FRONTIER_MAX_TRIES = 5
# Pages fetched at most for one article split over several (its own pager's
# links): 2-10 for DedeCMS' {dede:pagebreak/}, up to about 20 photos in a
# gallery; the bound stops a pager that never ends (a trap) after 19 more
# requests. An article with more is exported with its first pages (article/capped).
ARTICLE_MAX_PAGES = 20

# The end of a run: a summary in the log, the stats in STATE_DIR/runs (crawler.runs).
RUN_SUMMARY_ENABLED = True
# Run health (crawler.health): a crawl ends with exit status 1 when one of these
# shares of the article pages it tried is passed (and on the rules there).
HEALTH_MAX_FAILED_SHARE = 0.25  # fetches failed or pages with no article
HEALTH_MAX_CHALLENGED_SHARE = 0.05  # bot-check pages
# Bodies found by density alone: near all of them means the site's selectors no
# longer hold (a new template). Not lower: sites serve several template eras at
# once (the replica's sxnews: 36 % of a full crawl, 51 % of a resumed part).
# Only for runs the template-change alarm could not judge against the site's
# history (an initial crawl, too short a history): the alarm judges the others.
HEALTH_MAX_FALLBACK_SHARE = 0.9
# Pages whose extraction raised an unexpected exception (extract/error: a bug,
# not a page without an article). A healthy crawl has none (the replica's three
# sites, the drift corpus); up to one page in a hundred is tolerated, since a
# crawl keeps it pending and tries it again, while a bug hitting a template (a
# third of the pages) fails the run at once. Judged on runs of any size: below
# 100 article pages, one error is over this share.
HEALTH_MAX_ERROR_SHARE = 0.01
# The template-change alarm (crawler.state.history): each run's layout profile
# per site (how the body and headline were found, field coverage, template
# shapes) against the site's last HEALTH_TEMPLATE_HISTORY healthy runs of the
# same kind. "fail": a shift ends the run with exit status 1; "warn": a warning
# line only; "off": profiles kept, never compared.
HEALTH_TEMPLATE_CHANGE = "fail"
HEALTH_TEMPLATE_HISTORY = 5
# A shift is a change of at least this much of the pages (0.25: 97 % -> 72 %)
# that a one-sided Fisher exact test finds at or below this p-value given both
# sample sizes: a 20-article nightly run losing its dates is one, a 20-article
# run with 12 of 20 authors against a usual 60 % is not.
HEALTH_TEMPLATE_MIN_SHIFT = 0.25
HEALTH_TEMPLATE_P = 0.001
# Pages the history must hold for a site before a run is judged against it.
HEALTH_TEMPLATE_MIN_PAGES = 20
# The layout this run meets is the site's new normal (after a template change
# was checked): no alarm, and later runs are judged against this one onwards.
HEALTH_TEMPLATE_ACCEPT = False
# ... or, without the flag: after this many runs in a row alarmed for a site,
# the next run is judged against them (0: only the flag confirms).
HEALTH_TEMPLATE_CONFIRM_RUNS = 3

# Incremental crawls: skip articles an earlier run exported (state in STATE_DIR/deltafetch).
DELTAFETCH_ENABLED = True
DELTAFETCH_RESET = False
WINDOW_ENABLED = True  # drop articles whose published_at is outside since/until

# Web archive (crawler.archive, docs/archive.md): every article page a crawl or
# re-fetch downloads, as WARC/1.1 request + response records (gzip per record) under
# ARCHIVE_DIR/<site>/ (default STATE_DIR/archive), a new file per run, rotated at
# ARCHIVE_MAX_BYTES; synced before the output lines that need it.
ARCHIVE_ENABLED = True
ARCHIVE_DIR = None  # default STATE_DIR/archive
ARCHIVE_MAX_BYTES = 256 * 1024 * 1024

# Re-fetch (spider ``refetch``): send If-None-Match / If-Modified-Since from the
# validators earlier re-fetches stored under STATE_DIR/refetch.
REFETCH_CONDITIONAL = True

# Soft 404s (crawler.state.errorpages): before a re-fetch or an id walk, fetch one
# URL per site that certainly does not exist and keep what the site answers (its
# error page's fingerprint, in STATE_DIR/errorpages): a page like it is gone, not an
# article. Off: only the error-page rules (crawler.extract.rules) and earlier runs'
# fingerprints judge.
SOFT404_PROBE = True

# Output script (pipelines.script, scrapy clean): keep as served, or convert.
TEXT_SCRIPT = "keep"  # keep | hans (Simplified) | hant (Traditional), by OpenCC

# Dedupe (pipelines.dedupe, scrapy dedupe): canonical URL, exact and near-duplicate
# text. Parameters and the measurements behind them: docs/dedupe.md.
DEDUP_ENABLED = True
DEDUP_MODE = "drop"  # drop | mark (keep the record, fill duplicate_of)
DEDUP_BACKEND = "sqlite"  # sqlite (STATE_DIR/dedupe/dedupe.sqlite3) | redis
DEDUP_THRESHOLD = 0.5  # estimated Jaccard similarity of a near duplicate
# Normalised texts shorter than this (headlines, two-line notices) are duplicates
# only when exactly equal after normalisation; longer ones near duplicates only
# when their numbers, dates, people and places agree too (docs/dedupe.md).
DEDUP_NEAR_MIN_CHARS = 80
DEDUP_SHINGLE = 6  # characters per shingle
DEDUP_NUM_PERM = 128  # MinHash permutations
DEDUP_BANDS = 16  # LSH bands ...
DEDUP_ROWS = 4  # ... of this many rows (bands x rows <= permutations)
DEDUP_SEED = 1
# A crawl's record seen again under its own id is not its own duplicate: only a
# line lost in a crash, a DELTAFETCH_RESET or a re-fetch brings an id back, and
# each asks for the record again. (scrapy dedupe sets True: two inputs holding
# one record.)
DEDUP_SAME_ID_IS_DUPLICATE = False
# Crawls commit the dedupe state before each fsync of the output (FEED_FSYNC_*),
# and after at most this many items.
DEDUP_COMMIT_EVERY = 1024
DEDUP_OFFLINE_COMMIT_EVERY = 65_536  # scrapy dedupe: records between commits
DEDUP_SQLITE_PATH = None  # default STATE_DIR/dedupe/dedupe.sqlite3
DEDUP_REDIS_URL = "redis://localhost:6379/0"
DEDUP_REDIS_PREFIX = "dedupe:"

# Python's cycle collector (crawler.extensions.CollectorTuning). At its default
# (a young-generation pass every 700 net allocations) a crawl spends 7-15 % of its
# CPU collecting, nearly all of it finding nothing: requests, responses, items
# and parsed pages are freed by reference counting. Measured in docs/benchmarks.md.
GC_GEN0_THRESHOLD = 10_000  # net allocations between young-generation passes; 0 keeps Python's

# --- Distributed crawls (crawler.distributed; README "Distributed crawling") ---
# One switch: -s REDIS_URL=redis://host:port/db makes this worker one of several
# sharing one crawl: scrapy-redis' scheduler queue and dupefilter (persistent,
# Scrapy's fingerprints, in-flight requests leased per worker), the seen-set
# (what was exported) and the dedupe index (DEDUP_BACKEND=redis at this URL) all
# on that server. The addon below applies it after -s values are read; unset,
# everything stays embedded (SQLite under STATE_DIR).
REDIS_URL = None
REDIS_LEASE_SECONDS = 30.0  # a worker silent this long is dead: its in-flight requests go back
REDIS_IDLE_CLOSE_SECONDS = 30.0  # queue and every worker's in-flight set empty this long: done
ADDONS = {"crawler.distributed.addon.DistributedAddon": 0}
