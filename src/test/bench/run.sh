#!/usr/bin/env bash
# Timeline page benchmark: the same pages over HTTP (wrk) and as raw SQL (pgbench), at 1, 4 and 32 clients.
#
#   src/test/bench/run.sh            (see src/test/bench/README.md for the whole recipe)
#
# Environment: BASE (service, default http://127.0.0.1:8089), PGHOST/PGPORT/PGUSER/PGDATABASE (the same database),
# DURATION (seconds per run, default 15), CLIENTS (default "1 4 32"), OUT (default target/bench), SQLDIR (the captured
# statements, default sql; sql-10m for the 10M data).
# The SQL of each page is in src/test/bench/sql/<scenario>.sql, captured from the service by capture_sql.py: every
# statement one request runs (actor lookups, pair-side weights, the page, its participants, its sources).
set -euo pipefail
cd "$(dirname "$0")"
BASE=${BASE:-http://127.0.0.1:8089}
DURATION=${DURATION:-15}
CLIENTS=${CLIENTS:-"1 4 32"}
OUT=${OUT:-../../../target/bench}
SQLDIR=${SQLDIR:-sql}
export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-postgres} PGDATABASE=${PGDATABASE:-postgres}
: "${PGPORT:?set PGPORT to the port of the PostgreSQL the service uses, printed in its log}"
export PGPORT
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
REPORT="$OUT/report.md"

. ./pages.sh
SCENARIOS=${SCENARIOS:-"actor pair actor_rollup pair_rollup"}

percentiles() { # pgbench per-transaction logs -> "p50 p99" in ms (field 3 is the latency in microseconds)
  cat "$@" | awk '{print $3}' | sort -n | awk '{a[NR]=$1} END {printf "%.2f %.2f", a[int(NR*0.5)+1]/1000, a[int(NR*0.99)+1]/1000}'
}
ms() { # wrk latency "1.23ms" / "850.00us" / "1.02s" -> ms
  awk -v v="$1" 'BEGIN { if (v ~ /us$/) printf "%.2f", v/1000; else if (v ~ /ms$/) printf "%.2f", v+0; else if (v ~ /s$/) printf "%.2f", v*1000; else print v }'
}

{
  echo "# Timeline page benchmark ($(date -u +%FT%TZ))"
  echo
  echo "Host: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at start; $DURATION s per run."
  echo "Database: $(psql -Atc "select count(*) from events") events, $(psql -Atc "select count(*) from event_participants") participations, $(psql -Atc "select count(*) from actors") actors."
  echo
  echo "| page | clients | HTTP p50 ms | HTTP p99 ms | HTTP req/s | SQL p50 ms | SQL p99 ms | SQL req/s | page SQL p50 ms | page SQL req/s |"
  echo "|---|---|---|---|---|---|---|---|---|---|"
} > "$REPORT"

for s in $SCENARIOS; do
  url=${URL[$s]}
  status=$(curl -s -o /dev/null -w '%{http_code}' "$url")
  [ "$status" = 200 ] || { echo "$s: $url answered $status" >&2; exit 1; }
  # the page statement alone (the one starting with "with")
  python3 - "$SQLDIR/$s.sql" "$OUT/$s-page.sql" <<'PY'
import sys
text = open(sys.argv[1]).read()
page = [c for c in text.split(";\n") if "k as (" in c][0]
open(sys.argv[2], 'w').write(page.strip() + ';\n')
PY
  { echo "explain (analyze, buffers)"; cat "$OUT/$s-page.sql"; } | psql -X > "$OUT/$s-plan.txt"
  wrk -t2 -c8 -d5s "$url" > /dev/null   # warm the JIT and caches
  pgbench -n -M prepared -c 4 -j 2 -T 5 -f "$SQLDIR/$s.sql" > /dev/null 2>&1
  for c in $CLIENTS; do
    t=$(( c < 2 ? 1 : 2 ))
    w=$(wrk -t$t -c$c -d${DURATION}s --latency "$url")
    hp50=$(ms "$(echo "$w" | awk '$1=="50%"{print $2}')"); hp99=$(ms "$(echo "$w" | awk '$1=="99%"{print $2}')")
    hrps=$(echo "$w" | awk '/Requests\/sec/{printf "%.0f", $2}')
    rm -rf "$OUT/pgb" && mkdir -p "$OUT/pgb"
    p=$(cd "$OUT/pgb" && pgbench -n -M prepared -c $c -j $t -T $DURATION -l -f "$OLDPWD/$SQLDIR/$s.sql" 2>&1)
    srps=$(echo "$p" | awk '/^tps/{printf "%.0f", $3}')
    read -r sp50 sp99 <<< "$(percentiles "$OUT"/pgb/pgbench_log.*)"
    rm -rf "$OUT/pgb" && mkdir -p "$OUT/pgb"
    q=$(cd "$OUT/pgb" && pgbench -n -M prepared -c $c -j $t -T $DURATION -l -f "$OUT/$s-page.sql" 2>&1)
    qrps=$(echo "$q" | awk '/^tps/{printf "%.0f", $3}')
    read -r qp50 qp99 <<< "$(percentiles "$OUT"/pgb/pgbench_log.*)"
    echo "| $s | $c | $hp50 | $hp99 | $hrps | $sp50 | $sp99 | $srps | $qp50 | $qrps |" | tee -a "$REPORT"
  done
done
{
  echo
  echo "HTTP: wrk against the service; SQL: pgbench -M prepared running every statement of the same request ($SQLDIR/<page>.sql);"
  echo "page SQL: the page statement alone. Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg). Plans: $OUT/<page>-plan.txt"
} >> "$REPORT"
echo "report: $REPORT"
