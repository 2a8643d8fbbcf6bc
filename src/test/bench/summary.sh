#!/bin/bash
# Issue 18: the relationship summary, counterparts and digest beside the pair page, on the benchmark data (README
# here); medians of N timed requests after 3 warm-ups. BASE=http://127.0.0.1:8089 src/test/bench/summary.sh
B=${BASE:-http://127.0.0.1:8089}/api/v1
m() {
  local url=$1; local n=${2:-11}
  for i in 1 2 3; do curl -sf -o /dev/null "$url"; done
  for i in $(seq $n); do curl -sf -o /dev/null -w '%{time_total}\n' "$url"; done | sort -n | awk '{a[NR]=$1} END {printf "%.1f ms (median of %d; min %.1f, max %.1f)\n", a[int((NR+1)/2)]*1000, NR, a[1]*1000, a[NR]*1000}'
}
for roll in true false; do
  echo "includeAffiliated=$roll"
  echo -n "  pair timeline first page (limit 100): "; m "$B/relationships/north-korea/russia/timeline?limit=100&includeAffiliated=$roll"
  echo -n "  summary:                              "; m "$B/relationships/north-korea/russia?includeAffiliated=$roll"
  echo -n "  summary from=2024-01-01:              "; m "$B/relationships/north-korea/russia?includeAffiliated=$roll&from=2024-01-01"
done
echo -n "counterparts of north-korea (limit 100): "; m "$B/actors/north-korea/relationships?limit=100"
echo -n "digest since 1 day before the data was made, north-korea: "; m "$B/digest?since=2000-01-01&actor=north-korea&limit=100" 5
curl -s "$B/relationships/north-korea/russia" | python3 -c 'import json,sys; d=json.load(sys.stdin); print("summary: events", d["events"], "periodUnit", d["periodUnit"], "periods", len(d["byPeriod"]), "types", len(d["byType"]), "affiliates", [len(s["affiliates"]) for s in d["sides"]])'
curl -s "$B/relationships/north-korea/russia?includeAffiliated=false" | python3 -c 'import json,sys; d=json.load(sys.stdin); print("direct summary: events", d["events"])'
