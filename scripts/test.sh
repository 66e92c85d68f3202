#!/usr/bin/env bash
# The README's test command: set everything up, then lint, type-check and test.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/setup.sh requirements-dev.txt
# The Redis dedupe backend is tested against a real server.
if ! command -v redis-server >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server) \
            >/dev/null 2>&1 || echo "test.sh: could not install redis-server; Redis tests will skip" >&2
    fi
fi
# The report's browser test renders the page in headless Chromium.
if ! command -v chromium >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
            chromium fonts-noto-cjk) >/dev/null 2>&1 \
            || echo "test.sh: could not install chromium; the browser test will skip" >&2
    fi
fi
echo "== ruff"; ruff check .
echo "== mypy"; mypy
# On 2 workers (pytest-xdist): much of the suite waits on subprocess crawls and
# the replica, so two run side by side well even on 2 cores. Tests that share an
# expensive module fixture are kept on one worker (xdist_group, --dist loadgroup).
echo "== pytest"; pytest -q -n 2 --dist loadgroup "$@"
