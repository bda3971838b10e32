"""Fake people and places for the demo: names, e-mails, phones, districts and schools.

Everything here is invented. E-mail domains are under the reserved ``example.org`` /
``example.com`` names and phone numbers use the 555-0100..0199 block reserved for fiction, so no
demo value can belong to a real person or school.

The name lists are deliberately awkward for the anonymizer: accents (José, Zoë), apostrophes and
hyphens (O'Neil, García-López), particles (Van der Berg) and names that are also ordinary words
(Hope, Will, Grant, Young, May, Joy, Mark, Frank).
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass, field

import numpy as np

from evalkit.demo._sheet import pick

__all__ = [
    "FIRST_NAMES",
    "LAST_NAMES",
    "NICKNAMES",
    "District",
    "School",
    "Geography",
    "NamePool",
    "build_geography",
    "ascii_fold",
    "make_phone",
    "noisy_email",
    "typed_name",
    "mention",
    "obfuscated_email",
    "Registrant",
    "World",
    "PROGRAM_DOMAIN",
    "PERSONAL_DOMAIN",
]

FIRST_NAMES: tuple[str, ...] = (
    "José", "María", "Zoë", "Chloé", "Renée", "Andrés", "Sofía", "Lucía", "Ngozi", "Aaliyah",
    "DeShawn", "Wei", "Mei", "Priya", "Arjun", "Fatima", "Omar", "Hye-jin", "Minh", "Kwame",
    "Ama", "Siobhán", "Liam", "Emily", "Michael", "Jennifer", "Robert", "Patricia", "David", "Linda",
    "James", "Karen", "Carlos", "Hope", "Will", "Grant", "May", "Joy", "Mark", "Frank",
    "Grace", "Rose", "Jamal", "Keisha", "Ana", "Luis", "Deborah", "William", "Katherine", "Elizabeth",
    "Christopher", "Margaret", "Daniel", "Joseph", "Anthony", "Susan", "Alexander", "Nicholas", "Samantha",
                                "Rebecca",
    "Thomas", "Olivia", "Noah", "Isabella", "Ethan", "Ava", "Mohammed", "Yusuf", "Leila", "Tomás",
    "Björn", "Anaïs", "Jean-Luc", "Marisol", "Darnell", "Tanisha", "Kenji", "Yuki", "Oksana", "Dmitri",
)

LAST_NAMES: tuple[str, ...] = (
    "O'Neil", "O'Brien", "D'Angelo", "García-López", "Smith-Jones", "Nguyen", "Okafor", "Young", "Grant",
                               "May",
    "Frank", "Hope", "Martínez", "Hernández", "Rodríguez", "Kim", "Park", "Chen", "Patel", "Shah",
    "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Anderson", "Thomas", "Jackson",
    "White", "Harris", "Thompson", "Robinson", "Clark", "Lewis", "Walker", "Hall", "Allen", "King",
    "Wright", "Scott", "Green", "Baker", "Adams", "Nelson", "Hill", "Campbell", "Mitchell", "Roberts",
    "Carter", "Phillips", "Evans", "Turner", "Torres", "Parker", "Collins", "Edwards", "Stewart", "Flores",
    "Morris", "Murphy", "Cook", "Rogers", "Morgan", "Peterson", "Cooper", "Reed", "Bailey", "Bell",
    "Gómez", "Kelly", "Howard", "Ward", "Díaz", "Richardson", "Brooks", "Bennett", "Gray", "Reyes",
    "Cruz", "Hughes", "Price", "Foster", "Sanders", "Morales", "Powell", "Sullivan", "Ortiz", "Jenkins",
    "Gutiérrez", "Butler", "Fisher", "Henderson", "Coleman", "Jordan", "Reynolds", "Hamilton", "Wallace",
                               "Washington",
    "Mensah", "Adeyemi", "Yilmaz", "Kowalski", "Novak", "Müller", "Rossi", "Ferreira", "Santos", "Tran",
    "Pham", "Huang", "Wang", "Singh", "Kaur", "Khan", "Haddad", "Cohen", "Levy", "Iyer",
    "MacDonald", "McCarthy", "St. John", "Van der Berg", "De la Cruz", "Gonzalez", "Whitaker", "Alvarez",
                               "Osei", "Lindqvist",
)

#: Formal first name -> nicknames people type on sign-in sheets and Zoom.
NICKNAMES: dict[str, tuple[str, ...]] = {
    "William": ("Bill", "Will", "Billy"),
    "Robert": ("Bob", "Rob"),
    "Jennifer": ("Jen", "Jenny"),
    "Michael": ("Mike",),
    "Patricia": ("Pat", "Trish"),
    "Katherine": ("Kate", "Katie", "Kathy"),
    "Elizabeth": ("Liz", "Beth"),
    "Christopher": ("Chris",),
    "Margaret": ("Maggie", "Peggy"),
    "Daniel": ("Dan", "Danny"),
    "Joseph": ("Joe",),
    "Anthony": ("Tony",),
    "Susan": ("Sue",),
    "Deborah": ("Deb", "Debbie"),
    "Alexander": ("Alex",),
    "Nicholas": ("Nick",),
    "Samantha": ("Sam",),
    "Rebecca": ("Becky", "Becca"),
    "Thomas": ("Tom",),
    "James": ("Jim", "Jimmy"),
    "David": ("Dave",),
    "Isabella": ("Bella",),
}

_DISTRICT_STEMS: tuple[str, ...] = (
    "Riverdale", "Maple Hollow", "Cedar Falls", "Brookfield", "North Ashby", "Pine Ridge", "Harborview",
    "Stonebridge", "Millbrook", "Willow Creek", "Oak Harbor", "Silver Lake", "Granite Falls", "Elm Grove",
    "Fox Run", "Laurel Bay", "Birch Hill", "Hollis Point", "Quarry Hill", "East Alder", "West Alder",
    "Kingsbridge", "Meadowvale", "Sunderland Valley", "Clearwater", "Red Barn", "Bluestone", "Ironwood",
    "Juniper", "Tall Pines", "Seabrook Harbor", "Heron Pond", "Marble Ridge", "Greenfield Hills", "Ashgrove",
    "Brightwater", "Copper Mill", "Deer Hollow", "Evergreen Valley", "Falcon Crest",
)

_NAMESAKES: tuple[str, ...] = (
    "Roosevelt", "Lincoln", "Washington", "Jefferson", "King", "Parks", "Tubman", "Douglass", "Chavez",
                               "Kennedy",
    "Adams", "Franklin", "Edison", "Hawthorne", "Emerson", "Whittier", "Longfellow", "Alcott", "Dickinson",
                               "Carver",
    "Mann", "Curie", "Sotomayor", "Ochoa", "Clemente", "Hale", "Revere", "Bates", "Keller", "Earhart",
    "Riverside", "Hillcrest", "Lakeview", "Oakwood", "Meadowbrook", "Cedar Grove", "Northside", "Southgate",
    "Maple Street", "Brook Hollow", "Sunnyside", "Pleasant Valley",
)

# (level name, grade band, weight): elementary schools dominate, as in real districts.
_LEVELS: tuple[tuple[str, str, float], ...] = (
    ("Elementary", "K-5", 0.58),
    ("Middle School", "6-8", 0.20),
    ("High School", "9-12", 0.15),
    ("K-8 School", "K-8", 0.07),
)

AREA_CODES: tuple[str, ...] = ("413", "508", "617", "774", "781", "978", "339", "351", "857")

PROGRAM_DOMAIN = "leadlab.example.org"  # the (fictional) program provider
PERSONAL_DOMAIN = "mail.example.com"  # personal accounts used on Google Forms


@dataclass(frozen=True)
class District:
    code: str
    name: str
    domain: str


@dataclass(frozen=True)
class School:
    code: str
    name: str
    district_code: str
    grade_band: str
    level: str
    enrollment: int
    staff: int


@dataclass
class Geography:
    districts: list[District]
    schools: list[School]
    district_by_code: dict[str, District] = field(default_factory=dict)
    school_by_code: dict[str, School] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.district_by_code = {d.code: d for d in self.districts}
        self.school_by_code = {s.code: s for s in self.schools}

    def schools_in(self, district_code: str) -> list[School]:
        return [s for s in self.schools if s.district_code == district_code]


def ascii_fold(text: str) -> str:
    """``"José"`` -> ``"Jose"``: how people (and e-mail systems) drop accents."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _slug(text: str) -> str:
    return "".join(c for c in ascii_fold(text).lower() if c.isalnum())


def build_geography(rng: np.random.Generator, *, n_schools: int = 180) -> Geography:
    """Forty districts (Riverdale, code "0010", is the big pipeline district) and ``n_schools`` schools.

    District codes are 4 digits and school codes 8 digits (district code + 4), both with leading
    zeros, as in Massachusetts: a reader that parses them as numbers breaks every join.
    """
    drawn = rng.choice(np.arange(2, 400), size=len(_DISTRICT_STEMS) - 1, replace=False)
    other_codes = sorted(int(c) * 10 for c in drawn)
    codes = ["0010"] + [f"{c:04d}" for c in other_codes]
    districts = []
    for i, (code, stem) in enumerate(zip(codes, _DISTRICT_STEMS, strict=True)):
        kind = "Regional School District" if i % 7 == 3 else "Public Schools"
        districts.append(District(code, f"{stem} {kind}", f"{_slug(stem)}.k12.example.org"))
    # Riverdale gets 20 schools (HR pipeline district); the rest share the remainder, at least 2 each.
    rest = n_schools - 20
    n_other = len(districts) - 1
    sizes = [20] + list(2 + rng.multinomial(rest - 2 * n_other, np.full(n_other, 1 / n_other)))
    weights = np.array([w for *_, w in _LEVELS])
    schools: list[School] = []
    for d, size in zip(districts, sizes, strict=True):
        used: set[str] = set()
        for k in range(int(size)):
            level, band, _ = _LEVELS[int(rng.choice(len(_LEVELS), p=weights / weights.sum()))]
            if d.code == "0010" and k < 2:
                level, band = ("Elementary", "K-5")  # the pipeline district needs elementary schools first
            name = f"{pick(rng, _NAMESAKES)} {level}"
            while name in used:
                name = f"{pick(rng, _NAMESAKES)} {level}"
            used.add(name)
            base = {"K-5": 380, "6-8": 620, "9-12": 1100, "K-8": 520}[band]
            enrollment = int(base * float(np.exp(rng.normal(0, 0.45))))
            staff = max(6, int(enrollment / 13 * float(np.exp(rng.normal(0, 0.15)))))
            schools.append(School(f"{d.code}{(k + 1) * 5:04d}", name, d.code, band, level, enrollment, staff))
    return Geography(districts, schools)


class NamePool:
    """Draws unique (first, last) pairs so no two fake people share a name or an e-mail."""

    def __init__(self, rng: np.random.Generator) -> None:
        self._rng = rng
        self._used: set[tuple[str, str]] = set()
        self._emails: set[str] = set()

    def draw(self) -> tuple[str, str]:
        while True:
            pair = (pick(self._rng, FIRST_NAMES), pick(self._rng, LAST_NAMES))
            if pair not in self._used:
                self._used.add(pair)
                return pair

    def email(self, first: str, last: str, domain: str) -> str:
        """``first.last@domain`` in lower case ASCII; a digit is appended on collision."""
        local = f"{_slug(first)}.{ascii_fold(last).lower().replace(' ', '').replace(chr(39), '')}"
        candidate, k = f"{local}@{domain}", 1
        while candidate in self._emails:
            k += 1
            candidate = f"{local}{k}@{domain}"
        self._emails.add(candidate)
        return candidate


def make_phone(rng: np.random.Generator) -> str:
    """A fictional US number (555-01xx) in one of the formats people really type."""
    area, line = pick(rng, AREA_CODES), f"01{int(rng.integers(0, 100)):02d}"
    style = int(rng.integers(0, 6))
    return [
        f"({area}) 555-{line}",
        f"{area}-555-{line}",
        f"{area}.555.{line}",
        f"{area}555{line}",
        f"+1 {area} 555 {line}",
        f"{area}-555-{line} x{int(rng.integers(100, 400))}",
    ][style]


def noisy_email(rng: np.random.Generator, email: str, *, p: float) -> str:
    """With probability ``p``, add the noise real exports carry: capitals and stray spaces (never a typo)."""
    if rng.random() >= p:
        return email
    local, domain = email.split("@")
    kind = int(rng.integers(0, 4))
    if kind == 0:
        return email + " "
    if kind == 1:
        return " " + local.title() + "@" + domain
    if kind == 2:
        return local.title() + "@" + domain.title()
    return email.upper()


def typed_name(rng: np.random.Generator, first: str, last: str, *, p: float) -> str:
    """How a person writes their own name on a sign-in sheet: usually ``First Last``, sometimes not."""
    if rng.random() >= p:
        return f"{first} {last}"
    kind = int(rng.integers(0, 7))
    if kind == 0 and first in NICKNAMES:
        return f"{pick(rng, NICKNAMES[first])} {last}"
    if kind == 1:
        return f"{first} {last}".lower()
    if kind == 2:
        return f"{last.upper()}, {first}"
    if kind == 3:
        return f"{ascii_fold(first)} {ascii_fold(last)}"
    if kind == 4 and len(last) > 4:
        j = int(rng.integers(1, len(last) - 2))  # a transposition typo
        return f"{first} {last[:j]}{last[j + 1]}{last[j]}{last[j + 2:]}"
    if kind == 5:
        return f"{first[0]}. {last}"
    return f"  {first}  {last}"


@dataclass
class Registrant:
    """One row of registration.xlsx (plus the hidden truth the other generators need)."""

    program: str
    cohort_year: int
    first: str
    last: str
    email: str
    phone: str
    district_code: str
    school_code: str | None
    role: str
    registration_date: dt.date
    cadre_id: str | None = None
    team_id: str | None = None
    tier: str | None = None
    years_in_role: int = 1
    years_in_district: int = 1
    grade_band: str = ""
    consent_eval: str = "Y"
    status: str = "active"
    withdrawn_date: dt.date | None = None
    registration_id: str = ""
    #: Latent traits the survey generators share (so one person answers consistently across files).
    trait: float = 0.0
    engagement: float = 0.8

    @property
    def name(self) -> str:
        return f"{self.first} {self.last}"


@dataclass
class World:
    """Everything generated so far that later files must agree with."""

    seed: int
    geo: Geography
    names: NamePool
    registrants: list[Registrant] = field(default_factory=list)
    #: event_id -> event record (the events.csv row, typed values)
    events: dict[str, dict] = field(default_factory=dict)
    #: (event_id, registration_id) -> attendance status (present, partial, absent, excused)
    attendance: dict[tuple[str, str], str] = field(default_factory=dict)
    #: coach names by program, so coaching logs and case notes agree
    coaches: dict[str, list[str]] = field(default_factory=dict)

    def by_program(self, program: str) -> list[Registrant]:
        return [r for r in self.registrants if r.program == program]

    def by_id(self, registration_id: str) -> Registrant:
        for r in self.registrants:
            if r.registration_id == registration_id:
                return r
        raise KeyError(registration_id)


def mention(rng: np.random.Generator, first: str, last: str) -> str:
    """How a colleague's name shows up in a comment: the variants the redactor must all catch."""
    kind = int(rng.integers(0, 9))
    if kind == 6 and first in NICKNAMES:
        return pick(rng, NICKNAMES[first])
    return [
        f"{first} {last}",
        first,
        f"{pick(rng, ('Ms.', 'Mr.', 'Dr.'))} {last}",
        first.upper(),
        f"{first.lower()} {last[0].lower()}.",
        last,
        f"{first} {last}",
        f"{ascii_fold(first)} {ascii_fold(last)}",
        f"{pick(rng, ('Ms.', 'Mr.', 'Dr.'))} {ascii_fold(last)}",
    ][kind]


def obfuscated_email(email: str) -> str:
    """``jane.doe@x.example.org`` -> ``jane.doe at x dot example dot org`` (people dodge spam filters)."""
    local, domain = email.split("@")
    return f"{local} at {domain.replace('.', ' dot ')}"
