#!/usr/bin/env python3
"""Label unlabelled news with a spaCy pipeline (the teacher), in dateline's kinds.

The teacher runs here, at build time, never in dateline. Two inputs:

  teacher_label.py conll MODEL_DIR IN.conll.gz OUT.conll.gz
      Sentences of tokens (word<TAB>tag lines, blank line between
      sentences, e.g. GMB): the words are kept, the tags replaced by the
      teacher's, as BIO tags over the tagger's labels (person, org, place,
      group, date, misc). Values other than dates become O: numbers are
      found by rules in dateline, not by the tagger.

  teacher_label.py docs MODEL_DIR ARTICLES_DIR OUT.json [--topics-mod M --keep R,S]
      Article files (YAML front matter, then the body): mentions as byte
      spans of the body in the gold shape of ../shared/eval/score_entities.py,
      six kinds (person, org, place, group, date, number) plus misc for
      what dateline does not report (events, works, laws, products,
      languages, ordinals, times). `--topics-mod 5 --keep 0` keeps only the
      files whose leading number (ECB+ topic) mod 5 is 0; `--drop 0` the
      others. Used both as training data and as the agreement gold on
      articles kept apart from training.

Label map (OntoNotes -> dateline): PERSON person; ORG org; GPE, LOC, FAC
place; NORP group; DATE date; CARDINAL, QUANTITY, MONEY, PERCENT number;
the rest misc. Deterministic: spaCy's inference is.
"""
import gzip
import json
import os
import re
import sys

KIND = {
    "PERSON": "person",
    "ORG": "org",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "NORP": "group",
    "DATE": "date",
    "CARDINAL": "number",
    "QUANTITY": "number",
    "MONEY": "number",
    "PERCENT": "number",
}
# Labels the tagger learns; numbers are the value rules' job.
TAGGER = {"person", "org", "place", "group", "date", "misc"}


def kind_of(label):
    return KIND.get(label, "misc")


def load(model_dir):
    import spacy

    return spacy.load(
        model_dir, exclude=["parser", "lemmatizer", "tagger", "attribute_ruler", "senter"]
    )


def read_conll(path):
    words = []
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.strip():
                words.append(line.split("\t")[0])
            elif words:
                yield words
                words = []
    if words:
        yield words


def label_conll(nlp, src, dst):
    from spacy.tokens import Doc

    def docs():
        for words in read_conll(src):
            yield Doc(nlp.vocab, words=words)

    n = 0
    with gzip.GzipFile(dst, "wb", mtime=0) as raw:
        for doc in nlp.pipe(docs(), batch_size=256):
            tags = ["O"] * len(doc)
            for ent in doc.ents:
                kind = kind_of(ent.label_)
                if kind == "number":
                    kind = None
                if kind in TAGGER:
                    tags[ent.start] = "B-" + kind
                    for k in range(ent.start + 1, ent.end):
                        tags[k] = "I-" + kind
            lines = "".join(f"{t.text}\t{tag}\n" for t, tag in zip(doc, tags))
            raw.write((lines + "\n").encode("utf-8"))
            n += 1
    print(f"{dst}: {n} sentences", file=sys.stderr)


def body(text):
    """The article body: the text after a leading YAML block."""
    if not text.startswith("---\n"):
        return text
    i = text.find("\n---\n", 4)
    return text[i + 5 :] if i >= 0 else text


def label_docs(nlp, src, dst, mod=None, keep=None, drop=None):
    names = sorted(n for n in os.listdir(src) if n.endswith(".txt"))
    if mod:
        topic = lambda n: int(re.match(r"\d+", n).group(0)) % mod if re.match(r"\d+", n) else -1
        if keep is not None:
            names = [n for n in names if topic(n) in keep]
        if drop is not None:
            names = [n for n in names if topic(n) not in drop]
    texts = [body(open(os.path.join(src, n), encoding="utf-8").read()) for n in names]
    out = {}
    for name, text, doc in zip(names, texts, nlp.pipe(texts, batch_size=32)):
        # char offsets -> utf-8 byte offsets
        b = [0]
        for ch in text:
            b.append(b[-1] + len(ch.encode("utf-8")))
        mentions = [
            {
                "start": b[e.start_char],
                "end": b[e.end_char],
                "text": e.text,
                "kind": kind_of(e.label_),
            }
            for e in doc.ents
        ]
        out[name[:-4]] = {"text": text, "mentions": mentions}
    with open(dst, "w", encoding="utf-8") as f:
        json.dump({"dataset": "teacher", "offsets": "utf8-bytes", "docs": out}, f, ensure_ascii=False)
    print(f"{dst}: {len(out)} articles", file=sys.stderr)


def main(argv):
    if len(argv) < 5 or argv[1] not in ("conll", "docs"):
        print(__doc__, file=sys.stderr)
        return 2
    mode, model_dir, src, dst = argv[1:5]
    nlp = load(model_dir)
    if mode == "conll":
        label_conll(nlp, src, dst)
    else:
        opt = lambda name: argv[argv.index(name) + 1] if name in argv else None
        ints = lambda v: {int(x) for x in v.split(",")} if v else None
        mod = int(opt("--topics-mod")) if opt("--topics-mod") else None
        label_docs(nlp, src, dst, mod, ints(opt("--keep")), ints(opt("--drop")))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
