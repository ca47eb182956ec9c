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

# Two paths measured alternately twice: a line per run, then the first path's requests/s over the second's.
side_by_side() { # first name, second name, ratio label, first run, second run, first run again, second run again
  summary "$1" "$4"; summary "$2" "$5"; summary "$1" "$6"; summary "$2" "$7"
  awk -v a="$(rps "$4")" -v b="$(rps "$5")" -v c="$(rps "$6")" -v d="$(rps "$7")" -v label="$3" \
    'BEGIN { printf "ratio (%s): %.2f and %.2f, together %.2f\n", label, a / b, c / d, (a + c) / (b + d) }'
}
