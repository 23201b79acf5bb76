#!/usr/bin/env python3
"""How far word overlap can take fact linking on a gold set (ECB+ style).

    python3 tools/fact-ceiling.py [GOLD.json]

GOLD.json defaults to ../shared/dev-data/ecb-dev/gold.json. Stories are the
gold ones throughout, so nothing here depends on dateline's clustering. For
every pair of annotated sentences from two articles of one gold story it
asks whether the gold links them (they share an event chain), and prints:

  1. the share linked when every such pair is linked (the base rate);
  2. that share by the pair's word similarity (IDF-weighted cosine of
     lower-cased, lightly stemmed words): how often sentences that read
     alike state the same event;
  3. the best fact-link F1 of linking every pair at or above one similarity,
     without the contract's one-report-per-article limit (so an upper bound
     for any method that decides on word similarity alone).

Python 3 standard library only.
"""
import collections
import itertools
import json
import math
import os
import re
import sys

STOP = set(
    "a an the of to in on at for and or but is are was were be been being has have had it its "
    "this that these those with by from as he she they his her their them we you i not no said "
    "says say will would could should may might can after before over under into out up about "
    "than then there here who whom which what when where why how also more most other some such "
    "only own same so too very just one two new told".split()
)
WORD = re.compile(r"[A-Za-z][A-Za-z'\-]*|\d[\d,.]*")


def stem(w):
    for suf in ("ing", "ed", "es", "s"):
        if len(w) > len(suf) + 3 and w.endswith(suf):
            return w[: -len(suf)]
    return w


def words(text):
    return [stem(w.lower().strip("'-")) for w in WORD.findall(text) if w.lower() not in STOP and len(w) > 1]


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "../../shared/dev-data/ecb-dev/gold.json")
    with open(path, encoding="utf-8") as fh:
        gold = json.load(fh)
    docs = gold["docs"]
    text = {(d, s["n"]): doc["text"][s["start"]:s["end"]] for d, doc in docs.items() for s in doc["sentences"]}
    annotated = [(d, s["n"]) for d, doc in docs.items() for s in doc["sentences"] if s.get("annotated")]

    # IDF over articles, then one unit vector per annotated sentence.
    df = collections.Counter()
    for d, doc in docs.items():
        df.update(set(words(doc["text"])))
    n = len(docs)
    vec = {}
    for key in annotated:
        tf = collections.Counter(words(text[key]))
        v = {w: (1 + math.log(c)) * math.log((n + 1) / df.get(w, 1)) for w, c in tf.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        vec[key] = {w: x / norm for w, x in v.items()}

    def cos(a, b):
        va, vb = vec[a], vec[b]
        return sum(x * vb.get(w, 0.0) for w, x in va.items())

    chains = collections.defaultdict(set)
    for i, fact in enumerate(gold["facts"]):
        for d, s in fact:
            chains[(d, s)].add(i)
    ann = set(annotated)
    gold_links = set()
    for i, fact in enumerate(gold["facts"]):
        fdocs = sorted({d for d, s in fact if (d, s) in ann})
        for a, b in itertools.combinations(fdocs, 2):
            gold_links.add((i, a, b))

    by_story = collections.defaultdict(list)
    for key in annotated:
        by_story[docs[key[0]]["story"]].append(key)
    pairs = []  # (similarity, linked, shared chains, doc pair)
    for members in by_story.values():
        for a, b in itertools.combinations(sorted(members), 2):
            if a[0] != b[0]:
                shared = chains[a] & chains[b]
                pairs.append((cos(a, b), bool(shared), shared, tuple(sorted((a[0], b[0])))))

    linked = sum(p[1] for p in pairs)
    print("annotated sentence pairs within gold stories: %d, linked by the gold: %d (%.3f)"
          % (len(pairs), linked, linked / len(pairs)))
    print()
    print("%-18s %7s %8s" % ("word similarity", "pairs", "linked"))
    bands = [(0.0, 0.1), (0.1, 0.2), (0.2, 0.3), (0.3, 0.4), (0.4, 0.5), (0.5, 0.6), (0.6, 0.7), (0.7, 1.01)]
    for lo, hi in bands:
        inside = [p for p in pairs if lo <= p[0] < hi]
        if inside:
            share = sum(p[1] for p in inside) / len(inside)
            print("%-18s %7d %8.3f" % ("%.1f to %.1f" % (lo, min(hi, 1.0)), len(inside), share))
    print()
    best = None
    for t in [x / 100 for x in range(0, 80, 2)]:
        chosen = [p for p in pairs if p[0] >= t]
        if not chosen:
            continue
        prec = sum(p[1] for p in chosen) / len(chosen)
        hit = {(i,) + p[3] for p in chosen for i in p[2]}
        rec = len(hit) / len(gold_links)
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        if best is None or f1 > best[0]:
            best = (f1, t, prec, rec)
    print("best fact-link F1 from word similarity alone, gold stories: %.3f (P %.3f, R %.3f, similarity >= %.2f)"
          % (best[0], best[2], best[3], best[1]))


if __name__ == "__main__":
    main()
