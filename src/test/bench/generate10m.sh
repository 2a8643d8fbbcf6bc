#!/usr/bin/env bash
# Issue 17 item 5: the benchmark data at 10 million events, in chunks of a million (generate.sql for the actors,
# affiliations and the first chunk, then generate_more.sql per chunk), all in SQL on the database server. Prints the
# time and the database size after each chunk; a chunk already there is skipped, so a broken run goes on where it
# stopped. Ends with VACUUM ANALYZE (the timeline pages are index-only scans, which need the visibility map).
#
#   PGPORT=55443 src/test/bench/generate10m.sh        (EVENTS, default 10000000; ACTORS, default 200000; CHUNK)
set -euo pipefail
cd "$(dirname "$0")"
EVENTS=${EVENTS:-10000000}
ACTORS=${ACTORS:-200000}
CHUNK=${CHUNK:-1000000}
export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-postgres} PGDATABASE=${PGDATABASE:-postgres}
: "${PGPORT:?set PGPORT to the port of the PostgreSQL the service uses}"
export PGPORT
size() { psql -Atc "select pg_size_pretty(pg_database_size(current_database()))"; }
if [ "$(psql -Atc 'select count(*) from actors')" = 0 ]; then
  t0=$(date +%s)
  psql -q -v events=$CHUNK -v actors=$ACTORS -f generate.sql > /dev/null
  echo "events 1..$CHUNK: $(( $(date +%s) - t0 )) s, database $(size)"
fi
for first in $(seq $((CHUNK + 1)) $CHUNK $EVENTS); do
  last=$((first + CHUNK - 1))
  t0=$(date +%s)
  psql -q -v first=$first -v last=$last -v actors=$ACTORS -f generate_more.sql
  echo "events $first..$last: $(( $(date +%s) - t0 )) s, database $(size)"
done
t0=$(date +%s)
psql -q -c 'vacuum analyze'
echo "vacuum analyze: $(( $(date +%s) - t0 )) s; $(psql -Atc 'select count(*) from events') events, $(psql -Atc 'select count(*) from event_participants') participations, database $(size)"
