#!/usr/bin/env python3
"""Build data/senses.txt from WordNet 3.0 (Debian's wordnet-base).

The comparison matches words of two reports by lemma or by sense, so that
"quake" meets "earthquake" and "temblor", and "died" meets "death". Each
line is `lemma<TAB>sense sense ...<TAB>flags`: a lower-case single-word
noun or verb lemma, numbers standing for its most frequent noun and verb
senses (WordNet lists senses by frequency) and for the most frequent senses
of other words derived from them ("death" from "die"), and `v` where it is a
verb, `e` where its most frequent noun sense is an act, an event or a
phenomenon (labels name happenings by such words). A sense is kept only
when two lemmas or more have it, and a lemma only with a sense or a flag.
Irregular forms from WordNet's exception lists follow as `form<TAB>lemma`
lines after a `#forms` line. Deterministic: the same WordNet gives the same
file.

    python3 tools/build_senses.py [/usr/share/wordnet] > data/senses.txt
"""
import os, sys

WN = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/wordnet"
POS = {"n": "noun", "v": "verb"}


def simple(w):
    return w.isalpha() and w.islower() and len(w) >= 3


def read_index(pos):
    first = {}
    for line in open(os.path.join(WN, "index." + POS[pos]), encoding="latin-1"):
        if line.startswith(" "):
            continue
        f = line.split()
        lemma, n_ptr = f[0], int(f[3])
        offsets = f[6 + n_ptr:]
        if simple(lemma) and offsets:
            first[lemma] = offsets[0]
    return first


def read_data(pos, wanted):
    """For the wanted synsets: their words and derivation pointers."""
    words, derived, lexfile = {}, {}, {}
    for line in open(os.path.join(WN, "data." + POS[pos]), encoding="latin-1"):
        if line.startswith(" "):
            continue
        off = line[:8]
        if off not in wanted:
            continue
        f = line.split(" | ")[0].split()
        lexfile[off] = int(f[1])
        n = int(f[3], 16)
        ws = [f[4 + 2 * i].lower() for i in range(n)]
        k = 4 + 2 * n
        n_ptr = int(f[k]); k += 1
        ptrs = []
        for _ in range(n_ptr):
            sym, target, tpos, st = f[k:k + 4]; k += 4
            if sym == "+" and tpos in POS:
                ptrs.append((tpos, target, int(st[:2], 16), int(st[2:], 16)))
        words[off] = ws
        derived[off] = ptrs
    return words, derived, lexfile


class UF:
    def __init__(self): self.p = {}
    def find(self, x):
        self.p.setdefault(x, x)
        while self.p[x] != x:
            self.p[x] = self.p[self.p[x]]; x = self.p[x]
        return x
    def union(self, a, b):
        a, b = self.find(a), self.find(b)
        if a != b: self.p[max(a, b)] = min(a, b)


def main():
    first = {p: read_index(p) for p in POS}
    feats = {}
    flags = {}
    for p in POS:
        words, derived, lexfile = read_data(p, set(first[p].values()))
        for lemma, off in first[p].items():
            # Verbs, and nouns whose most frequent sense is an act, an event
            # or a phenomenon (WordNet's lexicographer files 04, 11, 19),
            # name happenings.
            if p == "v":
                flags.setdefault(lemma, set()).add("v")
            elif lexfile.get(off) in (4, 11, 19):
                flags.setdefault(lemma, set()).add("e")
        for lemma, off in first[p].items():
            feats.setdefault(lemma, set()).add(p + off)
        for off, ptrs in derived.items():
            ws = words[off]
            for tpos, target, src, tgt in ptrs:
                # Only a derivation between two words' most frequent senses.
                src_word = ws[src - 1] if 0 < src <= len(ws) else None
                if src_word is None or first[p].get(src_word) != off:
                    continue
                tw = read_word(tpos, target, tgt)
                if tw and first[tpos].get(tw) == target:
                    feats[src_word].add(tpos + target)
    use = {}
    for fs in feats.values():
        for f in fs:
            use[f] = use.get(f, 0) + 1
    ids = {}
    print("# lemma<TAB>senses<TAB>v (a verb) e (an act or event noun): WordNet 3.0 (c) Princeton University; see data/LICENSE.wordnet")
    for w in sorted(feats):
        kept = sorted(f for f in feats[w] if use[f] >= 2)
        fl = "".join(sorted(flags.get(w, ())))
        if kept or fl:
            print(w + "\t" + " ".join(str(ids.setdefault(f, len(ids))) for f in kept) + "\t" + fl)
    print("#forms")
    for p in POS:
        for line in open(os.path.join(WN, POS[p] + ".exc"), encoding="latin-1"):
            f = line.split()
            if len(f) >= 2 and simple(f[0]) and simple(f[1]) and f[1] in feats and f[0] != f[1]:
                print(f"{f[0]}\t{f[1]}")


_cache = {}
def read_word(pos, off, idx):
    key = (pos, off)
    if key not in _cache:
        with open(os.path.join(WN, "data." + POS[pos]), encoding="latin-1") as fh:
            fh.seek(int(off))
            f = fh.readline().split()
        n = int(f[3], 16)
        _cache[key] = [f[4 + 2 * i].lower() for i in range(n)]
    ws = _cache[key]
    return ws[idx - 1] if 0 < idx <= len(ws) else None


if __name__ == "__main__":
    main()
