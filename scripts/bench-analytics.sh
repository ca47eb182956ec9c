#!/usr/bin/env bash
# Analytics reports at scale: loads about N metric snapshots (default 10,000,000; fewer where a post is too young for its
# later fetches) across 1,000 tenants over 90 days, one tenant holding 2 % of them, rolls them up, then measures p50/p99
# of GET /api/v1/analytics/overview and /best-times for that tenant over 90 days through the full HTTP pipeline (JWT,
# rate limit, read-only unit of work, RLS): once reading the daily roll-ups, once with the tenant's roll-ups removed, so
# the same endpoints compute everything from the raw snapshot table.
# Usage: scripts/bench-analytics.sh [snapshots=10000000] [seconds=20] [connections=8]
# BENCH_NO_BUILD=1 runs the host as last built; the machine's load average is printed with the figures.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
snapshots="${1:-10000000}"; seconds="${2:-20}"; connections="${3:-8}"; port="${BENCH_PORT:-5193}"
database=platform_bench_analytics
admin="host=127.0.0.1 port=55432 user=postgres"

command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
[ -n "${BENCH_SERVICES_UP:-}" ] || scripts/services.sh up
[ -n "${BENCH_NO_BUILD:-}" ] || dotnet build src/Host/Host.csproj -c Release -nologo -clp:ErrorsOnly
psql "$admin dbname=postgres" -qc "DROP DATABASE IF EXISTS $database WITH (FORCE)"

export ConnectionStrings__Platform="Host=127.0.0.1;Port=55432;Database=$database;Username=platform_app;Password=platform_app_dev;Maximum Pool Size=64"
export ConnectionStrings__Owner="Host=127.0.0.1;Port=55432;Database=$database;Username=platform_owner;Password=platform_owner_dev"
export RateLimiting__PermitsPerMinute=100000000 Hangfire__ServerEnabled=false Publishing__DispatcherEnabled=false
export Logging__LogLevel__Default=Warning Redis__InstanceName="bench-analytics:"
random() { head -c 32 /dev/urandom | base64 -w0; }
export Jwt__SigningKey="$(random)" Webhooks__SigningKey="$(random)"
export SocialAccounts__Encryption__Keys__bench="$(random)" SocialAccounts__Encryption__CurrentKeyId=bench
if curl -s -o /dev/null "http://127.0.0.1:$port/"; then echo "port $port is taken; set BENCH_PORT" >&2; exit 1; fi
dotnet src/Host/bin/Release/net10.0/Platform.Host.dll --urls "http://127.0.0.1:$port" >/tmp/platform-bench-analytics.log 2>&1 &
host=$!
trap 'kill $host 2>/dev/null || true' EXIT
for _ in $(seq 1 300); do
  kill -0 $host 2>/dev/null || { echo "the host stopped; see /tmp/platform-bench-analytics.log" >&2; exit 1; }
  curl -sf "http://127.0.0.1:$port/health/live" >/dev/null && break; sleep 0.2
done

credentials='{"email":"bench-analytics@example.com","password":"benchmark-password-1"}'
curl -sf -X POST "http://127.0.0.1:$port/api/v1/auth/register" -H 'content-type: application/json' \
  -d "{\"tenantName\":\"Large\",${credentials:1}" >/dev/null
token=$(curl -sf -X POST "http://127.0.0.1:$port/api/v1/auth/login" -H 'content-type: application/json' -d "$credentials" \
  | sed -E 's/.*"accessToken":"([^"]+)".*/\1/')
tenant=$(curl -sf "http://127.0.0.1:$port/api/v1/me" -H "Authorization: Bearer $token" | sed -E 's/.*"tenantId":"([^"]+)".*/\1/')

# Eight fetches per target (1 h, 6 h, 24 h, 3 d, 7 d, 14 d, 21 d, 28 d after publishing), only those already due. Each
# tenant has nine accounts, one per platform; TikTok and YouTube report views but no impressions. Loaded as the superuser
# (past RLS) for speed, in one INSERT ... SELECT over generate_series per table: the snapshot table's indexes and keys are
# dropped first and built again after the load (one sorted build each beats ten million random inserts), and its foreign
# key is not checked row by row (session_replication_role = replica skips the trigger; every target exists by
# construction). The reports then read it as the app role like any other data.
load_before=$(uptime | sed -E 's/.*load average//')
started=$(date +%s)
psql "$admin dbname=$database" -v ON_ERROR_STOP=1 -q <<SQL
SET maintenance_work_mem = '512MB';
SET session_replication_role = replica;
INSERT INTO tenants.tenants (id, name) SELECT gen_random_uuid(), 'Bench ' || n FROM generate_series(1, 999) n;
CREATE TEMP TABLE bench_tenants AS
    SELECT id, CASE WHEN id = '$tenant' THEN -1 ELSE row_number() OVER (PARTITION BY id = '$tenant' ORDER BY id) - 1 END AS k
    FROM tenants.tenants;
INSERT INTO analytics.tracked_targets (target_id, tenant_id, post_id, social_account_id, platform, platform_post_id, published_at)
SELECT gen_random_uuid(), t.id, gen_random_uuid(), md5(t.id::text || (n % 9))::uuid,
       (ARRAY['Instagram','X','LinkedIn','Facebook','TikTok','YouTube','Pinterest','Threads','Reddit'])[1 + n % 9], n::text,
       now() - random() * interval '90 days'
FROM generate_series(1, $snapshots / 8) n
JOIN bench_tenants t ON t.k = CASE WHEN n <= $snapshots / 8 / 50 THEN -1 ELSE n % 999 END;
CREATE TEMP TABLE snapshot_keys AS
    SELECT c.conname AS name, format('ALTER TABLE analytics.metric_snapshots ADD CONSTRAINT %I %s', c.conname, pg_get_constraintdef(c.oid)) AS rebuild
    FROM pg_constraint c WHERE c.conrelid = 'analytics.metric_snapshots'::regclass AND c.contype IN ('p', 'u');
CREATE TEMP TABLE snapshot_indexes AS
    SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS rebuild
    FROM pg_index i WHERE i.indrelid = 'analytics.metric_snapshots'::regclass
      AND i.indexrelid NOT IN (SELECT conindid FROM pg_constraint WHERE conrelid = 'analytics.metric_snapshots'::regclass);
DO \$\$
DECLARE item record;
BEGIN
    FOR item IN SELECT name FROM snapshot_indexes LOOP EXECUTE format('DROP INDEX %s', item.name); END LOOP;
    FOR item IN SELECT name FROM snapshot_keys LOOP
        EXECUTE format('ALTER TABLE analytics.metric_snapshots DROP CONSTRAINT %I', item.name);
    END LOOP;
END
\$\$;
INSERT INTO analytics.metric_snapshots (id, tenant_id, target_id, post_id, social_account_id, platform, slot, fetched_at,
    impressions, reach, views, likes, comments, shares, saves, clicks)
SELECT gen_random_uuid(), t.tenant_id, t.target_id, t.post_id, t.social_account_id, t.platform, slot, t.published_at + offsets.after,
       CASE WHEN t.platform IN ('TikTok', 'YouTube') THEN NULL ELSE grown * 10 END, grown * 7, grown * 12,
       grown / 3, grown / 20, grown / 40, grown / 50, grown / 25
FROM analytics.tracked_targets t
CROSS JOIN LATERAL (VALUES (0, interval '1 hour'), (1, interval '6 hours'), (2, interval '1 day'), (3, interval '3 days'),
    (4, interval '7 days'), (5, interval '14 days'), (6, interval '21 days'), (7, interval '28 days')) AS offsets (slot, after)
CROSS JOIN LATERAL (SELECT ((slot + 1) * (50 + hashtext(t.target_id::text) % 50 + 50))::bigint AS grown) g
WHERE t.published_at + offsets.after <= now();
DO \$\$
DECLARE item record;
BEGIN
    FOR item IN SELECT rebuild FROM snapshot_keys UNION ALL SELECT rebuild FROM snapshot_indexes LOOP EXECUTE item.rebuild; END LOOP;
END
\$\$;
ANALYZE analytics.tracked_targets, analytics.metric_snapshots;
-- The roll-ups of every tenant, summed as the roll-up job sums them (BucketSql), in each tenant's zone (UTC).
INSERT INTO analytics.daily_rollups (tenant_id, day, hour, social_account_id, platform, targets, rated_targets, impressions, reach,
    views, likes, comments, shares, saves, clicks, rated_engagements, engagement_base)
SELECT l.tenant_id, (l.published_at AT TIME ZONE 'UTC')::date, extract(hour FROM l.published_at AT TIME ZONE 'UTC')::smallint,
       l.social_account_id, l.platform, count(*), count(l.engagement_base),
       coalesce(sum(l.impressions), 0), coalesce(sum(l.reach), 0), coalesce(sum(l.views), 0), coalesce(sum(l.likes), 0),
       coalesce(sum(l.comments), 0), coalesce(sum(l.shares), 0), coalesce(sum(l.saves), 0), coalesce(sum(l.clicks), 0),
       coalesce(sum(l.engagements) FILTER (WHERE l.engagement_base IS NOT NULL), 0), coalesce(sum(l.engagement_base), 0)
FROM analytics.latest_target_metrics l
GROUP BY 1, 2, 3, 4, 5;
INSERT INTO analytics.rollup_state (tenant_id, time_zone, rolled_up_to) SELECT id, 'UTC', now() FROM tenants.tenants;
ANALYZE;
SQL
loaded=$(psql "$admin dbname=$database" -Atc "SELECT count(*) FROM analytics.metric_snapshots")
large=$(psql "$admin dbname=$database" -Atc "SELECT count(*) FROM analytics.metric_snapshots WHERE tenant_id = '$tenant'")
echo "loaded $loaded snapshots ($large of the large tenant) over $(psql "$admin dbname=$database" -Atc "SELECT count(*) FROM tenants.tenants") tenants in $(( $(date +%s) - started )) s"

to=$(date -u +%F); from=$(date -u -d '89 days ago' +%F)
overview=(-H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/analytics/overview?from=$from&to=$to")
best_times=(-H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/analytics/best-times?from=$from&to=$to")
run() { wrk -t2 -c"$connections" -d"${seconds}s" --latency "$@"; }
summary() { # name, wrk output
  printf '%-44s %8s req/s   p50 %8s   p99 %8s   non-2xx %s\n' "$1" "$(echo "$2" | awk '/Requests\/sec/ {print $2}')" \
    "$(echo "$2" | awk '$1=="50%" {print $2}')" "$(echo "$2" | awk '$1=="99%" {print $2}')" "$(echo "$2" | awk '/Non-2xx/ {print $5}')"
}
# Read whole, then cut: a pipe into head would close early and fail the script under pipefail.
first=$(curl -sf "${overview[@]}"); echo "${first:0:300}"
# Warm the JIT on both endpoints before measuring.
wrk -t2 -c"$connections" -d"${BENCH_WARMUP:-20}s" "${overview[@]}" >/dev/null
wrk -t2 -c"$connections" -d10s "${best_times[@]}" >/dev/null
rolled_overview=$(run "${overview[@]}"); rolled_best=$(run "${best_times[@]}")
psql "$admin dbname=$database" -qc "DELETE FROM analytics.rollup_state WHERE tenant_id = '$tenant'"
raw_overview=$(run "${overview[@]}"); raw_best=$(run "${best_times[@]}")

echo "wrk -t2 -c$connections -d${seconds}s on $(nproc) cores; large tenant, 90 days ($from..$to)"
echo "machine load at the start: $load_before; now:$(uptime | sed -E 's/.*load average//')"
summary "overview, daily roll-ups" "$rolled_overview"
summary "overview, raw snapshots (no roll-ups)" "$raw_overview"
summary "best-times, daily roll-ups" "$rolled_best"
summary "best-times, raw snapshots (no roll-ups)" "$raw_best"
