#!/usr/bin/env bash
# Installs (where missing) and starts the services the platform needs, with their data under .data/:
# PostgreSQL 15 on 127.0.0.1:${PLATFORM_PG_PORT:-55432} and Redis on 127.0.0.1:${PLATFORM_REDIS_PORT:-56379}.
# Usage: scripts/services.sh [up|down|status|forget]  (forget: stop, then delete the services' data)
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
  if [ "$(id -u)" = 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

# Where the cluster lives. Normally .data/pg. When we are root and the postgres user cannot reach that folder (a
# checkout in root's home or in a mktemp -d folder: a parent is mode 700), the cluster goes to a folder of its own
# under /var/lib/platform-pg, named by an id kept in .data, so that removing .data still forgets the data.
pg_dir() {
  mkdir -p "$data"
  if [ "$(id -u)" != 0 ]; then echo "$data/pg"; return; fi
  if [ -f "$data/pg-cluster" ]; then cat "$data/pg-cluster"; return; fi
  mkdir -p "$data/pg"
  chown postgres "$data/pg"
  local dir="$data/pg"
  if ! pg_user_run test -w "$data/pg" 2>/dev/null; then
    rmdir "$data/pg"
    dir="/var/lib/platform-pg/$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
    mkdir -p "$dir"
    chown postgres "$dir"
    log "the postgres user cannot enter $data; the cluster lives in $dir"
  fi
  echo "$dir" > "$data/pg-cluster"
  echo "$dir"
}

pg_up() {
  local bin dir; bin=$(pg_bin); dir=$(pg_dir)
  if [ ! -s "$dir/data/PG_VERSION" ]; then
    log "initialising PostgreSQL cluster in $dir"
    pg_user_run "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  fi
  if pg_user_run "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
    log "PostgreSQL already running on $pg_port"
  else
    # TCP on loopback only; no Unix socket, so the folder's path (spaces, length) never matters.
    pg_user_run "$bin/pg_ctl" -D "$dir/data" -w -t 60 -l "$dir/server.log" \
      -o "-p $pg_port -c listen_addresses=127.0.0.1 -c unix_socket_directories= -c max_connections=300 -c shared_buffers=256MB -c fsync=${PLATFORM_PG_FSYNC:-on}" start >/dev/null \
      || { log "PostgreSQL did not start; its log: $dir/server.log"; tail -n 20 "$dir/server.log" >&2; exit 1; }
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
  local dir=""
  [ -f "$data/pg-cluster" ] && dir=$(cat "$data/pg-cluster")
  [ -z "$dir" ] && [ -d "$data/pg" ] && dir="$data/pg"
  [ -n "$bin" ] && [ -n "$dir" ] && [ -d "$dir/data" ] && pg_user_run "$bin/pg_ctl" -D "$dir/data" -m fast stop >/dev/null 2>&1 || true
  redis-cli -p "$redis_port" shutdown nosave >/dev/null 2>&1 || true
  log "stopped"
}

case "${1:-up}" in
  up) pg_up; redis_up ;;
  down) down ;;
  status)
    redis-cli -p "$redis_port" ping || true
    psql -h 127.0.0.1 -p "$pg_port" -U postgres -Atc 'select version()' || true ;;
  forget)
    down
    [ -f "$data/pg-cluster" ] && rm -rf "$(cat "$data/pg-cluster")"
    rm -rf "$data"
    log "data removed" ;;
  *) echo "usage: $0 [up|down|status|forget]" >&2; exit 2 ;;
esac
