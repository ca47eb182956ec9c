#!/usr/bin/env bash
# The cost of our pipeline: wrk drives GET /api/v1/tenant (JWT, token-version check, Redis rate limit, read-only
# unit of work, RLS) and, in the same run, a bare endpoint doing the same query through raw Npgsql (served by the lab
# tool, never by the production host); prints requests/s, p50 and p99 for both and their ratio. Then GET /api/v1/posts
# with an API key beside the same read with an access token: what a key-authenticated read costs against a user's.
# With BENCH_COMPARE=telemetry the other side is a second production host with Telemetry__Enabled=false instead: the
# cost of OpenTelemetry (metrics listened to, /metrics served) on the same endpoint. With BENCH_COMPARE=cache the other
# side is a second production host with Cache__Enabled=false, both on GET /api/v1/social-accounts: what the cache of hot
# reads saves on the accounts list.
# Usage: scripts/bench-api.sh [seconds=10] [connections=32]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
seconds="${1:-10}"; connections="${2:-32}"; port="${BENCH_PORT:-5091}"; bare_port="${BENCH_BARE_PORT:-5092}"

command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
(exec 3<>/dev/tcp/127.0.0.1/55432) 2>/dev/null || scripts/services.sh up
dotnet build src/Host/Host.csproj -c Release -nologo -clp:ErrorsOnly >/dev/null
dotnet build tools/PublishLab/PublishLab.csproj -c Release -nologo -clp:ErrorsOnly >/dev/null

export ConnectionStrings__Platform="Host=127.0.0.1;Port=55432;Database=platform_bench;Username=platform_app;Password=platform_app_dev;Maximum Pool Size=64"
export ConnectionStrings__Owner="Host=127.0.0.1;Port=55432;Database=platform_bench;Username=platform_owner;Password=platform_owner_dev"
export RateLimiting__PermitsPerMinute=100000000 Hangfire__ServerEnabled=false
# The free plan has no API keys; the bench tenant may have one.
export Billing__Plans__free__ApiKeys=1
export Logging__LogLevel__Default=Warning Redis__InstanceName="bench:"
# Outside Development the host refuses to start without keys of its own.
random() { head -c 32 /dev/urandom | base64 -w0; }
export Jwt__SigningKey="$(random)" Webhooks__SigningKey="$(random)"
export SocialAccounts__Encryption__Keys__bench="$(random)" SocialAccounts__Encryption__CurrentKeyId=bench
dll=src/Host/bin/Release/net10.0/Platform.Host.dll
dotnet "$dll" --urls "http://127.0.0.1:$port" >/tmp/platform-bench.log 2>&1 &
host=$!
compare="${BENCH_COMPARE:-bare}"
if [[ "$compare" == telemetry || "$compare" == cache ]]; then
  # Started once the first host has migrated the database, so the two never migrate at once.
  for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/health/live" >/dev/null && break; sleep 0.2; done
  off=Telemetry__Enabled; [[ "$compare" == cache ]] && off=Cache__Enabled
  env "$off=false" dotnet "$dll" --urls "http://127.0.0.1:$bare_port" >/tmp/platform-bench-off.log 2>&1 &
else
  dotnet tools/PublishLab/bin/Release/net10.0/Platform.PublishLab.dll bare --url "http://127.0.0.1:$bare_port" \
    --connection "Host=127.0.0.1;Port=55432;Database=platform_bench;Username=postgres;Maximum Pool Size=64" >/tmp/platform-bench-bare.log 2>&1 &
fi
bare_host=$!
trap 'kill $host $bare_host 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/health/live" >/dev/null && curl -sf "http://127.0.0.1:$bare_port/health/live" >/dev/null && break; sleep 0.2; done

email="bench-$(date +%s%N)@example.com"
credentials="{\"email\":\"$email\",\"password\":\"benchmark-password-1\"}"
curl -sf -X POST "http://127.0.0.1:$port/api/v1/auth/register" -H 'content-type: application/json' \
  -d "{\"tenantName\":\"Bench\",${credentials:1}" >/dev/null
token=$(curl -sf -X POST "http://127.0.0.1:$port/api/v1/auth/login" -H 'content-type: application/json' -d "$credentials" \
  | sed -E 's/.*"accessToken":"([^"]+)".*/\1/')
tenant=$(curl -sf "http://127.0.0.1:$port/api/v1/me" -H "Authorization: Bearer $token" | sed -E 's/.*"tenantId":"([^"]+)".*/\1/')
key=$(curl -sf -X POST "http://127.0.0.1:$port/api/v1/api-keys" -H "Authorization: Bearer $token" -H 'content-type: application/json' \
  -d '{"name":"bench","scopes":["posts:read"]}' | sed -E 's/.*"key":"([^"]+)".*/\1/')

run() { wrk -t2 -c"$connections" -d"${seconds}s" --latency "$@"; }
full=(-H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/tenant")
bare=("http://127.0.0.1:$bare_port/bench/bare/$tenant")
labels=("GET /api/v1/tenant (full)" "bare Npgsql, same query" "full / bare")
bare_warmup=5
if [[ "$compare" == telemetry ]]; then
  bare=(-H "Authorization: Bearer $token" "http://127.0.0.1:$bare_port/api/v1/tenant")
  labels=("GET /api/v1/tenant, telemetry on" "same, Telemetry:Enabled=false" "on / off")
  bare_warmup="${BENCH_WARMUP:-40}"
  # Scraped as Prometheus would, every 15 s, so the on side pays for collection too.
  (while sleep 15; do curl -sf "http://127.0.0.1:$port/metrics" >/dev/null || true; done) &
  scraper=$!
  trap 'kill $host $bare_host $scraper 2>/dev/null || true' EXIT
elif [[ "$compare" == cache ]]; then
  full=(-H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/social-accounts")
  bare=(-H "Authorization: Bearer $token" "http://127.0.0.1:$bare_port/api/v1/social-accounts")
  labels=("GET /api/v1/social-accounts, cache on" "same, Cache:Enabled=false" "on / off")
  bare_warmup="${BENCH_WARMUP:-40}"
fi
# Warm both paths under the measured load until tiered compilation has settled (the full path has far more code
# to rejit: measured cold, it reads less than half its steady rate), then measure them alternately, twice.
wrk -t2 -c"$connections" -d"${BENCH_WARMUP:-40}s" "${full[@]}" >/dev/null
wrk -t2 -c"$connections" -d"${bare_warmup}s" "${bare[@]}" >/dev/null
pipeline=$(run "${full[@]}"); baseline=$(run "${bare[@]}")
pipeline2=$(run "${full[@]}"); baseline2=$(run "${bare[@]}")

source scripts/wrk-summary.sh
echo "wrk -t2 -c$connections -d${seconds}s on $(nproc) cores, alternating"
side_by_side "${labels[@]}" "$pipeline" "$baseline" "$pipeline2" "$baseline2"
[[ "$compare" == telemetry || "$compare" == cache ]] && exit 0

with_key=(-H "Authorization: Bearer $key" "http://127.0.0.1:$port/api/v1/posts")
with_token=(-H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/posts")
wrk -t2 -c"$connections" -d10s "${with_key[@]}" >/dev/null
keyed=$(run "${with_key[@]}"); tokened=$(run "${with_token[@]}")
keyed2=$(run "${with_key[@]}"); tokened2=$(run "${with_token[@]}")
side_by_side "GET /api/v1/posts (API key)" "GET /api/v1/posts (access token)" "key / token" "$keyed" "$tokened" "$keyed2" "$tokened2"
