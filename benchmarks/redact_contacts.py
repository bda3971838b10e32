"""Contact details in every shape: how many phone numbers, e-mails and links the redactor covers whole.

The labelled corpora in ``redact_corpus/`` hold a few hundred contact spans each, in the shapes their writers chose.
This benchmark adds two independent sources of shapes, neither written from the redactor's rules:

- the phone numbers of Faker's phone providers for the locales US schools' families call from (a peer's generator,
  pinned in the ``bench`` extra), each put in a sentence with a word that asks for a number ("Cell: ...") and in one
  without ("Call me at ... after 3."); a number counts as covered only when a span holds every character of it;
- the shapes a contact-heavy brief names (extensions, a caller's keys, digits read out in English and Spanish,
  numbers split over a line, obfuscated e-mails, wrapped links), written out once in :data:`SHAPES`, and the addresses
  a home-visit log writes (units, rural boxes, lots, colonias, grid streets) in :data:`ADDRESSES`.

It reports, per locale and per kind, the share covered whole (the strict criterion of ``redact.py``). Nothing here is
timed; ``redact.py`` measures speed against Presidio.

Usage::

    python benchmarks/redact_contacts.py [--n 300] [--seed 7] [--all-locales]
"""

from __future__ import annotations

import argparse
import sys

# (text, the part that must be covered, its label)
SHAPES: list[tuple[str, str, str]] = [
    ("Call me at (612) 555-0134.", "(612) 555-0134", "PHONE"),
    ("Cell: 612.555.0134", "612.555.0134", "PHONE"),
    ("Cell: 612/555-0134", "612/555-0134", "PHONE"),
    ("text +1 (612) 555-0134 anytime", "+1 (612) 555-0134", "PHONE"),
    ("from Mexico dial 001 612 555 0134", "001 612 555 0134", "PHONE"),
    ("desk: 555-0134", "555-0134", "PHONE"),
    ("call 612-555-0134 ext. 214", "612-555-0134 ext. 214", "PHONE"),
    ("call 612-555-0134 Ext. 2", "612-555-0134 Ext. 2", "PHONE"),
    ("call 612-555-0134 #214", "612-555-0134 #214", "PHONE"),
    ("call 612-555-0134, 2#", "612-555-0134, 2#", "PHONE"),
    ("call 612-555-0134 (ext. 214) ok", "612-555-0134 (ext. 214)", "PHONE"),
    ("call 612-555-0134 xt 214", "612-555-0134 xt 214", "PHONE"),
    ("her number is six one two five five five zero one three four", "six one two five five five zero one three four",
     "PHONE"),
    ("her number is 612 five five five 0134", "612 five five five 0134", "PHONE"),
    ("su número es seis uno dos cinco cinco cinco cero uno tres cuatro",
     "seis uno dos cinco cinco cinco cero uno tres cuatro", "PHONE"),
    ("llame al 956 cinco cinco cinco 0134", "956 cinco cinco cinco 0134", "PHONE"),
    ("612-555-01three four", "612-555-01three four", "PHONE"),
    ("call six five one period five five five period zero one one six",
     "six five one period five five five period zero one one six", "PHONE"),
    ("call 612-555-\n0134 please", "612-555-\n0134", "PHONE"),
    ("call (612)\n555-0134 please", "(612)\n555-0134", "PHONE"),
    ("call 612-555-0134 or 612-555-0199", "612-555-0199", "PHONE"),
    ("call 651-555-0116/17", "651-555-0116/17", "PHONE"),
    ("call 6125550134 today", "6125550134", "PHONE"),
    ("WhatsApp +52 1 956 555 0134", "+52 1 956 555 0134", "PHONE"),
    ("call 612 - 555 - 0134", "612 - 555 - 0134", "PHONE"),
    ("call 612-555-0l34", "612-555-0l34", "PHONE"),
    ("PLEASE FAX TO Z39-555-0167", "Z39-555-0167", "PHONE"),
    ("Cell: 612-5550-134", "612-5550-134", "PHONE"),                         # (grouped wrong, after a cue)
    ("Cell: 61 2555 0134", "61 2555 0134", "PHONE"),
    ("Cell: 612*555*0134", "612*555*0134", "PHONE"),
    ("Cell: six one two – five five five – zero one three four", "six one two – five five five – zero one three four",
     "PHONE"),
    ("Cell: 612-555-0134 ext. 2#", "612-555-0134 ext. 2#", "PHONE"),
    ("Cell: 612-555-0134 Opt 2", "612-555-0134 Opt 2", "PHONE"),
    ("call 9-5-6-5-5-5-0-1-3-4", "9-5-6-5-5-5-0-1-3-4", "PHONE"),          # (not covered: a rating's shape too)
    ("call 612\\555-0134", "612\\555-0134", "PHONE"),                       # (not covered)
    ("call 651-555-0116 or 0117", "0117", "PHONE"),                         # (not covered: a year's or a time's shape)
    ("call 651 double five five 0116", "651 double five five 0116", "PHONE"),   # (not covered)
    ("write dana.reyes+pd@example.org today", "dana.reyes+pd@example.org", "EMAIL"),
    ("write dana.reyes (at) example (dot) org", "dana.reyes (at) example (dot) org", "EMAIL"),
    ("write dana.reyes {at} example {dot} org", "dana.reyes {at} example {dot} org", "EMAIL"),
    ("write dana reyes at example dot org", "dana reyes at example dot org", "EMAIL"),
    ("escríbale a dana.reyes arroba example punto org", "dana.reyes arroba example punto org", "EMAIL"),
    ("write dana.reyes@exam-\nple.org today", "dana.reyes@exam-\nple.org", "EMAIL"),
    ("write dana.\nreyes@example.org today", "dana.\nreyes@example.org", "EMAIL"),
    ("From: \"Reyes, Dana\" <dreyes@example.org>", "dreyes@example.org", "EMAIL"),
    ("<a href=\"mailto:dreyes@example.org\">Dana</a>", "dreyes@example.org", "EMAIL"),
    ("write dreyes[@]example[.]org", "dreyes[@]example[.]org", "EMAIL"),
    ("my email is dana.reyes at gmail", "dana.reyes at gmail", "EMAIL"),
    ("write dana dot reyes at example dot org", "dana dot reyes at example dot org", "EMAIL"),
    ("WRITE DANA.REYES AT EXAMPLE DOT ORG", "DANA.REYES AT EXAMPLE DOT ORG", "EMAIL"),
    ("write dana.reyes -at- example -dot- org", "dana.reyes -at- example -dot- org", "EMAIL"),
    ("cc: d.reyes@example.org;j.lee@example.org", "j.lee@example.org", "EMAIL"),
    ("correo dana punto reyes arroba example punto org", "dana punto reyes arroba example punto org", "EMAIL"),  # (not covered)
    ("write d r e y e s @ example . org", "d r e y e s @ example . org", "EMAIL"),   # (not covered)
    ("see https://example.org/pd?cohort=7&campus=all#top now", "https://example.org/pd?cohort=7&campus=all#top", "URL"),
    ("see bit.ly/3xYzAb now", "bit.ly/3xYzAb", "URL"),
    ("see https://example.org/pd/register?cohort=\n7&campus=all now",
     "https://example.org/pd/register?cohort=\n7&campus=all", "URL"),
    ("see https://example.org/pd/regis-\nter now", "https://example.org/pd/regis-\nter", "URL"),
    ("[register](https://example.org/pd/r?x=1)", "https://example.org/pd/r?x=1", "URL"),
    ("see example dot org slash pd", "example dot org slash pd", "URL"),
    ("zoom: https://example.zoom.us/j/91234567890?pwd=abc", "https://example.zoom.us/j/91234567890?pwd=abc", "URL"),
]
# addresses as a home-visit log writes them, each put in "Home visit: ... — family home." (seven not covered yet, which
# the benchmark prints: a Spanish unit word first, a unit after a street's stop, a colonia's street by its number
# sign, a street without its kind, a bracket inside, a house number with no street kind)
ADDRESSES: list[str] = [
 "1420 N Kedzie Ave, 2nd fl, Chicago, IL 60651",
 "1420 N Kedzie Ave, Garden Unit, Chicago, IL 60651",
 "3318 W 26th St, Apt 1F, Chicago, IL 60623",
 "1420 N. Kedzie Ave., Chicago, IL 60651-1234",
 "PO Box 1420, Cicero, IL 60804",
 "P.O. Box 77, Elgin IL 60120",
 "RR 2 Box 14, Hazard, KY 41701",
 "Rural Route 3, Box 22A, Pharr, TX 78577",
 "1420 S 4th St Apt 3, Louisville, KY 40208",
 "1420 Kedzie Ave #2R Chicago IL 60651",
 "1420 1/2 Kedzie Ave, Chicago, IL",
 "1420A Kedzie Ave, Chicago",
 "1420-B Kedzie Ave, Chicago",
 "Lot 7, Sunny Acres Mobile Home Park, Elgin, IL 60120",
 "2819 Bloomington Ave S, Unit 3, Minneapolis, MN 55407",
 "1510 E Lake St, Rear, Minneapolis MN 55407",
 "3020 14th Ave S, Apt 2R",
 "1717 Maryland Ave E, Apt 6, Saint Paul, MN 55106",
 "4617 N Cage Blvd, Lot 22, Pharr, TX 78577",
 "1205 FM 1015, Edinburg, TX 78542",
 "Bldg 12, Apt 305, 4400 Central Ave, Charlotte, NC 28205",
 "4400 Central Ave Bldg 12 Apt 305 Charlotte NC 28205",
 "cuarto 2, 1420 Kedzie Ave, Chicago",
 "1420 Kedzie Avenue\nChicago, Illinois 60651",
 "1420 KEDZIE AVE, CHICAGO IL 60651",
 "1420 kedzie ave apt 3 chicago il 60651",
 "1420 W. Lincoln Ave., Upper, Milwaukee, WI 53215",
 "1420 W. Lincoln Ave. Lower Unit, Milwaukee",
 "12 Calle Sol, Pharr, TX 78577",
 "Calle Sol #12, Colonia Las Palmas, Pharr TX",
 "1420 Kedzie Ave., Ste. 210, Chicago, IL 60651",
 "1420 Kedzie Ave, Suite 210-B, Chicago",
 "HC 65 Box 12A, Sasabe, AZ 85633",
 "1420 County Road 12, Hazard, KY 41701",
 "1420 Hwy 185, Bowling Green, KY 42101",
 "1420 KY-185, Bowling Green, KY 42101",
 "1420 Old Hwy 61 N, Tunica, MS 38676",
 "1420 S. Kedzie, Chicago",
 "One Kedzie Plaza, Chicago, IL 60651",
 "1420 Kedzie Ave (side door), Chicago",
 "1420 Kedzie Ave, Chicago, Illinois",
 "1420 Kedzie Ave Chicago 60651",
 "the house at 1420 Kedzie",
 "apt 3b at 1420 kedzie",
]
ADDRESS_TEMPLATE = "Home visit: {} — family home."
# the locales whose phone formats a US program's families most often write (Faker's phone providers)
LOCALES = ("en_US", "en_CA", "es_MX", "es_ES", "en_GB", "vi_VN", "en_IN", "hi_IN", "zh_CN", "ja_JP", "fr_FR", "pl_PL",
           "pt_BR", "ko_KR")
TEMPLATES = ("Cell: {}", "Call me at {} after 3.")


def covered(red, text: str, part: str, label: str | None = None) -> bool:
    """Whether every character of ``part`` (its first place in ``text``) is inside a span (of ``label``, if given)."""
    found = red.redact(text)
    cov = {i for s in found.spans if s.label != "SELF_ID" and (label is None or s.label == label)
           for i in range(s.start, s.end)}
    start = text.index(part)
    return set(range(start, start + len(part))) <= cov


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=300, help="numbers per locale")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--all-locales", action="store_true",
                        help="every locale Faker has a phone provider for (about 90), not only the 14 of LOCALES")
    args = parser.parse_args(argv)
    try:
        from faker import Faker
    except ImportError:
        print("redact_contacts: Faker is not installed (pip install -e '.[bench]')", file=sys.stderr)
        return 2
    from evalkit.anonymize.redaction import Redactor
    from evalkit.pii import RosterNames

    red = Redactor.from_roster(RosterNames(first=("Dana",), last=("Reyes",), full=("Dana Reyes",)))
    print(f"{'Faker phone provider':22s} {'covered':>9s}   (each number in {len(TEMPLATES)} sentences; all must hold it)")
    if args.all_locales:
        import warnings

        from faker.config import AVAILABLE_LOCALES
        warnings.filterwarnings("ignore", message=".*locale is deprecated")
        # (the locales with a phone provider of their own or inherited: a few have none)
        fakers = {loc: fake for loc in sorted(AVAILABLE_LOCALES) if hasattr(fake := Faker(loc), "phone_number")}
    else:
        fakers = {loc: Faker(loc) for loc in LOCALES}
    total = total_ok = 0
    for locale, fake in fakers.items():
        fake.seed_instance(args.seed)
        numbers = [fake.phone_number() for _ in range(args.n)]
        ok = sum(all(covered(red, t.format(p), p) for t in TEMPLATES) for p in numbers)
        total, total_ok = total + len(numbers), total_ok + ok
        print(f"{locale:22s} {ok / len(numbers):9.3f}")
    print(f"{'all':22s} {total_ok / total:9.3f}   ({total_ok:,} of {total:,} numbers)")
    print()
    missed = [a for a in ADDRESSES if not covered(red, ADDRESS_TEMPLATE.format(a), a)]
    print(f"shapes: {'address':15s} {1 - len(missed) / len(ADDRESSES):9.3f}   ({len(ADDRESSES) - len(missed)} of {len(ADDRESSES)})")
    for a in missed:
        print(f"    not covered: {a!r}")
    for label in ("PHONE", "EMAIL", "URL"):
        rows = [(t, p) for t, p, lab in SHAPES if lab == label]
        missed = [t for t, p in rows if not covered(red, t, p)]
        print(f"shapes: {label.lower():15s} {1 - len(missed) / len(rows):9.3f}   ({len(rows) - len(missed)} of {len(rows)})")
        for t in missed:
            print(f"    not covered: {t!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
