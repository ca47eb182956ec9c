# Sourced by the wrk benchmark scripts: one line per wrk run, and its requests/s alone.
summary() { # name, wrk output
  local rps p50 p99 errors
  rps=$(echo "$2" | awk '/Requests\/sec/ {print $2}')
  p50=$(echo "$2" | awk '$1=="50%" {print $2}')
  p99=$(echo "$2" | awk '$1=="99%" {print $2}')
  errors=$(echo "$2" | awk '/Non-2xx/ {print $5}')
  printf '%-40s %10s req/s   p50 %8s   p99 %8s   non-2xx %s\n' "$1" "$rps" "$p50" "$p99" "${errors:-0}"
}
rps() { echo "$1" | awk '/Requests\/sec/ {print $2}'; }
