"""Fictional roster source (hand-written). build.py turns this into roster.json.
All people, schools and districts are invented. E-mails use example.org/.com/.net only;
phone line numbers are in the 555-01xx fictional range."""
import unicodedata, re

DISTRICTS = [
    # name, abbreviation, area code, e-mail domain
    ("Cedar Valley Unified School District", "CVUSD", "217", "example.org"),
    ("North Harbor Public Schools", "NHPS", "508", "example.net"),
    ("Millbrook County School District", "MCSD", "615", "example.com"),
    ("Pine Ridge Independent School District", "Pine Ridge ISD", "512", "example.org"),
    ("Lakeshore Consolidated Schools", "LCS", "414", "example.net"),
    ("San Isidro Unified School District", "SIUSD", "619", "example.com"),
]

SCHOOLS = [
    # name, district index
    ("Roosevelt Elementary School", 0),                 # 0
    ("Dr. Martin Luther King Jr. Middle School", 0),    # 1
    ("Cedar Valley High School", 0),                    # 2
    ("Riverside Early Learning Center", 0),             # 3
    ("St. Mary's Academy", 1),                          # 4
    ("Lincoln K-8", 1),                                 # 5
    ("Harbor View Elementary School", 1),               # 6
    ("Eastside Alternative High School", 1),            # 7
    ("Millbrook Middle School", 2),                     # 8
    ("Washington Elementary School", 2),                # 9
    ("Oak Hollow Elementary School", 2),                # 10
    ("Millbrook County Career and Technical Center", 2),# 11
    ("Jefferson High School", 2),                       # 12
    ("Pine Ridge High School", 3),                      # 13
    ("Bluebonnet Elementary School", 3),                # 14
    ("César Chávez Middle School", 3),                  # 15
    ("Pine Ridge Early College High School", 3),        # 16
    ("Lakeshore Elementary School", 4),                 # 17
    ("Hall Street Elementary School", 4),               # 18
    ("Kennedy Middle School", 4),                       # 19
    ("Northpoint Academy", 4),                          # 20
    ("Nuestra Señora de Guadalupe School", 5),          # 21
    ("San Isidro High School", 5),                      # 22
    ("Sojourner Truth Academy", 5),                     # 23
    ("Grant Elementary School", 5),                     # 24
    ("Marsh Creek Middle School", 5),                   # 25
]

# first, last, nickname, role, school index (None = district office; then district index given as D#)
PEOPLE = [
    ("Hope", "Washington", None, "principal", 0),
    ("Grace", "Kim", None, "3rd grade teacher", 0),
    ("Marisol", "Peña", "Mari", "ELL specialist", 0),
    ("Derek", "Young", None, "instructional coach", 0),
    ("Fatima", "Al-Sayed", None, "paraprofessional", 0),
    ("William", "Okafor", "Will", "math teacher", 1),
    ("Priya", "Patel", None, "school psychologist", 1),
    ("Chase", "Rivera", None, "PE teacher and coach", 1),
    ("Linh", "Nguyen", None, "principal", 1),
    ("Dawn", "Marsh", None, "librarian", 1),
    ("June", "Castillo", None, "English teacher", 2),
    ("Terrence", "King", "Terry", "assistant principal", 2),
    ("Siobhán", "O'Brien", None, "counselor", 2),
    ("Bao", "Vang", None, "science teacher", 2),
    ("Grant", "Holloway", None, "history teacher", 2),
    ("Rose", "Delgado", None, "center director", 3),
    ("Aaliyah", "Brown", None, "pre-K teacher", 3),
    ("Mei", "Lin", None, "paraprofessional", 3),
    ("Joy", "Abernathy", None, "family liaison", 3),
    ("Margaret", "Sullivan", "Peggy", "principal", 4),
    ("Faith", "Adeyemi", None, "4th grade teacher", 4),
    ("Tomás", "Ibáñez", "Tommy", "music teacher", 4),
    ("Anne-Marie", "Dubois", None, "French teacher", 4),
    ("Drew", "Lincoln", None, "PE teacher", 5),
    ("Keisha", "Hall", None, "principal", 5),
    ("Hamid", "Rahimi", None, "6th grade teacher", 5),
    ("Olga", "Kowalczyk", None, "special education teacher", 5),
    ("Jamal", "Church", None, "dean of students", 5),
    ("William", "Fischer", "Bill", "5th grade teacher", 6),
    ("Ngozi", "Eze", None, "principal", 6),
    ("Summer", "Reyes", None, "kindergarten teacher", 6),
    ("Kofi", "Boateng", None, "reading interventionist", 6),
    ("Dolores", "Rivers", "Lola", "principal", 7),
    ("Marcus", "White", None, "counselor", 7),
    ("Hunter", "Begay", None, "English teacher", 7),
    ("Yusuf", "Abdi", None, "youth advocate", 7),
    ("Sarah", "Ben-David", None, "principal", 8),
    ("Ricardo", "de la Cruz", "Ricky", "math teacher", 8),
    ("Crystal", "Field", None, "science teacher", 8),
    ("Dmitri", "Volkov", None, "band director", 8),
    ("Hannah", "Schmidt-Okoro", None, "instructional coach", 8),
    ("Carmen", "Villalobos", None, "principal", 9),
    ("Mark", "Green", None, "1st grade teacher", 9),
    ("Thu", "Tran", None, "2nd grade teacher", 9),
    ("Destiny", "Price", None, "paraprofessional", 9),
    ("Patrick", "D'Angelo", "Pat", "principal", 10),
    ("Ayesha", "Siddiqui", None, "3rd grade teacher", 10),
    ("Sunny", "Kaur", None, "counselor", 10),
    ("Gregory", "Banks", "Greg", "facilities lead", 10),
    ("Raymond", "Stone", "Ray", "center director", 11),
    ("Guadalupe", "Contreras", "Lupe", "welding instructor", 11),
    ("Everett", "Long", None, "automotive instructor", 11),
    ("Nadia", "Haddad", None, "principal", 12),
    ("Isaiah", "Jefferson", None, "counselor", 12),
    ("Kelsey", "Van der Berg", None, "English teacher", 12),
    ("Malik", "Freeman", None, "football coach", 12),
    ("Ji-woo", "Park", None, "chemistry teacher", 12),
    ("Dale", "Whitaker", None, "principal", 13),
    ("Esperanza", "Ruiz", "Espe", "counselor", 13),
    ("Art", "Nakamura", None, "art teacher", 13),
    ("Tamika", "Love", None, "assistant principal", 13),
    ("Rosa", "Gutiérrez", None, "principal", 14),
    ("Colton", "Mills", None, "4th grade teacher", 14),
    ("Wren", "Hollis", None, "kindergarten teacher", 14),
    ("Deepa", "Raman", None, "reading specialist", 14),
    ("Joaquín", "Ibarra", None, "principal", 15),
    ("LaToya", "Bell", None, "math coach", 15),
    ("Minh", "Pham", None, "science teacher", 15),
    ("Brooke", "Small", None, "counselor", 15),
    ("Victor", "Oyelaran", None, "director", 16),
    ("Harmony", "Cruz", None, "college advisor", 16),
    ("Erik", "Lindqvist", None, "principal", 17),
    ("Zoë", "Lefèvre", None, "2nd grade teacher", 17),
    ("Hope", "Gallagher", None, "school nurse", 17),
    ("Daniel", "Little", "Danny", "5th grade teacher", 17),
    ("Amara", "N'Diaye", None, "principal", 18),
    ("Connor", "Fitzgerald", None, "3rd grade teacher", 18),
    ("Josephine", "Wolf", "Jo", "librarian", 18),
    ("Tyrone", "Black", None, "paraprofessional", 18),
    ("Renée", "Kowalski", None, "principal", 19),
    ("Sione", "Taufa", None, "PE teacher", 19),
    ("Maya", "Goldberg", None, "ELA teacher", 19),
    ("Luis", "Navarro", None, "counselor", 19),
    ("Christine", "St. John", None, "head of school", 20),
    ("Raj", "Mehta", None, "math teacher", 20),
    ("Ivy", "Strong", None, "humanities teacher", 20),
    ("Bernadette", "Mulcahy", None, "principal (Sister)", 21),
    ("Alejandro", "Del Río", "Alex", "middle grades teacher", 21),
    ("Teresa", "Santos", None, "1st grade teacher", 21),
    ("Francisco", "Herrera", "Paco", "principal", 22),
    ("Valentina", "Moreno", None, "counselor", 22),
    ("Kwame", "Asante", None, "history teacher", 22),
    ("Jessica", "Lane", "Jess", "special education teacher", 22),
    ("Imani", "Washington", None, "principal", 23),
    ("Ebony", "Fox", None, "7th grade teacher", 23),
    ("Nia", "Okonkwo-Hart", None, "instructional coach", 23),
    ("Gloria", "Espinoza", None, "principal", 24),
    ("Carla", "Rich", None, "3rd grade teacher", 24),
    ("Kai", "Kealoha", None, "4th grade teacher", 24),
    ("Precious", "Mabaso", None, "paraprofessional", 24),
    ("Tuan", "Le", None, "principal", 25),
    ("Heather", "Cook", None, "6th grade teacher", 25),
    ("Omar", "Farouk", None, "counselor", 25),
    ("Bethany", "Wise", "Beth", "science teacher", 25),
    ("Patricia", "Alvarez", "Patty", "superintendent", "D0"),
    ("Leonard", "Brooks", "Len", "director of curriculum", "D0"),
    ("Joy", "Matsumoto", None, "ELL coordinator", "D1"),
    ("Graham", "MacLeod", None, "assistant superintendent", "D1"),
    ("Will", "Ashford", None, "data coordinator", "D2"),
    ("Sunita", "Krishnan", None, "director of special education", "D2"),
    ("Desmond", "Young", "Des", "superintendent", "D3"),
    ("Yesenia", "Carrillo", None, "family engagement coordinator", "D3"),
    ("Jun", "Watanabe", None, "assessment director", "D4"),
    ("Brenda", "Hall-Morrison", None, "HR director", "D4"),
    ("Rafael", "Ortega-Vidal", None, "superintendent", "D5"),
    ("Nkechi", "Obi", None, "bilingual coordinator", "D5"),
    ("Graciela", "Domínguez", "Chela", "social worker", "D5"),
    ("Mercy", "Oduya", None, "instructional coach", "D2"),
    ("Royce", "Kingsley", None, "transportation director", "D1"),
    ("Pilar", "Echeverría", None, "district counselor", "D4"),
]

# e-mail local-part overrides (otherwise first.last, folded to ASCII)
EMAIL_LOCAL = {
    ("Hope", "Washington"): "hwashington",
    ("Dawn", "Marsh"): "d.marsh",
    ("Terrence", "King"): "tking",
    ("Chase", "Rivera"): "coach.rivera",
    ("Dolores", "Rivers"): "lola.rivers",
    ("Art", "Nakamura"): "anakamura",
    ("Jamal", "Church"): "jchurch",
    ("Guadalupe", "Contreras"): "lupe_contreras",
    ("Josephine", "Wolf"): "jwolf",
    ("Patricia", "Alvarez"): "superintendent.alvarez",
    ("Kwame", "Asante"): "kasante",
    ("Drew", "Lincoln"): "drew_lincoln",
    ("Christine", "St. John"): "cstjohn",
}


def fold(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9.\-_]", "", s.lower().replace(" ", ""))


def build_roster():
    out = []
    used = set()
    for i, (first, last, nick, role, sch) in enumerate(PEOPLE):
        if isinstance(sch, str):
            d = int(sch[1:]); school = None
        else:
            d = SCHOOLS[sch][1]; school = SCHOOLS[sch][0]
        dname, _abbr, area, domain = DISTRICTS[d]
        local = EMAIL_LOCAL.get((first, last)) or f"{fold(first)}.{fold(last)}"
        line = (i * 37 + 11) % 100
        while (area, line) in used:
            line = (line + 1) % 100
        used.add((area, line))
        rec = {"first": first, "last": last}
        if nick:
            rec["nickname"] = nick
        rec.update({
            "email": f"{local}@{domain}",
            "phone": f"({area}) 555-01{line:02d}",
            "school": school,
            "district": dname,
            "role": role,
        })
        out.append(rec)
    return out
