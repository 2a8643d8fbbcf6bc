# The benchmarked pages (sourced by run.sh and capture.sh); needs BASE.
# Mid-timeline pages: the page after the first page from 2008 on, reached by its cursor as a client would (the
# cursor belongs to the list with from=2008-01-01, so the next page asks with the same filter).
cursor() { curl -sf "$BASE/api/v1/$1&limit=100&from=2008-01-01" | jq -r .next; }
declare -A URL
URL[actor]="$BASE/api/v1/actors/north-korea/timeline?limit=100&from=2008-01-01&includeAffiliated=false&cursor=$(cursor 'actors/north-korea/timeline?includeAffiliated=false')"
URL[actor_rollup]="$BASE/api/v1/actors/north-korea/timeline?limit=100&from=2008-01-01&cursor=$(cursor 'actors/north-korea/timeline?includeAffiliated=true')"
URL[pair]="$BASE/api/v1/relationships/north-korea/russia/timeline?limit=100&from=2008-01-01&includeAffiliated=false&cursor=$(cursor 'relationships/north-korea/russia/timeline?includeAffiliated=false')"
URL[pair_rollup]="$BASE/api/v1/relationships/north-korea/russia/timeline?limit=100&from=2008-01-01&cursor=$(cursor 'relationships/north-korea/russia/timeline?includeAffiliated=true')"
