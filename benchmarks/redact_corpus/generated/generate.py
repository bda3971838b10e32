#!/usr/bin/env python
"""Template + Faker generator of a labelled evaluation corpus for a comment redactor.

Plays the role of presidio-evaluator's template approach, adapted to free-text
comments from school staff ("What worked well?", "What could be better?",
coaching notes).  Written by an outside tester who has NOT seen the redactor's
rules; the labels follow only the conventions written in README.md.

    python benchmarks/redact_corpus/generated/generate.py --n 1200 --seed 11 \
        --out benchmarks/redact_corpus/generated

Writes roster.json, comments.jsonl, split.json and README.md into --out.
Needs only the standard library and Faker (pinned: faker==40.63.0).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import string
import unicodedata
from collections import Counter
from pathlib import Path

from faker import Faker

KINDS = ("person", "email", "phone", "url", "address", "school", "district")

# ---------------------------------------------------------------------------
# small helpers
# ---------------------------------------------------------------------------

_FOLD_EXTRA = str.maketrans({"Đ": "D", "đ": "d", "Ł": "L", "ł": "l", "Ø": "O", "ø": "o",
                             "ß": "ss", "Æ": "AE", "æ": "ae", "Œ": "OE", "œ": "oe", "ı": "i"})


def fold(s: str) -> str:
    """ASCII-fold the way people type names without accents (José -> Jose)."""
    s = s.translate(_FOLD_EXTRA)
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c))


def is_latin(s: str) -> bool:
    return all(ord(c) < 0x250 or unicodedata.combining(c) or c in "ḀạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹĐđƠơƯư" for c in s)


def slug(s: str) -> str:
    return re.sub(r"[^a-z0-9]", "", fold(s).lower())


# ---------------------------------------------------------------------------
# roster
# ---------------------------------------------------------------------------

NICKNAMES = {
    "Robert": ["Rob", "Bobby"], "William": ["Will", "Bill"], "Elizabeth": ["Liz", "Beth"],
    "Katherine": ["Kate", "Kat"], "Jennifer": ["Jen"], "Michael": ["Mike"],
    "Christopher": ["Chris"], "Jessica": ["Jess"], "Daniel": ["Dan", "Danny"],
    "Matthew": ["Matt"], "Anthony": ["Tony"], "Joseph": ["Joe"], "Alexander": ["Alex"],
    "Samantha": ["Sam"], "Nicholas": ["Nick"], "Jonathan": ["Jon"], "Margaret": ["Maggie"],
    "Patricia": ["Patty", "Trish"], "Rebecca": ["Becky"], "Deborah": ["Deb"],
    "Stephanie": ["Steph"], "Timothy": ["Tim"], "Benjamin": ["Ben"], "Andrew": ["Drew", "Andy"],
    "Thomas": ["Tom"], "James": ["Jim", "Jimmy"], "Richard": ["Rick"], "Kimberly": ["Kim"],
    "Victoria": ["Tori"], "Zachary": ["Zach"], "Gregory": ["Greg"], "Kenneth": ["Ken"],
    "Jacqueline": ["Jackie"], "Christina": ["Tina"], "Cynthia": ["Cindy"], "Susan": ["Sue"],
    "Pamela": ["Pam"], "Raymond": ["Ray"], "Nathaniel": ["Nate"], "Edward": ["Ed", "Eddie"],
    "Douglas": ["Doug"], "Ronald": ["Ron"], "Donald": ["Don"], "Sandra": ["Sandy"],
    "Francisco": ["Paco", "Frank"], "José": ["Pepe"], "Guadalupe": ["Lupe"], "Alejandro": ["Alex"],
    "Jesús": ["Chuy"], "Ignacio": ["Nacho"], "Enrique": ["Kike"], "Roberto": ["Beto"],
    "Alejandra": ["Ale"], "Margarita": ["Margie"], "Eduardo": ["Lalo"], "Rafael": ["Rafa"],
    "Jeffrey": ["Jeff"], "Joshua": ["Josh"], "Jacob": ["Jake"], "Amanda": ["Mandy"],
    "David": ["Dave"], "Steven": ["Steve"], "Charles": ["Charlie", "Chuck"], "Angela": ["Angie"],
}

# Names that are also everyday English words: forced onto a few roster people so that
# "will", "hope", "June", "mark" ... occur both as names and as words.
WORD_FIRST_NAMES = [("Will", "M"), ("Grace", "F"), ("Hope", "F"), ("June", "F"),
                    ("Mark", "M"), ("Joy", "F"), ("Art", "M"), ("Summer", "F"), ("Faith", "F"),
                    ("Chase", "M")]
# Surnames shared with public/historical figures and education authors that appear in
# the no-PII comments.
PUBLIC_SURNAMES = ["King", "Parks", "Washington", "Robinson", "Bridges", "Reynolds",
                   "Hammond", "Danielson", "Lincoln", "Carver"]
# Romanized Arabic / Somali names (Faker's ar_AA only gives Arabic script).
ROMANIZED_ARABIC = [("Amina", "Farah", "F"), ("Abdirahman", "Hassan", "M"),
                    ("Layla", "Haddad", "F"), ("Omar", "Al-Khatib", "M"), ("Hamza", "Osman", "M")]

ROLES = (["classroom teacher"] * 40 + ["ELA teacher", "math teacher", "science teacher",
          "SPED teacher", "ESL teacher", "music teacher", "art teacher", "PE teacher",
          "kindergarten teacher", "3rd grade teacher", "5th grade teacher"] * 2
         + ["principal"] * 8 + ["assistant principal"] * 6 + ["instructional coach"] * 10
         + ["counselor"] * 5 + ["paraprofessional"] * 5 + ["librarian"] * 2
         + ["district coordinator"] * 3 + ["superintendent"] + ["parent liaison"] * 3
         + ["athletic coach"] * 2 + ["school nurse"] * 2)

SAINTS = ["Joseph", "Mary", "Francis", "Patrick", "Anne", "Thomas", "Jude", "Catherine",
          "Elizabeth Seton", "Rose of Lima", "Michael", "Agnes", "Peter", "Clare"]
FAMOUS_SCHOOL_NAMES = ["Lincoln", "Washington", "Jefferson", "Roosevelt", "Martin Luther King Jr.",
                       "Franklin", "Kennedy", "Cesar Chavez", "Frederick Douglass",
                       "Harriet Tubman", "Rosa Parks", "Sojourner Truth", "Carver"]
NATURE = ["Oak Hill", "Cedar Ridge", "Riverbend", "Sunnyside", "Maple Grove", "Pine Valley",
          "Eagle Crest", "Willow Creek", "Lakeview", "Prairie View", "Stony Brook", "Mesa Verde"]


class Names:
    """Faker instances for several locales; every call goes through a seeded Faker."""

    LOCALES = ["en_US", "es_MX", "vi_VN", "en_IN", "hi_IN", "ar_AA", "zh_CN", "fr_FR", "pl_PL",
               "ja_JP"]

    def __init__(self, seed: int):
        self.f = {}
        for i, loc in enumerate(self.LOCALES):
            fk = Faker(loc)
            fk.seed_instance(seed * 1000 + i)
            self.f[loc] = fk
        self.us = self.f["en_US"]

    def person(self, loc: str, gender: str) -> tuple[str, str]:
        fk = self.f[loc]
        if loc == "zh_CN":
            first = fk.first_romanized_name()
            last = fk.last_romanized_name()
        elif loc == "ja_JP":
            first = fk.first_romanized_name()
            last = fk.last_romanized_name()
        else:
            # vi_VN's plain first_name() is broken (returns John/Jane): use gendered ones.
            first = fk.first_name_female() if gender == "F" else fk.first_name_male()
            last = fk.last_name()
        return first, last


def school_kind_words(kind: str) -> tuple[str, str, str]:
    """(long suffix, short suffix, abbr letters) for a school type."""
    return {
        "elem": ("Elementary School", "Elementary", "ES"),
        "elem2": ("Elementary", "Elem.", "E"),
        "middle": ("Middle School", "Middle", "MS"),
        "high": ("High School", "High", "HS"),
        "academy": ("Academy", "Academy", "A"),
        "k8": ("K-8", "K-8", "K8"),
        "k8b": ("K-8 School", "K-8", "K8"),
        "elc": ("Early Learning Center", "ELC", "ELC"),
        "alt": ("Alternative High School", "Alternative", "AHS"),
        "charter": ("Charter School", "Charter", "CS"),
        "prep": ("Preparatory Academy", "Prep", "PA"),
        "stem": ("STEM Academy", "STEM", "SA"),
    }[kind]


def initials(words: str) -> str:
    return "".join(w[0].upper() for w in re.findall(r"[A-Za-z][A-Za-z'.]*", words)
                   if w[0].isalpha() and w.lower() not in ("of", "jr.", "jr"))


def make_school(rng: random.Random, names: Names, surname_pool: list[str], force: str | None = None) -> dict:
    us = names.us
    r = rng.random()
    if force == "saint" or (force is None and r < 0.10):
        saint = rng.choice(SAINTS)
        pre = rng.choice(["Saint", "St."])
        suf = rng.choice(["Catholic School", "School", "Academy", "Parish School"])
        name = f"{pre} {saint} {suf}"
        short = f"{pre} {saint}"
        abbr = "S" + initials(saint) + initials(suf)
        if suf == "School":
            abbr = "S" + initials(saint)
        return {"name": name, "short": short, "abbr": abbr, "type": "saint"}
    if force:
        r = rng.random()
    if r < 0.30:
        base = rng.choice(FAMOUS_SCHOOL_NAMES)
    elif r < 0.55:
        base = rng.choice(surname_pool) if surname_pool and rng.random() < 0.5 else us.last_name()
    elif r < 0.75:
        base = us.city()
    else:
        base = rng.choice(NATURE)
    kind = force or rng.choice(["elem", "elem", "elem2", "middle", "middle", "high", "high", "academy",
                                "k8", "k8b", "elc", "alt", "charter", "prep", "stem"])
    lng, sht, ab = school_kind_words(kind)
    name = f"{base} {lng}"
    short_base = base.replace("Martin Luther King Jr.", "MLK").replace("Frederick ", "").replace(
        "Cesar ", "").replace("Harriet ", "").replace("Rosa ", "").replace("Sojourner ", "")
    short = rng.choice([short_base, f"{short_base} {sht}"])
    abbr = (initials(fold(base)) if "King" not in base else "MLK") + ab
    return {"name": name, "short": short, "abbr": abbr, "type": kind}


def make_district(rng: random.Random, names: Names) -> dict:
    us = names.us
    city = us.city()
    pattern = rng.choice(["usd", "county", "isd", "asd", "ps", "csd"])
    if pattern == "usd":
        name, short, abbr = f"{city} Unified School District", f"{city} Unified", initials(city) + "USD"
    elif pattern == "county":
        county = us.last_name()
        city = f"{county} County"
        name, short, abbr = f"{county} County Public Schools", f"{county} County Schools", initials(county) + "CPS"
    elif pattern == "isd":
        name, short, abbr = f"{city} Independent School District", f"{city} ISD", initials(city) + "ISD"
    elif pattern == "asd":
        name, short, abbr = f"{city} Area School District", f"{city} Area Schools", initials(city) + "ASD"
    elif pattern == "ps":
        name, short, abbr = f"{city} Public Schools", f"{city} Public", initials(city) + "PS"
    else:
        no = rng.randint(2, 99)
        name, short, abbr = (f"{city} Community School District {no}", f"{city} CSD {no}",
                             f"District {no}")
    return {"name": name, "short": short, "abbr": abbr, "city": city}


def email_local(first: str, last: str, rng: random.Random) -> str:
    f, l = slug(first), slug(last)
    if not f or not l:
        return ""
    return rng.choice([f"{f}.{l}", f"{f[0]}{l}", f"{f}{l[0]}", f"{f}_{l}", f"{f}.{l}{rng.randint(1, 9)}",
                       f"{l}{f[0]}", f"{f[0]}.{l}"])


def build_roster(rng: random.Random, names: Names) -> dict:
    us = names.us
    plan = (["en_US"] * 70 + ["es_MX"] * 16 + ["vi_VN"] * 8 + ["en_IN"] * 8 + ["zh_CN"] * 3
            + ["ja_JP"] * 1 + ["ar_AA"] * 3 + ["hi_IN"] * 2 + ["fr_FR"] * 2 + ["pl_PL"] * 2
            + ["romanized_ar"] * 5)
    assert len(plan) == 120
    rng.shuffle(plan)
    people = []
    seen = set()
    word_names = list(WORD_FIRST_NAMES)
    public_last = list(PUBLIC_SURNAMES)
    rom = list(ROMANIZED_ARABIC)
    for i, loc in enumerate(plan):
        gender = rng.choice("FM")
        while True:
            if loc == "romanized_ar":
                first, last, gender = rom.pop()
            else:
                first, last = names.person(loc, gender)
            if loc == "en_US" and word_names and rng.random() < 0.16:
                first, gender = word_names.pop()
            if loc == "en_US" and public_last and rng.random() < 0.16:
                last = public_last.pop()
            if loc in ("en_US", "es_MX") and rng.random() < 0.06:
                last = f"{last}-{names.f[loc].last_name()}"
            if (first, last) not in seen:
                break
        seen.add((first, last))
        p = {"id": f"R{i + 1:03d}", "first": first, "last": last, "gender": gender,
             "locale": "ar (romanized, not Faker)" if loc == "romanized_ar" else loc}
        fa, la = fold(first), fold(last)
        p["first_ascii"] = fa if fa != first else None
        p["last_ascii"] = la if la != last else None
        nick = None
        if first in NICKNAMES and rng.random() < 0.7:
            nick = rng.choice(NICKNAMES[first])
        elif is_latin(last) and rng.random() < 0.15:
            nick = rng.choice(["Mr.", "Coach"] if gender == "M" else ["Ms.", "Mrs."]) + " " + fold(last)[0]
        p["nickname"] = nick
        local = email_local(first, last, rng) if is_latin(first + last) else us.user_name()
        p["email"] = f"{local}@{rng.choice(['example.org', 'example.com', 'example.net'])}"
        p["phone"] = f"{us.numerify('%##')}-555-01{i % 100:02d}"
        p["role"] = rng.choice(ROLES)
        people.append(p)
    # schools: some are named after roster surnames (Ms. Ramirez works near Ramirez Elementary)
    surname_pool = [p["last"] for p in people if p["locale"] in ("en_US", "es_MX") and "-" not in p["last"]]
    schools, seen_s = [], set()
    # every school word occurs at least once on the roster
    forced = ["saint", "elc", "k8", "alt", "charter", "academy", "prep", "middle", "high", "elem", "elem2"]
    while len(schools) < 25:
        s = make_school(rng, names, surname_pool, forced[len(schools)] if len(schools) < len(forced) else None)
        if s["name"] not in seen_s and s["short"] not in {x["short"] for x in schools}:
            seen_s.add(s["name"])
            schools.append(s)
    districts, seen_d = [], set()
    while len(districts) < 6:
        d = make_district(rng, names)
        if d["city"] not in seen_d:
            seen_d.add(d["city"])
            districts.append(d)
    for i, s in enumerate(schools):
        s["district"] = districts[i % 6]["name"]
    for p in people:
        s = rng.choice(schools)
        p["school"] = s["name"]
        p["district"] = s["district"]
        if p["role"] in ("district coordinator", "superintendent"):
            p["school"] = None
    return {"people": people, "schools": schools, "districts": districts}


# ---------------------------------------------------------------------------
# surface forms of entities (each returns a list of (text, kind-or-None) segments)
# ---------------------------------------------------------------------------

class Entities:
    def __init__(self, rng: random.Random, names: Names, roster: dict):
        self.rng = rng
        self.names = names
        self.us = names.us
        self.roster = roster
        self.by_school = {}
        for p in roster["people"]:
            self.by_school.setdefault(p["school"], []).append(p)

    # --- people -----------------------------------------------------------
    def outside_person(self) -> dict:
        rng = self.rng
        loc = rng.choices(["en_US", "es_MX", "vi_VN", "en_IN", "zh_CN", "fr_FR", "pl_PL", "ar_AA"],
                          [60, 18, 6, 6, 3, 2, 2, 1])[0]
        g = rng.choice("FM")
        first, last = self.names.person(loc, g)
        local = email_local(first, last, rng) if is_latin(first + last) else self.us.user_name()
        return {"first": first, "last": last, "gender": g, "locale": loc,
                "first_ascii": fold(first) if fold(first) != first else None,
                "last_ascii": fold(last) if fold(last) != last else None,
                "nickname": None, "role": rng.choice(ROLES),
                "email": f"{local}@{rng.choice(['example.org', 'example.com', 'example.net'])}",
                "phone": self.us.numerify("%##-%##-####"), "outside": True}

    def student(self) -> dict:
        rng = self.rng
        loc = rng.choices(["en_US", "es_MX", "vi_VN", "en_IN", "ar_rom"], [60, 25, 7, 5, 3])[0]
        g = rng.choice("FM")
        if loc == "ar_rom":
            first, last, g = rng.choice(ROMANIZED_ARABIC)
            first = rng.choice(["Yusuf", "Fatima", "Ayaan", "Maryam", "Khalid", "Nour", first])
        else:
            first, last = self.names.person(loc, g)
        return {"first": first, "last": last, "gender": g, "locale": loc,
                "first_ascii": fold(first) if fold(first) != first else None,
                "last_ascii": fold(last) if fold(last) != last else None,
                "nickname": None, "role": "student", "student": True}

    def _nm(self, p: dict, which: str) -> str:
        v = p[which]
        if p.get(which + "_ascii") and self.rng.random() < 0.45:
            v = p[which + "_ascii"]
        if self.rng.random() < 0.015 and len(v) > 4 and is_latin(v):
            i = self.rng.randrange(1, len(v) - 2)
            v = v[:i] + v[i + 1] + v[i] + v[i + 2:]  # a typo inside the name
        return v

    def title(self, p: dict) -> str:
        rng = self.rng
        role = p.get("role", "")
        g = p.get("gender", "F")
        gen = (["Mr.", "Mr.", "Mr.", "Mr"] if g == "M" else ["Ms.", "Ms.", "Mrs.", "Ms", "Miss", "Mrs"])
        if p.get("locale") == "es_MX" and rng.random() < 0.12:
            return rng.choice(["Sr.", "Profe"] if g == "M" else ["Sra.", "Maestra", "Profe"])
        if role == "principal":
            return rng.choice(["Principal", "Principal", "Dr."] + gen)
        if role == "superintendent":
            return rng.choice(["Superintendent", "Dr.", "Dr."])
        if role in ("instructional coach", "athletic coach"):
            return rng.choice(["Coach", "Coach"] + gen)
        if role == "assistant principal":
            return rng.choice(["AP", "Dr."] + gen)
        r = rng.random()
        if r < 0.05:
            return "Dr."
        if r < 0.07:
            return "Mx."
        return rng.choice(gen)

    def person(self, p: dict, form: str) -> list:
        rng = self.rng
        student = p.get("student")
        if form == "any":
            if student:
                form = rng.choices(["first", "fl", "full"], [70, 20, 10])[0]
            else:
                form = rng.choices(["full", "first", "tlast", "tfull", "nick", "init", "fl", "last", "lower"],
                                   [22, 18, 28, 5, 8, 4, 5, 4, 6])[0]
        if form == "nick" and not p.get("nickname"):
            form = "first"
        if form in ("init",) and not (is_latin(p["first"]) and is_latin(p["last"])):
            form = "full"
        first, last = self._nm(p, "first"), self._nm(p, "last")
        if form == "full":
            s = f"{first} {last}"
            if rng.random() < 0.06 and is_latin(first):
                s = f"{first} {rng.choice(string.ascii_uppercase)}. {last}"
        elif form == "first":
            s = first
        elif form == "last":
            s = last
        elif form == "tlast":
            s = f"{self.title(p)} {last}"
        elif form == "tfull":
            s = f"{self.title(p)} {first} {last}"
        elif form == "nick":
            s = p["nickname"]
        elif form == "init":
            a, b = fold(p["first"])[0].upper(), fold(p["last"])[0].upper()
            s = rng.choice([f"{a}.{b}.", f"{a}{b}", f"{a}. {b}.", f"{a}.{b}"])
        elif form == "fl":
            s = f"{first} {fold(last)[0]}" + rng.choice([".", ".", ""])
        elif form == "lf":
            s = f"{last}, {first}"
        elif form == "lower":
            s = rng.choice([f"{first} {last}", first, f"{self.title(p)} {last}"]).lower()
        else:
            raise ValueError(form)
        return [(s, "person")]

    def possessive(self, p: dict, form: str = "any") -> list:
        segs = self.person(p, form)
        while segs[0][0].endswith(".") and self.rng.random() < 1:  # "J.D.'s" is awkward
            segs = self.person(p, "first")
        name = segs[0][0]
        suffix = "'" if name.endswith("s") and self.rng.random() < 0.6 else self.rng.choice(["'s", "'s", "'s", "’s"])
        return segs + [(suffix, None)]

    # --- e-mail -----------------------------------------------------------
    def email(self, addr: str | None = None) -> list:
        rng = self.rng
        if addr is None:
            addr = self.us.safe_email() if rng.random() < 0.6 else (
                email_local(self.us.first_name(), self.us.last_name(), rng) + "@"
                + rng.choice(["example.org", "example.com", "example.net", "mail.example.org"]))
        local, dom = addr.split("@")
        d1, tld = dom.rsplit(".", 1)
        style = rng.choices(["plain", "plain_caps", "spaced", "paren_at", "bracket", "brace",
                             "mailto", "angle", "words"], [40, 6, 8, 10, 7, 6, 9, 7, 7])[0]
        if style == "plain":
            return [(addr, "email")]
        if style == "plain_caps":
            return [(local[0].upper() + local[1:] + "@" + d1.capitalize() + "." + tld, "email")]
        if style == "spaced":
            return [(f"{local} @ {dom}", "email")]
        if style == "paren_at":
            return [(f"{local} (at) {d1} dot {tld}", "email")]
        if style == "bracket":
            return [(f"{local}[at]{d1}[dot]{tld}", "email")]
        if style == "brace":
            return [(f"{local}{{at}}{dom}", "email")]
        if style == "mailto":
            return [(f"mailto:{addr}", "email")]
        if style == "angle":
            return [("<", None), (addr, "email"), (">", None)]
        return [(f"{local} at {d1} dot {tld}", "email")]

    # --- phone ------------------------------------------------------------
    def phone(self, number: str | None = None) -> list:
        rng = self.rng
        if number is None:
            if rng.random() < 0.35:
                return [(self.us.phone_number(), "phone")]  # Faker's own US formats
            number = self.us.numerify("%##-%##-####")
        a, b, c = number.split("-")
        style = rng.choices(["paren", "dash", "dot", "plain", "plus", "one", "slash", "local",
                             "space", "paren_nospace", "plus_paren"], [18, 18, 8, 4, 5, 4, 6, 14, 6, 5, 3])[0]
        s = {"paren": f"({a}) {b}-{c}", "dash": f"{a}-{b}-{c}", "dot": f"{a}.{b}.{c}",
             "plain": f"{a}{b}{c}", "plus": f"+1 {a} {b} {c}", "one": f"1-{a}-{b}-{c}",
             "slash": f"{a}/{b}-{c}", "local": f"{b}-{c}", "space": f"{a} {b} {c}",
             "paren_nospace": f"({a}){b}-{c}", "plus_paren": f"+1 ({a}) {b}-{c}"}[style]
        if rng.random() < 0.15:
            ext = str(rng.randint(2, 4999))
            s += rng.choice([f" ext. {ext}", f" x{ext}", f" ext {ext}", f" x {ext}", f", ext. {ext}",
                             f" extension {ext}"])
        return [(s, "phone")]

    # --- url --------------------------------------------------------------
    def url(self, p: dict | None = None) -> list:
        rng = self.rng
        alnum = string.ascii_letters + string.digits
        r = lambda k: "".join(rng.choice(alnum) for _ in range(k))  # noqa: E731
        local = slug(p["first"])[:1] + slug(p["last"]) if p and is_latin(p["first"] + p["last"]) else self.us.user_name()
        style = rng.choices(["faker", "faker_path", "bitly", "tiny", "forms", "docs", "sites", "tilde",
                             "calendly", "bare", "padlet"], [12, 10, 12, 6, 8, 10, 10, 6, 6, 14, 6])[0]
        if style == "faker":
            u = self.us.url()
        elif style == "faker_path":
            u = self.us.url().rstrip("/") + rng.choice(["/staff/", "/class/", "/resources/", "/pd/"]) + local
        elif style == "bitly":
            u = rng.choice(["", "https://"]) + "bit.ly/" + r(7)
        elif style == "tiny":
            u = rng.choice(["", "https://"]) + "tinyurl.com/" + rng.choice(["", "y"]) + r(8).lower()
        elif style == "forms":
            u = rng.choice(["https://forms.gle/", "forms.gle/"]) + r(17)
        elif style == "docs":
            u = "https://docs.google.com/" + rng.choice(["document", "presentation", "spreadsheets"]) + "/d/" + r(44) + rng.choice(["/edit", "/edit?usp=sharing", ""])
        elif style == "sites":
            u = rng.choice(["https://", "", "http://"]) + f"sites.google.com/view/{local}-{rng.choice(['class', 'classroom', 'counseling', 'library'])}"
        elif style == "tilde":
            u = rng.choice(["http://", "www."]) + rng.choice(["example.org", "example.net", "example.com"]) + f"/~{local}"
        elif style == "calendly":
            u = rng.choice(["calendly.com/", "https://calendly.com/"]) + local + "/" + rng.choice(["30min", "coaching", "office-hours"])
        elif style == "padlet":
            u = rng.choice(["padlet.com/", "https://padlet.com/"]) + local + "/" + r(12).lower()
        else:
            u = "www." + self.us.domain_name() + rng.choice(["", "/", "/family-night", "/apply", "/pd2024"])
        return [(u, "url")]

    # --- address ----------------------------------------------------------
    _ABBR = {"Street": "St", "Avenue": "Ave", "Drive": "Dr", "Road": "Rd", "Boulevard": "Blvd",
             "Lane": "Ln", "Court": "Ct", "Place": "Pl", "Circle": "Cir", "Parkway": "Pkwy"}

    def address(self) -> list:
        rng = self.rng
        us = self.us
        city, st = us.city(), us.state_abbr(include_territories=False, include_freely_associated_states=False)
        z = us.zipcode_plus4() if rng.random() < 0.12 else us.zipcode()
        if rng.random() < 0.12:
            box = rng.choice(["P.O. Box", "PO Box", "P.O. box", "PO BOX"]) + f" {rng.randint(1, 9999)}"
            sep = rng.choice([", ", "\n"])
            return [(f"{box}{sep}{city}, {st} {z}", "address")]
        street = us.street_address()
        if rng.random() < 0.45:
            for k, v in self._ABBR.items():
                if street.split(" Apt.")[0].split(" Suite")[0].endswith(k) or f" {k} " in street:
                    street = street.replace(k, v + rng.choice(["", "."]))
                    break
        if "Apt." not in street and "Suite" not in street and rng.random() < 0.35:
            street += rng.choice([", ", " "]) + rng.choice([f"Suite {rng.randint(100, 450)}", f"Apt. {rng.randint(1, 12)}{rng.choice('ABCD')}",
                                                            f"Apt {rng.randint(1, 40)}", f"Unit {rng.randint(1, 30)}",
                                                            f"#{rng.randint(2, 25)}", f"Ste. {rng.randint(100, 300)}"])
        form = rng.choices(["full", "nl", "nocomma", "street", "street_city", "zipless"], [45, 15, 10, 14, 10, 6])[0]
        if form == "full":
            s = f"{street}, {city}, {st} {z}"
        elif form == "nl":
            s = f"{street}\n{city}, {st} {z}"
        elif form == "nocomma":
            s = f"{street} {city} {st} {z}"
        elif form == "street":
            s = street
        elif form == "street_city":
            s = f"{street}, {city}"
        else:
            s = f"{street}, {city}, {st}"
        return [(s, "address")]

    # --- schools / districts ---------------------------------------------
    def outside_school(self) -> dict:
        s = make_school(self.rng, self.names, [])
        s["district"] = None
        return s

    def outside_district(self) -> dict:
        return make_district(self.rng, self.names)

    def school(self, s: dict, form: str) -> list:
        rng = self.rng
        if form == "any":
            form = rng.choices(["full", "short", "abbr"], [55, 33, 12])[0]
        s_ = {"full": s["name"], "short": s["short"], "abbr": s["abbr"]}[form]
        if fold(s_) != s_ and rng.random() < 0.45:
            s_ = fold(s_)  # typed without accents
        return [(s_, "school")]

    def district(self, d: dict, form: str) -> list:
        rng = self.rng
        if form == "any":
            form = rng.choices(["full", "short", "abbr", "city"], [50, 25, 15, 10])[0]
        if form == "city":
            # "the Riverside district": only the proper-name part is the span
            return [(d["city"], "district"), (rng.choice([" district", " District", " school district"]), None)]
        return [({"full": d["name"], "short": d["short"], "abbr": d["abbr"]}[form], "district")]


# ---------------------------------------------------------------------------
# fillers that are NOT personal data (hard negatives)
# ---------------------------------------------------------------------------

PUBLIC_FIGURES = [
    "Rosa Parks", "Martin Luther King Jr.", "Dr. Martin Luther King Jr.", "Abraham Lincoln",
    "George Washington", "Cesar Chavez", "Frederick Douglass", "Harriet Tubman", "Ruby Bridges",
    "Maya Angelou", "Amanda Gorman", "Jackie Robinson", "Katherine Johnson", "Sonia Sotomayor",
    "George Washington Carver", "Booker T. Washington", "Thurgood Marshall", "Malala Yousafzai",
    "Sojourner Truth", "Helen Keller", "Benjamin Franklin", "Marie Curie", "Langston Hughes",
    "Billie Jean King", "Carter G. Woodson", "Ida B. Wells", "Dolores Huerta", "John Lewis",
]
AUTHORS = ["Jason Reynolds", "Kwame Alexander", "Mo Willems", "Eric Carle", "Judy Blume",
           "Kate DiCamillo", "Jacqueline Woodson", "R.J. Palacio", "Dr. Seuss", "Beverly Cleary",
           "Gary Paulsen", "Lois Lowry", "Christopher Paul Curtis", "Pam Munoz Ryan"]
EDU_NAMES = ["the Danielson framework", "Marzano's strategies", "Hattie's effect sizes",
             "Zaretta Hammond's book", "Carol Dweck's growth mindset work", "Doug Lemov's Teach Like a Champion",
             "Bloom's taxonomy", "Webb's DOK", "Vygotsky's ZPD", "Fountas & Pinnell levels",
             "the Lucy Calkins units", "Kagan structures", "the Marzano rubric", "Robert Marzano's scales",
             "Piaget", "the Charlotte Danielson rubric"]
PROGRAMS = ["i-Ready", "IXL", "Lexia", "Zearn", "Eureka Math", "Amplify", "Fundations", "Heggerty",
            "Wit & Wisdom", "Illustrative Math", "Read 180", "Newsela", "Seesaw", "Nearpod", "CKLA",
            "Into Reading", "Second Step", "PBIS", "Khan Academy", "Wilson Reading", "Great Minds",
            "Imagine Learning", "Achieve3000", "Reading Plus", "Freckle", "DreamBox", "Open Up Resources"]
MONTHS = ["January", "Feb", "March", "April", "May", "June", "August", "Sept", "October", "Nov", "December"]
SUBJECTS = ["math", "ELA", "science", "social studies", "Spanish", "art", "music", "PE", "SEL",
            "computer science", "band"]
GRADES = ["K", "1st", "2nd", "3rd", "4th", "5th", "6th", "7th", "8th", "9th", "10th", "11th", "12th"]

SELF_DESCRIPTIONS = [
    "the only male kindergarten teacher in the building",
    "the only Spanish-speaking counselor at our school",
    "the music teacher who splits time between {SC1:short} and {SC2:short}",
    "the new assistant principal who came over from the high school in January",
    "the 4th grade team lead who has been here 27 years",
    "the teacher who got hurt during the fire drill in October",
    "the one who filed the grievance about lunch duty last spring",
    "the only Black woman on the admin team",
    "the only teacher in the building who uses a wheelchair",
    "the person who runs both the robotics club and the girls' soccer team",
    "the art teacher (there's only one of us)",
    "the only ESL teacher for all 400 kids",
    "the librarian who got cut to part-time in the budget cuts",
    "the teacher whose classroom flooded in September",
    "the only Vietnamese-speaking para in the district",
    "the 2nd year teacher who was on maternity leave until March",
    "the teacher who won district Teacher of the Year last spring",
    "the sole nurse covering three buildings",
    "the only PE teacher at {SC1:short}",
    "the band director who also drives the activity bus",
    "the science teacher who was out on medical leave most of fall semester",
    "the one who transferred in mid-year after {SC1:full} closed",
    "the only deaf staff member on campus",
    "the counselor who started the LGBTQ+ student group",
    "the first grade teacher retiring this June after 31 years",
    "the person who reported the testing irregularity",
    "the one whose husband sits on the school board",
    "the only teacher with her own kid in her class this year",
    "the only Arabic speaker on staff",
    "the coach who got suspended after the playoff game",
]

# ---------------------------------------------------------------------------
# templates (all written for this corpus). Placeholders:
#   {P1:form}  roster person (80%) or Faker person beyond the roster (20%)
#   {Q1:form}  Faker person beyond the roster (parents, visitors, subs)
#   {S1:form}  student (Faker, never on the roster)
#     forms: any full first last tlast tfull nick init fl lf lower poss email phone url role
#   {E1} e-mail  {PH1} phone  {U1} url  {A1} address
#   {SC1:full|short|abbr|any}  school   {D1:full|short|abbr|city|any}  district
#   {SELF} self-identifying description (sets review=True)
#   non-PII fillers: {PUB} {AUTHOR} {EDU} {PROG} {MONTH} {SUBJ} {GRADE} {DATE} {TIME}
#     {TRANGE} {PCT} {NUM} {ROOM} {YEARS}
# ---------------------------------------------------------------------------

PII_TEMPLATES = [
    # people, praise / critique
    "{P1:tlast} was amazing at the PD on Tuesday. More sessions like that please!",
    "What worked well: co-planning time with {P1:first}. What could be better: we lost half of it to testing.",
    "{P1:full} modeled a number talk in my room and my kids were SO engaged",
    "i think {P1:first} and {P2:first} should lead the next PLC, they know the data way better than the rest of us",
    "Coaching notes - observed {P1:poss} 3rd period. Strong routines, transitions need work. Follow up w/ {P1:first} next week.",
    "Shout out to {P1:nick} for covering my class when my car broke down!!",
    "{P1:tlast} and {P2:tlast} co-taught the ELA block and it was the best part of the year.",
    "honestly the walkthroughs felt like gotchas. {P1:tlast} never gave feedback, just scores",
    "Ask {P1:init} about the schedule, they built it.",
    "{P1:lf} - needs support with small group rotations\n{P2:lf} - ready to mentor",
    "Our new AP, {P1:full}, is turning things around. The hallways are calmer.",
    "I'd like more time to observe veteran teachers like {P1:tlast} and {P2:tlast}.",
    "The coaching cycle with {P1:tfull} was the first PD in years that changed what I do on Monday.",
    "{P1:poss} feedback was specific and kind. {P2:poss} was... less so.",
    "My mentor ({P1:full}) met with me every week even when it wasn't required.",
    "Not sure the program is sustainable once {P1:tlast} retires.",
    "Coach notes {DATE}:\n- {P1:first}: strong questioning, wait time improving\n- {P2:first}: still front-loading too much\n- {P3:first}: absent, reschedule",
    "Had a tough convo with {P1:tlast} about pacing. It went better than I expected tbh",
    "I want to say that {P1:tfull} deserves recognition for organizing literacy night.",
    "The data coach ({P1:nick}) made the dashboards actually readable",
    "{S1:first} went from a level C to a level J this year; reading buddies with {P1:poss} class made the difference",
    "My student {S1:any} finally passed the unit test!! thank you {P1:tlast} for the intervention block",
    "{S1:poss} family moved mid year and we lost the services plan. The handoff process needs fixing.",
    "Parent volunteer {Q1:full} came every Friday and ran the book fair almost by herself",
    "We need someone like {P1:tlast} at every grade level.",
    "Talked with {P1:first} re: co-teaching, {P1:first} wants to keep the same model next year",
    "The long-term sub, {Q1:full}, was great and honestly should be hired",
    "{P1:tlast} needs to stop using PLC time for announcements",
    "Our principal, {P1:full}, protects our planning time. That's the biggest reason I'm staying.",
    "Thanks to {P1:full} and {P2:full} for running the mentoring program this year.",
    "I loved the book study {P1:tlast} organized. {P2:tlast} brought snacks lol",
    "{P1:tlast} -- please stop scheduling observations during lunch duty.",
    "kudos 2 {P1:nick} for all the tech help!!!",
    "The walkthrough team ({P1:init}, {P2:init} and me) saw a lot more student talk in Nov than Sept.",
    "Suggest pairing {P1:first} with {P2:tlast} next year, they'd balance each other out",
    "{P1:tlast} said the grant money would come in Jan, it didn't. Who do we follow up with?",
    "Would like to see {P1:poss} classroom library model spread to the other 2nd grade rooms.",
    "Not a fan of the new schedule. {P1:tlast} tried to explain it but it still makes no sense to me",
    "{P1:first} is the reason I didn't quit in October. seriously.",
    "what worked well? {P1:lower} and the 8th grade team. what could be better? literally everything else",
    "{P1:any} ran the Saturday academy and attendance was better than ever",
    "I don't feel comfortable giving feedback on {P1:tlast} since they evaluate me.",
    "Please don't share this with {P1:tlast}, but the coaching sessions felt like a waste of time.",
    "{P1:first} {P1:last}",
    "Coaching log\nTeacher: {P1:full}\nCoach: {P2:full}\nFocus: checks for understanding\nNext step: cold call w/ whiteboards",
    "Obs. {DATE}, {P1:tlast}, gr. {GRADE}. Lesson objective posted; 14/22 students on task at 10 min mark.",
    "I'm so grateful for {P1:poss} patience with my co-teacher and me.",
    "The best PD this year was the one {Q1:tfull} from the university did on vocabulary",
    "{P1:tlast} (room {ROOM}) and {P2:tlast} (room {ROOM}) are piloting the new science kits",
    "Mentor: {P1:fl} / Mentee: {P2:fl}. Met 9 of 12 times. Good progress on classroom mgmt.",
    "{S1:first} and {S2:first} were fighting all year, {P1:tlast} finally got the counselor involved",
    "{P1:tlast} is the only one who answers emails within a day, thank you!",
    "More admin visibility please. I've seen {P1:tlast} in my room once since August.",
    "{P1:nick} & {P2:nick} = dream team",
    "When {P1:tlast} took over the master schedule everything got better",
    "The family engagement nights run by {P1:full} were packed. Keep funding those.",
    "Our ELL kids need more than 20 min a day with {P1:tlast}, there are 60 of them",
    "Re: the coaching survey, I agree with everything {P1:first} said in the staff meeting.",
    "{P1:tlast} made us feel like professionals instead of compliance checkers.",
    "Could {P1:first} share the small group tracker w/ the rest of the grade level?",
    "we miss {P1:nick}!!! the new coach is fine but it's not the same",
    "Dear program team,\n\nI want to flag that {P1:tfull} went above and beyond this year.\n\nThanks,\n{P2:full}",
    "{P1:full} ({P1:role}) — strong facilitation, needs to tighten time on agendas",
    "{Q1:poss} dad came to every conference, {P1:tlast} set up an interpreter each time",
    # e-mail / phone / url
    "If you have questions about my comments you can reach me at {E1}.",
    "Contact {P1:full} ({P1:email}) for the PD sign-in sheets",
    "pls email {P1:first} at {P1:email}, they have the attendance data",
    "You can reach our coach at {P1:phone} or {P1:email}.",
    "{P1:full}\n{P1:role}\n{P1:phone}\n{P1:email}",
    "--\n{P1:full}\n{P1:role}, {SC1:full}\nCell: {P1:phone}",
    "Call me at {PH1} if you want details, I'm not great with email",
    "the office number on the flyer ({PH1}) is wrong, it rings a fax machine",
    "Families kept calling {PH1} instead of the hotline; maybe print it bigger?",
    "my cell is {PH1}, text anytime after 4",
    "Best way to reach {P1:first} is {P1:phone}. Email goes to spam sometimes.",
    "email me: {E1}  /  phone: {PH1}",
    "I sent the roster to {E1} and {E2} and nobody replied.",
    "Reach out to the parent liaison, {P1:full}, at {P1:phone}",
    "{Q1:full} from the county health dept left their number ({PH1}) for the vision screenings",
    "For the mentoring stipend, contact {P1:email} or call {P1:phone}",
    "Send the observation forms to {P1:email}, NOT the old address",
    "Questions? {E1}",
    "my email changed, it's {P1:email} now (the old one bounces)",
    "{P1:tlast}'s extension is {PH1}",
    "Tutoring coordinator: {Q1:full}, {PH1}, {E1}",
    "Text {PH1} for the bus updates. It works way better than the app.",
    "The number for after-school pickup changes is {PH1}; the front desk is {PH2}.",
    "Fax: {PH1} (does anyone still fax?)",
    "Resources from the session are at {U1}",
    "The sign up form ({U1}) kept crashing on phones.",
    "All slides: {U1} — ask {P1:first} for edit access",
    "{P1:tlast} posts everything on {P1:url}, super helpful",
    "link for families: {U1}\nplease share!",
    "Our class site {U1} has the reading logs if anyone wants to copy the format",
    "the survey link {U1} expired before half of us got to it",
    "I used the choice board from {U1} and the kids loved it",
    "Book a coaching slot here: {P1:url}.",
    "PD recordings ({U1}) should be posted sooner, we waited 3 weeks",
    "Our newsletter is at {U1} and the sign-up sheet is at {U2}",
    # addresses
    "Please mail the stipend check to {A1}.",
    "Family night was at the rec center, {A1}, and parking was a nightmare",
    "Send materials to my home address: {A1}",
    "{P1:full}\n{A1}",
    "We moved the summer program to {A1} because of construction.",
    "{S1:first} lives at {A1} and the bus doesn't stop there anymore",
    "The return address on the envelope was {A1}, not the school.",
    "The district warehouse at {A1} never has what we order.",
    "PD was held at {A1} - way too far from the east side schools",
    "Mailing address for the grant reports:\n{Q1:full}\n{A1}",
    "The new family resource center ({A1}) is a huge win.",
    "can someone update the website? it still lists {A1} as our address",
    # schools / districts
    "{SC1:full} had the best turnaround in {D1:full} this year",
    "Compared to {SC1:short}, our building gets way less coaching support.",
    "I transferred from {SC1:full} to {SC2:full} in January and onboarding was rough",
    "{SC1:abbr} and {SC2:abbr} should share a counselor, they're 2 blocks apart",
    "the {D1:short} PD days are never aligned with ours",
    "{D1:abbr} cut the coaching budget again.",
    "We are the only K-8 in {D1:full} without a full-time nurse.",
    "Our visit to {SC1:full} was eye-opening, their intervention block is 45 min every day",
    "Our team from {SC1:short} presented at the {D1:full} showcase",
    "{SC1:full} ({SC1:abbr}) - year 2 of the grant. Attendance up, suspensions down.",
    "at {SC1:short} we do morning meeting every day and it shows",
    "Would love for {D1:short} to adopt what {SC1:short} is doing with advisory",
    "Kids coming from {SC1:full} were way ahead in math; we should find out why",
    "{P1:tlast} at {SC1:full} is the person to talk to about restorative circles",
    "Everyone in the {D1:city} is talking about the new bell times",
    "{SC1:any} should not have been paired with us for the cohort, our needs are totally different",
    "The {D1:any} data team finally gave us access to the dashboard in March",
    "Moving 6th grade from {SC1:short} to {SC2:short} was rushed.",
    "Our feeder pattern ({SC1:abbr} -> {SC2:abbr} -> {SC3:abbr}) needs a shared literacy plan",
    "{D1:full} / {SC1:full} / Year 3 summary: mostly positive, coaching capacity is the issue",
    "I coached at {SC1:short} for 5 years before coming here and the culture here is much stronger",
    "When {D1:abbr} merged the two high schools, {SC1:full} lost most of its electives",
    "{D1:full} needs to fix the sub shortage before anything else.",
    "the {D1:city} keeps adding initiatives and never takes any away",
    "I moved here from {D1:any} and the coaching model there was much more structured.",
    "{D1:abbr} PD calendar came out two weeks after school started. Again.",
    "Coaches in {D1:short} should not also be testing coordinators.",
    "Shared services between {D1:short} and {D2:short} (transportation, nursing) helped a lot.",
    "Can {D1:any} please stop changing the curriculum every 2 years?",
    "Our partnership with {D1:full} and the county library got 300 kids library cards",
    # mixed
    "{P1:full}, {P1:role} at {SC1:full}, {D1:full}. Phone {P1:phone}, email {P1:email}.",
    "Notes from site visit — {SC1:full}, {A1}. Met w/ {P1:tfull} and {P2:full}.",
    "Hi, I'm {P1:full} from {SC1:short}. Happy to talk more: {P1:email}",
    "Site: {SC1:full}\nAddress: {A1}\nContact: {P1:tfull}, {P1:phone}\nNotes: strong PLC culture, weak data use",
    "{D1:short} contact for the grant is {Q1:full} ({E1}, {PH1}); the application is at {U1}",
    "{P1:tlast} from {SC1:short} shared their unit plans at {U1}, definitely worth a look",
    "Book study RSVP to {P1:first} ({P1:email}) by {DATE}. We meet at {A1}.",
    "The new {SC1:abbr} principal, {P1:full}, reached out before the year started. Great first impression.",
    "Coach {P1:last} at {SC1:full} runs the best PLCs in {D1:full}.",
    "{S1:first} ({GRADE} grade, {SC1:short}) needs a translator for conferences - mom only speaks Spanish. Her number is {PH1}.",
]

# self-identifying descriptions; {SELF} is a noun phrase from SELF_DESCRIPTIONS
SELF_TEMPLATES = [
    "As {SELF}, I felt completely left out of the planning.",
    "Speaking as {SELF}: the new schedule doesn't work for us.",
    "I'm {SELF} so take this with a grain of salt, but the PD was not for me.",
    "({SELF} here) Nobody asked what I needed this year.",
    "being {SELF} means I get pulled into every meeting and never get my planning time",
    "I'm probably easy to spot since I'm {SELF}, but I have to say the coaching was uneven.",
    "As {SELF} I have mixed feelings about the program. {P1:tlast} was supportive, others were not.",
    "You'll know who this is - {SELF}. Please fix the sub system.",
    "{SELF_SENT}",
    "{SELF_SENT} Otherwise the year went fine.",
    "What could be better: {SELF_SENT}",
    "I know I'm {SELF}, so this probably isn't anonymous. Still: {P1:tlast} should not be leading PD.",
    "As {SELF}, I'd love if {D1:short} paid attention to staff like me.",
]
SELF_SENTENCES = [
    "I was the teacher who got moved to the portable in week 3, so I missed all the PD.",
    "Since I'm the only bilingual SPED teacher, I get pulled for every IEP meeting in Spanish.",
    "I'm the counselor who filed the complaint in March and I still haven't heard back.",
    "I was the only new hire in the science department this year and nobody assigned me a mentor.",
    "I'm the AP who covered both buildings while the principal was on leave, and it nearly broke me.",
    "I'm the teacher whose evaluation got redone after the union got involved.",
    "As the only male para in the K wing, I get every bathroom and recess duty.",
    "I'm the one who went out on medical leave in November, and coming back was really hard.",
]

NOPII_TEMPLATES = [
    # public figures / authors / frameworks that share names with roster people and schools
    "We read a biography of {PUB} and the kids made timelines; the {PROG} lessons tied in nicely.",
    "{EDU} is too long for a 15 minute walkthrough.",
    "Will there be PD on {PROG} before {MONTH}?",
    "Hope we get more planning time next year. Grace periods for late work would help too.",
    "Mark your calendars: data day is {DATE}, {TRANGE}.",
    "Summer school enrollment was {NUM} kids, up from last year.",
    "Art and music got cut to 30 minutes, which hurts the kids who need it most.",
    "June is too late for the end-of-year survey; do it in May.",
    "Scores went from {PCT} to {PCT} in grades {YEARS}",
    "Meetings @ 7:15 are too early for those of us with kids in daycare",
    "Room {ROOM} is still too hot, the AC has been broken since {DATE}",
    "We did a Ruby Bridges unit for Black History Month and the kids wrote letters. Very powerful.",
    "Khan Academy worked well for intervention; the academy model for 9th grade less so.",
    "Dr. Seuss week was fun but we need more diverse authors",
    "MLK Day service project was the highlight of the year!",
    "Field trip to Washington, D.C. in April. The Lincoln Memorial at night was the best part.",
    "The lexile bands (550-800) don't line up with the F&P levels. very confusing",
    "ISBN 978-0-06-112008-4 is the edition we need, the library has the old one",
    "Bell schedule: 8:05-8:55, 9:00-9:50, 9:55-10:45. Passing periods are too tight.",
    "Our growth target was 3-5% and we hit 4.2%",
    "Budget line 101-2200-555 was frozen in Feb, so no subs for PD.",
    "Session 2 of 6 on 10/12 and session 3 on 11/9 both conflicted with conferences",
    "Grades 6-8 had 1,214 referrals; 9-12 had 2,010. That should be the focus.",
    "Frank conversations about equity were the best part of the PD series.",
    "{AUTHOR} books fly off the shelf, we need more copies",
    "We used Bloom's taxonomy question stems and Webb's DOK, both helped",
    "Vygotsky and Piaget came up in every PD session. Can we get something practical?",
    "The Lincoln-Douglas debate unit was a hit with 10th grade.",
    "St. Patrick's Day assembly ran 40 minutes over.",
    "Jackie Robinson Day: the PE department did a great job",
    "Amanda Gorman's poem got the seniors talking about voice and audience.",
    "The Kennedy Space Center virtual tour was great; maybe Cape Canaveral in person next year?",
    "our school needs more counselors. period.",
    "What could be better: communication. We found out about the schedule change the morning of.",
    "The unified arts block works well on A days but not B days",
    "Title I funds paid for 2 interventionists - keep that!!",
    "coaching cycles of 6 weeks felt too short, 8-10 would be better",
    "Call me old fashioned but paper exit tickets > Google Forms.",
    "exit_ticket_v3.docx is the latest version, not v2. Please stop using the old one.",
    "Email was the worst way to share updates. Put it on the shared calendar.",
    "Phone calls home worked better than texts for most of our families",
    "The district office never responds in under a week.",
    "The state test window is 4/14-5/2 and overlaps with AP exams.",
    "Teachers in grades K-2 need their own PLC time.",
    "We had 3 fire drills, 2 lockdown drills and 1 real evacuation in the first 6 weeks",
    "Ratio was 1:28 in most classes, 1:12 in the co-taught ones.",
    "More time for joy in the classroom. The kids are burnt out and so are we.",
    "Faith-based partners ran the food pantry on Fridays and it worked well",
    "The Rosa Parks reenactment got cancelled because of the assembly :(",
    "George Washington Carver lab day - the peanut experiment was messy but fun",
    "We teach Harriet Tubman's story in 4th grade social studies, but the texts are too hard.",
    "Mo Willems and Kevin Henkes books are a hit in K",
    "The Wilson Reading program (Fundations in K-2) had the biggest gains.",
    "{PROG} every morning, 10-12 min. Worth it.",
    "I would like more PD on co-teaching models.",
    "Sub coverage was a constant problem. On 12 days we had 5+ teachers out.",
    "Chase the data less, talk to kids more.",
    "Grant writing support would help, we missed the Oct 15 deadline.",
    "Please don't schedule PD the Friday before spring break again",
    "Parent-teacher conferences {TRANGE} two nights in a row is brutal",
    "Our attendance rate went 88.4 -> 91.7. The texting system helped a lot.",
    "Bus 14 and bus 22 were late every day in Sept.",
    "Extension 2 of the unit (the optional project) was the best part.",
    "The Carver unit and the King unit should be taught together, not months apart.",
    "Washington state standards were used for the science kits, not ours, so we had to adapt everything.",
    "The academy period is wasted time. Kids just sit on chromebooks.",
    "Early learning is where the money should go. Pre-K slots filled in 2 days.",
    "Alternative assessments (portfolios, oral exams) were a great option for my ELL students.",
    "charter renewal talk distracted everyone in the spring",
    "I'm a {GRADE} grade teacher and the pacing guide is unrealistic.",
    "As a first-year teacher I felt supported by my team, but the paperwork was overwhelming.",
    "As one of many new hires this year, the onboarding week was actually helpful.",
    "Like most of the {SUBJ} teachers, I had 5 preps this year. That's too many.",
    "many of us in the upper grades feel like the coaching is aimed at K-2",
    "{SUBJ} PLCs on {DATE} at {TIME} were productive; the {MONTH} one got cancelled.",
    "pd on 3/4 was great, pd on 4/3 was not lol",
    "The 2023-24 and 2024-25 data are not comparable, the test changed.",
    "We need 555 more chromebooks for 1:1, the order has been pending since {MONTH}.",
    "Report card comments are due {DATE} by {TIME}. That is way too soon after the window closes.",
    "Standard 8.EE.A.2 took 3 weeks instead of 1. The pacing guide needs to be revisited.",
    "Tech ticket #24-5550 has been open since August. Projector still broken.",
    "Our ELA scores: 2022 - 31%, 2023 - 38%, 2024 - 44%. Slow but steady!",
    "Can we get a grace period on lesson plan submission? Sunday at 11:59 pm is harsh.",
    "the PD was on {MONTH} 4 from 1:00-3:30 and we lost a whole afternoon of instruction",
    "Victory garden project: 5th graders grew 40 lbs of tomatoes",
    "I will say the new walkthrough tool is better than the old one.",
    "Rich discussions in PLCs this year, especially around student work.",
    "May testing took 11 school days out of instruction.",
    "Honestly? It was a good year. Thank you to everyone on the team.",
    "Can the survey be shorter? 40 questions is a lot @ the end of a long day",
    "Grades 3-5 need a writing curriculum, we've been piecing it together from TPT since 2019.",
    "the Saturday school model was great for credit recovery (62 of 75 kids passed)",
    "Our team used {EDU} for the book study; {PROG} for the kids. both worked.",
    "Less compliance, more coaching. That's it, that's the comment.",
    "I appreciated the Marzano-based feedback, even though the rubric is long.",
    "Read-alouds of {AUTHOR} and {AUTHOR} got even my reluctant readers hooked.",
]

# ---------------------------------------------------------------------------
# rendering
# ---------------------------------------------------------------------------

PH_RE = re.compile(r"\{([A-Z]+)(\d*)(?::([a-z_]+))?\}")


class Builder:
    def __init__(self, rng: random.Random, lower: bool, typos: bool):
        self.rng = rng
        self.lower = lower
        self.typos = typos
        self.parts: list[str] = []
        self.n = 0
        self.spans: list[dict] = []

    def _typo(self, s: str) -> str:
        rng = self.rng

        def one(m):
            w = m.group(0)
            if len(w) < 4 or rng.random() > 0.03:
                return w
            i = rng.randrange(1, len(w) - 1)
            k = rng.random()
            if k < 0.4:
                return w[:i] + w[i + 1] + w[i] + w[i + 2:]
            if k < 0.7:
                return w[:i] + w[i + 1:]
            return w[:i] + w[i] + w[i:]
        s = re.sub(r"[A-Za-z]+", one, s)
        s = re.sub(r"\b(dont|doesnt|didnt|cant|wont|Im|isnt|thats)\b", lambda m: m.group(0), s)
        if rng.random() < 0.3:
            s = s.replace("n't", "nt").replace("I'm", "Im")
        return s

    def lit(self, s: str) -> None:
        if not s:
            return
        if self.typos:
            s = self._typo(s)
        if self.lower:
            s = s.lower()
        self.parts.append(s)
        self.n += len(s)

    def ent(self, s: str, kind: str) -> None:
        if self.lower:
            s = s.lower()
        start = self.n
        self.parts.append(s)
        self.n += len(s)
        self.spans.append({"start": start, "end": self.n, "kind": kind, "_inserted": s})

    def segs(self, segs: list) -> None:
        for s, k in segs:
            if k is None:
                self.lit(s)
            else:
                self.ent(s, k)

    def text(self) -> str:
        return "".join(self.parts)


class Renderer:
    def __init__(self, rng: random.Random, ents: Entities, roster: dict):
        self.rng = rng
        self.e = ents
        self.roster = roster

    def new_ctx(self) -> dict:
        return {"P": {}, "Q": {}, "S": {}, "SC": {}, "D": {}, "E": {}, "PH": {}, "U": {}, "A": {},
                "review": False}

    def _person(self, ctx, kind, idx):
        table = ctx[kind]
        if idx not in table:
            used = {id(v) for t in ("P", "Q", "S") for v in ctx[t].values()}
            while True:
                if kind == "P":
                    if self.rng.random() < 0.8:
                        # prefer a colleague of an already chosen school when there is one
                        sc = next(iter(ctx["SC"].values()), None)
                        pool = self.e.by_school.get(sc["name"]) if sc else None
                        cand = self.rng.choice(pool if pool and self.rng.random() < 0.5 else self.roster["people"])
                    else:
                        cand = self.e.outside_person()
                elif kind == "Q":
                    cand = self.e.outside_person()
                else:
                    cand = self.e.student()
                if id(cand) not in used:
                    break
            table[idx] = cand
        return table[idx]

    def _school(self, ctx, idx):
        if idx not in ctx["SC"]:
            used = [v["name"] for v in ctx["SC"].values()]
            while True:
                if self.rng.random() < 0.85:
                    # the school of an already chosen person, sometimes
                    p = next(iter(ctx["P"].values()), None)
                    if p and p.get("school") and not used and self.rng.random() < 0.5:
                        s = next(x for x in self.roster["schools"] if x["name"] == p["school"])
                    else:
                        s = self.rng.choice(self.roster["schools"])
                else:
                    s = self.e.outside_school()
                if s["name"] not in used:
                    break
            ctx["SC"][idx] = s
        return ctx["SC"][idx]

    def _district(self, ctx, idx):
        if idx not in ctx["D"]:
            used = [v["name"] for v in ctx["D"].values()]
            while True:
                if self.rng.random() < 0.9:
                    sc = next(iter(ctx["SC"].values()), None)
                    if sc and sc.get("district") and self.rng.random() < 0.6:
                        d = next(x for x in self.roster["districts"] if x["name"] == sc["district"])
                    else:
                        d = self.rng.choice(self.roster["districts"])
                else:
                    d = self.e.outside_district()
                if d["name"] not in used:
                    break
            ctx["D"][idx] = d
        return ctx["D"][idx]

    def filler(self, name: str) -> str:
        rng = self.rng
        if name == "PUB":
            return rng.choice(PUBLIC_FIGURES)
        if name == "AUTHOR":
            return rng.choice(AUTHORS)
        if name == "EDU":
            return rng.choice(EDU_NAMES)
        if name == "PROG":
            return rng.choice(PROGRAMS)
        if name == "MONTH":
            return rng.choice(MONTHS)
        if name == "SUBJ":
            return rng.choice(SUBJECTS)
        if name == "GRADE":
            return rng.choice(GRADES)
        if name == "DATE":
            m, d = rng.randint(1, 12), rng.randint(1, 28)
            return rng.choice([f"{m}/{d}", f"{m}/{d}/{rng.choice([2023, 2024, 2025])}", f"{m}/{d}/{rng.choice([23, 24, 25])}",
                               f"{rng.choice(MONTHS)} {d}", f"{rng.choice(MONTHS)} {d}th", f"2024-{m:02d}-{d:02d}"])
        if name == "TIME":
            return rng.choice(["7:15", "7:45 am", "3:30pm", "4:15", "12:40", "8 a.m.", "noon", "2:55 PM"])
        if name == "TRANGE":
            h = rng.randint(1, 7)
            return rng.choice([f"{h}:00-{h + 2}:30", f"{h}:30 - {h + 3}:00 pm", f"{h}-{h + 3}pm", f"{h}:15-{h + 1}:45"])
        if name == "PCT":
            return f"{rng.randint(12, 88)}{rng.choice(['', '.5', '.2'])}%"
        if name == "NUM":
            return str(rng.choice([rng.randint(40, 555), rng.randint(1000, 1999)]))
        if name == "ROOM":
            return rng.choice([str(rng.randint(100, 299)), f"{rng.randint(1, 2)}0{rng.randint(1, 9)}B", f"{rng.randint(100, 250)}-{rng.randint(251, 299)}"])
        if name == "YEARS":
            a = rng.randint(3, 9)
            return rng.choice([f"{a}-{a + 2}", f"{a} through {a + 2}", f"K-{a - 1}"])
        raise KeyError(name)

    def render(self, tpl: str, b: Builder, ctx: dict) -> None:
        pos = 0
        for m in PH_RE.finditer(tpl):
            b.lit(tpl[pos:m.start()])
            pos = m.end()
            kind, idx, form = m.group(1), m.group(2) or "1", m.group(3) or "any"
            if kind in ("P", "Q", "S"):
                p = self._person(ctx, kind, idx)
                if form == "poss":
                    b.segs(self.e.possessive(p))
                elif form == "email":
                    b.segs(self.e.email(p["email"]))
                elif form == "phone":
                    b.segs(self.e.phone(p["phone"]))
                elif form == "url":
                    b.segs(self.e.url(p))
                elif form == "role":
                    b.lit(p["role"])
                else:
                    b.segs(self.e.person(p, form))
            elif kind == "E":
                if idx not in ctx["E"]:
                    ctx["E"][idx] = self.e.email()
                b.segs(ctx["E"][idx])
            elif kind == "PH":
                if idx not in ctx["PH"]:
                    ctx["PH"][idx] = self.e.phone()
                b.segs(ctx["PH"][idx])
            elif kind == "U":
                if idx not in ctx["U"]:
                    ctx["U"][idx] = self.e.url()
                b.segs(ctx["U"][idx])
            elif kind == "A":
                if idx not in ctx["A"]:
                    ctx["A"][idx] = self.e.address()
                b.segs(ctx["A"][idx])
            elif kind == "SC":
                b.segs(self.e.school(self._school(ctx, idx), form))
            elif kind == "D":
                b.segs(self.e.district(self._district(ctx, idx), form))
            elif kind == "SELF":
                ctx["review"] = True
                self.render(self.rng.choice(SELF_DESCRIPTIONS), b, ctx)
            elif kind == "SELFSENT":
                ctx["review"] = True
                self.render(self.rng.choice(SELF_SENTENCES), b, ctx)
            else:
                b.lit(self.filler(kind))
        b.lit(tpl[pos:])


def fix_self_sent(t: str) -> str:
    return t.replace("{SELF_SENT}", "{SELFSENT}")


SELF_TEMPLATES = [fix_self_sent(t) for t in SELF_TEMPLATES]


CONTACT_TEMPLATES = [t for t in PII_TEMPLATES if re.search(r"\{(E|PH|U|A)\d|:(email|phone|url)\}", t)]


def pick_pii(rng: random.Random) -> str:
    """Contact-type templates (e-mail, phone, url, address) are drawn more often than their share."""
    return rng.choice(CONTACT_TEMPLATES if rng.random() < 0.45 else PII_TEMPLATES)


def make_comment(rng: random.Random, r: Renderer, i: int) -> dict:
    lower = rng.random() < 0.10
    typos = rng.random() < 0.30
    b = Builder(rng, lower, typos)
    ctx = r.new_ctx()
    x = rng.random()
    if x < 0.37:
        kind = "nopii"
    elif x < 0.42:
        kind = "self_only"
    elif x < 0.50:
        kind = "self"
    else:
        kind = "pii"
    seps = [" ", " ", "\n", "\n\n", "  ", "\n- "]
    if kind == "nopii":
        b.render(rng.choice(NOPII_TEMPLATES), b, ctx) if False else r.render(rng.choice(NOPII_TEMPLATES), b, ctx)
        if rng.random() < 0.25:
            b.lit(rng.choice(seps))
            r.render(rng.choice(NOPII_TEMPLATES), b, ctx)
    elif kind == "self_only":
        pool = [t for t in SELF_TEMPLATES if not re.search(r"\{(P|D|SC)", t)]
        r.render(rng.choice(pool), b, ctx)
        ctx["review"] = True
    elif kind == "self":
        r.render(rng.choice(SELF_TEMPLATES), b, ctx)
        if rng.random() < 0.4:
            b.lit(rng.choice(seps))
            r.render(pick_pii(rng), b, ctx)
    else:
        if rng.random() < 0.2:
            r.render(rng.choice(NOPII_TEMPLATES), b, ctx)
            b.lit(rng.choice(seps))
        r.render(pick_pii(rng), b, ctx)
        if rng.random() < 0.15:
            b.lit(rng.choice(seps))
            r.render(rng.choice(NOPII_TEMPLATES), b, ctx)
    text = b.text()
    spans = []
    for s in b.spans:
        assert text[s["start"]:s["end"]] == s["_inserted"], (text, s)
        assert s["_inserted"] == s["_inserted"].strip() and s["_inserted"], s
        spans.append({"start": s["start"], "end": s["end"], "kind": s["kind"]})
    for a, c in zip(spans, spans[1:]):
        assert a["end"] <= c["start"], (text, spans)
    return {"id": f"gen-{i:05d}", "text": text, "spans": spans, "review": bool(ctx["review"])}


# ---------------------------------------------------------------------------
# split, stats, README
# ---------------------------------------------------------------------------

def split_ids(ids: list[str]) -> dict:
    """Sort ids by SHA-256(id) (hex); first half -> tune, second half -> heldout."""
    order = sorted(ids, key=lambda x: hashlib.sha256(x.encode("utf-8")).hexdigest())
    h = len(order) // 2
    return {"tune": sorted(order[:h]), "heldout": sorted(order[h:])}


def stats(rows: list[dict]) -> dict:
    c = Counter(s["kind"] for r in rows for s in r["spans"])
    return {"comments": len(rows),
            "spans": {k: c.get(k, 0) for k in KINDS},
            "total_spans": sum(c.values()),
            "no_spans": sum(1 for r in rows if not r["spans"]),
            "no_pii": sum(1 for r in rows if not r["spans"] and not r["review"]),
            "review": sum(1 for r in rows if r["review"]),
            "review_without_spans": sum(1 for r in rows if r["review"] and not r["spans"])}


README = """# Generated redaction corpus (template + Faker)

Machine-made, labelled evaluation comments for the comment redactor, in the style of
presidio-evaluator's template approach: hand-written templates with placeholders filled by
Faker, adapted to free-text comments that school staff, principals and instructional coaches
write in program evaluations ("What worked well?", "What could be better?", coaching notes).

**Its author never saw the redactor's rules or code** (nothing under `evalkit/`, nor
`benchmarks/redact.py`, nor the hand-written set in `../hand/`). The labels follow only the
conventions below, written down before the redactor was run on any of it.

Regenerate (deterministic for a given Faker version; pinned `faker==40.63.0`):

    python benchmarks/redact_corpus/generated/generate.py --n {n} --seed {seed} --out benchmarks/redact_corpus/generated

## Files

- `roster.json` - 120 Faker people (first, last, ASCII-folded variants where they differ,
  optional nickname, gender, locale, e-mail at example.org/.com/.net, phone `NNN-555-01xx`,
  role, school, district), 25 schools (name, short form, abbreviation, type, district) and
  6 districts (name, short form, abbreviation, city/county part). Locales: en_US, es_MX,
  vi_VN, en_IN, hi_IN (Devanagari), ar_AA (Arabic script), zh_CN and ja_JP (romanized),
  fr_FR, pl_PL, plus five romanized Arabic/Somali names written by hand (Faker's ar_AA has
  only Arabic script). On purpose, a few roster people have first names that are everyday
  words (Will, Grace, Hope, June, Mark, Joy, Art, Summer, Faith, Chase) and surnames of
  public figures (King, Parks, Washington, Robinson, Bridges, Reynolds, Hammond, Danielson,
  Lincoln, Carver); some schools are named after roster surnames or after the same public
  figures (Lincoln, Washington, Rosa Parks, Carver ...).
- `comments.jsonl` - one JSON object per line:
  `{{"id", "text", "spans": [{{"start", "end", "kind"}}], "review": bool}}`, offsets in Python
  string indices (code points). `kind` is one of person, email, phone, url, address, school,
  district. `review` is true when the comment contains a self-identifying description
  (a description that would single out one staff member within a school or district, e.g.
  "the only male kindergarten teacher in the building"); such descriptions get no span.
- `split.json` - `{{"tune": [...], "heldout": [...]}}`.
- `generate.py` - the generator (templates, fillers, conventions are all in it).

## How comments were made

{n_tpl} templates written for this corpus: {n_pii} with personal data, {n_self} with
self-identifying descriptions (plus {n_selfd} description phrases and {n_selfs} sentences),
and {n_nopii} with no personal data. A comment is one template, sometimes two joined by a
space, a line break or a bullet. Person placeholders are filled from the roster 80% of the
time and with Faker people beyond the roster otherwise (parents, subs and students are always
beyond the roster); schools 85% from the roster, districts 90%. Noise: about 10% of comments
are entirely lower case, about 30% get letter swaps/drops in the non-entity text and dropped
apostrophes, about 3% of names carry a typo (1.5% per name part) (the span is the name as typed), accented names
are typed ASCII-folded about half the time.

Surface forms covered: full names (sometimes with a middle initial), first only, last only,
title + last (Mr./Ms./Mrs./Miss/Mx./Dr./Coach/Principal/AP/Superintendent, with or without the
period, and Sr./Sra./Maestra/Profe for some es_MX staff), title + full name, nicknames
("Bobby", "Mrs. G"), initials ("J.D.", "JD", "J. D."), "Last, First", "First L.", possessives,
lower-case names; e-mails plain, capitalised, "name @ domain", "name (at) domain dot org",
"name[at]domain[dot]org", "name{{at}}domain", "name at domain dot org", "mailto:", and in
angle brackets; phone numbers in Faker's own formats and in (NNN) NNN-NNNN, NNN-NNN-NNNN,
dots, slashes, +1, 1-, 7-digit local, no separators, with extensions; URLs with and without
scheme, shorteners (bit.ly, tinyurl, forms.gle), Google Docs/Sites, calendly, padlet, ~user
pages; Faker street addresses with Apt./Suite/Unit/#/Ste. units, abbreviated street types,
with and without city/state/ZIP/ZIP+4, across a line break, and P.O. boxes; school names full,
short ("Lincoln", "Cedar Ridge Middle", "St. Agnes") and abbreviated ("LMS"); district names
full, short ("Riverside ISD"), abbreviated ("RUSD", "District 27") and informal ("the
Riverside district").

No-PII comments are meant to be hard: public and historical figures and authors (Rosa Parks,
Dr. Seuss, Abraham Lincoln, Jason Reynolds ...), education frameworks named after people
(Danielson, Marzano, Bloom's taxonomy, Webb's DOK, F&P), programs (Khan Academy, Wilson
Reading, i-Ready), everyday words that are also first names ("Will there be PD", "Hope we
get", "Mark your calendars", "June", "Art and music", "Frank conversations", "joy", "grace
period"), school words in ordinary use ("the academy model", "early learning", "alternative
assessments", "unified arts"), "@" for "at", file names, and numbers that look like phones
(ranges, dates, times, ISBNs, budget lines, ratios, ticket numbers).

## Span conventions

- A span covers exactly the characters to be removed; every span was asserted to equal the
  inserted string (`text[start:end] == inserted`). Spans never overlap and never start or end
  with white space.
- person: a title or honorific directly before the name belongs to the span ("Dr. Patel",
  "Coach Rivera", "Principal Nguyen", "ms. lopez"); a role noun that is not a title does not
  ("our principal, Ana Ruiz" -> "Ana Ruiz"). The possessive 's (or bare ') does not belong to
  the span ("Ms. Lopez's" -> "Ms. Lopez"). Initials keep their dots ("J.D."). Nicknames such as
  "Mrs. G" are whole spans. Students, parents, subs and visitors are persons too. Public and
  historical figures, authors and names of frameworks/programs are NOT personal data here and
  carry no span, even when they share a roster surname or a school name.
- email: the whole address including any "mailto:" and the obfuscation words ("(at)", "dot"),
  excluding surrounding angle brackets or parentheses.
- phone: from the first character of the number ("+1", "(", "1-" or the first digit) through
  the last digit, including an extension written after it ("x204", "ext. 12", "extension 7").
- url: scheme (if any) through the last character of the path; trailing sentence punctuation
  excluded.
- address: from the house number (or "P.O. Box") through the ZIP code, or through the last
  address part present when there is no ZIP (unit, city or state); a line break inside an
  address is inside the span.
- school: the school name as written: full ("Lincoln Elementary School"), short ("Lincoln",
  "St. Agnes") or abbreviated ("LES"); a leading "the" is not in the span.
- district: the district name as written: full, short, abbreviated; for informal references
  ("the Riverside district") only the proper-name part ("Riverside") is the span.
- review: true iff a self-identifying description is present; no span is given for it.
  Generic first-person statements ("As a first-year teacher", "I'm a 5th grade teacher",
  "like most of the math teachers") are not self-identifying.

## Counts (n = {n}, seed = {seed})

| kind | all | tune | heldout |
| --- | ---: | ---: | ---: |
{rows}

No personal data at all (no spans, review false): {nopii} of {n} ({nopii_pct:.1f}%).
Review-only comments (description but no span): {rev_only}.

## Split and the held-out rule

`split.json` sorts the comment ids by the hexadecimal SHA-256 of the id (UTF-8) and puts the
first half in `tune`, the second half in `heldout`. **Tune on `tune` only. Do not look at the
held-out half - its texts, spans or per-item results - while changing the redactor; score it
once, at the end, and report that score.**
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=1200)
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--out", type=Path, default=Path(__file__).resolve().parent)
    a = ap.parse_args()

    rng = random.Random(a.seed)
    names = Names(a.seed)
    roster = build_roster(rng, names)
    ents = Entities(rng, names, roster)
    r = Renderer(rng, ents, roster)
    rows = [make_comment(rng, r, i + 1) for i in range(a.n)]
    assert len({x["id"] for x in rows}) == len(rows)
    split = split_ids([x["id"] for x in rows])

    a.out.mkdir(parents=True, exist_ok=True)
    (a.out / "roster.json").write_text(json.dumps(roster, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    with (a.out / "comments.jsonl").open("w", encoding="utf-8") as fh:
        for x in rows:
            fh.write(json.dumps(x, ensure_ascii=False) + "\n")
    (a.out / "split.json").write_text(json.dumps(split, indent=1) + "\n", encoding="utf-8")

    tune = set(split["tune"])
    st_all = stats(rows)
    st_t = stats([x for x in rows if x["id"] in tune])
    st_h = stats([x for x in rows if x["id"] not in tune])
    lines = [f"| {k} | {st_all['spans'][k]} | {st_t['spans'][k]} | {st_h['spans'][k]} |" for k in KINDS]
    lines.append(f"| all spans | {st_all['total_spans']} | {st_t['total_spans']} | {st_h['total_spans']} |")
    lines.append(f"| comments | {st_all['comments']} | {st_t['comments']} | {st_h['comments']} |")
    lines.append(f"| comments without spans | {st_all['no_spans']} | {st_t['no_spans']} | {st_h['no_spans']} |")
    lines.append(f"| review = true | {st_all['review']} | {st_t['review']} | {st_h['review']} |")
    n_tpl = len(PII_TEMPLATES) + len(SELF_TEMPLATES) + len(NOPII_TEMPLATES)
    (a.out / "README.md").write_text(README.format(
        n=a.n, seed=a.seed, n_tpl=n_tpl, n_pii=len(PII_TEMPLATES), n_self=len(SELF_TEMPLATES),
        n_selfd=len(SELF_DESCRIPTIONS), n_selfs=len(SELF_SENTENCES), n_nopii=len(NOPII_TEMPLATES),
        rows="\n".join(lines), nopii=st_all["no_pii"], nopii_pct=100 * st_all["no_pii"] / a.n,
        rev_only=st_all["review_without_spans"]), encoding="utf-8")
    print(json.dumps({"all": st_all, "tune": st_t, "heldout": st_h, "templates": n_tpl}, indent=1))


if __name__ == "__main__":
    main()
