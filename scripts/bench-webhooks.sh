#!/usr/bin/env bash
# Webhook fan-out with one slow receiver: events written to the outbox at a steady rate, each delivered to every
# subscription; receiver 0 answers after slow-ms. Prints how late the other receivers got their deliveries (p50, p99,
# max) and what was missing or repeated.
# Usage: scripts/bench-webhooks.sh [events-per-second=100] [seconds=30] [subscriptions=10] [slow-ms=5000]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lab-common.sh"
lab webhooks --rate "${1:-100}" --seconds "${2:-30}" --subscriptions "${3:-10}" --slow-ms "${4:-5000}"
