#!/usr/bin/env bash
# Shared set-up for the README commands: a virtualenv in .venv with the locked
# requirements. Sourced, so the caller keeps the activated environment.
# Usage: . scripts/setup.sh [requirements file]
#   requirements.txt      runtime (the default)
#   requirements-dev.txt  runtime + tests, lint, type checks, extraction anchors
# Both files pin the whole dependency tree (compiled from requirements*.in, see
# their headers), so the venv's own pip installs them as they are: pip is not
# upgraded first, which would make the install depend on the day's pip release.
set -euo pipefail
_req="${1:-requirements.txt}"
if [ ! -x .venv/bin/python ]; then
    python3 -m venv .venv
fi
# shellcheck disable=SC1091
. .venv/bin/activate
_stamp=".venv/.installed-$(cat requirements.txt "$_req" | sha256sum | cut -c1-16)"
if [ ! -f "$_stamp" ]; then
    python -m pip install --quiet -r "$_req"
    python -m pip check  # the lock is consistent: nothing required is missing
    touch "$_stamp"
fi
