#!/usr/bin/env python3
"""Concurrent article submissions against a running service (issue 16, item 7), then a check for twins.

Real texts: the TempEval-3 training documents (their TEXT, dated by their DCT) and the fixture articles, each
submitted under several titles with a line of its own (so every submission is a new article). Sends --total of them
from --clients threads, bounded by --minutes, and reports the answers by status, the 5xx and 409 bodies seen, and
twins afterwards: actors of one kind whose names fold to the same form, and events of one type, date and
participant set (what the service's advisory locks exist to prevent). Loopback only.

  python3 src/test/bench/submissions/load.py --url http://127.0.0.1:18090 --total 5000 --clients 8 \\
      --tempeval ../shared/corpora/tempeval3-train --fixtures ../shared/fixtures/articles
"""
import argparse
import collections
import glob
import html
import json
import os
import re
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


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--url', default='http://127.0.0.1:18090')
    ap.add_argument('--total', type=int, default=5000)
    ap.add_argument('--clients', type=int, default=8)
    ap.add_argument('--minutes', type=float, default=60)
    ap.add_argument('--tempeval', required=True)
    ap.add_argument('--fixtures', required=True)
    a = ap.parse_args()
    if not re.match(r'^https?://(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?$', a.url):
        sys.exit('loopback addresses only')
    texts = list(tempeval(a.tempeval)) + list(fixtures(a.fixtures))
    work = [(f'{title} (variant {i // len(texts)})', f'{body}\n\nLoad run item {i}.', date)
            for i, (title, body, date) in ((i, texts[i % len(texts)]) for i in range(a.total))]
    lock, statuses, problems = threading.Lock(), collections.Counter(), []
    deadline = time.time() + a.minutes * 60
    it = iter(work)

    def client():
        while time.time() < deadline:
            with lock:
                item = next(it, None)
            if item is None:
                return
            title, body, date = item
            req = urllib.request.Request(a.url + '/api/v1/articles', method='POST',
                                         data=json.dumps({'title': title, 'body': body, 'publishedAt': date}).encode(),
                                         headers={'Content-Type': 'application/json'})
            try:
                with urllib.request.urlopen(req, timeout=600) as r:
                    status, text = r.status, ''
            except urllib.error.HTTPError as e:
                status, text = e.code, e.read().decode('utf-8', 'replace')[:300]
            except Exception as e:  # the connection itself failed
                status, text = 0, str(e)[:300]
            with lock:
                statuses[status] += 1
                if status >= 500 or status in (0, 409):
                    problems.append((status, title, text))

    started = time.time()
    threads = [threading.Thread(target=client) for _ in range(a.clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    took = time.time() - started
    sent = sum(statuses.values())
    actors = get_all(a.url, '/api/v1/actors?')
    by_fold = collections.Counter((x['kind'], fold(x['name'])) for x in actors)
    twin_actors = {k: n for k, n in by_fold.items() if n > 1 and k[1]}
    events = get_all(a.url, '/api/v1/events?')
    by_event = collections.Counter((e['type'], e['date']['value'], tuple(sorted(p['actor']['id'] for p in e['participants'])))
                                   for e in events if e['participants'])
    twin_events = {k: n for k, n in by_event.items() if n > 1}
    print(json.dumps({'sent': sent, 'clients': a.clients, 'seconds': round(took), 'per_second': round(sent / took, 2),
                      'statuses': dict(sorted(statuses.items())), 'errors': len(problems), 'error_samples': problems[:5],
                      'actors': len(actors), 'twin_actor_names': len(twin_actors), 'twin_actor_samples': list(twin_actors)[:5],
                      'events': len(events), 'twin_event_keys': len(twin_events),
                      'twin_event_samples': [list(k[:2]) for k in list(twin_events)[:5]]}, indent=1))


if __name__ == '__main__':
    main()
