#!/usr/bin/env python3
"""Turns the SQL one request ran (the service's DEBUG log of news.timeline.chronology) into a pgbench script.

    capture_sql.py SERVICE_LOG OFFSET OUT.sql

Reads the log from byte OFFSET (the size before the request), and writes every statement with its parameters
inlined as literals, one command per statement, so pgbench runs exactly what the service ran for that request.
"""
import re
import sys

log, offset, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
with open(log, 'rb') as f:
    f.seek(offset)
    text = f.read().decode('utf-8')

entry = re.compile(r'^\S+ \S+ DEBUG \[news\.timeline\.chronology\.ChronologyQueries\] \([^)]*\) (.*?)\n-- parameters: (\[.*?\])$',
                   re.S | re.M)


def split_top(s):
    """Splits '[a, [b, c], d]' into ['a', '[b, c]', 'd']."""
    s = s.strip()[1:-1]
    items, depth, cur = [], 0, ''
    for ch in s:
        if ch == '[':
            depth += 1
        elif ch == ']':
            depth -= 1
        if ch == ',' and depth == 0:
            items.append(cur.strip())
            cur = ''
        else:
            cur += ch
    if cur.strip():
        items.append(cur.strip())
    return items


def literal(v):
    if v.startswith('['):
        return "'{" + ','.join(x.strip() for x in split_top(v)) + "}'"
    if v in ('true', 'false') or re.fullmatch(r'-?\d+', v):
        return v
    return "'" + v.replace("'", "''") + "'"


commands = []
for sql, params in entry.findall(text):
    values = [literal(p) for p in split_top(params)]
    parts = sql.split('?')
    if len(parts) - 1 != len(values):
        sys.exit('parameter count mismatch in: ' + sql[:80])
    commands.append(''.join(p + (values[i] if i < len(values) else '') for i, p in enumerate(parts)).strip() + ';')
if not commands:
    sys.exit('no statements found; is the chronology category logging at DEBUG?')
with open(out, 'w') as f:
    f.write('\n'.join(commands) + '\n')
print(f'{out}: {len(commands)} statements')
