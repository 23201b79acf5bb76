#!/usr/bin/env python3
"""List words that are usually written in lower case in running text, so the
tagger can tell a capitalised sentence-initial "Apparently" or headline
"Storm" from a name. Counts come from GMB training text and the unlabelled
ECB+ development articles (never from the evaluation data).

    python3 tools/build_common_lower.py > data/gazetteers/common_lower.txt
"""
import collections
import glob
import gzip
import re
import sys

GMB = "/work/shared/dev-data/ner/gmb/train.conll.gz"
ARTICLES = "/work/shared/dev-data/ecb-dev/articles/*.txt"
MIN_LOWER = 5  # seen in lower case at least this often
MIN_RATIO = 0.9  # and lower case in at least this share of mid-sentence uses

lower = collections.Counter()
total = collections.Counter()


def count(words):
    for i, w in enumerate(words):
        if i == 0 or not w[:1].isalpha():
            continue  # sentence-initial capitals say nothing
        k = w.lower()
        total[k] += 1
        if w == k:
            lower[k] += 1


words = []
for line in gzip.open(GMB, "rt", encoding="utf-8"):
    if line.strip():
        words.append(line.split("\t")[0])
    elif words:
        count(words)
        words = []
for path in sorted(glob.glob(ARTICLES)):
    text = open(path, encoding="utf-8", errors="replace").read()
    body = text.split("\n---\n", 1)[-1]
    for sent in re.split(r"(?<=[.!?])\s+|\n", body):
        count(re.findall(r"[A-Za-z][A-Za-z'-]*", sent))

out = sorted(w.capitalize() for w, n in lower.items()
             if n >= MIN_LOWER and n / total[w] >= MIN_RATIO and len(w) > 1)
sys.stdout.write("".join(w + "\n" for w in out))
print(f"{len(out)} words", file=sys.stderr)
