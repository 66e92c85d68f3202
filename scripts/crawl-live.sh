#!/usr/bin/env bash
# The nightly incremental crawl of the real sites (deploy/cron/crawler.cron):
# each of the three spiders in turn, one new file per site and run,
# out/<site>/<UTC time>.jsonl (only what no earlier run exported), the log
# appended to logs/<site>.log. The state is the checkout's .state/ (or
# CRAWLER_STATE_DIR). After an interruption, running it again completes it.
#   SITES    the spiders to run (default: shanxidayuan fissico sxnews)
#   LOG_DIR  where the logs go (default: logs)
# Any further arguments go to every `scrapy crawl` (-a since=…, -s NAME=VALUE).
# The exit status is the last non-zero one of the crawls (1: a run failed its
# health checks, see crawler/health.py; 2: a bad argument), else 0.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/setup.sh requirements.txt

sites="${SITES:-shanxidayuan fissico sxnews}"
logs="${LOG_DIR:-logs}"
mkdir -p "$logs" out
status=0
for site in $sites; do
    echo "$(date -u +%FT%TZ) crawl $site"
    rc=0
    scrapy crawl "$site" -o "out/$site/%(time)s.jsonl" --logfile "$logs/$site.log" "$@" || rc=$?
    echo "$(date -u +%FT%TZ) crawl $site: exit $rc (log: $logs/$site.log)"
    [ "$rc" = 0 ] || status=$rc
done
exit "$status"
