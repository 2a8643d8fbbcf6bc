#!/usr/bin/env bash
# Captures the SQL the service runs for each benchmarked page into sql/<page>.sql (for pgbench).
# The service must log news.timeline.chronology at DEBUG:
#   QUARKUS_LOG_CATEGORY__NEWS_TIMELINE_CHRONOLOGY__LEVEL=DEBUG java -jar target/quarkus-app/quarkus-run.jar > service.log
#   src/test/bench/capture.sh service.log
# Restart the service without DEBUG before run.sh: logging every statement would slow the HTTP side.
set -euo pipefail
LOG=$(realpath "$1")
cd "$(dirname "$0")"
BASE=${BASE:-http://127.0.0.1:8089}
. ./pages.sh
SQLDIR=${SQLDIR:-sql}
mkdir -p "$SQLDIR"
for s in actor pair actor_rollup pair_rollup; do
  offset=$(stat -c %s "$LOG")
  curl -sf -o /dev/null "${URL[$s]}"
  sleep 0.5
  python3 capture_sql.py "$LOG" "$offset" "$SQLDIR/$s.sql"
done
