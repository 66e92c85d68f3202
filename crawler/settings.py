"""Scrapy settings for the regional-news crawler.

Every project component reads its own prefixed settings (``CLEAN_*``, ``DEDUP_*``,
``REFETCH_*``, ...) once in ``from_crawler``; the defaults live here and can be
overridden per spider (``custom_settings``) or per run (``-s NAME=VALUE``).
"""

from __future__ import annotations

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent

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
STATE_DIR = str(PROJECT_ROOT / ".state")

# --- Export -----------------------------------------------------------------
FEED_EXPORT_ENCODING = "utf-8"
FEED_EXPORTERS = {
    "jsonl": "crawler.exporters.SeedJsonLinesExporter",
    "jsonlines": "crawler.exporters.SeedJsonLinesExporter",
}
FEED_STORE_EMPTY = True

LOG_LEVEL = "INFO"

# --- Components ---------------------------------------------------------------
DOWNLOADER_MIDDLEWARES = {
    # Before everything else, so a refused URL (also a redirect target) is never sent.
    "crawler.middlewares.FetchGuardMiddleware": 50,
}
SPIDER_MIDDLEWARES = {
    "crawler.middlewares.DurableDeltaFetch": 100,
}
ITEM_PIPELINES = {
    "pipelines.script.ScriptPipeline": 300,
    "pipelines.window.DateWindowPipeline": 350,
    "pipelines.refetch.RefetchStatusPipeline": 380,
    "pipelines.dedupe.DedupePipeline": 400,
}

FETCH_GUARD_ENABLED = True  # refuse any URL outside the three sites (crawler.urls)

EXTENSIONS = {
    # Listing walks, pending articles and failures, kept so that running the
    # same command again completes an interrupted crawl (STATE_DIR/frontier).
    "crawler.extensions.FrontierExtension": 500,
}
FRONTIER_ENABLED = True
FRONTIER_MAX_TRIES = 5  # failed fetches of an article before it is given up (frontier/given_up)

# Incremental crawls: skip articles an earlier run exported (state in STATE_DIR/deltafetch).
DELTAFETCH_ENABLED = True
DELTAFETCH_RESET = False
WINDOW_ENABLED = True  # drop articles whose published_at is outside since/until

# Re-fetch (spider ``refetch``): send If-None-Match / If-Modified-Since from the
# validators earlier re-fetches stored under STATE_DIR/refetch.
REFETCH_CONDITIONAL = True

# Output script (pipelines.script, scrapy clean): keep as served, or convert.
TEXT_SCRIPT = "keep"  # keep | hans (Simplified) | hant (Traditional), by OpenCC

# Dedupe (pipelines.dedupe, scrapy dedupe): canonical URL, exact and near-duplicate
# text. Parameters and the measurements behind them: docs/dedupe.md.
DEDUP_ENABLED = True
DEDUP_MODE = "drop"  # drop | mark (keep the record, fill duplicate_of)
DEDUP_BACKEND = "sqlite"  # sqlite (STATE_DIR/dedupe/dedupe.sqlite3) | redis
DEDUP_THRESHOLD = 0.5  # estimated Jaccard similarity of a near duplicate
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
DEDUP_COMMIT_EVERY = 1  # items between commits of the dedupe state
DEDUP_OFFLINE_COMMIT_EVERY = 65_536  # scrapy dedupe: records between commits
DEDUP_SQLITE_PATH = None  # default STATE_DIR/dedupe/dedupe.sqlite3
DEDUP_REDIS_URL = "redis://localhost:6379/0"
DEDUP_REDIS_PREFIX = "dedupe:"
