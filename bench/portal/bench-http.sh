#!/bin/sh
# bench-http.sh: HTTP latency and wrk throughput of GET /v1/cvs on a portal
# with 500,000 synthetic CVs (a benchmark, not a test).
#
#   bench/portal/bench-http.sh [BUILD_DIR] [N_CVS]
#
# Builds /var/tmp/werving-bench/portal-N.db with `werving-portal seed` when it
# is missing (demo accounts + N CVs), starts werving-portal on it, signs in as
# the verified demo organisation and measures with curl (sequential latency)
# and wrk (throughput, 2 threads, 8 connections, 10 s).
set -eu

BUILD=${1:-_build}
N=${2:-500000}
PORTAL="$BUILD/portal/werving-portal"
DIR=/var/tmp/werving-bench
DB="$DIR/portal-$N.db"
RUNS=${RUNS:-100}

[ -x "$PORTAL" ] || { echo "no $PORTAL: build first (ninja -C $BUILD)" >&2; exit 1; }
command -v curl >/dev/null || { echo "needs curl" >&2; exit 1; }
mkdir -p "$DIR"

if [ ! -f "$DB" ]; then
  start=$(date +%s.%N)
  "$PORTAL" seed --db "$DB" --cvs "$N" --seed 42
  end=$(date +%s.%N)
  echo "seeded $N CVs in $(echo "$end - $start" | bc) s"
fi

OUT=$(mktemp)
"$PORTAL" --db "$DB" --port 0 >"$OUT" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; rm -f "$OUT"' EXIT INT TERM
for _ in $(seq 1 100); do
  grep -q '^listening on ' "$OUT" && break
  sleep 0.1
done
BASE=$(sed -n 's/^listening on \(http[^ ]*\)\/$/\1/p' "$OUT" | head -1)
[ -n "$BASE" ] || { echo "portal did not start:" >&2; cat "$OUT" >&2; exit 1; }
echo "portal: $BASE (pid $PID), database $DB"

TOKEN=$(curl -sf -X POST -H 'Content-Type: application/json' \
  -d '{"email":"demo@werving.test","password":"werving-demo-1"}' "$BASE/v1/sessions" |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')

latency () {
  name=$1; path=$2
  curl -s -o /dev/null -H "Authorization: Bearer $TOKEN" "$BASE$path" # warm up
  for _ in $(seq 1 "$RUNS"); do
    curl -s -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $TOKEN" "$BASE$path"
  done | python3 -c '
import sys
t = sorted(float(x) * 1000 for x in sys.stdin)
print("%-34s %8.2f %8.2f %8.2f" % (sys.argv[1], t[len(t) // 2], t[min(len(t) - 1, int(len(t) * 0.99))], t[-1]))
' "$name"
}

echo
printf '%-34s %8s %8s %8s\n' "GET (limit 20, curl, $RUNS runs)" "p50 ms" "p99 ms" "max ms"
latency "/v1/cvs (no filter)" "/v1/cvs"
latency "q=lasser (relevance)" "/v1/cvs?q=lasser"
latency "q=verpleegkundige&sort=recent" "/v1/cvs?q=verpleegkundige&sort=recent"
latency "skills + place 25 km" "/v1/cvs?skills=Wondzorg,Medicatie&place=Utrecht&radius_km=25"
latency "filters only" "/v1/cvs?education_min=mbo-4&hours_min=32&driving_licence=true"
latency "limit=100" "/v1/cvs?education_min=mbo-4&limit=100"

if command -v wrk >/dev/null; then
  for path in "/v1/cvs?q=lasser" "/v1/cvs?education_min=mbo-4&hours_min=32&driving_licence=true"; do
    echo
    echo "wrk -t2 -c8 -d10s $path"
    wrk -t2 -c8 -d10s --latency -H "Authorization: Bearer $TOKEN" "$BASE$path" |
      grep -E 'Requests/sec|Latency|50%|99%|Non-2xx'
  done
else
  echo "(wrk not installed: no throughput figures)"
fi
