#!/usr/bin/env python3
"""List where `dateline entities` and the teacher disagree, grouped by pattern.

  teacher_disagreements.py GOLD.json PRED.json [--kinds date,number] [--top N]
      [--examples K]

GOLD.json is the teacher's labels (tools/teacher_label.py docs ...), PRED.json
the output of `dateline entities DIR --format json`. Predicted spans are
carried onto the gold text by ../shared/eval/score_entities.py's alignment
(DATELINE_SHARED overrides the folder). Each disagreement is one of
  missed    a teacher span that no dateline span of that kind overlaps
  spurious  a dateline span that no teacher span of that kind overlaps
  boundary  both overlap with the same kind but the spans differ
  kind      the same span, another kind
and is keyed by a pattern of its words (digits -> #, number words -> NUM,
months -> MONTH, weekdays -> WDAY, capitalised words -> Cap, other words
kept), so general habits show up as one line with their counts. For
boundary disagreements the key is "teacher pattern => dateline pattern".
Standard library only; a development aid, nothing reads its output.
"""
import argparse
import collections
import json
import os
import re
import sys

SHARED = os.environ.get("DATELINE_SHARED") or os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared"
)
sys.path.insert(0, os.path.join(SHARED, "eval"))
import score_entities  # noqa: E402

NUM_WORDS = set(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen "
    "fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty "
    "sixty seventy eighty ninety hundred thousand million billion trillion dozen".split()
)
ORDINALS = set(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "twentieth thirtieth hundredth".split()
)
MONTHS = set(
    "january february march april may june july august september october november "
    "december jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
WEEKDAYS = set("monday tuesday wednesday thursday friday saturday sunday".split())


def word_class(w):
    lw = w.lower()
    if re.fullmatch(r"\d[\d.,]*(st|nd|rd|th|s)?", lw):
        if re.fullmatch(r"(1[0-9]|20)\d\ds", lw):
            return "#s"
        if re.fullmatch(r"(1[0-9]|20)\d\d", lw):
            return "YYYY"
        return "#" + ("th" if re.search(r"(st|nd|rd|th)$", lw) else "")
    if lw in MONTHS:
        return "MONTH"
    if lw in WEEKDAYS:
        return "WDAY"
    if lw in NUM_WORDS or any(lw == a + "-" + b for a in NUM_WORDS for b in NUM_WORDS):
        return "NUM"
    if lw in ORDINALS:
        return "ORD"
    if w[:1].isupper() and len(w) > 1 and w.isupper():
        return "CAPS"
    if w[:1].isupper():
        return "Cap"
    return lw


def pattern(text):
    toks = re.findall(r"\w+(?:[-']\w+)*|[^\w\s]", text)
    out = []
    for t in toks:
        c = word_class(t)
        if out and out[-1] == c and c in ("Cap", "CAPS", "NUM"):
            continue
        out.append(c)
    return " ".join(out) or "∅"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("gold")
    ap.add_argument("pred")
    ap.add_argument("--kinds", default="date,number")
    ap.add_argument("--top", type=int, default=25)
    ap.add_argument("--examples", type=int, default=3)
    a = ap.parse_args()
    kinds = set(a.kinds.split(","))
    gold_docs = score_entities.load_gold(json.load(open(a.gold)))
    pred_docs, _ = score_entities.load_pred(json.load(open(a.pred)), gold_docs, lambda _m: None)
    groups = collections.defaultdict(lambda: collections.defaultdict(list))
    for name, (text, gold_ments) in gold_docs.items():
        g = set(gold_ments)
        p = set(pred_docs.get(name, []))
        misc = [(s, e) for s, e, k in g if k == "misc"]
        span = lambda s, e: text[s:e]

        def ctx(s, e):
            lo, hi = max(0, s - 30), min(len(text), e + 30)
            return (span(lo, s) + "[" + span(s, e) + "]" + span(e, hi)).replace("\n", " ")

        for s, e, k in g:
            if k not in kinds or (s, e, k) in p:
                continue
            same = [(ps, pe) for ps, pe, pk in p if pk == k and ps < e and s < pe]
            other = [pk for ps, pe, pk in p if (ps, pe) == (s, e) and pk != k]
            if other:
                key = ("kind", k, "%s as %s: %s" % (k, other[0], pattern(span(s, e))))
            elif same:
                ps, pe = same[0]
                key = ("boundary", k, pattern(span(s, e)) + "  =>  " + pattern(span(ps, pe)))
            else:
                key = ("missed", k, pattern(span(s, e)))
            groups[key[:2]][key[2]].append(ctx(s, e))
        for s, e, k in p:
            if k not in kinds or (s, e, k) in g:
                continue
            if any(gk == k and gs < e and s < ge for gs, ge, gk in g):
                continue  # counted as boundary above
            if any((gs, ge) == (s, e) for gs, ge, gk in g):
                continue  # counted as kind above
            if any(ms < e and s < me for ms, me in misc):
                key = "(over teacher misc) " + pattern(span(s, e))
            else:
                key = pattern(span(s, e))
            groups[("spurious", k)][key].append(ctx(s, e))
    for (what, k), pats in sorted(groups.items()):
        total = sum(len(v) for v in pats.values())
        print("== %s %s: %d" % (what, k, total))
        for pat, ex in sorted(pats.items(), key=lambda kv: -len(kv[1]))[: a.top]:
            print("  %4d  %s" % (len(ex), pat))
            for x in ex[: a.examples]:
                print("          " + x)


if __name__ == "__main__":
    main()
