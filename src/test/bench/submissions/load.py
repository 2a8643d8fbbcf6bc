#!/usr/bin/env python3
"""Concurrent article submissions against a running service (issue 16, item 7), then a check for twins.

Real texts: the TempEval-3 training documents (their TEXT, dated by their DCT) and the fixture articles, each
submitted under several titles and URLs with a line of its own (so every submission is a new article), and, every
--repeat-every-th submission, an exact repeat of an earlier one (same title, URL and body: it must answer 200 and
store nothing; half of them repeat one sent a moment before, likely still in flight, half one sent long before).
Sends --total of them from --clients threads, bounded by --minutes, and reports the answers by status (new and
repeated apart: a repeat sent while its original is in flight may be the copy stored first, which answers 201 and the
original 200; what counts is one 201 per distinct article), the 5xx, 409 and failed-connection bodies seen, latencies, and twins afterwards: through the API,
actors of one kind whose names fold to the same form and events of one type, date and participant set (what the
service's advisory locks exist to prevent); with --psql, the same in SQL (actors whose own normalized name is
another's, events of one type, date and participant set, articles of one text hash or URL, and stored articles
against distinct submissions). --pid gives the service's resident memory after the run; --report writes a Markdown
report. Loopback only.

  python3 src/test/bench/submissions/load.py --url http://127.0.0.1:18090 --total 5000 --clients 8 \\
      --tempeval ../shared/corpora/tempeval3-train --fixtures ../shared/fixtures/articles \\
      --psql 'host=127.0.0.1 port=15433 user=postgres dbname=postgres' --pid "$(cat /tmp/load-service.pid)" \\
      --report src/test/bench/submissions/REPORT.md
"""
import argparse
import collections
import glob
import html
import json
import os
import re
import subprocess
import sys
import threading
import time
import unicodedata
import urllib.error
import urllib.request


def tempeval(folder):
    for path in sorted(glob.glob(os.path.join(folder, '*.tml'))):
        doc = open(path, encoding='utf-8').read()
        dct = re.search(r'<DCT><TIMEX3[^>]*value="(\d{4}-\d{2}-\d{2})', doc)
        text = re.search(r'<TEXT>(.*?)</TEXT>', doc, re.S)
        if dct and text:
            body = html.unescape(re.sub(r'<[^>]+>', '', text.group(1))).strip()
            yield os.path.basename(path), body, dct.group(1)


def fixtures(folder):
    for path in sorted(glob.glob(os.path.join(folder, '*.json'))):
        if path.endswith('.gold.json'):
            continue
        d = json.load(open(path, encoding='utf-8'))
        if d.get('body') and d.get('published_at'):
            yield d.get('title') or os.path.basename(path), d['body'], d['published_at']


def fold(name):
    s = unicodedata.normalize('NFKD', name)
    s = ''.join(c for c in s if not unicodedata.combining(c)).lower()
    s = re.sub(r"['\u2019]s\b", '', s)
    s = re.sub(r'[^\w]+|_', ' ', s).strip()
    return s[4:] if s.startswith('the ') else s


def get_all(base, path, key='items'):
    out, cursor = [], None
    while True:
        url = f'{base}{path}{"&" if "?" in path else "?"}limit=1000' + (f'&cursor={cursor}' if cursor else '')
        page = json.load(urllib.request.urlopen(url, timeout=120))
        out.extend(page[key])
        cursor = page.get('next')
        if not cursor:
            return out


def psql(conninfo, sql):
    """Rows of one query through the psql client, tab-separated."""
    out = subprocess.run(['psql', conninfo, '-X', '-A', '-t', '-F', '\t', '-v', 'ON_ERROR_STOP=1', '-c', sql],
                         check=True, capture_output=True, text=True).stdout
    return [line.split('\t') for line in out.splitlines() if line]


SQL_CHECKS = {
    # an actor's own name is among its aliases, normalized (ActorService): two actors with one such form are twins
    'twin_actor_names': """select count(*) from (select al.normalized from actors a join actor_aliases al on al.actor_id = a.id
        and al.alias = a.name where al.normalized <> '' group by al.normalized having count(distinct a.id) > 1) t""",
    'twin_actor_names_same_kind': """select count(*) from (select a.kind, al.normalized from actors a join actor_aliases al
        on al.actor_id = a.id and al.alias = a.name where al.normalized <> '' group by a.kind, al.normalized
        having count(distinct a.id) > 1) t""",
    'duplicate_events': """select count(*) from (select e.type, e.date_value, p.actors, count(*) from events e
        join (select event_id, string_agg(actor_id::text, ',' order by actor_id) actors from event_participants
        group by event_id) p on p.event_id = e.id group by e.type, e.date_value, p.actors having count(*) > 1) t""",
    'duplicate_article_texts': 'select count(*) from (select content_hash from articles group by 1 having count(*) > 1) t',
    'duplicate_article_urls': """select count(*) from (select url from articles where url is not null group by 1
        having count(*) > 1) t""",
    'articles': 'select count(*) from articles',
    'load_articles': "select count(*) from articles where url like 'https://load.example/%'",
    'actors': 'select count(*) from actors',
    'events': 'select count(*) from events',
    'event_sources': 'select count(*) from event_sources',
    'database_bytes': 'select pg_database_size(current_database())',
}


def rss_kib(pid):
    for line in open(f'/proc/{pid}/status'):
        if line.startswith('VmRSS:'):
            return int(line.split()[1])
    return None


def percentile(values, q):
    if not values:
        return None
    values = sorted(values)
    return round(values[min(len(values) - 1, int(q * len(values)))], 2)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--url', default='http://127.0.0.1:18090')
    ap.add_argument('--total', type=int, default=5000)
    ap.add_argument('--clients', type=int, default=8)
    ap.add_argument('--minutes', type=float, default=60)
    ap.add_argument('--tempeval', required=True)
    ap.add_argument('--fixtures', required=True)
    ap.add_argument('--repeat-every', type=int, default=10, help='every n-th submission repeats an earlier one (0: none)')
    ap.add_argument('--run', default=time.strftime('%Y%m%d%H%M%S'), help='tag in the URLs, so that runs do not meet')
    ap.add_argument('--psql', help='libpq connection string of the service\'s database, for the checks in SQL')
    ap.add_argument('--pid', type=int, help='the service\'s process id, for its resident memory after the run')
    ap.add_argument('--report', help='write a Markdown report here')
    a = ap.parse_args()
    if not re.match(r'^https?://(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?$', a.url):
        sys.exit('loopback addresses only')
    texts = list(tempeval(a.tempeval)) + list(fixtures(a.fixtures))
    work, distinct = [], []
    for i in range(a.total):
        if a.repeat_every and i % a.repeat_every == a.repeat_every - 1 and len(distinct) > 50:
            # alternately one sent just before (likely in flight: the race of idempotence) and one long done
            back = 1 + (i // a.repeat_every) % 3 if (i // a.repeat_every) % 2 else 40 + (i * 7919) % (len(distinct) - 40)
            work.append(('repeat',) + distinct[-back])
            continue
        n = len(distinct)
        title, body, date = texts[n % len(texts)]
        item = (f'{title} (variant {n // len(texts)})', f'{body}\n\nLoad run item {n}.', date,
                f'https://load.example/{a.run}/{n % len(texts)}/{n // len(texts)}')
        distinct.append(item)
        work.append(('new',) + item)
    lock, statuses, problems, latencies = threading.Lock(), collections.Counter(), [], collections.defaultdict(list)
    by_url = collections.defaultdict(list)  # the answers to each distinct article: one 201, the rest 200
    deadline = time.time() + a.minutes * 60
    it = iter(work)

    def client():
        while time.time() < deadline:
            with lock:
                item = next(it, None)
            if item is None:
                return
            kind, title, body, date, url = item
            req = urllib.request.Request(a.url + '/api/v1/articles', method='POST',
                                         data=json.dumps({'title': title, 'body': body, 'publishedAt': date, 'url': url,
                                                          'source': 'load run'}).encode(),
                                         headers={'Content-Type': 'application/json'})
            sent_at = time.time()
            try:
                with urllib.request.urlopen(req, timeout=600) as r:
                    r.read()  # a client that hangs up before reading its answer makes the service's write fail
                    status, text = r.status, ''
            except urllib.error.HTTPError as e:
                status, text = e.code, e.read().decode('utf-8', 'replace')[:300]
            except Exception as e:  # the connection itself failed
                status, text = 0, str(e)[:300]
            with lock:
                statuses[(kind, status)] += 1
                latencies[kind].append(time.time() - sent_at)
                by_url[url].append(status)
                if status not in (200, 201):
                    problems.append((kind, status, title, text))

    started = time.time()
    threads = [threading.Thread(target=client) for _ in range(a.clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    took = time.time() - started
    sent = sum(statuses.values())
    # idempotence: each distinct article answered 201 once (to whichever of its copies was stored first: a repeat
    # sent while the original was in flight may be the one), every other copy 200
    not_once = {u: st for u, st in by_url.items() if st.count(201) != 1 and all(x in (200, 201) for x in st)}
    problems.extend(('not exactly one 201', st, u, '') for u, st in not_once.items())
    rss = rss_kib(a.pid) if a.pid else None
    actors = get_all(a.url, '/api/v1/actors?')
    by_fold = collections.Counter((x['kind'], fold(x['name'])) for x in actors)
    twin_actors = {k: n for k, n in by_fold.items() if n > 1 and k[1]}
    events = get_all(a.url, '/api/v1/events?')
    by_event = collections.Counter((e['type'], e['date']['value'], tuple(sorted(p['actor']['id'] for p in e['participants'])))
                                   for e in events if e['participants'])
    twin_events = {k: n for k, n in by_event.items() if n > 1}
    sql = {k: int(psql(a.psql, q)[0][0]) for k, q in SQL_CHECKS.items()} if a.psql else {}
    new_sent = sum(n for (k, _), n in statuses.items() if k == 'new')
    result = {'sent': sent, 'new': new_sent, 'repeats': sent - new_sent, 'clients': a.clients, 'seconds': round(took),
              'per_second': round(sent / took, 2),
              'statuses': {f'{k} {s}': n for (k, s), n in sorted(statuses.items())},
              'errors': len(problems), 'error_samples': problems[:5],
              'latency_seconds': {k: {'p50': percentile(v, .5), 'p95': percentile(v, .95), 'max': percentile(v, 1)}
                                  for k, v in sorted(latencies.items())},
              'api_actors': len(actors), 'api_twin_actor_names': len(twin_actors),
              'api_twin_actor_samples': list(twin_actors)[:5],
              'api_events': len(events), 'api_twin_event_keys': len(twin_events),
              'api_twin_event_samples': [list(k[:2]) for k in list(twin_events)[:5]],
              'sql': sql, 'service_rss_mib': round(rss / 1024) if rss else None}
    print(json.dumps(result, indent=1))
    if a.report:
        write_report(a, result, len(texts))


def write_report(a, r, texts):
    sql = r['sql']
    lines = ['# Load run: concurrent article submissions (issue 16, item 7)', '',
             f"Run `{a.run}`, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}: {r['sent']} submissions "
             f"({r['new']} new articles from {texts} real texts under varied titles and URLs, {r['repeats']} exact repeats) "
             f"from {r['clients']} concurrent clients against `{a.url}`.", '',
             '| figure | value |', '|---|---|',
             f"| requests | {r['sent']} |",
             *[f'| answers: {k} | {n} |' for k, n in r['statuses'].items()],
             f"| errors (a status other than 200/201, no answer, or an article not answered 201 exactly once) | {r['errors']} |",
             f"| elapsed | {r['seconds']} s |",
             f"| submissions per second | {r['per_second']} |",
             f"| new articles per second | {round(r['new'] / max(r['seconds'], 1), 2)} |",
             *[f"| latency of {k} submissions: p50 / p95 / max | {v['p50']} / {v['p95']} / {v['max']} s |"
               for k, v in r['latency_seconds'].items()],
             f"| service's resident memory after the run | {r['service_rss_mib']} MiB |",
             f"| actors / events (API) | {r['api_actors']} / {r['api_events']} |",
             f"| twin actors (API: one kind, names folding alike) | {r['api_twin_actor_names']} |",
             f"| twin events (API: one type, date and participant set) | {r['api_twin_event_keys']} |"]
    for k, v in sql.items():
        lines.append(f'| SQL: {k} | {v} |')
    if r['error_samples']:
        lines += ['', 'First errors:', ''] + [f'- {e}' for e in r['error_samples']]
    lines += ['', 'Command:', '', '```', ' '.join(sys.argv), '```', '']
    open(a.report, 'w', encoding='utf-8').write('\n'.join(lines))

if __name__ == '__main__':
    main()
