#!/usr/bin/env bash
# Runs every test against a real PostgreSQL and Redis, installing and starting them first where missing; builds the web
# app, fails when its generated API client no longer matches the host, and runs its browser tests in Chromium.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

scripts/services.sh up
scripts/services.sh browser
# The web app before the host (whose build copies it), then the check that its API client matches the built host.
src/Web/scripts/build.sh
dotnet build Platform.sln -c Release -nologo -clp:ErrorsOnly
node src/Web/scripts/api.mjs check

log=$(mktemp)
set +e
dotnet test Platform.sln -c Release --no-build -nologo "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# One closing line for every project together.
passed=$(grep -Eo 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -Eo 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
skipped=$(grep -Eo 'Skipped: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
rm -f "$log"
echo "tests: $passed passed, $failed failed, $skipped skipped"
if [ "$status" -eq 0 ] && [ "$passed" -eq 0 ]; then
  echo "no test ran" >&2
  exit 1
fi
exit "$status"
