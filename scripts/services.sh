#!/usr/bin/env bash
# Installs (where missing) and starts the services the platform needs, with their data under .data/:
# PostgreSQL 15 on 127.0.0.1:${PLATFORM_PG_PORT:-55432}, Redis on 127.0.0.1:${PLATFORM_REDIS_PORT:-56379} and an
# S3-compatible server (s3rver, bucket "media") on 127.0.0.1:${PLATFORM_S3_PORT:-56390}, and a local SMTP server for the
# tests (smtp4dev, in memory: SMTP on 127.0.0.1:${PLATFORM_SMTP_PORT:-56325}, its web UI and REST API on ${PLATFORM_SMTP_WEB_PORT:-56326}).
# Usage: scripts/services.sh [up|down|status|forget|browser]  (forget: stop, then delete the services' data;
# browser: installs Debian's Chromium where missing, for the web app's browser tests)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data="$root/.data"
pg_port="${PLATFORM_PG_PORT:-55432}"
redis_port="${PLATFORM_REDIS_PORT:-56379}"
s3_port="${PLATFORM_S3_PORT:-56390}"
smtp_port="${PLATFORM_SMTP_PORT:-56325}"
smtp_web_port="${PLATFORM_SMTP_WEB_PORT:-56326}"

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

# s3rver from npm, installed from tools/s3's lock file; objects live under .data/s3.
s3_up() {
  if (exec 3<>"/dev/tcp/127.0.0.1/$s3_port") 2>/dev/null; then log "S3 server already running on $s3_port"; return; fi
  command -v node >/dev/null || { log "installing Node.js"; apt_install nodejs npm; }
  [ -d "$root/tools/s3/node_modules/s3rver" ] || (cd "$root/tools/s3" && npm ci --no-audit --no-fund --silent)
  mkdir -p "$data/s3/objects"
  nohup node "$root/tools/s3/node_modules/s3rver/bin/s3rver.js" --directory "$data/s3/objects" --address 127.0.0.1 \
    --port "$s3_port" --configure-bucket media --silent >"$data/s3/s3.log" 2>&1 &
  echo $! > "$data/s3/s3.pid"
  for _ in $(seq 1 100); do (exec 3<>"/dev/tcp/127.0.0.1/$s3_port") 2>/dev/null && break; sleep 0.1; done
  log "S3 server started on $s3_port"
}

# smtp4dev as a .NET tool under .data/tools: what the app mails in tests lands there (nothing is relayed onwards).
smtp_up() {
  if (exec 3<>"/dev/tcp/127.0.0.1/$smtp_port") 2>/dev/null; then log "SMTP server already running on $smtp_port"; return; fi
  [ -x "$data/tools/smtp4dev/smtp4dev" ] || dotnet tool install --tool-path "$data/tools/smtp4dev" Rnwood.Smtp4dev --version 3.15.0 >/dev/null
  mkdir -p "$data/smtp"
  nohup "$data/tools/smtp4dev/smtp4dev" --urls "http://127.0.0.1:$smtp_web_port" --smtpport "$smtp_port" --db="" \
    --imapport="" --pop3port="" --messagestokeep=10000 --hostname=localhost >"$data/smtp/smtp4dev.log" 2>&1 &
  echo $! > "$data/smtp/smtp4dev.pid"
  for _ in $(seq 1 300); do (exec 3<>"/dev/tcp/127.0.0.1/$smtp_port") 2>/dev/null && break; sleep 0.1; done
  log "SMTP server started on $smtp_port (web $smtp_web_port)"
}

# The browser tests drive Debian's Chromium (playwright-core's own browser download is not used).
browser_up() {
  [ -x "${CHROMIUM:-/usr/bin/chromium}" ] && return
  log "installing Chromium"
  apt_install chromium
}

down() {
  local bin; bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  local dir=""
  [ -f "$data/pg-cluster" ] && dir=$(cat "$data/pg-cluster")
  [ -z "$dir" ] && [ -d "$data/pg" ] && dir="$data/pg"
  [ -n "$bin" ] && [ -n "$dir" ] && [ -d "$dir/data" ] && pg_user_run "$bin/pg_ctl" -D "$dir/data" -m fast stop >/dev/null 2>&1 || true
  redis-cli -p "$redis_port" shutdown nosave >/dev/null 2>&1 || true
  [ -f "$data/s3/s3.pid" ] && kill "$(cat "$data/s3/s3.pid")" 2>/dev/null && rm -f "$data/s3/s3.pid" || true
  [ -f "$data/smtp/smtp4dev.pid" ] && kill "$(cat "$data/smtp/smtp4dev.pid")" 2>/dev/null && rm -f "$data/smtp/smtp4dev.pid" || true
  log "stopped"
}

case "${1:-up}" in
  up) pg_up; redis_up; s3_up; smtp_up ;;
  down) down ;;
  browser) browser_up ;;
  status)
    redis-cli -p "$redis_port" ping || true
    psql -h 127.0.0.1 -p "$pg_port" -U postgres -Atc 'select version()' || true ;;
  forget)
    down
    [ -f "$data/pg-cluster" ] && rm -rf "$(cat "$data/pg-cluster")"
    rm -rf "$data"
    log "data removed" ;;
  *) echo "usage: $0 [up|down|status|forget|browser]" >&2; exit 2 ;;
esac
