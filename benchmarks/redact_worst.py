"""Worst-case inputs for the redactor: how the time of ``PiiDetector.find`` grows when an adversarial text doubles.

A rule-based detector is a few hundred regular expressions; one that backtracks can take seconds on a pasted
document that repeats a shape thousands of times (a list of capitalised names, a run of letters with no space, a
bulleted list). This benchmark builds such texts from a unit repeated n times and 2n times (fixed), times ``find``
on both, side by side, and reports the growth ratio t(2n) / t(n): about 2 for a linear read, about 4 for a pattern
that reads the text once per position (an unanchored start, a nested quantifier). It also prints the seconds for
2n, so a linear but slow case shows too.

Usage::

    python benchmarks/redact_worst.py [--repeat 3] [--max-growth 3.0]

Exit status 1 when some case grows faster than ``--max-growth``.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time

# (a head, a unit, its separator, n, a tail): the text is the head, the unit repeated n times (then 2n times), the tail
CASES = {
    "capitalised list": ("", "Abc Def", ", ", 1500, ""),
    "capitalised list and me": ("", "Abc Def", ", ", 1500, " and me"),
    "lower-case list": ("", "fern", ", ", 2000, " and you"),
    "syllable names": ("", "Saw Eh Htoo", " ", 1000, ""),
    "plural families": ("", "the Abcdefs", " ", 1500, ""),
    "bulleted lines": ("", "- Abc Def", "\n", 1500, ""),
    "kunya": ("", "Um Abc", " ", 1500, ""),
    "honorific after": ("", "Abc-ji", " ", 1500, ""),
    "role titles": ("", "principal gomez", " ", 1500, ""),
    "letters then -at-": ("", "a", "", 5000, "-at-bbbb"),
    "letters then _at_": ("", "a_", "", 2500, "at_"),
    "another script": ("", "ধন্যবাদ", " ", 1500, ""),
    "spaces": ("", " ", "", 10000, "Def"),
    "digits and spaces": ("", "1", " ", 5000, ""),
    "unit marks": ("", "#5,", " ", 2500, ""),
    "line breaks": ("", "Abc", "\n", 3000, ""),
    "capitals": ("", "ABC DEF", " ", 1500, ""),
    "a phone, then spaces": ("Call me at 703-555-0142", " ", "", 10000, "thanks"),
    "a street, then spaces": ("Address: 1420 Oak St", " ", "", 10000, "Phone: 956-555-0123"),
    "a box, then spaces": ("PO Box 12", " ", "", 10000, "Grade 4"),
    "towns, names and families": ("", "Clint and the Molbergs, the Whitworths,", " ", 1000, ""),
    # (units before a required city: a run of them was read in 2^n ways, 20 s on 22 units)
    "units before a city": ("1420 Broadway Apt 4", "-Unit", "", 2000, " and more"),
    "boxes after a street": ("1420 Broadway ", "Box1", "", 2000, "."),
    "boxes after a spelled house": ("One Main St ", "Box1", "", 2000, ". Code 12345"),
    "a pasted list of names": ("Ana Ruiz, ", "Abcdef", ", ", 1500, ""),
    "dotted spelled e-mail": ("jdoe at ", "x dot ", "", 4000, "period"),
    # (the third reader's: a pasted list of districts by number, each a school span that looked for "from" in the
    # whole text; motions; initials after names)
    "districts by number": ("", "Aa RE-1", " ", 4000, ""),
    "districts consolidated": ("", "Aa Consolidated.", " ", 4000, ""),
    "motions": ("Motion: ", "Aa/Bb, carried", " ", 4000, ""),
    "names and initials": ("", "Dana A", ", ", 4000, ""),
    "a list line with inner spaces": ("Ms. Rivera led it.\n- Ana", " ", "", 10000, "Lopez\n- Bo"),
    "role descriptions": ("", "the retired principal from the coast who", " ", 800, ""),
    "possessive roles": ("", "the district's new principal", " ", 800, ""),
    # (session 19: streets in capitals, a park's lots, addresses read out, initials and given names before names)
    "streets in capitals": ("", "1300 W 18TH ST", " AND ", 1500, ""),
    "park lots": ("", "Lot 22, Shady Acres Mobile Home Park", ", ", 1000, ""),
    "digits read out": ("", "four one two Oak", " ", 1500, " Street"),
    "initials before names": ("PRESENT: ", "O. TREVINO", ", ", 1500, ""),
    "particles and given names": ("", "Rami de Leon", " and ", 1500, ""),
    # (round 28: records that name people)
    "given names and initials": ("", "Abcde F.", ", ", 1500, ""),
    "ticks": ("", "Abcde ✓", ", ", 1500, ""),
    "capitals and digits run": ("", "Box1", "", 2000, " and Abc D., Efg H., Ijk L. ✓ families"),
    "signed numbers": ("WhatsApp: ", "+52 55 1234", " ", 1500, ""),
    "surnames and letters": ("SIGN-IN: ", "SUTTON M", ", ", 1500, ""),
    "creeks and landings": ("", "West Canada Creek", " and ", 1000, " washed out"),
    # (session 20's second reader: a row of storm names where a text speaks of hurricanes, a long slash list, a cc
    # line, a quoted answer's authors, salutations)
    "a row of storms": ("After the hurricane: ", "Katrina, Ian", ", ", 1000, "."),
    "a slash list": ("Table 1: ", "Dana / Marisol", " / ", 1000, ""),
    "a copy line": ("cc: ", "Farida Okafor", ", ", 1000, ""),
    "quoted answers": ("", '"Staffing." — Dee', "\n", 1000, ""),
    "salutations": ("", "Reggie — can we push?", "\n", 1000, ""),
    # (session 21: lists read along from a name found, runs of surnames, lower-case lists, notes in brackets, quoted
    # speakers, schools in capitals, a unit in brackets, dotted kinds)
    "a list along a name": ("Ana Ruiz, ", "Tomasz", ", ", 1500, " and Emir"),
    "a run of surnames": ("Present: ", "Lozano", ", ", 1500, "."),
    "a run that ends in a name": ("", "Lozano", ", ", 1500, " Ruiz"),
    "a lower-case list": ("sign in - ana ruiz, ", "tsong hang", ", ", 1500, ""),
    "notes in brackets": ("Review: ", "Gloire M. (gr 2, reading)", ", ", 1000, "."),
    "quoted speakers": ("", 'Chiamaka: "I can."', " ", 1000, ""),
    "schools in capitals": ("", "WE LOVED WILLOW BEND MIDDLE SCHOOL", " AND ", 800, "!"),
    # (the second reader's: names and schools in capitals, each school looked up against every name)
    "names and schools in capitals": ("PRESENTERS: ", "MARIA LOPEZ, WILLOW BEND MIDDLE SCHOOL", ", ", 2000, ""),
    "units in brackets": ("3124 S 3600 W ", "(basement)", " ", 1500, ", West Valley City, UT 84119"),
    "dotted kinds": ("", "Bosque Verde I.S.D.", ", ", 1500, ""),
    # (session 23: a link's words with blanks around their dots and no path, which read from every word was
    # quadratic; "SURNAME, Given" lists; a text's sender after its time; titles before titles)
    "blanks around dots": ("see x/ ", "ab", " . ", 3000, ""),
    "www with blanks": ("www . ", "ab", " . ", 3000, ""),
    "surnames in capitals": ("Review: ", "BIZIMANA, Gloire, grade 3", "; ", 1500, "."),
    "senders after a time": ("", "8:31 AM — Ray: ok", "\n", 1500, ""),
    "titles before titles": ("", "Rev. Dr.", " ", 1500, " Mother Agnes Ruiz"),
    # (the second reader's: fenced dots and a link read out, each word a start)
    "fenced dots": ("", "ab[.]", "", 5000, "x"),
    "a link read out": ("", "ab", " dot ", 3000, " slash x"),
    # (the second reader's of rounds 55-59: an address's spaced parts with no ending, each a start)
    "spaced address parts": ("jdoe @ ", "Ab", " . ", 3000, ""),
    # (session 24: a list's rows that begin alike, a row's first field before its dash; a row of blanks with a dash)
    "rows that begin alike": ("LUND, KAREN – emailed\n", "OYARZUN, RENATA – done", "\n", 1500, ""),
    "numbered rows": ("1. DOLORES TREVINO — AP\n", "2. ABCDE FGHIJ — DEAN", "\n", 1500, ""),
    "a row of blanks and dashes": ("- Ana", " ", "", 5000, "Lopez - x\n- Bo - y"),
    "a greeting's names in a row": ("", "Magandang gabi po", " ", 2000, ""),   # (second reader: the name tail's scan)
    "a row of slash pairs": ("Pairs: ", "Reyes/Gatewood", ", ", 3000, "."),   # (session 25: pairs beside a name)
    # (the second reader's of rounds 80-88: blanks and commas inside a number read out, blanks after a lower-case list,
    # a line of names between slashes beside a row of pairs)
    "blanks inside a spoken number": ("call me at one", " ", "", 8000, "two three four five six seven eight nine zero"),
    "commas inside a spoken number": ("cell: one", ",", "", 8000, "two three four five six seven eight nine zero"),
    "blanks after a lower-case list": ("notes: dana reyes, noor kettering, lily par", " ", "", 20000, "ok"),
    "slashes beside pairs": ("Dana Reyes / ", "Ab/Cd", ", ", 3000, ""),
    "plus signs before 'at'": ("mail: jdoe at example.org\n", "a+", "", 10000, " at x"),   # (second reader, rounds 89-93)
    # (session 27: a local part spelled a letter at a time before "@", a house "at" a number over and over, a
    # direction before a street with no type)
    "spelled letters before '@'": ("write ", "a", " ", 10000, " @ example . org"),
    "houses at numbers": ("", "the house at 12 Ab", ", ", 3000, ""),
    "directed streets": ("", "12 N. Ab", ", ", 3000, ", Cicero"),
    # (session 28: a public office's title before each of many names found)
    "office titles": ("", "Rep. Ana Ruiz met Sen. Ana Ruiz.", " ", 1500, ""),
}


def _text(head: str, unit: str, sep: str, n: int, tail: str) -> str:
    return head + sep.join([unit] * n) + tail


def _time(detector, text: str, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        detector.find(text)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3, help="timed runs per text (median reported)")
    ap.add_argument("--max-growth", type=float, default=3.0, help="fail when t(2n) / t(n) is above this")
    args = ap.parse_args(argv)

    from evalkit.pii import PiiDetector

    detector = PiiDetector.from_names(first=["Ana"], last=["Ruiz"], full=["Ana Ruiz"], places=["Rio Vista High School"])
    detector.find("Ana Ruiz from Rio Vista High School said thanks.")   # (lists and patterns built before timing)
    worst, failed = 0.0, []
    print(f"{'case':28s}{'chars (2n)':>12s}{'seconds (2n)':>14s}{'growth':>8s}")
    for name, (head, unit, sep, n, tail) in CASES.items():
        small, large = _text(head, unit, sep, n, tail), _text(head, unit, sep, 2 * n, tail)
        t_small, t_large = _time(detector, small, args.repeat), _time(detector, large, args.repeat)
        growth = t_large / t_small if t_small else float("inf")
        worst = max(worst, growth)
        if growth > args.max_growth:
            failed.append(name)
        print(f"{name:28s}{len(large):12d}{t_large:14.3f}{growth:8.1f}")
    print(f"\nworst growth {worst:.1f} (limit {args.max_growth:.1f})" + (f"; above it: {', '.join(failed)}" if failed else ""))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
