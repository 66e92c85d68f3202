#!/usr/bin/env bash
# Shared set-up for the README commands: a virtualenv in .venv with the pinned
# requirements. Sourced, so the caller keeps the activated environment.
# Usage: . scripts/setup.sh [requirements file]
set -euo pipefail
_req="${1:-requirements.txt}"
if [ ! -x .venv/bin/python ]; then
    python3 -m venv .venv
fi
# shellcheck disable=SC1091
. .venv/bin/activate
_stamp=".venv/.installed-$(cat requirements.txt "$_req" | sha256sum | cut -c1-16)"
if [ ! -f "$_stamp" ]; then
    python -m pip install --quiet --upgrade pip
    python -m pip install --quiet -r "$_req"
    touch "$_stamp"
fi
