#!/usr/bin/env python3
"""Writes N import records as NDJSON (the service's own event shape) and, optionally, the same rows as
PostgreSQL COPY text files for the events, event_participants, event_sources and changes tables.

  generate_events.py ndjson N OUT.ndjson
  generate_events.py copy N ACTORS.tsv OUTDIR      # ACTORS.tsv: normalized alias <TAB> actor id (from the database)

Deterministic: record i is the same in both forms (2 participants from a pool of 2,000 actors, 1 source).
"""
import datetime
import random
import sys
import uuid

TYPES = ["meeting", "visit", "statement", "agreement_signed", "negotiation", "accusation", "threat",
         "military_action", "attack", "sanction", "aid", "protest", "announcement", "report"]
PLACES = ["Pyongyang", "Moscow", "Kyiv", "Khartoum", "Geneva", "Beijing", "Washington", "Lagos", None]
ACTORS = 2000
BASE = datetime.date(2015, 1, 1)


def actor_name(k):
    return "Bench Actor %04d" % k


def record(i):
    r = random.Random(i)
    d = BASE + datetime.timedelta(days=r.randrange(3650))
    precision = r.random()
    if precision < 0.8:
        date = d.isoformat()
        start = end = d
        prec = "day"
    elif precision < 0.95:
        date = d.strftime("%Y-%m")
        start = d.replace(day=1)
        end = (start + datetime.timedelta(days=32)).replace(day=1) - datetime.timedelta(days=1)
        prec = "month"
    else:
        date = str(d.year)
        start, end = datetime.date(d.year, 1, 1), datetime.date(d.year, 12, 31)
        prec = "year"
    a, b = r.sample(range(ACTORS), 2)
    t = TYPES[r.randrange(len(TYPES))]
    place = PLACES[r.randrange(len(PLACES))]
    return {
        "i": i, "externalId": "bench-%07d" % i, "type": t,
        "title": "%s between %s and %s (%d)" % (t.replace("_", " ").capitalize(), actor_name(a), actor_name(b), i),
        "summary": "Generated event %d for the import benchmark; %s." % (i, "x" * r.randrange(40, 200)),
        "date": date, "start": start, "end": end, "precision": prec, "place": place,
        "actors": [actor_name(a), actor_name(b)],
        "url": "https://news.example.org/%d/%07d" % (d.year, i),
        "quote": "Quote %d from the article." % i,
        "confidence": round(0.5 + r.random() / 2, 2),
    }


def esc(v):
    if v is None:
        return "\\N"
    return str(v).replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def ndjson(n, out):
    import json
    with open(out, "w", encoding="utf-8") as f:
        for i in range(n):
            e = record(i)
            line = {"externalId": e["externalId"], "type": e["type"], "title": e["title"], "summary": e["summary"],
                    "date": e["date"], "participants": [{"actor": {"name": a, "kind": "organization"}, "role": "participant"}
                                                         for a in e["actors"]],
                    "sources": [{"url": e["url"], "quote": e["quote"]}], "confidence": e["confidence"]}
            if e["place"]:
                line["place"] = {"name": e["place"]}
            f.write(json.dumps(line, separators=(",", ":")) + "\n")


RANK = {"minute": 0, "day": 1, "week": 2, "month": 3, "year": 6}


def copy(n, actors_tsv, outdir):
    ids = {}
    with open(actors_tsv, encoding="utf-8") as f:
        for line in f:
            k, v = line.rstrip("\n").split("\t")
            ids[k] = v
    now = datetime.datetime.now(datetime.timezone.utc).isoformat()
    with open(outdir + "/events.tsv", "w") as ev, open(outdir + "/participants.tsv", "w") as pa, \
            open(outdir + "/sources.tsv", "w") as so, open(outdir + "/changes.tsv", "w") as ch:
        for i in range(n):
            e = record(i)
            eid = str(uuid.uuid4())
            ev.write("\t".join(esc(v) for v in [eid, e["type"], e["title"], e["summary"], e["date"], e["precision"],
                                                 e["start"], e["end"], "f", None, None, None, None, None, e["place"],
                                                 e["confidence"], "confirmed", None, "copybench", e["externalId"],
                                                 "%064x" % i, now, now, 0]) + "\n")
            for a in e["actors"]:
                pa.write("\t".join(esc(v) for v in [eid, ids[a.lower()], "participant", e["start"], e["end"],
                                                     RANK[e["precision"]]]) + "\n")
            so.write("\t".join(esc(v) for v in [uuid.uuid4(), eid, None, e["url"], e["quote"], None, None, None, None,
                                                 now]) + "\n")
            ch.write("\t".join(["event", eid, "created", now]) + "\n")


if __name__ == "__main__":
    if sys.argv[1] == "ndjson":
        ndjson(int(sys.argv[2]), sys.argv[3])
    else:
        copy(int(sys.argv[2]), sys.argv[3], sys.argv[4])
