#!/usr/bin/env bash
# Schedule one crawl on scrapyd, its records going to OUT_DIR/<spider>/<UTC time>.jsonl
# (one new file per job, as `scrapy crawl SPIDER -o 'out/%(name)s/%(time)s.jsonl'`).
#   deploy/scrapyd/schedule.sh fissico                                  # nightly incremental
#   deploy/scrapyd/schedule.sh fissico -d since=2024-01-01 -d until=2024-06-30   # backfill
#   deploy/scrapyd/schedule.sh refetch -d input='/srv/regional-news-crawler/out/fissico/2026-11-*.jsonl'
#   deploy/scrapyd/schedule.sh sxnews -d setting=DOWNLOAD_DELAY=2     # a setting for this job
# Further arguments go to curl as they are: -d NAME=VALUE is a spider argument,
# -d setting=NAME=VALUE a Scrapy setting. Prints scrapyd's answer ({"jobid": …}).
#   SCRAPYD_URL  default http://127.0.0.1:6800/
#   OUT_DIR      default /srv/regional-news-crawler/out (absolute: the job runs in scrapyd's directory)
set -euo pipefail
spider="${1:?usage: schedule.sh SPIDER [-d NAME=VALUE | -d setting=NAME=VALUE] ...}"
shift
url="${SCRAPYD_URL:-http://127.0.0.1:6800/}"
out="${OUT_DIR:-/srv/regional-news-crawler/out}"
feeds=$(printf '{"%s/%%(name)s/%%(time)s.jsonl": {"format": "jsonl"}}' "${out%/}")
answer=$(curl -sS --fail-with-body "${url%/}/schedule.json" -d project=crawler \
    -d spider="$spider" --data-urlencode "setting=FEEDS=$feeds" "$@")
echo "$answer"
# scrapyd answers 200 with "status": "error" for an unknown spider or project.
grep -q '"status": "ok"' <<<"$answer"
