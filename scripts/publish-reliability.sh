#!/usr/bin/env bash
# kill -9 trials against host processes publishing to the local documented servers of X, Facebook, LinkedIn, Threads and
# Reddit (all by default, or --platform X,Reddit); per platform and in total: duplicates and losses; exits non-zero on any.
# Usage: scripts/publish-reliability.sh [trials=1000] [posts-per-trial=3] (extra options pass through, e.g. --platform X --seed 42)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lab-common.sh"
lab reliability --trials "${1:-1000}" --posts-per-trial "${2:-3}" "${@:3}"
