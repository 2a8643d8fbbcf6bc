#!/bin/bash
# Issue 18: two builds of the service on the same benchmark database, measured in turns (so that the load of a shared
# machine falls on both alike): the rolled-up pair timeline's first page and the rolled-up summary of the busiest
# pair, N rounds after 3 warm-ups each; medians. OLD=http://127.0.0.1:8099 NEW=http://127.0.0.1:8098 N=21 summary_ab.sh
OLD=${OLD:-http://127.0.0.1:8099}; NEW=${NEW:-http://127.0.0.1:8098}
t() { curl -sf -o /dev/null -w '%{time_total}\n' "$1"; }
page=/api/v1/relationships/north-korea/russia/timeline?limit=100; summary=/api/v1/relationships/north-korea/russia
for b in "$OLD" "$NEW"; do for i in 1 2 3; do t "$b$summary" > /dev/null; t "$b$page" > /dev/null; done; done
for i in $(seq "${N:-21}"); do
  for b in old new; do
    u=$OLD; [ $b = new ] && u=$NEW
    echo "$b page $(t "$u$page")"
    echo "$b summary $(t "$u$summary")"
  done
done | sort -k1,2 -k3n | awk '{k=$1" "$2; v[k]=v[k]" "$3; n[k]++}
  END {for (k in v) {split(substr(v[k],2),a," "); m[k]=a[int((n[k]+1)/2)]*1000; printf "%s: median %.1f ms (n=%d)\n", k, m[k], n[k]}
       printf "summary / page: old %.1fx, new %.1fx\n", m["old summary"]/m["old page"], m["new summary"]/m["new page"]}' | sort
