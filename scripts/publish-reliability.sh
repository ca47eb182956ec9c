#!/usr/bin/env bash
# kill -9 trials against host processes publishing to a local fake X; exits non-zero on any duplicate or loss.
# Usage: scripts/publish-reliability.sh [trials=1000] [posts-per-trial=3] (extra options pass through, e.g. --seed 42)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lab-common.sh"
lab reliability --trials "${1:-1000}" --posts-per-trial "${2:-3}" "${@:3}"
