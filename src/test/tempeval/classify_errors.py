#!/usr/bin/env python3
"""Sort the value errors of a TempEval-3 run into what the gold itself does.

Usage:
    python3 ../shared/tools/tempeval/extract_gold.py ../shared/corpora/tempeval3-train \
        --jsonl /tmp/train.jsonl --gold-json /tmp/train-gold.json
    python3 ../shared/tools/tempeval/score.py ../shared/corpora/tempeval3-train /tmp/system.json --errors > /tmp/errors.txt
    python3 src/test/tempeval/classify_errors.py /tmp/train-gold.json /tmp/errors.txt

Categories of a relaxed match with a wrong value:
  split          the gold gives this phrase the system's value shape elsewhere in the corpus
  format         the gold value is malformed or padded (2000-W7, 1949-XX, T17) or the system's value with -XX
  weekday-side   a weekday the gold puts on the other side of the creation date (within a week)
  weekday-far    a weekday the gold puts more than a week from the creation date
  weekday-other  a gold date that is another day of the week than the one named
  other          the rest, to read one by one
"""
import collections
import datetime
import json
import re
import sys

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MATCH = re.compile(r"^\s*(\S+)\s+MATCH\s+gold \[(\d+),(\d+)\) '(.*?)' (\w+) (\S*) sys \[(\d+),(\d+)\) '(.*?)' (\w+) (\S*)")


def shape(value):
    return re.sub(r"\d", "9", value)


def main(gold_path, errors_path):
    gold = json.load(open(gold_path))["docs"]
    shapes = collections.defaultdict(collections.Counter)
    for doc in gold.values():
        for t in doc["timexes"]:
            shapes[t["text"].lower()][shape(t["value"])] += 1
    counts = collections.Counter()
    others = []
    for line in open(errors_path):
        m = MATCH.search(line)
        if not m or m.group(6) == m.group(11):
            continue
        doc, text, gv, sv = m.group(1), m.group(4), m.group(6), m.group(11)
        if re.fullmatch(r"\d{4}-W\d|.*T\d\d|\d{4}-XX|\d{3}X-XX.*|\d{4}-XX-XX|PTXM|P2L", gv) or gv.replace("-XX", "") == sv:
            kind = "format"
        elif text.lower() in WEEKDAYS and re.fullmatch(r"\d{4}-\d\d-\d\d", gv):
            day = datetime.date.fromisoformat(gv)
            if WEEKDAYS[day.weekday()] != text.lower():
                kind = "weekday-other"
            else:
                dct = datetime.date.fromisoformat(gold[doc]["dct"][:10])
                kind = "weekday-side" if abs((day - dct).days) <= 7 else "weekday-far"
        elif len(shapes[text.lower()]) > 1 and shape(sv) in shapes[text.lower()]:
            kind = "split"
        else:
            kind = "other"
            others.append(f"{doc[:22]:22} {text!r:40} gold {gv:22} system {sv}")
        counts[kind] += 1
    for kind, n in counts.most_common():
        print(f"{n:4} {kind}")
    print(f"{sum(counts.values()):4} value errors")
    print()
    print("\n".join(others))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
