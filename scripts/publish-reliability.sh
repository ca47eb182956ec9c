#!/usr/bin/env bash
# kill -9 trials against host processes publishing to the local documented servers of X, Facebook, LinkedIn, Threads,
# Reddit, Instagram, TikTok, YouTube and Pinterest (all by default, or --platform X,Reddit). Each trial posts on every
# selected platform at once (media from the lab's own https origin); per platform and in total: duplicates, losses,
# unconfirmed and time to settle; exits non-zero on any duplicate or loss.
# Usage: scripts/publish-reliability.sh [trials=1000] [posts-per-trial=3] (extra options pass through, e.g. --platform X --seed 42)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lab-common.sh"
lab reliability --trials "${1:-1000}" --posts-per-trial "${2:-3}" "${@:3}"
