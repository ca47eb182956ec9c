#!/usr/bin/env bash
# Installs (where missing) and starts the services the platform needs, with their data under .data/:
# PostgreSQL 15 on 127.0.0.1:${PLATFORM_PG_PORT:-55432} and Redis on 127.0.0.1:${PLATFORM_REDIS_PORT:-56379}.
# Usage: scripts/services.sh [up|down|status]
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data="$root/.data"
pg_port="${PLATFORM_PG_PORT:-55432}"
redis_port="${PLATFORM_REDIS_PORT:-56379}"

log() { printf '[services] %s\n' "$*" >&2; }

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

apt_updated=""
apt_install() {
  if [ -z "$apt_updated" ]; then as_root apt-get update -qq; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@" >/dev/null
}

pg_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -z "$dir" ] || [ ! -x "$dir/initdb" ]; then
    log "installing PostgreSQL"
    apt_install postgresql
    dir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  fi
  echo "$dir"
}

# PostgreSQL refuses to run as root: the cluster belongs to the postgres user when we are root.
pg_user_run() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_up() {
  local bin; bin=$(pg_bin)
  mkdir -p "$data/pg"
  if [ "$(id -u)" = 0 ]; then chown postgres "$data/pg"; chmod o+x "$data" "$root"; fi
  if [ ! -s "$data/pg/data/PG_VERSION" ]; then
    log "initialising PostgreSQL cluster in .data/pg"
    pg_user_run "$bin/initdb" -D "$data/pg/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  fi
  if pg_user_run "$bin/pg_ctl" -D "$data/pg/data" status >/dev/null 2>&1; then
    log "PostgreSQL already running on $pg_port"
  else
    pg_user_run "$bin/pg_ctl" -D "$data/pg/data" -w -t 60 -l "$data/pg/server.log" \
      -o "-p $pg_port -k $data/pg -c listen_addresses=127.0.0.1 -c max_connections=300 -c shared_buffers=256MB -c fsync=${PLATFORM_PG_FSYNC:-on}" start >/dev/null
    log "PostgreSQL started on $pg_port"
  fi
}

redis_up() {
  command -v redis-server >/dev/null || { log "installing Redis"; apt_install redis-server; }
  mkdir -p "$data/redis"
  if redis-cli -p "$redis_port" ping >/dev/null 2>&1; then
    log "Redis already running on $redis_port"
  else
    redis-server --port "$redis_port" --bind 127.0.0.1 --dir "$data/redis" --daemonize yes \
      --logfile "$data/redis/redis.log" --pidfile "$data/redis/redis.pid" --save "" --appendonly no >/dev/null
    for _ in $(seq 1 50); do redis-cli -p "$redis_port" ping >/dev/null 2>&1 && break; sleep 0.1; done
    log "Redis started on $redis_port"
  fi
}

down() {
  local bin; bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  [ -n "$bin" ] && [ -d "$data/pg/data" ] && pg_user_run "$bin/pg_ctl" -D "$data/pg/data" -m fast stop >/dev/null 2>&1 || true
  redis-cli -p "$redis_port" shutdown nosave >/dev/null 2>&1 || true
  log "stopped"
}

case "${1:-up}" in
  up) pg_up; redis_up ;;
  down) down ;;
  status)
    redis-cli -p "$redis_port" ping || true
    psql -h 127.0.0.1 -p "$pg_port" -U postgres -Atc 'select version()' || true ;;
  *) echo "usage: $0 [up|down|status]" >&2; exit 2 ;;
esac
