#!/usr/bin/env bash
# The live notification stream under load: one host, many server-sent-event clients spread over a few tenants, post events
# written to the outbox at a steady rate. Prints delivery latency p50/p99 (outbox row written -> client read the event),
# deliveries missed and streams held to the end; exits 1 when a stream dropped, a delivery was missed or p99 >= 1 s.
# Usage: scripts/bench-notify-stream.sh [clients=1000] [events-per-second=20] [seconds=30] [tenants=10]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lab-common.sh"
lab notify-stream --clients "${1:-1000}" --rate "${2:-20}" --seconds "${3:-30}" --tenants "${4:-10}"
echo "load after: $(uptime | sed 's/.*load average: //')"
