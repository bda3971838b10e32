"""Build ``evalkit/data/given_names_world.tsv.gz``: given names of the languages newcomer families in US schools speak.

The US lists :mod:`evalkit.namelists` reads (the census's and the Social Security Administration's) hold few of the
names of families who came from East and West Africa, Francophone Africa and Haiti, South and Central Asia, the
Balkans or Latin America, so a child named "Gloire", "Kiza" or "Zubair" in a comment is found only by the words around
the name. Faker's person providers (the ``Faker`` package on PyPI, MIT; version 40.63.0 read here) carry hand-made
lists of given names for many locales. This script reads the lists of the locales below from the installed package
and writes one line per name: the name folded to ASCII and lower case, and the locales that list it.

* Latin-script names of three letters or more only (a list in another script is read by other rules);
* the locales the benchmark's generated set draws its people from (``benchmarks/redact_corpus/generated``) are
  left out, and so is every name they list, so that set stays a test the lists did not see.

Which of the names count as given names (none that is an everyday English word or a place) is decided where they are
read, in :func:`evalkit.namelists.world_given_names`.

    pip install 'Faker==40.63.0'
    python tools/build_world_given_names.py

The output is byte-for-byte reproducible (sorted rows, gzip without a time stamp).
"""

from __future__ import annotations

import argparse
import gzip
import importlib
import unicodedata
from pathlib import Path

#: Locales whose given names newcomer families in US schools carry: Swahili and Kenyan, Nigerian (Hausa, Yoruba,
#: Igbo), Ghanaian (Twi), Francophone (Belgian, Canadian, Swiss, Algerian lists: the French names of Haitian,
#: Congolese, Burundian and Rwandan families), Pakistani (Urdu and Pashto Muslim names), Croatian (Bosnian), Turkish,
#: Uzbek and Azerbaijani, Latin American and Iberian Spanish and Portuguese; and (session 24) Zulu (the Nguni names
#: of Southern and Central African families), Indonesian, German (its lists carry Turkish, Arabic and Balkan names),
#: Romanian (Moldovan families), Slovak, Czech and Slovenian (Roma and Central European families), Italian and Irish.
LOCALES = ("sw", "en_KE", "en_NG", "ha_NG", "yo_NG", "ig_NG", "tw_GH", "fr_BE", "fr_CA", "fr_QC", "fr_CH", "fr_DZ",
           "en_PK", "hr_HR", "tr_TR", "uz_UZ", "az_AZ", "es_CO", "es_AR", "es_CL", "es_ES", "pt_BR", "pt_PT",
           "zu_ZA", "id_ID", "de_DE", "ro_RO", "sk_SK", "cs_CZ", "sl_SI", "it_IT", "ga_IE")
#: The locales of benchmarks/redact_corpus/generated/generate.py (Names.LOCALES): their names are left out.
GENERATOR_LOCALES = ("en_US", "es_MX", "vi_VN", "en_IN", "hi_IN", "ar_AA", "zh_CN", "fr_FR", "pl_PL", "ja_JP")
MIN_LETTERS = 3
OUT = Path(__file__).resolve().parents[1] / "evalkit" / "data" / "given_names_world.tsv.gz"


def _fold(name: str) -> str:
    """ASCII, lower case, as evalkit.pii folds a comment."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch)).lower()


def _given(locale: str) -> set[str]:
    """The locale's given names, folded; Latin letters only."""
    provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
    names: set[str] = set()
    for attr in ("first_names", "first_names_male", "first_names_female"):
        value = getattr(provider, attr, None) or ()
        if isinstance(value, property):
            continue          # (the union of the two lists below, where a provider defines it so)
        names |= {n for n in (value.keys() if isinstance(value, dict) else value) if isinstance(n, str)}
    folded = {_fold(n) for n in names}
    return {n for n in folded if n.isascii() and n.isalpha() and len(n) >= MIN_LETTERS}


def main(out: Path = OUT) -> None:
    seen = set().union(*(_given(loc) for loc in GENERATOR_LOCALES))
    by_name: dict[str, list[str]] = {}
    for loc in LOCALES:
        for name in _given(loc) - seen:
            by_name.setdefault(name, []).append(loc)
    lines = ["name\tlocales"] + [f"{n}\t{','.join(sorted(locs))}" for n, locs in sorted(by_name.items())]
    data = ("\n".join(lines) + "\n").encode("ascii")
    out.write_bytes(gzip.compress(data, mtime=0))
    print(f"{out}: {len(by_name)} names from {len(LOCALES)} locales")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=OUT, help="where to write (default: the bundled file)")
    main(parser.parse_args().out)
