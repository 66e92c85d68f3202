#!/usr/bin/env bash
# The README's main command: set up, start the local replica of the three
# sites, and crawl all three through it (no internet needed), writing one file
# per run, out/<site>/<UTC time>.jsonl. Runs are incremental: a second run
# exports only what is new, into a file of its own, and earlier files are never
# touched (RESET=1 starts from empty state: everything is exported again).
#   REPLICA_ARTICLES  generated articles per site besides the seeds (default 300)
#   REPLICA_BASE      keep the layout of a replica this size, the rest grown: raise
#                     REPLICA_ARTICLES from run to run with the same base and the
#                     sites grow, keeping every earlier article (default: none)
#   REPLICA_PORT      the replica's port on 127.0.0.1 (default: a free one)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/setup.sh requirements.txt

articles="${REPLICA_ARTICLES:-300}"
port="${REPLICA_PORT:-$(python -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')}"
state=".state/offline"
[ "${RESET:-0}" = 1 ] && rm -rf "$state"
mkdir -p out

scrapy replica --port "$port" --articles "$articles" ${REPLICA_BASE:+--base "$REPLICA_BASE"} \
    > out/replica.log 2>&1 &
replica=$!
trap 'kill "$replica" 2>/dev/null || true' EXIT
python - "$port" <<'PY'
import socket, sys, time
for _ in range(200):
    try:
        socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=0.2).close()
        break
    except OSError:
        time.sleep(0.1)
else:
    sys.exit("replica did not start; see out/replica.log")
PY

export http_proxy="http://127.0.0.1:$port" no_proxy="" NO_PROXY=""
status=0
for site in shanxidayuan fissico sxnews; do
    echo "== crawling $site through the replica on port $port"
    mkdir -p "out/$site"
    before=$(ls "out/$site" | wc -l)
    scrapy crawl "$site" -o "out/$site/%(time)s.jsonl" --logfile "out/$site.log" \
        -s STATE_DIR="$state" -s DOWNLOAD_DELAY=0 -s AUTOTHROTTLE_ENABLED=False \
        -s CONCURRENT_REQUESTS_PER_DOMAIN=8 || status=$?
    newest=$(ls -t "out/$site"/*.jsonl 2>/dev/null | head -1)
    if [ -n "$newest" ] && [ "$(ls "out/$site" | wc -l)" -gt "$before" ]; then
        echo "   $(wc -l < "$newest") new record(s) -> $newest (log: out/$site.log)"
    else
        echo "   no output file written (log: out/$site.log)"
    fi
    echo "   $(cat "out/$site"/*.jsonl | wc -l) record(s) in all runs' files in out/$site/"
done
exit "$status"
