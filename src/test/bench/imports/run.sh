#!/usr/bin/env bash
# Import benchmark: N NDJSON events through POST /api/v1/imports/events, against PostgreSQL COPY of the same
# rows into the same tables, on the same embedded PostgreSQL in the same run. Prints and saves a summary.
#
#   src/test/bench/imports/run.sh [N]            (default 1000000)
# Environment: PORT (18086), HEAP (-Xmx, 512m), WORK (/tmp/imports-bench), SKIP_BUILD=1 to reuse target/quarkus-app.
set -euo pipefail
cd "$(dirname "$0")/../../../.."
N=${1:-1000000}
PORT=${PORT:-18086}
HEAP=${HEAP:-512m}
WORK=${WORK:-/tmp/imports-bench}
HERE=src/test/bench/imports
mkdir -p "$WORK"
OUT="$WORK/run-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$OUT"

if [ "${SKIP_BUILD:-0}" != 1 ]; then ./mvnw -o -B -q package -DskipTests; fi

FILE="$WORK/events-$N.ndjson"
if [ ! -s "$FILE" ]; then python3 "$HERE/generate_events.py" ndjson "$N" "$FILE"; fi
BYTES=$(stat -c %s "$FILE")

rm -rf "$WORK/pg"
TIMELINE_DB_DATA_DIR="$WORK/pg" TIMELINE_HTTP_PORT=$PORT TIMELINE_IMPORT_MAX_BYTES=$((BYTES * 2)) \
  java -Xmx$HEAP -jar target/quarkus-app/quarkus-run.jar > "$OUT/service.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true; kill $SAMPLER 2>/dev/null || true' EXIT
for _ in $(seq 1 180); do
  curl -sf "http://localhost:$PORT/q/health/ready" > /dev/null 2>&1 && break
  sleep 1
done
PGPORT=$(grep -o 'started on port [0-9]*' "$OUT/service.log" | head -1 | awk '{print $4}')
PSQL=(psql -h 127.0.0.1 -p "$PGPORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -q)

rss() { awk '/VmRSS/ {print $2}' /proc/$PID/status; }
heap() { curl -s "http://localhost:$PORT/q/metrics" | awk '/^jvm_memory_used_bytes\{area="heap"/ {s += $NF} END {printf "%d", s}'; }
sample() { while true; do echo "$(date +%s.%N),$(rss),$(heap)" >> "$OUT/memory.csv"; sleep 1; done; }
echo "t,rss_kb,heap_used_bytes" > "$OUT/memory.csv"
RSS_IDLE=$(rss)
sample & SAMPLER=$!

post() { curl -sS -X POST -T "${2:-$FILE}" -H 'Content-Type: application/x-ndjson' -o "$1" -w '%{time_total}' \
  "http://localhost:$PORT/api/v1/imports/events?source=bench${3:-}"; }
# warm-up, as for any JVM benchmark: a dry run (parsed, resolved, written, rolled back) of the first 20,000 records
# lets the JIT compile the import path before the timed run; it stores nothing
WARM="$WORK/events-warmup.ndjson"
head -n 20000 "$FILE" > "$WARM"
TW=$(post "$OUT/warmup.json" "$WARM" "&dryRun=true")
T1=$(post "$OUT/import-1.json")
T1_END=$(date +%s.%N)
# the full-text index is built in the background once the import is done (search/SearchIndexer): time its catch-up
until [ "$("${PSQL[@]}" -At -c "select count(*) from search_queue")" = 0 ]; do sleep 0.2; done
TS=$(echo "$(date +%s.%N) - $T1_END" | bc -l)
T2=$(post "$OUT/import-2.json")
kill $SAMPLER; SAMPLER=
HWM=$(awk '/VmHWM/ {print $2}' /proc/$PID/status)

# COPY of the same rows into the same tables: what the import stored (same ids, same values) is copied out, the
# tables emptied, and the rows copied back in, in one transaction
COLS_EVENTS="id, type, title, summary, date_value, date_precision, date_start, date_end, date_approximate, end_value, end_precision, end_start, end_end, end_approximate, place_name, confidence, status, agreement_id, external_source, external_id, record_hash, created_at, updated_at, version"
COLS_PARTS="event_id, actor_id, role, event_start, event_end, precision_rank"
COLS_SOURCES="id, event_id, article_id, url, quote, start_offset, end_offset, rule_id, extractor_version, created_at"
COLS_CHANGES="entity, entity_id, action, changed_at"
"${PSQL[@]}" -c "\\copy (select $COLS_EVENTS from events order by created_at, id) to '$OUT/events.tsv'"
"${PSQL[@]}" -c "\\copy (select $COLS_PARTS from event_participants) to '$OUT/participants.tsv'"
"${PSQL[@]}" -c "\\copy (select $COLS_SOURCES from event_sources) to '$OUT/sources.tsv'"
"${PSQL[@]}" -c "\\copy (select $COLS_CHANGES from changes where entity = 'event' order by seq) to '$OUT/changes.tsv'"
"${PSQL[@]}" -c "truncate events, event_participants, event_sources, event_search, search_queue; delete from changes where entity = 'event'" -c "checkpoint"
cat > "$OUT/copy.sql" <<SQL
\\copy events ($COLS_EVENTS) from '$OUT/events.tsv'
\\copy event_participants ($COLS_PARTS) from '$OUT/participants.tsv'
\\copy event_sources ($COLS_SOURCES) from '$OUT/sources.tsv'
\\copy changes ($COLS_CHANGES) from '$OUT/changes.tsv'
SQL
C0=$(date +%s.%N)
"${PSQL[@]}" -1 -f "$OUT/copy.sql"
C1=$(date +%s.%N)
TC=$(echo "$C1 - $C0" | bc -l)
COPIED=$("${PSQL[@]}" -At -c "select count(*) from events")

python3 - "$OUT" "$N" "$BYTES" "$T1" "$T2" "$TC" "$COPIED" "$RSS_IDLE" "$HWM" "$HEAP" "$TS" <<'PY' | tee "$OUT/summary.txt"
import csv, json, sys
out, n, size, t1, t2, tc, copied, rss_idle, hwm, heap, ts = sys.argv[1:]
n, size, t1, t2, tc, copied, ts = int(n), int(size), float(t1), float(t2), float(tc), int(copied), float(ts)
r1, r2 = json.load(open(out + "/import-1.json")), json.load(open(out + "/import-2.json"))
rows = list(csv.DictReader(open(out + "/memory.csv")))
first = [r for r in rows]
t0 = float(rows[0]["t"]); tend = t0 + t1
during = [r for r in rows if float(r["t"]) <= tend]
def q(frac):
    part = [r for r in during if float(r["t"]) <= t0 + frac * t1 and float(r["t"]) > t0 + (frac - 0.25) * t1]
    return (max(int(r["rss_kb"]) for r in part) // 1024 if part else 0, max(int(r["heap_used_bytes"] or 0) for r in part) // 2**20 if part else 0)
print(f"events: {n:,} NDJSON records, {size / 2**20:.0f} MiB; service -Xmx{heap}; warmed up by a dry run of 20,000 records")
print(f"import 1 (empty tables): {t1:.1f} s = {n / t1:,.0f} events/s  -> {dict((k, r1[k]) for k in ('received','created','updated','unchanged','rejected'))}")
print(f"full-text index caught up {ts:.1f} s after import 1 (search answers right during that time, computing vectors)")
print(f"import 2 (rerun):        {t2:.1f} s = {n / t2:,.0f} events/s  -> {dict((k, r2[k]) for k in ('received','created','updated','unchanged','rejected'))}")
print(f"COPY of the same rows (events, participants, sources, changes; one transaction): {tc:.1f} s = {copied / tc:,.0f} events/s")
print(f"import / COPY rate: {(n / t1) / (copied / tc):.2f}")
print(f"service RSS: idle {int(rss_idle) // 1024} MiB, peak (VmHWM) {int(hwm) // 1024} MiB")
for i, f in enumerate((0.25, 0.5, 0.75, 1.0)):
    rss, hp = q(f)
    print(f"  quarter {i + 1} of import 1: max RSS {rss} MiB, max heap used {hp} MiB")
PY
echo "details in $OUT"
