#!/usr/bin/env bash
# Publishing throughput and lateness with one host against a local fake X: a burst of N targets due at one instant,
# then a steady stream below capacity. Each mode runs on a fresh database and Redis prefix.
# Usage: scripts/bench-publish.sh [N=10000] [steady-rate=100] [steady-seconds=30]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lab-common.sh"
lab throughput --mode burst --n "${1:-10000}"
lab throughput --mode steady --rate "${2:-100}" --seconds "${3:-30}"
echo "load after: $(uptime | sed 's/.*load average: //')"
