#!/usr/bin/env bash
# What enforcing plan limits costs a write. wrk drives POST /api/v1/api-keys (JWT, validation, a write unit of work, one
# inserted key) on two hosts side by side: "before", built from BENCH_BEFORE_REF (default 9ed38f5: the audit trail
# without plan limits, so only the guard differs), and "after", this checkout (the plan limit guard: advisory lock, count and
# comparison with the plan sent with the COMMIT, in its round trip).
# Each path is warmed, then measured alternately twice, first with one tenant on every connection, then with one tenant
# per connection; prints requests/s, p50 and p99 of both and their ratio, for each.
# Usage: scripts/bench-limits.sh [seconds=10] [connections=16]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root="$(pwd)"
seconds="${1:-10}"; connections="${2:-16}"; before_ref="${BENCH_BEFORE_REF:-9ed38f5}"
before_port="${BENCH_BEFORE_PORT:-5093}"; after_port="${BENCH_AFTER_PORT:-5094}"

command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
if ! { redis-cli -p "${PLATFORM_REDIS_PORT:-56379}" ping >/dev/null 2>&1 && pg_isready -q -h 127.0.0.1 -p "${PLATFORM_PG_PORT:-55432}"; }; then
  scripts/services.sh up
fi
before_tree="$(mktemp -d)/before"
git worktree add --detach "$before_tree" "$before_ref" >/dev/null 2>&1
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  git -C "$root" worktree remove --force "$before_tree" >/dev/null 2>&1 || true
}
trap cleanup EXIT
dotnet build "$before_tree/src/Host/Host.csproj" -c Release -nologo -clp:ErrorsOnly >/dev/null
dotnet build src/Host/Host.csproj -c Release -nologo -clp:ErrorsOnly >/dev/null

random() { head -c 32 /dev/urandom | base64 -w0; }
export RateLimiting__PermitsPerMinute=100000000 Hangfire__ServerEnabled=false Publishing__DispatcherEnabled=false
export Logging__LogLevel__Default=Warning Jwt__AccessTokenMinutes=120
# The free plan with room for every key the run creates: the guard checks, it never refuses.
export Billing__Plans__free__ApiKeys=100000000
export Jwt__SigningKey="$(random)" Webhooks__SigningKey="$(random)"
export SocialAccounts__Encryption__Keys__bench="$(random)" SocialAccounts__Encryption__CurrentKeyId=bench
start_host() { # name, checkout, port (each build gets its own database: an older one refuses a newer schema)
  ConnectionStrings__Platform="Host=127.0.0.1;Port=${PLATFORM_PG_PORT:-55432};Database=platform_bench_limits_$1_$(git -C "$2" rev-parse --short=7 HEAD);Username=platform_app;Password=platform_app_dev;Maximum Pool Size=64" \
  ConnectionStrings__Owner="Host=127.0.0.1;Port=${PLATFORM_PG_PORT:-55432};Database=platform_bench_limits_$1_$(git -C "$2" rev-parse --short=7 HEAD);Username=platform_owner;Password=platform_owner_dev" \
  Redis__InstanceName="bench-limits-$1:" \
    dotnet "$2/src/Host/bin/Release/net10.0/Platform.Host.dll" --urls "http://127.0.0.1:$3" >"/tmp/platform-bench-limits-$1.log" 2>&1 &
  pids+=($!)
}
start_host before "$before_tree" "$before_port"
start_host after "$root" "$after_port"
for port in "$before_port" "$after_port"; do
  for _ in $(seq 1 300); do curl -sf "http://127.0.0.1:$port/health/live" >/dev/null && break; sleep 0.5; done
done

token_on() { # port: registers a tenant and answers its owner's access token
  local email="bench-$(date +%s%N)@example.com"
  local credentials="{\"email\":\"$email\",\"password\":\"benchmark-password-1\"}"
  curl -sf -X POST "http://127.0.0.1:$1/api/v1/auth/register" -H 'content-type: application/json' \
    -d "{\"tenantName\":\"Bench\",${credentials:1}" >/dev/null
  curl -sf -X POST "http://127.0.0.1:$1/api/v1/auth/login" -H 'content-type: application/json' -d "$credentials" \
    | sed -E 's/.*"accessToken":"([^"]+)".*/\1/'
}
# One tenant on every connection: its guarded writes of a limit wait on each other. Then as many tenants as connections,
# each request the next tenant's: requests seldom wait on each other, so what is left is what the check itself costs.
keys_lua() { # port, tenants: a wrk script creating API keys, each request as the next of <tenants> tenants' owners
  local file tokens="" i
  file="$(mktemp --suffix=.lua)"
  for i in $(seq 1 "$2"); do tokens+="\"$(token_on "$1")\","; done
  cat >"$file" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"name":"bench","scopes":["posts:read"]}'
local tokens = { ${tokens} }
local turn = 0
request = function()
  turn = turn % #tokens + 1
  -- wrk.format takes the headers whole: the shared ones (Host, Content-Type) are copied in.
  local headers = { ["Authorization"] = "Bearer " .. tokens[turn] }
  for name, value in pairs(wrk.headers) do headers[name] = value end
  return wrk.format(nil, nil, headers)
end
LUA
  echo "$file"
}

run() { wrk -t2 -c"$connections" -d"${seconds}s" --latency "$@"; }
source scripts/wrk-summary.sh
echo "wrk -t2 -c$connections -d${seconds}s on $(nproc) cores, alternating; $(uptime | sed 's/.*load/load/')"
for tenants in 1 "$connections"; do
  before=(-s "$(keys_lua "$before_port" "$tenants")" "http://127.0.0.1:$before_port/api/v1/api-keys")
  after=(-s "$(keys_lua "$after_port" "$tenants")" "http://127.0.0.1:$after_port/api/v1/api-keys")
  wrk -t2 -c"$connections" -d"${BENCH_WARMUP:-30}s" "${before[@]}" >/dev/null
  wrk -t2 -c"$connections" -d"${BENCH_WARMUP:-30}s" "${after[@]}" >/dev/null
  unguarded=$(run "${before[@]}"); guarded=$(run "${after[@]}")
  unguarded2=$(run "${before[@]}"); guarded2=$(run "${after[@]}")
  echo "$tenants tenant(s):"
  side_by_side "POST /api/v1/api-keys after (guarded)" "POST /api/v1/api-keys before ($before_ref)" "after / before" \
    "$guarded" "$unguarded" "$guarded2" "$unguarded2"
done
