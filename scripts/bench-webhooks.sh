#!/usr/bin/env bash
# Webhook fan-out with one slow receiver: events written to the outbox at a steady rate, each delivered to every
# subscription; receiver 0 answers after slow-ms. Prints how late the other receivers got their deliveries (p50, p99,
# max) and what was missing or repeated. With BENCH_BEFORE_REF set, the same run first against a host built from that
# commit (in a temporary worktree), for a side-by-side comparison.
# Usage: scripts/bench-webhooks.sh [events-per-second=100] [seconds=30] [subscriptions=10] [slow-ms=5000]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lab-common.sh"
arguments=(--rate "${1:-100}" --seconds "${2:-30}" --subscriptions "${3:-10}" --slow-ms "${4:-5000}")
if [ -n "${BENCH_BEFORE_REF:-}" ]; then
  before_tree="$(mktemp -d)/before"
  git worktree add --detach "$before_tree" "$BENCH_BEFORE_REF" >/dev/null 2>&1
  trap 'git -C "$root" worktree remove --force "$before_tree" >/dev/null 2>&1 || true' EXIT
  dotnet build "$before_tree/src/Host/Host.csproj" -c Release -nologo -clp:ErrorsOnly >/dev/null
  echo "== before: $BENCH_BEFORE_REF"
  PUBLISHLAB_HOST_DLL="$before_tree/src/Host/bin/Release/net10.0/Platform.Host.dll" lab webhooks "${arguments[@]}"
  echo "== after: this checkout"
fi
lab webhooks "${arguments[@]}"
