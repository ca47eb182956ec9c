#!/usr/bin/env bash
# A mixed load on one host: concurrent clients (each pausing 0.5-1.5 s between requests) reading, writing drafts,
# scheduling posts that publish to a local X, and asking for AI text from the offline provider and a slow local model.
# Prints answers by kind and status, read p50/p99, refusals without Retry-After, duplicates and AI overcharges.
# Usage: scripts/bench-load.sh [clients=500] [seconds=60] [operation]
# With an operation (GetTenant, ListPosts, Calendar, WriteDraft, Schedule, AiOffline, AiSlow) every client sends only that
# one, which prints its own host CPU per answer.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lab-common.sh"
lab load --clients "${1:-500}" --seconds "${2:-60}" ${3:+--only "$3"}
echo "load after: $(uptime | sed 's/.*load average: //')"
