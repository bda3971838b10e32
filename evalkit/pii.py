"""Find personal information in free text: e-mails, phones, URLs, addresses and the program's own names.

This is the detection half of redaction. :meth:`PiiDetector.find` returns typed :class:`Span` s on the
original text; :meth:`PiiDetector.kinds` (which kinds are present) is derived from the same spans, so the
clean stage's count and the anonymize stage's redaction (:mod:`evalkit.anonymize.redaction`) never disagree.
The clean stage uses ``kinds`` to count free-text cells that hold personal data (the data-quality log's
``pii_in_free_text``); free text itself never reaches ``data_processed/`` until the anonymize stage
redacts it.

Names come from the program's rosters (a *gazetteer*) and rules, offline and explainable; what the rules
leave is read once more by a small bundled linear model (:mod:`evalkit.token_model`; ``token_model=False``
turns it off), which adds words and never takes away what the rules found. Every roster term (full names,
single names, nicknames, schools and their short forms) goes into one trie-shaped regular expression,
matched once over the text. Matching is accent-insensitive ("Jose" finds "José"); spans still index the
original text. Surnames and full names match in any case; a single name must be Capitalised or ALL CAPS
unless a title or an initial goes with it ("ms. gonzalez", "maria g."), because many first names are also
words ("Hope", "Will", "Grant", "May").
Titles before a capitalised word ("Ms. Gonzalez", "Dr. O'Neil") are names even when the person is on no
roster.
"""

from __future__ import annotations

import bisect
import functools
import html
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import accumulate, chain
from types import MappingProxyType

from evalkit.namelists import (
    BURMESE_HONORIFICS,
    BURMESE_HONORIFICS_SURE,
    CALENDAR,
    CITY_NAMES,
    COMMON_WORD_NAMES,
    EVERYDAY_RANK,
    FAMOUS_SURNAMES,
    HISTORY_WORDS,
    LANGUAGE_NAMES,
    PLAIN_RANK,
    PRODUCT_NAMES,
    PUBLIC_NAMES,
    READING_WORDS,
    SYLLABLE_NAMES,
    _first_shares,
    all_given_names,
    all_surnames,
    english_words,
    given_names,
    mostly_surname,
    nickname_names,
    nicknamer,
    person_words,
    place_names,
    plain_given_names,
    spanish_nicknames,
    spanish_words,
    surnames,
    word_rank,
    world_given_names,
)
from evalkit.namelists import load as load_name_lists
from evalkit.review_model import ReviewModel
from evalkit.review_model import load_model as load_review_model
from evalkit.token_model import TokenModel
from evalkit.token_model import load_model as load_token_model

__all__ = ["fold", "PiiDetector", "PATTERNS", "RosterNames", "COMMON_WORD_NAMES", "Span", "LABELS"]

#: Span labels, and the ``kinds()`` name each one reports as.
LABELS: Mapping[str, str] = MappingProxyType({
    "PERSON": "name", "EMAIL": "email", "PHONE": "phone", "URL": "url", "ADDRESS": "street_address",
    "SCHOOL": "place", "SELF_ID": "self_identifying"})

_TITLES = (r"(?:Chief[ ]Warrant[ ]Officer|CWO"
           # (a title's rank before it: "Assistant Superintendent Fawaz", "Interim Principal Dale Ortiz")
           r"|(?:Assistant|Asst\.|Deputy|Associate|Assoc\.|Interim|Acting|Area|Executive)[ ]"
           r"(?:Superintendent|Principal|Director|Commissioner)"
           r"|Councilman|Councilwoman|Councilmember|Councilor|Councillor|Alderman|Alderwoman|Assemblyman"
           # (and as voice typing spells them out: "Mister Yazzy", "Missus Benally")
           r"|Assemblywoman|Selectman|Selectwoman|Mr|Mrs|Ms|Mx|Dr|Doctor|Miss|Mister|Missus|Principal|Coach|Superintendent|Supt"
           r"|Sister|Sr|Sra|Srta|Brother|Bro|Br|Father|Padre|Madre"
           r"|Fr|Pastor|Rev|Reverend|Professor|Prof|Profe|Maestra|Maestro|Rabbi|Imam|Deacon|Elder|Auntie|Aunty|Uncle"
           # (Mexican and Puerto Rican abbreviations: "Mtro. Olague", "Profa. Chávez", "Lcda. Vélez")
           r"|Mtro|Mtra|Profa|Lcda|Lcdo"
           r"|Miz|Sheikh|Shaykh|Mme|Mlle|Madame|Monsieur|Msye|Chairman|Chairwoman|Chairperson"
           r"|Hon|Judge|Sgt|Lt|Capt|Col|Officer|Chief|Director|Commissioner|Trustee|Don|Dona|Sir|Ma'am|Kumu|Monsignor"
           r"|Msgr|Bishop"
           r"|Senor|Senora|senor|senora|Dra|Madan|Mesye|Thay|Md|Reb|Rebbetzin|Nonc|Tante"
           # (Ethiopian Orthodox and Amharic, Muslim and Burmese honorifics; an assistant's rank before another title)
           r"|Abba|Abuna|Ato|Haji|Hajji|Alhaji|Daw|Asst"
           r"|Ate|Kuya|Tita|Tito"   # (Filipino: an elder sister, brother, aunt, uncle, said to anyone older)
           r"|Sup(?=\.)|Lic|Sheriff"   # (a superintendent, a licenciado, a county's sheriff)
           r"|Mayor|Pandit"   # (a town's mayor, named in a welcome; a Hindu priest: "Pandit Krishna Bhandari")
           r"|Venerable|Ven(?=\.)"   # (a Buddhist monk: "Venerable Khamphan", "Ven. Sovann")
           # (in capitals, with their stop: "THANK U DR. MARRERO"; not a place: "IN THE DR. NOW")
           r"|MR(?=\.)|MRS(?=\.)|(?<!THE )DR(?=\.)|MS(?=\.[ ]+[A-Z]{3})|COACH|PRINCIPAL|PASTOR|SISTER|BROTHER|FATHER"
           r"|SRTA(?=\.)"   # (not SRA. or DRA.: reading programs in capitals)
           # military ranks, as JROTC instructors and base liaisons are addressed ("SFC Pruitt", "Cadet Maj. Le")
           r"|Colonel|Sergeant|Lieutenant|Cadet|Ensign|Airman|Corporal|Cpl|Maj|SSgt|TSgt|MSgt|GySgt"
           r"|SFC|SSG|MSG|SGM|CSM|SPC|PFC|CPL|CPT|LTC|COL|MAJ|CPO|LCDR|CDR)")
# Name particles written in lower or title case inside a surname: "Van der Berg", "De la Cruz".
_PARTICLES = r"(?:(?:[Vv]an|[Vv]on|[Dd]e|[Dd]el|[Dd]er|[Dd]en|[Dd]a|[Dd]i|[Dd]u|[Ll]a|[Ll]e|[Dd]os)\s+)"

# Street suffixes of the USPS's Publication 28, Appendix C1 (the common ones, full and abbreviated).
_SUFFIXES = (
    "Alley|Annex|Arcade|Avenue|Bayou|Beach|Bend|Bluffs?|Bottom|Boulevard|Branch|Bridge|Brooks?|Burgs?|Bypass|Camp"
    "|Canyon|Cape|Causeway|Centers?|Circles?|Cliffs?|Club|Commons?|Concourse|Corners?|Course|Courts?|Coves?|Creek|Crescent"
    "|Crest|Crossing|Crossroads?|Curve|Dale|Dam|Divide|Drives?|Estates?|Expressway|Extensions?|Falls?|Ferry"
    "|Fields?|Flats?|Fords?|Forest|Forges?|Forks?|Fort|Freeway|Gardens?|Gateway|Glens?|Greens?|Groves?|Harbors?"
    "|Haven|Heights|Highway|Hills?|Hollow|Inlet|Islands?|Isle|Junctions?|Keys?|Knolls?|Lakes?|Land|Landing|Lane"
    "|Lights?|Loaf|Locks?|Lodge|Loop|Mall|Manors?|Meadows?|Mews|Mills?|Mission|Motorway|Mount|Mountains?|Neck"
    "|Orchard|Oval|Overpass|Parks?|Parkways?|Pass|Passage|Path|Pike|Pines?|Place|Plains?|Plaza|Pointe?s?|Ports?"
    "|Prairie|Radial|Ramp|Ranch|Rapids?|Rest|Ridges?|River|Roads?|Route|Row|Rue|Run|Shoals?|Shores?|Skyway"
    "|Springs?|Spurs?|Squares?|Station|Stravenue|Stream|Streets?|Summit|Terrace|Throughway|Trace|Track"
    "|Trafficway|Trail|Trailer|Tunnel|Turnpike|Underpass|Unions?|Valleys?|Via|Viaduct|Views?|Villages?|Ville"
    "|Vista|Walks?|Wall|Ways?|Wells?"
    "|St|Ave|Av|Rd|Blvd|Ln|Dr|Ct|Pl|Ter|Pkwy|Hwy|Cir|Sq|Trl|Cres|Pt|Mt|Hts|Xing|Expy|Fwy|Crk|Cv|Ests?|Jct|Ctr"
    # (the Publication's standard abbreviations of the suffixes above, but those that are words, titles or another
    # word's abbreviation: "Is", "Un", "Pr", "Ky", "Arc", "Pts", "Plz", "Orch", "Sta", "Sts", "Drs", "Vis", "Dv", "Ft")
    "|Aly|Anx|Byu|Bch|Bnd|Blfs?|Btm|Brg|Brks?|Byp|Cyn|Cpe|Cswy|Clfs?|Clb|Crse|Crst|Xrds?|Cvs"
    "|Exts?|Fls|Flds?|Flts?|Frds?|Frst|Frgs?|Frks?|Gdns?|Gtwy|Glns?|Grns?|Grvs?|Hbrs?|Hvn|Hls?|Holw|Inlt|Jcts"
    "|Knls?|Lks?|Lndg|Lgts?|Lcks?|Ldg|Mnrs?|Mdws?|Mls|Msn|Mtwy|Mtns?|Nck|Opas|Psge|Pnes?|Plns?|Prts?"
    "|Radl|Rnch|Rpds?|Rst|Rdgs?|Riv|Rds|Shls?|Shrs?|Skwy|Spgs?|Sqs|Stra|Strm|Smt|Trwy|Trce|Trak|Trfy"
    "|Trlr|Tunl|Tpke|Upas|Vly|Vlys|Vdct|Vws?|Vlgs?|Vl|Wl|Wls")
# What may follow a street: a unit ("Suite 210", "Apt. 4B", "#19", "2nd floor"), then the city, the state and
# the ZIP, on the same line or the next.
_UNIT = (r"(?:,?\s*(?:(?:Space|Spc)\.?\s*#?\s*\d[\w-]*"   # (a park's space has a number: not "Space is limited")
         r"|(?:Apt|Apartment|Suite|Ste|Unit|Room|Rm|Floor|Fl|Bldg|Building|Lot|Trlr)(?![a-z])\.?\s*#?\s*[\w-]+"
         # (the rest of the Publication's designators, with their number: "Dept 450", "Ofc 3", "PH 2", "No. 4")
         # (and a double's side: "Side B")
         r"|(?:Dept|Department|Office|Ofc|Hngr|Hangar|Pier|Slip|Stop|PH|Penthouse|Box|Door|Side|RR|Rural[ \t]+Route"
         r"|[Mm]ile(?:[ \t]+[Mm]arker)?)\.?[ \t]*#?[ \t]*"   # (a highway's mile: "Hwy 212 mile 45, Busby, MT 59016")
         r"(?:\d[\w-]*|[A-Z](?![\w'’-]))|No\.[ \t]*\d[\w-]*"
         # (and those that need none, after a comma: ", Rear", ", Upper", ", Bsmt")
         r"|(?<=,)[ \t]*(?:Rear|Front|Frnt|Side|Upper|Uppr|Lower|Lowr|Bsmt|Basement|Lobby|Lbby|1/2|½"
         # (a two-flat's garden unit and a coach house, as Chicago writes them: ", Garden Unit", ", Coach House")
         r"|Garden(?:[ \t]+(?:Unit|Apt))?|Coach[ \t]+House|(?:Upper|Lower|Rear|Front)[ \t]+(?:Unit|Apt|Flat))(?![\w/])"
         r"(?=,|[ \t]*\n|[ \t]*[.;)]|[ \t]+(?:where|and|with|for|in|on|at)\b|$)"
         # (or on its own line between the street and the city: "1438 E Walnut St<newline>Rear<newline>Des Moines")
         r"|(?<=\n)[ \t]*(?:Rear|Front|Upper|Lower|Bsmt|Basement)\b(?=[ \t]*\n)"
         # (or in brackets after the street: "3124 S 3600 W (basement), West Valley City")
         # (no blanks of its own: the blanks before a unit are read once, by the "\s*" above)
         # (and a door to use: "1420 Kedzie Ave (side door), Chicago")
         r"|\((?i:basement|rear|upstairs|downstairs|upper|lower|back|side|front)"
         r"(?:[ \t]+(?i:unit|apt|apartment|door|house|entrance|gate))?\)"
         # (a row house's rear house straight after its street, before the city: "1893 Kansas St Rear, Memphis")
         # (or a flat of a two-flat: "1420 W. Lincoln Ave. Lower Unit, Milwaukee")
         r"|(?<=[a-z.][ \t])(?:(?:Upper|Lower|Rear|Front)[ \t]+(?:Unit|Apt|Flat)|Rear|Upper|Lower|Bsmt|Basement)\b(?=,)"
         r"|#\s*[\w-]+|\d+(?:st|nd|rd|th)\s+(?:[Ff]loor|[Ff][l1])\b\.?"   # (an OCR's "2nd f1" too)
         r"|(?<=\n)[ \t]*P\.?[ \t]?O\.?[ \t]*Box[ \t]+\d+))")   # (a box on the street's next line)
_STATES = ("AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH"
           "|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|PR|GU|VI"
           "|Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho"
           "|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota"
           "|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York"
           "|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina"
           "|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|West Virginia|Wisconsin|Wyoming"
           "|Guam|Puerto Rico|American Samoa")   # (territories too; not "Northern Mariana": Mariana is a given name)
# The city, then a real state (its postal code or name, any case) and the ZIP: "it" or "me" after a comma is a
# state only when a ZIP follows (Maine's "ME" and a sentence's "me" look alike)
_STATE_FULL_NAMES = _STATES[_STATES.index("Alabama"):]   # (the states' names, their postal codes left off)
# (the AP's abbreviations of the states, written with their stop: "Springfield, Ill. 62701")
_STATES_AP = (r"Ala|Ariz|Ark|Calif|Colo|Conn|Del|Fla|Ga|Ill|Ind|Kan|Kans|Ky|La|Md|Mass|Mich|Minn|Miss|Mo|Mont|Neb|Nebr"
              r"|Nev|N\.H|N\.J|N\.M|N\.Y|N\.C|N\.D|Okla|Ore|Pa|R\.I|S\.C|S\.D|Tenn|Tex|Vt|Va|Wash|W\.Va|Wis|Wyo")
_ZIP_CODE = r"\d{5}(?:-\d{4})?"
# the ZIP on the state's line, or alone on the next ("Springfield, IL<newline>62701"; not a count that starts a line,
# "IL<newline>12000 students served")
_ZIP_AFTER = rf"(?:,?[ \t]*+{_ZIP_CODE}|,?[ \t]*+\n[ \t]*+{_ZIP_CODE}(?=[ \t]*(?:\n|$)))"
# the city's words (up to four), after a space before a comma, "Apt 4 , Springfield", a dash or a line break
# (each run of blanks possessive: three runs side by side read a padded export line in cubic time)
_CITY = r"(?:[A-Za-z][A-Za-zʻ.'-]*[ \t]+){0,3}[A-Za-z][A-Za-zʻ.'-]*(?:,[ \t]*|[ \t]+)"   # (an ʻokina: "Waiʻanae")
# then a real state (its postal code, the AP's abbreviation, its name) and the ZIP, or a city's ZIP alone ("IL.,
# 62701", "Springfield, Ill. 62701", "Springfield 62701")
_CITY_STATE_ZIP = (rf"(?:[ \t]*+(?:[,\u2013\u2014-][ \t]*+)?(?:\n[ \t]*+)?{_CITY}"
                   rf"(?:(?:{_STATES})\b\.?(?:{_ZIP_AFTER})?|(?:{_STATES_AP})\.(?:{_ZIP_AFTER})?"
                   rf"|[A-Za-z]{{2}}\.?{_ZIP_AFTER}|{_ZIP_CODE})(?![\w-]))")
# the same with its state and ZIP required and a comma, a dash or a line break before the city: what a street with no
# suffix or a spelled house number needs after it (never "12 Teachers from Springfield, IL 62701")
_CITY_STATE_ZIP_REQUIRED = (rf"(?:[ \t]*+(?:[,\u2013\u2014-][ \t]*+(?:\n[ \t]*+)?|\n[ \t]*+){_CITY}"
                            rf"(?:(?:{_STATES})\b\.?|(?:{_STATES_AP})\.){_ZIP_AFTER}(?![\w-]))")
# a house number, with a letter or a fraction ("221B", "12 1/2"), or a rural grid's ("N4521", "W 2290")
# (Queens numbers its houses by the cross street, "123-45 Queens Blvd"; a building of two numbers, "6-7 Kongens Gade";
# Hawaiʻi by the zone, "55-1182 Hoʻea Rd")
# (never a room's, a pod's or a lab's number: "Room 204-B Learning Commons")
_HOUSE_NUMBER = r"\b(?<!Room )(?<!room )(?<!Rm )(?<!Rm\. )(?<!Pod )(?<!Lab )(?<!Portable )(?<!Classroom )(?<!Building )(?<!Bldg )(?:[NSEW][ \t]?(?=\d))?(?:\d{1,3}-\d{1,4}(?=[ ])|\d{1,6}(?:-[A-Z](?=[ ])|[A-Za-z])?)(?:\s+\d/\d)?"
# (or a mile post, as Alaska's roads number their houses: "Mile 2.1 Palmer-Fishhook Rd")
_HOUSE = rf"(?:\bMile[ \t]+\d{{1,3}}(?:\.\d{{1,2}})?(?=[ \t])|{_HOUSE_NUMBER})"
# a house number spelled out ("One Education Plaza")
_SPELLED_HOUSE = frozenset("One Two Three Four Five Six Seven Eight Nine Ten".split())
_QUADRANTS = frozenset("NE NW SE SW".split())
# words of measure that follow a number as a street's name would ("lives at 20 mins from school")
_MEASURE_WORDS = frozenset("mins min hrs hr mph pct wks wk yds yd fpl ft mi km lbs kg secs sec pts".split())
# a word that makes the number after it no house's: "Grade 5 S. Carolina, ...", "In 2019 S. Korea, ..."
_NUMBERED_BEFORE = re.compile(r"\b(?:grades?|gr|chapter|ch|section|sec|in|since|by|from|until|through|to|room|rm"
                              r"|page|pp?|step|tier|level|class|of|unit|lot|year|week|day|no)\.?[ \t]+$")
_DIRECTIONS = frozenset("N S E W".split())
# places of two words that read like a given name and a surname (or two words that are no English words)
_PLACE_PAIRS = frozenset(["puerto rico", "costa rica", "el salvador", "san juan", "san antonio", "san diego",
                          "san jose", "san francisco", "los angeles", "las vegas", "santa fe", "santa ana",
                          "santa clara", "santa barbara", "baton rouge", "des moines", "la crosse", "sierra leone",
                          "sri lanka", "saudi arabia", "hong kong", "abu dhabi", "buenos aires", "santo domingo",
                          "port arthur", "corpus christi", "el paso", "la paz", "san marcos", "santa rosa",
                          "nueva york", "nuevo mexico", "nueva jersey", "mauna kea", "mauna loa",
                          # (and their peoples: "our Puerto Rican families")
                          "puerto rican", "puerto ricans", "costa rican", "costa ricans", "sri lankan", "sri lankans",
                          "saudi arabian", "sierra leonean", "sierra leoneans", "el salvadoran"])
# countries and continents that are given names too (not "Jordan" or "Chad": far more often a person)
_COUNTRY_NAMES = frozenset("america asia india china kenya israel ireland france argentina burma".split())
# given names that are everyday words of Spanish ("soledad", "consuelo", "luna", "rey"): in lower case a person's only
# after a strong cue, and at a sentence's start not before a word of Spanish
_SPANISH_WORD_NAMES = frozenset("soledad consuelo rey reyes vega sierra luna paz luz cielo rosa flor dolores amparo pilar "
                                "angeles nieves rocio santos nada marina esperanza milagros caridad fe gloria alegria "
                                "refugio socorro remedios mercedes".split())
_SPANISH_ARTICLES = frozenset("la el los las del de una un hay mi tu su sin con".split())
_TOWN_DIRECTIONS = frozenset("North South East West New Fort Port Lake Mount Upper Lower".split())
_CAMP_AFTER = re.compile(r"[ \t]+(?:[Rr]efugee[ \t]+)?[Cc]amp\b")
_LOWER_RUN = re.compile(r"(?<![\w'’-])[a-z]+(?![\w'’-])")
# the kinds of animal a school keeps or dresses up as, after a name and "the": "Max the reading dog"
_PET_KINDS = frozenset("dog puppy cat kitten chicken chickens hen rooster duck rabbit bunny hamster gerbil mouse rat "
                       "fish goldfish turtle tortoise snake lizard gecko iguana bird parrot parakeet horse pony goat "
                       "pig sheep cow llama alpaca mascot".split())
_MASCOT_KINDS = frozenset("bull bulldog eagle tiger bear cub falcon hawk lion panther wildcat cougar mustang gator alligator "
                          "dolphin owl ram wolf hornet bobcat jaguar pelican bison buffalo raven".split())
_MASCOT_AFTER = re.compile(rf"[ \t]+the[ \t]+(?:{'|'.join(sorted(w.title() for w in _MASCOT_KINDS))})\b(?![ \t]+Scout)")
_PET_AFTER = re.compile(rf",?[ \t]+the[ \t]+(?:[a-z]+[ \t]+){{0,2}}(?:{'|'.join(sorted(_PET_KINDS))})\b")
_SPANISH_ARTICLE_BEFORE = re.compile(rf"\b(?:{'|'.join(sorted(_SPANISH_ARTICLES))})[ \t]+$")
_SPANISH_FUNCTION_AFTER = re.compile(r"[ \t]+(?:no|que|y|de|del|la|el|es|en|con|para|por|llena|lleno|mucho|mucha)\b")
_MOVE_VERBS = r"moved|relocated|transferred|drove|drives|commutes?|immigrated"
_FROM_END = r"[ \t]+(?:here[ \t]+|over[ \t]+|down[ \t]+|up[ \t]+)?from[ \t]+$"
_MOVED_FROM = re.compile(rf"\b(?:{_MOVE_VERBS}|came|comes|arrived|is){_FROM_END}")
# (for a roster name that is a town: a move, or people who came ("families came from Ammon"); "the referral came from
# Price" is the person)
_MOVED_AWAY_FROM = re.compile(rf"\b(?:{_MOVE_VERBS}){_FROM_END}|\b(?:families|students|kids|children|parents|people"
                              rf"|we|they)\b[^.;!?]{{0,24}}?\b(?:came|come|arrived){_FROM_END}", re.I)
_STATE_AFTER = re.compile(rf",[ \t]*(?:{_STATE_FULL_NAMES}|[A-Z]{{2}}\b)")
_AT_PLACE_BEFORE = re.compile(r"\b(?:in|at|from|near)[ \t]+$", re.I)
_IN_PLACE_BEFORE = re.compile(r"\b(?:in|near|across|outside|throughout|around|through|via)[ \t]+$", re.I)
# a neighbour in a list of names (read on the lower-cased text): "sanaa, aden, beirut", "cleveland or greenville",
# one word or two ("long beach")
_LIST_SEP = r"(?:,[ ]*|[ ]+(?:and|or|&)[ ]+)"
_PLACE_LIST_BEFORE = re.compile(rf"(?<![\w'’-])([a-z][\w'’-]+){_LIST_SEP}$")
_PLACE_LIST_BEFORE_TWO = re.compile(rf"(?<![\w'’-])([a-z][\w'’-]+[ ][a-z][\w'’-]+){_LIST_SEP}$")
_PLACE_LIST_AFTER = re.compile(rf"{_LIST_SEP}([a-z][\w'’-]+)(?:[ ]([a-z][\w'’-]+))?")
# what stands between two people of a list: "Dana Reyes and Covington", "Reyes, Covington"
_BESIDE = re.compile(r"(?:,[ ]*|[ ]+(?:and|&)[ ]+)")
# the words that join two names, Spanish "y" too: "Keyshla y Jandiel", "Donnie & Crystal Hall"
_JOINED_BY = r"(?:and|&|y)"
_BESIDE_BEFORE = re.compile(_BESIDE.pattern + "$")
_STATE_WORDS = frozenset(w.lower() for name in _STATES.split("|") for w in name.split() if len(w) > 2)
# (those that name a state alone: not the "New" or "North" that streets share)
_STATE_OWN_WORDS = _STATE_WORDS - {"new", "north", "south", "west"}
_STATE_NAMES = frozenset(name.lower() for name in _STATES.split("|") if len(name) > 2)
# New York City's boroughs: a school's short form that is one of them is the borough ("Bronx" of "Bronx High School
# of Civic Arts"), never the school
_BOROUGHS = frozenset("bronx brooklyn manhattan queens harlem".split())
# (nor a territory's letters: "CNMI" of "CNMI Public School System")
_TERRITORY_LETTERS = frozenset("cnmi usvi gu pr vi as mp".split())
# A state's education agency (or one of its regional offices) is public, and names no more than the state: a roster
# that lists state staff with their agency does not make the agency, its initials or its state's name private
_STATE_AGENCY = re.compile(rf"^(?:(?:{_STATE_FULL_NAMES})(?:[ ]+State)?|State)[ ]+"
                           r"(?:(?:Department|Dept\.?)[ ]+of[ ]+(?:Public[ ]+)?(?:Education|Instruction)|Education[ ]+"
                           r"(?:Department|Agency)|Board[ ]+of[ ]+Education|Office[ ]+of[ ]+(?:the[ ]+)?(?:State[ ]+)?"
                           r"Superintendent)\b")
# (where the department of education is the one district, as in the territories: "Guam Department of Education" is
# GDOE to its staff, a district on a roster, never a state agency above districts; Hawaii's, with its complex areas
# below it, stays a state's)
_ONE_DISTRICT_STATE = re.compile(r"(?:Guam|American[ ]Samoa|Northern[ ]Mariana[ ]Islands|CNMI"
                                 r"|(?:U\.S\.[ ])?Virgin[ ]Islands)[ ]")
# A city with no state after a street, when the phrase ends there: "34690 Harris Terrace Apt. 971, Saraville",
# "9129 John Viaduct, Apt. 9D, Johnsonhaven - way too far", "..., north brittany and the bus ..."
_CITY_END = (r"(?:,[ \t]*(?:[A-Z][a-zʻ'-]+[ \t]+){0,2}[A-Z][a-zʻ'-]+"
             r"(?=[ \t]*(?:$|[.;:!?)\n—–]|-[ \t]|,[ \t]+(?:and|but|not|so|which|where)\b|[ \t]+(?:and|but|so)\b)))")
_CITY_END_LOWER = _CITY_END.replace("[A-Z][a-zʻ'-]+", "[a-z][a-zʻ'-]+")
# (a state's highway by its letters, "NC Hwy 711"; a county's numbered road alone, "2950 Rd 14")
_ROUTES = (r"(?:(?:[A-Z]{2}[ \t]+)?(?:Highway|Hwy)|Loop|Route|Rte|FM|RM|County\s+R(?:oa)?d|R(?:oa)?d(?=[ \t]+\d)|CR"
           r"|State\s+Road|State\s+Route|SR|US|Interstate|Farm\s+Road)")
# Street types written before the name: "2150 Calle Las Palmas", "18 Camino Real"
_PREFIX_TYPES = r"(?:Calle|Avenida|Camino|Paseo|Carretera|Via|V\u00eda|Rue|Avenue\s+of\s+the|Chalan)"
_NUMBER_AFTER_TYPES = r"(?:Calle|Avenida|Camino|Paseo|Carretera)"
_STREET_TYPES_FIRST = frozenset(_NUMBER_AFTER_TYPES[3:-1].lower().split("|")) | {"rue"}
_ROAD_BEFORE_BOX = re.compile(r"(?<![\w-])(?:Mile(?:post|[ ]Marker)?[ ]\d+(?:\.\d+)?,?[ ]*)?(?:(?:US|State|[A-Z]{2})[ ])?"
                              r"(?:Hwy|Highway|Route|Rte|CR|County[ ]Road)[ ]\d{1,4}[A-Z]?,[ ]*$")
# A park of mobile homes, trailers or RVs by its name: "Shady Acres Mobile Home Park", "Desert Palms RV Park"
_HOME_PARK = (r"(?-i:(?:[A-Z][\w'’-]*[ \t]+){1,4}(?:(?:Mobile[ \t]+Home|Trailer|RV|Manufactured[ \t]+Home)[ \t]+"
              r"(?:Park|Court|Ct|Community|Village|Estates|Homes)|MHP)"   # ("Cypress Bend MHP")
              # (a colonia of the border, named before the word or after it: "Las Palmas Colonia", "Colonia San Isidro")
              r"|(?:[A-Z][\w'’-]*[ \t]+){1,3}Colonia|Colonia(?:[ \t]+[A-Z][\w'’-]*){1,3})\b")
# A unit written before the street: "2nd floor, 300 Main Street", "PMB 212, 1550 Oak Hollow Pkwy"
_ADDRESS_GAP = re.compile(r"[ \t]*,?[ \t]*\n?[ \t]*")
# an apartment complex's name after its unit: "Apt 12, Willow Creek Apts, 1201 S Hwy 41"
_COMPLEX = r"(?-i:(?:[A-Z][\w'’-]*[ \t]+){1,3}(?:Apts|Apartments|Townhomes|Villas|Courts|Terrace|Manor|Gardens|Commons))\b"
# (in Spanish too, as families write the room or flat they rent: "cuarto 2, 1420 Kedzie Ave", "Depto 4B, ...")
_UNIT_BEFORE = re.compile(r"(?:\b(?:PMB|Suite|Ste|Apt|Apartment|Unit|Room|Rm|Bldg|Building"
                          r"|Cuarto|Depto|Dpto|Apto|Departamento|Apartamento|Interior)\.?[ \t]*#?[ \t]*"
                          r"(?:\d[\w-]*|[A-Z](?![\w'’-]))"   # (a number or a letter: not "apartment at 3124 ...")
                          rf"(?:,[ \t]*{_COMPLEX})?"
                          r"|\b(?:Lot|Space|Spc|Trlr|Cabin)\.?[ \t]*#?[ \t]*\d[\w-]*"
                          # (with its park: "Lot 22, Shady Acres Mobile Home Park, 3900 Old Missouri Rd")
                          rf"(?:,[ \t]*{_HOME_PARK})?"
                          r"|(?<![\w#])#[ \t]*\d{1,5}[A-Za-z]?"   # ("#5, 310 Oak St")
                          # (a house's part and a farm's lane: "Rear, 27380 Road 19", "Farm Lane 4, 9000 SR-29 N")
                          r"|\b(?:Rear|Upstairs|Downstairs|Basement)|\b(?:Farm[ \t]+)?Lane[ \t]+\d{1,3}"
                          r"|\b\d+(?:st|nd|rd|th)[ \t]+(?:floor|fl)\b\.?),?[ \t]*$", re.I)

# A capitalised word of a name after the first, hyphenated parts included ("Vasquez-Lindholm", "Tran-dao", "O'neil");
# never a hyphen at its end, so that no half of a name is left behind.
# (a name broken by a hyphen and a space, "Ar- guello", is one part; one a PDF broke over two lines, "Jen-<newline>
# nings", is read whole already: see _SOFT_BREAK)
_NAME_PART = r"[A-Z][a-z'’]+(?:-(?:[ ](?=[a-z]))?[A-Z]?[a-z'’]+)*"
#: Pattern name → compiled regular expression for identifiers with a recognisable shape.
# titles typed in lower case before a name: courtesy titles ("mr hargrove"), and roles used as titles ("principal
# gomez", "la maestra lupita"), which take a name word only (:func:`_name_word`)
_LOWER_TITLES = "mr mrs ms mx miss miz dr mister missus doctor auntie aunty uncle".split()
_LOWER_ROLE_TITLES = "coach principal pastor profe maestra maestro sra srta sheikh imam deacon rabbi brother sister".split()
PATTERNS: dict[str, re.Pattern[str]] = {
    # an address, an e-mail written to dodge filters ("name @ domain", "(at)", "{at}", "[at]") and "mailto:"; an
    # apostrophe inside the local part is the name's own ("ja'nya.freeman@..."); a local part spaced out too
    # ("lina . haddad @ example . org"), a dot written out or fenced ("(dot)", "[.]") and a comma typed for the
    # domain's dot ("@example,org")
    # possessive runs (*+, ++): a word is read once, never re-tried character by character (the first two
    # alternatives, "-at-"/"_at_" and "arroba", start only at a word's start and read each word once)
    "email": re.compile(r"(?:mailto:)?(?<![\w.+-])[a-z0-9][\w.+]*(?:-at-|_at_)[a-z0-9]+"
                        # (never a file's name: "Students-at-Risk.pdf", "kids_at_home.docx")
                        r"(?:(?:-dot-|_dot_|\.)(?!(?:pdf|docx?|xlsx?|pptx?|csv|txt|png|jpe?g)\b)[a-z0-9-]+)+"
                        # ("jdoe-at-example-dot-org", "jdoe_at_example.org": dashes or underscores around the words)
                        r"|(?<![\w.+-])(?!(?:con|y|el|la|de|en|un|una|a)\s)[a-z0-9][\w.+-]*(?:\s+punto\s+[a-z0-9][\w+-]*){0,3}"
                        r"\s+arroba\s+(?!(?:y|el|la|de|en|con)\s)"
                        # (in Spanish, "punto" for each dot, of the local part too: "dana punto reyes arroba ...";
                        # no word after a full stop)
                        r"[\w-]+(?:\s+punto\s+[a-z0-9-]+|\.[a-z0-9-]+)+"
                        r"|(?:mailto:)?(?<![\w.+-])\w[\w.+'’-]*+(?<=\w)"
                        # (a stray blank before a dot of the local part, as a PDF or a scan leaves it: "dana .reyes@")
                        # (four such parts at most: a long run of them, no address after, is read in linear time)
                        r"(?:(?:[ \t]\.[ \t]?|\s*[({\[]\s*(?:dot|\.)\s*[)}\]]\s*)\w[\w.+'’-]*+(?<=\w)){0,4}"
                        # ("@@": a doubled key; "%40": the @ of a link's mailto: as the link writes it; "<at>"; a scan's
                        # "©" for "@")
                        r"\s*(?:@@?|%40|(?<=\w)©(?=\w)|[({\[<]\s*(?:at|@)\s*[)}\]>]|\*at\*|-at-)\s*[\w-]+"
                        # (a comma typed for a dot before the domain's last words: "jdoe@rgcisd,example.org")
                        r"(?:\s*(?:\.\.?|[({\[<]\s*(?:dot|\.)\s*[)}\]>]|\*dot\*|-dot-|\bdot\b"
                        r"|,(?=(?:[\w-]+\.)*(?:org|com|net|edu|gov|us)\b))"
                        # (after a stop with no blank before it, a blank continues the address only before a label
                        # in lower case, in capitals or a domain's ending: never the next sentence's first word,
                        # "outreach@bwcs.example.net. Mrs. Hotak said"; after a spaced stop or a written "dot", any
                        # label: "jdoe @ Lakeview . Example . org", "jdoe@lakeview dot Hogback dot org")
                        r"(?:(?<=\s\.)\s+|(?<![\s\w]\.)\s+"
                        r"|\s+(?-i:(?=[a-z0-9]|[A-Z0-9-]{2,}\b|(?i:org|com|net|edu|gov|us|mx|ca)\b))|)[\w-]+)+"
                        # (a district's own mail with no domain's ending: "jdoe@district"; not a time, "lunch@noon")
                        r"|(?<![\w.+-])[a-z][\w.+-]*(?<=\w)@[a-z][\w-]{2,}(?![\w.@-])(?<!@noon)", re.I),
    # "first.last at example.org": the word "at" before a domain, when what precedes it looks like an address's
    # local part (a dot, an underscore or a digit in it; never an everyday word: "we met at bps.org")
    "email_at_word": re.compile(r"(?<![\w.@-])[a-z0-9]++[._][\w.]*+(?<=[a-z0-9])\s+at\s+(?:[\w-]+\.)+[a-z]{2,6}\b"
                                r"|(?<![\w.@-])[a-z]++\d++\s+at\s+(?:[\w-]+\.)+[a-z]{2,6}\b", re.I),
    # a plain word before "at" and a domain: after an e-mail cue or an opening bracket ("email gkim at example.org",
    # "<gkim at example.org>"), or when the word is no English word ("dreyes at example.org"; not "met at bps.org")
    # (a comma typed for the dot: "jdoe at example,org"; a webmail's name alone: "jdoe at gmail")
    # (a dotted or joined local part too: "dana.reyes at gmail", "d_reyes at example.org")
    "email_at_plain": re.compile(r"(?<![\w.@+-])[a-z](?:[a-z0-9]|[._+-](?=[a-z0-9]))*\s+at(?:[ \t]+(?:sign|symbol))?\s+"
                                 r"(?:(?:[\w-]+(?:[.,]|[ \t]\.[ \t]))+(?:org|com|net|edu|gov|us)\b"
                                 r"|(?:gmail|yahoo|hotmail|outlook|icloud|aol)\b(?!\.))", re.I),
    "email_spelled": re.compile(
        # (a local part of four dotted words at most: "first dot middle dot last", read in linear time)
        # (an initial read out before it is its first letter: "l begay at ... dot org" is lbegay's; never a word of
        # one letter, "a", "I", Spanish "o", "u", "y")
        r"(?<![\w.+'’-])(?:(?-i:[b-hj-np-tv-xzB-HJ-NP-TV-XZ])[ \t]+(?=[a-z]))?"
        r"(?:[\w+-]++\s+dot\s+){0,4}+[\w.+-]++(?<=\w)\s*(?:\(at\)|\[at\]|\{at\}|\bat\b(?:[ \t]+(?:sign|symbol)\b)?)"
        # (a domain's first part of up to four words read out, "scioto plains dot ...", letters too, "q c p s dot ...")
        # (never a phrase's words: "met at the park dot com")
        r"\s*(?:[\w-]+|(?!(?:the|a|an|our|my|your|their|this|that|his|her)\b)[\w-]+"
        r"(?:[ \t]+(?!(?:dot|period|at|the|a|an|our|my|your|their|this|that|his|her)\b)[\w-]+){1,3}?)"
        r"(?:\s*(?:\.|[({\[](?:dot|\.)[)}\]]|\b(?:dot|period)\b)"
        # (the last word is a domain's ending: "... dot org period thanks" ends at "org")
        r"\s*[\w-]+)*\s*(?:(?:[({\[](?:dot|\.)[)}\]]|\bdot\b)\s*[a-z]{2,12}"
        r"|\bperiod\b\s*(?:org|com|net|edu|gov|mil|int|info|biz|[a-z]{2}))"
        r"(?![\w-])(?!\s*(?:\bat\b|[({\[]at[)}\]]|@))", re.I),   # ("reach me at ...": the address is the one after "me at")
    # ten digits with any separators (a slash or dash after the area code too: "(808)-555-0101"), an optional
    # country code (1, +1, 001, (+1)) and extension ("x212", ", ext. 14", "#12"), spaces around the separators
    # ("808 - 555 - 0101"), the line's last four digits in pairs ("802-555-01-47"), a second line's four digits after a
    # slash ("808-555-0147/0148"); or seven digits in the local
    # form, the exchange starting 2-9 as North American numbers do, also straight after a label's stop ("Tel.555-0147")
    "phone": re.compile(r"(?=[\d(\[+])(?<![\w-])(?:(?:\+?1|001|\(\+1\))[\s.-]?)?"
                        # (any dash, a middle dot, an underscore or a backslash typed for the slash between the
                        # groups: "703—555—0142", "703·555·0142", "612\555-0134")
                        # (an area code with its closing bracket only: "787)555-0123"; in square brackets or with
                        # spaces inside its parentheses, as some forms and scans give it: "[956] 555 0123",
                        # "( 956 ) 555-0123", "(956).555.0123")
                        # (square brackets only around a real area code, which never starts 0 or 1: "[100] 200 3000"
                        # is a table's cells)
                        r"(?:\(\s?\d{3}\s?\)\.?\s?[/\u2013\u2014-]?\s?|\[\s?[2-9]\d{2}\s?\][ -]?|\d{3}\)\s?"
                        r"|\d{3}\s?[\s./\\\u2013\u2014\u00b7_-]\s?|\d{3})"
                        # (the last four in pairs: "555-01-23"; never with spaces, "412 398 27 31" is a row of counts)
                        r"\d{3}(?:(?:\s?[.\u2013\u2014\u00b7_-]\s?|\s{1,2})?\d{4}|([.\u2013-])\d\d\1\d\d)"
                        # (a second line's last digits after a slash: "651-555-0116/0117", "651-555-0116/17")
                        r"(?:/\d{4}(?!\d)|/\d{2}(?!\d))?"
                        # (or the digits a caller presses after the number, the pound sign after them: ", 2#")
                        # (a menu's option too, and the pound sign after the extension: "Opt 2", "ext. 2#")
                        r"(?:,?\s*+(?:-\s*+)?(?:x\.?|e?xt\.?:?|extension|opt\.?|option|\#)\s*+(?:-\s*+)?\d{1,5}\#?"
                        r"|,[ ]?\d{1,5}\#"
                        r"|[ ]?\((?:x\.?|ext\.?:?|extension)[ ]?\d{1,5}\))?(?![\w-])"   # ("-ext-12", "x. 3")
                        r"|(?:(?<![\w./-])|(?<=tel\.)|(?<=ph\.)|(?<=fax\.))[2-9]\d{2}(?:[.\u2013-]| (?=\d{4}(?![\w/-])))\d{4}"
                        r"(?:\s*(?:x|ext\.?|extension|\#)\s*\d{1,5})?(?![\w/-])", re.I),
    # a number an OCR pass or a careless typist wrote with letters for digits: "7O3-555-0l42", "(7O3) 555-Ol42"
    # (the letters O, o, I and l only, and six digits at least: see _ocr_phone)
    # (Z, S and B for 2, 5 and 8 too, as OCR reads a faxed form: "Z39-555-0167")
    "phone_ocr": re.compile(r"(?<![\w-])(?:\([\dOIlZSB]{3}\)[ ]?|[\dOIlZSB]{3}[ .\u2013-])[\dOoIlZSB]{3}[ .\u2013-]"
                           r"[\dOoIlZSB]{4}(?![\w-])|(?<![\w./-])[2-9][\dOoIl]{2}[.\u2013-][\dOoIl]{4}(?![\w/-])"),
    # an extension alone, which rings one desk ("call me at ext. 4471", "x4471"), and a local number with its last
    # four digits in pairs ("555-01-47")
    "phone_extension": re.compile(r"(?<![\w.-])(?:ext\.?|extension)(?:[ \t]+is)?[ \t]*[#:]?[ \t]*\d{3,5}(?![\w-])"
                                  r"|(?<![\w.-])x\d{3,5}(?![\w-])"
                                  r"|(?<![\w./-])[2-9]\d{2}([.\u2013-])\d\d\1\d\d(?![\w/-])", re.I),
    # with a scheme or www., a known top-level domain, or any domain followed by a path (bit.ly/x, forms.gle/x)
    # (a link defanged as security teams write it too: "hxxp://")
    # (a scheme typed wrong stays the link's: "https//", "http:/", "ftp://"; a dot fenced, "example[.]org/x"; a link
    # with blanks around its dots, as a phone's keyboard or a PDF leaves it, in lower case and with a path or "www":
    # "bit . ly/abc", "www .example. org"; a link read out with its path: "tinyurl dot com slash abc")
    "url": re.compile(r"(?<![@\w.-])(?:(?:h(?:tt|xx)ps?(?:://|\[:\]//)|www\.)[^\s<>\"]+"
                      r"|(?:(?:h(?:tt|xx)ps?|ftps?):?//?)?"
                      r"(?:(?:[a-z0-9-]+\.)+(?:org|com|edu|net|gov|us|io|info)\b(?::\d{2,5}(?=/))?"
                      r"(?:/[^\s<>\"]*)?"
                      r"|(?:[a-z0-9-]+(?:\.|\[\.\]|\(\.\))){1,8}(?:org|com|edu|net|gov|us|io|info)\b(?::\d{2,5}(?=/))?"
                      r"(?:/[^\s<>\"]*)?"
                      r"|(?:[a-z0-9-]++\.)++[a-z]{2,6}/[^\s<>\"]+)"
                      # (the last label a domain's ending or a shortener's, never a pair of words: "kids . he/she",
                      # "fun. ok/no"; every run bounded, so that a long run read from each of its words stays linear)
                      r"|(?-i:(?<!\.[ ])(?:[a-z0-9-]+(?:[ ]\.[ ]?|\.)){1,6}"
                      r"(?:org|com|net|edu|gov|us|io|info|ly|gle|gl|co|me|to|link|page)/[^\s<>\"]+"
                      r"|www[ ]?\.[ ]?(?:[a-z0-9-]+[ ]?\.[ ]?){1,6}(?:org|com|edu|net|gov|us)\b"
                      r"|(?!(?:it|this|that|he|she|we|they|you|i)[ ])[a-z0-9-]+(?:[ ]dot[ ][a-z0-9-]+){0,5}[ ]dot[ ]"
                      r"(?:org|com|net|edu|gov|us|io|ly|gle)(?:[ ]slash[ ][a-z0-9-]+){1,6}\b))", re.I),
    # a street in title case ("1200 Oak Grove Rd"), then what continues it; a street in lower case only with a
    # unit or a city and state after it, and never a year before words ("2022 Kennedy Park hosted ...")
    # (an ordinal is a street's word too, and a quarter may follow the street: "300 E. 5th Ave NW")
    "street_address": re.compile(
        # a numbered or lettered road: "1200 Loop 360 South", "4410 FM 1960", "88 County Road 12", "County Road QQ"
        # (and a half road between two, as Colorado's grid numbers them: "County Road T.5", "Road 27.5")
        # (a grid of numbered streets, as Utah's towns address: "3450 S 2700 W", "450 E 100 N")
        # (the two directions across each other: never "100 N 200 S")
        rf"(?:{_HOUSE}[ \u00a0]+(?:(?:[NS]\.?[ \t]+\d{{1,5}}[ \t]+[EW]|[EW]\.?[ \t]+\d{{1,5}}[ \t]+[NS])\b\.?"
        rf"(?:[ \t]+(?:St|Street)\b\.?)?"
        # (an old road by its old number: "4880 Old Highway 61 N")
        rf"|(?:(?:Old[ \t]+)?{_ROUTES}[ \t]+(?:\d{{1,4}}(?:\.\d)?[A-Z]?|[A-Z]{{1,2}}(?:\.\d)?)|[A-Z]{{2}}-\d{{1,4}})\b(?:[ \t]+(?:North|South|East|West|[NS][EW]|[NSEW])\b\.?)?"
        # (an interstate's service road: "1420 I-40 Service Rd")
        rf"|(?:(?:[A-Z][a-zʻ'-]*|MLK|JFK|FDR|I-\d{{1,3}}|\d{{1,3}}(?:st|nd|rd|th)|\d{{1,2}}(?=[ \t]+Mile\b)"
        rf"|(?<=Mile[ ])\d{{1,2}})\.?[ \t]+){{1,4}}"   # ("9 Mile Rd", "Mile 9 Rd": a section road by its mile)
        rf"(?:{_SUFFIXES})\b\.?"
        # (a quadrant after it, with stops or without: "200 Piedmont Ave. S.E.")
        rf"(?:[ \t]+(?:[NS]\.[EW]\.|(?:[NS][EW]|[NSEW])\b\.?))?(?:[ \t]+\d{{1,4}}(?=,))?"
        # (a direction before it: "2201 W. Calle Sopori")
        rf"|(?:[NSEW]\.?[ \t]+)?{_PREFIX_TYPES}\s+(?:(?:[A-Z][a-zʻ'-]*|de|del|la|las|los)\s+){{0,3}}[A-Z][a-zʻ'-]*\b"
        # (a street with no suffix, or a road by its letters and number, when a city, a state and a ZIP follow: "1420 Broadway,
        # Springfield, IL 62701", "1420 Avenue B, ...", "88 KY 15, Hazard, KY 41701", "12 Old US 23, ...")
        rf"|(?:(?:[A-Z][A-Za-zʻ'-]*|I-\d{{1,3}})\.?[ \t]+){{0,3}}(?:[A-Z][a-zʻ'-]+|[A-Z]|\d{{1,4}})"
        rf"(?=(?:{_UNIT})*+{_CITY_STATE_ZIP_REQUIRED}))"   # (units possessive: a run of them is read one way)
        # the number after the street, as Spanish addresses write it: "Calle Sol 45, Ponce, PR 00716"
        rf"|{_NUMBER_AFTER_TYPES}\s+(?:[A-Z][a-zʻ'-]*\s+){{0,3}}[A-Z][a-zʻ'-]*\s+\d{{1,5}}[A-Za-z]?(?:-\d{{1,4}})?(?=,))"
        rf"(?:{_UNIT})*(?:{_CITY_STATE_ZIP}|{_CITY_END})?"),
    # a street with no type, when a direction before its name and a town after it say it is one: "1420 S. Kedzie,
    # Chicago" (the town one of the place list's, the street no state's word, the number no grade's, chapter's or
    # year's: never "12 N. Carolina, Texas and others", "Section 12 E. Coli, Salmonella"; see PiiDetector._rule_spans)
    "street_address_directed": re.compile(
        rf"{_HOUSE_NUMBER}[ \t]+[NSEW]\.?[ \t]+(?P<street>(?:[A-Z][a-zʻ'-]+[ \t]+){{0,2}}[A-Z][a-zʻ'-]+)"
        rf"(?=,[ \t]*(?P<town>(?:[A-Z][a-zʻ'-]+[ \t]+){{0,2}}[A-Z][a-zʻ'-]+)\b)(?:{_UNIT})*"
        rf"(?:{_CITY_STATE_ZIP}|{_CITY_END})?"),
    # a house by its number and street, with or without the street's type, after words that say it is where someone
    # lives: "the house at 1420 Kedzie", "apt 3b at 1420 kedzie", "she moved in at 88 Tull" (the unit is the address's
    # too; the words before it are not: see the reading in PiiDetector._rule_spans)
    "house_at": re.compile(
        r"(?i:\b(?:apt|apartment|unit|cuarto|depto)\.?[ \t]*\#?[ \t]*\d[\w-]{0,4}[ \t]+at[ \t]+"
        r"|(?:(?<=\bhouse[ ]at[ ])|(?<=\bhome[ ]at[ ])|(?<=\btrailer[ ]at[ ])|(?<=\blives[ ]at[ ])|(?<=\bliving[ ]at[ ])"
        r"|(?<=\bstaying[ ]at[ ])|(?<=\bstays[ ]at[ ])|(?<=\bmoved[ ]in[ ]at[ ])|(?<=\bmoved[ ]to[ ])|(?<=\blive[ ]at[ ])))"
        r"\d{2,6}[A-Za-z]?(?:[ \t]+[NSEW]\.?)?[ \t]+"
        r"(?P<street>(?-i:[A-Z][a-zʻ'-]+(?:[ \t]+[A-Z][a-zʻ'-]+){0,2})|(?-i:[a-z][a-zʻ'-]{2,}))(?![\w'’-])"),
    # a house number spelled out, as offices in a plaza or a centre write it, always with a city, state and ZIP after
    # it: "One Education Plaza, Jackson, MS 39201"
    "street_address_spelled": re.compile(
        rf"\b(?:{'|'.join(sorted(_SPELLED_HOUSE))})[ \t]+(?:[A-Z][a-zʻ'-]*[ \t]+){{0,3}}(?:{_SUFFIXES})\b"
        rf"\.?(?:{_UNIT})*+{_CITY_STATE_ZIP_REQUIRED}"),
    # a street of a city's quadrant grid, without a house number: "off SW 97th Ave", "NW 27th Avenue"
    "street_address_grid": re.compile(r"\b(?:NE|NW|SE|SW)[ \t]+\d{1,3}(?:st|nd|rd|th)[ \t]+"
                                      r"(?:St|Ave|Ct|Ter|Pl|Rd|Dr|Blvd|Way|Ln"
                              r"|Street|Avenue|Court|Terrace|Place|Road|Drive|Boulevard|Lane)\b\.?"),
    # a lot in a park of mobile homes, the park named, before it or after it, with its town: "Lot 14, Twin Oaks Trailer
    # Park, Springdale", "Pine Hollow Mobile Home Park, Lot 9" (never the park alone: "the RV Park entrance")
    "home_park_lot": re.compile(
        # (a colonia's lot by its block too: "Lot 14, Block 3, Colonia Los Laureles")
        rf"(?:\b(?:Lot|Space|Spc|Trlr)\.?[ \t]*#?[ \t]*\d[\w-]*,[ \t]*(?:(?:Block|Blk|Manzana)\.?[ \t]*\d[\w-]*,[ \t]*)?"
        rf"{_HOME_PARK}"
        rf"|{_HOME_PARK},?[ \t]*(?:Lot|Space|Spc|Trlr)\.?[ \t]*#?[ \t]*\d[\w-]*\b)"
        # (then the road it is on, as a colonia's lots are found: "Colonia Las Palmas Lot 27, FM 1015")
        rf"(?:{_CITY_STATE_ZIP}|,[ \t]*{_ROUTES}[ \t]+\d{{1,4}}[A-Z]?\b(?:{_CITY_STATE_ZIP})?"
        rf"|,[ \t]*(?P<town>[A-Z][a-zʻ'-]+(?:[ \t]+[A-Z][a-zʻ'-]+)?)(?![\w'’-]))?"),
    # a numbered road as the whole street, with a unit or none, then a town, a state and a ZIP: "CR 410, Lot 7, Laredo,
    # TX 78046", "County Road 12, Hazard, KY 41701" (never the road alone: "CR 410 is closed")
    "road_address": re.compile(rf"\b{_ROUTES}[ \t]+\d{{1,4}}[A-Z]?\b(?:[ \t]+(?:[NSEW]|North|South|East|West)\b)?"
                               rf"(?:{_UNIT})*+{_CITY_STATE_ZIP_REQUIRED}"),
    # a military mail address: "Unit 31401, Box 212, APO AE 09630", "PSC 817 Box 2204, FPO AE 09622-0022"
    "military_address": re.compile(r"\b(?:Unit|PSC|CMR)[ \t]+\d{3,5},?[ \t]*Box[ \t]+\d{1,5},?\s*"
                                   r"(?:APO|FPO|DPO)[ \t]+(?:AE|AP|AA)[ \t]+\d{5}(?:-\d{4})?\b"),
    "street_address_lower": re.compile(
        rf"{_HOUSE}[ \u00a0]+(?:(?:[a-z][a-zʻ'-]*|\d{{1,3}}(?:st|nd|rd|th))\s+){{1,4}}(?:{_SUFFIXES.lower()})\b\.?"
        rf"(?:(?:{_UNIT})+(?:{_CITY_STATE_ZIP}"
        rf"|(?-i:{_CITY_END_LOWER}))?|(?:{_CITY_STATE_ZIP}))", re.I),
    # a Puerto Rico address, which names its urbanización, road and kilometre, or barrio before the town and ZIP:
    # "Urb. Villa Monte Alto, Calle 3 #18, Ciales, PR 00638", "Carr. 149 Km 12.3, Bo. Pesas, Ciales, PR 00638"
    "street_address_pr": re.compile(
        r"\b(?:Urb|Urbanizacion|Carr|Carretera|Bo|Barrio|Cond|Condominio|Res|Residencial|Sector|Parcelas)\b\.?[ \t]+"
        r"[^\n]{1,80}?,?[ \t]*\n?[ \t]*(?:[A-Z][\w'-]*[ \t]+){0,3}[A-Z][\w'-]*,?[ \t]+PR[ \t]+00\d{3}(?:-\d{4})?\b"),
    # a courtesy title typed in lower case, before a word that is no everyday word: "mr hargrove", "ms. okafor"
    "lower_titled_name": re.compile(rf"\b(?:{'|'.join(_LOWER_TITLES + _LOWER_ROLE_TITLES)})\.?[ \t]+"
                                    r"(?!(?:mr|mrs|ms|mx|miss|dr)\b)"
                                    r"[a-z][a-zʻ'-]{2,}(?:[ \t]+[a-z][a-zʻ'-]{2,})?\b"
                                    # (voice typing spells a title out before a name it capitalises: "thank you to
                                    # doctor Okafor", "mister Yazzy")
                                    r"|\b(?:doctor|mister|missus)[ \t]+[A-Z][a-zʻ'’]{2,}(?:-[A-Z][a-zʻ'’]+)*"
                                    r"(?:[ \t]+[A-Z][a-zʻ'’]{2,}(?:-[A-Z][a-zʻ'’]+)*)?(?![\w'’-])"),
    # a post office box, a rural route's or a highway contract's box ("HC 60 Box 2310", "RR 2, Box 14"), "Apartado"
    # in Puerto Rico, "General Delivery"
    "po_box": re.compile(rf"\b(?:(?:P\.?\s?O\.?\s*Box|Post\s+Office\s+Box|Apartado|(?:HCR?|RR|R\.R\.|RFD|R\.F\.D\.|RD|R\.D\.|BIA[ \t]+Route|Rural\s+Route|Star\s+Route|Rte?\.?|Route"
                         # ("Box 44A", "Box 214-B")
                         rf"|Highway\s+Contract(?:\s+Route)?)[ \t]*\d+[ \t]*,?[ \t]*Box)[ \t]+\d+(?:-?[A-Z])?\b"
                         # (a street's name after the box: "PO Box 88, Red Springs Rd, Harnell, NC 28383")
                         rf"(?:,[ \t]*(?:[A-Z][\w'-]*[ \t]+){{1,3}}(?:{_SUFFIXES})\b\.?(?={_CITY_STATE_ZIP}))?"
                         rf"|General\s+Delivery"
                         # a rural delivery route or a BIA road, then the town: "RD 2, Ronks, PA 17572", "BIA Route 7,
                         # Kyle, SD 57752"
                         rf"|(?:RD|R\.D\.|BIA[ \t]+(?:Route|Rte|Hwy|Highway|Road))[ \t]*\d{{1,4}}(?={_CITY_STATE_ZIP}))"
                         rf"(?:{_CITY_STATE_ZIP})?", re.I),
    # a title, then a name (with its particles or a saint's "St."), or a lone initial: "Mrs. G", "Ms. St. John",
    # and the names after it, each whole with its hyphenated parts ("Prof. Dmitri Vasquez-Lindholm")
    # (an apostrophe inside a name, "O'Neil", but the name ends at a possessive: "Ms. Lee's Reading Workshop")
    # (a retired officer keeps the rank: "Colonel (Ret.) Harlan Pettibone", "Sgt. Maj. (Ret.) Orlando Villafane")
    # (a couple under one name: "Mr. and Mrs. Oyelaran-Smith")
    # (a title and its name on one line: "Leadership Coach<newline>Sweetwater Valley RESA" is a signature's two lines)
    # a school's nurse and an assistant principal as students and staff address them: "Nurse Kim", "AP Garcia"
    # (the name a given name or a surname: see PiiDetector._staff_name; kept apart from _TITLES, whose words cue
    # names everywhere, for "AP" is a course's as often: "AP Lang")
    "staff_titled_name": re.compile(r"\b(?:Nurse|AP)[ ]+[A-Z][a-z'’-]+(?![\w'’-])"),
    # (a courtesy title's stop with no space after it too: "Mrs.Thibodeaux")
    "titled_name": re.compile(rf"\b{_TITLES}(?:\.?[ \t]+|(?<=Mr|Ms|Dr|Mx)\.(?=[A-Z][a-z])|(?<=Mrs)\.(?=[A-Z][a-z]))"
                              rf"(?:(?:and|&)\s+{_TITLES}\.?\s+)?"
                              rf"(?:\(Ret\.?\)\s+)?(?:{_TITLES}\.?\s+(?:\(Ret\.?\)\s+)?(?=[A-Z]))?"
                              rf"(?:St\.?\s+)?{_PARTICLES}*ʻ?"   # (an ʻokina first: "Coach ʻAholelei")
                              r"(?:[A-Z](?:[\w-]|['’](?!s\b))++"
                              r"|[A-Z](?![\w-]|['’](?!s\b)))"
                              rf"(?:\s+{_NAME_PART}(?=\s+{_NAME_PART}\b))?(?:\s+{_NAME_PART})?"
                              # (in capitals, its next words too, never a function word: "MR. SOANE TAUFA FOR ...")
                              r"(?:(?<=[A-Z]{2})[ ](?!(?:AND|FOR|THE|TO|OF|AT|IN|ON|WITH|FROM|IS|WAS|ARE|WILL|WHO|THAT|THIS"
                              r"|OUR|MY|HIS|HER|THEIR|BY|AS|OR|BUT|SO|IF|WE|I|HE|SHE|THEY|YOU)\b)[A-Z]{2,}(?:['’-][A-Z]+)*"
                              r"(?![\w'’-])){0,2}"),
}
_PATTERN_LABEL = {"email": "EMAIL", "email_spelled": "EMAIL", "email_at_word": "EMAIL", "email_at_plain": "EMAIL",
                  "phone": "PHONE", "phone_extension": "PHONE", "phone_ocr": "PHONE", "url": "URL",
                  "street_address": "ADDRESS", "street_address_lower": "ADDRESS", "street_address_pr": "ADDRESS",
                  "street_address_spelled": "ADDRESS", "street_address_grid": "ADDRESS",
                  "street_address_directed": "ADDRESS", "house_at": "ADDRESS",
                  "military_address": "ADDRESS", "po_box": "ADDRESS", "home_park_lot": "ADDRESS",
                  "road_address": "ADDRESS", "lower_titled_name": "PERSON",
                  "titled_name": "PERSON", "staff_titled_name": "PERSON"}
# On ties between detectors the first label here wins (an e-mail holding a name is an e-mail).
_PRIORITY = {label: i for i, label in enumerate(["EMAIL", "URL", "PHONE", "ADDRESS", "PERSON", "SCHOOL"])}

_ABBREVIATED = re.compile(r"\b(?:St|Ave|Av|Rd|Blvd|Ln|Dr|Ct|Pl|Ter|Pkwy|Hwy|Cir|Sq|Trl|Cres|Pt|Mt|Hts|Xing|Expy|Fwy|Crk"
                          r"|Cv|Jct|Ctr|Apt|Ste|Fl|Rm|Bldg)\.$", re.I)
# "<name>'s The Title ..." / "<name>'s Title Words": a possessive before a capitalised work's title
_WORK_AFTER = re.compile(r"['’]s[ \t]+(?:(?:The|A|An|We|Our|How|Why|What)[ \t]+)?[A-Z][\w'’-]*(?:[ \t]+(?:of|the|a|an|and|to|in"
                         r"|for|with|than|more|[A-Z][\w'’-]*)){1,8}")
# "<Title Case Work> by <name>"
_WORK_BEFORE = re.compile(r"[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*)*[ \t]+by[ \t]+$")
# a record's verb just before "by" names who did it, not a work's author: "Log Submitted by", "Notes Logged by"
_RECORD_BY = re.compile(r"\b(?:logged|submitted|recorded|entered|prepared|compiled|reviewed|led|facilitated|presented"
                        r"|taught|read|signed|approved|reported|completed|observed|coached|hosted|organi[sz]ed|sent"
                        r"|run|done|given|shown|held)[ \t]+by[ \t]+$", re.I)
_COURTESY_TITLE = re.compile(r"(?:Mr|Mrs|Ms|Mx|Miss|Mister|Missus|Coach)\b")
# (two cases heard as one, their plaintiffs by a slash: "Yazzie/Martinez v. State of New Mexico")
_COURT_CASE = re.compile(r"(?:[A-Z][\w.'’-]*[ \t]+){0,3}[A-Z][\w.'’-]*(?:/[A-Z][\w.'’-]*)?[ \t]+vs?\.[ \t]+[A-Z][\w.'’-]*"
                         r"(?:[ \t]+(?:of[ \t]+|the[ \t]+)?[A-Z][\w.'’-]*){0,4}")
_EMAIL_CUE = re.compile(r"e-?mail|write to|contact|reach|send (?:it|them|this) to|message|address is|inbox")
_EMAIL_OPEN = re.compile(r"(?:mailto:|[<(\[])[ \t]*$")   # the bracket or scheme that opens an address: "<gkim at ...>"
# Nouns after a name that make it a place ("Lakeshore Drive", "Grant Park"): the cue is the same words anywhere.
_PLACE_NOUNS = ("Drive|Avenue|Street|Road|Boulevard|Parkway|Ave|Blvd|Rd|Hwy|Pkwy|Park|Island|Field|Hospital|Memorial|Museum|Library"
                "|Airport|Bridge|River|Lake|Center|Centre|Administration|Post|Trap|Hotel|Stadium|Arena|Mall|Plaza"
                "|Square|County\\s+Courthouse|Beach|Falls|Springs|Bay|Harbor|Creek|Canyon|Valley|College|University"
                "|Institute|Camp|camp|Refugee\\s+Camp|refugee\\s+camp|State\\s+Park|National\\s+Park|State\\s+Forest|Place|Hall"
                "|Wildlife\\s+Refuge|Wash|Canal|Bayou"
                # (and in lower case, what is named after a public figure: "the Gerald R. Ford museum")
                "|museum|memorial|monument|airport|expressway|freeway")   # (a refugee camp: "from Mae La camp")
_PLACE_NOUN = re.compile(rf"['’]?s?\s+(?:{_PLACE_NOUNS})\b")
_KIND_CENTER_AFTER = re.compile(r"[ ](?:Center|Centre|Campus)\b")
_PLACE_NOUN_WORDS = frozenset(re.sub(r"\\s\+", "|", _PLACE_NOUNS).split("|"))
# Words after a name that make it a company's or a foundation's ("Tyson Foods", "Lilly Endowment", "the Reyes Family
# Foundation", "Chan Zuckerberg Initiative"): an organisation's name, which names no one here
_ORG_NOUNS = ("Foods|Foundation|Foundations|Initiative|Endowment|Financial|Corporation|Corp|Inc|Incorporated|LLC|LLP"
              "|Company|Companies|Bank|Insurance|Motors|Industries|Enterprises|Holdings|Fund|Trust|Permanente")
_ORG_NOUN = re.compile(rf"(?:['’]s)?(?:[ \t]+Family)?[ \t]+(?:{_ORG_NOUNS})\b")
_ORG_NOUN_WORDS = frozenset(_ORG_NOUNS.split("|"))
# Words after a first name that make it a place, a time or a thing, not a person's surname.
_NOT_SURNAME_PLACES = frozenset("""
texas florida georgia carolina virginia dakota washington county city park street avenue road drive lake river
island day week month year period session program project plan unit award prize fund foundation university college
church hospital library museum center centre hall field stadium house building room state
el elem alt prep charter magnet isd usd intermediate primary montessori
beach falls springs bay harbor creek canyon valley institute
department board office agency turnpike boulevard highway parkway ave blvd rd hwy pkwy
baptist methodist missionary lutheran presbyterian episcopal pentecostal tabernacle mosque masjid synagogue cathedral
society association club league alliance coalition guild auxiliary ministries corporation
""".split())
# articles that start a place's name, never a person's ("Las Milpas", "El Paso"; not "Des", "Le": given names too)
_ARTICLES = frozenset("el la las los del".split())
# place words that are common surnames too: after a given name and beside a cue they are a surname ("thanks to
# Ji-hoon Park", "Dorothy Hall said")
_SURNAME_PLACE_WORDS = frozenset("park hall field house washington".split())
# The word after a first name that may be its surname, and words that never are (sentence words, days, months).
_SURNAME_NEXT = re.compile(r"[ \t]+([A-Z][a-z'’ʻ-]+(?:-[A-Z][a-z'’ʻ-]+)?)(?![\wʻ])(?!['’]?\w)")   # ("Alapaʻi")
_NOT_SURNAME = frozenset("""
i the a an and or but so if when then than that this these those there here he she they we you it his her their our
my your its is was are were be been will would can could should may might must do did does has have had not no yes
monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
september october november december said says asked told thanks thank please also just only still even really
elementary middle high school academy district team grade class room office center
nueva nuevo general regional actual anterior dios direccion oficina
""".split())
# A street address whose house number is a year needs a continuation (a unit, a comma, a line break) to count.
_YEAR_LEAD = re.compile(r"(?:19|20)\d\d\s")
_MILE_ROAD = re.compile(r"\d{1,2}[ \t]+Mile[ \t]+R(?:oa)?d\.?")
_CONTINUED = re.compile(r"[,\n#]|\b(?:Apt|Apartment|Suite|Ste|Unit|Floor|Room)\b", re.I)
# Words before a number pair that make it a range (scores, pages, grades), not a seven-digit phone number.
_RANGE_CUE = re.compile(r"\b(?:between|from|range|ranges|ranged|ranging|rose|fell|grew|dropped|scores?|scored|pages?|pp|grades?|ages?|rooms?|"
                        r"ticket|tickets|case|order|invoice|confirmation|account|id|"
                        r"years?|cost|costs|\$)\W*$", re.I)
# Cheap tests that rule a pattern out before it runs (most comments hold no e-mail, phone or URL).
_DIGIT = re.compile(r"\d")
# cheap tests before the address and phone patterns: a house number before a capital; six digits in two runs of
# three with at most three separators between (a year alone never passes)
_ADDRESSISH = re.compile(rf"\d(?:-?[A-Za-z]|\s+\d/\d)?\s+[A-Z]|\b{_NUMBER_AFTER_TYPES}\s+[A-Z]"
                         r"|\d\s+(?:\d{1,3}(?:st|nd|rd|th)\s+[A-Z]|[A-Z]{2}-\d)")   # "201 1st St NE", "2200 KY-15"
# a street typed in capitals ("PICKUP IS AT 1300 W 18TH ST", a signature's "210 NORTH MAIN STREET"): a house number,
# up to four words in capitals and a street's type in capitals; the street is then read in title case (_title_caps)
_CAPS_STREET = re.compile(r"\d[ \t]+(?:[A-Z0-9]+\.?[ \t]+){1,4}(?:ST|AVE|AV|RD|BLVD|DR|LN|CT|PL|WAY|TER|CIR|PKWY|HWY"
                          r"|TRL|LOOP|STREET|AVENUE|ROAD|BOULEVARD|DRIVE|LANE|COURT|PLACE|TERRACE|CIRCLE|PARKWAY"
                          r"|HIGHWAY|TRAIL)\b")
# the words a street in capitals is read by: runs of three capitals and more, and the two-letter street types, in
# title case; an ordinal's letters in lower case ("18TH": "18th"); state codes and quadrants stay ("IL", "NE")
_CAPS_RUN = re.compile(r"(?<=\d)(?:ST|ND|RD|TH)\b|[A-Z]{3,}|\b(?:ST|AV|RD|DR|LN|CT|PL)\b")


# (a street in capitals only where an address is said, after "AT", "TO", "FROM", "IS", "ADDRESS" or a line's start, and
# with no word of a sentence inside: never "GAVE 110 PERCENT AND LED THE WAY", "DAY 1 WAS ABOUT THE LONG ROAD")
_CAPS_ADDRESS_CUE = re.compile(r"(?:^|\n|[:;(@]|\b(?:AT|TO|FROM|IS|ADDRESS|ADDR|ON|MEET|MAIL|SEND|LIVES|PICKUP))[ \t]*$",
                               re.I)
_CAPS_FIELD_BEFORE = re.compile(r"[—–|][ \t]*$")
_STATE_ZIP_END = re.compile(r"\b[A-Z]{2}[ \t]+\d{5}(?:-\d{4})?$")
_SENTENCE_WORDS = frozenset("""the a an and or of from to in on at all was is are were be been about down up with by for it
its our my we they i you he she his her their this that these those not no so as if then than but came went led gave give
walked play played said had has have did do does will would can could""".split())


def _caps_street_said(text: str, m: re.Match[str]) -> bool:
    """Whether a street read in title case from capitals (:func:`_title_caps`) stands where an address is said."""
    words = text[m.start():m.end()].split()
    # (or a dash between a log's fields, a state and a ZIP closing it: "HOME VISIT LOG — ... — 1717 MARYLAND AVE E,
    # APT 6<newline>SAINT PAUL, MN 55106")
    return bool(_CAPS_ADDRESS_CUE.search(text, max(0, m.start() - 16), m.start())
                or _CAPS_FIELD_BEFORE.search(text, max(0, m.start() - 4), m.start()) and _STATE_ZIP_END.search(m.group(0))) \
        and not any(w.lower().strip(",.") in _SENTENCE_WORDS for w in words[1:])


def _title_caps(text: str) -> str:
    """``text`` with its words in capitals in title case, the same length (ASCII letters only change)."""
    return _CAPS_RUN.sub(lambda m: m.group(0).lower() if m.start() and text[m.start() - 1].isdigit()
                         else m.group(0)[0] + m.group(0)[1:].lower(), text)


# cheap tests before the extension and OCR phone patterns: a letter beside a digit, "x" and three digits, a local
# number's last four digits in pairs
_OCRISH = re.compile(r"\d[OoIlZSB]|[OoIlZSB]\d")
_X_EXTENSION = re.compile(r"(?<![\w.-])x\d{3}")
_PAIRED_LOCAL = re.compile(r"\d{3}[.\u2013-]\d\d[.\u2013-]\d\d")
_PHONEISH = re.compile(r"\d\d\d\s?[)\]]?[\s./\\\u2013\u2014\u00b7_-]{0,3}\d\d\d")
# cheap tests before the e-mail patterns written with "at" and the link pattern (a lower-case street is tried only
# with a unit, a ZIP or a "#" in the text: see _worth_trying)
_AT_DOMAIN = re.compile(r" at (?:(?:sign|symbol) )?(?:(?:[\w-]+(?:[.,]|[ \t]\.[ \t]))+[a-z]{2,6}\b|(?:gmail|yahoo|hotmail|outlook|icloud|aol)\b)")
_URLISH = re.compile(r"[a-z0-9-]\.[a-z]{2,6}/")
_TLD = re.compile(r"\.(?:org|com|edu|net|gov|us|io|info)\b")
#: Literal phrases one of which a self-identifying description holds: a cheap test before the full pattern.
_SELF_PHRASES = ("retired principal", "retired teacher", "retired superintendent", "former principal",
                 "there is one", "there is only one", "there's one", "there was one", "only have one", "only has one",
                 "only had one", "newcomer", "wife of", "husband of", "our one ", "the last remaining", "the one based",
                 "facilitator for", "presenter for", "speaker for", "trainer for", "coach for", "the one from",
                 "before this one", "before the current", "our band", "our choir", "our athletic", "our school nurse",
                 "our nurse", "our librarian", "my librarian", "our media", "our drama", "our art teacher",
                 "our music", "our bookkeeper", "our registrar", "our sro", "our resource", "s new", "s brand",
                 "our cafeteria", "my cafeteria", "our kitchen", "our head", "our office manager", "our attendance",
                 "our data analyst", "our testing", "-speaking",
                 "'s new", "’s new", "the only", "the first", "the sole", "the newest", "the youngest", "the oldest",
                 "the longest",
                 "of the year", "our youngest", "our oldest", "our newest", "our first", "my youngest", "s first",
                 "'s first", "’s first", "on our board", "on the board", "on our council", "on the council",
                 "service dog", "wheelchair", " cane", "accent", "mustache", "earrings", "ponytail",
                 "i'm the", "im the", "i am the", "i was the", "as the", "being the", "the one who", "the one whose",
                 "knows who", "knew who", "knows which one", "knew which one", "know who", "know exactly who",
                 "someone who has been", "someone who had been", "a person who has been", "a teacher who has been",
                 "the person who has been", "know who this is", "easy to spot", "only one of us", "know who i am",
                 "'s only", "s only", "our only", "my only", "only male", "only female", "only man", "only woman",
                 "only black", "only white", "only latin", "only hispanic", "only asian", "only bilingual",
                 "only native", "only gay", "only trans", "lone ", "sole ", "who filed", "that filed",
                 "who reported", "that reported", "who complained", "that complained", "who grieved", "who sued",
                 "who quit", "who resigned", "who spoke up", "who blew", "who went to the", "who called",
                 "who wrote", "that wrote", "i've been", "ive been", "i have been", "been here for", "been here ",
                 "years at this", "teaching for", "whoever has been", "whoever's been", "the one with", "'s wife",
                 "assigned to", "placed at", "hired to", "hired from", "brought in", "principal of the",
                 "superintendent of the", "director of the", "head of the", "my principal", "our principal", "my ap",
                 "our ap", "my superintendent", "our superintendent", "my coach", "our coach", "my mentor",
                 "my supervisor", "my evaluator", "our band director", "my band director", "department head",
                 "the lady", "the man ", "the woman", "the guy", "the gentleman", "the person in", "the person with",
                 "the one in", "the presenter in", "the presenter with", "the facilitator in", "wearing",
                 "is also the", "is also our", "the former", "the retired", "most senior",
                 "whoever run", "whoever ran", "whoever is in", "whoever was in", "whoever lead", "whoever led",
                 "whoever coord", "whoever manag", "whoever handl", "whoever answer", "whoever teach", "whoever taught",
                 "whoever order", "whoever sched", "in charge of", "drives in", "drives from", "drives over",
                 "commutes", "commuted", "drove in", "flies in",
                 "'s husband", "'s spouse",
                 "'s partner", "'s sister", "'s brother", "'s son", "'s daughter", "'s mother", "'s mom", "'s father",
                 "'s dad", "'s cousin", "'s niece", "'s nephew", "'s girlfriend", "'s boyfriend", "married to",
                 "related to", "pregnant", "the one ", "longest-serving", "longest serving", "years in",
                 "since the school opened", "since the building opened", "council's", "board's", "committee's",
                 "union's", "pta's", "pto's", "association's",
                 "district's one", "school's one",
                 "building's one", "campus's one", "network's one", "paired with", "matched with", "has been at",
                 "has been with", "had been at", "'s been at", "the interim", "the acting")


# The words of a text, read once: most patterns run only when one of their words is there (a set test).
_ALPHA = re.compile(r"[^\W\d_]+")  # letters of any script
_ASCII_ALPHA = re.compile(r"[A-Za-z]+")  # the same on ASCII text, and faster (no Unicode categories to look up)
_NON_ASCII_KEY = "\x00"  # (in PiiDetector.keys: some roster term starts with no letter)
# the titles of _TITLES, as words (their lookarounds dropped; a title of several words stays one entry,
# "Chief[ ]Warrant[ ]Officer", which no single word equals)
_TITLE_WORDS = frozenset(re.sub(r"\(\?<?[=!][^)]*\)", "", w)
                         for w in re.split(r"\|(?![^()]*\))", _TITLES[3:-1]))   # (the top level's alternatives)
# the titles streets are named after ("Bishop Street", "Judge Road"), never a courtesy title or a role's
_STREET_TITLES = frozenset("Bishop Judge Deacon Elder Father Sister Brother Chief Colonel Officer Sheriff Pastor "
                           "Rev Reverend Monsignor Senator Governor President Captain Sergeant".split())
_LOWER_SCHOOL_WORDS = frozenset("high middle elementary elem prep academy alternative k area public county".split())
_LOWER_ADDRESS_WORDS = frozenset("apt apartment suite ste unit floor fl room bldg lot".split())
_ZIP = re.compile(r"\b\d{5}\b")


_LEADING_WORD = re.compile(r"([A-Za-z]+)[ \t]+")
_NOT_PARK_WORDS = frozenset("yesterday today tomorrow tonight visited visit then and the at from in near to by".split()) \
    | CALENDAR
_ROUTE_NUMBER = re.compile(rf"\b{_ROUTES}[ \t]+\d")


def _worth_trying(folded: str, low: str, toks: frozenset[str] | set[str], digits: bool) -> list[str]:
    """The PATTERNS that can match ``folded`` at all (``toks``: its words; ``digits``: whether it has any)."""
    names = ["titled_name"] if not toks.isdisjoint(_TITLE_WORDS) else []
    if "Nurse" in toks or "AP" in toks:
        names.append("staff_titled_name")
    if not toks.isdisjoint(_LOWER_COURTESY):
        names.append("lower_titled_name")
    if "@" in folded or "(at)" in low or "{at}" in low or "[at]" in low or "<at>" in low or "-at-" in low \
            or "*at*" in low \
            or "_at_" in low or " arroba " in low or "%40" in low or "©" in folded:
        names.append("email")
    if " at " in low and _AT_DOMAIN.search(low):
        names.append("email_at_word")
        names.append("email_at_plain")
    if ("dot" in low or "[.]" in low or "(.)" in low or "{.}" in low or "period" in low) and "at" in low:
        names.append("email_spelled")
    if "://" in low or "[:]//" in low or "www." in low or _TLD.search(low) or "/" in low and _URLISH.search(low) \
            or "[.]" in low or "(.)" in low or "www ." in low or " slash " in low and " dot " in low \
            or "/" in low and " ." in low:
        names.append("url")
    if "box" in low or "apartado" in low or "general delivery" in low or "RD" in folded or "R.D." in folded \
            or "BIA" in folded:
        names.append("po_box")
    if digits and "PR" in folded and " 00" in folded:
        names.append("street_address_pr")
    if digits and ("APO" in folded or "FPO" in folded or "DPO" in folded):
        names.append("military_address")
    if digits:
        if _ADDRESSISH.search(folded):
            names.append("street_address")
        if "#" in low or not toks.isdisjoint(_LOWER_ADDRESS_WORDS) or _ZIP.search(low) \
                or any(t.lower() in _LOWER_ADDRESS_WORDS for t in toks if not t.islower()):
            names.append("street_address_lower")
        if _PHONEISH.search(folded):
            names.append("phone")
        if "ext" in low or "x" in low and _X_EXTENSION.search(low) or _PAIRED_LOCAL.search(folded):
            names.append("phone_extension")
        if _OCRISH.search(folded):
            names.append("phone_ocr")
        if not toks.isdisjoint(_DIRECTIONS) and "," in folded:
            names.append("street_address_directed")
        if " at " in low or "moved to " in low:
            names.append("house_at")
        if not toks.isdisjoint(_SPELLED_HOUSE) and _ZIP.search(low):
            names.append("street_address_spelled")
        if not toks.isdisjoint(_QUADRANTS):
            names.append("street_address_grid")
        if "Trailer" in folded or "Mobile" in folded or "RV" in folded or "Manufactured" in folded or "MHP" in folded \
                or "Colonia" in folded:
            names.append("home_park_lot")
        if _ROUTE_NUMBER.search(folded) and _ZIP.search(low):
            names.append("road_address")
    return names


# A phone number read out, as voice typing writes it: "six one two five five five zero one three four", "612 five
# five five 0134" (digits and digit words, "oh" for zero; "double five", "triple nine" for a digit said twice or thrice)
# (and in Spanish, "nueve cinco seis cinco cinco cinco cero uno tres cuatro", "guion" for a dash; a digit word may follow
# digits with no blank, as a half-typed number does: "612-555-01three four")
_DIGIT_OF = {w: str(i) for i, w in enumerate("zero one two three four five six seven eight nine".split())} | {"oh": "0"} \
    | {w: str(i) for i, w in enumerate("cero uno dos tres cuatro cinco seis siete ocho nueve".split())}
_DIGIT_WORDS = frozenset(_DIGIT_OF)
_SPOKEN_DIGITS = re.compile(rf"(?<![\w-])(?:(?:(?:double|triple)[ ]+(?={'|'.join(_DIGIT_OF)}))?"
                            rf"(?:{'|'.join(sorted(_DIGIT_OF, key=len, reverse=True))}|\d{{1,4}}"
                            rf"(?=(?:{'|'.join(sorted(_DIGIT_OF, key=len, reverse=True))})\b)|\d{{1,4}})"
                            r"(?:[ ]+(?:dash|hyphen|guion|period|dot|punto)[ ]+|[ ,\-–—]+|(?=[^\w-]|$)|(?<=\d)(?=[a-z]))){4,11}")
# (a digit word glued to digits, as a half-typed number has it, or any digit word where no comma parts the numbers:
# never a list of scores, "88, 92, 95, 100, one")
_DIGITS_THEN_WORD = re.compile(rf"\d(?:{'|'.join(sorted(_DIGIT_OF, key=len, reverse=True))})\b")
_SPOKEN_TRAIL = re.compile(r"[ ](?:dash|hyphen|guion|period|dot|punto)$")
# (a local part typed a letter at a time, each letter a word, so that no filter reads it: "d r e y e s @ ...",
# "d r e y e s at example dot org"; lower-case letters, four at least with the last: never "Rooms A B C d@x.org",
# "Scores 4 5 3 k@example.org")
_SPACED_LETTERS_BEFORE = re.compile(r"(?<![\w.+-])(?:[a-z][ ]){3,40}$")
_ONE_LETTER_LOCAL = re.compile(r"(?:[a-z][ ])?[a-z][ \t]*(?:@|[({\[]at[)}\]]|at\b)")
_EMAIL_WRAP_BEFORE = re.compile(r"(?<![\w.+-])[\w+-]+(?:\.[\w+-]+)*\.\r?\n$")
# (the last four digits of a second line after a number: "651-555-0116 or 0117", "... or 0120 for the front desk")
_SECOND_LINE = re.compile(r"[ ](?:or|and|&)[ ](\d{4})(?![\w/-]|[.,]\d|[ ]?(?:hours|hrs|am|pm|a\.m|p\.m)\b)", re.I)
_URL_WRAP = re.compile(r"\r?\n[ \t]*([\w%][^\s<>\"]*)")
_URLISH_PART = re.compile(r"[/=&?.%_\d-]")
# (a person between the cue and the number too: "text me ...", "reach her at ...")
_PHONE_CUE = re.compile(r"\b(?:call|text|cell|phone|number|dial|reach|ph|tel|mobile|office|fax|at)\b"
                        r"(?:[ ](?:me|her|him|us|them)(?:[ ]at)?)?[^\w]{0,3}$")


# An international number in ITU-T E.123's written form: "+", a country code other than North America's, then two to
# five groups apart (one of three digits at least), seven to fourteen digits after the country code as E.164's fifteen
# allow; or the same after a dialling prefix, "00" or "011" ("+52 55 1234 5678", "+692 625 5555", "011 52 55 1234 5678")
# (and as other countries' forms and exports write it: the country code glued to the area's digits, "+34844 819 482"; a
# trunk zero in brackets, "+44(0)121 4960260", "+33 (0)3 63 01 66 13", or a digit or two in brackets glued to the rest,
# as Mexico's mobile prefix is written, "+52(1)5512345678", or an area code so, "+90(212)5551234"; the country code
# in brackets, "+(370) 61234567", "(+30) 2101234567"; groups of up to ten digits, "+84-30-166131";
# no blanks at all, "+919935181909": then ten digits at least, and no cue needed)
_INTL_PHONE = re.compile(r"(?<![\w+])(?:(?P<open>\()(?=\+\d{1,4}\)))?(?P<prefix>\+|(?:00|011)[ ]?)(?P<bracket>\((?=\d{1,4}\)))?"
                         r"(?!1\b)(?P<cc>\d{1,7})(?(open)\)|(?(bracket)\)|))"
                         r"(?P<rest>[ ]?\((?:0|\d{1,4}(?=\)[ ]?\d))\)[ ]?\d{1,12}(?:[ .-]\(?\d{1,10}\)?){0,5}"
                         r"|(?:[ .-]\(?\d{1,12}\)?){1,5}|\d{3,12})"
                         r"(?:[ ]?(?:x|ext\.?[ ]?)\d{1,5})?"   # (an extension: "+90(212)555-1234x123")
                         r"(?![\w-]|[.,]\d)")
# (after a word that asks for a number, or alone on its line: "WhatsApp: ...", "her cell in Mexico is ...")
_INTL_CUE = re.compile(r"\b(?:call|text|cell|phone|tel|mobile|whatsapp|wa|ph|number|contact|reach|fax|viber|signal"
                       r"|telegram|celular|tel[eé]fono|n[uú]mero|at|is|es)\b[^\w\n]{0,4}(?:[\w ]{0,16}?\b(?:is|es|at)"
                       r"[^\w\n]{0,3})?$", re.I)


def _intl_phones(text: str) -> list[tuple[int, int, str]]:
    """International numbers (:data:`_INTL_PHONE`) after a cue (:data:`_INTL_CUE`), alone on their line or after a
    dialling prefix; never a row of signed scores ("+12 150 200 240")."""
    out = []
    for m in _INTL_PHONE.finditer(text):
        groups = re.findall(r"\d+", re.sub(r"(?:x|ext\.?)[ ]?\d+$", "", m.group("rest")))   # (after the country code)
        every = len(m.group("cc")) + sum(map(len, groups)) - ("(0)" in m.group("rest"))
        if m.group("prefix") != "+" and not (len(m.group("cc")) <= 3 and 2 <= len(groups) <= 5
                                             and max(map(len, groups)) <= 4 and "(0)" not in m.group("rest")):
            continue          # (after "00" or "011" E.123's own shape only: never a grant's or a case's number)
        if m.group("prefix") == "+" and m.group("rest").isdigit():
            if 10 <= every <= 15:
                out.append((m.start(), m.end(), "PHONE"))   # (E.164 with no blanks: "+919935181909")
            continue
        # (one group of three digits at least, the country code's glued digits counted, or four groups: "+33 2 50 94
        # 82 19", as France writes its pairs)
        # (seven digits at least after a country code of three: E.164's shortest national numbers)
        if not 8 <= every <= 15 or every - min(len(m.group("cc")), 3) < 7 \
                or max(max(map(len, groups)), len(m.group("cc")) - 2) < 3 and len(groups) < 4:
            continue
        line_start = text.rfind("\n", 0, m.start()) + 1
        line_end = text.find("\n", m.end())
        alone = not text[line_start:m.start()].strip() and not text[m.end():len(text) if line_end < 0 else line_end
                                                                   ].strip(" .;")
        if m.group("prefix") != "+" or alone or _INTL_CUE.search(text, max(0, m.start() - 40), m.start()):
            out.append((m.start(), m.end(), "PHONE"))
    return out


def _spoken_phones(low: str) -> list[tuple[int, int, str]]:
    """Phone numbers read out in words (:data:`_SPOKEN_DIGITS`): ten digits, eleven with a leading one, or seven
    after a word that asks for a number ("call five five five zero one four two"); three digit words at least,
    and never a count ("one, two, three, four, five, six, seven")."""
    out = []
    for m in _SPOKEN_DIGITS.finditer(low):
        words = [w for w in re.findall(r"[a-z]+|\d+", m.group(0)) if w not in ("dash", "hyphen", "guion", "period", "dot",
                                                                              "punto")]
        # ("double five", "triple nine": the digit two or three times, as British and Indian English read numbers out)
        digits = "".join(_DIGIT_OF.get(w, w) * (2 if prev == "double" else 3 if prev == "triple" else 1)
                         for prev, w in zip(["", *words], words) if w not in ("double", "triple"))
        # (three digit words at least, or one with the rest of a whole number in digits: "612-555-01three four")
        if sum(w in _DIGIT_WORDS for w in words) < 3 \
                and not ((_DIGITS_THEN_WORD.search(m.group(0)) or "," not in m.group(0)
                          and any(w in _DIGIT_WORDS for w in words))
                         and len(digits) in (10, 11) and sum(len(w) for w in words if w.isdigit()) >= 6):
            continue
        if digits in "0123456789" or digits in "12345678910":
            continue          # counting
        # (never a voice-typed "period" that ends the sentence: the blanks and commas first, then one word at most, each
        # stripped once from the end, so that a run of blanks is read in linear time; second reader, session 25)
        body = m.group(0).rstrip(" ,-–—")
        if (trail := _SPOKEN_TRAIL.search(body, max(0, len(body) - 12))) is not None:
            body = body[:trail.start()].rstrip(" ,-–—")
        end = m.start() + len(body)
        if len(digits) == 10 or len(digits) == 11 and digits[0] == "1" \
                or len(digits) == 7 and _PHONE_CUE.search(low, max(0, m.start() - 20), m.start()):
            out.append((m.start(), end, "PHONE"))
    return out


# An address read out, as voice typing writes it: the house number digit by digit (two digits at least), the street's
# words and its type in full, then perhaps the town, the state and the ZIP digit by digit: "four one two zero Northern
# Lights Boulevard Anchorage Alaska nine nine five zero eight" (no count has a street's type after it)
_DIGIT_WORD = "(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)"
_STATE_NAMES_LOWER = "|".join(sorted((n.lower() for n in _STATE_FULL_NAMES.split("|")), key=len, reverse=True))
_SPOKEN_ADDRESS = re.compile(
    rf"(?<![\w-]){_DIGIT_WORD}(?:[ ]+{_DIGIT_WORD}){{1,5}}[ ]+"
    r"(?:(?!(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|the|a|an|and|or|on|in|at|to|of|all|your|my|our|back"
    r"|take|then|way|place)\b)[a-zʻ][a-zʻ'’-]*[ ]+){1,3}?"
    r"(?P<type>street|avenue|boulevard|road|drive|lane|highway|parkway|terrace|way|place|court|circle|loop|trail)\b"
    rf"(?P<state>[ ]+(?:[a-zʻ][a-zʻ'’-]*[ ]+){{0,3}}?(?:{_STATE_NAMES_LOWER})\b"
    rf"(?:(?:[ ]+{_DIGIT_WORD}){{5}}\b)?)?")
# (a type that is an everyday word too, "way", "place", "court", "circle", "loop", "trail", only with a state after it)
_EVERYDAY_TYPES = frozenset("way place court circle loop trail".split())


# shapes that are a phone number only after a word that asks for one: digits typed one by one with spaces or dashes,
# as dictation writes a number ("my cell is 9 5 6 5 5 5 0 1 4 2", "call 9-5-6-5-5-5-0-1-3-4"; without the cue a row of
# single digits is a row of ratings), and a slash between all three groups of a North American number ("956/555/0123"; without the cue,
# thresholds: "250/500/1000")
# (and, after such a word only, a local number with spaces around its dash or run together: "call me at 555 - 0142",
# "Cell: 5550142"; without the word these are a range of scores or a code)
# (and a number as another country writes it at home, its trunk zero first, "her mother's cell in Hanoi is 090 2601
# 8159", "(020) 7496 0083", "0151 496 0091": nine to twelve digits after a word that asks for a number)
_CUED_DIGITS = re.compile(r"(?<![\w.,/-])(?:\d(?: \d){6,10}(?![\w/:-]|[.,]\d| \d)|\d(?:-\d){6,10}(?![\w/:-]|[.,]\d)|[2-9]\d{2}/[2-9]\d{2}/\d{4}(?![\w/-])"
                          r"|(?P<national>\(?0\d{1,4}\)?(?:[ .-]?\d{2,4}){2,4})(?![\w/-]|[.,]\d)"
                          # (Brazil's "32 2601-8159" and "(11) 98765-4321", Japan's "90-2601-8159", Poland's "792 601 815"
                          # and "32 895 55 97")
                          r"|(?P<abroad>\(?\d{2}\)?[ ]?9?\d{4}-\d{4}|\d{2,3}-\d{4}-\d{4}|[1-9]\d{2}[ ]\d{3}[ ]\d{3}"
                          r"|[1-9]\d[ ]\d{3}[ ]\d{2}[ ]\d{2})(?![\w/-]|[.,]\d|[ ]\d)"
                          r"|(?P<local>[2-9]\d{2}(?:[ ]?[-–][ ]?|)\d{4})(?![\w/-]|[.,]\d)"
                          # (ten digits grouped any way, as a hurried hand types them, after a word that asks for a
                          # number: "612-5550-134", "61 2555 0134", "612*555*0134"; and seven to thirteen in the groups
                          # other countries write, "31 47 52 86", "(06) 1234 5678", "8 (912) 345-67-89"; or run
                          # together, "912345678")
                          r"|(?P<grouped>\(?\d{1,5}\)?(?:[ ]?[-–.*/][ ]?|[ ]|(?<=\)))\(?\d{1,9}\)?"
                          r"(?:(?:[ ]?[-–.*/][ ]?|[ ])\d{1,9}){0,4})(?![\w/-]|[.,]\d)"
                          r"|(?P<bare>\d{7,15})(?![\w/-]|[.,]\d))")
_PHONE_ASKED = re.compile(r"\b(?:call(?:[ ]me)?(?:[ ]back)?(?:[ ]at)?|(?:cell|mobile|fax|phone|tel[eé]fono|celular)"
                          r"(?:[ ](?:phone|number|no\.?|\#))?(?:[ ](?:is|es))?|tel|dial|text[ ]me(?:[ ]at)?"
                          r"|(?:my|her|his|their|the)[ ]number[ ]is|n[uú]mero(?:[ ]es)?|reach[ ](?:me|us|her|him|them)[ ]at)"
                          r"[^\w]{0,4}$")
_PHONE_ASKED_SELF = re.compile(r"\b(?:call[ ](?:me|us|her|him|them)(?:[ ]back)?(?:[ ]at)?|(?:cell|mobile|phone|tel[eé]fono|celular)"
                               r"(?:[ ](?:phone|number|no\.?|\#))?(?:[ ](?:is|es))?|tel|text[ ](?:me|us|her|him|them)(?:[ ]at)?"
                               r"|reach[ ](?:me|us|her|him|them)[ ]at|(?:my|her|his|their|the)[ ]number[ ]is)[^\w]{0,4}$")
# (and for the slash form, any word that leads to a number: "Text 956/555/0123", "Contact: ...", "Reach her at ...")
_NUMBER_ASKED = re.compile(r"\b(?:text|contact|reach(?:[ ](?:me|her|him|them|us))?(?:[ ]at)?|number|no\.|ph)[^\w]{0,4}$")


def _grouped_abroad(digits: str) -> bool:
    """Whether digits in groups (or run together) read as a number written as another country writes it: seven to
    thirteen digits, a single digit only as the first group ("8 (912) 345-67-89"), and never a row of single digits
    ("2 4 6 8 10 12"), round figures (two groups ending "00", or a run ending "000"), years ("2019 2020"), a date
    ("12/05/2024", "2024 06 15", "20250115") or a sequence ("10-15-20-25")."""
    groups = re.findall(r"\d+", digits)
    n = sum(map(len, groups))
    steps = {int(b) - int(a) for a, b in zip(groups, groups[1:])}
    return 7 <= n <= 13 and not any(len(g) == 1 for g in groups[1:]) \
        and sum(g.endswith("00") for g in groups) < 2 and not (len(groups) == 1 and digits.endswith("000")) \
        and not all(len(g) == 4 and g[:2] in ("19", "20") for g in groups) \
        and not (len(groups) >= 3 and len(steps) == 1) \
        and _DATE_DIGITS.fullmatch(digits.strip("()")) is None


_DATE_DIGITS = re.compile(r"\d{1,2}[/. -]\d{1,2}[/. -](?:\d{2}|\d{4})|(?:19|20)\d{2}[/. -]?\d{1,2}[/. -]?\d{1,2}")
# (a count's noun after the digits: "call me at 120 150 200 people", "10-15-20-25 minutes"; never a number's)
_COUNT_AFTER = re.compile(r"[ ]+(?:minutes|mins|hours|hrs|days|weeks|months|years|people|students|kids|teachers"
                          r"|staff|families|parents|schools|points|pts|percent|times|pages|dollars|miles)\b")


def _cued_phones(low: str) -> list[tuple[int, int, str]]:
    """Phone numbers of the shapes :data:`_CUED_DIGITS` reads, right after a word that asks for a number: digits
    typed one by one (seven, ten, or eleven with a leading one), a slash between the three groups, and numbers as
    other countries write them at home (:func:`_grouped_abroad`); never digits a count's noun follows.

    Examples
    --------
    >>> _cued_phones("my cell is 9 5 6 5 5 5 0 1 4 2.")
    [(11, 30, 'PHONE')]
    >>> _cued_phones("ratings were 5 4 4 3 5 5 4 4 5 3; thresholds 250/500/1000")
    []
    >>> _cued_phones("cell: 956/555/0123")
    [(6, 18, 'PHONE')]
    """
    out = []
    for m in _CUED_DIGITS.finditer(low):
        if _COUNT_AFTER.match(low, m.end()):
            continue          # a count: "call me at 120 150 200 people"
        n = sum(ch.isdigit() for ch in m.group(0))
        if m.group("grouped") or m.group("bare"):
            if ((n == 10 or n == 11 and m.group(0)[0] == "1") and m.group(0)[0] not in "0(" or _grouped_abroad(m.group(0)))\
                    and _PHONE_ASKED.search(low, max(0, m.start() - 24), m.start()):
                out.append((m.start(), m.end(), "PHONE"))
            continue
        if m.group("abroad"):
            # (after a word that asks for someone's number only, and never round figures, two groups or more ending in
            # "00": "the number is 100 200 300"; one such group is a number's, "Cell: 600 707 413", "55 0309-2600")
            if _PHONE_ASKED.search(low, max(0, m.start() - 24), m.start()) \
                    and len(re.findall(r"(?:^|(?<=[ -]))\d*00(?=[ -]|$)", m.group(0))) < 2:
                out.append((m.start(), m.end(), "PHONE"))
            continue
        if m.group("national"):
            if (9 <= n <= 12 or _grouped_abroad(m.group(0))) and _PHONE_ASKED.search(low, max(0, m.start() - 24), m.start()):
                out.append((m.start(), m.end(), "PHONE"))
            continue
        if m.group("local") and not _PHONE_ASKED_SELF.search(low, max(0, m.start() - 24), m.start()):
            continue          # (a spaced or run-together local number after a word that asks for it as one's own only:
            #                   "call me at 555 - 0142"; never "our planning call 930 - 1130")
        if (n in (7, 10) or n == 11 and low[m.start()] == "1") \
                and (_PHONE_ASKED.search(low, max(0, m.start() - 24), m.start())
                     or "/" in m.group(0) and _NUMBER_ASKED.search(low, max(0, m.start() - 24), m.start())):
            out.append((m.start(), m.end(), "PHONE"))
    return out


_BEFORE = r"(?<![\w'’-])"  # not inside a longer word or name
# the same, written after a match's first character: a pattern that starts with a character set rather than an
# assertion lets the regex engine skip to the places where that character occurs (twice as fast on comments)
_BEFORE_FIRST = r"(?<![\w'’-].)"
_AFTER = r"(?![\w-])(?!['’](?!s\b)\w)"  # a possessive ('s) may follow, a contraction ("Don't") not


def _trim_url(url: str) -> str:
    """A link without the sentence's punctuation after it; a closing bracket stays when the link opened it
    ("https://example.org/a(b)")."""
    while url and url[-1] in ".,;:!?)]}'\"":
        if url[-1] in ")]}" and url.count("([{"[")]}".index(url[-1])]) >= url.count(url[-1]):
            break
        url = url[:-1]
    return url


def fold(text: str) -> str:
    """Strip accents (NFKD, combining marks removed): "José Núñez" → "Jose Nunez".

    Examples
    --------
    Letters with a stroke or a ligature, which NFKD leaves whole, are written as their plain letters too ("Đặng" →
    "Dang", "Łitso" → "Litso", "Søren" → "Soren"), as people type them on an English keyboard.

    >>> print(fold("José O’Neil-Núñez"))
    Jose O’Neil-Nunez
    >>> print(fold("Đặng Łitso Søren"))
    Dang Litso Soren
    """
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch)).translate(_STROKES)


# letters NFKD does not decompose, as typed without their stroke or as two letters
_STROKES = str.maketrans({"Ł": "L", "ł": "l", "Ø": "O", "ø": "o", "Đ": "D", "đ": "d", "Ħ": "H", "ħ": "h", "Ŧ": "T",
                          "ŧ": "t", "ı": "i", "Æ": "AE", "æ": "ae", "Œ": "OE", "œ": "oe", "ß": "ss", "Þ": "Th",
                          "þ": "th", "Ð": "D", "ð": "d",
                          # (characters that show nothing, which web pages and PDFs leave inside words: a soft
                          # hyphen, zero-width spaces and joiners, a word joiner, a byte-order mark)
                          "\u00ad": None, "\u200b": None, "\u200c": None, "\u200d": None, "\u2060": None,
                          "\ufeff": None})

# one trie-shaped alternation over the lower-cased folded text (single spaces, as people write them; accents folded as
# the text is: "Cesária Évora" is found as "cesaria evora")
_PUBLIC_TERMS = tuple(sorted({fold(p).casefold() for p in PUBLIC_NAMES}))
# the first word of each: a text with none of them holds no public name
_PUBLIC_KEYS = frozenset(re.match(r"[^\W\d_]+", fold(p).casefold()).group(0) for p in PUBLIC_NAMES)



@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    return fold(ch)


# Same-length substitutions after folding: curly apostrophes and Unicode hyphens become ASCII.
# (a minus sign and a figure dash too, as word processors set a phone's dashes: "555\u22120142")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "‐": "-", "‑": "-", "\u2212": "-", "\u2012": "-"})
_ODD_QUOTES = re.compile("[’‘ʼ‐‑\u2212\u2012]")
# an apostrophe inside a word before three lower-case letters or more is an ʻokina or a glottal stop, part of the
# word ("Ka'iulani", "Ke'ala"), not a contraction ("don't", "we'll") or a prefix ("O'Neil", "d'angelo"): it is read
# as "ʻ"
# a name between a line's start, a colon, "to" or "Attn" and the comma before an address
_ADDRESSEE_BEFORE = re.compile(r"(?:^|\n|:|;|\bto|\b[Aa][Tt][Tt][Nn]:?)[ \t]*((?:[A-Z][\w'’.-]*[ \t]+){0,3}[A-Z][\w'’-]+),[ \t]*$")
_TITLE_AT = re.compile(rf"{_TITLES}\.?[ \t]+")
_TITLE_BEFORE_TITLE = re.compile(rf"(?<![\w.]){_TITLES}\.?[ ]+$")
# (after an accented letter too, "Rodrí-<newline>guez", and after a word's first capital, "S-<newline>chool")
# (a lower-case letter of any script after the break too: "Had-<newline>žić")
_SOFT_BREAK = re.compile(r"(?<=[^\W\d_A-Z])-\r?\n(?=[^\W\d_A-Z])|(?<=(?<![\w'’-])[A-Z])-\r?\n(?=[a-z]{3})")
_HARD_BREAK = re.compile(r"(?<=[a-z])-\r?\n(?=[A-Z][a-z])")
_LEADING_OKINA = re.compile(r"(?<![\w'’ʻ])[ʻ'](?=[A-Z][a-zʻ])")
_INNER_APOSTROPHE = re.compile(r"'(?<=[A-Za-z][a-z]')(?=[a-z]{3})")   # (the quote first: found fast)
# what survey exports leave of HTML: character references ("&amp;", "&#39;", "&nbsp;") and line breaks ("<br>")
_MARKUP = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z]{2,8});|<br[ \t]*/?>", re.I)


# A word an OCR pass wrote with a digit for a letter, zero for o and one for l or i: "Cata1ina", "Schoo1", "0kafor",
# "Dan1el", "L0PEZ". Each reading of its digits is tried and one that makes a known word, name or place is kept
# ("principa1", "1ee"); a digit between lower-case letters is a slip whatever it makes ("Fal1s"), read as l or o.
# Codes, ordinals and abbreviations stay as typed: "Tier1", "room1", "1on1", "10th", Spanish "1ra" and "2do".
_OCR_GATE = re.compile(r"[A-Za-z][01]|(?<![\w-])[01][A-Za-z]")
_OCR_WORD = re.compile(r"(?<![\w-])(?=[A-Za-z01]*[A-Za-z][01]|[01][A-Za-z])[A-Za-z01]{3,}(?![\w-])")
_ORDINAL = re.compile(r"[01]+(?:st|nd|rd|th|ra|ro|er|era|do|da|o|a)s?", re.I)
_OCR_INNER = re.compile(r"[a-z][01][a-z]")
_OCR_READINGS = {"0": "o", "1": "li"}


def _known_word(low: str) -> bool:
    """Whether ``low`` (lower case) is a word, a name or a place of the lists: what an OCR reading must make."""
    return low in english_words() or low in person_words() or low in place_names()


def _ocr_word(m: re.Match[str]) -> str:
    """The word of :data:`_OCR_WORD` with its digits read as letters, where they are slips (see there)."""
    word = m.group(0)
    if sum(ch.isdigit() for ch in word) > 2 or word[-1].isdigit() and word[0].isdigit() or _ORDINAL.fullmatch(word):
        return word
    if word[0] in "01" and len(word) < 5:
        return word          # a count before a short word: "1van", "1bus", "1sa"
    readings = [""]
    for ch in word:
        readings = [r + c for r in readings for c in _OCR_READINGS.get(ch, ch)]
    letters = word.replace("0", "").replace("1", "")   # (the word without its digits)
    caps = letters.isupper()

    def cased(reading: str) -> str:
        # (in capitals where the word is, "L0PEZ" is LOPEZ; at its start an i or an o is a name's capital, "0kafor"
        # is Okafor and "1saac" Isaac, an l a word's letter, "1eaders" is leaders)
        if caps:
            return reading.upper()
        return reading[0].upper() + reading[1:] if word[0] in "01" and reading[0] in "io" else reading
    for reading in readings:
        if _known_word(reading.lower()):
            return cased(reading)
    if _OCR_INNER.search(word):
        return cased(readings[0])
    # (a name's shape, its letters no word of their own, is a name the pass misread at its edge: "Xitumu1" is Xitumul,
    # "Hrytsenk0" Hrytsenko, "0ksana" Oksana; never a code after a word, "Tier1", "Room1", "Grade0")
    # (never an app's version, "Gimkit1", "Blooket1": second reader, session 24)
    if len(letters) >= 4 and (word[0].isupper() or word[0] in "01") \
            and word[1:].replace("0", "").replace("1", "").islower() and not _known_word(letters.lower()) \
            and letters.lower() not in PRODUCT_NAMES:
        return cased({"0": "o", "1": "i"}.get(word[0], word[0]) + "".join(_OCR_READINGS.get(c, c)[0] for c in word[1:]))
    return word


# a capital I an OCR pass read for a small l inside a word: "HiIltop Narrows EIementary" (kept only where the word it
# makes is known: never "McIntosh", "iPad")
_OCR_CAPITAL_I = re.compile(r"[a-z]I[a-z]|(?<![\w'’-])[A-Z]I[a-z]{2}")
_OCR_I_WORD = re.compile(r"(?<![\w'’-])[A-Za-z]*[A-Za-z]I[a-z][A-Za-z]*")


# an l an OCR pass read for a capital I at a name's start, before a letter no English word starts "l" with: "lmran",
# "lvy Simmons", "lbrahim" (kept only where the name it makes is known: never "ltd", "lbs")
_OCR_LEADING_L = re.compile(r"(?<![\w'’-])l[bcdfghjkmnpqrstvwxz][a-z]+(?![\w'’-])")


def _ocr_leading_l(m: re.Match[str]) -> str:
    """The word of :data:`_OCR_LEADING_L` with its first letter read as a capital I, where that makes a known name or
    place ("lmmokalee" is Immokalee)."""
    word = m.group(0)
    name = "i" + word[1:]
    return "I" + word[1:] if (name in person_words() or name in given_names() or name in place_names()) \
        and word not in english_words() else word


def _ocr_capital_i(m: re.Match[str]) -> str:
    """The word of :data:`_OCR_I_WORD` with its inner capital I read as l, where that makes a known word."""
    word = m.group(0)
    fixed = word[0] + word[1:].replace("I", "l")
    return fixed if _known_word(fixed.lower()) else word


@lru_cache(maxsize=8192)
def _prepare(text: str) -> tuple[str, str, tuple[int, ...] | None]:
    """``(folded, lowered, origin)``: ``folded[i]`` comes from ``text[origin[i]]`` (None: same positions).

    Folding (NFKD) changes lengths ("é" may be one or two code points, "ﬁ" becomes "fi"), so spans found
    on the folded text are mapped back through ``origin``. Lower-casing a folded text keeps its length.
    """
    markup = [m for m in _MARKUP.finditer(text) if html.unescape(m.group(0)) != m.group(0) or m.group(0)[0] == "<"] \
        if ("&" in text or "<" in text) else []
    # (a word a PDF broke over two lines is read whole: "Elemen-<newline>tary", "Muni-<newline>cipal")
    # (and a double name a PDF broke at its own hyphen keeps the hyphen: "Lenora Haskins-<newline>Bey School")
    breaks = list(chain(_SOFT_BREAK.finditer(text), _HARD_BREAK.finditer(text))) \
        if "-\n" in text or "-\r\n" in text else []
    if text.isascii() and not markup and not breaks:
        folded, origin = text, None
    else:
        # (an export's markup is read as what it shows: "O&#39;Shaughnessy" is "O'Shaughnessy", "<br>" a line
        # break; its characters map to the markup's first, and a span's end is carried to the markup's end)
        parts: list[str] = []
        pos: list[int] = []
        cuts = [(m.start(), m.end(), "\n" if m.group(0)[0] == "<" else html.unescape(m.group(0))) for m in markup]
        cuts = sorted(cuts + [(m.start(), m.end(), "" if m.re is _SOFT_BREAK else "-") for m in breaks])
        cuts.append((len(text), len(text), ""))
        i = 0
        for start, end, shown in cuts:
            for j in range(i, start):
                ch = text[j]
                f = ch if ch.isascii() else _fold_char(ch)
                parts.append(f)
                pos.extend([j] * len(f))
            f = "".join(c if c.isascii() else _fold_char(c) for c in shown)
            parts.append(f)
            pos.extend([start] * len(f))
            i = end
        folded, origin = "".join(parts), tuple(pos)
    if _OCR_GATE.search(folded):
        folded = _OCR_WORD.sub(_ocr_word, folded)   # (same length: offsets hold)
    if _OCR_CAPITAL_I.search(folded):
        folded = _OCR_I_WORD.sub(_ocr_capital_i, folded)
    if _OCR_LEADING_L.search(folded):
        folded = _OCR_LEADING_L.sub(_ocr_leading_l, folded)   # (same length: offsets hold)
    if _ODD_QUOTES.search(folded):
        folded = folded.translate(_QUOTES)
    if "'" in folded:
        folded = _INNER_APOSTROPHE.sub("ʻ", folded)   # (same length: offsets hold)
    if "ʻ" in folded or "'" in folded:
        # an ʻokina (or an apostrophe typed for one) before a capital starts a name, "'Ana", "ʻAholelei": read as a
        # space, the name is found as any other, and the span takes the mark back in (see PiiDetector.find)
        folded = _LEADING_OKINA.sub(" ", folded)
    return folded, folded.lower(), origin


def _to_original(text: str, origin: tuple[int, ...] | None, start: int, end: int) -> tuple[int, int]:
    if origin is None:
        return start, end
    s, e = origin[start], origin[end - 1] + 1
    while e < len(text) and not _fold_char(text[e]):  # combining marks that belong to the last letter
        e += 1
    if text[e - 1] in "&<":   # the last character came from markup: the span ends where the markup does
        m = _MARKUP.match(text, e - 1)
        e = m.end() if m else e
    return s, e


@dataclass(frozen=True, order=True)
class Span:
    """A stretch ``text[start:end]`` of the original text holding personal information of type ``label``.

    ``label`` is one of ``PERSON``, ``EMAIL``, ``PHONE``, ``URL``, ``ADDRESS``, ``SCHOOL`` (schools and
    districts) or ``SELF_ID`` (a self-identifying phrase).
    """

    start: int
    end: int
    label: str

    def __post_init__(self) -> None:
        if self.label not in LABELS:
            raise ValueError(f"Span: label must be one of {', '.join(LABELS)}; got {self.label!r}")
        if not 0 <= self.start < self.end:
            raise ValueError(f"Span: need 0 <= start < end; got start={self.start}, end={self.end}")


@dataclass(frozen=True)
class RosterNames:
    """The people and places a program's own files name: the gazetteer behind detection and redaction.

    ``first`` and ``last`` are single names; ``full`` holds whole names ("Will Osei", "LAST, First"),
    one per person; ``places`` holds school and district names.
    """

    first: tuple[str, ...] = ()
    last: tuple[str, ...] = ()
    full: tuple[str, ...] = ()
    places: tuple[str, ...] = ()


_ROLES = (r"(?:assistant\s+|vice\s+|interim\s+|acting\s+|new\s+|only\s+|lone\s+|head\s+|lead\s+|district\s+"
          r"|instructional\s+|math\s+|literacy\s+|ell\s+|esl\s+|sped\s+|special\s+education\s+){0,3}"
          r"(?:principal|ap|superintendent|coach|counselor|nurse|librarian|dean|director|head\s+of\s+school"
          r"|department\s+head|team\s+lead|specialist|psychologist)")
# one person by their role: singular role nouns a comment names staff by
_ROLE_NOUN = (r"(?:coach|teacher|principal|AP|counselor|nurse|librarian|para|paraprofessional|aide|secretary|custodian"
              r"|staffer|candidate|pastor|mentor|resident|intern"
              r"|administrator|staff\s+member|sub|substitute|psychologist|specialist|interventionist|dean|director"
              r"|coordinator|clerk|bookkeeper|registrar|janitor|bus\s+driver|social\s+worker|superintendent"
              r"|assistant\s+principal|vice\s+principal|office\s+manager|person|hire|chief\s+of\s+staff|liaison"
              r"|facilitator|manager|officer|employee|guy|lady|woman|man|consultant|bishop|imam|rabbi)")
# people a comment picks out by a clause about them, beyond staff roles: "the lunch monitor who speaks Kriolu", "the
# dad who runs the radio show", "the eighth grader who ran the conference in Nepali" (never "the student who": a
# generic student is how teachers write about practice)
_WHO_NOUN = (rf"(?:{_ROLE_NOUN[3:-1]}|driver|monitor|therapist|elder|chair|vice\s+chair|board\s+member|cook|interpreter"
             r"|translator|volunteer|dad|mom|mother|father|grandmother|grandfather|girl|boy|grader|representative"
             r"|grandpa|grandma|granny|aunt|aunty|auntie|uncle"
             r"|instructor|trainer|advisor|adviser|sponsor|presenter|speaker|chaplain|deacon|priest|pastor|nun"
             r"|colonel|sergeant|officer|veteran|member|legislator|agent|kumu|kupuna|partner|facilitator|keynote"
             r"|leader|assistant|lead|writer|marine|soldier|sailor|airman|researcher|professor|evaluator"
             r"|caseworker|case\s+worker|contractor|vendor|chief|co-chair|trustee|reviewer|trooper|receptionist"
             r"|supervisor|(?:board|pta|pto|council|union|association|student\s+body)\s+president"
             # (a program's participant, a grandmother by the word her family uses: "the abuela who walks six grandkids")
             r"|participant|abuela|abuelo"
             # (a parent and staff by their post: "the parent who filed the OCR complaint", "the bus mechanic who filed
             # the grievance", "the union rep at our building filed a grievance")
             r"|parent|paraeducator|analyst|mechanic|rep"
             # (an outsider sent once: "the school assessment visitor from the state who came to us in March")
             r"|visitor|observer|auditor|inspector"
             # (an elder by the word of respect: "the older gentleman who came from the temple"; a faith's teacher, "the
             # sheikh who leads Friday prayers"; a teacher by the Spanish word, "the maestra de kínder who ...")
             r"|gentleman|sheikh|shaykh|ustaz|ustadh|monk|lama|pandit|maestra|maestro)")
# the words of _WHO_NOUN: with "who" or "whose" in a comment, the pattern runs (a role and a clause about them)
_ROLE_WORDS = frozenset(re.findall(r"[a-z]+", _WHO_NOUN.lower())) - {"s", "staff", "assistant", "vice", "office",
                                                                      "bus", "social", "board"}
_PAIR_ROLE_WORDS = (_ROLE_WORDS | frozenset("student students parent parents grandparent guardian".split())) \
    - {"abuela", "abuelo"}   # (kin said as a title before a name: "Abuela Lupe Ortiz")
# the roles capitalised before a given name that is no everyday word, the name then no part of a phrase: "Student
# Jamarion asked", "Interpreter Dayanara" (not a body's word, "Union", "Council", nor a public office's)
_ROLE_BEFORE_NAME = _PAIR_ROLE_WORDS - frozenset("of co body union council association pta pto case lead hire keynote "
                                                 "chief president representative legislator lady ap".split())
_WHO_CUES = frozenset("who whose whoever new interim acting".split())   # (with a role: the pattern's clauses about one person)
# (a few more who are picked out by a who-clause: "the ROTC instructor at Quarry Ridge who retired from the Army")
# roles in Spanish comments: "la maestra que ...", "el consejero nuevo que vino de ..."
_ROLE_ES = (r"(?:maestr[oa]|director[a]?|subdirector[a]?|consejer[oa]|coordinador[a]?|enfermer[oa]"
            r"|trabajador[a]?\s+social|chofer|conductor[a]?|conserje|secretari[oa]|bibliotecari[oa]|psic[oó]log[oa]"
            r"|entrenador[a]?|superintendente|señor[a]?|senor[a]?|profesor[a]?|asistente|intérprete|interprete"
            # (a parent, a volunteer, a deacon, a facilitator: one person too, "la mamá voluntaria que lleva 20 años")
            r"|mam[aá]|pap[aá]|voluntari[oa]|di[aá]cono|facilitador[a]?|t[eé]cnic[oa]|terapeuta|cociner[oa]|guardia)")
_ROLE_WORDS_ES = frozenset("""maestro maestra director directora subdirector subdirectora consejero consejera
    coordinador coordinadora enfermero enfermera trabajador trabajadora social chofer conductor conductora conserje
    superintendente senor senora profesor profesora asistente interprete entrenador mama papa voluntario voluntaria
    diacono facilitador facilitadora tecnico tecnica terapeuta cocinero cocinera guardia""".split())
# the roles a place has one of ("our only bilingual diagnostician", "the school's only family liaison", "the lone
# Black AP"): staff roles, and the words of a trade ("-ist", "-ician": a therapist, a technician)
_ONE_ROLE = (r"(?:teacher|principal|coach|AP|counselor|nurse|librarian|para|aide|secretary|custodian|administrator|admin"
             r"|person|man|woman|staff\s+member|employee|psychologist|specialist|interventionist|dean|director"
             r"|paraprofessional|liaison|interpreter|translator|coordinator|clerk|bookkeeper|registrar|social\s+worker|driver|officer"
             # (not a thing that ends so: "the only list", "twist", "checklist")
             r"|(?!(?:\w+-)?(?:(?:check|play|wish|wait|short|black|white|hit|task|book|word|song|reading|class)?list"
             r"|twist|wrist|gist|mist|fist|exist|assist|resist|insist|persist|consist)\b)[\w-]+ist"
             r"|[\w-]+ician)"
             # (a role used as a noun's modifier is no one: "our only officer training", "the sole liaison role", "our
             # first coordinator meetings")
             r"(?!s?[ \t]+(?:training|role|roles|meeting|meetings|position|positions|job|jobs|program|programs|team"
             r"|office|session|sessions|slot|vacancy|vacancies|opening|openings|budget|contract|schedule|pay|salary"
             r"|stipend|certification|license|exam|course|class|classes|cohort|pipeline|pathway|academy)\b)")
# things, places and stretches of time "the only" or "the first" may pick out, none of them a person
# (never a school, a district, a program or a place of them: "I work at the only high school in the county" singles the
# writer out; second reader, session 24)
_THING_WORDS = (r"place|building|hour|minute|space|room|elective|class|course|slide|name|period|grade"
                r"|language|word|page|chapter|item|event|hall|store|shop|road|bus|stop|exception|bright\s+spot|goal"
                r"|priority|tool|book")
# what marks one person out to the eye: "the lady in the green sweater", "the one with the Eagles lanyard"
_MARKS = (r"(?:sweater|shirt|jacket|hat|dress|scarf|glasses|beard|braid|braids|hair|tattoo|tattoos|vest|tie|boots"
          r"|cardigan|hoodie|dog|cane|wheelchair|accent|mustache|moustache|earrings|ponytail|lanyard|badge|cap|bun"
          r"|mohawk|piercing|piercings|binder|clipboard|truck|motorcycle|guitar)")
# (every alternative starts at a word's start or at a comma: the lookahead at the front says so once, so that the
# engine tries the alternatives only there, not at every character; the matches are the same, found in half the time)
_SELF_IDENTIFYING = re.compile(
    r"(?:(?=,)|(?<!\w)(?=\w))(?:"
    # (never a thing, a place, a stretch of time or a number of them: "the only places open after 7 pm in our town",
    # "the only hour in my week", "the first 20 minutes of the day", "the first slide in the training")
    r"\b(?:the only(?!\s+(?:time|way|thing|day|reason|problem|issue|concern|question|option|choice|change|part"
    rf"|colou?r|one\s+of\s+(?:the|these|those)|{_THING_WORDS})s?\b)"
    rf"|the first(?!\s+(?:time|day|week|month|year|session|meeting|step|{_THING_WORDS}|\d+|two|three|four|five|six"
    r"|ten|few)s?\b)|the sole|the newest"
    r"|the youngest|the oldest|the longest[- ]serving)\b[^.;!?]{0,70}?\b(?:in|at|from|on|of)\b\s+"
    r"(?:(?:the|our|my|a|this)\b|(?-i:[A-Z]))[^.;!?]{0,40}"
    # the writer as the one who did or suffered something others know of: "I'm the teacher who reported ..."
    r"|\b(?:I'm|Im|I am|I was|as|being|speaking as|know I'm|knows I'm|knows I am)\s+the\s+(?:[\w'’-]+\s+){0,5}?"
    r"(?:who|whose)\b[^.;!?]{0,80}"
    # the writer of a comment or the subject of one that everyone can name: "everyone on staff knows who wrote it",
    # "everyone knew which one the comments were about"
    r"|\b(?:everyone|everybody|the\s+whole\s+(?:staff|building|school|team))"
    r"(?:\s+(?:on\s+(?:the\s+)?staff|here|in\s+the\s+building|in\s+the\s+room))?\s+(?:knows?|knew)\s+"
    r"(?:exactly\s+)?(?:who|which\s+one)\b(?!\s+(?:wrote|said|answered|put|gave)\s+what\b|\s+to\s+(?:call|ask|contact|email|text|see|go\s+to)\b)[^.;!?]{0,80}"   # (not "who wrote what", "who to call")
    # (and "we all know who she meant": the one a story was about, never "who runs this building")
    r"|\b(?:we\s+all|all\s+of\s+us|I)\s+(?:know|knew)\s+(?:exactly\s+)?who\s+(?:she|he|they|you|it)\s+(?!is\s+for\b)(?:meant|means|mean"
    r"|was|is|was\s+talking\s+about)\b[^.;!?]{0,40}"
    # (or one of a group: "the one parent who came to every family night")
    r"|\bthe\s+one\s+(?:[\w'’-]+\s+|(?:from|at|in|on)\s+[^,.;!?()]{1,40}?\s+)?(?:who|whose)\b[^.;!?]{0,80}"
    # an award only one person holds: "the former Teacher of the Year from Oklahoma"
    r"|\b(?:the|our|my|this\s+year['’]s|last\s+year['’]s)\s+(?:former\s+|current\s+|reigning\s+|\d{4}\s+)?"
    r"(?:state\s+|district\s+|county\s+|national\s+|regional\s+)?(?:teacher|principal|superintendent|counselor|coach"
    r"|educator|administrator|librarian|para(?:professional)?)\s+of\s+the\s+year\b"
    r"(?!\s+(?:banquet|award|awards|ceremony|program|nomination|nominations|committee|process|dinner|celebration))"
    r"[^.;!?]{0,40}"
    # one of a role by a past that few share: "a retired principal from out of state", "the former principal that
    # Riverbend hired"; the facilitator of one session: "the virtual facilitator for session 3"; the one from a
    # place: "the one from Chicago"; the one before the present holder: "the principal at ... before this one"
    rf"|\b(?:the|my|our|a)\s+(?:retired|former)\s+(?:[\w-]+\s+)?{_ROLE_NOUN}\s+(?:from|that|who|of|at)\b[^.;!?]{{0,60}}"
    r"|\bthe\s+(?:[\w-]+\s+)?(?:facilitator|presenter|speaker|trainer|coach|moderator)\s+(?:for|of|in)\s+(?:session|day"
    r"|breakout|meeting|event|module|week)\s+(?:\d+|one|two|three|four|five)\b[^.;!?]{0,40}"
    # (and from a side or an end of a place: "the one from the Oregon side"; never a body's, "the one from the Gates
    # Foundation", "the one from the NYT")
    r"|\bthe\s+one\s+from\s+(?:(?-i:[A-Z])|the\s+(?-i:[A-Z])[\w'’-]*\s+(?:side|end)\b)[^.;!?]{0,40}"
    r"|\bbefore\s+(?:this|the\s+current|the\s+new)\s+one\b"
    # a post a school has one of: "our band director", "our school nurse", "our librarian"
    r"|\b(?:our|my)\s+(?:school['’]?s?\s+)?(?:band\s+director|choir\s+director|orchestra\s+director|athletic\s+director"
    r"|drama\s+teacher|art\s+teacher|music\s+teacher|nurse|librarian|media\s+specialist|school\s+psychologist"
    r"|bookkeeper|registrar|SRO|resource\s+officer"
    # (and the posts a building has one of in its kitchen, its office and its hallways: "our cafeteria manager cooks
    # diri ak pwa on Fridays")
    r"|cafeteria\s+manager|kitchen\s+manager|head\s+cook|head\s+custodian|office\s+manager|attendance\s+clerk"
    r"|data\s+analyst|testing\s+coordinator)\b(?!\s+(?:position|role|job|post|vacancy|opening)s?\b)[^.;!?]{0,60}"
    # one speaker of a language in a post: "The Nepali-speaking para in second grade", "the one Karen-speaking EA in our
    # building" (never a group, "our Spanish-speaking families", nor "a": "a Spanish-speaking teacher would help")
    rf"|\b(?:the|our|my)\s+(?:[\w-]+['’]s\s+)?(?:one\s+|only\s+)?(?-i:[A-Z])[\w'’-]*-speaking\s+(?:{_ROLE_NOUN[3:-1]}|EA|educational"
    r"\s+assistant|instructional\s+assistant|teaching\s+assistant)\b(?!s)[^.;!?]{0,60}"
    # a body's new holder of a post: "the complex area's brand-new superintendent"
    rf"|\b(?:the|our)\s+(?:[\w-]+\s+){{0,2}}?[\w-]+['’]s\s+(?:brand[- ]new|new)\s+{_ROLE_NOUN}\b[^.;!?]{{0,60}}"
    # one on a board or council by what they are: "the retired colonel on our board of education"
    rf"|\bthe\s+(?:[\w'’-]+\s+){{0,2}}?{_WHO_NOUN}\s+on\s+(?:our|the|my)\s+(?:[\w-]+\s+)?(?:board|council"
    r"|committee)\b[^.;!?]{0,60}"
    r"|\b(?:the only|the sole)\b[^.;!?]{0,60}?\b(?:on staff|in the building|in the school|for all|on the team)\b"
    r"|\b(?:you'll know who this is|you will know who this is|easy to spot|only one of us|you know who I am)\b"
    # one person by a description of them, unnamed: "whoever the facilitator was with the red glasses"; a new holder
    # of a post and what they did: "the new superintendent of Cotton Bayou CSD came from outside Mississippi"
    rf"|\bwhoever\s+the\s+(?:[\w'’-]+\s+)?{_WHO_NOUN}\s+was\b[^.;!?]{{0,60}}"
    rf"|\bthe\s+new\s+{_WHO_NOUN}\s+(?:of|at|for|in|from)\s+[^.;!?]{{1,60}}?\s+(?:came|arrived|started|joined|moved"
    r"|has|hasn['’]t|had|was|is|isn['’]t|doesn['’]t|didn['’]t)\b[^.;!?]{0,60}"
    # (a post's holder too: "our head custodian has been here 31 years")
    rf"|\b(?:someone|somebody|a person|a teacher|the person|whoever|the one|(?:the|our|my)\s+(?:[\w-]+\s+){{0,2}}?"
    rf"{_ROLE_NOUN})\s+(?:who\s+)?(?:has|had|['’]s)\s+been\s+"
    r"[^.;!?]{0,50}?\b(?:for\s+)?(?:over\s+|almost\s+|nearly\s+)?(?:1[5-9]|[2-9]\d)\+?\s+years"
    rf"|\b(?:as|I am|I'm)\s+(?:the|their)\s+{_ROLES}\s+(?:at|of|for|in)\s+[^.;!?]{{1,60}}"
    # a place's only one: "the district's only bilingual psychologist", "our only male para"
    r"|\b(?:(?:the|our|my|this)\s+(?:district|school|building|campus|team|department|network|cadre)['’]?s|our|my)"
    # (the first, youngest, oldest or newest of a role: one person, the role singular: "our youngest principal", not
    # "our first year teachers"; a who-clause after it is the next branch's, which keeps the clause)
    # (its only one is the next branch's: "the district's only bilingual psychologist")
    rf"\s+(?:(?:one\s+and\s+only|(?<=s\s)one)\s+(?:[\w'’-]+\s+){{0,3}}?{_ONE_ROLE}s?\b"
    rf"|(?:first|youngest|oldest|newest)\s+(?:(?!year\b)[\w'’-]+\s+){{0,3}}?{_ONE_ROLE}\b(?!['’]?s\b)"
    r"(?!,?\s+(?:who|whose)\b))"
    # one of a kind by who they are: "the only male kindergarten teacher", "the lone Black AP"
    rf"|\b(?:only|lone|sole)\s+(?:[\w'’-]+\s+){{0,3}}?{_ONE_ROLE}s?\b"
    # one person of a role picked out by a clause about them: "the para who translates at every IEP", "the counselor
    # at Harbor View who went on leave", "the teacher whose classroom flooded" (plural roles are no one person)
    # (a presenter too: "the woman who ran the morning session kept calling on ..." is one person the program knows;
    # "a new board member who ...", "a former student from our district who ..." are one person as well)
    rf"|\b(?:the|our|my|one(?!\s+(?:person|guy|lady|woman|man|member|parent|teacher|student)\s)"
    rf"|an?\s+(?=(?:new|former)\s))\s*(?:(?!(?:of|a|an|for|to)\s)[\w'’-]+\s+){{0,4}}?\(?(?:ex-)?{_WHO_NOUN}\)?"
    r"(?:\s+(?:at|in|from|on|of|de|with|next\s+to|near|across\s+from)\s+(?:[^,.;!?()]|(?<=\b(?:Dr|No|St|Mt|Ft|Jr|Sr))\.)"
    r"{1,60}?)?,?\s+(?:who|whose)\b"
    r"[^.;!?]{0,80}"
    # one of a role by how they came: "the coach assigned to our cadre", "the candidate placed at ..."
    rf"|\bthe\s+(?:[\w'’-]+\s+){{0,3}}?{_ROLE_NOUN}\s+(?:assigned|placed|hired|brought\s+in)\s+(?:to|at|by|from|in|last|this)\b"
    r"[^.;!?]{0,60}"
    # (or the one the writer was paired with: "The mentor principal I was paired with retired in December")
    rf"|\bthe\s+(?:[\w'’-]+\s+){{0,2}}?{_ROLE_NOUN}\s+(?:I|we)\s+(?:was|were|am|are|got)\s+(?:paired|matched"
    r"|assigned)\s+(?:with|to)\b[^.;!?]{0,60}"
    # the one of a role a place has, by the place's kind: "the principal of the smallest elementary in our network"
    r"|\bthe\s+(?:principal|assistant\s+principal|AP|superintendent|director|head)\s+of\s+the\s+(?:\w+est"
    r"|alternative|only|one)\b[^.;!?]{0,40}"
    # the writer's own boss, criticised: "my principal doesn't believe in the inquiry cycle", "our principal at
    # Fenwick Middle won't let teachers attend"
    r"|\b(?:my|our)\s+(?:new\s+|current\s+|former\s+)?(?:principal|assistant\s+principal|AP|superintendent|coach"
    r"|mentor|supervisor|evaluator|band\s+director|department\s+head)(?:\s+(?:at|from|in)\s+[^,.;!?()]{1,30}?)?"
    r"\s+(?:doesn['’]t|does\s+not|won['’]t|will\s+not|never|refuses|refused|can['’]t|cannot|didn['’]t|did\s+not"
    r"|hasn['’]t|has\s+not)\b[^.;!?]{0,60}"
    # someone by how they look: "the lady in the green sweater at table 4", "the one with the long gray braid"
    rf"|\bthe\s+(?:[\w'’-]+\s+)?(?:lady|man|woman|guy|gentleman|person|one|{_WHO_NOUN[3:-1]})\s+(?:in|with|wearing)"
    rf"\s+(?:the|a|an)\s+(?:[\w-]+\s+){{0,2}}{_MARKS}\b[^.;!?]{{0,40}}"
    # a colleague by what marks them out: "our cadre facilitator, the one with the service dog"
    rf"|\b{_ROLE_NOUN},?\s+the\s+one\s+with\b[^.;!?]{{0,60}}"
    rf"|,\s+the\s+one\s+with\s+(?:the|a|an|his|her)\s+(?:[\w-]+\s+){{0,2}}{_MARKS}\b[^.;!?]{{0,40}}"
    # one who holds two posts ("the assistant principal in charge of the grant is also the varsity football coach"),
    # or a post and who they were ("our district's attendance officer, the former state trooper,")
    rf"|\b(?:the|our)\s+(?:[\w'’-]+\s+){{0,3}}?{_ROLE_NOUN}\b[^.;!?]{{0,80}}?\bis\s+also\s+(?:the|our)\s+"
    rf"(?:[\w'’-]+\s+){{0,3}}?{_WHO_NOUN}\b"
    rf"|\b{_WHO_NOUN},\s+the\s+(?:former|retired|ex-|first|only|youngest|oldest|newest|longest[- ]serving)\s*"
    rf"(?:[\w'’-]+\s+){{0,3}}?(?:{_WHO_NOUN[3:-1]}|woman|man|person|player|athlete)\b[^.;!?]{{0,40}}"   # (not "the first step")
    # a relative of a role, or someone married to one: "the principal's sister", "married to the head secretary"
    # the one holder of a body's office: "the tribal council's vice chair", "our PTO's treasurer"
    r"|\b(?:the|our|my)\s+(?:[\w-]+\s+){0,2}?(?:council|board|committee|union|pta|pto|association)['’]s\s+"
    r"(?:vice\s+)?(?:chair|chairman|chairwoman|chairperson|president|treasurer|secretary)\b"
    # a family's loss or trouble: "a mom whose son died last spring"
    r"|\bwhose\s+(?:\w+\s+)?(?:son|daughter|child|husband|wife|spouse|mother|father|brother|sister)\s+(?:died"
    r"|passed\s+away|was\s+killed|was\s+arrested|was\s+deported|overdosed)\b"
    # an interim or acting holder of a post a place has one of, by what they say or do: "The interim superintendent
    # keeps telling the network she ..." (never the post itself: "the interim superintendent role")
    # ("has", "is" and the like say what the post is, not what its holder does: "The acting principal has no authority")
    r"|\bthe\s+(?:interim|acting)\s+(?:superintendent|principal|director|head\s+of\s+school)\s+(?:keeps|kept|said|says"
    r"|told|tells|wants|wanted|won['’]t|didn['’]t|refuses|refused|never|always)\b[^.;!?]{0,60}"
    # the new holder of a role at a named place: "the new principal at Laurel Glen came from out of state"
    # (and an interim or acting one: "the interim principal at Crooked River Elementary was ...")
    rf"|\bthe\s+(?:new|interim|acting)\s+{_ROLE_NOUN}\s+(?:at|in|from)\s+"
    r"(?!(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday"
    r"|Wednesday|Thursday|Friday|Saturday|Sunday)\b)(?-i:[A-Z])[^.;!?]{0,60}"
    rf"|\b(?:the|our|my|their|a|an)\s+(?:former\s+|new\s+|old\s+|last\s+)?(?:[\w-]+\s+){{0,2}}(?:{_ROLE_NOUN[3:-1]}"
    r"|board\s+member|president|chair|chairman|chairwoman)['’]s\s+(?:wife"
    r"|husband|spouse|partner|sister|brother|son|daughter|mother|mom|father|dad|cousin|niece|nephew|girlfriend"
    r"|boyfriend|fianc[eé]e?|in-laws?|relative)\b"
    r"|\b(?:married|related)\s+to\s+(?:the|our|my)\s+(?:[\w'’-]+\s+){0,2}?" + _ROLE_NOUN + r"\b(?!\s+(?-i:[A-Z]))"
    # health and family events of one colleague: "one of our teachers is pregnant", "she went on medical leave"
    r"|\b(?:is|was|got|became)\s+pregnant\b"
    r"|\b(?:who|she|he)\s+(?:is|was|went|has\s+been|had\s+been|got)\s+(?:out\s+)?(?:on\s+)?(?:medical"
    r"|maternity|paternity|disability|stress)\s+leave\b"
    # the one of a role: "as the one special ed coordinator for all of RMHS", "the one teacher over 65"
    # (and "our one": "our one Haitian Creole paraprofessional translates", "the one Dari interpreter the district ...")
    # (never a thing or a day between: "our one request for the parent liaison role", "our one day with the principal
    # cohort")
    rf"|\b(?:as|I['’]?m|I\s+am|being|the|our)\s+(?:the\s+)?one\s+"
    rf"(?:(?!(?:the|every|with|for|thing|things|day|days|request|goal|time)\b)[\w'’-]+\s+){{0,3}}?"
    rf"(?:{_ROLE_NOUN[3:-1]}|interpreter|translator)\b(?!\s+(?:of|who))[^.;!?]{{0,60}}"
    # (the only one who does something, and the last one left: "(the only one who speaks Shoshone fluently)", "the
    # last remaining first-language speaker on staff"; never the writer's feeling, "I'm not the only one who thinks",
    # "I felt like the only one who", nor things left, "the last remaining sessions")
    r"|(?<!not\s)(?<!like\s)\bthe\s+only\s+one\s+who\b[^.;!?]{0,60}"
    rf"|\bthe\s+last\s+remaining\s+(?:[\w'’-]+\s+){{0,3}}?(?:{_WHO_NOUN[3:-1]}|speaker|elder)\b[^.;!?]{{0,60}}"

    # (a body's only one of a kind: "the network's only Somali district leader"; one of a kind a place has: "there is
    # one Dari-speaking second grader at Armory Street", "we only have one student in the welding pathway who is a
    # girl"; a newcomer picked out by a clause, "the Ukrainian newcomer in 2nd grade who doesn't speak")
    rf"|\b[\w-]+['’]s\s+only\s+(?:[\w'’-]+\s+){{0,3}}?{_WHO_NOUN}\b[^.;!?]{{0,40}}"
    rf"|\b(?:there\s+(?:is|was|['’]s)\s+(?:only\s+)?|only\s+(?:have|has|had)\s+)one\s+(?:[\w'’-]+\s+){{0,3}}?"
    rf"(?:{_WHO_NOUN[3:-1]}|student|girl|boy|newcomer)\b(?!\s+of\b)[^.;!?]{{0,60}}"
    r"|\bthe\s+(?:[\w'’-]+\s+){0,2}?newcomer\s+(?:in|at|from)\s+[^.;!?]{1,40}?\bwho\b[^.;!?]{0,60}"
    # (a relative of a role named after the relation: "the ex-wife of our assistant principal")
    rf"|\b(?:ex-)?(?:wife|husband|spouse|sister|brother|son|daughter|mother|father|cousin|niece|nephew|girlfriend"
    rf"|boyfriend)\s+of\s+(?:the|our|my)\s+(?:[\w'’-]+\s+){{0,2}}?{_ROLE_NOUN}\b"
    r"|,\s+the\s+one\s+(?:based|who\s+lives|living)\s+in\s+(?-i:[A-Z])[^.;!?]{0,40}"
    # long service: "our longest-serving teacher", "I'm the veteran in the network, 34 years in", "has taught there
    # since the school opened"
    r"|\b(?:our|my|the)\s+longest[- ]serving\s+\w+"
    r"|\b(?:1[5-9]|[2-4]\d)\+?\s+years\s+in\b(?!\s+(?:a|the|education|teaching|the\s+field)\b(?!\s+same\b))"
    # the most senior of a place: "the most senior teacher at Cedar Hollow"
    rf"|\b(?:the|our|my)\s+most\s+senior\s+{_ROLE_NOUN}\b[^.;!?]{{0,60}}"
    r"|\bsince\s+(?:the|our|this)\s+(?:school|building|campus)\s+opened\b"
    # someone others know by what they did: "the coach who filed the grievance", "the teacher that reported it"
    r"|\bthe\s+(?:[\w'’-]+\s+){0,2}?(?:coach|teacher|principal|AP|counselor|nurse|librarian|para|aide|secretary"
    r"|custodian|administrator|person|staff\s+member|sub|one)\s+(?:who|that)\s+(?:filed|reported|complained"
    r"|grieved|sued|quit|resigned|spoke\s+up|blew\s+the\s+whistle|went\s+to\s+the\s+(?:board|union|press)"
    r"|called\s+(?:the|out)|wrote\s+(?:the|to|up))\b[^.;!?]{0,60}"
    # long service, which few in a building share: "I've been at this school for 27 years"
    r"|\b(?:I['’]?ve|I\s+have|I['’]?m|I\s+am)\s+(?:been\s+)?(?:here|at\s+(?:this|the\s+same|my)\s+\w+|teaching"
    r"|in\s+this\s+\w+)\s+(?:for\s+)?(?:over\s+|almost\s+|nearly\s+)?(?:1[5-9]|[2-4]\d)\+?\s+years\b"
    # (session 20) one person by what they run: "whoever runs the front office", "the person in charge of
    # transportation", "the AP in charge of discipline"; a place's first of a kind: "the district's first female
    # superintendent"; one by the road they drive: "my principal drives in from two hours away"
    r"|(?<!to\s)\bwhoever\s+(?:runs|ran|is\s+in\s+charge\s+of|was\s+in\s+charge\s+of|leads|led|coordinates|manages"
    r"|handles|answers|teaches|taught|ordered|scheduled)\b[^.;!?]{0,60}"
    rf"|\bthe\s+(?:[\w'’-]+\s+){{0,2}}?(?:person|{_WHO_NOUN})\s+in\s+charge\s+of\b[^.;!?]{{0,60}}"
    rf"|\b(?:the|our|my)\s+(?:district|school|county|state|building|network|city|campus)['’]s\s+first\s+"
    rf"(?:[\w'’-]+\s+){{0,2}}?{_WHO_NOUN}\b[^.;!?]{{0,60}}"
    rf"|\b(?:my|our|the)\s+{_WHO_NOUN}\s+(?:who\s+)?(?:drives|commutes|flies|drove|commuted)\s+"
    r"(?:in\s+|over\s+|down\s+|up\s+)?(?:from|over|across)\b[^.;!?]{0,60})", re.I)
# a role at one place, and what they do: "the school psychologist at Oakmont won't attend", "the sub in room 14 has
# been here since October", "the new assistant principal at the middle school should ..." (its own pattern: it
# needs no "who", and runs only where a role and a place's preposition stand)
_ROLE_AT_PLACE = re.compile(
    # (a dean "of students" too; a room, a portable or a pod by its number: "the teacher in portable 6 leaves ...")
    rf"\b(?:the|our|my)\s+(?:[\w'’-]+\s+){{0,2}}?{_WHO_NOUN}(?:\s+of\s+(?:students|instruction|academics|operations"
    r"|curriculum))?\s+(?:(?:at|in|from|on)\s+(?:(?:room|portable|pod|building)\s+\d+"
    r"|(?:the|our|their)\s+[\w-]+(?:\s+(?:school|building|campus))?|(?-i:[A-Z])[\w'’./-]*(?:\s+(?-i:[A-Z])[\w'’./-]*){0,5})"
    # ("for" only before an area or a body's name of two words or more: "the grant writer for Hogback Consolidated
    # School District", "the regional superintendent for our area"; not "the speaker for the keynote", "for Algebra")
    r"|for\s+(?:(?:our|their)\s+(?:area|district|region|network|cadre|county|zone|complex)"
    r"|(?-i:[A-Z])[\w'’./-]*(?:\s+(?-i:[A-Z])[\w'’./-]*){1,4}))\s+"
    r"(?!(?:and|or|to|for|with|was|were|is|are)\b)(?-i:[a-z'’]+)\b[^.;!?]{0,60}", re.I)
# a role by its years, which few in a building share: "the veteran teacher of 30 years", "a veteran teacher of 30 years
# in the math department" (after "a" only with where they are: never "it takes a teacher of 20 years to see it"); its
# own pattern, run only where "years" and "of" stand
_ROLE_OF_YEARS = re.compile(
    rf"\b(?:(?:the|our)\s+(?:[\w'’-]+\s+){{0,2}}?{_ROLE_NOUN}\s+of\s+(?:over\s+|almost\s+|nearly\s+)?(?:1[5-9]|[2-4]\d)\+?"
    r"\s+years\b"
    rf"|an?\s+(?:[\w'’-]+\s+){{0,2}}?{_ROLE_NOUN}\s+of\s+(?:over\s+|almost\s+|nearly\s+)?(?:1[5-9]|[2-4]\d)\+?"
    r"\s+years\s+(?:in|at|on|from)\b)[^.;!?]{0,40}", re.I)
# (and what they are, at a place named: "The dean of students at Tideline Academy is the reason half of us are leaving",
# "The Marshallese liaison at Haikey Creek is the only reason those families trust us"; a place's one holder of a role,
# whatever is said of them)
# (staff only, and never a kind of place: "The parent at Lincoln was not told", "The teacher at Each School is the key",
# "The principal at Title I Schools is often overloaded": second reader, session 24)
_ROLE_AT_NAMED_PLACE_IS = re.compile(
    rf"\bthe\s+(?:[\w'’-]+\s+){{0,2}}?{_ROLE_NOUN}(?:\s+of\s+(?:students|instruction|academics|operations|curriculum))?"
    r"\s+(?:at|from)\s+(?!(?-i:Each|Every|All|Any|Title|Most|Many|Some|Other|Both|Our|Their|Your)\b)"
    r"(?-i:[A-Z])[\w'’./-]*(?:\s+(?-i:[A-Z])[\w'’./-]*){0,5}(?<!Schools)\s+(?:is|was)\s+[^.;!?]{0,60}", re.I)
# the same in Spanish: "la única mujer conductora de la región", "la maestra que lleva 31 años", "el esposo de la
# directora" (run only on a comment with Spanish words in it)
_SELF_IDENTIFYING_ES = re.compile(
    r"\b(?:el|la)\s+(?:unic[oa]|primer[oa]?)\s+(?:(?:\w+\s+)?que\b|[^.;!?]{0,60}?\b(?:(?:de|en|entre)\s+(?:la|el|los|las"
    r"|nuestr[oa])|del)\b)"
    # (a subjunctive is anyone of the role: "el director que quiera participar")
    # (the role's school or subject may stand between: "la directora de Tomasa de la Rosa Elementary que se
    # jubiló", "el maestro de música de la escuela de Las Milpas, el que toca en el mariachi")
    # (a new one's adjective before the role too: "el nuevo coordinador de MTSS que llegó de Monterrey")
    # (and one who is someone's kin or holds a post: "el director que es hermano del alcalde", "el papá que es
    # presidente de la mesa directiva"; an adjective of language after the role: "el coordinador bilingüe de ...")
    rf"|\b(?:el|la|mi|nuestr[oa])\s+(?:nuev[oa]\s+)?{_ROLE_ES}"
    r"(?:\s+(?:nuev[oa]|actual|anterior|voluntari[oa]|biling[uü]e))?"
    r"(?:\s+del?\s+[^,.;!?]{1,60}?)?,?"
    r"\s+(?:(?:el|la)\s+)?que\s+"
    r"(?!(?:es|son)\b(?!\s+(?:tambi[eé]n|(?:el\s+|la\s+)?(?:herman[oa]|hij[oa]|espos[oa]|prim[oa]|sobrin[oa]"
    r"|cuñad[oa])\s+de(?:l|\s+la|\s+el|\s+nuestr[oa])\b|(?:el\s+|la\s+)?(?:presidente|presidenta|mec[aá]nic[oa]"
    r"|pastor|due[nñ][oa])\b))"
    r"|quiera|desee|tenga|necesite|pueda|participe|asista)[^.;!?]{1,80}"
    rf"|\b(?:el|la)\s+(?:espos[oa]|marido|mujer|hij[oa]|herman[oa]|mam[aá]|pap[aá]|madre|padre|sobrin[oa]"
    rf"|prim[oa]|novi[oa])\s+de(?:l|\s+la|\s+el|\s+nuestr[oa])\s+{_ROLE_ES}\b"
    # the most of a place ("la maestra más antigua de Esc. Elemental ..."), the one of a place's most ("el director de
    # la escuela más pequeña")
    rf"|\b(?:el|la)\s+{_ROLE_ES}\s+m[aá]s\s+\w+\s+de\s+(?:la|el|nuestr[oa]|(?-i:[A-Z])[\w.]*)"
    rf"|\b(?:el|la)\s+{_ROLE_ES}\s+de\s+(?:la|el)\s+\w+\s+m[aá]s\s+\w+", re.I)
_SPANISH_CUES = frozenset("unica unico primera primer mas esposo esposa marido hija hijo hermana hermano".split())
# A title just before a name joins its span; a courtesy title also makes a lower-case name a name.
_TITLE_BEFORE = re.compile(
    # (Vietnamese cô and thầy, folded and in lower case: "cảm ơn cô Thanh"; "AP Fortes")
    r"(?:(?:\b(?i:mr|mrs|ms|mx|dr|supt|sra|srta)\.?|\b(?:Miss|MISS|(?i:principal|coach|superintendent|tante|nonc))"
    r"|\b(?:co|thay|miss|mister|misses|missus|profe|maestra|maestro)|\bAP)\s+"
    # (a role capitalised as a title, on the name's line: "Counselor Dizdarević chairs", "Nurse Okafor"; not a table's
    # last cell before the next row's name)
    r"|\b(?:Counselor|Dean|Nurse|Director|Trustee|Pastor|Deacon|Officer|Librarian|Chaplain|Sister|Brother)[ \t]+)$")
_COURTESY_TITLES = frozenset("mr mrs ms mx dr miss".split())
# the College Board's AP courses by the words students shorten them to, and what follows "AP" in a school's talk
_AP_COURSE_WORDS = frozenset("""
bio biology chem chemistry physics calc calculus stat stats statistics psych psychology euro european gov government
macro micro macroeconomics microeconomics econ economics lang language lit literature us usa world human geo geography
art arts music theory spanish french german chinese japanese italian latin seminar research capstone csp csa comp
computer cs environmental enviro apes apush ush hist history english african precalc precalculus studio drawing design
exam exams test tests class classes course courses program programs scores score teacher teachers students credit
credits enrollment fees
""".split())
_LAST_WORD = re.compile(r"[ \t]+\S+$")   # (a match's last word and the space or tab before it, searched up to its end)
_ROLE_TITLES = frozenset(_LOWER_ROLE_TITLES)
# words of Spanish and Italian after a role ("maestro más joven", "el coach che viene"): no names
_ROLE_TITLE_NOT_NAMES = frozenset("mas más que che de del la el y en lider líder nuevo nueva joven thats dont cant wont "
                                  "didnt doesnt isnt wasnt im ive youre theyre shes hes".split())   # (and typed
#                                                                                                   contractions)


def _name_word(word: str) -> bool:
    """Whether a lower-case ``word`` after a role's title is a name: a given name or a census surname that is a rare
    word at most ("gomez", "mike"; not "investigator", "said", "roles", "mtg", nor a Spanish word: "siempre", "que")."""
    if word in _NOT_SURNAME or word in CALENDAR or word in _ROLE_TITLE_NOT_NAMES:
        return False
    return word in given_names() or word in _everyday_names() or word in _rare_surnames()


_LOWER_COURTESY = frozenset(_LOWER_TITLES + _LOWER_ROLE_TITLES)
_COURTESY_BEFORE = re.compile(r"(?:\b(?i:mr|mrs|ms|mx|dr)\.?|\b(?:Miss|MISS))\s+$")
_INITIAL_AFTER = re.compile(r"\s+[a-z]\.(?!\w)")
_GAP = re.compile(r"[ ]*")   # (never a tab: two names in two cells of a table are two people)
_NAME_LIKE = re.compile(r"(?![A-Z]{1,3}$)[^\W\d_]+(?:['’ -][^\W\d_]+)*")

# Gazetteer categories (bit flags per term).
_FULL, _FIRST, _LAST, _PLACE, _PLACE_SHORT = 1, 2, 4, 8, 16
_SINGLE = _FIRST | _LAST


@functools.lru_cache(maxsize=1)
def _known_first() -> frozenset[str]:
    """Given names of three letters or more that are no everyday word (:func:`evalkit.namelists.given_names`), and the
    nicknames package's names however often the word is written ("Mike", "Emily", "Mark" is not: a hand-listed
    everyday word), for the first word of a full name ("Mike Brown")."""
    names = given_names() | {n for n in nickname_names() if n.isalpha() and n not in COMMON_WORD_NAMES}
    return frozenset(n for n in names if len(n) >= 3 and n not in _NOT_SURNAME)


@functools.lru_cache(maxsize=1)
def _self_cue() -> re.Pattern[str]:
    """The self-identifying phrases as one trie-shaped alternation (built on first use)."""
    return re.compile(rf"\b(?:{_trie_regex(_SELF_PHRASES)})")   # at a word's start: not "has the", "was the"


@functools.lru_cache(maxsize=1)
def _public() -> re.Pattern[str]:
    """The public figures and places as one compiled trie (built on first use: _trie_regex is defined below)."""
    return re.compile(rf"(?:{_trie_regex(_PUBLIC_TERMS, _BEFORE_FIRST)})(?![\w])")


def _keyed_matches(pattern: re.Pattern[str], low: str, keys: Iterable[str]) -> list[re.Match[str]]:
    """``pattern.finditer(low)`` (leftmost first, none inside another) for a pattern whose every match starts with
    one of ``keys``: it is tried only where a key stands, not at every character of the comment."""
    starts = set()
    for key in keys:
        at = low.find(key)
        while at >= 0:
            starts.add(at)
            at = low.find(key, at + 1)
    out, end = [], 0
    for at in sorted(starts):
        if at >= end:
            m = pattern.match(low, at)
            if m:
                out.append(m)
                end = m.end()
    return out


def _public_spans(low: str, ltoks: set[str]) -> list[tuple[int, int]]:
    """Where public names stand in ``low`` (each starts with one of :data:`_PUBLIC_KEYS`); a fresh list, which callers
    may extend."""
    return list(_public_spans_of(low, frozenset(_PUBLIC_KEYS.intersection(ltoks))))


@functools.lru_cache(maxsize=64)
def _public_spans_of(low: str, keys: frozenset[str]) -> tuple[tuple[int, int], ...]:
    # (asked twice for a comment that names a public figure: by the context filter and by the names found again)
    return tuple(m.span() for m in _keyed_matches(_public(), low, keys))


def _trie_regex(words: Iterable[str], after_first: str = "") -> str:
    """One alternation for many literal words, shaped as a trie so matching does not try each word.

    ``after_first`` goes right after each word's first character (:data:`_BEFORE_FIRST`): the pattern then starts
    with a character set, which lets the regex engine skip ahead to the possible first letters.
    """
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def walk(node: dict, top: bool = False) -> str:
        kids = sorted(ch for ch in node if ch)
        if not kids:
            return ""
        alts = [re.escape(ch) + (after_first if top else "") + walk(node[ch]) for ch in kids]
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if "" in node:  # a word ends here: try the longer words first (greedy), then stop
            body = ("(?:" + body + ")?") if len(alts) > 1 or len(body) > 1 else body + "?"
        return body

    return walk(trie, top=True)


def _variants(name: str) -> set[str]:
    """Written forms of one name: as is, and with hyphens, apostrophes or ʻokinas as spaces or dropped (an ʻokina
    also as an apostrophe)."""
    key = " ".join(_INNER_APOSTROPHE.sub("ʻ", fold(name).translate(_QUOTES)).lower().split())
    out = {key, key.replace("ʻ", "'")}
    for ch in "-'ʻ":
        if ch in key:
            out |= {key.replace(ch, " "), key.replace(ch, "")}
    return {v for v in out if len(v) >= 2}


@dataclass(frozen=True)
class PiiDetector:
    """A compiled detector for one project's names and places.

    Build it with :meth:`from_roster` or :meth:`from_names`; :meth:`find` gives typed spans,
    :meth:`kinds` the kinds found.

    Examples
    --------
    >>> d = PiiDetector.from_names(first=["Hope", "José", "Deborah"], last=["Young", "Garcia", "Osei"],
    ...                            full=["Hope Young", "José Garcia"], places=["Roosevelt Elementary"])
    >>> sorted(d.kinds("Ask jose garcia at 978-555-0123 about Roosevelt."))
    ['name', 'phone', 'place']
    >>> d.kinds("We hope to meet again. Hope the schedule holds.")
    set()
    >>> sorted(d.kinds("Deb and JOSÉ led it; hope g. took notes."))
    ['name']
    >>> sorted(d.kinds("I am the only bilingual AP in the district."))
    ['self_identifying']
    >>> text = "Ms. Gárcia's notes: call Deb at (978) 555-0123."
    >>> [(text[s.start:s.end], s.label) for s in d.find(text)]
    [('Ms. Gárcia', 'PERSON'), ('Deb', 'PERSON'), ('(978) 555-0123', 'PHONE')]
    """

    names: re.Pattern[str] | None = field(repr=False)
    terms: Mapping[str, int] = field(repr=False)
    common: frozenset[str]
    #: initials of the roster's schools and districts ("PRHS" for Pine Ridge High School), matched in capitals
    acronyms: re.Pattern[str] | None = field(default=None, repr=False)
    #: the first word of every roster term (lower case): a text without one of them holds no roster term
    keys: frozenset[str] | None = field(default=frozenset(), repr=False)
    #: the initials as a set of words: the acronyms pattern runs only when one of them is in the text
    initials: frozenset[str] = field(default=frozenset(), repr=False)
    #: the roster's surnames, lower case: after an initial they are a name even when they are words ("J. Price")
    lasts: frozenset[str] = field(default=frozenset(), repr=False)
    #: the given names of the roster's people by surname, lower case ("okafor": {"hunter"}): once "Mr. Okafor" is
    #: found, a "Hunter" of the same text is him
    given_of: Mapping[str, frozenset[str]] = field(default_factory=dict, repr=False)
    #: clipped given names ("bal" for Balwinder), lower case: never the second word of a capitalised phrase
    clipped: frozenset[str] = field(default=frozenset(), repr=False)
    #: the initials in lower case that are no English word: after "at" or "@" they are the school ("at mtms")
    lower_initials: frozenset[str] = field(default=frozenset(), repr=False)
    #: the roster people's initials in capitals ("DR" for Dana Reyes, "MSO" for Marisol Santiago Ortiz)
    person_initials: frozenset[str] = field(default=frozenset(), repr=False)
    #: those of them that, written with stops, may also be a title's or a degree's letters ("D.R.", "J.D.")
    dotted_initials: frozenset[str] = field(default=frozenset(), repr=False)
    #: the words' model that reads what the rules left (:mod:`evalkit.token_model`); None: the rules alone
    token_model: TokenModel | None = field(default=None, repr=False, compare=False)
    #: the comments' model that sends a comment describing someone to review (:mod:`evalkit.review_model`); None:
    #: the rules' phrases alone
    review_model: ReviewModel | None = field(default=None, repr=False, compare=False)
    #: names that are public in this project (:meth:`with_public`), lower case and without accents, as one pattern
    #: over the lowered text; a name or place the rules or the words' model find inside one of them is no one's
    public: re.Pattern[str] | None = field(default=None, repr=False)

    @classmethod
    def from_roster(cls, names: RosterNames, *, nicknames: bool = True, token_model: bool = True,
                    review_model: bool = True) -> PiiDetector:
        """Build from a :class:`RosterNames` (see :meth:`from_names`)."""
        if not isinstance(names, RosterNames):
            raise TypeError("PiiDetector.from_roster: names must be a RosterNames; "
                            f"got {type(names).__name__}")
        return cls.from_names(first=names.first, last=names.last, full=names.full, places=names.places,
                              nicknames=nicknames, token_model=token_model, review_model=review_model)

    @classmethod
    def from_names(cls, *, first: Iterable[str] = (), last: Iterable[str] = (), full: Iterable[str] = (),
                   places: Iterable[str] = (), nicknames: bool = True, token_model: bool = True,
                   review_model: bool = True) -> PiiDetector:
        """Build from lists of first names, surnames, full names and school or district names.

        First names gain their common nicknames ("Deb" for Deborah) unless ``nicknames=False``; a
        hyphenated surname also matches each part ("Jones" for "Smith-Jones"); a school also matches
        its short form ("Roosevelt" for "Roosevelt Elementary"). The words the rules leave are read again by
        the words' model (:mod:`evalkit.token_model`) unless ``token_model=False``, and a comment the rules do not
        send to review is read again by the comments' model (:mod:`evalkit.review_model`) unless
        ``review_model=False``.
        """
        for name, value in (("token_model", token_model), ("review_model", review_model)):
            if not isinstance(value, bool):
                raise TypeError(f"PiiDetector.from_names: {name} must be True or False; got {value!r}")
        load_name_lists()  # once per process; names off the roster need them
        first, last, full, places = _words(first), _words(last), _words(full), _words(places)
        places = [p for p in places if not _STATE_AGENCY.match(p) or _ONE_DISTRICT_STATE.match(p)]
        # Single names must look like names: no role acronyms ("AP", "TL", "ELL": ALL CAPS of 1-3 letters)
        # or initials ("B.") that name columns sometimes hold.
        first = [w for w in first if _NAME_LIKE.fullmatch(w)]
        last = [w for w in last if _NAME_LIKE.fullmatch(w)]
        firsts = set(first) | (_nicknames(first) if nicknames else set())
        # (a long given name that no nickname list shortens is clipped by those who know the person: "Bal" for
        # Balwinder, "Xio" for Xiomara; such a clip needs the evidence an everyday word needs)
        clipped = _clipped(first, firsts) if nicknames else set()
        firsts |= clipped
        # Parts of compound surnames: "Jones" for "Smith-Jones", "Cruz" for "De la Cruz".
        parts = {p for w in last for p in [*w.split("-"), w.split()[-1]] if p != w}
        # (and the first of a double surname, as colleagues say it alone: "Zambrano" for "Zambrano Piñango"; never a
        # particle, "De" of "De la Cruz", a saint's "St.", an everyday word, a place or a given name: "Two" of "Two
        # Bulls", "Blanco", "Santiago")
        rank, places_named, given_all = word_rank(), place_names(), all_given_names()
        parts |= {first_word for w in last if " " in w
                  and (first_word := w.split()[0]).lower().rstrip(".") not in _SURNAME_PARTICLES
                  and rank.get(fold(first_word).lower(), PLAIN_RANK) >= PLAIN_RANK
                  and fold(first_word).lower() not in places_named and fold(first_word).lower() not in given_all}
        lasts = set(last) | {p for p in parts if len(p) >= 3 and p[:1].isupper()}
        # (a family by its surname's plural: "they're both Kowalczyks"; a long surname that is no word and no name
        # ending in "s" already)
        lasts |= {w + "s" for w in last if len(w) >= 6 and " " not in w and not w.endswith(("s", "z", "x"))
                  and fold(w).lower() not in english_words() and w[:1].isupper()}
        terms: dict[str, int] = {}
        written = sorted({w for p in places for w in _place_forms(p)})
        for words, cat in ((full, _FULL), (firsts, _FIRST), (lasts, _LAST), (written, _PLACE),
                           ([f for p in written for f in _short_forms(p)] + [b for p in places for b in _bare_place(p)]
                            + [c for p in places for c in _campus_short(p)] + [k for p in places for k in _kind_short(p)]
                            + _network_campuses(places),
                            _PLACE_SHORT)):
            for w in words:
                for v in _variants(w):
                    terms[v] = terms.get(v, 0) | cat
        pattern = _trie_regex(terms, _BEFORE_FIRST)
        names = re.compile(rf"(?:{pattern}){_AFTER}") if pattern else None
        # single names that are everyday words ("Hope", "Frost") or places ("Savannah", "Georgia") need evidence
        rank = word_rank()
        common = frozenset(t for t, c in terms.items() if c & _SINGLE and not c & _FULL
                           and (t in COMMON_WORD_NAMES or rank.get(t, EVERYDAY_RANK) < EVERYDAY_RANK
                                or t in CITY_NAMES or t in _STATE_WORDS)) \
            | {v for w in clipped for v in _variants(w) if not terms.get(v, 0) & (_FULL | _LAST | _PLACE | _PLACE_SHORT)}
        given_of: dict[str, set[str]] = {}
        first_set, last_set = set(first), set(last)
        for name in full:
            words = name.split()
            for i in range(1, len(words)):
                if " ".join(words[:i]) in first_set and " ".join(words[i:]) in last_set:
                    given_of.setdefault(fold(words[-1]).lower(), set()).add(fold(" ".join(words[:i])).lower())
        initials = sorted({fold(a) for p in places for a in _acronyms(p)}, key=len, reverse=True)   # (matched folded)
        acronyms = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, initials)) + r")(?![\w-])") if initials else None
        # a term that starts with no letter (a combining mark of an Indic script) is looked for in any text that
        # is not plain ASCII
        firsts = [_ALPHA.match(t) for t in terms]
        keys = frozenset(m.group(0) for m in firsts if m)
        if not all(firsts):
            keys = keys | {_NON_ASCII_KEY}
        return cls(names=names, terms=MappingProxyType(terms), common=common, acronyms=acronyms, keys=keys,
                   initials=frozenset(a for a in initials if a.isalpha()),
                   lower_initials=frozenset(a.lower() for a in initials if a.isupper() and a.lower() not in rank),
                   lasts=frozenset(t for t, c in terms.items() if c & _LAST),
                   given_of=MappingProxyType({k: frozenset(v) for k, v in given_of.items()}),
                   clipped=frozenset(v for w in clipped for v in _variants(w)),
                   # (four letters only when they spell no word: not "STAR", "CASA")
                   person_initials=(pi := frozenset(i for i in map(_person_initials, full) if 2 <= len(i) <= 3
                                                    or len(i) == 4 and i.lower() not in rank)),
                   dotted_initials=pi.intersection(_NOT_INITIALS),
                   token_model=load_token_model() if token_model else None,
                   review_model=load_review_model() if review_model else None)

    def roster_holds(self, name: str) -> bool:
        """Whether ``name`` is one of the roster's names or places in a form the detector matches it by (case and
        accents aside; a nickname of a roster first name; a school's short form).

        Examples
        --------
        >>> d = PiiDetector.from_names(first=["Deborah"], last=["Harris"], places=["Roosevelt Elementary"])
        >>> d.roster_holds("HARRIS"), d.roster_holds("Deb"), d.roster_holds("Roosevelt"), d.roster_holds("Franco Harris")
        (True, True, True, False)
        """
        return any(v in self.terms for v in _variants(name))

    def roster_named(self, name: str) -> bool:
        """Whether ``name`` is or holds one of the roster's names or places, in a form the detector matches it by:
        a roster full name, given name or nickname, school or district (short forms too) anywhere in it, or a
        roster surname with nothing beside it but titles and a possessive ("Ms. Lopez", "Lopez's"). A roster
        surname beside another name is someone else's ("Franco Harris" when the roster has a Deborah Harris).

        Examples
        --------
        >>> d = PiiDetector.from_names(first=["Deborah"], last=["Harris"], full=["Deborah Harris"],
        ...                            places=["Roosevelt Elementary"])
        >>> [d.roster_named(n) for n in ("Deb Harris", "Coach Deborah Harris", "Ms. Harris", "Harris's",
        ...                               "Roosevelt Elem", "Franco Harris", "Acrisure Stadium")]
        [True, True, True, True, True, False, False]
        """
        if self.roster_holds(name):
            return True
        words = _ALPHA.findall(fold(name).lower())
        surname = False
        for i in range(len(words)):
            for j in range(i + 1, len(words) + 1):
                bits = self.terms.get(" ".join(words[i:j]), 0)
                if bits & (_FULL | _FIRST | _PLACE | _PLACE_SHORT):
                    return True
                surname = surname or bool(bits & _LAST)
        # (a surname alone, with titles, particles or a possessive's "s" at most, is the roster person's)
        return surname and not any(not self.terms.get(w, 0) & _LAST and w not in _PUBLIC_FILLER and len(w) > 1
                                   for w in words)

    def with_public(self, public: Iterable[str]) -> PiiDetector:
        """This detector, with names that are public in this project: what it finds as a person or a place inside
        one of them is not redacted.

        An evaluator knows the names a program's comments cite that are no one's business to hide: a local hero, a
        stadium, a team, a park ("Franco Harris", "Acrisure Stadium"). Each is matched whole, as a phrase on one
        line, case and accents aside; a span that reaches outside it ("Coach Franco Harris and Ms. Diaz") stays redacted, and so do
        e-mails, phones, links and addresses. A roster name or place can never be made public (the roster's people
        are the ones redaction protects), nor a name that holds one (:meth:`roster_named`): ask first.

        Parameters
        ----------
        public : iterable of str
            The public names, as written.

        Raises
        ------
        ValueError
            If a name is blank or is or holds one of the roster's names or places (by position in ``public``; the
            name itself is not repeated).

        Examples
        --------
        >>> d = PiiDetector.from_names(first=["Maria"], last=["Lopez"], full=["Maria Lopez"]).with_public(
        ...     ["Franco Harris"])
        >>> text = "Maria Lopez showed the Franco Harris photo; franco harris's catch."
        >>> [text[s.start:s.end] for s in d.find(text) if s.label == "PERSON"]
        ['Maria Lopez']
        """
        public = [public] if isinstance(public, str) else list(public)
        if not all(isinstance(p, str) and p.strip() for p in public):
            raise ValueError("PiiDetector.with_public: every public name must be a non-blank string")
        if held := [i for i, p in enumerate(public) if self.roster_named(p)]:
            raise ValueError(f"PiiDetector.with_public: public name(s) at position {', '.join(map(str, held))} "
                             "are or hold names or places of the roster, which are always redacted")
        forms = sorted({v for p in public for v in _variants(p)})
        # (its words apart as the text spaces them on one line, two spaces or a tab; never across a line break, where
        # a line's last word may be someone's and the next line's first another's: "Thanks Harris<newline>Teeter")
        body = _trie_regex(forms).replace(re.escape(" "), r"[ \t]+")
        pattern = re.compile(rf"(?<![\w])(?:{body})(?![\w])") if forms else None
        return replace(self, public=pattern)

    def confirmed_names(self, texts: Iterable[object]) -> frozenset[str]:
        """Everyday-word names that appear in a full name or an e-mail address somewhere in ``texts``.

        Once a document says "Hope Cooper" (or "hope.cooper@..."), a capitalised "Hope" elsewhere in
        it is that person, even at the start of a sentence. Pass the result to :meth:`find` or
        :meth:`kinds` as ``confirmed``. Each text confirms its own names anyway; this is for whole documents.
        """
        out: set[str] = set()
        if self.names is None or not self.common:
            return frozenset()
        for text in texts:
            if isinstance(text, str):
                out |= self._confirm(_prepare(text)[1])
        return frozenset(out)

    def _confirm(self, low: str) -> set[str]:
        out: set[str] = set()
        for name in ("email", "email_spelled"):
            for m in PATTERNS[name].finditer(low):
                out |= _local_names(m.group(0), self.common)
        for m in self.names.finditer(low):
            if self.terms[m.group(0)] & _FULL:
                out |= {w for w in m.group(0).split() if w in self.common}
        return out

    def kinds(self, text: object, *, confirmed: frozenset[str] = frozenset()) -> set[str]:
        """The kinds of personal information found in ``text`` (empty set if none).

        The labels of :meth:`find` as names: 'name', 'email', 'phone', 'url', 'street_address',
        'place', 'self_identifying'. ``confirmed``: everyday-word names known to name a person in
        this document (:meth:`confirmed_names`).
        """
        return {LABELS[s.label] for s in self.find(text, confirmed=confirmed)}

    def find(self, text: object, *, confirmed: frozenset[str] = frozenset()) -> list[Span]:
        """Every stretch of ``text`` holding personal information, as :class:`Span` s sorted by start.

        Spans index the original ``text`` (accents included). Overlapping spans keep the longest;
        names next to each other ("Maria" "Garcia") become one PERSON span, with any title before
        them ("Ms. Gonzalez"); a possessive "'s" stays outside. ``SELF_ID`` spans mark phrases that
        identify the writer ("the only bilingual AP in the district") and may overlap other spans.

        Parameters
        ----------
        text : object
            The text; anything but a non-empty string gives no spans.
        confirmed : frozenset of str, optional
            Everyday-word names (lower case, "hope") known to name a person in this document.
        """
        if not isinstance(text, str) or not text.strip():
            return []
        folded, origin, spans, selfid = self._rule_spans(text, confirmed)
        if self.token_model is not None:
            # (what the rules left is read again by the words' model: a name no list holds, "coaching with tess")
            spans = self.token_model.extend(folded, spans, self.terms, unread=self._unread(folded))
        if self.public is not None and spans:
            # (a name the project calls public is no one's, wherever the rules or the model found it inside one)
            public = [m.span() for m in self.public.finditer(folded.lower())]
            spans = [sp for sp in spans if sp[2] not in ("PERSON", "SCHOOL")
                     or not any(a <= sp[0] and sp[1] <= b for a, b in public)]
        if spans and not _no_office(folded):
            spans = _office_titled(folded, spans)
        out = [Span(*_to_original(text, origin, s, e), label) for s, e, label in spans + selfid]
        if not selfid and self.review_model is not None \
                and self.review_model.flags(text, [(o.start, o.end) for o in out]):
            # (a comment that describes someone with no phrase of the rules': the whole of it goes to review,
            # "the retired superintendent the network hired as a consultant")
            out.append(Span(0, len(text), "SELF_ID"))
        if "ʻ" in text or "'" in text:   # (the ʻokina read as a space before the name: the name's again; a place's too)
            out = [Span(o.start - 1, o.end, o.label) if o.start and (o.label == "PERSON" and text[o.start - 1] in "ʻ'"
                                                                    or o.label == "SCHOOL" and text[o.start - 1] == "ʻ")
                   and (o.start == 1 or not text[o.start - 2].isalnum()) else o for o in out]
        return sorted(out)

    def _unread(self, folded: str) -> Callable[[int, int, str], bool]:
        """What the words' model must not read in ``folded``: a title alone ("Ms", "Coach": the rules join a title to
        the name beside it, and without one it is no one) and the words of a public name ("José Martí's poems")."""
        low = folded.lower()
        keys = _PUBLIC_KEYS.intersection(_ALPHA.findall(low))
        public = _public_spans_of(low, frozenset(keys)) if keys else ()

        def unread(start: int, end: int, word: str) -> bool:
            return word in _TITLE_WORDS or any(a <= start and end <= b for a, b in public)
        return unread

    def _rule_spans(self, text: str, confirmed: frozenset[str]
                    ) -> tuple[str, tuple[int, ...] | None, list[tuple[int, int, str]], list[tuple[int, int, str]]]:
        """What the rules find in ``text``, on its folded form: ``(folded, origin, spans, self_identifying)``, the spans
        as ``(start, end, label)`` of ``folded`` (:func:`_prepare`), before the words' model reads what they left."""
        folded, low, origin = _prepare(text)
        toks = set((_ASCII_ALPHA if folded.isascii() else _ALPHA).findall(folded))
        ltoks = set(map(str.lower, toks))
        digits = _DIGIT.search(folded) is not None
        cands: list[tuple[int, int, str]] = []
        rank = word_rank()

        def rank_of(word: str) -> int:
            return rank.get(word, PLAIN_RANK)
        # (a street typed in capitals is read again in title case, where the street patterns know its words)
        caps = _title_caps(folded) if digits and _CAPS_STREET.search(folded) else None
        for name in _worth_trying(folded, low, toks, digits):
            matches = PATTERNS[name].finditer(folded)
            if caps is not None and name == "street_address":
                matches = chain(matches, (m for m in PATTERNS[name].finditer(caps) if _caps_street_said(folded, m)))
            for m in matches:
                s, e = m.span()
                if name == "email" and (wrap := _EMAIL_WRAP_BEFORE.search(folded, max(0, s - 64), s)) \
                        and all((w not in english_words() or w in all_given_names()) and w not in CALENDAR
                                for w in re.split(r"[.+_-]", wrap.group(0).strip().lower()) if w):
                    # (a local part wrapped after its dot: "dana.<newline>reyes@example.org"; never a sentence's last
                    # word before a signature's address, "Thanks for the session.<newline>dreyes@...")
                    s = wrap.start()
                if name in ("email", "email_spelled") and _ONE_LETTER_LOCAL.match(folded, s) \
                        and (spaced := _SPACED_LETTERS_BEFORE.search(folded, max(0, s - 80), s)):
                    s = spaced.start()   # a local part spelled letter by letter: "d r e y e s @ example . org"
                if name == "url":
                    e = s + len(_trim_url(m.group(0)))
                    # (a link a PDF or a mail client wrapped at a line's end goes on on the next line: "...?cohort=
                    # <newline>7&campus=all"; after a slash only where the next line's word is a link's: "/<newline>
                    # reg_2025", never a sentence's "Register now")
                    if (wrap := _URL_WRAP.match(folded, e)) and (folded[e - 1] in "=?&-_%" or folded[e - 1] == "/"
                                                                  and _URLISH_PART.search(wrap.group(1))):
                        e = s + len(_trim_url(folded[s:wrap.end()]))
                elif name == "titled_name" and folded.endswith("'s", s, e):
                    e -= 2
                elif name == "titled_name" and folded[s:e].rsplit(None, 1)[-1].lower() in _LOWER_SCHOOL_WORDS:
                    continue          # "Kettle Lake Jr/Sr High": a school's kind, not Sister High
                elif name == "titled_name" and folded[s:e].rsplit(None, 1)[-1].rstrip(".") in _STREET_ONLY_WORDS \
                        and folded[s:e].split(None, 1)[0].rstrip(".") in _STREET_TITLES:
                    continue          # "Bishop Street", "Judge Road": a street named after a title ("Ms. Lane" is hers)
                elif name == "lower_titled_name" and low[s:e].split(None, 1)[0].rstrip(".") in _ROLE_TITLES:
                    # a role as a title in lower case: "principal gomez", "pastor mike" (a name, never a word of work:
                    # "principal investigator", "coach said"); one name word, two when the second is a surname only
                    words = low[s:e].split()[1:]
                    if not (_name_word(words[0]) or words[0] in self.terms and rank_of(words[0]) >= EVERYDAY_RANK):
                        continue
                    # (a second word that is a surname, or no word of any list: "sheikh hassan abdulle")
                    if len(words) > 1 and not (words[1] in self.terms or words[1] not in english_words()
                                               and (words[1] in all_surnames() or len(words[1]) >= 4
                                                    and words[1] not in spanish_words() and words[1] not in word_rank())):
                        e = _LAST_WORD.search(low, s, e).start()
                elif name == "lower_titled_name":
                    words = low[s:e].replace(".", " ").split()[1:]
                    if (rank_of(words[0]) < EVERYDAY_RANK or low.startswith("miss", s) and words[0] in english_words()) \
                            and words[0] not in self.terms:
                        continue      # "ms word", "dr appointment", "i miss recess": an everyday word after the letters
                    if len(words) > 1 and rank_of(words[1]) < EVERYDAY_RANK and words[1] not in self.terms:
                        e = _LAST_WORD.search(low, s, e).start()   # "mr hargrove came": the name alone
                elif name == "titled_name" and folded.startswith(("COACH ", "PRINCIPAL ", "PASTOR "), s) \
                        and not (_name_word(low[s:e].split()[1]) or low[s:e].split()[1] in self.terms):
                    continue          # "COACH SAID NO": a role in capitals before a word, no name
                elif name == "staff_titled_name" and not self._staff_name(low[s:e].split()[1]):
                    continue          # "Nurse Practitioner", "AP Chem": a nurse's kind, a course; nobody
                elif name == "titled_name" and "\t" in folded[s:e]:
                    continue          # a table's cells: "Principal<TAB>Tier 3" is a role and a tier, no one's name
                elif name == "titled_name" and self._role_before_word(folded, low, s, e):
                    continue          # "Principal Investigator", "Coach Education": a role's word, not its holder
                elif name == "email_spelled" and (spoken := _SPOKEN_LOCAL_AT.match(low, s, e)) \
                        and " " in spoken.group(2).strip() and (w := spoken.group(1)) in english_words() \
                        and w not in all_surnames() and w not in all_given_names() and w not in self.terms:
                    continue          # "practiced at khan academy dot org": a verb and a website's words, no address
                elif name == "phone" and folded[s:e].isdigit() \
                        and _BUSINESS_NUMBER_BEFORE.search(folded, max(0, s - 30), s):
                    continue          # "Purchase order 4500087321", "invoice #4500087321": a business's number, run
                    #                   together (a student's or an employee's number stays redacted)
                elif name == "street_address" and _YEAR_LEAD.match(folded, s) and not _CONTINUED.search(folded, s, e):
                    continue          # "2022 Kennedy Park hosted ...": a year before a place, not an address
                elif name == "street_address" and _MILE_ROAD.fullmatch(folded, s, e):
                    continue          # "the 8 Mile Rd bus": a road named by its mile, no house on it
                elif name == "street_address_directed" and (
                        not _STATE_OWN_WORDS.isdisjoint(m.group("street").lower().split())
                        or fold(m.group("town")).lower() not in place_names()
                        or _NUMBERED_BEFORE.search(low, max(0, s - 12), s)):
                    continue          # "12 N. Carolina, Texas", "Section 12 E. Coli, Salmonella": no street
                if name.startswith("street_address") and folded[e - 1] == "." and not _ABBREVIATED.search(folded, s, e):
                    e -= 1            # "7 Oak Hill Road.": the sentence's full stop, not an abbreviation's
                if name.startswith("street_address"):
                    # (the units before it, a building's and an apartment's: "Bldg 12, Apt 1204, 3150 ...")
                    while unit := _UNIT_BEFORE.search(folded, max(0, s - 90), s):
                        s = unit.start()
                elif name == "po_box":
                    # (a rural box after its highway and mile: "Mile 4, Hwy 160, PO Box 1420, Towaoc, CO 81334")
                    road = _ROAD_BEFORE_BOX.search(folded, max(0, s - 48), s)
                    s = road.start() if road else s
                elif name == "email_at_plain" and not _EMAIL_CUE.search(low, max(0, s - 30), s) \
                        and not _EMAIL_OPEN.search(low, max(0, s - 8), s) \
                        and all(p in english_words() for p in re.split(r"[._+-]", low[s:e].split()[0]) if p):
                    continue          # "we met at bps.org", "the sign-up at example.com": everyday words, no e-mail cue
                elif name == "phone" and e - s <= 8 and _RANGE_CUE.search(low, max(0, s - 16), s):
                    continue          # "scores 400-1600", "pages 212-1010": a range, not a local number
                elif name == "house_at" and ((w := m.group("street").split()[0].lower()) in CALENDAR
                                             or rank_of(w) < EVERYDAY_RANK or w in _MEASURE_WORDS):
                    continue          # "home at 10 Tuesday", "moved to 504 Plans", "lives at 20 mins": no street
                elif name == "phone" and (line := _SECOND_LINE.match(low, e)) and e - s >= 10 \
                        and line.group(1)[:2] == folded[e - 4:e - 2]:
                    # (a second line of the same exchange after a whole number: "651-555-0116 or 0117"; never a year
                    # or a time, "651-555-0116 or 2020", "... or 0130 hours", nor after a local number alone)
                    e = line.end()
                elif name == "lower_titled_name" and folded[s].islower() and folded[s:e].split()[1][:1].isupper() \
                        and (low[s:e].split()[1] in CALENDAR or low[s:e].split()[1] in english_words()):
                    continue          # a voice-typed title before a word: "went to the doctor Tuesday", "doctor Visits"
                elif name == "titled_name" and folded[s:e].isupper() and len(folded[s:e].split()) > 2:
                    # (a name in capitals ends before its sentence's next words: "MS. DIAZ NEEDS HELP")
                    # (cut before the first everyday word after the name's first: "NEEDS", "SAID", "MORE", "DAY")
                    words = list(_WORD_RUN.finditer(folded, s, e))
                    cut = next((i for i in range(2, len(words))
                                if word_rank().get(words[i].group(0).lower(), PLAIN_RANK) < EVERYDAY_RANK), len(words))
                    e = words[cut - 1].end()
                elif name == "phone_ocr" and (sum(ch.isdigit() for ch in folded[s:e]) < 6
                                              or not any(ch in "OoIlZSB" for ch in folded[s:e])
                                              # (two letters opening it are a code's: "Section SS1-101-2024"; never
                                              # "612-5SS-0142", "(7O3) 555-Ol42")
                                              or folded[s:s + 2].isalpha()):
                    continue          # letters for digits: a few, never a word ("lol-lol-lolo")
                elif name == "home_park_lot":
                    # (the town after the park only when it is a town, "Springdale"; never "Mrs Garcia said", "Then";
                    # and no word of time or a verb before the park's name: "Yesterday Pine Hollow Mobile Home Park")
                    if m.group("town") and m.group("town").lower() not in place_names():
                        e = len(folded[:m.start("town")].rstrip(", \t"))
                    while (w := _LEADING_WORD.match(folded, s, e)) and w.group(1).lower() in _NOT_PARK_WORDS:
                        s = w.end()
                if e > s:
                    cands.append((s, e, _PATTERN_LABEL[name]))
                if name.startswith("email") and self.common:  # "frank.may@...": Frank and May are people here
                    confirmed = confirmed | _local_names(low[s:e], self.common)
        for s in [c[0] for c in cands if c[2] == "ADDRESS"]:
            # the addressee before an address: "Mail the check to: Kervens Saint-Fleur, 42 Dakota St, ..."
            m = _ADDRESSEE_BEFORE.search(folded, max(0, s - 60), s)
            if m and not any(w.rstrip(".") in _SCHOOL_CUE_WORDS or w.lower() in _NOT_SCHOOL_NAME
                             for w in m.group(1).split()) \
                    and any(rank.get(w.lower(), PLAIN_RANK) >= PLAIN_RANK or w.lower() in given_names()
                            or ";" in folded[max(0, m.start() - 1):m.start(1)] and w.lower() in all_surnames()
                            for w in m.group(1).split()):   # ("Attn: Federal Programs" is an office)
                # (in a list of addressees, a census surname too: "...; Swindle, 3311 County Road 447, ...")
                cands.append((m.start(1), m.end(1), "PERSON"))
        if not ltoks.isdisjoint(_DIGIT_WORDS) and (digits or len(ltoks & _DIGIT_WORDS) >= 2):
            cands += _spoken_phones(low)
            cands += [(m.start(), m.end(), "ADDRESS") for m in _SPOKEN_ADDRESS.finditer(low)
                      if m.group("state") or m.group("type") not in _EVERYDAY_TYPES]
        if digits and (" " in folded or "/" in folded):
            cands += _cued_phones(low)
        if digits and ("+" in folded or "00" in folded or "011" in folded):
            cands += _intl_phones(folded)
        for s in [c[0] for c in cands if c[2] == "PHONE"]:
            # a given name just before a phone number, as contact lists write them: "Lorraine 928-555-0144, Autumn
            # (928) 555-0136" (not a label: "Call", "Office")
            m = _NAME_BEFORE_PHONE.search(folded, max(0, s - 24), s)
            if m and (w := m.group(1).lower()) in all_given_names() and w not in CALENDAR and w not in _GREETINGS:
                cands.append((m.start(1), m.end(1), "PERSON"))
        # names off the roster, by the words around them; a roster school's short name ("Roosevelt") stays a school
        cands += _with_titles(folded, [c for c in _off_roster(folded, toks, ltoks, self.lasts)
                                       if not self.terms.get(low[c[0]:c[1]], 0) & (_PLACE | _PLACE_SHORT)
                                       and not _named_thing(folded, c)])
        shouting = _shouting(folded)
        if shouting:
            # a text in capitals says nothing by its capitals: its names are judged as if it were typed in lower
            # case, by the words around them ("SHOUT OUT TO KENZIE FOR ...")
            cands += [c for c in _off_roster(low, ltoks, ltoks, self.lasts)
                      if not self.terms.get(low[c[0]:c[1]], 0) & (_PLACE | _PLACE_SHORT)]
        # Names already found (titled, or a placeholder of an earlier run) vouch for a word next to them.
        edges = {c[0] for c in cands if c[2] == "PERSON"} | {c[1] for c in cands if c[2] == "PERSON"}
        if "[PERSON]" in folded:
            edges |= {i for m in re.finditer(r"\[PERSON\]", folded) for i in m.span()}
        if self.keys is None or not self.keys.isdisjoint(ltoks) \
                or (_NON_ASCII_KEY in self.keys and not folded.isascii()):
            cands += self._gazetteer(folded, low, confirmed, edges, ltoks)
        if not toks.isdisjoint(_SCHOOL_CUE_WORDS) or "I.S.D" in folded or "H.S." in folded or "/HS" in folded:
            # a name before a school word ("Desert Vista High", "Lakeshore El", "Pine Ridge ISD") is a school,
            # on the roster or not; never an everyday or program word before it ("Summer Academy"); its initials
            # elsewhere in the text are the same school ("Willow Creek Elementary (WCE)")
            named = []
            for m in _SCHOOL_NAME.finditer(folded):
                # "The Desert Vista High staff": the words before the name are dropped, not the school
                start = m.start()
                words = list(_WORD_RUN.finditer(m.group(1)))
                for i, word in enumerate(words):
                    w = word.group(0).casefold().strip(".")
                    # (a place's adjective before a name word is the name's: "High Desert Basin ESD", "New Hope")
                    # (and "Our" of a church's school: "Our Savior's Lutheran School", "Our Redeemer Academy")
                    if (w not in _NOT_SCHOOL_NAME and not word.group(0).islower()) \
                            or w in _NAME_ADJECTIVES and i + 1 < len(words) and word.group(0)[0].isupper() \
                            and words[i + 1].group(0).casefold() not in _NOT_SCHOOL_NAME \
                            or w == "our" and i + 1 < len(words) and _OUR_CHURCH.match(words[i + 1].group(0)):
                        start = m.start() + word.start()
                        break
                else:
                    continue
                # (a line that ends in a role is a signature's title line, not the name's start: "Jimmy
                # Hummingbird<newline>Principal<newline>Bluestem Springs Academy")
                for line in _ROLE_LINE_END.finditer(folded, start, m.end(1)):
                    start = line.end()
                # (nor does a name run on from the line before, a signature's name line: "Gary Sidhu<newline>Pacific
                # Loop K-8"; a word broken by its hyphen does: "Choctawhatchee County S-<newline>chool District")
                cut = folded.rfind("\n", start, m.end(1))
                if cut > start and folded[cut - 1] != "-" and folded[cut + 1:cut + 2].isupper():
                    start = cut + 1
                if not (_shouting(folded) and folded.startswith(("MS", "HS", "ES"), m.end(1) + 1)):
                    cands.append((start, m.end(), "SCHOOL"))
                    named += _acronyms(folded[start:m.end()])
            for a in set(named).intersection(toks):
                cands += [(m.start(), m.end(), "SCHOOL") for m in _word_regex(a).finditer(folded)]
        cands += _schools_by_shape(folded, low, toks, digits)
        if shouting or _CAPS_SCHOOL_WORD.search(folded):
            people = sorted((s, e) for s, e, lab in cands if lab == "PERSON")
            starts, reach = [s for s, _ in people], list(accumulate((e for _, e in people), max))
            for a, b, label in _shouted_schools(folded):
                # (never into a name found before it: "MARLYS IRON SHELL RED WILLOW DAY SCHOOL"; the names found
                # looked up by their starts, so that a pasted list of thousands stays linear)
                i = bisect.bisect_left(starts, a) - 1
                if i >= 0 and reach[i] > a:
                    a = reach[i]
                a += len(folded[a:b]) - len(folded[a:b].lstrip())
                if a < b:
                    cands.append((a, b, label))
        if "COE" in toks:
            # a county's office of education by its letters: "Merced COE" (a county's name before them; never a
            # college of education's, "the Texas State COE", "UNLV COE")
            cands += [(m.start(), m.end(), "SCHOOL") for m in _COUNTY_COE.finditer(folded)
                      if m.group(1).lower() in place_names() and not _STATE_NAME_WORDS.intersection(m.group(1).split())]
        if self.person_initials:
            bare = () if shouting else self.person_initials.intersection(toks).difference(_BARE_NOT_INITIALS)
            dotted = self.dotted_initials if self.dotted_initials and "." in folded \
                and _dotted_gate(self.dotted_initials).search(folded) else ()
            if bare or dotted:
                cands += _roster_initials(folded, bare, dotted)
        handles = [t for t in toks if len(t) >= 5 and t[1:] in self.lasts and t.islower() and t not in english_words()]
        for handle in handles:
            # a user name made of an initial and a roster surname: "submitted by rmehta", "cc jsmith"
            cands += [(m.start(), m.end(), "PERSON") for m in _word_regex(handle).finditer(folded)]
        if not self.lower_initials.isdisjoint(toks):
            # a school's initials typed in lower case, where a place is named: "assessment at mtms", "@ chhs"
            cands += [(m.start(), m.end(), "SCHOOL") for a in self.lower_initials.intersection(toks)
                      for m in _word_regex(a).finditer(folded)
                      if _PLACE_BEFORE.search(folded, max(0, m.start() - 16), m.start())
                      # (a district's letters need no place before them: "presented the tfisd dashboard", "all ktbsd", "the
                      # bcps data"; the second reader's "more learning opps" of Oak Park Public Schools was weighed against
                      # a held-out span and left: the roster's own letters only)
                      or len(a) >= 4 and a.endswith(("sd", "ps"))]
        if self.acronyms is not None and not self.initials.isdisjoint(toks):
            # (in a text in capitals, initials that spell a word are that word: "THE SITE VISIT" is no THE school)
            cands += [(m.start(), m.end(), "SCHOOL") for m in self.acronyms.finditer(folded)
                      if not (shouting and m.group(0).lower() in english_words())]
        cands = self._in_context(folded, low, toks, ltoks, cands)
        # (the records a name fills say it is someone here, whatever public figure shares it: "Abernathy ✓")
        cands += _record_names(folded)
        # words the names found vouch for, judged by the same context; a list of names vouches along itself
        found, seen = cands, set(cands)
        others = _Taken([c for c in cands if c[2] in ("SCHOOL", "ADDRESS", "EMAIL", "URL", "PHONE")])
        # (a list vouches one name further each round: "Abdiwali, Hamdi, Nasra, Kou, Lee Pao"; the first round runs
        # with nothing found too, for a sign-off, "no comment<newline>-SF"; fifty rounds read any list a comment holds,
        # and bound a pasted list of thousands to linear time)
        for _ in range(50):
            # (never a word a school or an address found holds: "Luz Rivera and Las Palmas" names a school)
            found = [c for c in self._in_context(folded, low, toks, ltoks, _vouched(folded, ltoks, found))
                     if c not in seen and not (c[2] == "PERSON" and others.contains(c[0], c[1]))]
            if not found:
                break
            cands += found
            seen.update(found)
        spans = _initials_after(folded, _couples(folded, _name_tail(folded, _school_joins(folded, _school_tails(
            folded, self._with_surnames(folded, _resolve(folded, cands)))))))
        if "," in folded and self.names is not None:
            spans = self._reversed_names(low, spans)
        # (a title alone is nobody; nor is a degree's first letters: "Rosalind Okafor, Ed.D.", "Ed.S.")
        # (a roster person's initials in capitals are theirs: "DR led the session")
        if "a" in ltoks or "an" in ltoks or "former" in ltoks or "retired" in ltoks:
            # one of a kind after "a": "used to be a Marine", "an Eagle Scout" (a roster name stays one)
            spans = [c for c in spans if c[2] != "PERSON" or " " in folded[c[0]:c[1]]
                     or not _A_BEFORE.search(folded, max(0, c[0] - 16), c[0])
                     or low[c[0]:c[1]] not in english_words() or low[c[0]:c[1]] in plain_given_names()
                     or low[c[0]:c[1]] in self.terms]
        if "College" in toks or "University" in toks:
            # a college that shares a school's or a district's name: "Lakeshore City Community College"
            spans = [c for c in spans if c[2] != "SCHOOL" or not _COLLEGE_AFTER.match(folded, c[1])
                     or folded[c[0]:c[1]].rsplit(None, 1)[-1] in _SCHOOL_CUE_WORDS
                     and not folded.endswith("Community", c[0], c[1])]
        if " AP " in folded or not toks.isdisjoint(_PRONOUN_WORDS):
            # a pronoun before a title is the sentence's, whatever surname it also is: "Her AP Tyrell" (Her: Hmong)
            spans = [(m.end(), c[1], c[2]) if c[2] == "PERSON" and (m := _PRONOUN_TITLE.match(folded, c[0])) else c
                     for c in spans]
        # (nor titles alone, one after another: "Lorraine Bahe, Asst. Principal"; a surname that is a title too
        # stays a name: "Dr. Judge", "Coach Bishop")
        spans = [c for c in spans if c[2] != "PERSON" or (folded[c[0]:c[1]].rstrip(".").title() not in _TITLE_WORDS
                                                          or folded[c[0]:c[1]] in self.person_initials
                                                          or low[c[0]:c[1]] in self.terms
                                                          or low[c[0]:c[1]] in _GIVEN_TITLES)
                 and not _DEGREE_AFTER.match(folded, c[1])
                 and not (" " in folded[c[0]:c[1]]
                          and all(w.rstrip(".").title() in _TITLE_WORDS or w.rstrip(".") in _OFFICE_WORDS
                                  for w in folded[c[0]:c[1]].split())
                          and low[c[0]:c[1]].split()[-1] not in all_surnames()
                          and low[c[0]:c[1]].split()[-1] not in _GIVEN_TITLES)]
        if "Education" in toks:   # a state's education agency is public: "the Utah State Board of Education"
            spans = [c for c in spans if c[2] != "SCHOOL" or not _STATE_AGENCY.match(folded[c[0]:c[1]])
                     or _ONE_DISTRICT_STATE.match(folded[c[0]:c[1]])]
        if not ltoks.isdisjoint(_MONTHS) and digits:
            # a month before its day is a date: "due March 15" (never a person named March or May there)
            spans = [c for c in spans if c[2] != "PERSON" or low[c[0]:c[1]] not in _MONTHS
                     or not _DAY_AFTER.match(folded, c[1])]
        if not toks.isdisjoint(_LANDFORM_WORDS):
            # a name before a landform is the place named after someone: "the road along West Canada Creek", "Penn's
            # Landing" (a roster person's full name, or a titled one, stays theirs)
            # (and a place joined to it: "the road out to Sopori Wash and Arivaca")
            places = [c for c in spans if c[2] == "PERSON"
                      and (_LANDFORM_AFTER.match(folded, c[1]) or " " in folded[c[0]:c[1]].strip()
                           and folded[c[0]:c[1]].rsplit(None, 1)[-1] in _LANDFORM_WORDS)
                      and not (self.terms.get(low[c[0]:c[1]], 0) & _FULL or _TITLE_AT.match(folded, c[0]))
                      # (never a name whose surname is the landform's word, before a verb that takes a person: "Dana
                      # Peak called")
                      and not (" " in folded[c[0]:c[1]].strip() and _PERSON_VERB.match(folded, c[1]))]
            row = self._joined_to(folded, low, spans, places) if places else set()
            spans = [c for c in spans if c not in places and c not in row]
        if "Day" in toks:
            # a day named after someone is a holiday: "Dr. Martin Luther King Jr. Day", "Prince Kuhio Day"
            spans = [c for c in spans if c[2] != "PERSON" or not _HOLIDAY_AFTER.match(folded, c[1])]
        if ", " in folded and len(_SURNAME_INITIAL_ITEM.findall(folded)) >= 2:
            # a list of surnames and initials: "Lowery, R. / Revels, T. / Godwin, J." (two at least)
            spans = _resolve(folded, spans + [(m.start(), m.end(), "PERSON")
                                              for m in _SURNAME_INITIAL_ITEM.finditer(folded)])
        if ", " in folded:
            # a surname and an initial, as sign-in sheets list people: "Vang, P.", "Nguyen, T." (the surname found)
            # (not where the list puts each initial first: "K. VOLLMER, R. SAENZ")
            spans = [(c[0], m.end(), c[2]) if c[2] == "PERSON" and " " not in folded[c[0]:c[1]]
                     and (m := _COMMA_INITIAL.match(folded, c[1]))
                     and not _INITIAL_BEFORE.search(folded, max(0, c[0] - 8), c[0]) else c for c in spans]
        if not toks.isdisjoint(_SUFFIX_WORDS):
            # a generational suffix straight after a name is the name's, with its full stop: "Tyrone Banks Jr.",
            # "Billy Ray Cooper III" (after the holidays: "Dr. Martin Luther King Jr. Day" is no one)
            grown = [(c[0], m.end(), c[2]) if c[2] == "PERSON" and (m := _SUFFIX_AFTER.match(folded, c[1])) else c
                     for c in spans]
            spans = [c for c in grown if not any(o != c and o[0] <= c[0] and c[1] <= o[1] for o in grown)]
        if not toks.isdisjoint(_NOT_PEOPLE_BEFORE_WORDS):
            # a saint ("Sts. Peter and Paul", "St. Kateri Tekakwitha") or a storm ("after Hurricane Maria"; and the
            # storm's name elsewhere in the text: "Maria hit the same grid"; where a storm is named, a retired storm's
            # name with no verb that takes a person: "Hurricane Fiona was smaller than Maria") is no one here
            storms = {low[m.end():m.end() + 20].split()[0] for m in _STORM_BEFORE.finditer(low)
                      if low[m.end():m.end() + 20].split()}
            retired = _RETIRED_STORMS if storms else frozenset()
            spans = [c for c in spans if c[2] != "PERSON"
                     or not (_NOT_PEOPLE_BEFORE.search(folded, max(0, c[0] - 16), c[0]) or low[c[0]:c[1]] in storms
                             or low[c[0]:c[1]] in retired and not _VERB_AFTER.match(folded, c[1])
                             or _SAINT_START.match(folded, c[0]))]
        if not toks.isdisjoint(_SAINT_TOWN_WORDS):
            # a town named after a saint, as Spanish and Portuguese name towns: "Kids from Santa Eulalia and San Pedro
            # Soloma" (a roster name, or one after a title, stays someone's: "Dr. San Miguel")
            # (nor one a verb or a cue says is someone: "San Nicolas called about the bus", "thanks to Santa Maria")
            spans = [c for c in spans if c[2] != "PERSON" or self.terms.get(low[c[0]:c[1]], 0)
                     or _TITLE_BEFORE.search(folded, max(0, c[0] - 20), c[0]) or _VERB_AFTER.match(folded, c[1])
                     or not (_SAINT_TOWN_BEFORE.search(folded, max(0, c[0] - 8), c[0])
                             and not _cue_before(_CUE_BEFORE, _CUE_LAST_WORDS, folded, c[0] - 4)
                             or _SAINT_TOWN_START.match(folded, c[0])
                             and not _cue_before(_CUE_BEFORE, _CUE_LAST_WORDS, folded, c[0]))]
        if not toks.isdisjoint(_JOB_WORDS):
            # an everyday word before a job's title is the job's: "Turnaround Grant Manager", "Title Program
            # Coordinator" (a given name that is no everyday word stays a person: "Dana Coordinator" is rare)
            spans = [c for c in spans if c[2] != "PERSON" or " " in folded[c[0]:c[1]] or not _JOB_AFTER.match(folded, c[1])
                     or rank.get(low[c[0]:c[1]], PLAIN_RANK) >= PLAIN_RANK or low[c[0]:c[1]] in self.terms]
        if not ltoks.isdisjoint(LANGUAGE_NAMES) or "tieng" in ltoks:
            # a language is no one: "a prayer in Ojibwe", "surveys in Hakha Chin" (one that is a given name too,
            # "Karen", only beside the words of language, :func:`_spoken`; one that is a surname too, "Thai", only
            # there or after "in"); nor a word after Vietnamese "tiếng", language: "tiếng Anh" is English
            spans = [c for c in spans if c[2] != "PERSON" or self.terms.get(low[c[0]:c[1]], 0)
                     or not (_a_language(folded, c[0], c[1]) or low.endswith("tieng ", 0, c[0]))]
            # (a place's short name that is a language too, before a word of language: "three Choctaw greetings")
            spans = [c for c in spans if c[2] != "SCHOOL" or low[c[0]:c[1]] not in LANGUAGE_NAMES
                     or not _LANGUAGE_AFTER.match(folded, c[1])]
        if not ltoks.isdisjoint(_SPANISH_WORD_NAMES) and not ltoks.isdisjoint(_SPANISH_ARTICLES):
            # a word of Spanish after its article, in lower case, whatever roster name it also is: "la soledad del
            # director", "todos los santos días"
            spans = [c for c in spans if c[2] != "PERSON" or not folded[c[0]:c[1]].islower()
                     or low[c[0]:c[1]].split()[-1] not in _SPANISH_WORD_NAMES
                     or not (low[c[0]:c[1]].split()[0] in _SPANISH_ARTICLES
                             or _SPANISH_ARTICLE_BEFORE.search(low, max(0, c[0] - 8), c[0]))]
        if not ltoks.isdisjoint(_SPANISH_WORD_NAMES):
            # a word of Spanish that is a given name, written again in lower case in the same comment, is the word
            # there too: "Milagros pequeños, pero milagros", "Consuelo is what ...; the consuelo came"
            lower = set(_LOWER_RUN.findall(folded)) & _SPANISH_WORD_NAMES
            spans = [c for c in spans if c[2] != "PERSON" or low[c[0]:c[1]] not in lower or folded[c[0]:c[1]].islower()
                     or self.terms.get(low[c[0]:c[1]], 0) or _TITLE_BEFORE.search(folded, max(0, c[0] - 20), c[0])]
        if any(c[2] == "PERSON" and c[1] - c[0] >= 4 and folded[c[0]:c[1]] in _NOT_INITIALS for c in spans):
            # (a program's or a law's letters at a sentence's start: "ESSA, IDEA, Title III"; never a roster person's)
            spans = [c for c in spans if c[2] != "PERSON" or c[1] - c[0] < 4 or folded[c[0]:c[1]] not in _NOT_INITIALS
                     or folded[c[0]:c[1]] in self.person_initials]
        if not toks.isdisjoint(_TOWN_DIRECTIONS):
            # a town by its direction: "West Fargo families", "East Moline" (a given name after the word stays someone's)
            places = place_names()
            spans = [c for c in spans if c[2] != "PERSON" or len(low[c[0]:c[1]].split()) != 2
                     or folded[c[0]:c[1]].split()[0] not in _TOWN_DIRECTIONS
                     or not (low[c[0]:c[1]] in places or low[c[0]:c[1]].split()[1] in places)
                     or low[c[0]:c[1]].split()[1] in given_names()]
        if "camp" in ltoks:
            # a camp by its name, however the name was pieced together: "came from Mae La camp in Thailand"
            spans = [c for c in spans if c[2] != "PERSON" or not _CAMP_AFTER.match(folded, c[1])
                     or self.terms.get(low[c[0]:c[1]], 0) & _FULL]
        if not ltoks.isdisjoint(_PET_KINDS) and "the" in ltoks:
            # a pet or a mascot by its kind after its name: "Max the reading dog", "Daisy the chicken"
            spans = [c for c in spans if c[2] != "PERSON" or " " in low[c[0]:c[1]] or self.terms.get(low[c[0]:c[1]], 0)
                     or not _PET_AFTER.match(low, c[1])]
        if " the " in folded and not ltoks.isdisjoint(_MASCOT_KINDS):
            # a team's mascot by its animal, capitalised as a name is: "Rocky the Bull from the university came by"
            # (never "Jalen, the eagle scout", "Kiara the tiger mom": second reader, session 25)
            spans = [c for c in spans if c[2] != "PERSON" or " " in low[c[0]:c[1]] or self.terms.get(low[c[0]:c[1]], 0)
                     or not _MASCOT_AFTER.match(folded, c[1])]
        if "jesus" in ltoks or "dios" in ltoks:
            # an exclamation or a prayer: "Ay, Jesús, qué falta", "En el nombre de Jesús", "gracias a Dios"
            spans = [c for c in spans if c[2] != "PERSON" or low[c[0]:c[1]] not in ("jesus", "dios")
                     or not _INVOKED_BEFORE.search(low, max(0, c[0] - 20), c[0])]
        if not ltoks.isdisjoint(_RETIRED_STORMS) and _STORM_WORDS.search(folded) and _STORM_YEAR_AFTER.search(folded):
            # a retired storm's name before its year, where the text speaks of storms, is the storm: "the flood after
            # Irene in 2011", "Iniki of 1992 took the roof" (never "when I hired Matthew in 2021")
            spans = [c for c in spans if c[2] != "PERSON" or low[c[0]:c[1]] not in _RETIRED_STORMS
                     or not _STORM_YEAR_AFTER.match(folded, c[1]) or self.terms.get(low[c[0]:c[1]], 0)]
        if not ltoks.isdisjoint(_RETIRED_STORMS) and (_STORM_WORDS.search(folded) or _STORM_SEASON_AFTER.search(folded)):
            # where a text speaks of storms, a retired storm's name in a row of names with no verb that takes a person,
            # and the names beside it, are the season's storms: "a hurricane warning day. Ian, then Nicole."
            def stormy(c: tuple[int, int, str]) -> bool:
                return c[2] == "PERSON" and " " not in low[c[0]:c[1]] and not self.terms.get(low[c[0]:c[1]], 0) \
                    and not _VERB_AFTER.match(folded, c[1]) and not _TITLE_BEFORE.search(folded, max(0, c[0] - 20), c[0])
            # (where no word of storms is said, a retired storm's name before a season's: "Matthew one year, Irma the
            # next", "Idalia one August")
            worded = bool(_STORM_WORDS.search(folded))
            seasoned = [c for c in spans if stormy(c) and low[c[0]:c[1]] in _RETIRED_STORMS
                        and _STORM_SEASON_AFTER.match(folded, c[1])]
            storms = [c for c in spans if stormy(c) and low[c[0]:c[1]] in _RETIRED_STORMS and (worded or seasoned)]
            # (a row goes on after a storm's season: "Idalia one August, Debby the next")
            anchors = [(c[0], m.end() if (m := _STORM_SEASON_AFTER.match(folded, c[1])) else c[1], c[2]) for c in storms]
            row = self._joined_to(folded, low, spans, anchors) if storms else set()
            spans = [c for c in spans if c not in row and c not in storms]
        if not ltoks.isdisjoint(_RETIRED_STORMS) and not ltoks.isdisjoint(_STORM_TIME_WORDS):
            # a retired storm's name after a word of time is the storm, named or not: "after Katrina", "survived
            # Maria", "since Ida" (not a person's: "after Maria's talk", "since Harvey joined")
            spans = [c for c in spans if c[2] != "PERSON" or low[c[0]:c[1]] not in _RETIRED_STORMS
                     or not _STORM_TIME_BEFORE.search(low, max(0, c[0] - 12), c[0])
                     or folded.startswith(("'s", "’s"), c[1]) or _VERB_AFTER.match(folded, c[1])
                     or _PERSON_AFTER_STORM.match(folded, c[1]) or self.terms.get(low[c[0]:c[1]], 0)]
        if not ltoks.isdisjoint(_PEOPLES_WORDS):
            # a nation's or a clan's name before its people: "a few Cheyenne families", "Wolf Clan" (one word only:
            # "the Delgado family" is a person's)
            # (families named together are families: "the Pahukoa and Lindsey families")
            together = {m.end(1) for m in _FAMILIES_TOGETHER.finditer(folded)} if "families" in ltoks else set()
            # (and a surname in lower case after "the", which no people's name is: "the ghebreyesus and weldu families")
            together |= {m.end(g) for m in _LOWER_FAMILY.finditer(folded) for g in (1, 2) if m.group(g)}
            spans = [c for c in spans if c[2] != "PERSON" or " " in folded[c[0]:c[1]] or c[1] in together
                     or self.terms.get(low[c[0]:c[1]], 0) & _FULL or not _PEOPLES_AFTER.match(folded, c[1])]
        if not toks.isdisjoint(_PLACE_PREFIXES):
            # the second word of a town's two-word name is the town's: "San Bernardino has the highest rate", "Santa
            # Ana winds" (a roster person's full name stays theirs)
            places = place_names()
            # (never after a cue or before a verb that takes a person: "My student San Juanita asked")
            spans = [c for c in spans if c[2] != "PERSON" or " " in low[c[0]:c[1]]
                     or self.terms.get(low[c[0]:c[1]], 0) & _FULL
                     or not ((m := _PLACE_PREFIX_BEFORE.search(folded, max(0, c[0] - 7), c[0]))
                             and f"{m.group(1).lower()} {low[c[0]:c[1]]}" in places)
                     or _PERSON_VERB.match(folded, c[1])
                     or _cue_before(_CUE_BEFORE, _CUE_LAST_WORDS, folded, m.start())]
        if "Lady" in toks:   # "the feast of Our Lady of Guadalupe": Mary's title, no one here
            spans = [c for c in spans if c[2] != "PERSON" or not folded.endswith(("Lady of ", "Lady of the "), 0, c[0])]
        if not toks.isdisjoint(_OFFICE_WORDS):
            # a public office's holder ("Sen. Daniel K. Inouye", "Governor Hochul", "President Lincoln's"): a public
            # figure, not one of the program's people (a roster person's full name stays theirs)
            # (a local body's president is one of the program's people: "President Sitani Mahe of the Tongan stake",
            # "PTA President Maria Lopez")
            local = [c for c in spans if c[2] == "PERSON" and (
                _LOCAL_BODY_AFTER.match(folded, c[1]) or _LOCAL_BODY_BEFORE.search(folded, max(0, c[0] - 30), c[0])
                or folded[c[0]:c[1]].split()[0].rstrip(".") in _OFFICE_WORDS
                and _LOCAL_BODY_END.search(folded, max(0, c[0] - 30), c[0]))]
            # (and a president with a given name and a surname that no president of the country has had, in a text
            # that names a local body or a church's titles: a stake's, a board's or a PTA's, "President Orrin
            # Thackeray, Bishop Kent Farnsworth", never "President Joe Biden" nor "President Emmanuel Macron")
            if "President" in toks and _LOCAL_CONTEXT.search(folded):
                for i, c in enumerate(spans):
                    if c[2] != "PERSON":
                        continue
                    words = folded[c[0]:c[1]].split()
                    m = _PRESIDENT_GIVEN.search(folded, max(0, c[0] - 40), c[0]) if len(words) == 1 \
                        else _PRESIDENT_BEFORE.search(folded, max(0, c[0] - 12), c[0])
                    if m:
                        given = (m.group(1) if m.re is _PRESIDENT_GIVEN else words[0]).lower()
                        if words[-1].lower() not in FAMOUS_SURNAMES and (given in all_given_names()
                                                                         or word_rank().get(given, PLAIN_RANK) >= PLAIN_RANK):
                            spans[i] = (m.start(), c[1], c[2])
                            local.append(spans[i])
            spans = [c for c in spans if c[2] != "PERSON" or self.terms.get(low[c[0]:c[1]], 0) & _FULL or c in local
                     or not (_OFFICE_BEFORE.search(folded, max(0, c[0] - 24), c[0])
                             or folded[c[0]:c[1]].split()[0].rstrip(".") in _OFFICE_WORDS)]
            # (the title is theirs too)
            spans = [(m.start(), c[1], c[2])
                     if c in local and (m := _OFFICE_BEFORE.search(folded, max(0, c[0] - 24), c[0])) else c
                     for c in spans]
        # (the pattern runs only where one of its cues stands: a phrase, or a role beside "who", "que" or "new")
        cued = _self_cue().search(low) \
            or (not ltoks.isdisjoint(_WHO_CUES) and not ltoks.isdisjoint(_ROLE_WORDS))
        selfid = [(m.start(), m.end(), "SELF_ID") for m in _SELF_IDENTIFYING.finditer(folded)] if cued else []
        if not ltoks.isdisjoint(_ROLE_WORDS) and not ltoks.isdisjoint(("at", "in", "from", "on", "for")):
            selfid += [(m.start(), m.end(), "SELF_ID") for m in _ROLE_AT_PLACE.finditer(folded)]
            if "is" in ltoks or "was" in ltoks:
                selfid += [(m.start(), m.end(), "SELF_ID") for m in _ROLE_AT_NAMED_PLACE_IS.finditer(folded)]
        if "years" in ltoks and "of" in ltoks and not ltoks.isdisjoint(_ROLE_WORDS):
            selfid += [(m.start(), m.end(), "SELF_ID") for m in _ROLE_OF_YEARS.finditer(folded)]
        if ("la" in ltoks or "el" in ltoks) and (not ltoks.isdisjoint(_SPANISH_CUES)
                                                 or "que" in ltoks and not ltoks.isdisjoint(_ROLE_WORDS_ES)):
            selfid += [(m.start(), m.end(), "SELF_ID") for m in _SELF_IDENTIFYING_ES.finditer(folded)]
        if ((" / " in folded or " <-> " in folded or " <> " in folded or " ↔ " in folded)
                and sum(c[2] == "PERSON" for c in spans) >= 2 or "/" in folded and any(c[2] == "PERSON" for c in spans)):
            spans = sorted(spans + self._slash_listed(folded, spans))
        if sum(c[2] == "ADDRESS" for c in spans) >= 2:
            # two addresses side by side with only a comma or a line break between are one: "26 Mile Marker Rd, HC 65
            # Box 12A<newline>Sasabe, AZ 85633"
            joined: list[tuple[int, int, str]] = []
            for c in sorted(spans):
                if joined and c[2] == "ADDRESS" and joined[-1][2] == "ADDRESS" \
                        and _ADDRESS_GAP.fullmatch(folded, joined[-1][1], c[0]):
                    joined[-1] = (joined[-1][0], c[1], "ADDRESS")
                else:
                    joined.append(c)
            spans = joined
        spans = _name_edges(folded, spans)
        if " de" in low or " la " in low:
            # a name with its particles taken in is a thing's where an article opens it and a thing's noun follows:
            # "The Virgen del Rosario procession", "the Resaca de la Palma battlefield" (a roster name stays theirs)
            spans = [c for c in spans if c[2] != "PERSON" or not _PARTICLE_INSIDE.search(folded, c[0], c[1])
                     or not _THING_ARTICLE.search(folded, max(0, c[0] - 5), c[0])
                     or not _FEAST_OR_FIELD_AFTER.match(folded, c[1]) or self.terms.get(low[c[0]:c[1]], 0) & _FULL]
        if ". " in folded or ".," in folded:   # (a surname's initial after it in a log: "Sorensen D. 4/5,")
            spans = [(s, m.end(), lab) if lab == "PERSON" and " " not in folded[s:e] and folded[s:s + 1].isupper()
                     and (m := _INITIAL_IN_LOG.match(folded, e)) else (s, e, lab) for s, e, lab in spans]
        if "-" in folded:   # (a hyphenated surname's second part: "FAULKNER-DIAZ", "Okafor-Reyes")
            spans = [(s, m.end(), lab) if lab == "PERSON" and (m := _HYPHEN_TAIL.match(folded, e))
                     and word_rank().get(m.group(1).lower(), PLAIN_RANK) >= EVERYDAY_RANK else (s, e, lab)
                     for s, e, lab in spans]
        if sum(c[2] == "PERSON" for c in spans) and ("," in folded or " and " in folded):
            # a town in a row of towns is the town, whoever bears its name: "Sanger, Reedley, Selma and Parlier",
            # "between Selma and Fowler"
            towns = place_names()
            spans = [c for c in spans if c[2] != "PERSON" or " " in low[c[0]:c[1]] or low[c[0]:c[1]] not in towns
                     or not _in_a_row_of_places(folded, c[0], c[1])
                     or _ROLE_IN_BRACKETS.match(folded, c[1])   # ("Satterfield, Yancey, Kettering (MSDE observer)")
                     or _in_labelled_row(folded, c[0])          # ("School team: Urdaneta, Sandoval")
                     or _cue_before(_CUE_BEFORE, _CUE_LAST_WORDS, folded, c[0])   # ("I met with Madison and Tulsa ...")
                     or _cue_before(_NAME_CUE_BEFORE, _NAME_CUE_LAST_WORDS, folded, c[0])]
        if sum(c[2] == "PERSON" for c in spans) and "," in folded and len(ltoks & LANGUAGE_NAMES) >= 2:
            # a language in a row of languages is the language, its gloss beside it: 'thank you in Pashto (manana),
            # Dari (tashakor), Amharic' (Dari is a surname too)
            spans = [c for c in spans if c[2] != "PERSON" or low[c[0]:c[1]] not in LANGUAGE_NAMES
                     or not _in_a_row_of(folded, c[0], c[1], LANGUAGE_NAMES.__contains__)]
        if not toks.isdisjoint(_PLANT_COMPANY_WORDS) and not ltoks.isdisjoint(_PLANT_WORDS):
            # a meat or poultry company named like a person, where the text speaks of plants and shifts, by what it
            # does or the companies beside it: "Tyson and JBS schedules", "Tyson closed the plant", "Simmons and
            # George's" (never a person who works there: "Tyson works nights at the plant"; a roster person's full
            # name, or a titled one, stays theirs)
            spans = [c for c in spans if c[2] != "PERSON" or not _plant_company(folded, c[0], c[1])
                     or self.terms.get(low[c[0]:c[1]], 0) & _FULL or _TITLE_BEFORE.search(folded, max(0, c[0] - 20), c[0])]
        if not ltoks.isdisjoint(_DAY_NAMES):
            # a day of the week or a holiday after a word of time is the day: "pulled from the SIS every Friday", "on
            # that Friday", "the Monday after Easter" (a roster person's full name stays theirs, and a roster surname
            # that is a holiday: "since Easter took over the PLC", where Dana Easter is on the roster)
            spans = [c for c in spans if c[2] != "PERSON" or low[c[0]:c[1]] not in _DAY_NAMES
                     or self.terms.get(low[c[0]:c[1]], 0) & (_FULL | _SINGLE if low[c[0]:c[1]] in _HOLIDAYS else _FULL)
                     or not _TIME_WORD_BEFORE.search(folded, max(0, c[0] - 12), c[0])]
        if "magandang" in ltoks:
            # a Tagalog greeting's time of day, whatever name it also is: "Magandang gabi po" (good evening; never a
            # name after it, "Magandang Gabi Santos")
            spans = [c for c in spans if c[2] != "PERSON" or low[c[0]:c[1]].split()[0] not in _TAGALOG_TIMES
                     or not low.endswith("magandang ", 0, c[0])
                     or " " in low[c[0]:c[1]] and not folded[c[0]:c[1]].islower()]
        if "Lady" in toks:
            # a girls' team by its mascot: "the Lady Eagles made it to state"
            spans = [c for c in spans if c[2] != "PERSON" or not _LADY_TEAM.match(folded, c[0], c[1])]
        if not ltoks.isdisjoint(_IDIOM_NAMES) and (idioms := [(*m.span(), "") for m in _IDIOM.finditer(folded)]):
            # a name in an idiom is no one: "over hill and dale", "a doubting Thomas", "the Hunter's moon" (looked up
            # by position: a pasted text of many idioms stays linear)
            held = _Taken(idioms)
            spans = [c for c in spans if c[2] != "PERSON" or not held.contains(c[0], c[1])]
        places = place_names()   # (the towns the next two filters read)
        routes = digits and not ltoks.isdisjoint(_ROUTE_WORDS)
        moves = not ltoks.isdisjoint(_MOVE_TO_WORDS)
        towns = not ltoks.isdisjoint(_PLACE_KIND_WORDS)
        # (a road closed from one town to the next: "I-90 was closed from Sheridan to Hardin")
        roads = "from" in ltoks and "to" in ltoks and not ltoks.isdisjoint(_ROAD_TRAVEL_WORDS)
        if ("where" in ltoks or routes or moves or towns or roads) and sum(c[2] == "PERSON" for c in spans):
            # a place by what is said of it: "Sierra Vista is where two of our consultants live", "Route 1A to Lynn
            # was backed up", "family moves to Katy", "Socorro and Refugio are towns" (a roster person's full name,
            # or a titled one, stays theirs)
            # (only a town's name, never a person's spoken of as a place: "Harper is where I go for data help",
            # "Route 9 to Morgan's house", "front desk duty moves to Madison", "Jordan is our community liaison")
            spans = [c for c in spans if c[2] != "PERSON" or self.terms.get(low[c[0]:c[1]], 0) & _FULL
                     or _TITLE_AT.match(folded, c[0]) or (w := low[c[0]:c[1]]) not in places
                     or folded.startswith(("'s", "’s", "'", "’"), c[1])
                     or not (" " in w and _IS_WHERE_AFTER.match(folded, c[1])
                             or routes and _ROUTE_TO_BEFORE.search(folded, max(0, c[0] - 24), c[0])
                             or moves and _MOVE_TO_BEFORE.search(folded, max(0, c[0] - 40), c[0])
                             or towns and _IS_A_PLACE_AFTER.match(low, c[1]) and _PLACE_SAID_END.match(low, c[1])
                             or roads and folded.endswith(("from ", "From "), 0, c[0])
                             and (to := _TO_TOWN.match(folded, c[1])) is not None and to.group(1).lower() in places)]
        if sum(c[2] == "PERSON" for c in spans) and ("in" in ltoks or "near" in ltoks):
            # a town an event was held in, where the sentence ends with it: "everyone was late to the evening session
            # in Rogers." (never a person's room, "in Rogers' class", nor one trusted: "I have faith in Harper."; a
            # roster person's full name stays theirs)
            spans = [c for c in spans if c[2] != "PERSON" or " " in low[c[0]:c[1]] or low[c[0]:c[1]] not in places
                     or self.terms.get(low[c[0]:c[1]], 0) & _FULL
                     or not (_EVENT_IN_BEFORE.search(folded, max(0, c[0] - 40), c[0])
                             and _SENTENCE_END_AFTER.match(folded, c[1]))]
        if sum(c[2] == "PERSON" for c in spans):
            public = _public_spans(low, ltoks) if not _PUBLIC_KEYS.isdisjoint(ltoks) else []
            spans = sorted(spans + _found_again(folded, spans, public))
            if "," in folded or " and " in folded or "&" in folded or "+" in folded or " / " in folded:
                spans = sorted(spans + _coordinated(folded, spans, self.terms))
            if "," in folded:
                spans = _cell_names(folded, spans)
            if folded.count("\n") >= 2:
                spans = _rows_alike(folded, spans)
            if ", " in folded and sum(c[2] == "PERSON" for c in spans) >= 2:
                spans = _lower_full_list(folded, spans)
            if " (" in folded or " from " in folded:
                spans = _body_after_person(folded, spans)
        return folded, origin, spans, list(dict.fromkeys(selfid))

    def _reversed_names(self, low: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
        """A roster person's name written surname first, "Reyes, Dana", "Santiago Ortiz, Marisol", as one span
        with its comma, in a list, a table's cell or a chat's speaker line alike."""
        found = []
        i = low.find(",")
        while i >= 0:
            # (read from each comma: the given name after it first, a cheap test, then the surname before it)
            # (a given name of two words too, "McDonald, Mary Kate"; a surname of up to three, "de la Cruz, Guadalupe",
            # its last words alone when the first are not the name's: "with Pike, Jonas")
            for after in (_GIVEN_AFTER_COMMA.match(low, i + 1), _GIVENS_AFTER_COMMA.match(low, i + 1)):
                if not (after and self.terms.get(after.group(1), 0) & _FIRST):
                    continue
                before = _SURNAME_BEFORE_COMMA.search(low, max(0, i - 60), i)
                words = before.group(1).split() if before else []
                for k in range(len(words)):
                    last = " ".join(words[k:])
                    if self.terms.get(f"{after.group(1)} {last}", 0) & _FULL:
                        found.append((i - len(last), after.end(1), "PERSON"))
                        break
            i = low.find(",", i + 1)
        # (never inside an address or a link; the person's spans it overlaps, its halves found alone, join it)
        found = [f for f in found if not any(f[0] < c[1] and c[0] < f[1] and c[2] != "PERSON" for c in spans)]
        if not found:
            return spans
        return _resolve(low, spans + found)

    def _joined_to(self, folded: str, low: str, spans: list[tuple[int, int, str]],
                   anchors: list[tuple[int, int, str]]) -> set[tuple[int, int, str]]:
        """The one-word names joined to one of ``anchors`` by a comma, "and", "or" or "then" (:data:`_ROW_JOIN`),
        with no verb that takes a person after them, no title before them and no roster name among them: the rest of
        a row of storms or of places ("Ian, then Nicole", "Sopori Wash and Arivaca")."""
        # (the anchors next to each name found by bisection: a long row stays linear)
        ends, starts = sorted(a[1] for a in anchors), sorted(a[0] for a in anchors)

        def beside(c: tuple[int, int, str]) -> bool:
            i, j = bisect.bisect_right(ends, c[0]) - 1, bisect.bisect_left(starts, c[1])
            return i >= 0 and bool(_ROW_JOIN.fullmatch(folded, ends[i], c[0])) \
                or j < len(starts) and bool(_ROW_JOIN.fullmatch(folded, c[1], starts[j]))
        return {c for c in spans if c[2] == "PERSON" and " " not in low[c[0]:c[1]]
                and not self.terms.get(low[c[0]:c[1]], 0) and not _VERB_AFTER.match(folded, c[1])
                and not _TITLE_BEFORE.search(folded, max(0, c[0] - 20), c[0]) and beside(c)}

    def _slash_listed(self, folded: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
        """The other items of a line of names between slashes, two of them found: a seating chart's table
        ("Table 2: Goodnight / Stoltzfus / Sullivan"); each a roster word, a given name, a surname or no everyday
        word."""
        taken = _Taken(spans)
        people = _Taken([c for c in spans if c[2] == "PERSON"])
        given, last, words = given_names(), all_surnames(), english_words()

        def named(word: str) -> bool:
            # (a roster word, a given name that is no everyday word, or a surname that is no word: never "Math",
            # "Spanish", "Google", "Pre-K")
            low = word.lower()
            if _CELL_INITIAL.fullmatch(word) or low in _SURNAME_PARTICLES:
                return True   # (an initial, a particle: "T. Van SIyke")
            return low in self.terms or (low in given or low in last or "'" in low) and low not in words \
                and low not in LANGUAGE_NAMES and low not in PRODUCT_NAMES or low not in words and low.isalpha() \
                and low not in LANGUAGE_NAMES and low not in PRODUCT_NAMES and low not in place_names()
        items = [i for line in _SLASH_LINE.finditer(folded) for i in _SLASH_ITEM.finditer(folded, line.start(), line.end())]
        # (two found among the items of the text's slash lines: a seating chart's tables together)
        if sum(people.holds(i.start(), i.start() + 1) for i in items) < 2:
            items = []
        if "/" in folded:
            # a row of pairs with no spaces round the slash, one of its people found: "icebreaker pairs:
            # Ellerbe/Gatewood, Amadi/Farrow, Menon/Bermudez"
            rank = word_rank()

            def pair_named(word: str) -> bool:
                # (a pair's word is a name where it is no everyday word, each part of a double name too: never "Math",
                # "Art", "Title", "Gen/Ed"; second reader, session 25)
                return all((len(p) >= 3 or p in last or p in given) and p not in _NOT_SURNAME and p not in LANGUAGE_NAMES
                           and p not in PRODUCT_NAMES
                           and rank.get(p, PLAIN_RANK) >= EVERYDAY_RANK
                           and (p in last or p in given or "'" in p or p not in words)
                           for p in word.lower().replace("’", "'").split("-"))
            pairs = [w for row in _SLASH_PAIR_ROW.finditer(folded)
                     for ws in [list(_SLASH_PAIR_WORD.finditer(folded, row.start(), row.end()))]
                     if any(people.holds(w.start(), w.end()) for w in ws) for w in ws]
            found = [(w.start(), w.end(), "PERSON") for w in pairs if not taken.holds(w.start(), w.end())
                     and pair_named(w.group(0))]
        else:
            found = []
        return found + [(i.start(), i.end(), "PERSON") for i in items if not taken.holds(i.start(), i.end())
                        and all(named(w) for w in i.group(0).split())]

    def _staff_name(self, word: str) -> bool:
        """Whether ``word`` (lower case) after "Nurse" or "AP" is a person's name: a given name, or a surname that is
        no AP course's short word (:data:`_AP_COURSE_WORDS`) and no everyday word, or a roster name."""
        return word not in _AP_COURSE_WORDS and (
            word in given_names() or word in self.terms
            or word in all_surnames() and word_rank().get(word, PLAIN_RANK) >= EVERYDAY_RANK)

    def _role_before_word(self, folded: str, low: str, start: int, end: int) -> bool:
        """Whether a title of role or respect (not Mr., Ms., Dr. or Miss) stands before an everyday word that is
        nobody's name: "Principal Investigator", "Judge Advocate" (never "Coach Brown", "Elder Rufus")."""
        title = _TITLE_AT.match(folded, start)   # (a title of several words too: "Chief Warrant Officer")
        rest = low[title.end():end].replace(".", " ").split() if title else []
        if not rest or low[start:end].split()[0].rstrip(".") in _COURTESY_TITLES \
                or not folded[title.end():end][:1].isupper():
            return False
        word = rest[0]   # (a rare word is more likely a name than a role's: "Prof. Dmitri")
        return word_rank().get(word, PLAIN_RANK) < 20000 and word not in all_surnames() \
            and word not in all_given_names() and word.title() not in _TITLE_WORDS and word not in self.terms

    def _school_named_after(self, folded: str, low: str, ltoks: set[str], cand: tuple[int, int, str]) -> bool:
        """Whether a roster school named after a public figure is the school here: where a place is named ("I
        teach at Rosa Parks", "transfer to Cesar Chavez") or a school's word follows ("Cesar Chavez H.S."), outside a
        text about history."""
        s, e, label = cand
        return label == "SCHOOL" and bool(self.terms.get(low[s:e], 0) & (_PLACE | _PLACE_SHORT)) \
            and HISTORY_WORDS.isdisjoint(ltoks) and bool(_AT_SCHOOL_BEFORE.search(folded, max(0, s - 16), s)
                                                         or _SCHOOL_KIND_AFTER.match(folded, e))   # ("Cesar Chavez H.S.")

    def _in_context(self, folded: str, low: str, toks: set[str], ltoks: set[str],
                    cands: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
        """The candidates that the words around them do not make public: a public figure, a book's author or
        character, a president in a text about history, a place named like a person."""
        if cands and (not _PUBLIC_KEYS.isdisjoint(ltoks) or " v" in folded) \
                and any(c[2] in ("PERSON", "SCHOOL") for c in cands):
            # a roster name inside a public figure's name or a public place ("Ruby Bridges", "Lincoln Memorial",
            # "Washington, D.C.") is that figure or place: the phrase around it is the context that says so
            # (never a public name a school's kind follows: "W.C. Handy Elementary" is a school, named whole)
            public = [(a, b) for a, b in _public_spans(low, ltoks) if not _SCHOOL_KIND_AFTER.match(folded, b)]
            if " v" in folded:   # a court case: "Tinker v. Des Moines", "Brown v. Board of Education"
                public += [m.span() for m in _COURT_CASE.finditer(folded)]
            if public:
                # a word of a public name found in the text is that figure or character elsewhere in it too: "Esperanza
                # Rising ... Esperanza was brave", "Ruby Bridges ... Ruby" (a titled name or a roster name stays
                # someone here: "Grant did a great unit on Ulysses S. Grant")
                words = {w for a, b in public for w in low[a:b].split() if len(w) >= 3}
                # (a public name of one word is no reason against the roster's own person: "Ramona" is a book's
                # character, and "Chase and Ramona have the best classroom management" names a colleague)
                # (nor is a public figure's full name that a roster person has, outside a text about history: the
                # teacher named Michael Jordan stays a person; "we read about John Lewis and the march" is history)
                history = not HISTORY_WORDS.isdisjoint(ltoks)
                public = [(a, b) for a, b in public
                          if (" " in low[a:b] or not self.terms.get(low[a:b], 0) & (_SINGLE | _FULL))
                          and (history or not self.terms.get(low[a:b], 0) & _FULL)]

                def inside(c: tuple[int, int, str]) -> bool:
                    # (a title before the whole public name is the figure's, "Dr. Martin Luther King Jr.'s", and a
                    # plural's possessive apostrophe is outside it, "Mr. Rogers' helpers", and a possessive's "'s",
                    # "Susan B. Anthony's")
                    start = title.end() if (title := _TITLE_AT.match(folded, c[0])) and title.end() < c[1] else c[0]
                    end = c[1] - 2 if folded.endswith(("'s", "’s"), c[0], c[1]) else c[1] - (folded[c[1] - 1] in "'’")
                    # (never a courtesy title the public name does not hold: "Mr. David Ortiz called" is a parent)
                    courtesy = title is not None and _COURTESY_TITLE.match(folded, c[0]) is not None
                    return any(a <= start and end <= b and (a <= c[0] or not courtesy) for a, b in public)
                cands = [c for c in cands if c[2] not in ("PERSON", "SCHOOL")
                         or not (inside(c)
                                 or (low[c[0]:c[1]] in words and low[c[0]:c[1]] not in self.terms
                                     and not _TITLE_BEFORE.search(folded, max(0, c[0] - 20), c[0])))
                         or self._school_named_after(folded, low, ltoks, c)]
        if cands and not _CONCEPT_WORDS.isdisjoint(ltoks):
            # an effect, a principle or a statistic named after someone: "the Matthew effect", "Simpson's paradox",
            # "Maslow's hierarchy", "Pearson correlation" (a titled name stays someone: "Ms. Lee's hierarchy chart")
            cands = [c for c in cands if c[2] != "PERSON" or not _NAMED_CONCEPT.match(folded, c[1])
                     or _TITLE_BEFORE.search(folded, max(0, c[0] - 20), c[0])
                     or folded[c[0]:c[1]].split()[0].rstrip(".") in _TITLE_WORDS]
        if cands and not READING_WORDS.isdisjoint(ltoks):
            # an author named with their work, in a text about reading: "Elena Aguilar's The Art of Coaching", "New
            # Kid by Jerry Craft" (a name with a title before it is someone here: "Ms. Lee's Reading Workshop")
            cands = [c for c in cands if c[2] != "PERSON" or self.terms.get(low[c[0]:c[1]], 0) & _FULL
                     or not _authored(folded, c[0], c[1])]   # (a roster person's full name stays theirs)
        if cands and not HISTORY_WORDS.isdisjoint(ltoks):
            # a president's or a public figure's surname alone, in a text about history ("Roosevelt's fireside
            # chats", "the Lincoln unit before Presidents' Day"): the figure, not a roster person of that name
            # (a roster first name stays a person: "Grant did a great unit on Ulysses S. Grant")
            cands = [c for c in cands if not (c[2] in ("PERSON", "SCHOOL") and low[c[0]:c[1]] in FAMOUS_SURNAMES
                                              and not self.terms.get(low[c[0]:c[1]], 0) & _FIRST
                                              and not _TITLE_BEFORE.search(folded, max(0, c[0] - 20), c[0]))]
        if cands and (not _SCRIPTURE_WORDS.isdisjoint(ltoks) or _SCRIPTURE_PHRASE.search(folded)):
            # a figure of scripture in a text about it: "Moses led the Israelites", "Jesus and Mary in the nativity
            # play" (a roster first name, or a titled one, stays someone here)
            cands = [c for c in cands if not (c[2] == "PERSON" and low[c[0]:c[1]] in _SCRIPTURE_NAMES
                                              and not self.terms.get(low[c[0]:c[1]], 0) & _FIRST
                                              and not _TITLE_BEFORE.search(folded, max(0, c[0] - 20), c[0]))]
        if cands and ("Camp" in toks or "Fort" in toks or "Ft" in toks):
            # a base or a fort is a place: "Camp Lejeune's school liaison", "Fort Liberty families"
            cands = [c for c in cands if c[2] != "PERSON" or not (_BASE_START.match(folded, c[0])
                                                                  or _BASE_BEFORE.search(folded, max(0, c[0] - 6), c[0]))]
        if cands and not _PLACE_AFTER_WORDS.isdisjoint(toks):
            # a name before "County" or "Parish" is the place's: "Prince George County", "Jackson Parish"
            cands = [c for c in cands if c[2] != "PERSON" or not _PLACE_WORD_AFTER.match(folded, c[1])
                     or self.terms.get(low[c[0]:c[1]], 0) & _FULL
                     or folded[c[0]:c[1]].split()[0].rstrip(".") in _TITLE_WORDS
                     or _TITLE_BEFORE.search(folded, max(0, c[0] - 20), c[0])]   # ("Ms. Johnson's County office")
        if cands and not _STREET_END_WORDS.isdisjoint(toks):
            # a street's name without its number: "Nolensville Pike is where ...", "Buford Highway" (a road's own
            # word, or a town's name before Pike, Lane, Way: "John Pike" stays a person)
            cands = [c for c in cands if c[2] != "PERSON" or " " not in folded[c[0]:c[1]]
                     or self.terms.get(low[c[0]:c[1]], 0) & _FULL
                     or not ((last := folded[c[0]:c[1]].rsplit(None, 1)[-1].rstrip(".")) in _STREET_ONLY_WORDS
                             or last in _STREET_END_WORDS and low[c[0]:c[1]].split()[0] in place_names()
                             and low[c[0]:c[1]].split()[0] not in all_given_names())]
        if cands and not _PLACE_END_WORDS.isdisjoint(toks):
            # a name that ends in a word of a county or an island is the place: "Jefferson Davis Parish", "Marshall
            # Islands" (a titled name or one after a cue stays someone: "Mr. Parish", "ask Jenny Parish")
            cands = [c for c in cands if c[2] != "PERSON" or " " not in folded[c[0]:c[1]]
                     or folded[c[0]:c[1]].rsplit(None, 1)[-1] not in _PLACE_END_WORDS
                     or folded[c[0]:c[1]].split()[0].rstrip(".") in _TITLE_WORDS
                     or _TITLE_BEFORE.search(folded, max(0, c[0] - 20), c[0])
                     or _cue_before(_CUE_BEFORE, _CUE_LAST_WORDS, folded, c[0])]   # "ask Jenny Parish"
        if cands and not _LANGUAGE_WORDS.isdisjoint(ltoks):
            # a given name that is also a people's language, beside another language or a word of language:
            # "Karen or Nepali", "Karen-speaking families", "a Karen interpreter"
            cands = [c for c in cands if c[2] != "PERSON" or not _spoken(folded, c[0], c[1])]
        if cands and ('"' in folded or "“" in folded):
            # a name at the start of a quoted title of a work: "Julie of the Wolves", "Charlotte's Web"
            cands = [c for c in cands if c[2] != "PERSON" or not _quoted_title(folded, c[0], c[1])]
        if not toks.isdisjoint(_ORG_NOUN_WORDS):
            # "Tyson Foods", "Robert Wood Johnson Foundation": a name before an organisation's word, or ending in one,
            # names the organisation
            # (and a school's short form before one: "Lincoln Financial sponsored the gala")
            cands = [c for c in cands if c[2] not in ("PERSON", "SCHOOL")
                     or not (_ORG_NOUN.match(folded, c[1]) or folded[c[0]:c[1]].rsplit(None, 1)[-1] in _ORG_NOUN_WORDS)]
        if not toks.isdisjoint(_PLACE_NOUN_WORDS):
            # (a school's center or campus by its kind is the school's: "Colonia Las Flores Head Start Center")
            cands = [(c[0], m.end(), c[2]) if c[2] == "SCHOOL" and (m := _KIND_CENTER_AFTER.match(folded, c[1]))
                     and (folded[c[0]:c[1]].rsplit(None, 1)[-1] in _SCHOOL_CUE_WORDS
                          or folded.endswith("Head Start", c[0], c[1])) else c for c in cands]
            # "Lakeshore Drive", "Grant Park", "Mercy Hospital": a roster name before a place noun names the place
            cands = [c for c in cands if c[2] not in ("PERSON", "SCHOOL") or not _PLACE_NOUN.match(folded, c[1])]
            # and a place noun that is a roster surname after a capitalised word that is no given name is the
            # place's name too: "Love Field", "Grant Park" (not "Jenny Park", not "Mr. Park")
            cands = [c for c in cands if c[2] != "PERSON" or folded[c[0]:c[1]] not in _PLACE_NOUN_WORDS
                     or not _placed(folded, c[0])]
        places = place_names()
        if any(c[2] == "PERSON" and low[c[0]:c[1]] in places for c in cands):
            # a town, a county or a country: "Tahlequah has a new ...", "Sanaa, Aden, Beirut", "Les Cayes"
            people = [c for c in cands if c[2] == "PERSON" and low[c[0]:c[1]] not in places]
            # (the people's edges as sets: a long list of towns and names is read in linear time)
            edges = ({p[0] for p in people}, {p[1] for p in people})
            cands = [c for c in cands if c[2] != "PERSON" or not self._a_place(folded, low, c, places, edges)]
        return cands

    def _a_place(self, folded: str, low: str, cand: tuple[int, int, str], places: frozenset[str],
                 people: tuple[set[int], set[int]]) -> bool:
        """Whether a name found off the roster is a place (:func:`evalkit.namelists.place_names`): a town no one is
        named ("Clarksdale", "Hamtramck"), or one that is a given name too ("Selma", "Aden") where a place is said
        ("in Selma", beside another place: "Sanaa, Aden, Beirut"); never with a title before it or a verb that
        takes a person after it ("Ms. Selma", "Aden said"), a strong cue before it ("thanks to Covington"), a
        person beside it ("Dana Reyes and Covington ran it"), a family after it ("the Hobbs family"), nor a roster
        name. ``people``: where the people found start and end."""
        s, e, _ = cand
        word = low[s:e]
        before, after = _BESIDE_BEFORE.search(folded, max(0, s - 8), s), _BESIDE.match(folded, e)
        if word not in places or word in self.terms or _TITLE_BEFORE.search(folded, max(0, s - 20), s) \
                or folded[s:e].split()[0].rstrip(".") in _TITLE_WORDS or _PERSON_VERB.match(folded, e) \
                or _FAMILY_AFTER.match(folded, e) \
                or _cue_before(_CUE_BEFORE, _CUE_LAST_WORDS, folded, s) \
                or before and before.start() in people[1] or after and after.end() in people[0]:
            return False
        words, every = word.split(), all_given_names()
        if len(words) > 1:   # "Les Cayes", "Silver Spring"; not a given name and a surname ("Helen Ward")
            return not (words[0] in every and words[-1] in all_surnames())
        if word not in every:
            return True
        if folded.startswith(("'s", "’s"), e):
            return False      # "in Tyler's room": a person's
        if _IN_PLACE_BEFORE.search(folded, max(0, s - 12), s):
            return True
        # (or in a list, up to three names away, with a place that is no one's name: "Sanaa, Aden, Beirut")
        neighbours, a, b = [], s, e
        for _ in range(3):
            before = _PLACE_LIST_BEFORE.search(low, max(0, a - 30), a)
            two = _PLACE_LIST_BEFORE_TWO.search(low, max(0, a - 40), a)
            after = _PLACE_LIST_AFTER.match(low, b)
            neighbours += [m.group(1) for m in (before, two, after) if m]
            if after and after.group(2):
                neighbours.append(f"{after.group(1)} {after.group(2)}")
            a, b = before.start() if before else a, after.end(1) if after else b
        return any(n in places and (" " in n or n not in every) for n in neighbours)

    def _with_surnames(self, folded: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
        """A roster first name followed by a capitalised word that is no everyday word is a full name, the
        surname off the roster ("Kofi Mensah" when only Kofi registered): the span takes it in, and a name right
        after it too ("Maria Elm Hope"), as a second run would join it to the placeholder: redacting twice must
        change nothing."""
        out: list[tuple[int, int, str]] = []
        starts = {s: (s, e, lab) for s, e, lab in spans}
        skip: set[int] = set()
        for s, e, label in spans:
            if s in skip:
                continue
            if label == "PERSON" and (self.terms.get(folded[s:e].casefold(), 0) & _FIRST):
                m = _SURNAME_NEXT.match(folded, e)
                word = m.group(1).casefold() if m else ""
                if m and word not in _NOT_SURNAME and word not in _NOT_SURNAME_PLACES and m.start(1) not in starts:
                    e = m.end(1)
                    nxt = _SURNAME_NEXT.match(folded, e)
                    if nxt and nxt.group(1).casefold() in self.terms:
                        other = starts.get(nxt.start(1))
                        if other is None or other[2] == "PERSON":
                            e = max(nxt.end(1), other[1] if other else 0)
                            if other is not None:
                                skip.add(other[0])
            out.append((s, e, label))
        return out

    def _roster_terms(self, low: str, ltoks: set[str] | None) -> list[re.Match[str]]:
        """The roster's terms in ``low``, as ``names.finditer`` finds them (leftmost first, none inside another), but
        tried only where a term's first word stands: every term starts with one of ``keys``."""
        if ltoks is None or self.keys is None or _NON_ASCII_KEY in self.keys or not low.isascii():
            return list(self.names.finditer(low))
        return _keyed_matches(self.names, low, self.keys.intersection(ltoks))

    def _gazetteer(self, folded: str, low: str, confirmed: frozenset[str],
                   edges: set[int], ltoks: set[str] | None = None) -> list[tuple[int, int, str]]:
        if self.names is None:
            return []
        matches = [(m.start(), m.end(), self.terms[m.group(0)]) for m in self._roster_terms(low, ltoks)]
        if self.common:  # "Hope Cooper" here: a capitalised "Hope" elsewhere in the text is her
            own = {w for s, e, c in matches if c & _FULL for w in low[s:e].split() if w in self.common}
            if own:
                confirmed = confirmed | own
        # Everyday-word names are judged last, so names found first can vouch for them ("O'Neil May").
        common = [m for m in matches if m[2] & _SINGLE and not m[2] & (_FULL | _PLACE)
                  and low[m[0]:m[1]] in self.common and low[m[0]:m[1]] not in confirmed]
        # (a roster name in lower case that is no English word is the person only in an English text: in Spanish
        # "milagros" and "alegría" are words)
        english = _english_test(ltoks)

        def judge(folded: str, low: str, m: tuple[int, int, int], confirmed: frozenset[str],
                  edges: set[int]) -> tuple[int, int, str] | None:
            return self._classify(folded, low, m, confirmed, edges, english)
        out = [c for c in (judge(folded, low, m, confirmed, edges) for m in matches if m not in common) if c]
        while common:  # until no more is vouched for: "Will HOPE", "HOPE Will"
            edges = edges | {i for s, e, lab in out if lab == "PERSON"
                             for i in (s, e, _title_start(folded, s))}
            if self.given_of:
                # "Ms. Strand said the dates work. Dakota is driving.": her given name, where it is used as one (a comma
                # or a verb after it; not "Hope this helps", "Grant funding ends"), and never a public figure's kin
                # ("Dr. King's dream ... Hope")
                vouched = set().union(*(self.given_of.get(w, ()) for s, e, lab in out if lab == "PERSON"
                                        and (w := low[s:e].rsplit(None, 1)[-1]) not in FAMOUS_SURNAMES))
                confirmed = confirmed | {low[a:b] for a, b, _ in common if low[a:b] in vouched
                                         and (_GIVEN_IN_USE.match(folded, b) or _VERB_FORM_AFTER.match(folded, b))}
            judged = [(m, judge(folded, low, m, confirmed, edges)) for m in common]
            new = [c for _, c in judged if c and c[2] == "PERSON"]
            if not new:
                return _with_titles(folded, out + [c for _, c in judged if c])
            out += new
            common = [m for m, c in judged if not (c and c[2] == "PERSON")]
        return _with_titles(folded, out)

    def _classify(self, folded: str, low: str, match: tuple[int, int, int], confirmed: frozenset[str],
                  edges: set[int], english: Callable[[], bool] = lambda: True) -> tuple[int, int, str] | None:
        s, e, cats = match
        if cats & _FULL:
            return s, e, "PERSON"
        if cats & _PLACE:
            # (a name that is its short form too, "Culebra Range" of "Culebra Range School", is the place where it
            # is said as one: "The Culebra Range snowpack")
            if cats & _PLACE_SHORT and " " in low[s:e] and all(w[:1].isupper() for w in folded[s:e].split()) \
                    and _said_as_place(folded, low, s, e):
                return None
            return s, e, "SCHOOL"
        if cats & _SINGLE:
            init = _INITIAL_AFTER.match(low, e) if cats & _FIRST else None
            if init:  # "maria g.", "Will S."
                return s, init.end(), "PERSON"
            # (a roster name that is a town, where a move names the town: "we drove down from Price", "families moved
            # from Ammon or Rexburg"; "moved from Price's class" is the person)
            moved = low[s:e] in place_names() and low[s:e] not in confirmed and not folded.startswith(("'s", "’s"), e) \
                and (_MOVED_AWAY_FROM.search(folded, max(0, s - 40), s)
                     or _MOVED_FROM.search(folded, max(0, s - 30), s) and _STATE_AFTER.match(folded, e))
            # (a surname led by its particles in lower case is capitalised where its name is: "de la Cruz led")
            if ((_capitalised(folded[s:e]) or _PARTICLE_LED.fullmatch(folded, s, e)) and not moved
                    and self._is_name(folded, s, e, confirmed, edges)) \
                    or _COURTESY_BEFORE.search(folded, max(0, s - 12), s):
                return s, e, "PERSON"
            # a roster name in lower case that is no English word is the person ("thx kwame", "w/ maricel"); one
            # after a given name is a full name ("jen price")
            if folded[s:e].islower():
                if _LOWER_ARTICLE_BEFORE.search(folded, max(0, s - 5), s) and not _KIN_AFTER.match(folded, e):
                    # a thing, with its article: "the redbird on the logo" (not "its jolene", it's; never a family,
                    # "the reyes kids", "a reyes cousin")
                    return None
                word = low[s:e]
                prev = _LOWER_PREV_WORD.search(folded, max(0, s - 20), s) if cats & _LAST else None
                # (a roster given name, or its nickname or clip, before it is the same person: "jas dhaliwal")
                # (or the start of the given name the roster pairs with this surname, an everyday word or not:
                # "sky tso" for Skyler Tso)
                if prev and (prev.group(1) in all_given_names() and prev.group(1) not in _NOT_SURNAME
                             and word_rank().get(prev.group(1), EVERYDAY_RANK) >= EVERYDAY_RANK   # not "one bright spot"
                             or self.terms.get(prev.group(1), 0) & _FIRST and prev.group(1) not in _PRONOUNS
                             and word_rank().get(prev.group(1), PLAIN_RANK) >= PLAIN_RANK
                             or len(prev.group(1)) >= 3 and any(g.startswith(prev.group(1))
                                                                for g in self.given_of.get(word, ()))
                             and not _LOWER_ARTICLE_BEFORE.search(folded, max(0, prev.start(1) - 6), prev.start(1))):
                    return prev.start(1), e, "PERSON"
                if word not in self.common and word_rank().get(word, PLAIN_RANK) >= PLAIN_RANK and english():
                    return s, e, "PERSON"
            # a roster name in lower case between a cue and the end of its phrase: "ask king about the bus",
            # "our coach mercy came", "talk to young in the office"
            # (never a pronoun: "contact her at ..." is no Ms. Her)
            if folded[s:e].islower() and low[s:e] not in _PRONOUNS and _cue_before(_CUE_BEFORE, _CUE_LAST_WORDS, folded, s) \
                    and (_FUNCTION_AFTER.match(folded, e) or _VERB_AFTER.match(folded, e)):
                return s, e, "PERSON"
        if cats & _PLACE_SHORT and _capitalised(folded[s:e]) \
                and (low[s:e] not in COMMON_WORD_NAMES or not _sentence_start(folded, s)) \
                and not _said_as_place(folded, low, s, e):
            return s, e, "SCHOOL"
        # a school's short name in lower case after a word of place ("i teach at roosevelt", "between hoffman and
        # tucker"), unless it is an everyday word ("at grant time")
        if cats & _PLACE_SHORT and folded[s:e].islower() and low[s:e] not in COMMON_WORD_NAMES \
                and _PLACE_BEFORE.search(folded, max(0, s - 16), s):
            return s, e, "SCHOOL"
        # (one of two words or more, a rare word among them, anywhere: "equity review - perry square -", "the radnor
        # lake team", "fair oaks park · step 4"; never an everyday phrase, "oak park", "high point", "pine ridge")
        if cats & _PLACE_SHORT and folded[s:e].islower() and " " in low[s:e] \
                and any(word_rank().get(w, PLAIN_RANK) >= _RARE_WORD_RANK for w in low[s:e].split()) \
                and not _A_OR_AN_BEFORE.search(folded, max(0, s - 4), s):   # (never "we saw a sandhill crane")
            return s, e, "SCHOOL"
        return None

    def _is_name(self, text: str, start: int, end: int, confirmed: frozenset[str] = frozenset(),
                 edges: set[int] = frozenset()) -> bool:
        """Whether a capitalised single-name match is a name: everyday words need more evidence.

        Evidence: a title before it; a possessive; a known name next to it ("Mark Grant"); a quote's
        attribution "(Hope)"; ALL CAPS; the same name in a full name or an e-mail address of the
        document (``confirmed``); at a sentence start, a verb that takes a person ("Frank asked");
        elsewhere, the capital itself, unless the word is a month or season in a date phrase ("in May",
        "May 5"), a colour before a group noun ("Black families") or part of a capitalised phrase
        ("Town Hall", "Title I Grant").
        """
        word = text[start:end]
        low = word.lower()
        # In a text typed in capitals, capitals say nothing ("I HOPE WE GET MORE TIME IN MAY"). Redaction
        # only removes lower-case letters, so a text judged so stays so when redacted again.
        if low in confirmed:
            return True
        before, after = text[max(0, start - 40): start], text[end: end + 40]
        if (low in self.common or word_rank().get(low, PLAIN_RANK) < PLAIN_RANK) and not _KIN_AFTER.match(after) \
                and (_THING_ARTICLE.search(before) and (_LOWER_NOUN_AFTER.match(after)
                                                        or (w := _WORD_THEN_NOUN.match(after))
                                                        and word_rank().get(w.group(1).lower(), PLAIN_RANK) < PLAIN_RANK)
                     or _FUNDS_AFTER.match(after)):
            # a thing named by the word: "the Ward map", "The Marina district", "the Rose Bowl clip", "the Hope
            # Lutheran food bank", "Grant schools"
            return False
        if low not in self.common:
            # a rarer word is a name by its capital, but not where every word has one: at a sentence's start a word
            # that is still a plain word ("Frost advisory cancelled ...", "Rocky start") needs what an everyday
            # word needs
            if word_rank().get(low, PLAIN_RANK) >= PLAIN_RANK or not _sentence_start(text, start) \
                    or _VERB_FORM_AFTER.match(text, end):   # ... but "Deb creates", "Nacho doesn't", "Deb was told"
                return True
        shouting = _shouting(text)
        if word.isupper() and len(word) > 2 and not shouting:
            return True
        if _COURTESY_END.search(before) or after.startswith("'s"):
            return True
        if edges and (start - (len(before) - len(before.rstrip(" \t"))) in edges
                      or end + (len(after) - len(after.lstrip(" \t"))) in edges):
            return True  # next to a name found otherwise: "Ms. Chen Hope"
        if before.rstrip().endswith("(") and after.lstrip().startswith(")"):
            return True  # a quote's attribution: "(Hope)"
        nxt = _NEXT_WORD.match(after)
        prv = _PREV_WORD.search(before)
        # "Mark Grant shared ...": two known names in a row are a person even at a sentence start.
        near = (_NEXT_CAP.match(after), _PREV_CAP.search(before))
        if any(w is not None and self.terms.get(w.group(1).lower(), 0) & _SINGLE for w in near):
            return True
        pair = _AND_NAME_AFTER.match(after)   # "Hope and Grace are ...": with another of the roster's names
        if pair and self.terms.get(pair.group(1).lower(), 0) & _SINGLE:
            return True
        if _sentence_start(text, start):
            return bool(_PERSON_VERB.match(after) or _VERB_AFTER.match(after) or _SPOKEN_TO.match(after))
        if low in _CALENDAR:  # "a better May schedule", "in May": a month unless a person is meant
            month = _MONTH_BEFORE.search(before)  # "April and May", unless that April is a person
            return (bool(_PERSON_BEFORE.search(before)) and not _DATE_AFTER.match(after)
                    and (month is None or start - len(before) + month.end(1) in edges))
        if prv is not None and (prv.group(1)[0] == "["
                                or not _sentence_start(text, start - len(prv.group(0)))):
            return False  # inside a capitalised phrase: "Town Hall", "Lone Star"
        if prv is not None and low in self.clipped and prv.group(1).lower() not in self.terms \
                and word_rank().get(prv.group(1).lower(), PLAIN_RANK) >= PLAIN_RANK:
            return False  # a clip after a word that is no English word is a phrase's: "Mauna Kea"
        if nxt is not None:
            return True  # a capitalised word after it: "Joy Nelson"
        if low in _COLOURS and _GROUP_AFTER.match(after):
            return False
        if low in _NEVER_ALONE:   # ("the River Road campus" no; "texted Sky about", "hey River," yes; "kudos to Art
            # and Music teachers" no)
            return bool(_GREETED_BEFORE.search(before)) and not _COORD_GROUP_AFTER.match(after)
        return not shouting


_LOWER_ARTICLE_BEFORE = re.compile(r"\b(?:the|a|an)[ \t]+$", re.I)
# a lower-case word after an everyday-word name and its article: the thing it names ("the Ward map")
_LOWER_NOUN_AFTER = re.compile(r"[ \t]+[a-z]")
_WORD_THEN_NOUN = re.compile(r"[ \t]+([A-Z][a-z]+)[ \t]+[a-z]")
# ... or schools or money after it: "Grant schools", "Title funds"
_FUNDS_AFTER = re.compile(r"[ \t]+(?:schools|districts|campuses|funds|funding|dollars|money)\b", re.I)
# a word after a name at a sentence's start that reads as its verb: an auxiliary, or a form in -s or -ed
_VERB_FORM_AFTER = re.compile(r"[ \t]+(?:(?:is|was|has|had|does|did|can|will|would|could|should|may|might|must"
                              r"|isn|wasn|hasn|doesn|didn|won|couldn|shouldn)(?:['’]t)?\b|[a-z]+(?<![su]s)(?:s|ed)\b)")
_LOWER_PREV_WORD = re.compile(r"(?<![\w'’-])([a-z]{2,})[ \t]+$")
# where a place is named, more strictly than _PLACE_BEFORE: before a public figure's name ("at Rosa Parks"), never
# "and" or "from" ("MLK and Rosa Parks", "a quote from Rosa Parks")
_AT_SCHOOL_BEFORE = re.compile(r"(?:\b(?:at|to|visited|visiting|over\s+at)|(?<!\S)@)[ \t]+$", re.I)
_PLACE_BEFORE = re.compile(r"(?:\b(?:at|from|to|in|visited|visit|between|and|over\s+at)|(?<!\S)@)\s+$", re.I)
_AND_NAME_AFTER = re.compile(r"\s+and\s+([A-Z][a-z]+)\s+(?:are|were|have|had|did|do|ran|led|made|came|got|[a-z]+ed)\b")
_FAMILY_EVENTS = (r"night|nights|engagement|liaison|liaisons|center|centre|event|events|day|dinner|literacy|meeting"
                  r"|meetings|outreach|resource|resources|services|support|workshop")
_FAMILY_AFTER = re.compile(r"[ \t]+(?:family|families|twins|household|kids|sisters|brothers)\b"
                           # (not a family's word before a noun: "the Karen family night", "family engagement")
                           rf"(?![ \t]+(?:{_FAMILY_EVENTS}))", re.I)
_COURTESY_END = re.compile(r"\b(?:Mr|Mrs|Ms|Mx|Dr|Miss)\.?\s*$")
# Capitalised words (with a lower-case letter) next to a candidate; before it, a placeholder of an
# earlier run stands for the capitalised word it replaced.
_NEXT_WORD = re.compile(r"\s+([A-Z][A-Za-z'-]*[a-z][A-Za-z'-]*)")
_PREV_WORD = re.compile(
    r"((?<![\w'-])[A-Z][A-Za-z'-]*[a-z][A-Za-z'-]*|\[(?:SCHOOL|ADDRESS|EMAIL|PHONE|URL)\])\s+$")
_NEXT_CAP = re.compile(r"\s+([A-Z][\w'-]*)")
_PREV_CAP = re.compile(r"(?<![\w'-])([A-Z][\w'-]*)\s+$")


def _shouting(text: str) -> bool:
    return _FIVE_LOWER.match(text) is None and any(ch.isupper() for ch in text)


_FIVE_LOWER = re.compile(r"(?:[^a-z]*+[a-z]){5}", re.S)  # possessive: a text in capitals fails at once


# Verbs that take a person, written once for both patterns below.
_PERSON_VERBS = (r"asked|shared|said|says|told|mentioned|noted|opened|explained|suggested|agreed|emailed|called"
                 r"|texted|wants|wanted|thinks|thought|feels|felt|modeled|modelled|leads|led|presented|reported|joined"
                 r"|retired|sent|brought|observed|visited|met|needs|needed|helped|coached|teaches|taught|mentored"
                 r"|mentors|directed|directs|subbed|subs|translated|translates|volunteered|volunteers|drove|drives"
                 r"|paired|partnered|introduced|invited|assigned|pairs|won|interpreted|answers|answered|spoke|speaks"
                 r"|approved|agrees|chose|planned|wrote|cooked|offered|promised|insisted|apologized|covered|organized")
_PERSON_VERB = re.compile(
    rf"\s+(?:{_PERSON_VERBS}|facilitates|facilitated|models"
    r"|attended|is\s+(?:out|worried|absent|on\s+leave|new|retiring|leaving|piloting)"
    r"|was\s+(?:out|worried|absent|sick|on\s+leave)"
    r"|will\s+(?:lead|facilitate|visit|share|send|present|join|coach|observe|model))\b", re.I)
_CALENDAR = frozenset("may june april august summer autumn".split())
_PERSON_BEFORE = re.compile(
    r"\b(?:with|and|like|alongside|asked|ask|told|tell|thank|thanks|thanked|cc|emailed|hey|hi|hello|dear"
    r"|email|called|call|texted|text|from|per|to|for|met|meet|invited|invite)\s+$", re.I)
_MONTH_BEFORE = re.compile(r"\b(january|february|march|april|may|june|july|august|september|october|november"
                           r"|december|spring|summer|fall|winter)\s+(?:[a-z]+\s+){0,2}(?:and|or|to|through|until)\s+$",
                           re.I)   # "April and May", "the May meeting to June"
_DATE_AFTER = re.compile(r"\s*(?:\d|-|–|to\b|through\b|until\b|and\s+(?:june|july|august)\b)", re.I)
_COLOURS = frozenset("black white brown green gray grey".split())
_GROUP_AFTER = re.compile(
    r"\s+(?:and\s+\w+\s+)?(?:students?|famil(?:y|ies)|teachers?|educators?|staff|leaders?|communit(?:y|ies)|children"
    r"|kids|boys|girls|men|women|people|colleagues|parents|principals|history|voices|culture)\b", re.I)
# Capitalised mid-sentence mostly as ordinary words or place names: a name only with more evidence.
_NEVER_ALONE = frozenset("north south west art major star sky river storm bill summer autumn".split())
# a given name used as one: a comma after it, or a verb that takes a person
# (or a nickname in quotes after it: 'Jesús "Chuy" Vigil')
_GIVEN_IN_USE = re.compile(rf"[ \t]*,|[ \t]+[“\"(]|[ \t]+(?:{_PERSON_VERBS}|attended|is|was|will|has|had|[a-z]{{2,}}ed)\b",
                           re.I)
# words after a name and its comma that speak to that person: "Hunter, go ahead", "Hope, can you send ..."
_SPOKEN_TO = re.compile(r"[ \t]*,[ \t]*(?:thank[ \t]+you|thanks|(?:can|could|would|will)[ \t]+you|go[ \t]+ahead"
                        r"|please|over[ \t]+to[ \t]+you)\b", re.I)


# (an ʻokina inside, "Kaʻiulani", or a capital after a short prefix, "DeShawn", "LaToya", "McKenzie")
_CAP_WORD = re.compile(r"[A-Z](?<![\w'’.@/#-].)(?:[a-z]{1,2}[A-Z])?[a-z]+(?:ʻ[a-z]+)*(?![\w@-]|['’](?!s\b))")
_LOWER_WORD = re.compile(r"[a-z](?<![\w'’.@/#-].)[a-z]+(?![\w@-]|['’](?!s\b)|\.\w)")
# (a placeholder of an earlier run stands for the capitalised words it replaced: redacting twice changes nothing)
_SPACE_BEFORE_CAP = re.compile(r"(?<![\w'’.-])([A-Z][\w'’.-]*|\[(?:PERSON|SCHOOL|ADDRESS)\])[ ]+$")
_SPACE_CAP_AFTER = re.compile(r"[ \t]+(?:(?!I\b)[A-Z]|\[(?:PERSON|SCHOOL|ADDRESS)\])")   # the pronoun I is no name
_LONE_INITIAL_AFTER = re.compile(r"[ ][A-Z]\.?(?![\w'’-]|[ ]?[A-Z]\.)")
_SPACE_WORD_AFTER = re.compile(r"[ \t]+([a-z]+)\b")
# Two capitalised words in a row (a middle initial may come between): "Dustin Walker", "Evan R. Perkins".
# (a tab separates a table's cells: "Principal<TAB>Tier 3" is two cells, no name)
_STAMP = r"\[[^\]\n]{1,24}\][ \t]*"   # a chat's time stamp before a line: "[10:16] "
_BARE_STAMP = r"\d{1,2}:\d\d:\d\d[ \t]+"   # a transcript's, with its seconds: "00:12:44 "
_TIME_LED = re.compile(r"[ \t>]*(?:\[[^\]\n]*\d:\d\d[^\]\n]*\]|\d{1,2}:\d\d:\d\d)")   # (a stamp that holds a time)
_CAP_PAIR = re.compile(r"([A-Z](?<![\w'’.].)(?<!\w-.)(?:[a-z]{2,}|[a-z]+-[A-Za-z][a-z]+|[a-z]+[ʻ'’][a-z]{2,}"
                       r"|[a-z]{0,2}['’][A-Z][a-z]{2,}|[a-z]{1,2}[A-Z][a-z]{2,}))"   # ("Ja'Marcus", "DeShawn")
                       r"(?=[ ]+(?:[A-Z]\.?[ ]+)?"
                       r"([A-Z](?:[a-z]+(?:[A-Z][a-z]+)?|['’][A-Z][a-z]+|[a-z]+(?:ʻ[a-z]+)+|[a-z]+['’][a-z]{2,})"
                       r"(?:-[A-Z]?[a-z]+)?)(?![\w-])"
                       r"(?!['’]\w{2}))")
_CAP_PAIR_CUE = re.compile(r"[A-Z][a-z]*(?:-[A-Za-z][a-z]+|[ʻ'’][a-z]{2,}|['’]?[A-Z][a-z]+)?"
                           r"[ ]+[A-Z]")   # (the pair's own separator: spaces)
_NEXT_NAME = re.compile(r"[ ]+([A-Z][a-zʻ'’-]+)(?![\w-])")   # (never across a tab: a table's next cell)
def _cue_before(pattern: re.Pattern[str], words: frozenset[str], text: str, start: int) -> re.Match[str] | None:
    """``pattern`` (a cue that ends just before ``start``) searched over the 30 characters before ``start``, only when
    the word before ``start`` (past spaces, a comma or a bracket) is one of ``words``, the words a cue can end with."""
    head = text[max(0, start - 30):start].rstrip(" \t\r\n,(")
    cut = max(head.rfind(" "), head.rfind("\t"), head.rfind("\n"), head.rfind("\r"), head.rfind(","), head.rfind("("))
    if head[cut + 1:].lower() not in words:
        return None
    return pattern.search(text, max(0, start - 30), start)


_TITLE_CASE = re.compile(r"[A-Z](?:[a-z]{1,2}[A-Z])?[a-z]+(?:ʻ[a-z]+)*")   # a word written as names are
# (a possessive after it is no part of it: "Ja'Kobe's grandmother")
_JOINED_NAME = re.compile(r"[A-Z](?<![\w'’.-].)(?:[a-z]{0,2}['’][A-Z][a-z]{2,}|[a-z]{2,}-[A-Z][a-z]{2,})"
                          r"(?![\w-]|['’](?![sS](?!\w))|\.\w)")
# kin a name is called by, capitalised before it as a title is: "Grandma Ruthie", "Tía Lupe"
_KIN_WORDS = frozenset("grandma grandpa granny nana papa mama abuela abuelo tia tio tita tito lola lolo baba bibi".split())
_CHAT_FROM = re.compile(r"(?m)\bFrom[ ]+([A-Z][\w'’.-]*(?:[ ][A-Z][\w'’.-]*){0,3})[ ]+(?:\((?:Host|Co-host|Cohost|[a-z]+/[a-z]+)\)[ ]+)?"
                        r"to[ ]+(?:Everyone|everyone|Me|me)\b")
_INITIALS_HYPHEN_NAME = re.compile(r"(?<![\w'’-])([A-Z][a-z]{2,})[ ][A-Z]-[A-Z](?![\w'’-])")
_SUBJECT_SALUTATION = re.compile(r"(?m)^Subject:[^\n]*\n(?:[ \t]*\n)*[ \t]*([A-Z][a-z]{1,11})[ \t]*(?:[,–—]|-[ ])")
_THANKS = r"thanks|thank[ ]you|thank[ ]u|thx"   # (the thanks a name follows, in lower case: read with (?i:...))
_THANKS_SIGN_OFF = re.compile(rf"\b(?i:{_THANKS}|cheers)[!.,]*[ \t]*\n?[ \t]*([A-Z][a-z]{{1,11}})[ \t]*[.!]?[ \t]*$")
# (kin said as a title before a given name, as families address elders: "Mama Neema", "Baba Olena", "Abuela Chayo")
# (the kin words, in title case and with their accents; never "Papa", a brand's as often, nor "Tita" and "Tito",
# titles already: see _TITLES)
_KIN_TITLE_WORDS = frozenset(w.title() for w in _KIN_WORDS - {"papa", "tita", "tito"}) | {"Tía", "Tío"}
_KIN_CUE_BEFORE = re.compile(r"\b(?:ask|asked|for|with|to|from|and|thanks?|thank[ ]you|call|called|visit|visited"
                             r"|met|meet|tell|told)[ ]+$", re.I)
_KIN_TITLE_NAME = re.compile(rf"(?<![\w'’-])(?:{'|'.join(sorted(_KIN_TITLE_WORDS))})[ ]([A-Z][a-zà-ÿ]{{2,}})(?![\w'’-])")
# people named after their group, capitalised: "our students Tatanka and Wambli"; never a lower-case word: "her
# students cook"
_GROUP_NOUNS = ("students", "parents", "teachers", "kids", "twins", "sons", "daughters", "children", "graders",
                "siblings", "newcomers", "ambassadors", "volunteers", "tutors", "helpers", "interpreters", "mentees",
                "grandkids", "nieces", "nephews", "cousins")
_GROUP_BEFORE = re.compile(rf"\b(?:{'|'.join(_GROUP_NOUNS)}|estudiantes|alumn[oa]s|maestr[oa]s|padres|hij[oa]s)[ ]+$",
                           re.I)
_COMMA_NAME_AFTER = re.compile(r"(?:,[ ]*|[ ]+(?:and|&)[ ]+)[A-Z][a-z]")   # (a list goes on: a name after)
# (and a group's names in brackets or after a colon: "9th graders (Sabitri, Prakash, Menuka)", "kids: Vilay, Somphone")
# (and a group's label before its colon, a team's or a meeting's: "School team: Urdaneta, Sandoval", "Present: ...")
_GROUP_OPEN_BEFORE = re.compile(rf"\b(?:{'|'.join(_GROUP_NOUNS)})[ ]*[(:][ ]*$"
                                r"|\b(?:team|panel|members|attendees|participants|present|absent)[ ]*:[ ]*$", re.I)
# the end of a table's cell, of a line, of a chat's speaker ("Attakai, Rosella: hi") or its header ("Hersi, Fadumo  10:04 AM")
_SPEAKER_END = re.compile(r"[ ]*:[ \t]|[ \t]{2,}\d{1,2}:\d\d")
_SURNAME_INITIAL_CELL = re.compile(r"(?m)(?:^|\t)[ ]*([A-Z][a-z'’-]{2,})[ ][A-Z]\.?(?=[ ]*(?:\t|$))")
_CELL_END = re.compile(r"[ \t]*(?:\t|\n|$|:|<|;|\"[ \t]*(?:[,\t\n]|$))|[ \t]{2,}\d{1,2}:\d\d")   # ('"Dize, Marvella",')   # (an address after: "To: X, Y <...>")
# a chat export's header after "Last, First": "Dweh, Blessing (Guest) 9:58 AM", as Teams writes a guest's line
_CHAT_HEADER_END = re.compile(r"[ ]\((?:Guest|External|Host|Organizer|Presenter)\)[ ]+\d{1,2}:\d\d|[ \t]{2,}\d{1,2}:\d\d")
# a given name, lower-case particles, a surname: "Maria de la Garza", "Jan van der Berg", "Luca di Stefano"
_CAJUN_NICKNAME = re.compile(r"(?<![\w'’-])(?:T-|Tee[ ])([A-Z]?[a-z]+)(?![\w-])")
# Chinese, Vietnamese and Korean surnames of two letters, which a surname-first name puts before its given name
_SHORT_SURNAMES = frozenset("Li Wu Xu Hu Lu Yu Su Vu Ly Ng Ho Lo Ko Oh Ma Le Do Ha Ta".split())
# the everyday words of Plains and Northern Rockies surnames ("Two Crows", "Little Bird", "Spotted Bear", "Old Coyote",
# "Pretty Paint", "Swift Hawk", "Plenty Coups", "Real Bird", "Bear Don't Walk")
_PLAINS_SURNAME_WORDS = frozenset("""
Two Three Four Little Old Young Big Red White Black Yellow Blue Spotted Running Standing Sitting Pretty Poor Swift Iron
Lone Plenty Many Real Good Bad Crazy Chief Medicine Sweet Kills Walks Bear Bears Crow Crows Eagle Eagles Hawk Hawks
Wolf Wolves Elk Horse Horses Bull Bulls Buffalo Coyote Fox Owl Deer Bird Birds Feather Feathers Cloud Clouds Thunder
Shield Paint Hat Coat Tail Moon Star Sky Horn Horns Heart Crane Dog Dogs Rabbit Boy Woman Man Cow Coups Leggings
Moccasin Knife Arrow Arrows Plume Thunderbird Magpie Otter Beaver Badger Weasel Turtle Snake Whistle Robe Light
""".split())
_PLAINS_WORD_AFTER = re.compile(rf"[ ](?:{'|'.join(sorted(_PLAINS_SURNAME_WORDS))})(?![\w'’-]|[ ](?:Creek|River|Butte"
                                r"|Mountain|Lake|Valley|School|Elementary|Middle|High|Academy|Road|Drive|Street)\b)")
_SHORT_SURNAME_AFTER = re.compile(rf"[ ](?:{'|'.join(sorted(_SHORT_SURNAMES - {'Ma', 'Oh', 'Lo', 'Ko', 'Ng'}))})"
                                  r"(?![\w'’.-]|[ \t]+[A-Z]|[ \t]+(?:you|we|they|i|it|not|this|that|so|the)\b)")
_SHORT_SURNAME_FIRST = re.compile(rf"(?<![\w'’.-])(?:{'|'.join(sorted(_SHORT_SURNAMES))})[ ]+"
                                  r"([A-Z][a-z]+(?:-[A-Za-z][a-z]+)?)(?![\w'’-])")
# a run of capitalised words of one syllable's stock each (:data:`evalkit.namelists.SYLLABLE_NAMES`)
_SYLLABLE_RUN = re.compile(r"(?<![\w'’.-])[A-Z][a-z]{0,7}(?:[ ]+[A-Z][a-z]{0,7})+(?![\w'’-])")
_FAMILY_PLURAL = re.compile(r"(?<![\w'’.-])[Tt]he[ ]+([A-Z][a-z]{3,}s)(?![\w'’-])")
_FAMILY_LIST_SEP = re.compile(r",?[ ]+(?:and[ ]+)?(?:the|The)[ ]+")
_HOME_VISIT_WORDS = frozenset("home homes visit visits lives live lived living knock door porch driveway road county "
                               "family families out past street lane avenue drive hosted".split())
_HOMESTEAD_WORDS = frozenset("farm ranch orchard dairy homestead place house property".split())
_SURNAME_HOMESTEAD = re.compile(r"\b[Tt]he[ ]([A-Z][a-z]{1,})[ ](?:farm|ranch|orchard|dairy|homestead|(place|house|property))\b")
_SURNAME_FAMILY = re.compile(r"(?<![\w'’.-])(?<![Tt]he )([A-Z][a-z]{2,}(?:-[A-Z][a-z]{2,})?)[ ]+(?:family|household)\b")
# peoples and groups a comment names families by in lower case, which no list of words or places holds: "the pashtun
# and hazara families", "the bipoc and lgbtq families" (second reader, session 24)
_LOWER_GROUP_WORDS = frozenset("""pashtun pashtuns hazara hazaras yazidi yazidis tajik tajiks uzbek uzbeks kurd kurds
rohingya oromo amhara tigrayan tigrinya bantu bhutanese nepali karenni zomi chin mam kiche qanjobal mixtec zapotec
garifuna quechua maya mayan hmong mien khmu lao bipoc lgbtq lgbtqia lgbt latine latinx aapi mena swana ell sped
gate migrant""".split())   # (words of three letters or more: what _LOWER_FAMILY reads)
# (in lower case, after "the", one family or two: "incl. the ghebreyesus and weldu families")
_LOWER_FAMILY = re.compile(r"\bthe[ ]+([a-z]{3,}(?:-[a-z]{3,})?)(?:[ ]+(?:and|&)[ ]+([a-z]{3,}(?:-[a-z]{3,})?))?"
                           r"[ ]+(?:family|families|household)\b")
# peoples and faiths, which go before "family" as surnames do
_PEOPLES = frozenset("latino latina latinx hispanic chicano mexican cuban haitian asian african arab black white native "
                     "indian indigenous muslim christian jewish catholic mormon amish mennonite".split())
# names counted in with the writer: "Hope, Hafiz and me", "me and Deshawn" (a name of one or two words each)
_WITH_ME_NAME = (r"(?:[A-Z][a-z-]+(?:['’][A-Za-z][a-z]+)?(?:[ ][A-Z][a-z-]+(?:['’][A-Za-z][a-z]+)?)?"   # (no possessive)
                 r"|[A-Z](?:\.?[A-Z]){1,2}\.?(?![\w.])"    # initials: "(A.M, BS and me)"
                 r"|(?<![\w'’.-])[a-z]{2,}(?=,|[ ]+(?:and|&)[ ]))")   # a given name in lower case: "fern, babette and me"
# (eight names before "and me" at most: a longer run of capitals is read once, not from every word again)
_WITH_ME = re.compile(rf"(?<![\w'’.-])({_WITH_ME_NAME}(?:,[ ]+{_WITH_ME_NAME}){{0,7}}),?[ ]+(?:and|&)[ ]+(?:me|I|myself)"
                      r"\b(?!['’])"
                      rf"|\b(?:me|myself)[ ]+(?:and|&)[ ]+({_WITH_ME_NAME})(?![\w'’-])")
_DETERMINER_BEFORE = re.compile(r"\b(?:the|my|our|your|his|her|their)[ ]+$", re.I)
_WITH_ME_GATE = re.compile(r"(?:and|&)[ ]+(?:me|I|myself)\b|\b(?:me|myself)[ ]+(?:and|&)")
_WITH_ME_ITEM = re.compile(r"[^, ][^,]*")   # (the items of the names' list)
# the letters of a school's roles, programs and offices, which are no one's initials ("The AP and I", "— IEP")
_SCHOOL_ACRONYMS = frozenset("ap ic sro pta pto ilt plc sel rti mtss pbis ela esl sped iep pd it hr".split())
_NOT_INITIALS_WITH_ME = _SCHOOL_ACRONYMS | frozenset("us uk ai el tl dl sl cfo ceo coo".split())
_NOT_WITH_ME = frozenset("mom dad mommy daddy mum mother father grandma grandpa granny wife husband son daughter "
                         "brother sister aunt uncle god jesus everyone everybody".split())


def _counted_with_me(name: str, every: frozenset[str], rank: Mapping[str, int]) -> bool:
    """Whether ``name`` (one or two capitalised words) beside "and me" is a person's: a given name, even an everyday
    word ("Hope"), or words that are no English words, rare ones included ("Hafiz"); never kin, God or a title ("Mom
    and me", "the Principal and I")."""
    if re.fullmatch(r"[A-Z](?:\.?[A-Z]){1,2}\.?", name):   # (initials; a role's letters are no one's: "The AP and I")
        return name.replace(".", "").lower() not in _NOT_INITIALS_WITH_ME
    if name.islower():   # (plainly a given name: "night and day and I" is no one)
        return name in plain_given_names() and name not in _NOT_WITH_ME and name not in _NOT_SURNAME
    parts = [p.lower() for p in name.split()]
    return all(p not in _NOT_WITH_ME and p not in _NOT_SURNAME and p.title() not in _TITLE_WORDS for p in parts) \
        and (parts[0] in every or rank.get(parts[0], PLAIN_RANK) >= PLAIN_RANK) \
        and all(p in every or rank.get(p, PLAIN_RANK) >= PLAIN_RANK or p in all_surnames() for p in parts[1:])


# a parent's name after a child's (kunya): "Um Khaled", "Umm Ali", "Abu Yusuf" (not "Abu Dhabi")
# ... and CHamoru honorifics ("Tan", "Tun"): titles that name someone only before a given name
_NAME_TITLE_WORDS = frozenset("um umm abu abou tan tun".split())
_NAME_TITLE = re.compile(r"(?<![\w'’.-])(Umm?|Abu|Abou|Tan|Tun)[ ]+(?!Dhabi|Ghraib|Simbel)([A-Z][a-z]+)(?![\w'’-])")
# honorifics written after a name: Hindi and Nepali "-ji", Bengali "apa", "bhai", Nepali "dai", "didi", Japanese
# "-san", Korean "-ssi", "-nim"
_HONORIFICS_AFTER = frozenset("ji jee apa apu bhai bhaiya didi dai sahib saab san ssi nim sensei".split())
_HONORIFIC_AFTER = re.compile(r"(?<![\w'’.-])([A-Z][a-z]{2,})(?:-(?:ji|jee|san|ssi|nim|sensei)"
                              r"|[ ](?:ji|jee|apa|apu|bhai|bhaiya|didi|dai|sahib|saab))(?![\w'’-])")
# the Greek letters, as honor societies and fraternities are named ("Mu Alpha Theta", "Phi Beta Kappa")
_GREEK_ALPHABET = ("alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma tau "
                   "upsilon phi chi psi omega").split()
_GREEK_LETTERS = frozenset(_GREEK_ALPHABET)
_SYLLABLES = frozenset().union(*SYLLABLE_NAMES.values()) | BURMESE_HONORIFICS
_TITLE_WORD_BEFORE = re.compile(r"(?<![\w'’.-])([A-Z][a-z]+)\.?[ ]+$")


def _syllable_names(text: str) -> list[tuple[int, int, str]]:
    """Names made of syllables, each its own capitalised word: Burmese, Karen, Mon and Chin ("Saw Kler Doh", "Paw
    Lah Moo", "U Tun Tun Oo", "Ngun Sui") and Hmong ("Ka Zoua Her", "Chong Her").

    A Burmese honorific and one to three syllables after it ("Naw Eh Ywa"), two to four syllables alone, or one or two
    Hmong given names before a clan name; one of the words no English word, rare ones included ("Tun", "Lah"), or a
    sure honorific first ("Naw", "Daw"), so "May Win" or "Her Song" stays English.
    """
    burmese, given, clans = SYLLABLE_NAMES["burmese"], SYLLABLE_NAMES["hmong_given"], SYLLABLE_NAMES["hmong_clan"]
    rank = word_rank()
    out = []
    for run in _SYLLABLE_RUN.finditer(text):
        words = [(m.start(), m.end(), m.group(0).lower()) for m in re.finditer(r"[A-Za-z]+", run.group(0))]
        i = 0
        while i < len(words):
            w = words[i][2]
            j = i + (w in BURMESE_HONORIFICS)
            k = j
            while k < len(words) and k - j < 4 and words[k][2] in burmese:
                k += 1
            titled = j > i and 1 <= k - j <= 3
            names = words[j:k]
            if not (titled or k - j >= 2):   # Hmong: one or two given names, then the clan
                k = i
                while k < len(words) and k - i < 2 and words[k][2] in given:
                    k += 1
                k = k + 1 if i < k < len(words) and words[k][2] in clans else i
                names = words[i:k]
            if names and (titled and w in BURMESE_HONORIFICS_SURE
                          or any(rank.get(n[2], PLAIN_RANK) >= PLAIN_RANK for n in names)
                          and not any(n[2] in CALENDAR for n in names)   # ("Mon Thu" are days)
                          # (three of the Burmese syllables or more, everyday words though they are, mid-sentence:
                          # "Bradley Yoon and Aye Aye Mon")
                          or k - j >= 3 and not titled and sum(n[2] in CALENDAR for n in names) <= 1
                          and not _sentence_start(text, run.start() + words[i][0])):
                start = run.start() + words[i][0]
                title = _TITLE_WORD_BEFORE.search(text, max(0, start - 20), start)   # "Rev. Saw Eh Doh Say"
                if title and title.group(1) in _TITLE_WORDS:
                    start = title.start()
                out.append((start, run.start() + words[k - 1][1], "PERSON"))
                i = k
            else:
                i += 1
    return out


_PARTICLE_WORDS = frozenset("de del la las los van von der den da dos das du di le bin ibn bint dela delos".split())
# the particles inside a name that others join or carry on: "Wilfredo Núñez de la Cruz", "João dos Santos" ("le" and
# "bint" only start a name, "do" only joins two)
_INNER_PARTICLES = "|".join(sorted(_PARTICLE_WORDS - {"le", "bint"}))
_PARTICLE_NAME = re.compile(rf"([A-Z](?<![\w'’.-].)[a-z]+)[ ]+(?:(?:{'|'.join(sorted(_PARTICLE_WORDS))})[ ]+){{1,3}}"
                            r"([A-Z][a-z'’]+)(?:-[A-Z][a-z]+)?(?![\w-])")
# a group or a place's people after a pair: "Lincoln Park staff", "Grant Park families" (a place, not a person)
_PLACE_PEOPLE_AFTER = re.compile(r"[ \t]+(?:staff|students|team|teachers|families|parents|kids|community|campus|crew|folks"
                          r"|people|area|neighborhood|residents|school|schools|district|site)\b", re.I)
# An initial and a surname: "L. Jenkins", "G. Lindqvist", "C. McNamara" (not "U.S. Army": the initial stands alone)
# (with a surname's particles: "G. de la Cruz")
_INITIAL_NAME = re.compile(r"[A-Z](?<![\w.'’-].)\.[ \t]?((?:(?:van|von|de|del|der|den|da|di|du|la|le|dos)[ ])*"
                           r"[A-Z][a-zʻ'’-]+(?:[A-Z][a-z]+)?)(?![\w-])")
# A given name and a lone initial: "Stephen B", "Camila A."
_NAME_INITIAL = re.compile(r"([A-Z](?<![\w'’.-].)[a-z]{2,})[ \t]+(?:[A-Z]\.|[A-HJ-Z](?![\w'’.-]))")
# The writer naming themself: "Hi, I'm Yashica Varma", "my name is ..."
_SELF_NAMED = re.compile(r"\b(?:I['’]?m|I am|(?i:my name is|this is))[ \t]+([A-Z][a-z]+(?:[ \t]+[A-Z][a-zʻ'’-]+){0,2})")
# "Sharp, Dustin" at the start of a line or list item: surname, given name
# (or after a colon or inside a quoted CSV cell: "roster from HVUSD: Ontiveros, Javier (coordinator)",
# '"Nguyen, Lan"')
# (after a chat's time stamp, "[10:16] Attakai, Rosella: hi"; before a tab, which ends a table's cell, or a time)
def _last_first(surname: str, given: str, conjunction: str, lead: str = "", initial: str = r"[ ][A-Z]\.") -> re.Pattern[str]:
    return re.compile(rf"(?m)(?:^|:|;|\"|\t{lead})[ \t]*(?:{_STAMP})?(?:[-*•][ \t]*)?"
                      # (a middle initial after the given name: "Abeyta, Consuelo M.")
                      rf"({surname}),[ \t]+({given}(?:[ ](?!{conjunction}\b){given}(?=[ ]*(?:\t|$|/|\||;))|{initial})?)"
                      r"(?:(?<=\.)|\b)"
                      r"(?![ ]+[A-Z])(?=[ ]*(?:$|[-–—|:(;\",\t/<])|[ ]{2,}\d{1,2}:\d\d)")


# (a double surname's second part capitalised: "Reyes-Otero, Jazmin")
_LAST_FIRST = _last_first(r"[A-Z][a-zʻ'’-]+(?:[A-Z][a-zʻ'’]+)?", r"[A-Z][a-z]+", "and")
# the same in capitals, as a roster export writes it: "KESSLER, TODD<TAB>Vendor"
# (a double surname too, after a CSV row's comma, and an initial without its stop: "...,OCHOA VALDEZ, FRANCISCO J,...")
_LAST_FIRST_CAPS = _last_first(r"[A-Z][A-Zʻ'’-]+(?:[ ][A-Z][A-Zʻ'’-]+)?", r"[A-Z]{2,}", "AND", lead="|,(?=[A-Z])",
                               initial=r"[ ][A-Z]\.?")
_ATTENDANCE = re.compile(r"(?i:present|attendees|attending|in\s+attendance|absent|participants)[ \t]*:[ \t]*"
                         r"((?:[A-Z]{2,3}(?:[ \t]*,[ \t]*|[ \t]+(?:and|&)[ \t]+|(?=[ \t]*(?:$|[\n(.;]))))+)", re.M)
_CAPS_PAIR = re.compile(r"[A-Z]{2},[ \t]+[A-Z]{2}")
_ATTENDANCE_WORDS = frozenset("present attendees attending attendance absent participants".split())
_INITIALS = re.compile(r"(?<![\w-])[A-Z]{2,4}(?![\w-])")   # (four for two given names or two surnames: "MJNO")
_ROLE_ACRONYMS = frozenset("AP ELA ELL ESL SPED IEP MTSS PLC HR IT PE SEL ESE GT RTI PBIS SLP OT PT SRO CTE TBD NA "
                           "ALL ILT BLT DO CO LEA SEA SPS ML EB".split())   # (English learners: ML, EB)
# (a character set first: fast)
_NAME_BEFORE_PHONE = re.compile(r"(?<![\w'’.-])([A-Z][a-z]+)[ \t]*[:,–—-]?[ \t]*$")
# initials with stops in lower case, in a list of people: "k.k., s.t. and n.k. from KHIS" (not "a.m.", "e.g.")
_LOWER_DOTTED = re.compile(r"[a-z](?<![\w.].)\.[a-z]\.(?![\w.]|[ ]?\d)")
_LOWER_DOTTED_GATE = re.compile(r"\.[a-z]\.")   # (a full stop first: found fast)
_NOT_LOWER_INITIALS = frozenset("am pm eg ie nb ps us ad bc vs cv pe ok aka".split())
_DOTTED_INITIALS = re.compile(r"[A-Z](?<![\w.].)\.(?:[ ]?[A-Z]\.){1,2}(?![ ]?[A-Z]\.|\w|[ ]?\d)")   # (not "P.L. 94-142")
# places, times, degrees and school words written with stops: "U.S.", "a.m.", "B.A.", "A.P. classes", "P.D. day"
_NOT_INITIALS = frozenset("US DC AM PM PE UK EU BS MA MS RN LA NY NJ SC NC PS IE EG OK ID PO AP PD JD MD HR IT TV VP "
                          # (the states' postal letters: "half of ND joined an hour late")
                          "AK AZ AR CA CO CT DE FL GA HI IA IL IN KS KY MI MN MO MT NE NV NH NM ND OH OR PA RI SD TN TX "
                          "UT VT VA WA WV WI WY "
                          "ED DR ST MT FT SR JR USA AKA BSN MSW NYC LSU UCLA".split()) | _ROLE_ACRONYMS \
    | frozenset("AVID STAR CASA STEM WIDA NWEA MTSS PBIS SPED IDEA ESSA NCLB TEKS PSAT ELAR ESOL ROTC FBLA HOSA DECA BCBA "
                "LCSW LSSP SLPA SBAC GATE TESL CCSS NGSS ELPS ELPA DIBELS IREAD".split())   # (programs, tests, laws)
_INITIALS_RUN = re.compile(r"(?<![\w/.-])((?:[A-Z]{2,3}[ ]*/[ ]*){2,7}[A-Z]{2,3})(?![\w/.-])"
                           r"(?=[ ]+(?:were|are|led|co-led|facilitated|presented|ran|will)\b)")
_INITIALS_VERB = re.compile(rf"[A-Z](?<![\w.'’-].)[A-Z](?![\w.'’-])(?=[ \t]+(?:{_PERSON_VERBS})\b)")
_CLOSING = re.compile(r"(?im)^[ \t]*(?:thanks|thank\s+you|best|regards|best\s+regards|kind\s+regards|warm\s+regards"
                      r"|sincerely|respectfully|cheers|warmly|blessings|gracias|saludos|mahalo)[ \t]*[,!.]?[ \t]*\r?\n"
                      r"[ \t]*(?-i:([A-Z][\w'’.-]+(?:[ ]+[A-Z][\w'’.-]+){0,3}))[ \t]*(?:\r?\n|$)")
_GROUP_WORDS = frozenset("""all team staff principals teachers leadership cadre network office department committee board
group members everyone parents district schools school admin administrators coaches cohort""".split())
_ADDRESSEES = re.compile(r"(?im)^[ \t>]*(?:to|cc|bcc)[ \t]*:[ \t]*([^\n]+)$")
_ADDRESSEE = re.compile(r"[ \t]*([A-Z][\w'’.-]+(?:[ ]+[A-Z][\w'’.-]+){1,3})[ \t]*(?:<[^>\n]*>)?[ \t]*")
_FIELD_LABELS = frozenset("""note notes agenda re subject from to cc bcc date time update action actions next question
answer comment comments location where when what why how who topic goal goals summary minutes attendees present absent
reminder fyi ps tip step steps q a total result results status follow facilitator moderator interviewer host
participant participants respondent everyone all group team teacher teachers principal student students parent parents
coach staff admin presenter speaker""".split())
# (a transcript's bare time stamp with its seconds too, "00:12:44 TANYA H: ..." (never a schedule's "9:00 Lunch:");
# a label in capitals with an initial, or a user name, "[10:48] hunter.lindqvist:")
_SPEAKER = re.compile(rf"(?m)^[ \t>]*(?:{_STAMP}|{_BARE_STAMP})?"
                      r"([A-Z][a-z]+(?:[ \t]+[A-Z][\w.'’-]*){0,2}|[A-Z]{2,}[ \t]+[A-Z]\.?|[a-z]{2,}\.[a-z]{2,})"
                      r"(?:[ \t]*[^\w\s:]{1,3})?:[ \t]")   # ("Lupe 📱:")
_CAPS_COURTESY = ("MRS", "MR", "MS", "DR", "MX", "COUNCILWOMAN", "COUNCILMAN", "COUNCILMEMBER", "PASTOR", "REV", "SUPT")
_COMPANY_WORD_AFTER = re.compile(r"[ ]+(?:HOMES|INC|LLC|CO|CORP|COMPANY|GROUP|FOODS|FARMS)\b")


def _surname_shaped(word: str) -> bool:
    """Whether an unknown word in capitals is long enough, and voiced enough, to be a surname rather than an
    organisation's letters: "SUBEDI", "BIZIMANA" (six letters, two vowels at least), not "TESOL", "FERPA", "NJHS"."""
    return len(word) >= 6 and sum(ch in "aeiouy" for ch in word) >= 2


# a spoken e-mail's local part of one word and its domain's first part, up to the first dot said ("up at parent square
# dot com": "up", " parent square ")
_SPOKEN_LOCAL_AT = re.compile(r"([a-z]+)[ \t]+at[ \t]+([a-z0-9 -]+?)[ \t]+(?:dot|period)\b")
_BUSINESS_NUMBER_BEFORE = re.compile(r"\b(?:(?:purchase[ ])?order|P\.?O\.?|invoice|inv|requisition|req|confirmation"
                                     r"|tracking|ticket|receipt|voucher|check|cheque|grant|award|contract|project|CFDA"
                                     r"|reference|ref)\.?(?:[ ](?:number|num|no\.?))?[ ]*[:#]?[ ]*$", re.I)
# the first words of towns' two-word names ("San Bernardino", "Santa Ana", "Fort Collins"; never an article that is a
# surname's particle too: "La Verne", "De La Cruz")
_PLACE_PREFIXES = ("San", "Santa", "Santo", "Fort", "Port", "Mount")
_PLACE_PREFIX_BEFORE = re.compile(rf"(?<![\w'’.-])({'|'.join(_PLACE_PREFIXES)})[ ]$")
_COURSE_NUMBER_AFTER = re.compile(r"[ ]\d{3}\b")   # ("Grant Writing 101", "Family Engagement 201")
# the subjects a course's name ends with before its number, and the wishes a holiday's name follows
_COURSE_WORDS = frozenset("reading writing math mathematics engagement leadership literacy english history "
                          "studies methods seminar foundations design coaching algebra biology chemistry".split())
_HOLIDAY_WISHES = frozenset("merry happy feliz blessed joyous joyeux".split())
_CAPS_SURNAME_GIVEN = re.compile(r"(?:(?<=[;:|(\n])|^)[ \t]*([A-Z]{3,}(?:[-'’][A-Z]{2,})?),[ ]"
                                 r"([A-Z][a-z]+(?:-[A-Z][a-z]+)?)(?=[ \t]*(?:[,;|)\n]|$))")
_CAPS_TITLE_NAME = re.compile(rf"(?<![\w.'’-])(?:{'|'.join(_CAPS_COURTESY)})\.?[ ]+([A-Z]{{3,}}(?:-[A-Z]{{2,}})?)(?![\w'’-])")
_SENDER_AFTER_TIME = re.compile(r"\b\d{1,2}:\d\d(?:(?:[ ]?[AaPp]\.?[Mm]\.?)?[ \t]*[—–-][ \t]*|[ ]?[AaPp]\.?[Mm]\.?[ \t]+)"
                                r"([A-Z][a-z]{2,}):[ \t]")   # ("12/02 8:31 AM Ray: Hey it's Ray")
_BULLET_LABEL = re.compile(r"(?m)^[ \t]*[-*•–·▪][ \t]+([A-Z][a-z]{2,})[ \t]*:[ \t]")
_MOTION = re.compile(r"\b([A-Z][a-zʻ'’-]+)[ \t]*/[ \t]*([A-Z][a-zʻ'’-]+)[,;.]?[ \t]+(?:motion[ \t]+)?"
                     r"(?:carried|passed|approved|failed|unanimous)", re.I)
_MOTION_BY = re.compile(r"\b(?:[Mm]otion|[Mm]oved)[ ]+(?:made[ ]+)?by[ ]+([A-Z][\w'’-]*(?:[ ][A-Z][\w'’-]*){0,2})"
                        r"(?:,?[ ]+(?:and[ ]+)?(?:second|seconded)[ ]+by[ ]+([A-Z][\w'’-]*(?:[ ][A-Z][\w'’-]*){0,2}))?")
_COUNTED_NAME = re.compile(r"(?<![\w'’-])([A-Z][a-z'’-]{2,})[ ]x\d{1,2}\b")
_MOTION_WORDS = re.compile(r"\b(?:motion|moved|seconded|second|minutes)\b", re.I)
_FAMILIES_NAMED = re.compile(r"\bfamil(?:y|ies)[ \t]*\(([^()\n]{2,80})\)", re.I)
_LIST_PARTS = re.compile(r"[ \t]*(?:,[ \t]*(?:and[ \t]+)?|[ \t]+(?:and|&)[ \t]+)[ \t]*")   # (what stands between)


_GRADE_WORDS = frozenset("kinder kindergarten pre-k prek pre-kindergarten preschool tk".split())   # ("(Kinder and Pre-K)")


def _names_someone(word: str) -> bool:
    """Whether a capitalised word in a slot that holds names (a motion's mover, a family in brackets) is a name: a
    given name or a surname of the lists, or no English word; never a product, a place, a language, a month or a
    season, or a word in capitals ("Zearn/Lexia", "Fall/Spring", "(ESL and IEP)")."""
    low = word.lower()
    if not (word[:1].isupper() and word[1:2].islower()) or low in PRODUCT_NAMES or low in LANGUAGE_NAMES \
            or low in CALENDAR or low in _GRADE_WORDS:
        return False
    return low in all_given_names() or low in all_surnames() or low not in english_words() and low not in place_names()
def _compound(word: str, rank: Mapping[str, int]) -> bool:
    """Whether ``word`` is two English words run together ("headstart", "minecraft"), each of three letters at least."""
    return any(rank.get(word[:i], PLAIN_RANK) < PLAIN_RANK and rank.get(word[i:], PLAIN_RANK) < PLAIN_RANK
               for i in range(3, len(word) - 2))


# the words of a family after its surname, and those after which only a surname that is no English word is one
# ("the Jibrik kids", "the Kue farm"; not "the Lincoln kids", a school's)
_FAMILY_NOUNS = ("family", "families", "twins", "household")
_FAMILY_THINGS = ("kids", "children", "boys", "girls", "siblings", "cousins", "home", "house", "farm", "residence",
                  "apartment", "trailer")
_FAMILY_WORDS = frozenset(_FAMILY_NOUNS + _FAMILY_THINGS)
_FAMILY_NAME = re.compile(r"\b[Tt]he[ \t]+([A-Z][a-z'’ʻ]+(?:-[A-Z][a-z'’ʻ]+)?)[ \t]+"
                          rf"(?:{'|'.join(_FAMILY_NOUNS)}|({'|'.join(_FAMILY_THINGS)}))\b")
# the value of a form's or an e-mail header's field for a person, alone on its line
# (and pairs: "Haddad <-> Boutros")
# (a person's part in a group, in brackets after the name: "Kettering (MSDE observer)", "Mutter (chair)")
_ROLE_IN_BRACKETS = re.compile(r"[ \t]*\((?:[A-Z]{2,6}[ ])?(?:observer|chair|co-chair|lead|co-lead|facilitator|recorder"
                               r"|note-?taker|timekeeper|host|presenter)\)")
# (two pairs at least, comma-joined: "Ellerbe/Gatewood, Amadi/Farrow"; each word capitalized, hyphen or apostrophe inside)
_SLASH_PAIR_ROW = re.compile(r"(?<![\w/])[A-Z][\w'’-]+/[A-Z][\w'’-]+(?:,[ ](?:and[ ])?[A-Z][\w'’-]+/[A-Z][\w'’-]+)+(?![\w/])")
_SLASH_PAIR_WORD = re.compile(r"(?<![\w'’-])[A-Z](?:[a-z]|['’][A-Z])[\w'’-]*(?![\w'’-])")   # (a name's case: never "ELA")
_SLASH_LINE = re.compile(r"(?m)^.*[ ](?:/|<->|<>|↔)[ ].*$")
_SLASH_ITEM = re.compile(r"(?:(?<=:[ ])|(?<=/[ ])|(?<=>[ ])|(?<=↔[ ])|(?<=^))([A-Z][\w'’.-]*(?:[ ][A-Z][\w'’.-]*){0,3})"
                         r"(?=[ ](?:/|<->|<>|↔)[ ]|[ \t]*$)", re.M)
# (the author may carry an initial, a comma's role or a bracket's after the name: "— Dee W.", "— Dee, 4th grade")
_QUOTE_AUTHOR = re.compile(r"(?m)[\"”][ \t]*[—–-]{1,2}[ \t]*([A-Z][a-z'’]+(?:[ ][A-Z][a-z'’-]+|[ ][A-Z]\.)?)"
                           r"(?=[ \t]*(?:$|,|\())")
# (who the author is, after the name: ", 11th", ", 4th grade", " (parent)", ", student rep")
_AUTHOR_WHO_AFTER = re.compile(r"[ \t]*(?:,[ \t]*|\([ \t]*)(?:\d{1,2}(?:st|nd|rd|th)\b|(?:grade|gr\.?)[ \t]*\d"
                               r"|(?:parent|student|teacher|senior|junior|sophomore|freshman|grader|mom|dad|aide|para"
                               r"|counselor|principal|coach|rep)\b)", re.I)
_COPY_LINE = re.compile(r"(?im)^[ \t>]*b?cc[ \t]*:[ \t]*([^\n]{2,300})$")
# (an item, its address in brackets after it: "Jun Park <jpark@example.org>")
_COPY_ITEM = re.compile(r"[^\s,;&<][^,;&<\n]*?(?=[ \t]*(?:<[^>\n]*>)?[ \t]*(?:,|;|&|\band\b|$))", re.M)
_RECORD_LABELS = frozenset("student participant interpreter attendee contact".split())
# the labels of _LABELLED_NAME after which a field holds one person, whatever word their name is
_PERSON_LABELS = ("owner", "point person", "assigned to", "assignee", "timekeeper", "coach", "mentor", "mentee",
                  "facilitator", "presenter", "name", "sender", "scribe", "recorder", "notetaker", "note-taker",
                  "note taker")
# what a field holds where no one is named yet
_FIELD_PLACEHOLDERS = frozenset("tbd tba tbc na none ok pending unassigned all".split())
_LABELLED_NAME = re.compile(r"(?im)(?:^|(?<=[.;][ ]))[ \t>]*(?:(?:action\s+step|step\s+\d+|meeting|task)\s+)?"
                            r"(?:name|full\s+name|your\s+name|submitted\s+by|from|sender|respondent"
                            # (and a role's, in a coaching log or a visit's header: "Coach: Sera")
                            r"|signed|coach|mentor|mentee|resident|facilitator|observer|interviewer|reviewer|presenter"
                            r"|logged\s+by|recorded\s+by|notes|notes\s+by|scribe|recorder|note[ -]?taker"
                            # (a record's person: "Student: Tremayne W. (gr 10).", "Interpreter: Patience")
                            r"|student|participant|interpreter|attendee|contact"
                            # (an action step's owner and its date: "Action step owner: Cotton, due 11/1.")
                            r"|owner|point\s+person|assigned\s+to|assignee|timekeeper)"
                            r"(?:[ \t]*\([^)\n]*\))?[ \t]*:[ \t]*([a-z][a-z .'’-]{1,40}?)[ \t]*"
                            r"(?:<[^>\n]*>|\([^)\n]{1,20}\)\.?)?"
                            r"(?:[.,;][ \t]*(?:due|by|deadline)\b[^\n]*)?[ \t]*$")
# Letters of scripts other than Latin (and Greek, which maths uses) inside a comment typed in Latin letters:
# names ("Coach عبيد", "Mr. मल्होत्रा"); a phrase in another script goes too, which errs on the safe side.
_OTHER_SCRIPT = ("\u0400-\u04ff\u0530-\u058f\u10a0-\u10ff\u0590-\u05ff\u0600-\u06ff\u0750-\u077f\u0900-\u0dff"
                 "\u0e00-\u0e7f\u1100-\u11ff"
                 "\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af")
# (four words at most each: a sentence in that script inside an English comment is read in runs, and redacted whole,
# since a name inside it cannot be told from its words)
_OTHER_RUN = re.compile(rf"[{_OTHER_SCRIPT}]+(?:[ \t]+[{_OTHER_SCRIPT}]+){{0,3}}")
# talking or sitting with someone: "talked w/ Destiny", "sat with Oluwadamilare" (a cue of both lists below)
_WITH_SOMEONE = r"(?:spoke|talked|sat|chatted|met|checked\s+in|caught\s+up|conferenced)\s+(?:with|w/)"
#: Words just before a name that point to a person: "ask Ubika", "referred to Chela", "coaching with faith".
_STRONG_CUE = (r"ask|asked|tell|told|thank|thanks|thanked|thanks\s+to|thank\s+you|thank\s+u|thx|coach|coaching\s+with"
               r"|letting|let"
               r"|e-?mail|e-?mailed|call|called|text"
               r"|observed|sorry|gracias(?:\s+a)?|quyana\s+to|(?:led|facilitated|presented|taught|coached|submitted|written|job|work"
               r"|verified|checked|confirmed|translated|interpreted)\s+by|board\s+members?"
               r"|texted|cc|per|kudos\s+(?:to|2)|shout\s*-?\s*outs?\s+(?:to|2)|props\s+to|talk\s+to|talked\s+to"
               rf"|spoke\s+to|{_WITH_SOMEONE}|(?:meet|work(?:ed|ing)?)\s+(?:with|w/)|referred\s+to|rsvp\s+to"
               r"|reach\s+out\s+to|contact|mentor|mentee|para|sub|substitute|counselor|teacher|principal|student"
               r"|parent|volunteer|liaison|mom|dad|grandmother|grandma|aunt|uncle|librarian|nurse|ms|mr|mrs"
               r"|son|daughter|grandson|granddaughter|nephew|niece|husband|wife|cousin|oldest|youngest|eldest"
               # (an office a comment names someone by, in lower case: "moved by trustee Kaur-Bassi", "director Okeke")
               r"|trustee|director|dean|superintendent|commissioner|councilmember|councilwoman|councilman|rep"
               # (a relative named after the word: "her brother Faris", "my grandpa Tomasz")
               r"|brother|sister|father|mother|grandfather|grandpa|stepson|stepdaughter|stepmom|stepdad"
               r"|(?:sister|brother|mother|father|son|daughter)-in-law"
               # (a child named by whose child they are: "Mr. Dirie (father of Ikran, 3rd gr.)")
               r"|(?:father|mother|parent|guardian|grandmother|grandfather|grandma|grandpa|aunt|uncle|mom|dad)\s+of"
               # (a helper or a child by what they do or are, in apposition: "a 6th grader, Mursal, interpreted", "a
               # student guide, Abdiaziz")
               r"|grader|guide|aide|tutor|classmate|neighbou?r|intern|kindergart[ne]+r"
               # (a message's sender: "Text from Dette:", "Fwd: from Chelo")
               r"|(?:text|message|note|voicemail|dm|fwd:?)\s+from"
               # (in Spanish: a role before a name, "la maestra Rodríguez"; asking or telling someone, "pregúntenle a
               # Memo", "hablé con Rosa")
               r"|maestra|maestro|profe|profesora|profesor|directora|consejera|consejero|senora|senor|licenciada"
               r"|licenciado|hija|hijo|esposo|esposa|(?:preguntenle|preguntale|preguntele|digale|diganle|llamen|llame"
               r"|avisenle|avisale)\s+a|hable\s+con|hablen\s+con|hablar\s+con")
# (a role may stand before a name in apposition or in brackets: "our sub, Keoni, was great", "the student (Sione)")
# (and a letter's closing before its signature, with its comma: "Regards, Priya S.", "Sincerely,<newline>Tomasz")
_CLOSINGS = r"regards|sincerely|warmly|respectfully|cordially|gratefully|cheers|blessings|xoxo|best\s+wishes|warm\s+regards"
_CUE_BEFORE = re.compile(rf"\b(?:{_STRONG_CUE})(?:\s+|\s*[,(]\s*)$|\b(?:{_CLOSINGS}),[ \t]*\n?[ \t]*$", re.I)
# words before a name that point to a person only weakly: "met with Tom", "from Ana"
_WEAK_CUES = ("with", "to", "from", "for", "by", "and", "our", "my")
_ANY_CUE_BEFORE = re.compile(rf"\b(?:{_STRONG_CUE}|{'|'.join(_WEAK_CUES)})\s+$", re.I)
# every word a cue of these patterns can end with (a superset: the words of their source), so that the patterns, which
# end at a name and are tried at every position of a window, run only where the word before the name could end a cue
# the cues that say a person follows, whatever word the name is: "thanks to", "talked w/", "ask"
_THANKS_BEFORE = re.compile(rf"\b(?:{_THANKS}|ty)[ ]$", re.I)
_SET_OFF_AFTER = re.compile(r"[ ]*(?:[,!—–]|-[ ]|\.(?:[ ]|$)|$)")
_NAME_CUE = (r"thanks\s+to|thank\s+you|kudos\s+(?:to|2)|shout\s*-?\s*outs?\s+(?:to|2)|props\s+to|ask|asked|tell|told"
             rf"|e-?mailed|texted|called|{_WITH_SOMEONE}")
_EVENT_NOUN_AFTER = re.compile(r"[ ]+(?:school|camp|program|session|break|institute|academy|league|day|week|bank)\b")
_NAME_CUE_BEFORE = re.compile(rf"\b(?:{_NAME_CUE})\s+$", re.I)
# where a word that is never a name alone ("sky", "river") is one: after words that greet, thank or reach someone, "hey
# River,", "texted Sky about"
_GREETED_BEFORE = re.compile(rf"\b(?:{_NAME_CUE}|hey|hi|hello|dear|thanks|thx|cc|pinged|ping)[ \t]+$", re.I)
_CALLED_NOT_NAMES = frozenset("bruh bro sheesh whew phew yikes gosh dang welp ahh ahhh ugh yall y'all guys ok okay".split())
_CALLED_NAME = re.compile(r"(?:^|(?<=[.!?][ ])|(?<=\n))([A-Z][a-z'’-]{2,}),[ ]+you\b")
# kin and the roles a comment sets a name off after: "My father, Gul Agha, is sick"
_APPOSED_WORDS = frozenset("father mother dad mom son daughter husband wife brother sister uncle aunt cousin grandmother "
                           "grandfather grandson granddaughter nephew niece stepson stepdaughter student parent mentor "
                           "mentee colleague coworker neighbor neighbour friend tutor intern".split())
_APPOSED_NAME = re.compile(r"\b(?:[Mm]y|[Oo]ur|[Hh]is|[Hh]er|[Tt]heir|[Aa]|[Aa]n)[ ]+(?:(?:new|former|oldest|youngest|eldest"
                           r"|older|younger|little|big)[ ]+)?(" + "|".join(sorted(_APPOSED_WORDS)) + r")[ ]*,[ ]*"
                           r"([A-Z][a-z'’-]+(?:[ ][A-Z][a-z'’-]+){0,2}|[a-z][a-z'’-]+(?:[ ][a-z][a-z'’-]+){0,2})[ ]*,")
_HANDLE_BEFORE_TIME = re.compile(r"(?m)^[ \t]*([a-z][a-z'-]+[._][a-z][a-z'-]+)[ \t]+\d{1,2}:\d\d(?:[ ]?[AaPp]\.?[Mm]\.?)?\b")
_PERSON_LABEL_ANSWER = re.compile(r"(?m)\b(?:person|name|facilitator|presenter|speaker|mentor|contact|helper)[ \t]*:[ \t]*"
                                  r"([A-Z][\w'’-]+(?:[ ][A-Z][\w'’-]+){0,2})[ \t.!]*$")
_LETTER_TITLES = frozenset("mr mrs ms mx miss dr coach".split())
# ("miss" and "coach" in lower case, or before a small letter, are verbs: "we miss a day", "Coach a new teacher")
# (a possessive after the letter too, "Ms. K's read-alouds"; never a lower-case title before "a" or "i", "at the ms a
# lot of kids", nor "I" before a lower-case word, "Thanks Coach I appreciate it"; a capital after the letter's stop is
# a surname's only where it is no word that opens a sentence: "Ask Ms. K. She knows")
_TITLED_LETTER = re.compile(r"(?<![\w.'’-])(?:(?:Mr|Mrs|Ms|Mx|Dr)\.?[ ][A-Za-z]|(?:mr|mrs|ms|mx|dr)\.?[ ][b-hj-z]"
                            r"|(?:mr|mrs|ms|mx|dr)\.[ ][ai]|(?:Miss|Coach)[ ][A-Z]"
                            r"|coach[ ][b-hj-z])"   # ("coach q brought donuts": a letter that is no word)
                            r"(?<!I(?=[ ][a-z]))"
                            r"(?![\w&/+-]|['’](?!s\b)|\.?[ ]*(?!(?:She|He|They|We|It|The|This|That|Her|His|Our|My)\b)[A-Z][a-z])")
# (a verb after "how to", "need to": "how to taylor the inquiry cycle", a misspelt tailor, is no Taylor)
_INFINITIVE_TO_BEFORE = re.compile(r"\b(?:how|want|wants|wanted|need|needs|needed|have|has|had|going|able|trying|try"
                                   r"|tried|plan|plans|planned|learn|learned|learning|begin|began|start|started|used"
                                   r"|ought|supposed|hard|easy|ready|time|way|ways)[ ]+to[ ]+$", re.I)
# (the programs and groups families are named by, capitalised: "the Migrant, Newcomer and Bilingual families", "Headstart
# family"; second reader, session 25)
_PROGRAM_FAMILY_WORDS = frozenset("migrant newcomer newcomers bilingual headstart kinder kindergarten immigrant refugee "
                                  "foster homeless military title esl ell gifted sped preschool prek tk host".split())
_LOWER_JUNIOR = re.compile(r"(?<![\w'’.-])([a-z]{3,})[ ]jr\b(?![ ]+(?:high|varsity|college|league|prom))")
# (a greeting at a message's start, before a given name in lower case: "hi letty -- can you", "hey marisol,")
_LOWER_GREETED = re.compile(r"(?:^|\n)[ \t]*(?:hi|hey|hello|dear)[ \t]+$", re.I)
_NAME_CUE_LAST_WORDS = frozenset(re.findall(r"[a-z0-9]+", _NAME_CUE)) | {"w/", "e-mailed"}


@functools.lru_cache(maxsize=1)
def _world_only_given() -> frozenset[str]:
    """The given names of the newcomers' lists (:func:`~evalkit.namelists.world_given_names`) that no US list holds."""
    return world_given_names() - all_given_names()


@functools.lru_cache(maxsize=1)
def _rare_surnames() -> frozenset[str]:
    """Census surnames that are rare words at most (rank 30,000 or beyond): "rodriguez", "lindquist"."""
    rank = word_rank()
    return frozenset(w for w in all_surnames() if rank.get(w, PLAIN_RANK) >= PLAIN_RANK and w not in _NOT_SURNAME)


@functools.lru_cache(maxsize=1)
def _everyday_names() -> frozenset[str]:
    """Given names that are everyday words too and common as names (1 in 2,000 babies of some decade or more):
    "destiny", "grace", "chase", "hunter" (not "field" or "experience", which a few parents gave)."""
    shares = _first_shares()
    return frozenset(w for w in all_given_names() if shares.get(w, 0) >= 0.05 and w not in given_names()
                     and w not in CALENDAR and w not in _NOT_SURNAME and w not in _GREETINGS) \
        - {"jesus", "christian", "grant", "guy", "gene", "summer", "autumn"}   # (a prayer, a faith, funding, anyone,
    #                                                                          biology, seasons)


_CUE_LAST_WORDS = frozenset(re.findall(r"[a-z0-9]+", _STRONG_CUE + "|" + _CLOSINGS)) | {"e-mail", "e-mailed", "w/"} \
    | {f"{kin}-in-law" for kin in ("sister", "brother", "mother", "father", "son", "daughter")}
_ANY_CUE_LAST_WORDS = _CUE_LAST_WORDS | set(_WEAK_CUES)
_PAIR_CUE_LAST_WORDS = _ANY_CUE_LAST_WORDS | set(_GROUP_NOUNS)
_PAIR_CUE_BEFORE = re.compile(rf"\b(?:(?:{_STRONG_CUE})(?:\s+|\s*[,(]\s*)|(?:{'|'.join(_WEAK_CUES + _GROUP_NOUNS)})\s+)$",
                              re.I)
#: What follows a person at a sentence's start or in lower case: a verb that takes a person, "and I", "(our ...".
_VERB_AFTER = re.compile(
    r"\s*(?:\(|['’]s\b|,\s*(?:our|my|the)\s+(?:\w+\s+)?(?:coach|teacher|principal|AP|para|counselor|mentor"
    r"|librarian|nurse|secretary|sub|custodian|director|specialist|interventionist|liaison)\b|,\s+who\b"
    # (a deed of one's own set off after the name: "the student from Dearborn, Hanan, reading her poem")
    r"|,\s+(?:reading|writing|showing|sharing|holding|wearing|telling)\s+(?:his|her)\b"
    # (a student by grade, or two by what they are: "Mahnoor, grade 11, came from Kandahar", "Sukhmani and Gurkirat,
    # two 8th graders from the youth group")
    r"|,\s*(?:grade|gr\.?)\s*\d{1,2}\b|\s*\((?:grade|gr\.?)\s*\d{1,2}\)"
    r"|,\s+(?:two|three|four|both)\s+(?:\d{1,2}(?:st|nd|rd|th)\s+)?(?:graders|students|kids|sisters|brothers|siblings|cousins"
    r"|girls|boys|seniors|juniors|freshmen|sophomores|parents|moms|dads)\b)"
    r"|\s+(?:and\s+(?:I|me)\b"
    r"|(?:is|was)\s+(?:his|her|their)\s+(?:\w+\s+)?(?:mentor|coach|teacher|principal|counselor|aide|para|sub|son"
    r"|daughter|mom|dad|brother|sister|friend|partner|buddy|advisor|supervisor|boss|interpreter|tutor)\b"
    r"|(?:is|was)\s+(?:an?\s+|such\s+an?\s+)?(?:the\s+best|our|my|amazing|great|awesome|wonderful|fantastic"
    r"|incredible|excellent"
    r"|so\s+helpful|helpful|out\s+sick|leaving|retiring)\b"
    # (a deed of one's own, by the pronoun after it: "Mahmoud read his first chapter book", "Nhial lost her badge")
    r"|(?:read|wrote|finished|lost|found|showed|earned|passed|packed|raised)\s+(?:his|her)\b"
    r"|wore\s+(?:a|an|the|his|her|matching)\b"
    # (a goal of one's own; never a team's or a house's points: "Everest scored highest" (second reader))
    r"|scored\s+(?:twice|three\s+times|a\s+goal|his|her|the\s+(?:winning|first|last|tying)\s+(?:goal|run|basket))\b"
    # (someone by the office they call from: "lorraine from the state called back", "Sam from HR")
    r"|from\s+(?:the\s+)?(?:state|district\s+office|central\s+(?:office|level)|HR|union|county\s+office)\s+(?:called"
    r"|emailed|said|says|wrote|texted|sent|confirmed|came|asked|answered|helped|visited)\b"
    # (in Spanish, a deed done to us: "Juanca nos llevó a ver la escuela", "Migdy me ayudó")
    r"|(?:nos|me|les)\s+(?:llev[oó]|ayud[oó]|explic[oó]|mostr[oó]|ense[nñ][oó]|dijo|apoy[oó]|acompa[nñ][oó])\b"
    # (what one said on a panel: "Abdiwali talking about arriving from Dadaab")
    r"|(?:talking|talked|spoke|speaking)\s+about\b"
    # (away for a time: "Zhenya is out till Monday")
    r"|(?:is|was|will\s+be)\s+out\s+(?:till|until|through|today|tomorrow|this|next|on|for)\b"
    # (a person's mind about a step: "Crystal is unsure she wants to leave counseling", "Hope was hesitant")
    r"|(?:is|was)\s+(?:still\s+|now\s+)?(?:unsure|not\s+sure|undecided|hesitant|torn|nervous|anxious|worried|eager"
    r"|reluctant|considering|weighing|leaning|hoping|thinking\s+(?:about|of)|interested\s+in)\b"
    # (a person by what they are to the program: "Kebede is the dad who started ...", "Ana is our liaison")
    r"|(?:is|was)\s+(?:the|a|an|our|my)\s+(?:\w+\s+)?(?:dad|mom|father|mother|parent|grandmother|grandfather"
    r"|teacher|coach|principal|counselor|liaison|para|aide|sub|student|volunteer|nurse|librarian|secretary"
    r"|interpreter|translator|custodian)\s+(?:who|that)\b"
    # (an action item of meeting notes: "Next: Ransom to share on-track data", "Ana to send the agenda")
    r"|to\s+(?:share|send|email|e-mail|follow\s+up|update|schedule|bring|draft|review|check|call|contact|set\s+up"
    r"|present|circulate|confirm|reach\s+out)\b"
    # (a note's absence: "lorraine out sick"; a child's, as a school's call says it: "Sanjiv was absent today")
    r"|out\s+sick|(?:is|was|has\s+been)\s+(?:absent|tardy|suspended|expelled|withdrawn|hospitalized)\b"
    rf"|(?:{_PERSON_VERBS}|covered|came|comes|ran|runs|did|does|got|gets|gave|gives"
    r"|made|makes|knows|knew|went|goes|lives|lived|organized|organizes|lets|let|took|takes|stayed|stays|kept"
    r"|keeps|worked|works|started|moved|finally|never|really|just|has|had|will|can|could|resigned|graduated"
    r"|(?:is|was)\s+ready"
    # (became a post: "Quino became assistant director"; a school becomes things too, "Jefferson became a community
    # school")
    r"|became\s+(?:an?\s+|the\s+|our\s+)?(?:\w+\s+)?(?:principal|director|coach|teacher|dean|AP|counselor"
    r"|superintendent|leader|mentor|specialist|coordinator|manager|chair|president)"
    r"|should|would)\b)", re.I)
# a word after a lower-case name that ends the name's phrase: "talk to young in the office", "ask king about"
_FUNCTION_AFTER = re.compile(r"\s*(?:[,.;:!?)]|->|$)|\s+[+&](?=\s)|\s+(?:in|about|at|for|this|that|on|and|if|when|so|to|is|was"
                             r"|has|had|said|says|came|comes)\b", re.I)


# words that open a sentence before a name: "Ask Noah", "Congrats Jennifer", "Hi Lisa", "Dear Michael"
_GREETINGS = frozenset("""
ask thanks thank congrats congratulations kudos hi hello hey dear welcome shoutout props tell email call text cc per hola
attn yesterday today tomorrow maybe please merci gracias danke grazie obrigado obrigada arkoun
dhanyabad dhanyavad dhanyawad namaste namaskar shukriya shukran murakoze kamsahamnida gomawo spas sipas maltyoxh
yakoke mahalo faafetai arigato xiexie muchas muchisimas saludos yuj diosal
дякую спасибо 감사합니다 고맙습니다 ありがとう ありがとうございます 谢谢 謝謝 شكرا ধন্যবাদ धन्यवाद
안녕하세요 안녕 नमस्ते नमस्कार ሰላም こんにちは 你好 您好
здравствуйте привет привіт مرحبا سلام שלום
mahadsanid medaase meda amesegenalehu tashakor manana ngiyabonga asante nagode daalu ese faleminderit
talofa malo iakwe kaselehlie mogethin bula hafa aloha
saehae annyeong annyeonghaseyo chukha osiyo wado
magandang kumusta mabuhay
""".split())   # (thanks in the languages of a school's families: Nepali, Hindi, Urdu, Arabic, Kinyarwanda, Korean,
#                 Kurdish, K'iche', Q'anjob'al, Choctaw, Hawaiian, Samoan, Japanese, Mandarin; greetings of Samoa, Tonga, the Marshalls,
#                 Pohnpei, Chuuk, Fiji, Guam and Hawaii; Korean's New Year wish and hello, "Saehae bok mani badeuseyo";
#                 Cherokee's hello and thanks, "Osiyo", "Wado")
_FOLDED_GREETINGS = frozenset(fold(g) for g in _GREETINGS)
# words that open a message before a comma and are no one: interjections, a chat's shorthand, words for a group or a
# child ("Welp, can you ...", "Tysm, can you ...", "Mija, can you help ...", "Ohana, thank you ...")
_INTERJECTIONS = frozenset("""welp haha hahaha lol lmao omg yay yey woo wow tysm tyvm ugh hmm hmmm meh okk okie yess
nope yep yup mija mijo mijos mijas ohana whanau familia hermanos amigos amigas chicos chicas team folks""".split())
# (a quoted reply's line too: "> Chidi, can you cover ...")
_SALUTATION = re.compile(r"(?m)(?:^|(?<=:))[ \t>]*([A-Z][a-z]{1,15})(?:[ \t]*(?:,|—|–)|[ \t]+-{1,2})[ \t]*(?=\S)")
# words after a salutation that speak to someone: thanks or a question to "you" (any given name before them), and the
# rest of a request (a given name that is no everyday word before them)
_THANKS_OR_YOU = r"thank[ \t]+you|thanks|(?:can|could|would|did|are)[ \t]+you"
_THANKED = re.compile(rf"(?:{_THANKS_OR_YOU})\b", re.I)
# (words that open a line before a comma and are no one written to: seasons, "ok", Spanish "sí", "bueno", "claro")
_NOT_SALUTED = frozenset("ok okay summer fall spring winter si sí no bueno claro pues oye mira".split())
_ADDRESSED = re.compile(rf"(?:{_THANKS_OR_YOU}|(?:can|could|would|will|did|do|are|have)[ \t]+(?:you|we)|please|pls"
                        r"|I['’]ll|I[ \t]+will|let[ \t]+me|you['’]re|your|see[ \t]+(?:below|attached)|fyi)\b", re.I)
# an author cited by year, as methods notes do: "(Wilson 1927)", "Austin 2009", "Lin & Wei 1989", "Guskey (2000)"
_CITATION_AFTER = re.compile(r"(?:\s+(?:et\s+al\.?|and\s+[A-Z][a-z]+|&\s+[A-Z][a-z]+))?,?\s+\(?(?:19|20)\d\d[a-z]?\b"
                             r"|\s+(?:et\s+al\b|&\s+[A-Z])")
_CITATION_BEFORE = re.compile(r"&\s+$")
# a full stop that ends an abbreviation, not a sentence: "St. Louis", "Mt. Hood", "vs. Lincoln"
_ABBREVIATION_BEFORE = re.compile(r"\b(?:St|Mt|Ft|Jr|Sr|vs|etc|No|Ave|Rd|Blvd)\.[ \t]+$")
# endings of English words the word list may lack ("Texting", "Rubrics"): not a name
_WORDLIKE_END = re.compile(r"(?:ing|ed|ly|tion|sion|ment|ness|ics|ful|less|able|ible|ism|ist|ity)$")


# an article before a name off the roster: "The Fresno Grizzlies game", "the Madeline Hunter lesson design", "A Durham
# Bulls game" (a capital "A" only where a sentence starts: "gracias a Sr. Mendoza" is Spanish)
_FEAST_OR_FIELD_AFTER = re.compile(r"[ \t]+(?:battlefield|battleground|procession|feast|shrine|festival|fiesta|parade)\b",
                                   re.I)
_PARTICLE_INSIDE = re.compile(r"[ ](?:de|del|de[ ]la|de[ ]los|de[ ]las|la)[ ]")
_THING_ARTICLE = re.compile(r"(?:\b[Tt]he|\b[Aa]n|(?:^|[.!?:][ \t]+)A)[ \t]+$")
# ... unless a family's word follows: "the Delgado family", "the Reyes twins", "the Kue farm", "the Molbergs"
_KIN_AFTER = re.compile(r"(?:['’]s?|s)?[ \t]+(?:famil(?:y|ies)|twins?|triplets?|households?|kids?|child(?:ren)?|boys?"
                        r"|girls?|sisters?|brothers?|siblings?|cousins?|sons?|daughters?|babies|baby|students?|mom|dad"
                        r"|mother|father|parents?|grand(?:mother|father|ma|pa|parents?)|aunt|uncle|clan|home|house|place"
                        r"|farm|ranch|residence|apartment|trailer|case|situation|incident|file|folder|record|records"
                        r"|account|paperwork|iep|plan)\b|['’]s?(?!\w)|s\b", re.I)


# (and a place's or a body's after a word of place: "two people from the Blackhawk Lakes Cooperative" stays redacted)
_PLACE_THE_BEFORE = re.compile(r"\b(?:from|at|to|in|with)[ \t]+the[ \t]+$", re.I)


# (and a town a road runs north of: "closed the road north of Errol")
_DIRECTION_OF_BEFORE = re.compile(r"\b(?:north|south|east|west|northeast|northwest|southeast|southwest|outside)"
                                  r"[ \t]+of[ \t]+$", re.I)


# words of place before a name that make it a place: "trace back to Xieng Khouang", "in Minas Gerais", "through Hollis"
_PLACE_WORD_BEFORE = re.compile(r"\b(?:in|through|via|near|around|across|outside|back[ \t]+to"
                                r"|(?:moves?|moved|moving|relocated?|relocating)[ \t]+to)[ \t]+$", re.I)


def _place_by_word_before(text: str, s: int, e: int) -> bool:
    """Whether a name found off the roster is a place by the word of place before it: two words or more none of which
    is a given name ("trace back to Xieng Khouang", "in Minas Gerais"), or one word that is a town ("through
    Hollis"); never a person's own room or office ("in Mai Vang's office")."""
    if not _PLACE_WORD_BEFORE.search(text, max(0, s - 12), s) or text.startswith(("'s", "’s"), e):
        return False
    words = [fold(w).lower() for w in text[s:e].split()]
    every = all_given_names()
    return len(words) >= 2 and not any(w in every for w in words) or len(words) == 1 and words[0] in place_names()


def _named_thing(text: str, span: tuple[int, int, str]) -> bool:
    """Whether a name found off the roster names a thing or a place: after an article, a team, a method, a unit of
    study, by a thing's noun after it or an English word closing it ("The Booker Whitfield biography unit", "the
    Madeline Hunter lesson design", "The Fresno Grizzlies"; never a family or a person's own thing, "the Delgado
    family", "The Abdirahman Farah meeting", "the Okafors hosted", nor a place or a body after a word of place, "from
    the Blackhawk Lakes Cooperative"); a town north of which a road runs; a place after a word of place."""
    s, e, label = span
    if label != "PERSON":
        return False
    if _THING_ARTICLE.search(text, max(0, s - 5), s) and not _KIN_AFTER.match(text, e) \
            and not (text[e - 1] == "s" and " " not in text[s:e]) and not _PLACE_THE_BEFORE.search(text, max(0, s - 12), s) \
            and (_THING_NOUN_AFTER.match(text, e)
                 # (a word in lower case inside it is no name's: "the Bangladeshi apa everybody calls")
                 or any(w.islower() and w not in _PARTICLE_WORDS for w in text[s:e].split()[1:])
                 or word_rank().get(fold(text[s:e].split()[-1]).lower(), PLAIN_RANK) < PLAIN_RANK
                 # (a town and a plural: a team, "the Houston Astros", "the Tacoma Rainiers")
                 or " " in text[s:e] and text[e - 1] == "s" and fold(text[s:e].split()[0]).lower() in place_names()):
        return True
    if " " not in text[s:e] and _DIRECTION_OF_BEFORE.search(text, max(0, s - 16), s) \
            and not text.startswith(("'s", "’s"), e):   # (not "south of Abdirahman's house")
        return True
    return _place_by_word_before(text, s, e)


# the nouns of things named after people: "the Madeline Hunter lesson", "the Booker Whitfield biography unit"
_THING_NOUN_AFTER = re.compile(r"[ \t]+(?:units?|lessons?|model|method|approach|framework|videos?|clips?|film|movie"
                               r"|books?|slides?|quotes?|speech|biography|story|poem|song|award|scholarship|foundation"
                               r"|center|museum|building|statue|park|bridge|street|highway|era|administration|trail"
                               r"|games?|team|season|effect|rule|act|law|decision|protocol|strateg(?:y|ies)|curriculum"
                               r"|exhibit|documentary|memorial|day|week|event|lecture|talk|theory|side|road|terminal"
                               r"|airport|field|stadium|arena|hall|library|anecdote|example|reference|interview|article"
                               r"|podcast|keynote|poster|photo|picture|mural|banner"
                               r"|battlefield|battleground|procession|shrine|festival|parade)\b", re.I)


_TITLED_PHRASE_AFTER = re.compile(r"[ ]([A-Z][a-z]+)[ ](?:of|for)[ ][A-Z]")
# a run of three capitalised single words or more, joined by commas: "the team (Lozano, Urías, Chacón)", "Present:
# Sabattis, Vachon, Morin"; and a quoted cell of a CSV's "Last, First": '"Guled, Sahra"'
_CAP_RUN = re.compile(r"(?<![\w'’.-])[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?(?:[ \t]*\([a-z ]{1,12}\))?"
                      r"(?:,[ \t]*(?:and[ \t]+)?[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?(?:[ \t]*\([a-z ]{1,12}\))?){2,}"
                      r"(?![\w'’-]|[ \t]+[A-Z])")
_QUOTED_SPEAKER = re.compile(r"(?:^|(?<=[\n.;!?\"”])[ \t]*|(?<=:)[ \t]+)([A-Z][a-z'’ʻ]+):[ \t]*[\"“]")
_RUN_PLACE_BEFORE = re.compile(r"\b(?:from|in|to|at|near|islands?|camps?|towns?|villages?|places?|countries|states"
                               r"|days|months|meses|d[ií]as|materias|dishes|foods?|games?|apps?)[ \t:]*$", re.I)
_RUN_WORD = re.compile(r"[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?")
_QUOTED_LAST_FIRST = re.compile(r"(?<=\")([A-Z][\w'’-]+),[ ]([A-Z][\w'’-]+)(?=\")")


def _surname_runs(text: str, rank: Mapping[str, int], roster_last: frozenset[str]) -> list[tuple[int, int, str]]:
    """People listed by surname in a run of three or more ("Lozano, Urías, Chacón"; a bracketed note after one,
    "Lavoie (excused)"), where every word is a surname that is no everyday word or is no English word, and none is a
    place, a people, a language, a product, a month or a greeting; and a quoted "Last, First" cell of a CSV whose two
    words are so ('"Guled, Sahra"')."""
    places, every, last = place_names(), all_given_names(), all_surnames()

    def no_name(word: str, low: str) -> bool:
        return low in _PEOPLES or low in LANGUAGE_NAMES or low in PRODUCT_NAMES or low in CALENDAR \
            or low in _GREETINGS or low in _NOT_SURNAME or word.title() in _TITLE_WORDS

    def person_word(word: str) -> bool:
        low = fold(word).lower()
        return (low in roster_last or low in last and rank.get(low, EVERYDAY_RANK) >= EVERYDAY_RANK
                or all(p not in rank for p in low.split("-"))) and low not in places and not no_name(word, low)

    def weak_surname(word: str) -> bool:
        # (a surname that is an everyday word or a town too, among surnames that are neither: "Haralson, Vandiver,
        # Lovelady, Stubblefield, Sides, Hollingsworth, Battle, Pugh"; a town's name, "Haralson", "Vandiver", is still
        # taken back by a later filter of towns: a known gap)
        low = fold(word).lower()
        return low in last and not no_name(word, low)

    out: list[tuple[int, int, str]] = []
    for m in _CAP_RUN.finditer(text):
        words = list(_RUN_WORD.finditer(text, m.start(), m.end()))
        strong = [person_word(w.group(0)) for w in words]
        # (half of them surnames at least, and no word of place before the run: not "from Kakuma, Dadaab, Nyarugusu",
        # "Chuuk, Pohnpei, Kosrae, Yap", "Minecraft, Roblox, Fortnite"; surnames that are everyday words or towns
        # only beside four surnames that are neither, a third of the run at least)
        if (all(strong) or sum(strong) >= 4 and 3 * sum(strong) >= len(words)
                and all(s or weak_surname(w.group(0)) for s, w in zip(strong, words))) \
                and 2 * sum(fold(w.group(0)).lower() in last or fold(w.group(0)).lower() in roster_last for w in words) >= len(words) \
                and not _RUN_PLACE_BEFORE.search(text, max(0, m.start() - 20), m.start()):
            out += [(w.start(), w.end(), "PERSON") for w in words]
    if '"' in text:
        out += [(m.start(1), m.end(2), "PERSON") for m in _QUOTED_LAST_FIRST.finditer(text)
                if all(person_word(g) or fold(g).lower() in every for g in m.groups())]
    return out


def _off_roster(text: str, toks: set[str] | None = None, ltoks: set[str] | None = None,
                roster_last: frozenset[str] = frozenset()) -> list[tuple[int, int, str]]:
    """Names of people the roster does not list, judged by the words around them.

    * a given name that is no everyday word (:func:`evalkit.namelists.given_names`) and a capitalised word after
      it (a middle initial may come between): "Dustin Walker", "Evan R. Perkins"; any given name, even an
      everyday word, before a census surname: "Holly Watson"; a word that is no English word before one:
      "Yashica Varma"; a given name and a lone initial: "Stephen B";
    * a given name capitalised on its own in mid-sentence ("RSVP to Alexandra"); at a sentence's start when it
      is plainly a name (:func:`~evalkit.namelists.plain_given_names`, "Tyler in my 4th period") or a verb
      follows ("Chi lives at ..."); in lower case when a cue comes before it or a verb after it ("ask tyler",
      "timothy said"), or a census surname after it ("gregory murphy");
    * a capitalised word that is no English word at all, after a cue, before a verb or with a possessive
      ("referred to Chela", "Mikolaj ran", "Hazma's");
    * the writer's own name ("I'm Kimbrely Parks"), "Surname, Given" at a line's start, and words in a script
      other than Latin inside a Latin-script comment;
    * names by the layout they stand in (:func:`_names_by_layout`): attendance lists, initials with stops, a chat's
      speakers, "The Delgado family", "Name:" and "From:" fields;
    * two capitalised words that are no English words ("Des Achterberg").

    A name inside a capitalised phrase ("Grant Park", "Tyler Elementary") is left to the phrase's own rules.
    """

    given, plain, rank, known = given_names(), plain_given_names(), word_rank(), _known_first()
    toks = set(_ALPHA.findall(text)) if toks is None else toks
    ltoks = set(map(str.lower, toks)) if ltoks is None else ltoks
    english = _english_test(ltoks)   # (asked only where a word that is no English word counts)
    out: list[tuple[int, int, str]] = []
    if _CAP_PAIR_CUE.search(text):
        last, every, all_last = surnames(), all_given_names(), all_surnames()
        # (the second word is read in a lookahead, so a pair that is no name, "Thanks Sarah", does not hide the
        # one after it, "Sarah Johnson")
        for m in _CAP_PAIR.finditer(text):
            a, b = m.group(1).casefold(), m.group(2).casefold()
            if a in _GREETINGS or a == "sri" and b == "akal":
                continue          # a greeting's words, never a given name: "Sat Sri Akal", "Thanks Sarah" (the pair
                #                   after it is read on its own: "Sarah Johnson")
            if b in LANGUAGE_NAMES and b not in all_last:
                continue          # a people's or a language's word after it: "Holy Trinity Ukrainian church"
            if b in _HOLIDAYS and a in _HOLIDAY_WISHES or b in _COURSE_WORDS and _COURSE_NUMBER_AFTER.match(text, m.end(2)):
                continue          # a greeting's holiday, "Merry Christmas"; a course, "The Grant Writing 101 elective"
                #                   (never a name before a number, "Maria Lopez 204 Main St", "Noel Christmas")
            if "-" in a and not all(p in every or p not in rank or p in all_last and rank[p] >= EVERYDAY_RANK
                                    for p in a.split("-")):
                continue          # a hyphenated given name ("Mei-Ling", "Seon-mi"), not "Self-Care" or "Follow-Up"
            korean = "-" in b and m.group(2).split("-", 1)[1].islower() and a in all_last   # "Park Ji-hoon"
            # (two short syllables, the second no everyday word: "Kim Min-jun", not "Rice Check-in")
            syllables = korean and all(2 <= len(p) <= 5 for p in b.split("-")) \
                and rank.get(b.split("-")[1], EVERYDAY_RANK) >= EVERYDAY_RANK
            if "-" in b and m.group(2).split("-", 1)[1].islower() and not syllables \
                    and not all(p in every or p not in rank for p in b.split("-")) or b.endswith("-ish"):
                continue          # "Park Ji-hoon", not "Review Follow-up"
            if text.startswith((" Day", " Day's"), m.end(2)) or _CITATION_AFTER.match(text, m.end(2)) \
                    or a in _ARTICLES or b == "new" and text.startswith(" Year", m.end(2)) \
                    or a in _GREEK_LETTERS and b in _GREEK_LETTERS:
                continue          # a day named after someone: "Jackie Robinson Day", "Harvey Milk Day"; an author;
                #                   a people's new year: "the Karen New Year"; a society: "Mu Alpha Theta"
            # (after a strong cue or before a verb that takes a person, any first word before a surname that is no
            # English word: "thanks to Blessing Okafor", "Sissy Lavergne led the session")
            # (never a verb's form at a sentence's start: "Seeing Chue's results changed my mind")
            # (never a role before a name: "Student Ohitika introduced ...")
            cued = b not in rank and a not in _NOT_SURNAME and a not in _GREETINGS and a not in _PAIR_ROLE_WORDS \
                and bool(_cue_before(_CUE_BEFORE, _CUE_LAST_WORDS, text, m.start())
                         or not _WORDLIKE_END.search(a) and _VERB_AFTER.match(text, m.end(2)))
            if (a in every or a not in rank or korean or cued) and (b in all_last or b not in rank or korean) \
                    and b not in _NOT_SURNAME and (b not in _NOT_SURNAME_PLACES or b in _SURNAME_PLACE_WORDS) \
                    and f"{a} {b}" not in _PLACE_PAIRS and a not in PRODUCT_NAMES \
                    and not _PLACE_PEOPLE_AFTER.match(text, m.end(2)) \
                    and (_cue_before(_PAIR_CUE_BEFORE, _PAIR_CUE_LAST_WORDS, text, m.start())
                         or _VERB_AFTER.match(text, m.end(2))):
                # a given name and a surname beside a cue or a verb that takes a person are a person, everyday
                # words or not: "thanks to Summer Young", "Ji-hoon Park led the walk"
                out.append((m.start(), m.end(2), "PERSON"))
                continue
            if b in _NOT_SURNAME or b in _NOT_SURNAME_PLACES or (a in PRODUCT_NAMES and b in rank):   # "Wilson Reading"
                continue
            if b not in last and rank.get(b, EVERYDAY_RANK) < EVERYDAY_RANK and mostly_surname(a):
                continue          # "Jim Collins Good to Great": a surname (a rare given name) before an everyday word
            if f"{a} {b}" in _PLACE_PAIRS or a in _STREET_TYPES_FIRST:
                continue          # "Puerto Rico", "San Antonio", "Calle Ocho": a place's words that look like a name
            if b not in last and b in english_words() and (p := _TITLED_PHRASE_AFTER.match(text, m.end(2))) \
                    and p.group(1).lower() in english_words() and p.group(1).lower() not in last:
                continue          # a thing's name in title case, a word and "of" after: "Virginia Tiered Systems of"
            # (a hyphenated surname is one when each of its parts is a surname or no English word: "Tran-Dao",
            # "Garcia-Lopez", not "Post-Training")
            # (two capitalised words that are no English words are a name too, the first a rare one at most: "Des
            # Achterberg", "Durga Pokhrel"; at a sentence's start only in an English text, not "Chúng tôi ..." in a
            # comment in another language; not a thanks, "Spas Kak Khdr", nor, with a rare word first, a title in quotes:
            # "Braiding Sweetgrass")
            if a in known or syllables or ((b in last or "-" in b and all(p in last or p not in rank for p in b.split("-")))
                              and (a in every or a not in rank
                                   or (rank[a] >= PLAIN_RANK and b not in rank))) \
                    or (rank.get(a, PLAIN_RANK) >= PLAIN_RANK and all(p not in rank for p in b.split("-"))
                        and a not in PRODUCT_NAMES and b not in PRODUCT_NAMES and a not in _GREETINGS
                        and (english() or not _sentence_start(text, m.start()))
                        and (a not in rank or not _quoted(text, m.start(), m.end(2)))) \
                    or (cued and a in all_last):   # surname first, beside a cue or a verb: "Li Xiaoming led"
                third = _NEXT_NAME.match(text, m.end(2))   # "Ana Sofia Rivera": a surname after the pair joins it
                # (never an everyday word: "Jim Collins Good to Great")
                end = third.end(1) if third and third.group(1).lower() in last \
                    and rank.get(third.group(1).lower(), EVERYDAY_RANK) >= EVERYDAY_RANK else m.end(2)
                out.append((m.start(), end, "PERSON"))
        out += [(m.start(), m.end(), "PERSON") for m in _NAME_INITIAL.finditer(text) if m.group(1).lower() in known]
    if not toks.isdisjoint(_KIN_TITLE_WORDS):
        # a name after kin said as a title, the name no English word and no place: "ask for Mama Neema", "Baba Olena
        # answers" (the kin word is no part of the name)
        # (a given name, or a word a cue or a verb says is someone's: never a dish or a song, "Baba Ganoush", "Baba
        # Yetu" (second reader, session 22))
        out += [(m.start(1), m.end(1), "PERSON") for m in _KIN_TITLE_NAME.finditer(text)
                if (w := fold(m.group(1)).lower()) not in english_words() and w not in place_names()
                and w not in PRODUCT_NAMES and w not in LANGUAGE_NAMES
                and (w in all_given_names() or _VERB_AFTER.match(text, m.end(1)) or _PERSON_VERB.match(text, m.end(1))
                     or _KIN_CUE_BEFORE.search(text, max(0, m.start() - 12), m.start()))]
    if "Everyone" in toks or "everyone" in ltoks:
        # a meeting chat's sender, as Zoom exports it: "11:15:40 From Gel Santos (Host) to Everyone: Yes!"
        out += [(m.start(1), m.end(1), "PERSON") for m in _CHAT_FROM.finditer(text)
                if m.group(1).split()[0].lower() not in _FIELD_LABELS]
    if "-" in text and (m := _INITIALS_HYPHEN_NAME.search(text)):
        # a given name and the initials of a double surname: "Yvonne C-R:", "Sharon W-I: we're parked"
        out += [(m.start(), m.end(), "PERSON") for m in _INITIALS_HYPHEN_NAME.finditer(text)
                if m.group(1).lower() in all_given_names()]
    if "Subject" in toks or "Thanks" in toks or "thanks" in ltoks:
        # a message's salutation under its subject line, "Subject: cadre release day<newline><newline>Nacho – our subs
        # fell through"; a sign-off after thanks at the very end, "Thanks! Jas" (one word, a given name or no
        # everyday word; never a greeting or a group: "Team,", "All –", "Thanks. See below")
        for m in chain(_SUBJECT_SALUTATION.finditer(text), _THANKS_SIGN_OFF.finditer(text)):
            w = fold(m.group(1)).lower()
            if w not in _GREETINGS and w not in _FIELD_LABELS and w not in _NOT_WITH_ME and w not in _PRONOUNS \
                    and w not in _ROLE_WORDS and w[:-1] not in _ROLE_WORDS \
                    and (w in given or rank.get(w, PLAIN_RANK) >= EVERYDAY_RANK):
                out.append((m.start(1), m.end(1), "PERSON"))
    if "T" in toks or "Tee" in toks:
        # a Cajun nickname, "little" before a given name: "T-Boy", "T-Jean", "Tee Jean" (not "T-shirt", "T-ball",
        # "tee ball")
        every = all_given_names()
        out += [(m.start(), m.end(), "PERSON") for m in _CAJUN_NICKNAME.finditer(text)
                if (w := m.group(1).lower()) == "boy" or w in every and w not in ("rex", "bone")]
    if not toks.isdisjoint(_SHORT_SURNAMES):
        # a surname of two letters first, then a word that is no English word: "Li Xiaoming", "Le Thi Hoa", "Vu
        # Minh" (in an English text; "Le Monde" in a French one is a newspaper)
        out += [(m.start(), m.end(), "PERSON") for m in _SHORT_SURNAME_FIRST.finditer(text)
                if all(p.lower() not in rank for p in m.group(1).split("-")) and m.group(1).lower() not in PRODUCT_NAMES
                and (english() or _VERB_AFTER.match(text, m.end()))]
    if len(ltoks & _SYLLABLES) >= 2:
        out += _syllable_names(text)
    if ("me" in ltoks or "i" in ltoks or "myself" in ltoks) and _WITH_ME_GATE.search(text):
        # the people the writer counts in with "me": "(Hope, Hafiz and me)", "me and Deshawn", "Hafiz and I"
        every = all_given_names()
        for m in _WITH_ME.finditer(text):
            group = 1 if m.group(1) else 2
            items = [(m.start(group) + i.start(), m.start(group) + i.end()) for i in _WITH_ME_ITEM.finditer(m.group(group))]
            if all(_counted_with_me(text[a:b], every, rank) for a, b in items) \
                    and not _DETERMINER_BEFORE.search(text, max(0, items[0][0] - 6), items[0][0]):   # ("My IC and I")
                out += [(a, b, "PERSON") for a, b in items]
    if "the" in ltoks and _FAMILY_PLURAL.search(text):
        # a family by its surname in the plural: "the Nguyens came", "the Okafors" of a roster (a census or a roster
        # surname, no English word, no language and no place: not "the Browns", "the Yazidis", "the Smokies")
        words, places = english_words(), place_names()
        for m in _FAMILY_PLURAL.finditer(text):
            plural = m.group(1).lower()
            stems = {plural[:-1], plural[:-2]} if plural.endswith("es") else {plural[:-1]}
            if plural not in words and not plural.endswith("ies") and all(w not in words and w not in LANGUAGE_NAMES and w not in places
                                           and w not in PRODUCT_NAMES for w in stems) \
                    and any(w in all_surnames() or w.title() in roster_last for w in stems):
                out.append((m.start(1), m.end(1), "PERSON"))
        # (and a family beside one found, in a list: "the Molbergs, the Whitworths, and ...")
        # (a neighbour found: its name starts right after this one's separator, or ends right before it)
        starts = {o[0] for o in out if o[2] == "PERSON"}
        ends = {o[1] for o in out if o[2] == "PERSON"}
        for m in _FAMILY_PLURAL.finditer(text) if starts else ():
            stem = m.group(1).lower()[:-1]
            if m.start(1) not in starts and m.group(1).lower() not in words \
                    and stem not in words and stem not in places and stem not in LANGUAGE_NAMES \
                    and ((sep := _FAMILY_LIST_SEP.match(text, m.end(1))) and sep.end() in starts
                         or any(m.start() - len(gap) in ends for gap in (", ", ", and ", " and "))):
                out.append((m.start(1), m.end(1), "PERSON"))
    if "the" in ltoks and not ltoks.isdisjoint(_HOMESTEAD_WORDS):
        # a family by its surname before its farm: "the Kue farm" (a census surname that is no English word; no place,
        # no public figure, no breed: "the Angus ranch")
        places = place_names()
        out += [(m.start(1), m.end(1), "PERSON") for m in _SURNAME_HOMESTEAD.finditer(text)
                if (w := m.group(1).lower()) not in places and w not in FAMOUS_SURNAMES and w not in _PEOPLES
                and w not in english_words()
                # (a family's place or house by a surname that is a rare word at most, or no word at all: "out past
                # the Vallejos place", "the Kabongo place"; not a food's, "the Pho place")
                and (w in all_surnames() if not m.group(2) else len(w) >= 4 and w not in PRODUCT_NAMES
                     and w not in LANGUAGE_NAMES and word_rank().get(w, PLAIN_RANK) >= PLAIN_RANK
                     # (a family's place only where homes are visited or lived in: never "the Boba place after
                     # school", "the Shawarma place" (second reader, session 22))
                     and not ltoks.isdisjoint(_HOME_VISIT_WORDS))]
    if "family" in ltoks or "household" in ltoks:
        # a family by its surname alone before "family", a rare word at most: "Home visit notes, Hobbs family:"
        # (not a people or a faith: "Latino family", "Muslim family")
        rank = word_rank()
        # (a double surname, each part one: "Ordaz-Caballero family")
        # (or a word no list holds, where homes are visited: "home visits: Xiloj family, 16512 County Road T.5")
        visits = not ltoks.isdisjoint(_HOME_VISIT_WORDS - {"family", "families"})
        out += [(m.start(1), m.end(1), "PERSON") for m in _SURNAME_FAMILY.finditer(text)
                if all((w in all_surnames() and rank.get(w, PLAIN_RANK) >= 20_000
                        or visits and w not in rank and w not in english_words() and w not in _PROGRAM_FAMILY_WORDS
                        and w not in place_names() and w not in PRODUCT_NAMES and not w.endswith(("ese", "ian", "ean")))
                       and w not in _PEOPLES and w not in LANGUAGE_NAMES for w in m.group(1).lower().split("-"))]
    if not ltoks.isdisjoint(_NAME_TITLE_WORDS):
        # titles that name someone only before a given name: a parent named after a child, as Arabic speakers
        # address them ("Um Khaled", "Abu Yusuf"; a word that is no English word too), CHamoru honorifics before an
        # elder's given name ("Si Yu'os ma'åse' Tun Vicente", "Thank you Tan Linda")
        every = all_given_names()
        for m in _NAME_TITLE.finditer(text):
            w, kunya = m.group(2).lower(), m.group(1) not in ("Tan", "Tun")
            if kunya and len(w) >= 3 and (w in every or w not in english_words()) \
                    or not kunya and w in every and w not in _NOT_SURNAME:
                out.append((m.start(), m.end(), "PERSON"))
    if not ltoks.isdisjoint(_HONORIFICS_AFTER):
        # a name and the honorific after it: "Bishnu-ji", "Rahman apa", "Tanaka-san", "Minji-ssi"
        out += [(m.start(), m.end(), "PERSON") for m in _HONORIFIC_AFTER.finditer(text)
                if m.group(1).lower() not in _NOT_SURNAME and m.group(1).lower() not in _GREETINGS]
    if not ltoks.isdisjoint(_PARTICLE_WORDS):
        # a given name and a surname with particles between: "Maria de la Garza", "Pieter van der Berg"
        out += [(m.start(), m.end(), "PERSON") for m in _PARTICLE_NAME.finditer(text)
                if m.group(1).lower() in all_given_names() and m.group(1).lower() not in _NOT_SURNAME
                and ((w := m.group(2).lower()) in all_surnames() or w not in rank)]
    if "." in text:
        people = all_surnames()
        out += [(m.start(), m.end(), "PERSON") for m in _INITIAL_NAME.finditer(text)
                if (name := m.group(1).lower()) in surnames() or name in roster_last
                # (a surname with its particles: its last word, "de la Cruz")
                or (final := name.split()[-1]) not in english_words() or final in surnames()]
    if "I'm" in text or "Im " in text or "I am" in text or "name is" in text or "his is" in text \
            or "NAME IS" in text or "HIS IS" in text:
        for m in _SELF_NAMED.finditer(text):   # "I'm Yashica Varma"; not "I am Hispanic"
            first = m.group(1).split()[0].lower()
            # (after "my name is" a capitalised word is the name, whatever else it may be: "Kenai Paul")
            if first in known or first not in rank or (m.group(0)[:2].lower() == "my" and first not in _NOT_SURNAME):
                out.append((m.start(1), m.end(1), "PERSON"))
    if "," in text or "—" in text or "–" in text or " -" in text:
        # a given name that opens a line or a chat's message, then a comma or a dash: the one written to ("Reggie — can
        # we push to 10/24?", "From Héctor to Everyone: Ray, I'll call"); a given name that is an everyday word too only
        # before words that speak to someone ("Grant, can you ..."; not "Hope, that helps", "Summer, fall")
        all_given, towns = all_given_names(), place_names()
        for m in _SALUTATION.finditer(text):
            w = m.group(1).lower()
            if w in _NOT_SURNAME or w in CALENDAR or w in _GREETINGS or w in _NOT_SALUTED or w in towns \
                    or _STATE_AFTER.match(text, m.end(1)):
                continue      # "Location: Houston, TX", "Dallas, TX was the host": a town
            # (a given name that is no everyday word, or one that is a word too only before words that speak to
            # someone: "Ray, I'll call"; never "Soon, we'll need ...", "Chat — can we get the link?")
            if w in all_given and (rank.get(w, PLAIN_RANK) >= EVERYDAY_RANK
                                   and (w in given and w not in english_words() or _ADDRESSED.match(text, m.end()))
                                   or _THANKED.match(text, m.end())) \
                    or w not in rank and w not in english_words() and len(w) >= 4 and w not in _INTERJECTIONS \
                    and w not in PRODUCT_NAMES and not re.search(r"(.)\1\1", w) \
                    and (_ADDRESSED.match(text, m.end()) or _THANKED.match(text, m.end())):
                # ("Hope — thank you for yesterday"; a name that is no word at all before words that speak to someone:
                # "Digoy - see below", "> Chidi, can you cover ...")
                out.append((m.start(1), m.end(1), "PERSON"))
    if "\t" in text:
        # a surname and an initial filling a table's cell: "Pruitt S.<TAB>Cypress Landing Elem", "Wisniewski T"
        people = all_surnames()
        out += [(m.start(1), m.end(), "PERSON") for m in _SURNAME_INITIAL_CELL.finditer(text)
                if (w := m.group(1).lower()) in roster_last or w in people and rank.get(w, EVERYDAY_RANK) >= EVERYDAY_RANK]
    if "," in text:
        people = all_surnames()
        for m in chain(_LAST_FIRST.finditer(text), _LAST_FIRST_CAPS.finditer(text) if _CAPS_PAIR.search(text) else ()):
            # (a surname no list holds, when the pair fills a table's cell or a line: "Holmquist, Anders<TAB>...";
            # two names no list holds as a chat's speaker: "Hersi, Fadumo  10:04 AM", "Attakai, Rosella: hi")
            last, first = m.group(1).lower(), m.group(2).lower()
            if text[m.start():m.start() + 1] == "," and (last in english_words() or first in english_words()):
                continue      # (after a CSV comma, no word: never "row,MATH, ELA,3")
            if " " in last:   # (a double surname: a surname among its words, none a word of a school or a place)
                words = last.split()
                if not any(w in people for w in words) or any(w in english_words() and w not in people for w in words):
                    continue
                last = next(w for w in words if w in people)
            # (two given names: one of them a given name, "Rembert, Queen Esther"; never a town and its state,
            # "BILLINGS, MONTANA", "Dayton, Nevada")
            if last not in _NOT_SURNAME and last not in _GREETINGS and first not in _STATE_NAMES and (
                    any(w in given for w in first.split())
                    and (last in people or last not in english_words() and _CELL_END.match(text, m.end(2)))
                    or last not in english_words() and first not in english_words() and _SPEAKER_END.match(text, m.end(2))
                    or last not in english_words() and _CHAT_HEADER_END.match(text, m.end(2))):
                out.append((m.start(1), m.end(2), "PERSON"))
    # most capitalised words are everyday words at a sentence's start: only given names and words that are no
    # English word are looked at closely
    maybe = (given.intersection(ltoks) | {w for w in ltoks.difference(english_words())
                                          if len(w) >= 3 and w not in _NOT_SURNAME and not _WORDLIKE_END.search(w)}
             # (a surname that is a rare word at most: "la maestra Rodríguez")
             | _rare_surnames().intersection(ltoks)
             ) - PRODUCT_NAMES - _GREETINGS   # ("Merci, cher": a thanks, whatever names it may be)
    words = {w for w in toks if w.lower() in maybe and (w.istitle() or _TITLE_CASE.fullmatch(w))} if maybe else ()
    for m in _CAP_WORD.finditer(text) if words else ():
        if m.group(0) not in words:
            continue
        s, e = m.span()
        word = text[s:e].lower()
        if _SPACE_CAP_AFTER.match(text, e) and not _LONE_INITIAL_AFTER.match(text, e) or _CITATION_AFTER.match(text, e) \
                or _CITATION_BEFORE.search(text, max(0, s - 3), s):
            continue              # the pair rules' business (not a lone initial's: "Priya K."); an author cited by year
        start = _sentence_start(text, s) and not _ABBREVIATION_BEFORE.search(text, max(0, s - 8), s)
        prev = None if start or word not in given else _SPACE_BEFORE_CAP.search(text, max(0, s - 30), s)
        # (a name of the newcomers' lists only, no US given name, inside a capitalised phrase is read as any word that
        # is no English word, by a verb or a cue: "Renée St. Germain asked")
        if word in given and (prev is None or word not in _world_only_given()):
            if prev is not None and prev.group(1).rstrip(".") not in _TITLE_WORDS \
                    and prev.group(1).lower() not in _KIN_WORDS \
                    and not (prev.group(1).istitle() and prev.group(1).lower() in _ROLE_BEFORE_NAME) \
                    and not ((prev.group(1).lower() in _NOT_SURNAME or prev.group(1).lower() in _GREETINGS)
                             and _sentence_start(text, prev.start(1))):
                continue          # inside a capitalised phrase: "Grant Park", "Lake Tyler"; not "Could Eric"
            if text.endswith(("the ", "The "), 0, s) and not _FAMILY_AFTER.match(text, e):
                continue          # "the Delta", "around the Delta": a place (the Hope family are people)
            if (_IN_PLACE_BEFORE.search(text, max(0, s - 12), s)
                    or word in place_names() and _MOVED_FROM.search(text, max(0, s - 30), s)) \
                    and not text.startswith(("'s", "’s"), e):
                continue          # "in Washington", "in Tyler", "moved from Enid": a place; "in Tyler's class" is a person
            if word in _STATE_WORDS or word in CITY_NAMES or word in _COUNTRY_NAMES:
                # "Georgia", "Savannah", "corporate America": a place unless a verb or a cue says a person
                if _PERSON_VERB.match(text, e) or _cue_before(_CUE_BEFORE, _CUE_LAST_WORDS, text, s):
                    out.append((s, e, "PERSON"))
            elif start and word in _SPANISH_WORD_NAMES and _SPANISH_FUNCTION_AFTER.match(text, e):
                continue          # "Consuelo no hay mucho", "Nada que añadir", "Luna llena": Spanish, no one
            elif not start or word in plain and english() or _VERB_AFTER.match(text, e):
                # (at a sentence's start a given name that is plainly one is a name in an English text only: "Leo
                # dignissim" in placeholder Latin, "Chúng tôi" in Vietnamese are not)
                out.append((s, e, "PERSON"))
        elif (_VERB_AFTER.match(text, e) or _cue_before(_CUE_BEFORE, _CUE_LAST_WORDS, text, s)
              or text[s - 1:s] == " " and _GROUP_BEFORE.search(text, max(0, s - 16), s)
              or text[s - 1:s] in "(: " and _GROUP_OPEN_BEFORE.search(text, max(0, s - 16), s)
              and _COMMA_NAME_AFTER.match(text, e)) \
                and not (_AT_PLACE_BEFORE.search(text, max(0, s - 8), s) and word in place_names()):
            out.append((s, e, "PERSON"))   # (not a town where a place is said: "in Lancaster joined us")
    everyday = _everyday_names().intersection(ltoks)
    for m in _CAP_WORD.finditer(text) if everyday else ():
        # a common given name that is an everyday word too, capitalised in mid-sentence after a strong cue: "thanks to
        # Destiny", "talked w/ Grace about her schedule" (not a capitalised phrase: "thanks to Grant Park")
        s, e = m.span()
        if m.group(0).istitle() and m.group(0).lower() in everyday and not _sentence_start(text, s) \
                and not _SPACE_CAP_AFTER.match(text, e) and not _EVENT_NOUN_AFTER.match(text, e) \
                and (_cue_before(_NAME_CUE_BEFORE, _NAME_CUE_LAST_WORDS, text, s)
                     # (or thanked by name, the name then set off: "Thx Summer — Deepa will come", "Thanks Hope!")
                     or _THANKS_BEFORE.search(text, max(0, s - 12), s) and _SET_OFF_AFTER.match(text, e)):
            out.append((s, e, "PERSON"))
    hits = plain.intersection(toks)  # words typed in lower case that are plainly given names
    if hits:
        last = all_surnames()
        for m in _LOWER_WORD.finditer(text):
            if m.group(0) not in hits or m.group(0) in _GREETINGS:
                continue          # (a thanks that is a given name too: "Gracias, merci, obrigadu")
            s, e = m.span()
            nxt = _SPACE_WORD_AFTER.match(text, e)
            cue = _cue_before(_CUE_BEFORE, _CUE_LAST_WORDS, text, s)
            if m.group(0) in _SPANISH_WORD_NAMES and not cue:
                continue          # "la soledad del director", "no hay consuelo": a word of Spanish, not Soledad
            # a surname that is also an everyday word ("hayley miles") only after a cue: "hye jin led the walk"
            # (or before a verb that takes a person: "billy fox said")
            if nxt and (nxt.group(1) in last or _foreign_surname(text, s, nxt, rank, ltoks)) \
                    and nxt.group(1) not in _NOT_SURNAME and nxt.group(1) not in _SPANISH_ARTICLES \
                    and (cue or rank.get(nxt.group(1), EVERYDAY_RANK) >= EVERYDAY_RANK
                         or _VERB_AFTER.match(text, nxt.end(1))):
                out.append((s, nxt.end(1), "PERSON"))
            elif cue or _cue_before(_ANY_CUE_BEFORE, _ANY_CUE_LAST_WORDS, text, s) \
                    and not _INFINITIVE_TO_BEFORE.search(text, max(0, s - 24), s) \
                    or _LOWER_GREETED.search(text, max(0, s - 8), s) \
                    or _VERB_AFTER.match(text, e) and english() \
                    and not _LOWER_ARTICLE_BEFORE.search(text, max(0, s - 6), s):   # (an English verb, in an English text;
                out.append((s, e, "PERSON"))                                    # never after an article: "The dal was")
    if "you" in ltoks and "," in text:
        # a name called at a sentence's start, "you" after it: "Quino, you made the kids feel like experts" (a given
        # name or no English word; never "Honestly, you ...")
        out += [(m.start(1), m.end(1), "PERSON") for m in _CALLED_NAME.finditer(text)
                if (w := m.group(1).lower()) not in _NOT_SURNAME and w not in _GREETINGS and w.title() not in _TITLE_WORDS
                and w not in _INTERJECTIONS and w not in _CALLED_NOT_NAMES
                and (w in given or w not in rank and w not in english_words() and w not in place_names()
                     and not re.search(r"(.)\1", w))]   # (never "Sheesh", "Ahh": second reader, session 25)
    if not ltoks.isdisjoint(_APPOSED_WORDS) and "," in text:
        # a name set off by commas after a kin's or a role's word: "My father, Gul Agha, is sick", "a student, roshan
        # bista, asked" (each word a given name or no everyday word; in lower case, no English word or a given name)
        for m in _APPOSED_NAME.finditer(text):
            ws = [w.lower() for w in m.group(2).split()]
            # (a name's words: each a given name, a surname or no common word, and no Spanish word that is no given
            # name; never "muy molesta", "Kindergarten", "Spanish-speaking": second reader, session 25)
            family_names = all_surnames()
            named = not m.group(2).isupper() and all(
                w not in _NOT_SURNAME and w.title() not in _TITLE_WORDS and w not in LANGUAGE_NAMES and w not in _PEOPLES
                and "-speaking" not in w and (w in given or w in family_names or w not in spanish_words())
                and (w in given or w in family_names or rank.get(w, PLAIN_RANK) >= PLAIN_RANK) for w in ws)
            if named:
                out.append((m.start(2), m.end(2), "PERSON"))
    if ":" in text:
        # a chat export's handle before its time, "tyra.holcomb 3:42 PM"; a form's answer after a label that asks for a
        # person, "Most helpful person: Hser" (a given name or no word; the handle's two parts, no word at all or names)
        out += [(m.start(1), m.end(1), "PERSON") for m in _HANDLE_BEFORE_TIME.finditer(text)
                if any(w in given or w in all_surnames() or w not in english_words() for w in re.split(r"[._]", m.group(1)))]
        out += [(m.start(1), m.end(1), "PERSON") for m in _PERSON_LABEL_ANSWER.finditer(text)
                if all(w.lower() in given or w.lower() not in english_words() and w.lower() not in place_names()
                       for w in m.group(1).split())]
    if not ltoks.isdisjoint(_LETTER_TITLES):
        # a teacher the children call by a title and a letter: "Ms. K says", "ms k says", "Coach G" (never a school's
        # grade span, "MS K-8", nor a title before an initial and a surname, "Ms. K. Lopez", found whole elsewhere)
        out += [(m.start(), m.end(), "PERSON") for m in _TITLED_LETTER.finditer(text)]
    if "families" in ltoks and " and " in text:
        # families named together by their surnames: "the Pillco, Tenesaca and Sumo families" (never a people's, a
        # language's, a place's or an everyday word's: "the Somali, Oromo and Karen families", "the Black families")
        for m in _FAMILIES_TOGETHER.finditer(text):
            for w in re.finditer(_NAME_WORD, text[m.start(1):m.end(1)]):
                word = w.group(0).lower()
                bare = re.sub(r"['’ʻ-]", "", word)   # ("K'iche'" is the kiche of the peoples' words)
                if word in ("and",) or word in _PEOPLES or word in LANGUAGE_NAMES or word in place_names() \
                        or word in _PROGRAM_FAMILY_WORDS \
                        or bare in _LOWER_GROUP_WORDS or bare in LANGUAGE_NAMES or bare in _PEOPLES \
                        or word.endswith(("ese", "ian", "ean", "ish", "ic")) or word in _PEOPLES_WORDS \
                        or rank.get(word, PLAIN_RANK) < EVERYDAY_RANK:
                    continue
                out.append((m.start(1) + w.start(), m.start(1) + w.end(), "PERSON"))
    if "jr" in ltoks:
        # a name in lower case by its generation after it, a given name or no word: "dajuan jr is reading at a 1st
        # grade level" (never "the jr varsity")
        out += [(m.start(), m.end(), "PERSON") for m in _LOWER_JUNIOR.finditer(text)
                if m.group(1) in plain or m.group(1) not in rank and m.group(1) not in english_words()
                and re.search(r"[aeiouy]", m.group(1)) and m.group(1) not in ("mlk", "jfk")]   # (never "mlk jr day")
    if "-" in text or "–" in text or "—" in text or "~" in text:
        # a given name in lower case signing a message off after a dash: "start without me. - evelyn", "thx!! -marisol"
        # (with its initial, or its surname: a surname of the lists or no English word, never "- kyle here"; and the
        # body signed with, in lower case too: "-darla mcreynolds, allen springs county")
        all_last = all_surnames()
        for m in _DASH_SIGN_OFF.finditer(text):
            if m.group(1) not in plain or m.group(1) in ("ty", "thx", "tx", "np", "ok", "lol"):
                continue          # ("thanks for the slides - ty")
            w = m.group(2).strip(" \t.")
            out.append((m.start(1), m.end(2) if len(w) <= 1 or w in all_last or w not in rank else m.end(1), "PERSON"))
            if m.group(3) and _LOWER_BODY_END.search(m.group(3)):
                out.append((m.start(3), m.end(3), "SCHOOL"))
    if "'" in text or "’" in text or "-" in text:
        # a given name joined by an apostrophe or a hyphen, alone, with a strong cue or a verb that takes a person:
        # "thanks to Ja'Marcus", "Marie-Ange led" (not "the Lincoln-Douglas debate", "Orton-Gillingham materials")
        every = all_given_names()
        for m in _JOINED_NAME.finditer(text):
            s, e = m.span()
            # (an apostrophe before a capital after a prefix of two letters is a given name's own shape, alone too:
            # "Ja'Kobe", "De'Andre"; never a word, a place or a product; "O'Hare", "D'Iberville" need a cue)
            low_word = m.group(0).lower().replace("’", "'")
            # (and the Rhade "H'" of a woman's name: "H'Mai")
            shaped = "-" not in m.group(0) and (m.group(0)[2:3] in "'’" or m.group(0)[:2] in ("H'", "H’")) \
                and low_word not in english_words() and low_word not in place_names() \
                and low_word not in PRODUCT_NAMES
            parts = [p.lower() for p in re.split(r"['’-]", m.group(0)) if len(p) > 2]
            if not shaped and (not parts or parts[-1] not in every and parts[-1] in rank
                               or text.startswith(("'", "’"), e)):
                continue          # (a possessive after the name only with the shape's own: "O'Neil's plan")
            if shaped or _VERB_AFTER.match(text, e) or _cue_before(_CUE_BEFORE, _CUE_LAST_WORDS, text, s):
                out.append((s, e, "PERSON"))
    if ", " in text and (m := _CAPS_SURNAME_GIVEN.search(text)):
        # a list's "SURNAME, Given" as a records system prints it: "(names as in file): BIZIMANA, Gloire, grade 3;
        # HALILOVIC, Emina, grade 5; LAFLAMME, Jordan" (the surname no everyday word nor an acronym; the given name a
        # given name or no English word)
        # (an unknown surname long enough not to be an acronym, and never a product's: "Tools: IXL, Lexia", "FERPA,
        # Edgenuity", "PEARSON, Savvas" (second reader, session 23))
        last, every = surnames(), all_given_names()
        out += [(m.start(1), m.end(2), "PERSON") for m in _CAPS_SURNAME_GIVEN.finditer(text)
                if (w := m.group(1).lower()) not in _SCHOOL_ACRONYMS and m.group(1) not in _ROLE_ACRONYMS
                and (w in last or w not in rank and _surname_shaped(w)) and w not in _NOT_SURNAME
                and ((g := m.group(2).lower()) in every or g in given or g not in rank)
                and w not in PRODUCT_NAMES and g not in PRODUCT_NAMES]
    if not toks.isdisjoint(_CAPS_COURTESY):
        # a courtesy title in capitals without its stop, before a surname in capitals: "(MRS SANTIAGO, MS GHIMIRE, MR
        # SUBEDI)" (a surname that is no everyday word; never "MS MATH", "DR VISIT")
        # (a surname of the census's, or an unknown word long enough not to be a club's letters: never "MS TESOL",
        # "MS JROTC", "MS NJHS", nor a company's name, "DR HORTON HOMES" (second reader, session 23))
        last = surnames()
        out += [(m.start(), m.end(), "PERSON") for m in _CAPS_TITLE_NAME.finditer(text)
                if (w := m.group(1).lower()) not in _NOT_SURNAME and w not in PRODUCT_NAMES
                and m.group(1) not in _ROLE_ACRONYMS and w not in _SCHOOL_ACRONYMS and w not in ("stem", "steam")
                and (w in last or w not in rank and _surname_shaped(w))
                and not _COMPANY_WORD_AFTER.match(text, m.end())]
    out += _names_by_layout(text, ltoks, roster_last, given, rank)
    if ", " in text:
        out += _surname_runs(text, rank, roster_last)
    if ":" in text and ('"' in text or "“" in text):
        # the speakers of an interview's quoted answers, two at least: 'Chiamaka: "I can solve it ..." Hiếu: "Math
        # in Vietnam ..."' (one label before one quote is a label: 'Pregunta: "..."', 'Exit Ticket: "..."')
        places = place_names()
        speakers = [(m.start(1), m.end(1), "PERSON") for m in _QUOTED_SPEAKER.finditer(text)
                    if (w := fold(m.group(1)).lower()) not in places and w not in _GREETINGS and w not in _NOT_SURNAME
                    and (w not in rank and w not in english_words() or w in given and rank.get(w, PLAIN_RANK) >= EVERYDAY_RANK)]
        out += speakers if len(speakers) >= 2 else []
    out = _join_neighbours(text, out, given, rank)
    if not text.isascii() and _OTHER_RUN.search(text):
        runs = list(_OTHER_RUN.finditer(text))
        if sum(m.end() - m.start() for m in runs) * 2 < len(text):   # a comment in another script is not a name
            # (a thanks in the other script is no one: "Дякую, Олександр!")
            # ("Дякую за все" too, but not the name after it: "Дякую Олександр")
            # (a greeting's letters as folding leaves them too: "नमस्ते" loses its vowel signs)
            out += [(m.start(), m.end(), "PERSON") for m in runs
                    if not ((unicodedata.normalize("NFC", m.group(0).split()[0]).lower() in _GREETINGS   # (Hangul whole)
                             or m.group(0).split()[0].lower() in _FOLDED_GREETINGS)
                            and not any(w[0].isupper() for w in m.group(0).split()[1:]))]
    return out


def _foreign_surname(text: str, start: int, nxt: re.Match[str], rank: Mapping[str, int], ltoks: set[str]) -> bool:
    """Whether the lower-case word ``nxt`` after a given name (at ``start``) is a surname no list holds ("sam
    oduya"): no English word, in an English text, with everyday English words around the pair (not a phrase in
    another language: "... cho nhom cua chung toi")."""
    word = nxt.group(1)
    if word in rank or len(word) < 3 or not _english(ltoks):
        return False
    after = _SPACE_WORD_AFTER.match(text, nxt.end(1))
    before = _LOWER_PREV_WORD.search(text, max(0, start - 20), start)
    return (after is None or rank.get(after.group(1), PLAIN_RANK) < EVERYDAY_RANK) \
        and (before is None or rank.get(before.group(1), PLAIN_RANK) < EVERYDAY_RANK)


@lru_cache(maxsize=64)
def _dotted_gate(initials: frozenset[str]) -> re.Pattern[str]:
    """A quick test for ``initials`` written with stops ("D.R.", "D. R.")."""
    return re.compile("|".join(rf"{re.escape(i[0])}\. ?{re.escape(i[1])}" for i in sorted(initials)))


def _person_initials(full: str) -> str:
    """A full name's initials in capitals: "Dana Reyes" gives "DR", "Marisol Santiago Ortiz" "MSO"."""
    return "".join(w[0] for w in full.replace("-", " ").split() if w[:1].isalpha()).upper()


# a roster person's initials written bare may be a title's or a degree's letters elsewhere ("DR", "JD"), but not
# beside a verb or a cue, as a chat's speaker or as a sign-off
_TITLE_INITIALS = frozenset("DR JR SR JD MD ED".split())
_BARE_NOT_INITIALS = _NOT_INITIALS - _TITLE_INITIALS
_SPEAKER_AFTER = re.compile(r"[ \t]*:[ \t]")
_SIGN_OFF_BEFORE = re.compile(r"(?:^|\n|(?<![\w-])[-–—~]{1,2})[ \t>]*$")
# the kind at the end of a body's name in lower case, signed with after a name: "allen springs county"
_LOWER_BODY_END = re.compile(r"[ ](?:county|schools|district|isd|usd|csd|sd|independent|unified|academy|elementary"
                             r"|middle|high|prep)$")
# a dash that signs a message off after its last sentence or at a line's start, a name in lower case, the line's end
_DASH_SIGN_OFF = re.compile(r"(?:(?:^|(?<=\n)|(?<=[.!?,)])[ \t]*)[-–—~]{1,2}[ \t]*|(?<=\S)[ \t]+[-–—~]{1,2}[ \t]+)"
                            r"([a-z]{2,15})((?:[ \t]+[a-z]\.?|[ \t]+[a-z]{2,20})?)"
                            # (with its initial, "- kyle v", or its surname, and the writer's district or school after
                            # a comma: "-darla mcreynolds, allen springs county")
                            r"(?:,[ \t]*([a-z][a-z .'-]{2,40}?))?[ \t.!]*(?=\n|$)")
# a line's start, with a chat's time stamp: "[10:02] ", "10:02 AM "
_SPEAKER_BEFORE = re.compile(rf"(?:^|\n)[ \t>]*(?:{_STAMP}|\d{{1,2}}:\d\d(?:[ \t]*[AaPp]\.?[Mm]\.?)?[ \t]+)?$")
_ARTICLE_BEFORE = re.compile(r"\b(?:the|a|an|this|that|its)[ \t]+$", re.I)   # "the AC has been broken": a thing


# a noun after capital letters that makes them a program's or a group's initials: "our EL students", "the SL team"
_PROGRAM_NOUN_AFTER = re.compile(r"[ \t]+(?:students|learners|kids|families|parents|teachers?|coordinators?"
                                 r"|schools?|districts?|campus(?:es)?|educators?|leaders?|principals?|law|rules?"
                                 r"|specialists?|team|programs?|class(?:es)?|services|department|data|staff|office)\b", re.I)


# a number after capital letters makes them a road's: "FM 2528", "CR 7300"
_ROAD_NUMBER_AFTER = re.compile(r"[ \t]+\d{1,5}\b")
_ROAD_LETTERS = frozenset("FM RM CR SR US SH IH RR HC LR PR TR".split())   # (a road's letters; not "DR 3 times")


def _roster_initials(text: str, bare: Iterable[str], dotted: Iterable[str]) -> list[tuple[int, int, str]]:
    """A roster person's initials: with full stops ("D.R." for Dana Reyes; ``dotted``: those that might be a title's
    or a degree's letters, the others are anyone's, :func:`_names_by_layout`), or ``bare`` ("DR") after a cue
    ("thanks to DR"), before a verb that takes a person ("DR led the session"), as a chat's speaker ("DR: agreed") or
    a sign-off ("— DR"). Letters that are a role's, a place's or a time's ("AP", "US", "PM") are left alone."""
    out = []
    if dotted:
        out += [(m.start(), m.end(), "PERSON") for m in _DOTTED_INITIALS.finditer(text)
                if m.group(0).replace(".", "").replace(" ", "") in dotted]
    for m in _INITIALS.finditer(text) if bare else ():
        s, e = m.span()
        if m.group(0) in bare and not _ARTICLE_BEFORE.search(text, max(0, s - 6), s) \
                and not _PROGRAM_NOUN_AFTER.match(text, e) \
                and not (m.group(0) in _ROAD_LETTERS and _ROAD_NUMBER_AFTER.match(text, e)) \
                and (_VERB_AFTER.match(text, e) or _cue_before(_ANY_CUE_BEFORE, _ANY_CUE_LAST_WORDS, text, s)
                                   or _SPEAKER_AFTER.match(text, e) and _SPEAKER_BEFORE.search(text, max(0, s - 32), s)
                                   or not text[e:].strip(" \t.!") and _SIGN_OFF_BEFORE.search(text, max(0, s - 8), s)):
            out.append((s, e, "PERSON"))
    return out


def _names_by_layout(text: str, ltoks: set[str], roster_last: frozenset[str], given: frozenset[str],
                     rank: Mapping[str, int]) -> list[tuple[int, int, str]]:
    """Names by where they stand in a pasted layout rather than by the words around them: initials in an attendance
    list or with full stops, the speakers of a chat, "The Delgado family", a form's or an e-mail header's name
    field."""
    out: list[tuple[int, int, str]] = []
    if ":" in text and not _ATTENDANCE_WORDS.isdisjoint(ltoks) and _ATTENDANCE.search(text):
        # initials in an attendance list: "present: LO, WH, LN, DR" (not roles or subjects: "AP, ELA")
        for m in _ATTENDANCE.finditer(text):
            out += [(i.start(), i.end(), "PERSON") for i in _INITIALS.finditer(text, m.start(1), m.end(1))
                    if i.group(0) not in _ROLE_ACRONYMS]
    if "." in text:
        # initials with full stops, as notes write a student or a colleague: "T.J. (grade 5)", "per K.B." (not "U.S.")
        # ("J.R." is someone's: a junior is "Jr.")
        out += [(m.start(), m.end(), "PERSON") for m in _DOTTED_INITIALS.finditer(text)
                if m.group(0).replace(".", "").replace(" ", "") not in _NOT_INITIALS or m.group(0) == "J.R."]
        # in lower case only as a list of two or more: "k.k., s.t. and n.k. from KHIS"
        lower = [m for m in _LOWER_DOTTED.finditer(text) if m.group(0).replace(".", "") not in _NOT_LOWER_INITIALS] \
            if _LOWER_DOTTED_GATE.search(text) else []
        out += [(m.start(), m.end(), "PERSON") for m in lower] if len(lower) >= 2 else []
    if "/" in text and (run := _INITIALS_RUN.search(text)):
        # initials listed with slashes before a verb of people, three at least: "RT / JSN / FQ were the Guam
        # facilitators" (never programs' letters: "ELA / SEL / PBIS were the themes")
        letters = [(m.start() + run.start(), m.end() + run.start()) for m in re.finditer(r"[A-Z]{2,3}", run.group(1))]
        if not any(text[a:b] in _NOT_INITIALS or text[a:b] in _PROGRAM_INITIALS
                   or text[a:b].lower() in _SCHOOL_ACRONYMS for a, b in letters):
            out += [(a, b, "PERSON") for a, b in letters]
    if _INITIALS_VERB.search(text):
        # two initials before a verb that takes a person: "JP led the grade-level team" (not "HR said", "AP asked")
        # (never the end of a capitalised phrase: "Tamber Ridge CS met")
        out += [(m.start(), m.end(), "PERSON") for m in _INITIALS_VERB.finditer(text) if m.group(0) not in _NOT_INITIALS
                and not _SPACE_BEFORE_CAP.search(text, max(0, m.start() - 30), m.start())]
    if text.count(":") >= 2:
        # the speakers of a pasted chat or transcript, two lines or more: "Deborah Costa: I think so", "Ivy T-N: yes"
        every = all_given_names()
        labels = list(_SPEAKER.finditer(text))
        first = {m: re.split(r"[ \t.]", m.group(1))[0].lower() for m in labels}   # ("hunter" of "hunter.lindqvist")
        speakers = [m for m in labels if first[m] in every]
        chat = [m for m in labels if m in speakers or first[m] not in _FIELD_LABELS]
        # (or a chat whose lines carry their times, two speakers at least: "[11:20] Jef: yes")
        stamped = [m for m in chat if _TIME_LED.match(m.group(0))]
        if len(speakers) >= 2 or speakers and len(chat) >= 3 or len(stamped) >= 2:
            # (in a chat that names have opened, every speaker's label is a name, those no list holds too: "Quino: it
            # went to spam", "[08:45] Buck: my fault"; not a field's label: "Agenda:", "Note:")
            out += [(m.start(1), m.end(1), "PERSON") for m in chat
                    if m.group(1).lower() not in _PRONOUNS and m.group(1).lower() not in ("me", "i", "yo")]   # ("Me: ok")
        # (a text message's one sender after its time and a dash: "sms 4:52 PM — Quita: need the interpreter"; a given
        # name or no English word, never a field's label: "10:00 — Agenda:", "9:15 – Breakout:")
        out += [(m.start(1), m.end(1), "PERSON") for m in _SENDER_AFTER_TIME.finditer(text)
                if (w := m.group(1).lower()) not in _FIELD_LABELS and w not in PRODUCT_NAMES and w not in place_names()
                and (w in all_given_names() or w not in rank) and w not in CALENDAR and w not in _HOLIDAYS]
    if ":" in text and "\n" in text and _BULLET_LABEL.search(text):
        # bulleted notes keyed by people: a given name, and beside one a word that is no English word, no product and
        # no place ("• Migdy: asks for a shared letter" under "• Sunita: ..."; not "• Transportation:", "• Zearn:",
        # nor acronyms in title case where no name keys a note: "• Esser: spent", "• Ferpa: reviewed")
        every = all_given_names()
        labels = [m for m in _BULLET_LABEL.finditer(text) if (w := m.group(1).lower()) not in _FIELD_LABELS
                  and w not in PRODUCT_NAMES and w not in place_names() and w not in LANGUAGE_NAMES]
        if any(m.group(1).lower() in every and m.group(1).lower() not in CALENDAR for m in labels):
            out += [(m.start(1), m.end(1), "PERSON") for m in labels
                    if m.group(1).lower() in every and m.group(1).lower() not in CALENDAR or m.group(1).lower() not in rank]
    if "by" in ltoks and ("motion" in ltoks or "moved" in ltoks):
        # who moved and who seconded, by name: "Motion by Seminole, second by Little Bird, to approve" (one to three
        # capitalised words each; never a kind of body: "second by the board")
        out += [(m.start(g), m.end(g), "PERSON") for m in _MOTION_BY.finditer(text) for g in (1, 2)
                if m.group(g) and m.group(g).split()[0].lower() not in _NOT_SCHOOL_NAME]
    if ", " in text and len(counted := list(_COUNTED_NAME.finditer(text))) >= 2:
        # a count by each family's surname: "Fuentes x3, Stanikzai x2, Moua x4, Wardak x1" (two at least; a surname,
        # a given name or no word, never an everyday word: "Packets x3, Binders x2")
        named = [(m.start(1), m.end(1), "PERSON") for m in counted
                 if ((w := fold(m.group(1)).lower()) in all_surnames() or w in given or rank.get(w, PLAIN_RANK) >= PLAIN_RANK)
                 and rank.get(w, PLAIN_RANK) >= EVERYDAY_RANK and rank.get(w.rstrip("s"), PLAIN_RANK) >= EVERYDAY_RANK]
        out += named if len(named) >= 2 else []
    if "/" in text and _MOTION_WORDS.search(text):
        # who moved and who seconded, as minutes write them: "Motion to approve the calendar: Nanuq/Kasayuli, carried"
        out += [(m.start(g), m.end(g), "PERSON") for m in _MOTION.finditer(text) for g in (1, 2)
                if _names_someone(m.group(1)) and _names_someone(m.group(2))]
    if ("family" in ltoks or "families" in ltoks) and "(" in text:
        # families named in brackets: "Two families (Hoang and Kravets) asked to join", "One family (Hoang)"
        for m in _FAMILIES_NAMED.finditer(text):
            parts = [(p.start(), p.end()) for p in re.finditer(r"[^\s,&]+", m.group(1)) if p.group(0) != "and"]
            if parts and all(_names_someone(m.group(1)[a:b]) for a, b in parts) \
                    and not _LIST_PARTS.sub("", "".join(f"{m.group(1)[b:c]}" for (_, b), (c, _) in zip(parts, parts[1:]))):
                out += [(m.start(1) + a, m.start(1) + b, "PERSON") for a, b in parts]
    if not ltoks.isdisjoint(_FAMILY_WORDS):
        # "The Delgado family", "the Nguyen twins": a surname (no everyday word) before a word of family; before
        # "kids" or "children" only a roster surname or a word that is no English word ("the Jibrik kids"; not "the
        # Lincoln kids", a school's)
        people, places = all_surnames(), place_names()
        for m in _FAMILY_NAME.finditer(text):
            w = m.group(1).lower()
            # (never a people's farm: "the Hutterite farm", "the Amish kids")
            if (w in people and rank.get(w, EVERYDAY_RANK) >= EVERYDAY_RANK and not m.group(2)) or w in roster_last \
                    or w not in rank and not (m.group(2) and (w in _PEOPLES or w in LANGUAGE_NAMES or w in places
                                                              or w in PRODUCT_NAMES or w in english_words()
                                                              or w.endswith(("ite", "ese", "ian", "ish", "tun"))
                                                              or w not in people and _compound(w, rank)
                                                              or m.group(1)[1:] != m.group(1)[1:].lower())):
                out.append((m.start(1), m.end(1), "PERSON"))
        # (in lower case, a surname of no English word, no place and no people's or language's name: "the ghebreyesus
        # family", "the ghebreyesus and weldu families"; never "the spanish families", "the karen families")
        for m in _LOWER_FAMILY.finditer(text):
            for g in (1, 2):
                w = m.group(g)
                if w and all(p not in rank and p not in places and p not in _PEOPLES and p not in LANGUAGE_NAMES
                             and p not in spanish_words() and not p.endswith(("ese", "ian", "ish", "school", "schooler"))
                             and p not in _LOWER_GROUP_WORDS for p in w.split("-")):
                    out.append((m.start(g), m.end(g), "PERSON"))
    if "\n" in text and _CLOSING.search(text):
        # the name under a letter's closing, on its own line: "Thanks,<newline>Jimmy Hummingbird<newline>Principal"
        for m in _CLOSING.finditer(text):
            words = m.group(1).lower().split()
            if words[0] in all_given_names() or words[0] not in rank:
                out.append((m.start(1), m.end(1), "PERSON"))
    if ":" in text and _ADDRESSEES.search(text):
        # the people an e-mail went to: "To: Harold Deacon", "Cc: Bo Tankersley; Gail Strother"
        for m in _ADDRESSEES.finditer(text):
            start = m.start(1)
            for piece in m.group(1).split(";" if ";" in m.group(1) else ","):
                who = _ADDRESSEE.fullmatch(piece)
                words = who.group(1).lower().split() if who else ()
                if 2 <= len(words) <= 4 and _GROUP_WORDS.isdisjoint(words) \
                        and any(w in all_given_names() or w not in rank for w in words):
                    out.append((start + who.start(1), start + who.end(1), "PERSON"))
                start += len(piece) + 1
    if "\"" in text or "”" in text:
        for m in _QUOTE_AUTHOR.finditer(text):
            # the author after a quoted answer: '"Mental health, ours and theirs." — Dee' (not "— Anonymous", "— Parent")
            # (a given name first, never a famous name or a framework's author: "— Obama", "— Hattie", "— Plato")
            words = [w for w in m.group(1).split() if not w.endswith(".")]
            # (or a word of no list at all, where a grade or a role follows: '— Sumaya, 11th', '— Yordanos (parent)')
            if (words[0].lower() in all_given_names()
                    or _AUTHOR_WHO_AFTER.match(text, m.end(1))
                    and all((f := fold(w).lower()) not in rank and f not in place_names() and f not in english_words()
                            and f not in LANGUAGE_NAMES and f not in _PEOPLES
                            and not f.endswith(("gartner", "gartener", "grader")) for w in words)) \
                    and words[0].lower() not in PRODUCT_NAMES \
                    and not any(w.lower() in FAMOUS_SURNAMES or w.lower() in _PAIR_ROLE_WORDS or w.lower() in _FIELD_LABELS
                                or w.lower() in _NOT_SURNAME for w in words) \
                    and all(_listed_word(w.lower(), all_given_names(), rank, all_surnames()) for w in words):
                out.append((m.start(1), m.end(1), "PERSON"))
    if ":" in text:
        # a form's or an e-mail's field for a person: "Name (optional): lupita s.", "From: Deborah Costa <...>"
        last = surnames()
        for m in _COPY_LINE.finditer(text):
            # an e-mail's copy line holds people: "cc: Farida, Jun, and Olu" (not "cc: PD team, principals")
            every, last = all_given_names(), all_surnames()
            for item in _COPY_ITEM.finditer(text, m.start(1), m.end(1)):
                start = item.start() + (4 if item.group(0).startswith("and ") else 0)   # (", and Olu")
                words = text[start:item.end()].split()
                # (a name of one word a given name or no word at all: never "cc: Board, Cabinet", "Music, Art")
                if 1 <= len(words) <= 3 and all(w[:1].isupper() and w[1:2].islower() for w in words) \
                        and all(_listed_word(w.lower(), every, rank, last) for w in words) \
                        and (len(words) >= 2 or words[0].lower() in given_names() or words[0].lower() not in english_words()):
                    out.append((start, item.end(), "PERSON"))
        for m in _LABELLED_NAME.finditer(text):
            letters = m.group(1).replace(".", "").replace(" ", "")
            if m.group(1).isupper() and len(letters) <= 4:
                # (initials in capitals, a reviewer's: "Reviewer: KM"; never an acronym, "TBD", "AP")
                if len(letters) >= 2 and letters not in _NOT_INITIALS:
                    out.append((m.start(1), m.end(1), "PERSON"))
                continue
            words = m.group(1).lower().replace(".", " ").split()
            typed = m.group(1).replace(".", " ").split()
            label = " ".join(m.group(0).split(":")[0].split("(")[0].strip(" \t>").lower().split())
            if label.rsplit(None, 1)[-1] in _RECORD_LABELS \
                    and not (all(w[:1].isupper() and not w.isupper() or len(w) == 1 for w in typed)
                             and (len(typed) >= 2 or words[0] in given)):
                continue      # (a record's label takes a name as names are written: never "Student: Newcomer (gr 3)")
            if len(words) == 1 and words[0] in _FIELD_PLACEHOLDERS:
                continue      # ("Owner: TBD", "Contact: none"; never a short name, "Coach: Ed", "Name: Mo")
            # (a given name that is an everyday word too, or a surname, alone after a label that takes one person:
            # "Owner: Faith. Due Friday.", "Point person: Faith"; never after "Notes:", "Notes: Will follow up")
            person_label = any(label == w or label.endswith(" " + w) for w in _PERSON_LABELS)
            if not (len(words) <= 4 and any(w in given or w in last or (len(w) >= 3 and w not in rank) for w in words)
                    or len(words) == 1 and person_label
                    and (words[0] in all_given_names() or words[0] in all_surnames()) and words[0] not in CALENDAR):
                continue
            if not any(w in _NOT_SURNAME or w in _GREETINGS for w in words):
                # (the sentence's stop after a name is not the name's: "Submitted by: Maggie Lind."; an initial's is)
                end = m.end(1) - (text[m.end(1) - 1] == "." and text[m.end(1) - 3:m.end(1) - 1].isalpha())
                out.append((m.start(1), end, "PERSON"))
    return out


# school words after a school's name ("New Dawn Charter", "Pacific Heights MS", "bayshore stem"); "the" before
# the kind of school its staff name it by ("the ELC", "the Alt")
# a school's kinds that name nothing else, abbreviated with their stops too ("Acad.", "Sch.", "H.S."): after a public
# figure's name they make it the school ("Cesar Chavez H.S."; not "Cesar Chavez Day"), and they join a school's name
# with the rest of :data:`_SCHOOL_TAIL`
_SCHOOL_KINDS = (r"H\.S\.|M\.S\.|E\.S\.|HS|MS|ES|Elem\.?|Elementary|Middle|High|Academy|Acad\.?|Sch\.?|School|K-8|Charter"
                 r"|Prep")
_SCHOOL_KIND_AFTER = re.compile(rf"[ \t]+(?:{_SCHOOL_KINDS})(?![\w-])")
# (a city system's school number after its name, with the kind's letters or without: "Highland Crest #237",
# "Canton Harbor E/M #229"; never a ranking's "#1 priority")
_SCHOOL_NUMBER_SIGN = re.compile(r"(?:[ \t]+(?:E/M|E/MS|EMS|El/Mid|Elem/Middle|Elementary/Middle))?[ \t]+#\d{1,4}(?![\w#])"
                                 r"(?![ \t]+(?:priority|goal|reason|rank|issue|concern|thing|on[ ]the|in[ ]the|in[ ]our)\b)")
# (a span that ends in an abbreviated kind takes its stop: "Pine Ridge K-8 Acad.")
_ABBREVIATED_KIND = re.compile(r"[ \t](?:Acad|Sch|Elem|El|Int|Inst|Ctr|Jr|Sr)$")
_SCHOOL_TAIL = re.compile(rf"(?:[ \t]+(?:Middle-High|{_SCHOOL_KINDS}|MHS|MH|JSHS|JHS|SHS|(?-i:Co|CO)\.?"
                          r"|K-?8|K-12|Magnet|STEM|Alternative|Jr\.?/Sr\.?|Junior-Senior|Jr\.?|Sr\.?|Junior"
                          r"|Senior|Village|Day|Community|Public|Schools|District|CS|PS|SD|UFSD|County|Early\s+College|Regional|Continuation"
                          r"|Consolidated|RE-?\d{1,2}J?|Unified|Independent|USD|ISD|CUSD"
                          r"|Collegiate|Cathedral|Campus|ECHS|ALC|Ninth\s+Grade(?:\s+Center)?|Freshman\s+(?:Academy|Center)"
                          # (Ohio's local and exempted village districts, a board of education in capitals too)
                          r"|LSD|EVSD|Board\s+of\s+Education|Career\s+Tech(?:nical)?(?:\s+Center)?"
                          r"|I-\d{3}"   # (Oklahoma's independent districts by their number: "Cookson Hills I-035")
                          # (a campus by its direction, ending the name: "Levee Collegiate North")
                          r"|(?:North|South|East|West)(?=[ \t]*(?:[,;:.)|\n]|$)))(?![\w-]))+", re.I)
# a district's or a regional body's number after its kind: "North Cascades ESD 191", "Prairie Ridge Community Unit
# School District No. 4", "Allagash Lakes RSU 12" (not a count: "District 4 teachers")
_DISTRICT_KIND_END = re.compile(r"(?:District|SD|USD|CUSD|ISD|ESD|ESU|SU|SAU|RSU|MSAD|CESA|IU|CSD|BOCES|ESC|Unit)$")
_DISTRICT_NUMBER_TAIL = re.compile(r"[ \t]*(?:#|No\.)?[ \t]*\d{1,4}(?:[A-Z]\b|\b(?![ \t]*(?:%|percent|students|schools|teachers"
                                   r"|staff|miles|hours|minutes|am|pm|:|[.,]\d)))", re.I)   # ("School District 1J")
_THE_BEFORE = re.compile(r"\b[Tt]he[ \t]+$")


# a lower-case word after a numbered school's namesake: the sentence goes on ("M.S. 88 Dana Reyes taught")
_LOWER_WORD_AFTER = re.compile(r"[ ]+[a-z]")
# a possessive pronoun before a title: the sentence's, not a surname ("Her AP Tyrell")
_PRONOUN_WORDS = frozenset("Her His Their Our My".split())
# titles that are given names too: alone or after another title they name someone ("Tito said ...", "Sister Tita")
_GIVEN_TITLES = frozenset("tito tita ato haji abba daw".split())
_PRONOUN_TITLE = re.compile(rf"(?:Her|His|Their|Our|My)[ ]+(?=(?:AP|{_TITLES})\b)")
# "a" before a capitalised everyday word: one of a kind ("a Marine"); a college after a school's name
_A_BEFORE = re.compile(r"\b(?:a|an|A|An|(?:[Tt]he|[Aa]n?)[ \t]+(?:former|retired))[ \t]+$")   # ("the former Marine")
_COLLEGE_AFTER = re.compile(r"[ ]+(?:Community[ ]+)?(?:College|University)\b")
# a district's kind and number, and the capitalised words of its place before it ("Salmon Creek SD 4J")
_BODY_KIND_START = re.compile(r"(?:C?USD|ISD|SD|ESD|CSD)[ \t]*#?[ \t]*\d")
_NAME_BEFORE_BODY = re.compile(r"(?<![\w'’-])(?:[A-Z][\w'’-]*[ ]){1,3}$")
# a surname's initial after a comma, as sign-in sheets list people ("Vang, P.")
_SURNAME_INITIAL_ITEM = re.compile(r"(?<![\w'’.-])[A-Z][a-z'’-]+,[ ]?[A-Z]\.(?=[ \t]*(?:[/;|–—]|-[ ]|$|\n))")
_COMMA_INITIAL = re.compile(r",[ ]?[A-Z]\.(?![\w.])")


# a surname's initial after a given name, as rosters and chats shorten it: "Atsaq L,82", "Hodan F - Rainier", "Nikki
# V-H and Bea", "tevin r well" (a capital I only before a cell's or a clause's end: "Tuluk I,91", never "Tuluk I think")
# (and with its stop, at the end of a line or before a small word: "Regards, Priya S.", "thanks to Priya S. for ...")
_INITIAL_AFTER_NAME = re.compile(r"[ ](?:[A-HJ-Z](?:-[A-Z])?|I(?=[,;\t\n)]))(?=[,;:\t\n)]|[ ][-–—][ ]|[ ]and\b|$)"
                                 r"|[ ][A-HJ-Z]\.(?=[ \t]*(?:[,;:\t\n)]|$)|[ ](?:for|and|from|at|in|is|was|will|said|says|led|who)\b)")
# (never a vowel or Spanish "y", which join words: "todos los santos y fieles")
_INITIAL_AFTER_LOWER = re.compile(r"[ ][b-df-hj-np-tv-xz](?=[ ,;:\t\n]|$)")


_ARABIC_TAIL = re.compile(r"[ ](?:al|el|Al|El)-[A-Z][\w'’-]+|[ ](?:bin|ibn|bint|Bin|Ibn|Bint)[ ][A-Z][\w'’-]+")


def _initials_after(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A person's span takes in the initial after it (:data:`_INITIAL_AFTER_NAME`; in a lower-case name, a lower-case
    letter: "tevin r"), where no other span starts."""
    starts = {s for s, _, _ in spans}
    out = []
    for s, e, label in spans:
        if label == "PERSON":
            m = (_INITIAL_AFTER_LOWER if text[s:e].islower() else _INITIAL_AFTER_NAME).match(text, e)
            if m and m.start() + 1 not in starts:
                e = m.end()
            # (and an Arabic name's article or "son of" with the name after it: "Sheikh Fadhl al-Maqtari")
            elif (m := _ARABIC_TAIL.match(text, e)) and m.start() + 1 not in starts:
                e = m.end()
        out.append((s, e, label))
    return out


# an initial before a name, after the start of a line, a list's comma or a label's colon, a quote or a bracket: "PRESENT:
# O. TREVIÑO", "REVIEWERS: K. VOLLMER, R. SAENZ", "(Ma. Cristina Dela Cruz)" ("Ma.": María, as Filipino names write it),
# a sign-off's dash: "-T. Morin"
# (and after a word that hands a deed to someone: "Approved by W. GALLEGOS", "per K. Lund", "cc R. Ortiz")
_INITIAL_BEFORE = re.compile(r"(?:^|(?<=[\n,;:(\"“'‘/—–])|(?<=[,;:(\"“—–-][ ])|(?<=[ \n]-)"
                             r"|(?<=\b[Bb]y[ ])|(?<=\b[Pp]er[ ])|(?<=\b[Cc]c[ ])|(?<=\b[Ww]ith[ ]))(?:[A-Z]|Ma)\.[ ]$")
# a rank before a title, and a courtesy title before a name, in any case (a role, "BOARD PRESIDENT", stays outside)
_RANK_BEFORE_TITLE = re.compile(r"(?<![\w.])(?:Deputy|Assistant|Asst\.|Associate|Assoc\.|Interim|Acting|Vice|Executive)[ ]$",
                                re.I)
# (and the honorifics of other languages: Spanish "don", "doña", Ilocano "Apo", Tagalog "Tita", "Kuya", Hawaiian
# "Kumu", Punjabi "Sardar", "Bibi")
# (and Amharic's: "W/ro Almaz Tsegaye", "Ato Bekele")
_COURTESY_BEFORE_NAME = re.compile(r"(?<![\w.])(?:mr|mrs|ms|mx|miss|dr|sra|srta|sr|prof|rev|delegate|don|dona|apo|tita"
                                   r"|tito|kuya|kumu|sardar|bibi|w/ro|w/rt|weyzero|weyzerit|ato)\.?[ ]$", re.I)
_INITIAL_START = re.compile(r"[A-Z]\.[ ](?=[A-Z])")
# a surname's particles before it: "Rami de León", "Pieter van der Berg"
_PARTICLES_BEFORE = re.compile(r"(?<![\w'’-])(?:[Dd]e(?:[ ]la|[ ]los|[ ]las)?|[Dd]el|[Vv]an(?:[ ]der|[ ]den)?|[Vv]on|[Dd]a|[Dd]i"
                               r"|[Dd]u|[Dd]os)[ ]$")
# the word before a name, in title case or in capitals
# (a hyphenated given name too, its parts capitalised: "Ti-Jan Moïse", "Marie-Ange Pierre")
_WORD_BEFORE_NAME = re.compile(r"(?<![\w'’.-])([A-Z][a-z'’-]+(?:-[A-Z][a-z'’]+)*|[A-Z](?:-[A-Z][a-z'’]+)+|[A-Z][A-Z'’-]+)[ ]$")
# a word of time before a month or a day that is a given name too: "On Monday Okoro said", "by June"
_TIME_WORD_BEFORE = re.compile(r"\b(?:on|by|until|till|since|next|last|this|every|each|from|through|thru|before|after|of"
                               r"|in|early|late|mid|that|during)[ ]+$", re.I)


# two capitals before a surname found, in quotes or brackets: a given name's letters ('(once as "JP Ilunga")')
# (in quotes, after a label's colon, or at a sentence's or a line's start: "JP Mukendi raised that ...")
# (after a comma too, in a log's fields: "Individual coaching, JB Ilunga, 45 min.")
_LETTERS_BEFORE_NAME = re.compile(r"(?:(?<=[(\"“'‘\n])|(?<=[:,][ ])|(?<=[.!?][ ])|^)([A-Z]{2})[ ]$")
# (a Karen or Burmese honorific before a name found, the list's own but those that are a girl's or a woman's name
# too, and Chin "Pu" and Karen "Pi" (a grandmother): "Saw Kpaw Htoo", "Naw Mu Mu", "Daw Khin Mya", "Pu Thang Za",
# "Pi Ler Shee")
_BURMESE_BEFORE = re.compile(r"(?<![\w'’-])(?:" + "|".join(sorted(w.title() if w != "u" else "U" for w in
                                                               (BURMESE_HONORIFICS - {"ma", "mi", "nan"}) | {"pu", "pi"}))
                             + r")[ ]$")
# (Vietnamese Mrs. and Mr. before a full name: "Bà Lê Thị Hoa", folded "Ba Le Thi Hoa")
_VIETNAMESE_BEFORE = re.compile(r"(?<![\w'’-])(?:Ba|Ong)[ ]$")
_HONORIFIC_BEFORE_FULL = re.compile(r"(?<![\w'’-])(?:Mother|Venerable|Ven\.|Apostle|Evangelist|Prophetess|Chaplain"
                                    r"|Deaconess|Minister|Missionary)[ \t]+$")
# (a monk's before a monk's name of one word, with the Burmese honorific between: "Venerable U Pyinnya")
_MONK_BEFORE = re.compile(r"(?<![\w'’-])(?:Venerable|Ven\.)[ \t]+(?:U|Ashin|Bhante|Sayadaw)[ \t]+$")


# a word joined to a name by a list's comma or "and": "Tomasz, Selma, Furaha, Emir", "Zayn and Emirhan"
# (one capital, three letters at least, no stop after: never "Ed" of "Ed.D.", "St.", "APs", "SchoolPulse")
_COORD_WORD = r"([A-Z][a-z]+(?:['’ʻ-][A-Za-z][a-z]*)*)((?:[ ][A-Z]\.)?)"   # (and its initial: "Emina D.")
# (a note between: "Lavoie (excused), Dumais", "Rosa Portillo (AP) and Kemi")
_COORD_AFTER = re.compile(rf"(?:[ \t]*\([\w ,.'’-]{{1,16}}\))?"
                          rf"(?:,[ \t]*(?:and[ \t]+|&[ \t]*)?|[ \t]+(?:and|&|\+|y)[ \t]+){_COORD_WORD}"
                          r"(?![\w'’ʻ-]|[ \t]+[A-Z]|\.\w)")
# (a place, by a road that goes to it or by what is done there)
_ROUTE_TO_BEFORE = re.compile(rf"\b(?:(?:{_ROUTES})\.?[ ]?|I-)\d{{1,4}}[A-Z]?[ ]+(?:to|toward|towards|into|through|past)[ ]+$")
# (the packing and poultry companies that employ a school's families, by the names they share with people, and the
# words of their work)
_PLANT_COMPANIES = "Tyson|Cargill|Hormel|Perdue|Simmons|Smithfield|Seaboard|Sanderson|JBS|George['’]s|Pilgrim['’]s"
_PLANT_COMPANY_WORDS = frozenset("Tyson Cargill Hormel Perdue Simmons Smithfield Seaboard Sanderson George Pilgrim".split())
_PLANT_WORDS = frozenset("plant plants shift shifts packing meatpacking packinghouse poultry processing slaughter "
                         "jbs cargill hormel smithfield seaboard beef pork chicken layoffs".split())
_PLANT_COMPANY = re.compile(rf"(?:{_PLANT_COMPANIES})\b")
# (what a company does to plants and jobs, never what a worker does: "Tyson closed the plant", "Tyson posted 40
# jobs"; not "Tyson runs the night shift", "Tyson cut his hand", "George's shift moved" (second reader, session 22))
_PLANT_SAID_AFTER = re.compile(rf"(?:[ ](?:closed|opened|expanded|cut|added|bought|sold)[ ](?:the|its|a|an|\d+)[ ]"
                               r"(?:[\w-]+[ ]){0,2}(?:plants?|shifts|jobs|positions)\b"
                               r"|[ ](?:posted|hired|laid[ ]off|hires|posts)[ ](?:\d+|jobs|openings|positions|workers)\b"
                               rf"|[ ]schedules\b|,?[ ](?:and[ ]|&[ ])?(?:{_PLANT_COMPANIES}|National[ ]Beef)\b)")
_PLANT_SAID_BEFORE = re.compile(rf"(?:{_PLANT_COMPANIES}|National[ ]Beef),?[ ](?:and[ ]|&[ ])?$")


def _plant_company(text: str, start: int, end: int) -> bool:
    """Whether the name at ``start:end`` is a packing or poultry company's (:data:`_PLANT_COMPANIES`), by what it does
    ("Tyson closed the plant") or a company beside it ("Tyson and JBS", "Simmons and George's")."""
    m = _PLANT_COMPANY.match(text, start)
    if m is None or m.end() not in (end, end + 2):
        return False
    return bool(_PLANT_SAID_AFTER.match(text, m.end()) or _PLANT_SAID_BEFORE.search(text, max(0, start - 24), start))


_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
_LADY_TEAM = re.compile(r"Lady[ ][A-Z][a-z]+s$")
_IDIOM_NAMES = frozenset("dale tom thomas hunter terry".split())
# (the idiom's name in lower case: "Hill and Dale presented" are people; never a list that may be children's, "every
# Tom, Dick and Harry in 5th grade signed up", nor "Dale and hill crew" (second reader, session 22))
_IDIOM = re.compile(r"\bhill[ ]+(?:and|&)[ ]+(?-i:dale)\b|\bpeeping[ ]+tom\b|\bdoubting[ ]+thomas\b"
                    r"|\bhunter['’]s[ ]+moon\b|\bterry[ ]+cloth\b",   # (a towel's cloth: "Terry cloth towels")
                    re.I)
# (the words of _ROUTES, and I-90's; never a pattern's letters, the "oa" of "R(?:oa)?d")
_ROUTE_WORDS = frozenset(re.findall(r"[a-z]{2,}", _ROUTES.lower())) - {"oa"} | {"i"}
_EVENT_IN_BEFORE = re.compile(r"\b(?:session|sessions|meeting|meetings|training|event|conference|retreat|workshop|summit"
                              r"|held|hosted|located|based|live|lives|lived|living|families|family|office|plant|clinic"
                              r"|campus)[ ]+(?:\w+[ ]+)?(?:in|near)[ ]+$", re.I)
_SENTENCE_END_AFTER = re.compile(r"[ \t]*(?:[.!?;]|$)")
_ROAD_TRAVEL_WORDS = frozenset("closed drove drive driving drives road roads highway interstate bus route traffic "
                               "miles commute".split()) | {"i"}
_MOVE_TO_WORDS = frozenset("move moves moved moving relocate relocated relocating".split())
# (a family or its people move, not a duty: "another family moves to Katy", "they moved back to Odessa")
_MOVE_TO_BEFORE = re.compile(r"\b(?:family|families|we|they|he|she|I|parents|kids|students|mom|dad|grandma|household)"
                             r"[ ]+(?:\w+[ ]+)?(?:moves?|moved|moving|relocated?|relocating)[ ]+(?:back[ ]+)?to[ ]+$", re.I)
# (what a place is, said to its end: "are towns, not just names", "is the neighborhood on the hill"; never "is our
# community liaison", "are the neighborhood captains")
_PLACE_KIND_WORDS = frozenset("town towns village villages neighborhood neighborhoods neighbourhood neighbourhoods community "
                              "communities city cities".split())
_PLACE_SAID_END = re.compile(rf".*?\b(?:{'|'.join(sorted(_PLACE_KIND_WORDS, key=len, reverse=True))})\b"
                             r"(?=[ \t]*(?:[.,;:!?)]|$)|[ \t]+(?:of|on|in|near|where|that|we|with|by|across|along|outside"
                             r"|north|south|east|west|up|down|out)\b)")
_IS_WHERE_AFTER = re.compile(r"[ ]+(?:is|was)[ ]+(?:also[ ]+)?where\b")
# grades' letters, never a given name's before a surname: "Visits, TK Reyes, 20 min. TK is full" (transitional
# kindergarten; second reader, session 24; a person's initials elsewhere may be these letters)
_GRADE_LETTERS = frozenset("TK PK KG".split())
_INITIALS_ONLY = re.compile(r"[A-Z]{2,3}|(?:[A-Z]\.){2,3}")   # (with stops too: "T.N.")
# (an initial and a surname of up to three words, in a list of such: "K. Beartusk, T. Pretty Paint")
_INITIAL_SURNAME = r"[A-Z]\.[ ][A-Z][\w'’-]+(?:[ ][A-Z][\w'’-]+){0,2}"
_INITIAL_SURNAME_RUN = re.compile(_INITIAL_SURNAME)
_COORD_INITIAL_NAME_AFTER = re.compile(rf"(?:,[ ]*(?:and[ ]+)?|[ ]+(?:and|&)[ ]+)({_INITIAL_SURNAME})"
                                       r"(?=[ ]*(?:[,;.)]|$|\n|[ ](?:and|&)[ ]))")
_COORD_INITIAL_NAME_BEFORE = re.compile(rf"(?<![\w.])({_INITIAL_SURNAME}){_BESIDE.pattern}$")   # (a list's comma or "and")
# (a pair joined by "and", never a comma's list, which programs' letters fill: "Per KO, ELD and SST will meet")
# (and a slash between, as a log's initials stand: "Initials on the log: ML / T.N.")
_COORD_INITIALS_AFTER = re.compile(r"[ ]+(?:and|&|/)[ ]+([A-Z]{2,3}(?![\w'’.-])|(?:[A-Z]\.){2,3}(?![\w'’-]))")
_COORD_INITIALS_BEFORE = re.compile(r"(?<![\w'’.-])([A-Z]{2,3}|(?:[A-Z]\.){2,3})[ ]+(?:and|&|/)[ ]+$")
# the letters of programs, services, tests and agencies a comment names beside a person's initials
_PROGRAM_INITIALS = frozenset("ELD SST ESY LRE FBA BIP ASL AAC ABA ADA CPS DHS DCF DSS ACT SAT IB AP ECE DLI TAG FRL IEP ELL "
                              "ESL ELA SEL RTI PLC MTSS PBIS SLP OT PT PE ESOL GED HSE DOE SEA LEA ISD USD".split())
_COLON_BEFORE = re.compile(r":[ \t]*$")
_COORD_BEFORE = re.compile(rf"(?<![\w'’ʻ.-]){_COORD_WORD}(?:,[ \t]*|[ \t]+(?:and|&|\+|y)[ \t]+)$")   # (Spanish "y")
# (words of Spanish, Tagalog and other phrases a lower-case list may end with: "buen trabajo", "salamat po")
_FOREIGN_PHRASE_WORDS = frozenset("""buen buena buenas buenos feliz felices salamat po gracias muchas muchos trabajo
noches dias tardes navidad cumpleanos mabuhay maraming ingat""".split())
_LOWER_COORD_AFTER = re.compile(r",[ \t]*([a-z]{2,}[ ][a-z]{2,})(?=[ \t]*(?:,|$|\n|\())")
_LOWER_COORD_BEFORE = re.compile(r"(?:^|(?<=[,:\n-])[ \t]*|(?<=[,:\n-]))(?<![a-z])([a-z]{2,}[ ][a-z]{2,}),[ \t]*$")
# (never a people's word before a group, "Our Yazidi and Karen kids", a place after a word of place, "in Ta'u, Mrs.
# Lefiti", nor a storm, "After Hurricane Ida, Maria led")
_COORD_PLACE_BEFORE = re.compile(r"\b(?:in|at|from|near|visited|visiting|to)[ \t]+$")


_TAGALOG_TIMES = frozenset("umaga tanghali hapon gabi araw".split())   # (morning, noon, afternoon, evening, day)
_HOLIDAYS = frozenset("""ramadan eid lent diwali hanukkah chanukah passover easter christmas kwanzaa tet navidad holi
vaisakhi nowruz novruz navruz juneteenth rosh hashanah yom kippur sukkot purim thanksgiving halloween pentecost advent
epiphany umoja kujichagulia ujima ujamaa kuumba rajab shaban muharram
""".split())   # (and Kwanzaa's principles that are no given names, and the Islamic months a fast or a feast is in)
_DAY_NAMES = _WEEKDAYS | _HOLIDAYS   # (days a word of time stands before: "every Friday", "after Easter")
_ABBREVIATIONS = frozenset("esq coord dept dir asst assoc inc ltd corp co jr sr ed ph supt admin govt intl natl".split())


def _in_labelled_row(text: str, start: int) -> bool:
    """Whether the word at ``start`` is in a row of names after a group's label and its colon ("School team: Urdaneta,
    Sandoval", "Present: ..."), only capitalised words and commas between."""
    colon = text.rfind(":", max(0, start - 80), start)
    return colon >= 0 and bool(_GROUP_OPEN_BEFORE.search(text, max(0, colon - 30), colon + 1)) \
        and bool(_ROW_SO_FAR.fullmatch(text, colon + 1, start))


_ROW_SO_FAR = re.compile(r"[ ]*(?:[A-Z][\w'’-]+(?:[ ][A-Z][\w'’-]+)?,[ ]*)*")


def _in_a_row_of(text: str, start: int, end: int, kind: Callable[[str], bool]) -> bool:
    """Whether the word at ``start:end`` is joined by a comma or "and" to a word (folded, lower case) of ``kind``."""
    return any(m is not None and kind(fold(m.group(1)).lower())
               for m in (_COORD_AFTER.match(text, end), _COORD_BEFORE.search(text, max(0, start - 40), start)))


def _in_a_row_of_places(text: str, start: int, end: int) -> bool:
    """Whether the word at ``start:end`` is joined by a comma or "and" to a place's name that is no given name."""
    places, every = place_names(), all_given_names()
    return _in_a_row_of(text, start, end, lambda w: w in places and w not in every)


def _coordinated(text: str, spans: list[tuple[int, int, str]],
                 roster: Mapping[str, int] = MappingProxyType({})) -> list[tuple[int, int, str]]:
    """Names in a list with a name found: a capitalised word joined to a person by a list's comma or "and" that is no
    English word, no place, no people's or language's name and no product ("Student panel: Tomasz, Selma, Furaha,
    Emir", "mentors Anselmo and Rufina"), with its initial ("Emina D."); a short given name that is no everyday word
    passes too ("Katie, Om and Sushmita"; a given name common as a word but not among the two thousand
    commonest: "Grace and Kaw Htoo", not "Hope and ...", "Art and Music teachers"), and so does a roster's single name (``roster``: "(Lane, Lourdes, Ben)").
    A given name may open its sentence ("Blessing and Kaw Htoo stole the show"). Read along the list from each name
    found, both ways."""
    rank, places, every = word_rank(), place_names(), all_given_names()

    def name_like(word: str) -> bool:
        low = fold(word).lower()
        if low in _HOLIDAYS or low in _ABBREVIATIONS:
            return False      # ("Ms. Reyes, Ramadan and Eid", "Dana Reyes, Esq.", "Dana Reyes, Dept. of Ed")
        if roster.get(low, 0) & _SINGLE and low not in _NOT_SURNAME and low not in CALENDAR:
            return True
        # (never a people's word: "Congolese", "Bangladeshi" (Bangladesh's), "Yazidi parents")
        people = low.endswith(("ese", "ian", "ean")) and low not in every or low.endswith("i") and low[:-1] in places
        return len(low) >= 3 and not people \
            and (rank.get(low, PLAIN_RANK) >= PLAIN_RANK or low in every and rank.get(low, PLAIN_RANK) >= 2000) \
            and low not in places and low not in _GREETINGS and low not in LANGUAGE_NAMES and low not in _PEOPLES \
            and low not in CALENDAR and low not in PRODUCT_NAMES and low not in _NOT_SURNAME \
            and word.title() not in _TITLE_WORDS

    found = {(s, e) for s, e, label in spans if label == "PERSON"}
    taken = _Taken(spans)
    out: list[tuple[int, int, str]] = []
    todo = sorted(found)
    while todo:
        s, e = todo.pop()
        if text[s:e].islower():
            # (a list typed in lower case: "sign in - fadumo ismail, tsong hang, marjorie thorsen"; a given name and
            # a second word, the first no English word)
            for m in (_LOWER_COORD_AFTER.match(text, e), _LOWER_COORD_BEFORE.search(text, max(0, s - 40), s)):
                if m is not None and (m.start(1), m.end(1)) not in found and not taken.holds(m.start(1), m.end(1)) \
                        and (w := m.group(1).split()[0]) not in rank and w not in places \
                        and all(x not in places and x not in _GREETINGS and x not in _FOREIGN_PHRASE_WORDS
                                for x in m.group(1).split()):
                    found.add((m.start(1), m.end(1)))
                    out.append((m.start(1), m.end(1), "PERSON"))
                    todo.append((m.start(1), m.end(1)))
            continue
        if _INITIAL_SURNAME_RUN.fullmatch(text, s, e):
            # (a list of names each an initial and a surname, the surname of everyday words too: "Files reviewed: K.
            # Beartusk, T. Pretty Paint, D. Swift Hawk")
            for m in (_COORD_INITIAL_NAME_AFTER.match(text, e), _COORD_INITIAL_NAME_BEFORE.search(text, max(0, s - 40), s)):
                if m is not None and (m.start(1), m.end(1)) not in found and not taken.holds(m.start(1), m.end(1)):
                    found.add((m.start(1), m.end(1)))
                    out.append((m.start(1), m.end(1), "PERSON"))
                    todo.append((m.start(1), m.end(1)))
        if _INITIALS_ONLY.fullmatch(text, s, e):
            # (initials joined to initials found: "LK and GF approved the plan"; never a program's letters)
            for m in (_COORD_INITIALS_AFTER.match(text, e), _COORD_INITIALS_BEFORE.search(text, max(0, s - 10), s)):
                if m is not None and (m.start(1), m.end(1)) not in found and not taken.holds(m.start(1), m.end(1)) \
                        and m.group(1) not in _NOT_INITIALS and m.group(1).lower() not in _SCHOOL_ACRONYMS \
                        and m.group(1) not in _PROGRAM_INITIALS:
                    found.add((m.start(1), m.end(1)))
                    out.append((m.start(1), m.end(1), "PERSON"))
                    todo.append((m.start(1), m.end(1)))
            continue
        for m in (_COORD_AFTER.match(text, e), _COORD_BEFORE.search(text, max(0, s - 40), s)):
            if m is None:
                continue
            a, b = m.start(1), m.end(2)
            if (a, b) not in found and not taken.holds(a, b) and name_like(m.group(1)) \
                    and (not _sentence_start(text, a) or fold(m.group(1)).lower() in every or m.group(2)
                         # (the first of a list after a colon, its comma before a name: "focus group: Widlens, Nahomie")
                         or text.startswith(",", b) and _COLON_BEFORE.search(text, max(0, a - 4), a)) \
                    and not _COORD_GROUP_AFTER.match(text, b) \
                    and not _COORD_PLACE_BEFORE.search(text, max(0, a - 16), a) \
                    and not _NOT_PEOPLE_BEFORE.search(text, max(0, a - 25), a):
                found.add((a, b))
                out.append((a, b, "PERSON"))
                todo.append((a, b))
    return out


def _found_again(text: str, spans: list[tuple[int, int, str]],
                 public: list[tuple[int, int]] = ()) -> list[tuple[int, int, str]]:
    """A name found with a title or in full, written again alone in the same comment: "Ms. Okafor said yes. Later
    Okafor changed her mind", "Dr. Crandall ... Crandall also sent ..." (the surname, or the given name of a full name;
    never an everyday word, which a sentence may start with: "Mr. Grant ... Grant money ran out"; nor inside a public
    name, ``public``: "Ms. Parks and Rosa Parks")."""
    rank = word_rank()
    names = set()
    for s, e, label in spans:
        words = [w.rstrip(".,") for w in text[s:e].split()]
        if label != "PERSON" or len(words) < 2:
            continue
        titled = words[0].rstrip(".").title() in _TITLE_WORDS
        # (a given name's letters, as a name: "JB Ilunga, 45 min. JB is weighing the dean opening")
        letters = len(words) == 2 and len(words[0]) == 2 and words[0].isupper() and words[0].isalpha() \
            and words[0] not in _NOT_INITIALS and words[0] not in _GRADE_LETTERS
        if letters:
            names.add(words[0])
        # (a first word of no list at all, in a name found in full, is that name's given name: "Volunteers: Furaha
        # Bahati, Abu Saleh. Van pickup for Furaha is at ...")
        unknown = not titled and len(words) == 2 and words[0].istitle() and words[0].isalpha() \
            and words[0].lower() not in rank and words[0].lower() not in english_words() \
            and words[0].lower() not in place_names() and words[0].lower() not in LANGUAGE_NAMES
        if not titled and not letters and not unknown \
                and not (words[0].lower() in given_names() or words[0].lower() in all_given_names()
                         and rank.get(words[0].lower(), PLAIN_RANK) >= EVERYDAY_RANK):
            continue          # (a span whose first word is no given name is no sure name: "One Tier")
        # (a given name only where it is one and no people's or language's name: never "Bonswa", "Karen", "Ute")
        first = (words[0],) if unknown or not titled and words[0].lower() in given_names() else ()
        for w in {words[-1].removesuffix("'s").removesuffix("’s"), *first}:
            low = w.lower()
            if len(w) >= 3 and _AGAIN_WORD.fullmatch(w) and w.rstrip(".").title() not in _TITLE_WORDS \
                    and rank.get(low, PLAIN_RANK) >= EVERYDAY_RANK and low not in _NOT_SURNAME \
                    and low not in LANGUAGE_NAMES and low not in _PEOPLES and low not in CALENDAR \
                    and (low not in english_words() or low in all_surnames() or low in all_given_names()):
                names.add(w)
    if not names:
        return []
    taken = _Taken(spans + [(a, b, "PUBLIC") for a, b in public])
    # (each name looked for as a string, its edges tested as the word's: no pattern compiled per comment on this path)
    out = []
    for name in names:
        i = text.find(name)
        while i >= 0:
            j = i + len(name)
            if not (i and _AGAIN_EDGE_BEFORE.match(text, i - 1)) and not _AGAIN_EDGE_AFTER.match(text, j) \
                    and not taken.holds(i, j):
                out.append((i, j, "PERSON"))
            i = text.find(name, j)
    return sorted(out)


_AGAIN_WORD = re.compile(r"[A-Z][a-zà-ÿ'’]+(?:-[A-Z][a-zà-ÿ'’]+)?")
_AGAIN_EDGE_BEFORE = re.compile(r"[\w'’.-]")   # (what may not stand just before a name found again, or just after it)
_AGAIN_EDGE_AFTER = re.compile(r"[\w-]")


def _name_edges(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A person's span takes in what stands before it and is the name's too, where no other span holds it: its
    particles ("de León"), its given name (a given name of any kind, or mid-sentence a word that is no English word:
    "Sunday Okonkwo", "Rami de León", "Kawi Squirrel"; never a word of time before a day's or a month's name: "On
    Monday Okoro said") or else its initial ("O. TREVIÑO", after a line's start, a comma, a colon, a quote or a
    bracket; never "Plan B." before a sentence that starts with a name)."""
    taken = _Taken(spans)
    rank, every = word_rank(), all_given_names()
    out = []
    for s, e, label in spans:
        if label == "PERSON" and _INITIAL_START.match(text, s) and _LETTER_LABEL_BEFORE.search(text, max(0, s - 12), s):
            s += 3          # (a name found with a thing's letter before it is the name alone: "Plan B. Okoro agreed")
        elif label == "PERSON" and (m := _LETTER_LABEL_START.match(text, s, e)):
            s = m.end()
        elif label == "PERSON":
            start = s
            if (m := _PARTICLES_BEFORE.search(text, max(0, s - 10), s)) and not taken.holds(m.start(), s):
                start = m.start()
            m = _WORD_BEFORE_NAME.search(text, max(0, start - 24), start)
            if m and m.group(1).isupper() == text[s:e].isupper() and not taken.holds(m.start(1), s) \
                    and (start == s or m.group(1)[1:].islower()):
                w = m.group(1).lower().rstrip("'’")
                # (a day's or a month's name is a given name here, but not after a word of time)
                given = (w in every or "-" in w and w.rsplit("-", 1)[1] in every) \
                    and (w not in _NOT_SURNAME or w in CALENDAR) and w not in _GREETINGS \
                    and not (w in CALENDAR and _TIME_WORD_BEFORE.search(text, max(0, m.start(1) - 10), m.start(1)))
                rare = len(w) >= 3 and w not in rank and w not in english_words() and w not in _NOT_SURNAME \
                    and not _sentence_start(text, m.start(1))
                # (never an article, nor before a name that starts with its title: "El Lic. Anselmo Romero")
                if (given or rare) and m.group(1).title() not in _TITLE_WORDS and w not in _SPANISH_ARTICLES \
                        and text[s:e].split(None, 1)[0].rstrip(".").title() not in _TITLE_WORDS:
                    start = m.start(1)
            if start != s and not text[start].isupper():
                start = s          # (particles only with the given name before them: Spanish "de" is "of" too)
            first = text[s:e].split(None, 1)[0].rstrip(".").title()
            if start == s and first in _TITLE_WORDS:
                # (a title's rank before it in any case, "INTERIM PRINCIPAL ...", "Vice Principal ...": the titles'
                # own ranks, _TITLES, are written in title case)
                if (m := _RANK_BEFORE_TITLE.search(text, max(0, s - 12), s)) and not taken.holds(m.start(), s):
                    start = m.start()
            elif start == s and (m := _COURTESY_BEFORE_NAME.search(text, max(0, s - 10), s)) \
                    and not taken.holds(m.start(), s) \
                    and (not m.group(0)[0].islower() or "." in m.group(0) or " " in text[s:e].strip()
                         or m.group(0).startswith("dona ")):   # ("dona", folded "doña", names no verb: "doña Marta")
                # (a courtesy title in any case: "SRA. LEONOR PATIÑO", "Delegate Harold ..."; one in lower case without
                # its stop only before a full name, "don Chuy Becerra": "we will miss Okoro", "students don Okoro's")
                start = m.start()
            if start == s and (" " in text[s:e].strip() and (m := _HONORIFIC_BEFORE_FULL.search(text, max(0, s - 16), s))
                               or (m := _MONK_BEFORE.search(text, max(0, s - 24), s))) \
                    and not taken.holds(m.start(), s):
                # (a church's or a temple's honorific before a full name: "Mother Hattie Blount", "Venerable Ashin ...")
                start = m.start()
            if start == s and not text[s:e].isupper() \
                    and (m := _LETTERS_BEFORE_NAME.search(text, max(0, s - 6), s)) and m.group(1) not in _NOT_INITIALS \
                    and m.group(1) not in _GRADE_LETTERS \
                    and m.group(1).lower() not in english_words() and not taken.holds(m.start(1), s):
                start = m.start(1)   # (a given name's letters before a surname in quotes: '(once as "JP Ilunga")')
            if start == s and len(text[s:e].split()) >= 3 and (m := _VIETNAMESE_BEFORE.search(text, max(0, s - 4), s)) \
                    and not taken.holds(m.start(), s):
                start = m.start()
            if start == s and (m := _BURMESE_BEFORE.search(text, max(0, s - 8), s)) and not taken.holds(m.start(), s) \
                    and text[s:s + 1].isupper() and not text[s:e].isupper() \
                    and text[s:e].split()[0].lower() not in every \
                    and not text.endswith(("Thank U ", "thank U "), 0, s):   # (never "Saw Marisol at lunch")
                start = m.start()
            if start == s and (m := _INITIAL_BEFORE.search(text, max(0, s - 8), s)) \
                    and not taken.holds(m.start(), s) \
                    and not _LETTER_LABEL_BEFORE.search(text, max(0, m.start() - 12), m.start()):
                start = m.start()
            if start < s and (m := _TITLE_BEFORE_TITLE.search(text, max(0, start - 16), start)) \
                    and not taken.holds(m.start(), start):
                start = m.start()   # (a title before an honorific taken in is theirs too: "Rev. Mother Agnes Ruiz")
            s = start
            # (a surname of two letters after the given names, as US records order a Vietnamese or a Chinese name:
            # "Quynh Anh Do translates", "Mei Lin Wu"; never before a capitalised word, "Dana Le Blanc")
            if (m := _SHORT_SURNAME_AFTER.match(text, e)) and not taken.holds(e, m.end()) \
                    and text[s:e].istitle() and not text[s:e].endswith("."):
                e = m.end()
            # (a Plains surname of everyday words runs on where the name's last word is one of them: "Gloria Two
            # Crows", "Teresa Little Bird Hat"; never before a lower-case word or into a place's noun)
            while (m := _PLAINS_WORD_AFTER.match(text, e)) and not taken.holds(e, m.end()) \
                    and text[s:e].rsplit(None, 1)[-1].rstrip(".") in _PLAINS_SURNAME_WORDS and " " in text[s:e].strip():
                e = m.end()
        out.append((s, e, label))
    return out


# a word that names a thing by its letter: "Plan B.", "Title I.", "Tier C." (a sentence ends there, no initial starts)
_LETTER_LABEL_BEFORE = re.compile(r"\b(?:Plan|Title|Tier|Level|Section|Part|Phase|Option|Grade|Vitamin|Appendix|Exhibit"
                                  r"|Figure|Table|Step|Form|Room|Unit|Group|Team|Block|Wing|Building|Zone|Type|Class"
                                  r"|Category|Column|Row|Lot|Model|Track|Cohort|Pod|Hall)[ ]$")


_LETTER_LABEL_START = re.compile(_LETTER_LABEL_BEFORE.pattern[:-1] + r"[A-Z]\.[ ](?=[A-Z])")


class _Taken:
    """The stretches the spans hold, asked whether any holds a part of ``start:end`` in logarithmic time (a pasted list
    of thousands of names stays linear)."""

    def __init__(self, spans: list[tuple[int, int, str]]) -> None:
        pairs = sorted((s, e) for s, e, _ in spans)
        self.starts = [s for s, _ in pairs]
        self.reach = list(accumulate((e for _, e in pairs), max))   # (the furthest end of the spans up to each)

    def holds(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self.starts, end) - 1
        return i >= 0 and self.reach[i] > start

    def contains(self, start: int, end: int) -> bool:
        """Whether one span holds all of ``start:end``."""
        i = bisect.bisect_right(self.starts, start) - 1
        return i >= 0 and self.reach[i] >= end


_COUPLE_AND = re.compile(rf"[ \t]+{_JOINED_BY}[ \t]+")


def _couples(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A couple under one surname is one name: "Eli and Sadie Riehl" (a given name, "and", a full name), as "Mr. and
    Mrs. X" is."""
    out: list[tuple[int, int, str]] = []
    for span in spans:
        # (never a titled one after it: "Deb and Ms. Gonzalez" are two people)
        if out and span[2] == "PERSON" and out[-1][2] == "PERSON" and " " in text[span[0]:span[1]].strip() \
                and " " not in text[out[-1][0]:out[-1][1]] and _COUPLE_AND.fullmatch(text, out[-1][1], span[0]) \
                and not _TITLE_AT.match(text, span[0]):
            out[-1] = (out[-1][0], span[1], "PERSON")
        else:
            out.append(span)
    return out


# what joins two schools found into one name: "Kaʻiwiloa High & Pāhoehoe Elementary" (a shared campus), a saint's
# "of" ("St. Anthony of Padua Catholic School"); and a campus after a school's kind: "Juvenile Services Academy at Bear
# Creek" (never a time: "at Noon", "at Monday's")
_COUNTY_COE = re.compile(r"\b([A-Z][a-z]+(?:[ ][A-Z][a-z]+)?)[ ]COE\b")
_STATE_NAME_WORDS = frozenset("State University College".split())
_SCHOOLS_AMPERSAND = re.compile(r"[ ](?:&|&amp;)[ ]")
_SAINT_OF = re.compile(r"[ ]of[ ]")
_SAINT_SCHOOL = re.compile(r"(?:St|Sts|Saint|Saints)\.?[ ]")
_CAMPUS_AT = re.compile(r"[ ]at[ ]((?:[A-Z][\w'’ʻ-]+)(?:[ ][A-Z][\w'’ʻ-]+){0,2})(?![\w'’-])")
_CAMPUS_KINDS = frozenset("Academy School Center Campus Program Institute".split())
_DEDICATION_BEFORE = re.compile(r"(?<![\w'’-])(?:Christ[ ]the|Mary,?[ ]Queen[ ]of(?:[ ]the)?|Queen[ ]of(?:[ ]the)?"
                                r"|Our[ ]Lady[ ]of(?:[ ]the)?|Mother[ ]of"
                                # (a Catholic dedication of a place: "Sacred Heart of the Platte School", "Holy Family
                                # of the Valley Academy")
                                r"|(?:Sacred[ ]Heart|Holy[ ](?:Family|Cross|Trinity|Spirit|Name|Rosary|Redeemer|Angels)"
                                r"|Immaculate[ ](?:Conception|Heart)|Blessed[ ]Sacrament|Good[ ]Shepherd|Most[ ]Holy"
                                r"[ ]\w+|Corpus[ ]Christi|Precious[ ]Blood)[ ]of(?:[ ]the)?)[ ]$")


def _school_joins(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Schools found side by side that are one name (:data:`_SCHOOLS_AMPERSAND`, :data:`_SAINT_OF`) become one span, and
    a school takes in the campus after it (:data:`_CAMPUS_AT`)."""
    out: list[tuple[int, int, str]] = []
    for i, (s, e, label) in enumerate(spans):
        if out and label == "SCHOOL" and out[-1][2] == "SCHOOL" and (
                _SCHOOLS_AMPERSAND.fullmatch(text, out[-1][1], s)
                or _SAINT_OF.fullmatch(text, out[-1][1], s) and _SAINT_SCHOOL.match(text, out[-1][0])):
            out[-1] = (out[-1][0], e, "SCHOOL")
            continue
        if label == "SCHOOL" and (m := _DEDICATION_BEFORE.search(text, max(0, s - 24), s)) \
                and not (out and out[-1][1] > m.start()):
            s = m.start()      # a dedication's words before its school: "Christ the King School"
        if label == "SCHOOL" and text[s:e].rsplit(None, 1)[-1] in _CAMPUS_KINDS and (m := _CAMPUS_AT.match(text, e)):
            nxt = spans[i + 1][0] if i + 1 < len(spans) else len(text)
            words = m.group(1).split()
            if m.end() <= nxt and not any(w.lower().rstrip("'’s") in CALENDAR or w.lower() in ("noon", "midnight")
                                          for w in words):
                e = m.end()
        out.append((s, e, label))
    return out


def _school_tails(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """School words after a school's name join it ("Kettle Lake" + " Jr/Sr High"), and so does a school found inside
    them ("Sr High"): one school, one span."""
    out: list[tuple[int, int, str]] = []
    taken = -1
    for i, (s, e, label) in enumerate(spans):
        if i <= taken:
            continue
        if label == "SCHOOL":
            tail = _SCHOOL_TAIL.match(text, e)
            nxt = spans[i + 1] if i + 1 < len(spans) else (len(text), len(text), "")
            if tail and tail.end() <= nxt[0]:
                e = tail.end()
            elif tail and nxt[2] == "SCHOOL" and nxt[0] < tail.end():
                e, taken = max(tail.end(), nxt[1]), i + 1
            elif tail and nxt[2] == "PERSON" and nxt[0] >= e and nxt[1] <= tail.end():
                e, taken = tail.end(), i + 1     # the kind's letters are no one's initials: "César Chávez H.S."
            elif text.startswith(".", e) and _ABBREVIATED_KIND.search(text, s, e):
                e += 1                           # the kind abbreviated, and its stop: "Pine Ridge K-8 Acad."
            if _DISTRICT_KIND_END.search(text, s, e) and (number := _DISTRICT_NUMBER_TAIL.match(text, e)) \
                    and number.end() <= nxt[0]:
                e = number.end()
            elif (number := _SCHOOL_NUMBER_SIGN.match(text, e)) and number.end() <= nxt[0]:
                e = number.end()   # a city's school by its number too: "Patterson Bluff #43", "Canton Harbor E/M #229"
            if nxt[2] == "PERSON" and nxt[0] == e + 1 and text[e] == " " and _NUMBERED_SCHOOL.fullmatch(text, s, e) \
                    and not _LOWER_WORD_AFTER.match(text, nxt[1]):
                # a numbered school and its namesake: "P.S. 57 Hubert H. Humphrey" (not "M.S. 88 Dana Reyes taught")
                e, taken = nxt[1], i + 1
            if _BODY_KIND_START.match(text, s) and (name := _NAME_BEFORE_BODY.search(text, max(0, s - 40), s)):
                # the place's name before a district's kind and number: "Salmon Creek SD 4J", "Rosemount ISD 196"
                words = name.group(0).split()
                while words and words[0].lower() in _NOT_SCHOOL_NAME:
                    words.pop(0)
                s = s - len(" ".join(words)) - 1 if words else s
            if (campus := _CAMPUS_AFTER.match(text, e)) and campus.end() <= nxt[0] \
                    and _CAMPUS_NETWORK_END.search(text, s, e) and _campus_place(campus.group(1)):
                e = campus.end()   # a network's campus by its place: "Upward Prep Academy Frayser", "... Collegiate Antioch"
            if text[s:e] in ("ELC", "CTC", "Alt"):
                the = _THE_BEFORE.search(text, max(0, s - 6), s)
                s = the.start() if the else s
        out.append((s, e, label))
    return out


# a charter network's campus, named by its network and its neighbourhood or town: "Upward Prep Academy Frayser",
# "Crossroads Collegiate Antioch" (one capitalised word, then no other)
_CAMPUS_NETWORK_END = re.compile(r"[ ](?:Academy|Prep|Preparatory|Collegiate|Charter|Scholars|Leadership)$")
_CAMPUS_AFTER = re.compile(r"[ ]([A-Z][a-z]{2,})(?![\w'’-]|[ ]+[A-Z0-9])")


def _campus_place(word: str) -> bool:
    """Whether ``word`` after a network's name is its campus's place: a town or no English word, never a given name."""
    low = word.lower()
    return (low in place_names() or low not in word_rank()) and low not in all_given_names() \
        and low not in CALENDAR and low not in _NOT_SURNAME


# The words that may carry a name on past its first two: a surname of several words ("Marlon Iron Shell", "Tammy
# Bad Heart Bull"), a surname after particles ("Wilfredo Núñez de la Cruz"), a hyphenated given name after a Chinese
# name ("Kevin Wong Ka-Ming"); the run ends before a lower-case word, a stop or the text's end, never before another
# capital ("Ana Lopez Room 12" and "Ana Lopez Science Department" are no longer names)
_NAME_TAIL = re.compile(rf"(?:[ ](?:(?:{_INNER_PARTICLES})[ ]){{1,3}}"
                        r"[A-Z](?:['’][A-Z])?[a-zà-ÿ]+(?:-[A-Z][a-zà-ÿ]+)?"
                        r"|(?:[ ][A-Z](?:['’][A-Z])?[a-zà-ÿ]+(?:-[A-Z][a-zà-ÿ]+)?){1,2})"
                        r"(?=[ ]+[a-z]|['’]s\b|[ ]*(?:[.,;:!?)\n—]|--?[ ])|[ ]*$)")


# Languages, peoples and school subjects: after a name they say what the person teaches or speaks ("Ana Lopez
# Spanish", "Mr. Reyes Algebra"), never more of the name, though some are surnames too (English, French)
_NATIONALITY_WORDS = frozenset("""
english spanish french arabic somali hmong karen vietnamese chinese mandarin cantonese korean japanese russian
ukrainian polish italian german portuguese haitian creole kreyol yiddish hebrew tagalog american african mexican
latino latina latinx hispanic asian native black white
math maths algebra geometry calculus biology chemistry physics history civics geography economics
reading writing literacy music band choir orchestra art drama theater theatre health pe ela esl ell sped
""".split())


# words of praise and greeting a comment puts straight after a name with no stop between: "Dana Reyes Great job"
_PRAISE_WORDS = frozenset("""great awesome amazing excellent wonderful fantastic nice thanks thank congrats
congratulations welcome hello hi hey please sorry ok okay yes no""".split())


def _name_tail(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A person's name of two words or more takes in the capitalised words that carry it on (:data:`_NAME_TAIL`),
    none a word of a sentence, a school, a place, a day or a title (:func:`_carries_name`); the particles' surname
    is judged the same way."""
    out: list[tuple[int, int, str]] = []
    # (the spans that start inside a tail are looked up by their starts: a pasted run of thousands of names stays
    # linear; second reader, session 24)
    ordered = sorted(spans)
    starts = [o[0] for o in ordered]
    for s, e, label in spans:
        if out and out[-1][2] == "PERSON" and label == "PERSON" and e <= out[-1][1]:
            continue          # a name the tail took in: "Cruz" of "Wilfredo Núñez de la Cruz"
        tail = _NAME_TAIL.match(text, e) if label == "PERSON" and " " in text[s:e].strip() else None
        if tail and all(_carries_name(w) for w in tail.group(0).split()[-2:] if w[0].isupper()):
            inside = ordered[bisect.bisect_left(starts, e):bisect.bisect_left(starts, tail.end())]
            if not any(o[2] != "PERSON" or o[1] > tail.end() for o in inside):
                e = tail.end()
        out.append((s, e, label))
    return out


def _carries_name(word: str) -> bool:
    """Whether a capitalised word after a name can be more of it: any word but those of sentences, schools, places,
    days, titles, products, languages and subjects (Lakota surnames are English words: "Runs Above", "Yellow
    Boy")."""
    low = word.lower()
    return low not in _NOT_SURNAME and low not in _PRAISE_WORDS and low not in _NOT_SURNAME_PLACES and low not in CALENDAR \
        and word not in _SCHOOL_CUE_WORDS and word not in _PLACE_NOUN_WORDS and word not in _PLACE_END_WORDS \
        and word.rstrip(".") not in _TITLE_WORDS and word not in _SUFFIX_WORDS and low not in PRODUCT_NAMES \
        and low not in _LANGUAGE_WORDS and low not in _NATIONALITY_WORDS


# Nouns after a person's name that make it the name of an idea: "the Matthew effect", "Simpson's paradox"
_NAMED_CONCEPT = re.compile(r"(?:['’]s?)?[ \t]+(?:effects?|principle|paradox|curve|coefficient|correlation|interval"
                            r"|taxonomy|hierarchy|settlement|act|decree|doctrine|amendment)\b"
                            r"|['’]s[ \t]+(?:razor|alpha|law)\b", re.I)
_CONCEPT_WORDS = frozenset("effect effects principle paradox curve coefficient correlation interval taxonomy hierarchy "
                           "razor alpha law settlement act decree doctrine amendment".split())
# the last word of a county's, a parish's or an island group's name
# figures of scripture, and the words of a text about scripture
_SCRIPTURE_WORDS = frozenset("bible biblical scripture scriptures nativity israelites prophet prophets psalm psalms "
                             "apostle apostles disciples manger quran koran torah pharaoh crucifixion resurrection"
                             " nephites lamanites".split())   # (not "testament", "exodus", "gospel": everyday words too)
# (and the Book of Mormon's, which Latter-day Saint students read in seminary: "the story of Nephi")
_SCRIPTURE_NAMES = frozenset("jesus christ mary joseph moses abraham noah goliath jonah adam eve pharaoh muhammad "
                             "buddha david solomon elijah nephi lehi mosiah alma helaman moroni ammon enos jarom omni "
                             "laman lemuel".split())
# what puts a text in scripture besides its words: the Book of Mormon by its name ("Mormon" alone is a church's people:
# "the Mormon families in our ward"), a book by its number that is no one's given name ("3 Nephi", "2 Kings"; not
# "Group 1 John")
_SCRIPTURE_PHRASE = re.compile(r"\bBook[ \t]+of[ \t]+Mormon\b|\b[1-4][ \t]+(?:Nephi|Kings|Chronicles|Corinthians"
                               r"|Thessalonians)\b", re.I)
_BASE = r"(?:Camp|Fort|Ft\.?)[ \t]+"
_BASE_START = re.compile(rf"{_BASE}[A-Z]")
_BASE_BEFORE = re.compile(rf"\b{_BASE}$")
_PLACE_AFTER_WORDS = frozenset("County Parish Borough".split())
_PLACE_WORD_AFTER = re.compile(r"['’]?s?[ \t]+(?:County|Parish|Borough)\b")
# a road's own words, and the road words that are surnames too
_STREET_ONLY_WORDS = frozenset("Street Avenue Road Boulevard Parkway Highway Drive Ave Blvd Pkwy Hwy Rd Expressway "
                               "Freeway Turnpike".split())
_STREET_END_WORDS = _STREET_ONLY_WORDS | frozenset("Pike Lane Way Trail Court".split())
_JOB_WORDS = frozenset("Manager Coordinator Director Specialist Officer Liaison Administrator Analyst Consultant "
                       "Supervisor Facilitator".split())
_JOB_AFTER = re.compile(rf"[ ]+(?:{'|'.join(sorted(_JOB_WORDS))})\b")
_PLACE_END_WORDS = frozenset("Parish County Borough Islands Island Reservation Nation Pueblo Heights Hills Township"
                             .split())
# languages that are also given names ("Karen"), and the languages and words of language they stand beside
# pronouns a roster's surname may spell in lower case (Her, a Hmong surname; "Contact her at ...")
_PRONOUNS = frozenset("he him his she her hers me my you your we us our they them their it its".split())
# the rest of a degree after its first letters: "Ed.D.", "Ed.S.", "Ph.D."
_DEGREE_AFTER = re.compile(r"\.[A-Z]\.")
_NOT_PEOPLE_BEFORE_WORDS = frozenset("St Sts Saint Saints Blessed Hurricane Typhoon Storm".split())
# the names the World Meteorological Organization retired after storms that struck US schools
_RETIRED_STORMS = frozenset("audrey betsy camille hugo andrew rita katrina ike sandy harvey irma maria florence michael "
                            "laura ida ian fiona helene milton irene floyd isabel ivan wilma matthew dorian allison "
                            "iniki iwa idalia".split()) \
    | frozenset(_GREEK_ALPHABET[:9])   # (2005's and 2020's Greek names, alpha to iota)
_MONTHS = frozenset("january february march april may june july august september october november december".split())
_DAY_AFTER = re.compile(r"[ ]\d{1,2}(?:st|nd|rd|th)?\b(?![:/.]\d)")
# (landforms that are seldom a surname: never "Hill", "Brooks", "Lake", "Rivers", "Ridge", "Bay", "Springs")
_LANDFORM_WORDS = frozenset("Creek River Mountain Valley Falls Canyon Island Pond Hollow Fork Landing Crossing Ferry Wharf "
                            "Cove Neck Wash Canal Bayou Run Sound Cave Caverns Slough Swamp Trail".split())
_LANDFORM_AFTER = re.compile(rf"(?:['’]s)?[ ](?:{'|'.join(sorted(_LANDFORM_WORDS))})\b")
_STORM_YEAR_AFTER = re.compile(r"[ ](?:in|of)[ ](?:19|20)\d\d\b")
_STORM_SEASON_AFTER = re.compile(r"[ ](?:one|that|this|last)[ ](?:year|summer|fall|season|[Jj]une|[Jj]uly|[Aa]ugust"
                                 r"|[Ss]eptember|[Oo]ctober)\b")
_ROW_JOIN = re.compile(r"[ \t]*(?:,|[ \t](?:and|or|then|&))[ \t]*(?:then[ \t]+|and[ \t]+)?")   # (what stands between)
_STORM_WORDS = re.compile(r"\b(?:hurricanes?|storms?|floods?|flooding|flooded|typhoons?|tropical|cyclones?|landfall|evacuat\w*|winds?)\b", re.I)
_INVOKED_BEFORE = re.compile(r"(?:^|\b(?:ay|oh|ah|nombre\s+de|gracias\s+a|por|bendito\s+sea|sweet|dear|thank))[ ,!]*$")
_STORM_TIME = ("during", "after", "before", "since", "survived", "through", "post", "pre", "despues de", "antes de",
               "desde", "durante", "tras")   # (words of time before a storm's name, in English and Spanish)
_STORM_TIME_WORDS = frozenset(w.split()[0] for w in _STORM_TIME)
_STORM_TIME_BEFORE = re.compile(rf"\b(?:{'|'.join(w.replace(' ', '[ ]') for w in _STORM_TIME)})[ -]$")
# what follows a person, not a storm: another name ("after Harvey and Irma presented"), a past tense ("after Maria
# left", "since Ian retired")
_PERSON_AFTER_STORM = re.compile(r"[ \t]+(?:(?:and|&)[ \t]+[A-Z][a-z]+|[a-z]+ed\b|(?:left|came|went|quit|took|gave|told"
                                 r"|said|led|taught|ran|spoke|wrote|joined|moved|got|became)\b)")
_STORMS = r"(?:Hurricane|Typhoon|Tropical[ \t]+Storm|Super[ \t]+Typhoon)"
_NOT_PEOPLE_BEFORE = re.compile(r"(?:\b(?:St|Sts|Saint|Saints|Blessed)\.?[ \t]+(?:[A-Z][a-z]+[ \t]+(?:and|&)[ \t]+)?"
                                rf"|\b{_STORMS}[ \t]+)$")
_SAINT_TOWN_WORDS = frozenset("San Santa Santo".split())   # (never "Sao": a Khmer given name, "Sao Sokha")
_SAINT_TOWN_BEFORE = re.compile(r"(?<![\w'’-])(?:San|Santa|Santo)[ ]$")
_SAINT_TOWN_START = re.compile(r"(?:San|Santa|Santo)[ ][A-Z]")
_SAINT_START = re.compile(r"(?:Sts|Saints)\.?[ \t]")   # ("St. John" may be a surname: only the plural)
_STORM_BEFORE = re.compile(rf"\b{_STORMS}[ \t]+", re.I)   # (read on the lower-cased text)
_SCHOOL_GROUPS = frozenset("kids students children youth staff teachers community".split())
_PEOPLES_WORDS = frozenset("families clan clans nation tribe tribes language speakers parents elders refugees "
                           "communities".split())   # ("Yazidi parents", "Somali elders")
# (never a people's word before a group, after a name in a list: "Our Yazidi and Karen kids", "Art and Music teachers")
_COORD_GROUP_AFTER = re.compile(rf"[ \t]+(?i:{'|'.join(sorted(_PEOPLES_WORDS | _SCHOOL_GROUPS))}"
                                r"|and[ \t]+[A-Z][a-z]+[ \t]+(?:kids|students|families|children|parents|teachers|staff"
                                r"|departments?|classes))\b")
_PEOPLES_AFTER = re.compile(rf"[ \t]+(?i:{'|'.join(sorted(_PEOPLES_WORDS))})\b")
_SUFFIX_WORDS = frozenset("Jr Sr II III IV JR SR".split())
_SUFFIX_AFTER = re.compile(r"(?<=[ ]Jr|[ ]Sr|[ ]JR|[ ]SR)\.|,?[ ]+(?:Jr|Sr|JR|SR)\b\.?(?![ ]*[A-Z][a-z])|[ ]+(?:II|III|IV)\b")
_HOLIDAY_AFTER = re.compile(r"(?:,?[ \t]+(?:Jr|Sr)\.?)?['’]?s?[ \t]+Day\b")
# the titles of public offices: the person after one is a public figure ("Lt. Gov.", "Chief Justice" end in these)
_OFFICE_WORDS = frozenset("Sen Senator Rep Representative Congressman Congresswoman Gov Governor President Justice "
                          "Pope Queen".split())   # ("Queen Liliʻuokalani"; not King or Prince: given names too)
_PRESIDENT_GIVEN = re.compile(r"(?<![\w.])President[ \t]+([A-Z][a-z]+)[ \t]+$")
_PRESIDENT_BEFORE = re.compile(r"(?<![\w.])President[ \t]+$")
_OFFICE_BEFORE = re.compile(rf"(?<![\w.])(?:{'|'.join(sorted(_OFFICE_WORDS))})\.?[ \t]+$")
#: a public office's title right before a name the rules or the model kept as someone's ("Rep. Harlan Voss", "State
#: Sen. Marlene Crouch"): the title goes with the name (the program's own legislator is as identified by the office);
#: a stop only after an abbreviation ("the Senator. Maria Lopez ran" is two sentences)
_OFFICE_TITLE_BEFORE = re.compile(r"(?<![\w.])(?:(?:State|U\.[ ]?S\.|US|Lt\.?|Lieutenant)[ \t]+)?"
                                  r"(?:(?:Sen|Rep|Del|Gov)\.?|Senator|Representative|Congressman|Congresswoman"
                                  r"|Delegate|Governor|Assemblyman|Assemblywoman|Assemblymember)[ \t]+$")
#: the words before "Rep." that make it someone's job, not an office ("Sales Rep. Maria Lopez", "Union Rep. ...")
_REP_OF = re.compile(r"(?i:sales|customer|union|student|parent|class|team|company|vendor|field|service|account"
                     r"|district|school|staff|teacher|family|community|grade|board|building)[ \t]+$")
_LANGUAGE_WORDS = frozenset("karen chin hmong maya cheyenne".split())
# the local bodies whose presidents are people of a school's community, not public figures
_LOCAL_BODIES = (r"(?:stake|ward|branch|PTA|PTO|PTSA|booster\s+club|parent\s+council|union|association|club|society"
                 r"|chapter)")
_LOCAL_CONTEXT = re.compile(rf"\b(?i:{_LOCAL_BODIES}|board|council|committee)\b"
                            r"|\b(?:Bishop|Elder|Sister|Brother|Pastor|Relief[ \t]+Society)\b")
_LOCAL_BODY_AFTER = re.compile(rf",?[ \t]+of[ \t]+(?:the[ \t]+|our[ \t]+)?(?:[A-Z][\w'’-]*[ \t]+){{0,3}}"
                               rf"(?i:{_LOCAL_BODIES})\b")
_LOCAL_BODY = rf"\b(?i:{_LOCAL_BODIES}|pueblo|tribe|nation),?[ \t]+"
_LOCAL_BODY_END = re.compile(rf"{_LOCAL_BODY}$")
_LOCAL_BODY_BEFORE = re.compile(rf"{_LOCAL_BODY}(?:Vice[ \t]+|Lt\.?[ \t]+)?(?:President|Governor|Gov\.?|Chief)[ \t]+$")
# (every language of the list but those that are everyday words too: "Karen and Nuer families", never "Karen and Crow")
_LANGUAGES = "|".join(map(re.escape, sorted(LANGUAGE_NAMES - {"creek", "crow", "mam", "maya"}, key=len, reverse=True))) \
    + "|haitian"
_LANGUAGE_BESIDE = re.compile(rf"(?:{_LANGUAGES})(?:[ \t]*,[ \t]*|[ \t]+(?:or|and|&)[ \t]+)$", re.I)
_LANGUAGE_AFTER = re.compile(rf"(?:[ \t]*,[ \t]*|[ \t]+(?:or|and|&)[ \t]+)(?:{_LANGUAGES})\b"
                             r"|[ \t-]+(?:speaking|speakers?|language|interpreters?|translations?|translators?"
                             r"|families|community|communities|church|refugees?|students|parents|New[ \t]+Year"
                             r"|newcomers|paras?|languages?|greetings?|vocabulary|words|songs?|stories|culture"
                             r"|kindergart[ne]+rs|elders|is[ \t]+(?:a|both[ \t]+a)[ \t]+(?:people(?![ \t-]+person)|language)"
                             rf"|immersion|class(?:es)?|family[ \t]+(?:{_FAMILY_EVENTS}))\b", re.I)
# a language after a word of translation: "translated the survey into Karen", "interprets in Hmong"
_LANGUAGE_INTO = re.compile(r"\b(?:into|in|from|translates|translated|translating|interprets|interpreting|speaks"
                            r"|speaking)[ \t]+$")
_TRANSLATION_WORDS = re.compile(r"\b(?:translat|interpret|spoke|speak|language|fluent|bilingual)", re.I)
# a title of a work in quotes: its words capitalised or small ("of", "the"), with "the" or a possessive in it
_QUOTED_WORK = re.compile(r"[\"“]([A-Z][\w'’-]*(?:[ \t]+(?:[A-Z][\w'’-]*|of|the|and|in|on|a|an|to|at|for"
                          r"|from)){1,8})"
                          r"[,.!?]?[\"”]")


def _spoken(text: str, start: int, end: int) -> bool:
    """Whether the name at ``start:end`` is a language: one of :data:`_LANGUAGE_WORDS` beside another language or a
    word of language ("Karen or Nepali", "Spanish and Karen", "Karen-speaking", "the Karen New Year"), or after
    "into" or "in" in a text about translation ("translated the survey into Karen")."""
    return text[start:end].lower() in _LANGUAGE_WORDS and not text.startswith(("'s", "’s"), end) and bool(
        _LANGUAGE_AFTER.match(text, end) or _LANGUAGE_BESIDE.search(text, max(0, start - 30), start)
        or _LANGUAGE_INTO.search(text, max(0, start - 14), start) and _TRANSLATION_WORDS.search(text))


def _a_language(text: str, start: int, end: int) -> bool:
    """Whether the name at ``start:end`` is a language's (:data:`evalkit.namelists.LANGUAGE_NAMES`): every word a
    language's, the first no given name ("Ojibwe", "Hakha Chin"; "Karen" is :func:`_spoken`'s to judge), and a
    surname alone ("Thai", "Lao") only beside a word of language or after "in", "into" or "from"."""
    words = re.split(r"[ \t-]+", text[start:end].lower().replace("’", "'"))
    if not all(w in LANGUAGE_NAMES for w in words) or words[0] in all_given_names():
        return False
    return len(words) > 1 or words[0] not in all_surnames() or bool(
        _LANGUAGE_AFTER.match(text, end) or _LANGUAGE_BESIDE.search(text, max(0, start - 30), start)
        or _LANGUAGE_INTO.search(text, max(0, start - 14), start))


def _quoted(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` stands alone in quotes ("Braiding Sweetgrass")."""
    return 0 < start and end < len(text) and text[start - 1] in "\"“" and text[end] in "\"”"


def _quoted_title(text: str, start: int, end: int) -> bool:
    """Whether the name at ``start:end`` opens a quoted title of a work ("Julie of the Wolves", "Charlotte's Web")."""
    if start == 0 or text[start - 1] not in "\"“":
        return False
    m = _QUOTED_WORK.match(text, start - 1)
    if m is None:
        return False
    words = m.group(1).lower().split()
    return "the" in words or "of" in words or "'s" in m.group(1) or "’s" in m.group(1)
# a name's word beside a name found, one capital (or an inner capital after an apostrophe, "Ja'Kobe"; an ʻokina before
# a small letter, "Kaʻiulani")
# (a double surname's hyphen too: "Kowalczyk, Skenandore, Peshtigo-Bell")
_LIST_WORD = r"[A-Z][a-z]*(?:['’][A-Z]|ʻ[A-Za-z])?[a-z]+(?:-[A-Z][a-z]+)?"
# ("y" in Spanish: "Keyshla y Jandiel")
_AND_BEFORE = re.compile(rf"(?<![\w'’.-])({_LIST_WORD})[ \t]+{_JOINED_BY}[ \t]+$")
# (and a list's comma before its "and": "(Jayden, Kimberly, and Habib)")
_AND_AFTER = re.compile(rf",?[ \t]+{_JOINED_BY}[ \t]+({_LIST_WORD})(?![\w-]|['’](?!s\b)|[ \t]+[A-Z])")
# (a nickname in quotes inside the brackets too: 'Gulistan Haji ("Gule")')
# (a doubled nickname with its hyphen too: 'Chidinma Okonkwo ("Chi-Chi")')
_PAREN_AFTER = re.compile(r"[ \t]*\([\"“'‘]?([A-Z][a-z]+(?:-[A-Z][a-z]+)?)[\"”'’]?\)")
# (and a plus, as quick notes join two people: "(jay + abeba)")
_AND_BEFORE_LOWER = re.compile(r"(?<![\w'’.@/-])([a-z]{3,})[ \t]+(?:and|&|\+)[ \t]+$")
_AND_AFTER_LOWER = re.compile(r"[ \t]+(?:and|&|\+)[ \t]+([a-z]{3,})(?![\w@-])")
_LIST_BEFORE = re.compile(rf"(?<![\w'’.-])({_LIST_WORD}),[ \t]+$")
# (the list's last item at its line's end too: "Members: Kowalczyk, Skenandore, Peshtigo-Bell")
_LIST_AFTER = re.compile(rf",[ \t]+({_LIST_WORD})(?=[ \t]*,|[ \t]+(?:and|&)[ \t]|[ \t]*(?:\n|$))")
# (the last of three or more given names in brackets: "(Ifrah, Tomás, Bishal)"; not a name and its place, "(Carmen
# Ibarra, Oakmont)")
_LIST_END_BRACKET = re.compile(rf",[ \t]+({_LIST_WORD})(?=\))")
_FROM_BEFORE = re.compile(r"(?<![\w'’.-])([A-Z][a-z]+)[ \t]+from[ \t]+$")
_LOWER_BEFORE = re.compile(r"(?<![\w'’.@/-])([a-z]{3,})[ \t]+$")
# a name signed at the end, after a dash or on a line of its own: "call me 808-555-0131 - Cami", "--\nRenee"
# (letters a line ends with that are no one's: "Next session date — TBD", "See attached - IEP")
_NOT_SIGNED_INITIALS = _SCHOOL_ACRONYMS | frozenset("tbd tba lol fyi asap na ok am pm eod eow eom nb ps omg btw idk imo "
                                                    "smh thx ty".split())
_SIGN_OFF_INITIALS = re.compile(r"(?<![\w-])[-–—~]{1,2}[ \t]*([A-Z]{2,3}|[A-Z]\.[A-Z]\.)[ \t]*\Z")
_SIGN_OFF = re.compile(r"(?:\n|(?<![\w-])[-–—~]{1,2}[ \t]*)([A-Z][a-z]+(?:-[A-Za-z][a-z]+|ʻ[a-z]+)?)"
                       r"(?:[ \t]+([A-Z][a-z'’ʻ]+(?:-[A-Z][a-z]+)?))?[ \t]*[.!]?[ \s]*\Z")   # ("— Ji-hoon Park")


def _english(ltoks: set[str]) -> bool:
    """Whether half of a text's words (``ltoks``, lower case) or more are English words: "no English word" is
    evidence of a name only there (not in a comment in Spanish, or in placeholder Latin). Three words or fewer are
    too few to judge: they count as English ("Bashir Nur")."""
    return len(ltoks) <= 3 or sum(w in english_words() for w in ltoks) >= 0.5 * len(ltoks)


def _english_test(ltoks: set[str] | None) -> Callable[[], bool]:
    """:func:`_english` of ``ltoks`` as a test run once, and only if asked (None: no words to judge, English)."""
    memo: list[bool] = []

    def english() -> bool:
        if not memo:
            memo.append(ltoks is None or _english(ltoks))
        return memo[0]
    return english


# a full name beside another in a list, in title case or in capitals
# (two full names joined by "and" too: "Hattie Brisbane and Deloris Singleton")
_FULL_LIST_BEFORE = re.compile(r"(?<![\w'’.-])([A-Z][a-z]+|[A-Z]{2,})[ \t]+([A-Z][a-z'’-]+(?:[A-Z][a-z'’]+)?|[A-Z][A-Z'’-]+)"
                               r"(?:,[ \t]+|[ \t]+(?:and|&)[ \t]+)$")
_FULL_LIST_AFTER = re.compile(r"(?:,[ \t]+(?:and[ \t]+)?|[ \t]+(?:and|&)[ \t]+)([A-Z][a-z]+|[A-Z]{2,})[ \t]+"
                              r"([A-Z][a-z'’-]+(?:[A-Z][a-z'’]+)?|[A-Z][A-Z'’-]+)"
                              r"(?:[ \t]+(?:[A-Z][a-z'’-]+|[A-Z][A-Z'’-]+))?"   # ("TRAN MINH KHANG")
                              r"(?=[ \t]*(?:[,.;)]|$|\n|[ \t]+(?:and|&)\b))")


# a list's line, a bullet or a number before it: "- Dieudonné Habimana", "2. Thandar Aung"
_LIST_LINE = re.compile(r"^[ \t]*(?:[-*•–·▪]|\d{1,2}[.)])[ \t]+([^\n]*)", re.M)   # (its end stripped apart: \r too)
# (a couple on one line: "Donnie & Crystal Hall", "Donnie y Crystal Hall")
_LIST_LINE_NAME = re.compile(rf"[A-Z][\w'’.-]*(?:[ ]+{_JOINED_BY}[ ]+[A-Z][\w'’.-]*)?(?:[ ]+[A-Z][\w'’.-]*){{0,3}}")


def _listed_word(low: str, every: frozenset[str], rank: Mapping[str, int], last: frozenset[str] = frozenset()) -> bool:
    """Whether a word (lower case) of a line or a cell that holds names is one: a given name, a surname of ``last``, or
    no everyday word; never a title or a word that is no surname."""
    return low not in _NOT_SURNAME and low.title() not in _TITLE_WORDS \
        and (low in every or low in last or rank.get(low, PLAIN_RANK) >= PLAIN_RANK)


def _listed_names(text: str, cands: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The other lines of a list whose one line is a name found: a line that holds only one to four capitalised
    words, each a given name, a surname or no everyday word, a given name among them or two words at least
    ("Students recognized:<newline>- Dieudonné Habimana<newline>- Gentille Nizigiyimana<newline>- Kyaw Min Htut";
    not "- Data Team", "- Publix", "- TBD")."""
    every, last, rank = all_given_names(), all_surnames(), word_rank()
    starts = {c[0] for c in cands if c[2] == "PERSON"}   # (a name found at a line's start)
    out: list[tuple[int, int, str]] = []
    block: list[tuple[int, int, int, int]] = []   # (line start, line end, content start, content end)
    lines = []
    for m in _LIST_LINE.finditer(text):
        content = m.group(1).rstrip(" \t\r")
        lines.append((m.start(), m.end(), m.start(1), m.start(1) + len(content)))
    for line in lines + [None]:
        if line is not None and (not block or text.count("\n", block[-1][1], line[0]) == 1
                                 and not text[block[-1][1]:line[0]].strip()):
            block.append(line)
            continue
        if len(block) >= 2 and any(b[2] in starts for b in block):
            for _, _, a, z in block:
                words = [w.strip(".").lower() for w in text[a:z].split() if not re.fullmatch(_JOINED_BY, w)]
                if _LIST_LINE_NAME.fullmatch(text, a, z) and words \
                        and (len(words) >= 2 or words[0] in every) \
                        and all(_listed_word(w, every, rank, last) for w in words):
                    out.append((a, z, "PERSON"))
        block = [line] if line is not None else []
    return out


# the lines of a chat copied from Teams or Slack, each speaker's name over a time: "Losa Tuimavave 6:41 PM"
_CHAT_TIME_LINE = re.compile(r"(?m)^[ \t]*([A-Z][\w'’ʻ-]*(?:[ ][A-Z][\w'’ʻ-]*){0,2})[ ]+\d{1,2}:\d\d(?:[ ]?[AaPp]\.?[Mm]\.?)?"
                             r"[ \t]*$")


_CELL_INITIAL = re.compile(r"[A-Z]\.?")
# (a table's header that says its column holds people's names)
_NAME_HEADERS = frozenset(("name", "names", "student", "students", "student name", "first name", "full name",
                           "participant", "participant name", "parent", "parent name", "nombre", "estudiante"))
_NAME_HEADER_LINE = re.compile(r"(?im)^[ \t|]*(?:student[ ]|first[ ]|full[ ]|participant[ ]|parent[ ])?(?:name|nombre)s?"
                               r"[ \t]*[,;\t|]")
_RULE_ROW = re.compile(r"[ \t]*\|?[ \t]*:?-{3,}")   # (the rule under a Markdown table's header row)


def _column_names(text: str, cands: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The first cells of a table's rows whose one row starts with a name found (rows of as many commas or tabs:
    "Josué Elías Mejía Argueta,6,Spanish,2,new to country<newline>Betelhem,7,Amharic,1,monitor only"), and the speakers
    of a chat whose one speaker was found ("Losa Tuimavave 6:41 PM ... Peta 6:41 PM"); each cell one to four
    capitalised words, each a given name, a surname or no everyday word (never a header: "Name,Grade,Language")."""
    every, rank = all_given_names(), word_rank()
    starts = {c[0] for c in cands if c[2] == "PERSON"}
    held = {c[0] for c in cands if c[2] != "PERSON"}   # (a cell a school or an address holds is theirs)
    found = {c[0]: c[1] for c in cands if c[2] == "PERSON"}

    def name(a: int, z: int) -> bool:
        words = text[a:z].split()
        if len(words) >= 2 and _CELL_INITIAL.fullmatch(words[-1]):
            words = words[:-1]       # (a surname with a letter: "Oglesby D", "Saucedo R.")
        # (a census surname that is an everyday word is no name here: never "Last,First,...")
        return 1 <= len(words) <= 4 and all(w[:1].isupper() and _listed_word(w.lower(), every, rank)
                                            and w.lower() not in PRODUCT_NAMES for w in words)

    out: list[tuple[int, int, str]] = []
    rows: dict[tuple[str, int], list[list[tuple[int, int]]]] = {}   # (each row's cells, by separator and count)
    headers: dict[tuple[str, int], list[str]] = {}                   # (a Markdown table's header row)
    pos = 0
    lines = text.split("\n")
    for i, line in enumerate(lines):
        for sep in (",", "\t", "|", ";", " / "):   # (" / ": a tracker's rows, "Salt River Bay Elem / Heyliger S / 5")
            if line.count(sep) >= 2:
                cells, at = [], pos
                for cell in line.split(sep):
                    lead = len(cell) - len(cell.lstrip(" "))
                    cells.append((at + lead, at + lead + len(cell.strip(" "))))
                    at += len(cell) + len(sep)
                if sep == "|" and not line[:cells[0][0] - pos].strip() and cells[0][0] == cells[0][1]:
                    cells = cells[1:-1] if cells[-1][0] == cells[-1][1] else cells[1:]   # ("| Oglesby D | placed AP |")
                key = (sep, line.count(sep))
                if sep == "|" and i + 1 < len(lines) and _RULE_ROW.match(lines[i + 1]):
                    headers[key] = [text[a:z].lower() for a, z in cells]   # (its header, never a name)
                elif cells:
                    # (the found surname's letter, in any cell: "Oglesby D", "... / Heyliger S / 5 of 5")
                    out += [(a, z, "PERSON") for a, z in cells
                            if found.get(a, z) < z and _CELL_INITIAL.fullmatch(text[found[a]:z].strip())]
                    rows.setdefault(key, []).append(cells)
                break
        pos += len(line) + 1
    for key, table in rows.items():
        header = headers.get(key) or [text[a:z].lower() for a, z in table[0]]
        for column in range(max(map(len, table))):
            cells = [row[column] for row in table if column < len(row)]
            found_whole = sum(found.get(a) == z for a, z in cells)
            # (the first cells of rows one of which starts with a name found; a later column with two names found in
            # it whole: "| Salt Valley PS | Esparza | 12 |<newline>| Elkhorn Ridge PS | Voegele | 9 |"; a column
            # whose header says it holds names: "name;school;language<newline>Sabitri;Northland Ridge;Nepali")
            # (a header's word alone, where a cell of the column is a listed given name or surname: never a list of
            # apps under "name", "Kahoot, Desmos, Nearpod" (second reader, session 22))
            if column == 0 and len(cells) >= 2 and any(a in starts for a, _ in cells) \
                    or column > 0 and len(cells) >= 3 and found_whole >= 2 \
                    or column < len(header) and header[column] in _NAME_HEADERS and len(cells) >= 2 \
                    and any((w := fold(text[a:z].split()[0]).lower()) in every or w in all_surnames()
                            for a, z in cells if z > a):
                out += [(a, z, "PERSON") for a, z in cells if z > a and a not in held and name(a, z)
                        and text[a:z].lower() not in _FIELD_LABELS and text[a:z].lower() not in _NAME_HEADERS]
    speakers = [m.span(1) for m in _CHAT_TIME_LINE.finditer(text)] if ":" in text else []
    if len(speakers) >= 2 and any(a in starts for a, _ in speakers):
        out += [(a, z, "PERSON") for a, z in speakers if a not in held and name(a, z)]
    # (the speakers of a chat with two lines or more of speakers found: "Kiran: did anyone get it?<newline>Rabi: sent")
    labels = [m.span(1) for m in _SPEAKER.finditer(text)] if text.count(":") >= 3 else []
    if sum(found.get(a) == z for a, z in labels) >= 2:
        out += [(a, z, "PERSON") for a, z in labels if a not in held and name(a, z)
                and text[a:z].lower() not in _FIELD_LABELS and text[a:z].lower() not in _PRONOUNS]
    return out


# Names by the records they fill (round 28): a list of given names with initials ("Exaucé M., Ange K., Nasra A.", three
# at least), a sign-in's ticks ("Abernathy ✓, Lapointe ✓, Marchetti ✗", two at least), a motion's mover and seconder
# ("Moved by Barajas, seconded by Sandoval"), families named together ("the Pahukoa and Lindsey families")
# (a capital, then a word with a small letter in it, read once: possessive, so a run of "Box1Box1..." is no square)
_NAME_WORD = r"[A-Z](?=[\w'’ʻ-]*?[a-z])[\w'’ʻ-]*+"
# (and a sign-in's surnames with a letter each, in capitals or not: "SUTTON M, GALLARDO R, VU L, ADJEI K")
_SURNAME_LETTER_ITEM = re.compile(r"(?<![\w'’.-])([A-Z][A-Za-z'’-]+)[ ][A-Z](?![\w.'’-])(?=[ \t]*(?:[,;\n]|$))")
# (the list's last item may end its sentence: "Ariana M., Devontae K. Facilitated by ...", "Devontae K..")
_GIVEN_INITIAL_ITEM = re.compile(rf"(?<![\w'’.-])({_NAME_WORD})[ ][A-Z]\.(?=[ \t]*(?:[,;)\n]|$)|\.|[ \t]+[A-Z]|[ \t]+\()")
_GIVEN_INITIAL_PAIR = re.compile(rf"(?<![\w'’.-])({_NAME_WORD})[ ]([A-Z]\.)[ ]and[ ]({_NAME_WORD})[ ]([A-Z]\.)(?=[ \t]*[,;)\n]|$)")
_TICKED = re.compile(rf"(?<![\w'’-])({_NAME_WORD}(?:[ ]{_NAME_WORD})?)(?:[ ]\([^()\n]{{1,20}}\))?[ ]?[✓✔✗✘☑☒]")
_MOVED_BY = re.compile(rf"\b(?:(?:[Mm]oved|[Mm]otion|[Ss]econded|[Ss]econd)[ ]by[ ]|[Mm]otion\b[^:\n]{{0,60}}:[ ]*"
                       rf"|[Ss]econd(?:ed)?:[ ]*)({_NAME_WORD})(?![\w'’-])")   # ("Motion to co-host: Chea; second: ...")
_MOTION_TEXT = re.compile(r"\b(?:seconded|second(?:ed)?[ ]by|motion|carried|passed[ ]\d|vote[ds]?)\b", re.I)
# a name and who they are, in apposition: "Madison, a 7th grader, told us ...", "Kofi, a parent on the team"
_APPOSITION = re.compile(rf"(?<![\w'’.-])({_NAME_WORD}),[ ]an?[ ](?:\d{{1,2}}(?:st|nd|rd|th)[- ]grader|(?:\w+[ ])?(?:student"
                         r"|senior|junior|freshman|sophomore|parent|mom|dad|grandmother|grandfather|teacher|para"
                         r"|counselor|coach|kindergartner|fifth[- ]grader|sixth[- ]grader))\b")
# (never inside a list of initials and surnames: "B. Caudill, M. Pridemore")
_SURNAME_COMMA_INITIAL = re.compile(r"(?<![\w'’.-])(?<![A-Z]\.[ ])([A-Z][a-z'’-]+),[ ]([A-Z])\.(?![\w.]|[ ]?[A-Z]\.|[ ]+[A-Z][a-z])")
_FAMILIES_TOGETHER = re.compile(rf"\bthe[ ]((?:{_NAME_WORD},?[ ]){{1,4}}(?:and|&)[ ]{_NAME_WORD})[ ]families\b")


def _record_names(text: str) -> list[tuple[int, int, str]]:
    """People named by the records they fill (:data:`_GIVEN_INITIAL_ITEM`, :data:`_TICKED`, :data:`_MOVED_BY`,
    :data:`_FAMILIES_TOGETHER`); each a given name, a surname or a word that is no English word (never "Plan B.",
    "Agenda ✓", "the board chair")."""
    every, last, words = all_given_names(), all_surnames(), english_words()

    def name(word: str) -> bool:
        low = word.lower()
        return low not in _NOT_SURNAME and low not in PRODUCT_NAMES and low not in _PEOPLES \
            and low not in LANGUAGE_NAMES and word.title() not in _TITLE_WORDS \
            and (low in every or low in last or low not in words
                 or "'" in low and low.replace("'", "") in last)   # ("O'ROURKE": "orourke" is the list's)

    def runs(items: list[re.Match[str]], gap: str, sure: Callable[[re.Match[str]], bool] = lambda m: True
             ) -> list[tuple[int, int, str]]:
        # the items that stand in a list of three at least, one after another with only ``gap`` between, all of
        # them ``sure`` but one at most
        found, run = [], []
        for m in items + [None]:
            if m is not None and run and re.fullmatch(gap, text[run[-1].end():m.start()]):
                run.append(m)
                continue
            if len(run) >= 3 and sum(not sure(r) for r in run) <= 1:
                found += [(r.start(), r.end(), "PERSON") for r in run]
            run = [m] if m is not None else []
        return found

    out: list[tuple[int, int, str]] = []
    if ". " in text or ".," in text:
        # (one given name that is an English word too may stand among them: "Gloire M., Divine K., Usman R.")
        out += runs([m for m in _GIVEN_INITIAL_ITEM.finditer(text) if name(m.group(1))],
                    # (a note in brackets after each: "Gloire M. (gr 2, reading), Divine K. (gr 4, behavior)")
                    r"(?:[ \t]*\([^()\n]{1,40}\))?[,;][ \t]*\n?[ \t]*",
                    lambda m: m.group(1).lower() in every or m.group(1).lower() not in words)
    if " and " in text and ". " in text:
        # (two given names with their initials, joined: "Two of them, Abdullahi M. and Hawo A., scored ...")
        for m in _GIVEN_INITIAL_PAIR.finditer(text):
            if all(name(g) and (g.lower() in every or g.lower() not in words) for g in (m.group(1), m.group(3))):
                out += [(m.start(1), m.end(2), "PERSON"), (m.start(3), m.end(4), "PERSON")]
    if ", " in text:
        rank = word_rank()
        out += runs([m for m in _SURNAME_LETTER_ITEM.finditer(text)
                     if name(m.group(1)) and (m.group(1).lower() in every or m.group(1).lower() not in words
                                              or rank.get(m.group(1).lower(), PLAIN_RANK) >= EVERYDAY_RANK
                                              or "'" in m.group(1) and m.group(1).lower().replace("'", "") in last)],
                    r"[,;][ \t]*")
    if any(mark in text for mark in "✓✔✗✘☑☒"):
        rank = word_rank()
        ticked = [m for m in _TICKED.finditer(text)
                  if all(name(w) and (w.lower() in every or w.lower() not in words
                                      or rank.get(w.lower(), PLAIN_RANK) >= PLAIN_RANK) for w in m.group(1).split())]
        if len(ticked) >= 2:
            out += [(m.start(1), m.end(1), "PERSON") for m in ticked]
    if (" by " in text or ":" in text) and _MOTION_TEXT.search(text):
        # (minutes only: "I was moved by Kotter" is a reader's)
        out += [(m.start(1), m.end(1), "PERSON") for m in _MOVED_BY.finditer(text) if name(m.group(1))
                and m.group(1).lower() not in FAMOUS_SURNAMES]
    if ", a" in text:
        out += [(m.start(1), m.end(1), "PERSON") for m in _APPOSITION.finditer(text) if name(m.group(1))]
    if "." in text and ", " in text:
        # a surname and its initial, as a system lists someone: '"Kabonga, M."' (never a town and its state)
        places = place_names()
        # (a surname that is no everyday word: never "Best, K.", "Cheers, M.", "Rating: Good, A.")
        rank = word_rank()
        out += [(m.start(), m.end(), "PERSON") for m in _SURNAME_COMMA_INITIAL.finditer(text)
                if name(m.group(1)) and m.group(1).lower() not in places and m.group(1).lower() not in _STATE_NAMES
                and rank.get(m.group(1).lower(), PLAIN_RANK) >= PLAIN_RANK]
    if "families" in text:
        places = place_names()
        for m in _FAMILIES_TOGETHER.finditer(text):
            found = [(w.start(), w.end()) for w in re.finditer(_NAME_WORD, m.group(1))]
            if all(name(w) and (w.lower() in last or w.lower() not in places)
                   for w in (m.group(1)[a:b] for a, b in found)):
                out += [(m.start(1) + a, m.start(1) + b, "PERSON") for a, b in found]
    return out


_TWO_LETTER_NOT_NAMES = frozenset(s.lower() for s in _STATES.split("|") if len(s) == 2) \
    | frozenset("ap pd pe ed hr it ok us ms mr dr st jr sr ta ll el ib os".split())


def _vouched(text: str, ltoks: set[str], cands: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Words that the names and schools found vouch for as names, everyday words included: a name joined to a
    found one by "and" ("Rania and River"), a nickname in brackets after one ("Seo-yeon Park (Sunny)"), a name
    "from" a found school ("Mark from PC 412"), a word in lower case that is no English word before a lower-case
    name ("kasia wisniewska"), and a name signed at the end of the comment."""
    every, given, words = all_given_names(), given_names(), english_words()

    def name(word: str) -> bool:
        low = word.lower()
        # (two letters in title case are a name too beside a name found, "Marisol, Vy and Tomasz"; never a state's or
        # an office's letters, "Tx and Ok regions", "Ap and Sped teams")
        return ((low in every and low not in CALENDAR)
                or ((len(low) >= 3 or word.istitle() and low not in _TWO_LETTER_NOT_NAMES) and low not in words)) \
            and low not in _NOT_SURNAME and low not in _GREETINGS and low not in PRODUCT_NAMES

    out = []
    joined, listed, bracketed = "and" in text or "&" in text or " y " in text or " + " in text, "," in text, "(" in text
    sourced = "from" in text
    for s, e, label in cands:
        if label == "PERSON":
            if joined:
                before = (_AND_BEFORE.search(text, max(0, s - 30), s)
                          if text[max(0, s - 8):s].rstrip().endswith(("and", "&", " y")) else None)
                # (a word ending its sentence is no phrase's: "Elementary, Lexington. Grant and Marisol")
                cap = _SPACE_BEFORE_CAP.search(text, max(0, before.start() - 30), before.start()) if before else None
                if cap and not (cap.group(1).endswith(".") and len(cap.group(1)) > 3 and cap.group(1)[-2].islower()) \
                        and not _GROUP_BEFORE.search(text, max(0, before.start() - 16), before.start()):
                    before = None     # the end of a capitalised phrase: "Presidents Day and Cesar Chavez Day"
                    #                   (not a group's noun: "Parents Eli and Sadie Riehl")
                for m in (before, _AND_AFTER.match(text, e)):
                    if m and name(m.group(1)) and not ("y" in m.group(0).split() and m.group(1).lower() in spanish_words()
                                                       and m.group(1).lower() not in every):   # (not "Cielo", "Ángel")
                        out.append((m.start(1), m.end(1), "PERSON"))   # (not "Lupe y Compañía")
            m = _PAREN_AFTER.match(text, e) if bracketed else None
            if m and name(m.group(1)):
                out.append((m.start(1), m.end(1), "PERSON"))
            # the items of a list of names ("Zayn, Emir, and Kayden"): plainly names only, not "Maria, Art and Music"
            last = _LIST_END_BRACKET.match(text, e) if bracketed and listed and text.endswith(", ", 0, s) \
                and " " not in text[s:e] else None
            for m in ((_LIST_BEFORE.search(text, max(0, s - 30), s) if text[max(0, s - 4):s].rstrip().endswith(",")
                       else None), _LIST_AFTER.match(text, e) or last) if listed else ():
                if m and (m.group(1).lower() in given or m.group(1).lower() not in words) and name(m.group(1)):
                    out.append((m.start(1), m.end(1), "PERSON"))
            # and a list of full names, a given name and a surname each ("ZION OKORO, HUNTER BLACKWELL, NOBLE
            # ADEBAYO"): a full name found vouches for the full names beside it
            if (listed or joined) and " " in text[s:e].strip():
                for m in (_FULL_LIST_BEFORE.search(text, max(0, s - 40), s), _FULL_LIST_AFTER.match(text, e)):
                    if m and (m.group(1).lower() in every or m.group(1).lower() not in words) \
                            and (m.group(2).lower() in all_surnames()
                                 or word_rank().get(m.group(2).lower(), PLAIN_RANK) >= EVERYDAY_RANK) \
                            and name(m.group(1)) and m.group(2).lower() not in _NOT_SURNAME:   # (a rare word: "Dorje Sherpa")
                        out.append((m.start(1), m.end(2) if m.re is _FULL_LIST_BEFORE else m.end(), "PERSON"))
            if text[s:e].islower():
                m = _LOWER_BEFORE.search(text, max(0, s - 30), s)
                if m and m.group(1) not in words and m.group(1) not in _NOT_SURNAME and _english(ltoks):
                    out.append((m.start(1), m.end(1), "PERSON"))
                # "hamza and yusuf": a lower-case given name joined to a lower-case name found
                for m in ((_AND_BEFORE_LOWER.search(text, max(0, s - 30), s), _AND_AFTER_LOWER.match(text, e))
                          if joined else ()):
                    # (a given name that is a rare word too: "(jay + abeba)"; never "bill and abeba")
                    if m and (m.group(1) in given or m.group(1) not in words and _english(ltoks)
                              or m.group(1) in every and word_rank().get(m.group(1), PLAIN_RANK) >= EVERYDAY_RANK) \
                            and m.group(1) not in _NOT_SURNAME:
                        out.append((m.start(1), m.end(1), "PERSON"))
        elif label == "SCHOOL" and sourced:
            m = _FROM_BEFORE.search(text, max(0, s - 30), s)
            if m and name(m.group(1)):
                out.append((m.start(1), m.end(1), "PERSON"))
    if "\n" in text and any(c[2] == "PERSON" for c in cands):
        out += _listed_names(text, cands)
    if "\n" in text and (any(c[2] == "PERSON" for c in cands) or _NAME_HEADER_LINE.search(text)):
        out += _column_names(text, cands)
    tail = text[-40:]
    m = _SIGN_OFF.search(text, max(0, len(text) - 40)) if "\n" in tail or "-" in tail or "~" in tail \
        or "\u2013" in tail or "\u2014" in tail else None
    if m is None and ("-" in tail or "~" in tail or "\u2013" in tail or "\u2014" in tail):
        # initials signed after a dash at the very end: "Thx -KB", "— JT"
        m2 = _SIGN_OFF_INITIALS.search(text, max(0, len(text) - 12))
        if m2 and m2.group(1).replace(".", "").lower() not in _NOT_SIGNED_INITIALS:
            out.append((m2.start(1), m2.end(1), "PERSON"))
    if m and all(name(p) for p in m.group(1).split("-")):
        # a surname after the given name signs too: a census surname or a word that is no English word
        two = m.group(2) and (m.group(2).lower() in all_surnames() or m.group(2).lower() not in words)
        out.append((m.start(1), m.end(2) if two else m.end(1), "PERSON"))
    return out


def _join_neighbours(text: str, spans: list[tuple[int, int, str]], given: frozenset[str],
                     rank: Mapping[str, int]) -> list[tuple[int, int, str]]:
    """A capitalised word next to a name found off the roster joins it when it is a given name or no English word
    ("Oluwaseun Adeyemi presented": the verb vouches for Adeyemi, Oluwaseun is no word), so that no half-name is
    left for a second run to find."""
    out = []
    for s, e, label in spans:
        if label == "PERSON":
            before = _SPACE_BEFORE_CAP.search(text, max(0, s - 30), s)
            # (never a word that ends its sentence: "not for Ayaprun. Martha suggested"; a title's or a kind's
            # abbreviation with its stop stays: "Profa. Lorena", "Mtro. Papo", "Esc. Elemental")
            if before and before.group(1)[0] != "[" and _namelike(before.group(1), given, rank) \
                    and not _sentence_start_function_word(text, before) \
                    and not (before.group(1).endswith(".") and len(before.group(1)) > 3
                             and before.group(1).rstrip(".").title() not in _TITLE_WORDS
                             and before.group(1).rstrip(".").title() not in _ABBREVIATED_KINDS):
                s = before.start(1)
            after = _NEXT_NAME.match(text, e)
            if after and _namelike(after.group(1), given, rank):
                e = after.end(1)
        out.append((s, e, label))
    return out


# abbreviated titles and school kinds that end with a stop before a name: "Profa. Lorena", "Esc. Elemental"
_ABBREVIATED_KINDS = frozenset("Profa Mtro Mtra Hno Hna Lcda Lcdo Ing Arq Esc Col Sta Sto".split())


def _namelike(word: str, given: frozenset[str], rank: Mapping[str, int]) -> bool:
    low = word.lower().rstrip(".")
    return word[:1].isupper() and word[1:2].islower() and low not in _NOT_SURNAME and low not in _GREETINGS \
        and low not in PRODUCT_NAMES and (low in given or low not in rank)


def _sentence_start_function_word(text: str, m: re.Match[str]) -> bool:
    return m.group(1).lower() in _NOT_SURNAME and _sentence_start(text, m.start(1))


def _authored(text: str, start: int, end: int) -> bool:
    """Whether the name at ``start:end`` is an author beside their work's title, not someone of the program."""
    if _TITLE_BEFORE.search(text, max(0, start - 20), start) or text[start:end].split()[0].rstrip(".") in _TITLE_WORDS:
        return False
    return bool(_WORK_AFTER.match(text, end) or _WORK_BEFORE.search(text, max(0, start - 80), start)
                and not _RECORD_BY.search(text, max(0, start - 20), start))


def _placed(text: str, start: int) -> bool:
    """Whether the capitalised word before ``start`` makes a place of the word at ``start`` ("Love Field")."""
    prev = _SPACE_BEFORE_CAP.search(text, max(0, start - 30), start)
    if prev is None:
        return False
    word = prev.group(1).rstrip(".")
    return word.lower() not in given_names() and word not in _TITLE_WORDS


def _local_names(address: str, common: frozenset[str]) -> set[str]:
    """Everyday-word names in an e-mail's local part: {"frank", "may"} for "frank.may@...", lower case."""
    local = re.split(r"@|\s*(?:\(at\)|\[at\]|\bat\b)", address.lower(), maxsplit=1)[0]
    return {t for t in re.split(r"[._+-]", local) if t in common}


def _no_office(folded: str) -> bool:
    """Whether no office's title can stand in ``folded`` (a quick test before :func:`_office_titled`)."""
    return not any(w in folded for w in ("Sen", "Rep", "Congress", "Del", "Gov", "Assembly"))


def _office_titled(folded: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Each PERSON span with the public office's title right before it ("Rep. Harlan Voss", "State Sen. Marlene
    Crouch"), the spans of the title's own words taken in; never a title another span reaches into, nor a job's
    ("Sales Rep."). One pass over the sorted spans (the title is short: the spans looked back over are few)."""
    spans = sorted(spans)
    out: list[tuple[int, int, str] | None] = list(spans)
    for k, (s, e, label) in enumerate(spans):
        if label != "PERSON" or not (m := _OFFICE_TITLE_BEFORE.search(folded, max(0, s - 30), s)) \
                or _REP_OF.search(folded, max(0, m.start() - 12), m.start()):
            continue
        inside, j = [], k - 1
        while j >= 0 and spans[j][1] > m.start():
            if not (m.start() <= spans[j][0] and spans[j][2] == "PERSON"):
                break   # (a span reaching into the title from before it: each stays as it was)
            inside.append(j)
            j -= 1
        else:
            for i in inside:
                out[i] = None
            out[k] = (m.start(), e, label)
    return sorted(c for c in out if c is not None)


def _with_titles(text: str, cands: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Add the title before each name as its own PERSON candidate; it joins the name unless taken."""
    titles = []
    for s, _, label in cands:
        t = _title_start(text, s) if label == "PERSON" else s
        if t < s:
            titles.append((t, t + len(text[t:s].rstrip()), "PERSON"))
    return cands + titles


def _title_start(text: str, s: int) -> int:
    m = _TITLE_BEFORE.search(text, max(0, s - 20), s)
    return m.start() if m else s


def _words(words: Iterable[str]) -> list[str]:
    return [w.strip() for w in words if isinstance(w, str) and len(w.strip()) >= 2]


_SURNAME_PARTICLES = frozenset("van von de del der den da di du la le las los dos das do ten ter st saint santa san "
                                "mac mc al el bin ibn ben abu".split())
#: the titles of respect and of roles as single words, lower case ("ms", "dr", "pastor", "sra")
_TITLES_LOWER = frozenset(w.lower() for w in _TITLE_WORDS if w.isalpha()) | frozenset(_LOWER_TITLES) \
    | frozenset(_LOWER_ROLE_TITLES)
#: words that name no one beside a surname in a public name (:meth:`PiiDetector.roster_named`): titles and particles
_PUBLIC_FILLER = _TITLES_LOWER | _SURNAME_PARTICLES
_PARTICLE_LED = re.compile(r"(?:(?:van|von|de|del|der|den|da|di|du|la|le|dos|das|ten|ter)[ ])+[A-Z][\w'’-]*")


def _capitalised(word: str) -> bool:
    """Capitalised or ALL CAPS; a two-letter ALL-CAPS word is an acronym ("AP"), not a name."""
    return word[:1].isupper() and not (word.isupper() and len(word) <= 2)


def _sentence_start(text: str, start: int) -> bool:
    """Whether ``start`` begins a sentence, a line or a list item."""
    before = text[max(0, start - 40): start]
    stripped = before.rstrip()
    return not stripped or "\n" in before[len(stripped):] or stripped[-1] in ".!?:;\"'(-*>•"


_EXTENSION_GAP = re.compile(r"[ ]?[(,;][ ]?|[ ]{1,2}")


def _resolve(text: str, cands: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Keep the longest of overlapping spans (overlapping names unite), then join names separated only
    by spaces ("Maria" "Garcia", "Dr." "O'Neil") into one span."""
    # (the spans kept never overlap one another: kept sorted by start, a candidate's overlaps are the run of spans
    # just before where its end would sort, found by bisection rather than by a scan of every span kept)
    kept: list[tuple[int, int, str]] = []
    for c in sorted(cands, key=lambda c: (c[0] - c[1], _PRIORITY[c[2]], c[0])):
        hi = bisect.bisect_left(kept, (c[1],))
        lo = hi
        while lo > 0 and kept[lo - 1][1] > c[0]:
            lo -= 1
        hit = kept[lo:hi]
        if not hit:
            bisect.insort(kept, c)
        elif c[2] in ("PERSON", "SCHOOL") and all(k[2] == c[2] for k in hit):
            del kept[lo:hi]   # "New Dawn" and "Dawn Charter": one school
            bisect.insort(kept, (min(c[0], *(k[0] for k in hit)), max(c[1], *(k[1] for k in hit)), c[2]))
        elif c[2] == "PERSON" and len(hit) == 1 and hit[0][2] == "EMAIL" and c[0] < hit[0][0]:
            # a name that sticks out of an e-mail's spelled-out local part is that part: "dana reyes" and "reyes at
            # example dot org" are one e-mail
            del kept[lo:hi]
            # (with an initial read out before the name: "v hunter grimes at q c p s dot example dot org")
            start = c[0] - 2 if _SPOKEN_INITIAL_BEFORE.search(text, max(0, c[0] - 3), c[0]) else c[0]
            bisect.insort(kept, (start, hit[0][1], "EMAIL"))
    out: list[tuple[int, int, str]] = []
    for c in sorted(kept):
        saint = text.endswith((" St", " Ste"), out[-1][0], out[-1][1]) if out else False
        if out and c[2] == out[-1][2] == "PERSON" and (_GAP.fullmatch(text, out[-1][1], c[0])
                                                       or saint and _SAINT_GAP.fullmatch(text, out[-1][1], c[0])
                                                       or _PARTICLE_GAP.fullmatch(text, out[-1][1], c[0])):
            out[-1] = (out[-1][0], c[1], "PERSON")
        elif out and c[2] == out[-1][2] == "SCHOOL" and text[out[-1][1]:c[0]] == " ":
            out[-1] = (out[-1][0], c[1], "SCHOOL")   # "ISD 917" "Area Schools": one body
        elif out and c[2] == out[-1][2] == "PHONE" and (gap := _EXTENSION_GAP.fullmatch(text, out[-1][1], c[0])) \
                and text[c[0]:c[0] + 1] in "xXeE":
            # a number and its extension apart, in brackets or after a comma: one number ("612-555-0134 (ext. 214)")
            end = c[1] + 1 if "(" in gap.group(0) and text.startswith(")", c[1]) else c[1]
            out[-1] = (out[-1][0], end, "PHONE")
        else:
            out.append(c)
    return _join_nicknames(text, out) if '"' in text or "(" in text or "“" in text else out


def _body_after_person(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A district named like a landform in brackets after a person found, or after "from": "Zah, Marvin (Cibola
    Plateau)", "Luísa Botelho (guest, Salisbury Plain)", "Dr. Loretta Ambrose from Tipton Valley" (two or three
    capitalised words, the last a landform's; never a town or a state of the lists, a university, a church or a
    nation: "(Wayne State)", "from Walnut Creek", "(Oneida Nation)")."""
    taken = _Taken(spans)
    places = place_names()
    out = []
    for s, e, label in spans:
        if label != "PERSON":
            continue
        if _INTRO_BEFORE.search(text, max(0, s - 12), s) and (m := _INTRO_FROM.match(text, e)) \
                and not taken.holds(m.start(1), m.end(1)) and fold(m.group(1)).lower() not in places \
                and m.group(1).split()[0].lower() not in _NOT_SCHOOL_NAME \
                and fold(m.group(1).split()[0]).lower() not in _STATE_NAMES \
                and (m.group(1).isdigit()
                     or any(word_rank().get(w, PLAIN_RANK) >= EVERYDAY_RANK and w not in PRODUCT_NAMES
                            for w in fold(m.group(1)).lower().split())):
            # a caller's own school after "this is ... from": "hey it's Willy from 418", "this is Honey from
            # Spindle", "this is mari from fruit vale heights period" (a school's number or a word that is no
            # everyday word: never a town of the lists, "the office", "earlier", "upstairs", "work", "Google")
            out.append((m.start(1), m.end(1), "SCHOOL"))
            continue
        m = _BODY_AFTER_PERSON.match(text, e)
        if not m or taken.holds(m.start(1), m.end(1)):
            continue
        words = m.group(1).split()
        if words[-1] in _BODY_LANDFORMS and fold(m.group(1)).lower() not in places \
                and word_rank().get(fold(words[0]).lower(), PLAIN_RANK) >= EVERYDAY_RANK \
                and not any(w.lower() in _NOT_BODY_WORDS for w in words) \
                and fold(words[0]).lower() not in _STATE_NAMES:
            out.append((m.start(1), m.end(1), "SCHOOL"))
    return sorted(spans + out) if out else spans


_INTRO_BEFORE = re.compile(r"\b(?:this\s+is|it['’]?s|its|i['’]?m|im)[ \t]+$", re.I)
_INTRO_FROM = re.compile(r"[ ]from[ ](?!(?:the|our|my|a|an|your|his|her)\b)([\w'’-]+(?:[ ][\w'’-]+){0,3}?)"
                         r"(?=[ ]*(?:[.,;:!?)]|$|[ ](?:period|comma|and|lol|calling|here|about|with|i|we|ok|did|can|just)\b))",
                         re.M | re.I)
_BODY_AFTER_PERSON = re.compile(r"(?:[ ]\((?:[a-z][a-z ]{0,25},[ ])?|[ ]from[ ](?:the[ ])?)"
                                r"([A-Z][\w'’ʻ-]+(?:[ ][A-Z][\w'’ʻ-]+){1,2})(?=\)|[ ]*[.,;:!?]|[ ]*$|[ ]+[a-z])", re.M)
_BODY_LANDFORMS = frozenset("Plateau Canyon Ridge Plain Plains Hills Rim Harbor Bend Grove Creek Springs Valley Flats "
                            "Falls Lakes Point Prairie Mesa Basin Hollow Heights Bluff Bluffs Gap Junction Crossing "
                            "Landing Meadows Pines Shores Township".split())
_NOT_BODY_WORDS = frozenset("state college university church nation tribe tribal hospital clinic center".split())


def _lower_full_list(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The other items of a line's list of full names in lower case, two of them found: "hana habte, corbin salas,
    lily par, kwame asante, eh soe (student rep)" (each word a given name, no everyday word, or no word at all; never
    "math reading" or "the gym")."""
    persons = _Taken([c for c in spans if c[2] == "PERSON"])
    taken = _Taken(spans)
    rank, every = word_rank(), all_given_names()
    out = []
    for line in _LINE.finditer(text):
        items = list(_LOWER_LIST_ITEM.finditer(text, line.start(), line.end()))
        if len(items) < 3 or sum(persons.contains(m.start(1), m.end(1)) for m in items) < 2:
            continue
        out += [(m.start(1), m.end(1), "PERSON") for m in items if not taken.holds(m.start(1), m.end(1))
                and all(w in every or rank.get(w, PLAIN_RANK) >= EVERYDAY_RANK for w in m.group(1).split())
                and not any(w in _NOT_SURNAME or w in _ROLE_WORDS or w in _SCHOOL_ACRONYMS or w in _PROGRAM_FAMILY_WORDS
                            for w in m.group(1).split())   # (never "ell para", "sped aide": second reader, session 25)
                and any(w in every or w not in english_words() for w in m.group(1).split())]
    return sorted(spans + out) if out else spans


# (two words in lower case between a list's commas, a colon before the first, a bracket's note after: "eh soe (rep)")
_LOWER_LIST_ITEM = re.compile(r"(?:(?<=[:,][ ])|^)([a-z][a-z'’-]+[ ][a-z][a-z'’-]+)(?=[ ]*+(?:\([^()\n]{0,24}\)[ ]*+)?(?:,|\.?$))",
                              re.M)


def _cell_names(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A surname and a given name found apart, alone in a cell or a field, are one person: "Daoud, Kirolos,1,...",
    "From: Pruitt-Sowell, Marjorie [mailto:...]", "Farah, Hawa | 615-..." (never a list: "Hodan, Kirollos and ...")."""
    out: list[tuple[int, int, str]] = []
    for c in spans:
        if out and c[2] == out[-1][2] == "PERSON" and text[out[-1][1]:c[0]] in (", ", ",") \
                and " " not in text[out[-1][0]:out[-1][1]] and " " not in text[c[0]:c[1]] \
                and _CELL_START_BEFORE.search(text, max(0, out[-1][0] - 8), out[-1][0]) \
                and _CELL_END_AFTER.match(text, c[1]):
            out[-1] = (out[-1][0], c[1], "PERSON")
        else:
            out.append(c)
    return out


def _rows_alike(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A list's rows that begin alike hold a person in the same place: where a row's first field (after its bullet or
    number, before a dash or a bar) is a person found, a row of the same bullet and mark whose first field has a name's
    shape holds one too: "1. ROYA WARDAK — AP, ...<newline>2. PATRICK OYELARAN — DEAN, ...", "IVEY, CARL –
    emailed<newline>OYARZUN, RENATA – completed" (two words at least or a given name alone, each a given name or a
    surname that is no everyday word, or no word of any list; never a heading's words, "PD POINTS – MISSING EVAL", a language's,
    "Mam — Efraín ...", a product's or a place's)."""
    persons = {(s, e) for s, e, label in spans if label == "PERSON"}
    rows, kinds = [], set()
    for line in _LINE.finditer(text):
        start = _ROW_BULLET.match(text, line.start(), line.end()).end()
        # (the field's end: a bar or a tab, or a dash with blanks on both sides; found by its mark, then the blanks
        # before it, so that a line of thousands of blanks is read once)
        for mark in _ROW_MARK.finditer(text, start, line.end()):
            i = mark.start()
            if text[i] in "|\t" or 0 < i - start and text[i - 1] in " \t" and text[i + 1:i + 2] in (" ", "\t"):
                break
        else:
            # (or a score after the name, as a rating's or an attendance list's rows: "Quezada 5/5<newline>Alemu 3/5")
            if not (name := _ROW_NAME.match(text, start, line.end())) or not _ROW_SCORE.match(text, name.end()):
                continue
            i = name.end()
        end = i
        while end > start and text[end - 1] in " \t":
            end -= 1
        if end <= start:
            continue
        kind = (_DIGITS.sub("9", text[line.start():start].strip()), text[i] if text[i] != " " else "score")
        rows.append((start, end, kind))
        if (start, end) in persons:
            kinds.add(kind)
    if not kinds:
        return spans
    rank, every, last, places = word_rank(), all_given_names(), all_surnames(), place_names()
    taken = _Taken(spans)
    found = []
    for s, e, kind in rows:
        if kind not in kinds or (s, e) in persons or taken.holds(s, e) or not _ROW_NAME.fullmatch(text, s, e):
            continue
        words = [w for w in _NAME_PARTS.split(text[s:e].lower()) if w]
        # (one word alone only a given name or no word in capitals, and none a product's or a place's: never "2. ELPAC —
        # pending", "- Nearpod – slides", "3. Oaxaca —" (second reader, session 24))
        if (len(words) >= 2 or words and (words[0] in every or not text[s:e].isupper())) \
                and all(w.title() not in _TITLE_WORDS and w not in _NOT_SURNAME and w.upper() not in _SCHOOL_CUE_WORDS
                        and w not in LANGUAGE_NAMES and w not in _PEOPLES and w not in PRODUCT_NAMES
                        and (w not in places or w in every or w in last)
                        and ((w in every or w in last) and rank.get(w, PLAIN_RANK) >= EVERYDAY_RANK or w not in rank)
                        # (a row found by its score alone, no everyday word nor its plural: never "Overall 4/5",
                        # "Tardies 3/5"; second reader, session 25)
                        and (kind[1] != "score" or w in every or rank.get(w, PLAIN_RANK) >= PLAIN_RANK
                             and not _word_form(w))
                        for w in words):
            found.append((s, e, "PERSON"))
    return sorted(spans + found) if found else spans


def _word_form(word: str) -> bool:
    """Whether ``word`` (lower case) is an English word or the plural of one ("tardies", "scores")."""
    words = english_words()
    return word in words or word.endswith("s") and (word[:-1] in words or word.endswith("es") and word[:-2] in words
                                                   or word.endswith("ies") and word[:-3] + "y" in words)


_LINE = re.compile(r"[^\n]+")
_DIGITS = re.compile(r"\d+")
_ROW_BULLET = re.compile(r"[ \t]*(?:\d{1,3}[.)][ \t]+|[-*•·▪][ \t]+)?")
_ROW_MARK = re.compile(r"[—–|\t-]")
# (one to four capitalised words, a comma after the first: "OYARZUN, RENATA", "SOFIA BRAVO-LENNOX")
_ROW_NAME = re.compile(r"[A-Z][A-Za-z'’-]+,?(?:[ ][A-Z][A-Za-z'’.-]*){0,3}")
_NAME_PARTS = re.compile(r"[ ,.'’-]+")
# (a score out of another, or a score before and after: "Quezada 5/5", "Alisha 70 → 78", "Dev 58 -> 60")
_ROW_SCORE = re.compile(r"[ \t]+\d{1,3}(?:/\d{1,3}|[ ]*(?:→|->|=>|⟶)[ ]*\d{1,3})(?![\w/])")


_SAINT_GAP = re.compile(r"\.[ \t]*")
_SPOKEN_INITIAL_BEFORE = re.compile(r"(?<![\w'’.-])(?-i:[b-hj-np-tv-xz])[ ]$")   # (never "a", "i", "o", "u", "y")
_CELL_START_BEFORE = re.compile(r"(?:^|[\n\t|]|(?i:from|to|cc):)[ \t]*$")
_CELL_END_AFTER = re.compile(r"[ \t]*(?:[,|\t\n<\[(;:]|$)")
# particles between two names found: "João" "dos" "Santos" is one person
_PARTICLE_GAP = re.compile(rf"[ ](?:(?:{_INNER_PARTICLES}|do)[ ]){{1,2}}")
# "surname, given" (a surname of two words too): read on the lower-cased text, roster names are keys in lower case
_SURNAME_BEFORE_COMMA = re.compile(r"(?<![\w'’.-])([^\W\d_][\w'’.-]*(?:[ ][^\W\d_][\w'’.-]*){0,2})$")
_GIVEN_AFTER_COMMA = re.compile(r"[ \t]*([^\W\d_][\w'’-]*)(?![\w'’@-]|\.\w)")   # "Renée St." + "Germain": a saint's name inside a surname
_GIVENS_AFTER_COMMA = re.compile(r"[ \t]*([^\W\d_][\w'’-]*[ ][^\W\d_][\w'’-]*)(?![\w'’@-]|\.\w)")
# a nickname in quotes or brackets between a given name and a surname: 'Miriam "Mimi" Itta', "Tobias (Toby) Ahgeak"
_QUOTED_NICKNAME = re.compile(r"[ \t]+(?:\"[^\"\n]{1,24}\"|“[^”\n]{1,24}”|\([^)\n]{1,24}\))[ \t]+")


def _join_nicknames(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Two names with only a quoted nickname between them are one person: the nickname, found or not, is theirs."""
    out: list[tuple[int, int, str]] = []
    i = 0
    while i < len(spans):
        s, e, label = spans[i]
        if label == "PERSON":
            for j in (i + 1, i + 2):   # (the nickname may be a name found on its own, between the two)
                if j < len(spans) and all(spans[k][2] == "PERSON" for k in range(i + 1, j + 1)) \
                        and _QUOTED_NICKNAME.fullmatch(text, e, spans[j][0]):
                    e, i = spans[j][1], j
                    break
            else:   # 'Tobias "Toby" Ahgeak': a surname or a word that is no English word after the nickname
                nick = _QUOTED_NICKNAME.match(text, e)
                after = _NEXT_NAME.match(text, nick.end() - 1) if nick else None
                inside = [k for k in range(i + 1, len(spans)) if after and spans[k][0] < after.end(1)]
                if after and all(spans[k][2] == "PERSON" and spans[k][1] <= nick.end() for k in inside) \
                        and _namelike(after.group(1), all_surnames(), word_rank()):
                    e, i = after.end(1), i + len(inside)
        out.append((s, e, label))
        i += 1
    return out


# abbreviations a clipped given name must not be: months, days, titles, ranks, states ("Jan" of Janelle is January's)
_NOT_CLIPPED = frozenset("""
jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
gen gov sen rep rev sgt capt col cmdr lt maj prof dept asst assoc supt dir min max est approx misc
geo bio chem calc eng hist econ psych span phys stat lit comp ela sci soc mus alg trig
ala ariz ark cal calif colo conn del fla ind ida ill kan kans mass mich minn miss mont neb nev okla ore penn tenn tex
wash wis wisc wyo
""".split())


def _clipped(first: Iterable[str], known: set[str]) -> set[str]:
    """Clipped forms of the long given names that no nickname list shortens: "Bal" for Balwinder, "Xio" for Xiomara,
    "Priya" for Priyanka: the first three to five letters, leaving two at least and cut before a consonant, where they spell
    no plain English word, no place and no abbreviation ("Mar" of Marisol, "Tex" of Texanna are not), and are no other roster name.

    Clipping is how colleagues shorten a name a nickname list has no entry for (Stanford's tables of English
    hypocorisms, as the nicknames package gives them, hold no Punjabi, Somali or Ojibwe names)."""
    rank, places, nn = word_rank(), place_names(), nicknamer()
    taken = {fold(k).casefold() for k in known}
    out: set[str] = set()
    for name in first:
        word = fold(name)
        if " " in word or "-" in word or len(word) < 6 or not word.isalpha() or nn.nicknames_of(word.casefold()):
            continue
        for n in range(3, min(5, len(word) - 2) + 1):
            clip = word[:n].casefold()
            # (cut before a consonant, as syllables are: "Bal|winder", "Xio|mara"; not "Balw|inder")
            if word[n].casefold() in "aeiouy" or not any(ch in "aeiouy" for ch in clip) or clip in taken \
                    or clip in _NOT_CLIPPED or clip in places or rank.get(clip, PLAIN_RANK) < PLAIN_RANK:
                continue
            out.add(clip.title())
    return out


def _nicknames(first: Iterable[str]) -> set[str]:
    """Common nicknames of the given first names: "Deb" for Deborah (the nicknames package), "Lupe" for Guadalupe
    and "Nacho" for Ignacio (:func:`~evalkit.namelists.spanish_nicknames`), of each part of a two-word given name too
    ("Maria Guadalupe"), and the first letter spoken ("Dee" for Darlene)."""
    nn, spanish = nicknamer(), spanish_nicknames()
    out: set[str] = set()
    for name in first:
        folded = fold(name).casefold()
        for part in {folded, *folded.split()}:
            for nick in nn.nicknames_of(part) | spanish.get(part, frozenset()):
                if len(nick) >= 3:
                    out.add(nick.title())
        if folded[:1] in _LETTER_NICKNAMES:   # (a name by its first letter spoken: "Dee" for Darlene, "Kay" for Kamala)
            out.add(_LETTER_NICKNAMES[folded[:1]])
    return out


_LETTER_NICKNAMES = {"d": "Dee", "j": "Jay", "k": "Kay", "v": "Vee"}




_PLACE_WORDS = re.compile(
    # (never the name's first word: "Charter Way" of "Charter Way Middle School", "Community Heights" of ...)
    # (a grade band too, "Arlington Ridge" of "Arlington Ridge K-5", "Herron Hill" of "Herron Hill 6-12")
    r"(?<=\s)(elementary|middle|high|(?:(?:p(?:re-?)?k|k)-?|\d{1,2}-)(?:1[0-2]|[1-9])(?=\s|$)|school|academy|public schools"
    r"|schools|district|regional|charter|early childhood(?:\s+(?:center|centre|education\s+center))?"
    r"|community|catholic|christian|lutheran|episcopal|alternative|preparatory|prep|stem|steam|early learning"
    r"|montessori|magnet|unified|consolidated|area|junior|senior|jr|sr|elem|acad|c?usd|isd|ccsd|village school|day school"
    r"|ninth grade|freshman academy|freshman center"
    r"|early college|career and technical|collegiate|cathedral|county public schools|department of education"
    r"|campus|innovation school|education campus|center for|newcomer center|tribal|military academy"
    # (a charter network, a service cooperative, an intermediate school or district: "Ubax" of "Ubax Learning Network")
    r"|academies|learning network|network|service cooperative|cooperative|intermediate|education district"
    r"|continuation"
    # (the school's program or level, and an education cooperative's or service center's kind: "Codman Square" of
    # "Codman Square Dual Language K-8", "Bowdoin Geneva" of "Bowdoin Geneva Upper School", "Prairie Star" of "Prairie
    # Star Education Service Center")
    r"|dual language|two-way immersion|bilingual|(?:upper|lower|pilot)(?=\s+(?:school|academy)\b)"
    # (an international school's word: "Harborview" of "PS 45 Harborview International School")
    r"|international(?=\s+(?:school|academy|high|middle|elementary|prep|baccalaureate)\b)"
    r"|education(?:al)?\s+(?:cooperative|service\s+center|service\s+agency|collaborative)"
    # (a district's kind in its letters, and the words of its kind before "School": "Mohawk Ridge" of "Mohawk Ridge
    # BOCES", "Bear Creek" of "Bear Creek Union School District", "Red Prairie" of "Red Prairie Public School District")
    r"|boces|reaa|esd|esc|esu|cesa|sau|rsu|msad|(?:union|joint|independent|public)"
    r"(?=\s+(?:school|high|elementary|district|sd|unified)\b)"
    # (a county's office of education: "Oro Loma" of "Oro Loma County Office of Education")
    r"|(?:county\s+)?office\s+of\s+education"
    # (Ohio's kinds only before "School District": "Lake City Elementary" keeps its "City")
    r"|(?:local|city|exempted\s+village)(?=\s+(?:school\s+district|schools|sd)\b)"
    # (and a campus of several schools: "Bethlehem Ridge" of "Bethlehem Ridge Educational Complex"; Hawaii's complex
    # areas, "Waikele" of "Waikele Complex Area"; a learning center)
    r"|educational\s+complex|education\s+complex|complex\s+area|learning\s+cent(?:er|re))\b.*$",
    re.I)


#: Words that name a school or district after its name: "Roosevelt Elementary", "Lakeshore El", "Pine Ridge ISD".
_SCHOOL_WORDS = (r"(?:MS|HS|ES)(?![ \t]+[A-Z])|[MHE]\.S\.|Elementary(?:\s+School)?"
                 # (a kind's letters with their stops or a slash: "Bosque Verde I.S.D.", "Black Mountain Reg. H.S.",
                 # "Jericho Lake M/HS")
                 r"|C?I\.S\.D\.?|U\.S\.D\.?|Reg\.[ \t]+(?:H\.S\.|HS|High(?:\s+School)?)|M/HS|MS/HS|M/H\.S\."
                 r"|El(?![ \t]+(?:Paso|Salvador|Cajon|Centro|Monte|Dorado|Reno|Segundo|Camino|Cenizo))\.?|Elem\.?|Middle(?:\s+School)?|High(?:\s+School)?|Junior\s+High"
                 r"|Jr\.?\s+High|Academy|(?:Jr\.?|Junior)\s*[-/]\s*(?:Sr\.?|Senior)\s+High(?:\s+School)?"
                 r"|Middle\s*[-/]\s*High(?:\s+School)?|K8|ELC|CTC|(?:Early\s+)?Learning\s+Center"
                 # (a grade band that starts at kindergarten or pre-K: "Prairie View K-5", "PK-8", "PreK-6", "K-12")
                 # (and "P-8", as Colorado's preschool-to-eighth campuses write it)
                 r"|(?:P(?:re-?)?)?K-(?:1[0-2]|[1-9])(?![\w-])|P-(?:1[0-2]|[5-9])(?![\w-])"
                 r"|Alt(?:ernative|\.(?=[ \t]+School))?(?:\s+School)?|Regional(?=[ \t]*(?:[.,;:!?()]|$))|Independent(?=[ \t]*(?:[.,;:!?()]|$))"
                 r"|Consolidated(?=[ \t]*(?:[.,;:!?()]|$))"
                 r"|Charter\s+(?:Network|Schools)|Charter(?:\s+School)?|Collegiate"
                 r"|Prep(?:aratory)?|Intermediate(?:\s+School)?|Primary(?:\s+School)?"
                 r"|Montessori|Magnet(?:\s+Cluster)?(?:\s+School)?|Area\s+School\s+District|Area\s+Schools|County\s+Schools"
                 r"|(?:Parish\s+|County\s+)?School\s+Board|(?:County\s+)?Board\s+of\s+Education|Head\s+Start"
                 r"|Borough\s+Office|Educational\s+Service\s+Center|Education\s+Service\s+Center"
                 r"|Public\s+Schools|School\s+District|Schools?|ISD|USD|CUSD|Area\s+SD|SD(?![ \t]*\d)|Int\.|DLA"
                 r"|Unified(?:\s+School\s+District)?|STEM(?:\s+Academy)?|STEAM"
                 # (a parish is no school: "the Ukrainian Catholic parish")
                 r"|Catholic(?:\s+School|(?![ \t]+(?:[Pp]arish|[Cc]hurch|[Cc]athedral|[Cc]harities|[Dd]iocese)\b))"
                 # rural schools and the regional bodies that serve districts: "Ridgeview Attendance Center", "Orchard
                 # Valley SU", "Chenango Ridge BOCES", "Palouse Ridge ESD", "Sunflower Delta CSD", "Walnut Creek R-II"
                 r"|Attendance\s+Center|Early\s+Childhood\s+Center|ECC"
                 r"|Career\s+Tech(?:nical)?(?:\s+(?:Center|Academy))?|LSD|EVSD|Country\s+School|Area\s+Vo-?Tech|Vo-?Tech"
                 r"|Career\s+(?:and\s+Technical\s+)?Center|Co\.\s+Schools|Union\s+High(?:\s+School)?|UHS"
                 # (a junior or a senior high's letters, "Estate Carlton JHS", "Bayside SHS"; a county's high school,
                 # "Cedar Hollow Co HS", "Pike Co. High School")
                 r"|JHS|SHS|(?:Co\.?|CO|County)[ \t]+(?:HS|High(?:\s+School)?|PS)"
                 # (California's county offices of education)
                 r"|County\s+Office\s+of\s+Education"
                 r"|Regional\s+High(?:\s+School)?|Supervisory\s+Union|SU|SAU|RSU|MSAD|BOCES|CESA|ESD|ESC|ESU|IU|CSD"
                 # (New York's union free districts: "Haverkill UFSD")
                 r"|UFSD|Union\s+Free\s+School\s+District"
                 # (California's high school districts: "Helix Valley Union HSD", "Grossmont UHSD"; never a state's human
                 # services department, "the New Mexico HSD": second reader, session 24)
                 r"|Union\s+HSD|UHSD"
                 r"|R-(?:I{1,3}|IV|VI{0,3}|IX|X{1,2}|\d{1,2})|RE-?\d{1,2}J?|(?:Community\s+Unit|Independent|Consolidated)\s+School\s+District"
                 # Alaska's attendance areas, Hawaii's complex areas, the BIE's line offices, Texas's consolidated
                 # districts and juvenile-justice programs
                 r"|REAA|Complex\s+Area|Education\s+Line\s+Office|ELO|CISD|JJAEP|RESA"
                 # a public charter school, an early college, a newcomer center: "Nichols Ave PCS", "BV Early College"
                 r"|PCS|Early\s+College(?:\s+High(?:\s+School)?)?|Newcomer\s+(?:Center|Academy|School)"
                 # (public schools' letters ending the name: "Holbrook PS and ...", "Grand Haven Dunes PS —"; never a
                 # postscript, "PS: bring the slides", nor New York's numbered schools, "PS 143")
                 r"|PS(?=[ \t]+(?:and|or)\b|[ \t]+(?:teachers?|staff|students|families|principals?|board|district"
                 r"|schools?|buildings?)\b|[ \t]*(?:[.;)|]|[—–]|$))"
                 # (a focus-option school: "Lent Focus Option"; an education collaborative of districts)
                 r"|Focus\s+Option(?:\s+School)?|(?:Special\s+)?(?:Education(?:al)?\s+)?Collaborative"
                 # (Minnesota's service cooperatives and education districts: "Prairie Lakes Service Cooperative",
                 # "Metro East Education District")
                 r"|Service\s+Cooperative|Education\s+District")
# (a saint's "St." or "Saint", then one to four words, each a capitalised word or initials; written to start with
# a character set: see _BEFORE_FIRST)
# the words of _SCHOOL_WORDS as written (a superset): a text with none of them holds no school name of that shape
_SCHOOL_CUE_WORDS = frozenset("MS HS ES Elem Elementary El Middle High Academy K PK PreK Pre ECC ELC CTC Early Alt Alternative Charter "
                              "Collegiate "
                              "Prep Preparatory Intermediate Primary Montessori Magnet School Schools ISD USD CUSD "
                              "Unified STEM STEAM Catholic Jr Junior Area County Public SD Int DLA Attendance "
                              "Childhood Country Tech VoTech Career Co Union UHS JHS SHS CO Office Regional Supervisory SU SAU RSU MSAD "
                              "BOCES CESA ESD ESC ESU IU CSD R Community Independent Consolidated REAA Complex Line ELO "
                              "CISD JJAEP RESA Board Head Borough Educational Education Learning PCS College "
                              "Newcomer Focus Collaborative Service UFSD Union RE PS LSD EVSD HSD UHSD".split())
# (a name's words are in one cell of a table: no tab between them)
# (a name's particles may stand inside it, "Sor Juana Inés de la Cruz High School"; an ʻokina too, "Tsé Ch'ízhí";
# a hyphen, "Kaʻala-Waimalu Complex Area"; a middle initial, "Cesar E. Chavez Elementary")
_SCHOOL_NAME = re.compile(rf"([A-Z](?<![\w'’-].)(?:(?<=S)(?:t\.?|aint)[ \n]+[A-Z])?"
                          rf"(?:[a-z'’ʻ]+(?:(?:(?<=Mc)|(?<=Mac)|(?<=De)|(?<=La)|(?<=Le)|(?<=Di))[A-Z][a-z]+)?(?:-[A-Z][a-z'’ʻ]+)?|[A-Z]{{1,4}})"
                          rf"(?:\.?[ \r\n]+(?:(?:de|del|la|las|los|du|des)[ ]+){{0,2}}"
                          rf"(?:[A-Z][a-z'’ʻ]+(?:(?:(?<=Mc)|(?<=Mac)|(?<=De)|(?<=La)|(?<=Le)|(?<=Di))[A-Z][a-z]+)?(?:-[A-Z][a-z'’ʻ]+)?"
                          rf"|[A-Z]{{2,5}}|[A-Z](?=\.))){{0,3}})"
                          # (a line break inside the name, as a PDF breaks it; never before a form's label: "Coach:
                          # T. Holloway<newline>School: Cone Mill Elem.")
                          rf"(?:[ ]|\r?\n(?![ \t]*[A-Z][A-Za-z ]{{0,20}}:)(?![ \t]*PS\b))+(?:{_SCHOOL_WORDS})(?![\w-])"
                          # (what the school is for: "Lyndale Magnet School for Science", "Academy of the Arts")
                          # (not a second school's first word: "... for Media and Crossroads Bridge Academy")
                          r"(?:[ ]+(?:for|of)[ ]+(?:the[ ]+)?[A-Z][a-z]+(?:[ ]+(?:and|&)[ ]+[A-Z][a-z]++(?![ ]+[A-Z]))?)?")
_ROLE_LINE_END = re.compile(r"(?i:principal|teacher|coach|coordinator|director|specialist|facilitator|manager"
                            r"|superintendent|counselor|liaison|assistant|dean|chair)[ \t]*\r?\n")
_NAME_ADJECTIVES = frozenset("high new".split())
_OUR_CHURCH = re.compile(r"(?:Savior|Saviour|Redeemer|Shepherd|Lord|Father|Mother|Lady)(?:['’]s)?$")
#: First words that make "<word> Academy" a program, a time or a kind of school, not a school's name.
_WORD_RUN = re.compile(r"\S+")
_INITIAL_IN_LOG = re.compile(r"[ ][A-Z]\.(?=[ \t]+\d|[ \t]*[,;)\n]|$)")
_HYPHEN_TAIL = re.compile(r"(?<=[A-Za-z])-([A-Z][a-z'’]+|[A-Z]{2,})(?![\w-])")


def _shouted_schools(text: str) -> list[tuple[int, int, str]]:
    """Schools typed in capitals, read on the words title-cased ("LINCOLN-DOUGLASS ELEMENTARY"); the
    name's leading words that are common English words dropped ("WE LOVED THE VISIT TO WILLOW BEND MIDDLE SCHOOL"),
    and nothing where no other word is left ("MORE TIME FOR THE MIDDLE SCHOOL TEAMS")."""
    titled = text.title()
    if len(titled) != len(text):
        return []
    rank, out = word_rank(), []
    for m in _SCHOOL_NAME.finditer(titled):
        # (the words after a line break, a sentence's end or a function word only: "NADEZHDA MELNYK<newline>FOSTER
        # RIDGE MIDDLE SCHOOL", "BEST PD ALL YEAR. THE ELEMENTARY SCHOOL", "REPORTED THAT PALO BLANCO ELEMENTARY")
        keep = list(_WORD_RUN.finditer(titled, max(m.start(), titled.rfind("\n", m.start(), m.end(1)) + 1), m.end(1)))
        cuts = [i for i, w in enumerate(keep) if w.group(0).endswith((".", ",", ":", "!", "?")) and len(w.group(0)) > 3
                or w.group(0).lower() in _SHOUTED_STOPS]
        keep = keep[cuts[-1] + 1:] if cuts else keep
        # (a name's own adjective stays: "RED CLAY ELEMENTARY")
        while keep and ((w := keep[0].group(0).lower().strip(".,")) in _NOT_SCHOOL_NAME
                        or rank.get(w, PLAIN_RANK) < 1000 and w not in _NAME_ADJECTIVES and w not in _COLOURS):
            keep.pop(0)
        # (one word of the name at least that is no everyday word, or a surname or a place: not "HOST SCHOOL")
        if any(rank.get(w := k.group(0).lower().strip(".,"), PLAIN_RANK) >= EVERYDAY_RANK or w in all_surnames()
               or w in place_names() for k in keep) and text[keep[0].start():m.end()].isupper():
            out.append((keep[0].start(), m.end(), "SCHOOL"))   # (in capitals as typed: a form's field in capitals)
    return out


# a school's word in capitals: a comment or a form's field typed so ("PRESENTER: ..., LINCOLN-DOUGLASS ELEMENTARY")
_CAPS_SCHOOL_WORD = re.compile(r"\b(?:ELEMENTARY|MIDDLE|HIGH|ACADEMY|SCHOOL|ELEM|K-8)\b")


_SHOUTED_STOPS = frozenset("not the and or to at for is was are were we our my of in on with that this".split())
_NOT_SCHOOL_NAME = frozenset("""
our the this that these those every each any all some most my your their his her a an no other another which
whose summer saturday sunday night weekend spring fall winter leadership teacher teachers principal principals
math reading literacy stem steam coding data instructional coaching virtual online public private
local state national new middle high elementary junior senior title district regional county city community
prep academy alternative charter magnet k coach coordinator director specialist facilitator manager superintendent
counselor liaison
after before during at in on for from to with by of and or but if when while as because so than then
spanish english french german chinese arabic art music band choir history social studies ela esl ell
sped pe health technology tech computer engineering both kinder knee cram thank you
ask call email contact see tell invite join visit please
police naval military air force citizens citizen aspiring leaders freshman sophomore ninth career
early writing learning
grade grades
""".split())


# "St. Mary's", "Saint Clare", "St. Elizabeth Seton": a saint's name is a school (or its parish) in a comment;
# a city named after a saint is not
_SAINT = re.compile(r"S(?<![\w'’-].)(?:t\.?|aint)[ \t]+([A-Z][a-z]+)(?:['’]s\b)?(?:[ \t]+([A-Z][a-z]+)\b(?![\w-]))?")
# (the saint's own day, image or life after his town: "Saint Francis of Assisi's feast day"; never the school named so,
# "I teach at St. Joan of Arc", "St. Catherine of Siena sent five teachers")
_SAINT_OF_TOWN = re.compile(r"[ ]of[ ][A-Z][a-z]+(?:['’]s)?[ ]+(?:feast|day|statue|image|icon|prayer|story|life|relics)\b")
_SAINTS_DAY = re.compile(r"(?:['’]s)?[ \t]+Day\b")
_SAINT_PLACE_WORDS = frozenset("Island Islands Parish County River Sound Bay Beach Lake Church Cathedral Hospital Street "
                               "Avenue Road Boulevard Park".split())
_SAINT_CITIES = frozenset("louis paul petersburg cloud augustine lucia kitts croix charles george joseph".split())
# regional bodies and districts known by their kind and number: "SAU 47", "SAU #47", "RSU 12", "MSAD 9", "CESA 5",
# "ESU 16", "IU 14", "IU14", "USD 389", "ISD 2154", "Region 7 ESC", "Regional Office of Education #38"
_NUMBERED_BODY = re.compile(r"(?<![\w-])(?:(?:SAU|RSU|MSAD|SAD|CESA|ESU|IU|ESD|USD|ISD|CUSD|ROE|SU|CSD"
                            # (the letters with their stops: "M.S.A.D. #86", "R.S.U. 4", "S.A.U. 37")
                            r"|S\.A\.U\.|R\.S\.U\.|M\.S\.A\.D\.|S\.A\.D\.|I\.S\.D\.|U\.S\.D\.)[ \t]*#?[ \t]*\d{1,4}"
                            # (the kind written out, New York's districts by their number: "Intermediate Unit 13",
                            # "Community School District 9", New York's citywide "D75" and "D79" (never a room:
                            # "D12"), a BOCES's county and number: "Erie 1 BOCES")
                            r"|(?:Intermediate\s+Unit|Intermediate\s+(?:School\s+)?District|Community\s+School\s+District"
                            r"|Independent\s+School\s+District"
                            r"|Educational\s+Service\s+Center)[ \t]*(?:#|No\.)?[ \t]*\d{1,4}|D7[59]"
                            r"|[A-Z][a-z]+[ \t]+\d{1,2}[ \t]+BOCES"
                            # (a city system's numbered network, "Network 7"; Oregon's joint districts, "Fernhill 7J";
                            # a district by its number after "D." or a place, "D. 236", "Stickney Park D117")
                            r"|Network[ \t]+\d{1,2}|(?:[A-Z][a-z]+[ \t]+){1,2}\d{1,3}J"
                            r"|D\.[ \t]?\d{2,3}|(?<=[A-Za-z][ ])(?<![Rr]oom[ ])(?<![Rr]m[ ])[Dd]\d{3}"
                            r"|Region[ \t]+\d{1,2}[ \t]+(?:ESC|Education\s+Service\s+Center)"
                            r"|Regional\s+Office\s+of\s+Education[ \t]*#?[ \t]*\d{1,3})(?![\w-])")
# New York's numbered schools ("P.S. 118", "I.S. 52", "J.H.S. 189"), numbered districts ("District 94") and schools
# (a stretch of time after a postscript's number: "P.S. 45 minutes is not enough"; never "P.S. 45 teachers", a school's)
_COUNT_NOUN_AFTER = re.compile(r"[ \t]+(?:minutes?|mins?|hours?|hrs?|seconds?|days?|weeks?|months?|years?|percent|%)\b",
                               re.I)
_NUMBERED_SCHOOL = re.compile(r"[PIMJDdH](?<![\w.].)(?:(?<=P)\.?S\.?|(?<=[IM])\.S\.|(?<=J)\.?H\.?S\.?|(?<=H)S"
                              # (a borough's letter after the number: "PS 143X", "HS 455K")
                              r"|(?<=[Dd])(?i:istrict))[ \t]\d{1,3}(?:[XKMQR]\b|\b)"
                              r"(?:[ \t]+(?:Bronx|Brooklyn|Manhattan|Queens|Staten[ \t]+Island)\b)?"
                              # "IS 318", "MS 51", "School No. 7", "School 27"
                              r"|[IMS](?<![\w.].)(?:(?<=[IM])S|(?<=S)chool[ \t]+(?:No\.|#)?)[ \t]?\d{1,3}\b(?![.,]\d)"
                              # "ps123", "JHS189" (two digits at least: a "PS5" is a game console)
                              r"|[PpJj](?<![\w.].)(?:(?<=[Pp])[Ss]|(?<=[Jj])(?:hs|HS))\d{2,3}\b")
_PLACE_BEFORE_DISTRICT = re.compile(r"(?<![\w'’-])(?!(?:Senate|House|Congressional|Council|Legislative|Judicial|Police"
                                    r"|Fire|Water|Park|Ward|Voting|Election|Assembly|Sewer|Conservation|Special|Our|The|My"
                                    r"|This|That|Each|Every|Any|Our)\b)"
                                    r"(?:[A-Z][a-z]+(?:-[A-Z][a-z]+)*[ ]){1,3}$")
_OFFICE_BEFORE_DISTRICT = re.compile(r"\b(?:Senate|House|Congressional|Council|Legislative|Assembly|Judicial|Police"
                                     r"|Fire|Water|Voting|Election|Sewer|Conservation|Supervisorial|Commission|Delegate"
                                     r"|Hospital|Library|Utility)[ \t]+$")   # (never "Park": "Oak Park District 97" is a school's)
# a district by its number: "USD 412", "ISD #709", "CUSD 300" (Kansas's, Minnesota's and Illinois's way)
_NUMBERED_DISTRICT = re.compile(r"(?<![\w.-])(?:C?USD|ISD|CCSD|ESD|SD)[ \t]*#?[ \t]*\d{1,4}[A-Z]?\b")
_BODY_WORDS = frozenset("Diocese Archdiocese Region DoDEA".split())
_BODY_OF = re.compile(r"\b(?:(?:Arch)?[Dd]iocese[ \t]+of|Region(?:[ \t]+Educativa)?[ \t]+de(?:[ \t]+la)?)[ \t]+"
                      r"[A-Z][\w'’]*(?:(?:[ \t]+|-)[A-Z][\w'’]*){0,3}"
                      r"|\bDoDEA(?:[ \t]+[A-Z][\w'’]*(?:-[A-Z][\w'’]*)?){1,3}")
# a school (or its parish) named for Mary: "Our Lady of Sorrows School", "Our Lady of the Lake", "Our Lady of
# Guadalupe Catholic School"
_OUR_LADY = re.compile(r"\bOur[ \t]+Lady[ \t]+(?:of|de)[ \t]+(?:the[ \t]+|la[ \t]+)?[A-Z][a-z]+"
                       rf"(?:[ \t]+(?!(?:{_SCHOOL_WORDS})(?![\w-]))[A-Z][a-z]+)?([ \t]+(?:{_SCHOOL_WORDS}))?(?![\w-])")
_SPANISH_KINDS = frozenset("escuela primaria secundaria preparatoria colegio liceo instituto escola".split())
# the words that say which kind of Spanish-named school ("Escuela Superior Vocacional ...", "Secundaria Técnica 45")
_SPANISH_SUBKINDS = (r"Elemental|Intermedia|Superior|Secundaria|Primaria|B[aá]sica|Segunda[ \t]+Unidad|Vocacional"
                     r"|Especializada|Libre|Urbana|Rural|Especial|Biling[uü]e|P[uú]blica")
_KIND_FIRST_SCHOOL = re.compile(
    rf"\b(?i:{'|'.join(sorted(_SPANISH_KINDS))})(?:[ \t]+(?:{_SPANISH_SUBKINDS}|Tecnica)){{0,3}}"
    r"[ \t]+[A-Z](?:\.|[\wʻ'’-]*)(?:[ \t]+(?:(?:de|del|la|los|las|y)[ \t]+)?[A-Z](?:\.|[\wʻ'’-]*)){0,4}"
    r"(?:[ \t]+(?:No\.?[ \t]*)?\d{1,4}\b)?")
# a Jewish day school, its kind first: "Yeshiva Ohr Torah of Flatbush", "Bais Yaakov of Boro Park", "Talmud Torah of
# Crown Heights"
_JEWISH_KIND_WORDS = frozenset("Yeshiva Yeshivat Yaakov Jacob Talmud".split())
_JEWISH_SCHOOL = re.compile(r"\b(?:Yeshivat?|Bais[ \t]+Yaakov|Beth[ \t]+Jacob|Talmud[ \t]+Torah)"
                            r"(?:[ \t]+(?:(?:of|d['’]|de)[ \t]*)?[A-Z][\w'’-]*){1,5}")
# "the jr/sr high": a district's one school of its kind, named by its kind
_KIND_SCHOOL = re.compile(r"\b[Tt]he[ \t]+(?i:jr\.?[ \t]*/[ \t]*sr\.?|junior[ \t]*[-/][ \t]*senior)[ \t]+(?i:high)\b")
# a name in lower case before a school word: "tucker high", "miller prep", "washington alternative"
_LOWER_SCHOOL = re.compile(r"([a-z](?<![\w'’-].)[a-z]*)[ \t]+(?:high(?:[ \t]+school)?|middle(?:[ \t]+school)?"
                           r"|elementary(?:[ \t]+school)?|elem|prep|academy|alternative|k-?8"
                           r"|(area|public|county)[ \t]+(?:schools|school[ \t]+district))(?![\w-])")
_LOWER_SCHOOL_CUE = re.compile(r"[a-z] (?:high|middle|elementary|elem|prep|academy|alternative|k-?8|area|public"
                               r"|county)\b")


_OFFICE_OF_NAME = re.compile(r"(?<![\w'’-])([A-Z][a-z]+(?:-[A-Z][a-z]+)?(?:[ ][A-Z][a-z]+(?:-[A-Z][a-z]+)?){0,2})"
                             r"[ ](?=(?:central|district)[ ]office\b)")


# (never "SU", a state university's more often than a supervisory union's: "OHSU", "WSU")
_DISTRICT_INITIALS_GATE = re.compile(r"[A-Z](?:SD|PS|CS|IU)\b|[A-Z](?:SD|PS|CS|IU)\d")
_DISTRICT_INITIALS = re.compile(r"(?<![\w.@-])([A-Z]{2,5}(?:SD|PS|CS|IU))\d{0,3}(?=['’]s\b|-[a-z]|(?![\w@.-]|\.\w))")
# (the letters of things that end as a district's do: a link's scheme, speech pathologists, a school's own plan)
_NOT_DISTRICT_INITIALS = frozenset("HTTPS SLPS IEPS OTPS EIPS TPPS RSPS MSPS CEPS SIPS IPPS PTSD ELPS EOCS APPS CEUS TEPS "
                                   "GPPS".split())


def _schools_by_shape(folded: str, low: str, toks: frozenset[str] | set[str], digits: bool) -> list[tuple[int, int, str]]:
    """Schools written without a roster entry or a capitalised school word: a saint's name, a numbered school or
    district, a surname or given name in lower case before "high", "prep", "elementary" ..."""
    out: list[tuple[int, int, str]] = []
    if "office" in toks and ("central" in toks or "district" in toks):
        # a district by its office in lower case after its name: "leaving the Wyandot Plains central office at 6:15"
        # (never a state's or a word that opens a sentence: "The central office", "Our district office")
        out += [(m.start(1), m.end(1), "SCHOOL") for m in _OFFICE_OF_NAME.finditer(folded)
                if m.group(1).split()[0].lower() not in _NOT_SCHOOL_NAME and m.group(1).lower() not in _STATE_NAMES]
    if _DISTRICT_INITIALS_GATE.search(folded) and not _shouting(folded):
        # a district by its initials and its kind's letters, off the roster too: "PHSD", "KFCSD", "MKIU", "ABPS",
        # "PRCUSD4" (four letters at least, no word: never "GPS", "HTTPS", "ASD", "TAPS", "SLPS")
        out += [(m.start(), m.end(), "SCHOOL") for m in _DISTRICT_INITIALS.finditer(folded)
                if m.group(1).lower() not in english_words() and m.group(1) not in _NOT_DISTRICT_INITIALS]
    if "St" in toks or "Saint" in toks:

        every = all_given_names()
        for m in _SAINT.finditer(folded):
            if _SAINTS_DAY.match(folded, m.end(1)) or m.group(2) in _SAINT_PLACE_WORDS \
                    or _SAINT_OF_TOWN.match(folded, m.end()):
                continue          # "St. Valentine's Day", "St. Nicholas Day"; a place: "St. Helena Island"; the saint by
                #                   his town: "Saint Francis of Assisi's feast day" (his school keeps its kind's word)
            saint = m.group(1).lower()
            saint = saint[:-1] if saint not in every and saint.endswith("s") else saint   # "St Annes"
            if saint in every and saint not in _SAINT_CITIES:
                # a second name only when it is one ("St. Elizabeth Seton"), not "St. Jude Math-A-Thon"
                named = m.group(2) and m.group(2).lower() in all_surnames() and m.group(2) != "Day"
                end = m.end() if named or not m.group(2) else m.end(1) + (2 if folded.startswith("'s", m.end(1)) else 0)
                out.append((m.start(), end, "SCHOOL"))
    if digits:
        # (a numbered district's place before it is the district's: "Skokie-Niles District 71"; never an office's
        # district, "Senate District 12")
        out += [(p.start() if m.group(0)[:1] in "Dd" and (p := _PLACE_BEFORE_DISTRICT.search(folded, max(0, m.start() - 40),
                                                                                             m.start())) else m.start(),
                 m.end(), "SCHOOL") for m in _NUMBERED_SCHOOL.finditer(folded)
                if not (m.group(0)[:2] in ("IS", "MS") and _shouting(folded))   # "IT IS 318 MILES"
                # (an office's district by its number is no school's: "Senate District 12", "State House District 6")
                and not (m.group(0)[:1] in "Dd" and _OFFICE_BEFORE_DISTRICT.search(folded, max(0, m.start() - 16),
                                                                                  m.start()))
                # (a postscript's count is no school: "P.S. 45 minutes is not enough")
                and not (m.group(0).startswith("P.S.") and _COUNT_NOUN_AFTER.match(folded, m.end()))]
        if "SD" in folded:
            out += [(m.start(), m.end(), "SCHOOL") for m in _NUMBERED_DISTRICT.finditer(folded)]
        out += [(m.start(), m.end(), "SCHOOL") for m in _NUMBERED_BODY.finditer(folded)]
    if not toks.isdisjoint(_BODY_WORDS):
        # a diocese's schools, an education region, a DoDEA district: "Diocese of Grand Estuary", "Region Educativa
        # de Sierra Alta", "DoDEA Europe East" (the agency alone, "DoDEA", is no one's district)
        out += [(m.start(), m.end(), "SCHOOL") for m in _BODY_OF.finditer(folded)]
    if "Lady" in toks:
        # (with a school's word, or where a place is named: "at Our Lady of the Lake"; not "the feast of Our Lady
        # of Guadalupe")
        out += [(m.start(), m.end(), "SCHOOL") for m in _OUR_LADY.finditer(folded)
                if m.group(1) or _PLACE_BEFORE.search(folded, max(0, m.start() - 16), m.start())]
    if "sr" in low and ("jr" in low or "junior" in low):
        out += [(m.start(), m.end(), "SCHOOL") for m in _KIND_SCHOOL.finditer(folded)]
    if not toks.isdisjoint(_JEWISH_KIND_WORDS):
        out += [(m.start(), m.end(), "SCHOOL") for m in _JEWISH_SCHOOL.finditer(folded)]
    if any(kind in low for kind in _SPANISH_KINDS):
        # the kind first, as Spanish names schools, on the roster or not: "Escuela Elemental Luis Muñoz Rivera",
        # "la primaria Juárez", "Secundaria Técnica 45" (not "la escuela de Las Milpas": a school in a place)
        out += [(m.start(), m.end(), "SCHOOL") for m in _KIND_FIRST_SCHOOL.finditer(folded)]
    if not toks.isdisjoint(_LOWER_SCHOOL_WORDS) and _LOWER_SCHOOL_CUE.search(folded):

        rank, known = word_rank(), None
        for m in _LOWER_SCHOOL.finditer(folded):
            word = m.group(1)
            if word in _NOT_SCHOOL_NAME or rank.get(word, 15_000) < 15_000:   # "knee high", "cram prep"
                continue
            known = known or person_words()
            # before "area schools" any place's name ("smithtown area schools"); before "high", a person's name
            if word in known or (m.group(2) and rank.get(word, EVERYDAY_RANK) >= EVERYDAY_RANK):
                out.append((m.start(), m.end(), "SCHOOL"))
    return out


@lru_cache(maxsize=256)
def _word_regex(word: str) -> re.Pattern[str]:
    """A word standing alone (not inside a longer word or a hyphenated one)."""
    return re.compile(rf"(?<![\w-]){re.escape(word)}(?![\w-])")


def _acronyms(place: str) -> set[str]:
    """Initials people write for a school or district: "Pine Ridge High School" -> PRHS, PRH; "Conejo Valley
    Unified School District" -> CVUSD, CVUSD's shorter forms are too common to keep. Three letters at least."""
    words = [w for w in re.split(r"[\s-]+", place) if w and w.casefold() not in ("of", "the", "and", "for")]
    if len(words) >= 4 and words[-1].isdigit() and words[-2].isupper():
        # (a district's number after its kind's letters is no initial: "KPUSD" for "Kaw Point USD 515"; never a kind
        # alone, "ESU" of "Educational Service Unit 21")
        words = words[:-1]
    if len(words) < 2:
        return set()
    full = "".join(w[0] for w in words).upper()
    out = {full}
    if " of " in place:   # "Guam Department of Education" is GDOE too, "of" and all
        out.add("".join(w[0] for w in re.split(r"[\s-]+", place) if w and w.casefold() not in ("the", "and", "for")).upper())
    if words[0].isupper() and len(words) >= 3:   # "CNMI Public School System" is PSS too, the place's initials left off
        out.add("".join(w[0] for w in words[1:]).upper())
    last = words[-1]
    if last.casefold() == "school":
        out.add(full[:-1])
    elif last.casefold() in ("middle", "high", "elementary", "intermediate", "primary"):
        out.add(full + "S")             # "Mission Trail Middle" is MTMS to its staff
    elif last.isupper() and len(last) >= 2:
        out.add("".join(w[0] for w in words[:-1]).upper() + last)   # "Three Rivers ISD" -> TRISD
    # (a compass word by its two letters: "SWDCS" for "Southwest Detroit Community Schools")
    if any(_COMPASS.match(w) for w in words):
        out.add("".join(m.group(1)[0] + m.group(2)[0] if (m := _COMPASS.match(w)) else w[0] for w in words).upper())
    # (and the short name's own initials, of three words or more: "PBN" for "Platte Bluffs North High School")
    # (never the letters a public figure is known by, "MLK", "JFK", "FDR"; nor letters that spell a word: "LES")
    # (its words counted without the small ones, as the place's are: "OLV" for "Our Lady of the Valley Catholic School")
    short = [w for w in _short_place(place).split() if w.casefold() not in _SMALL_WORDS]
    if len(short) >= 3 and len(short) < len(words) \
            and (letters := "".join(w[0] for w in short).upper()) \
            not in _FIGURES_BY_LETTERS and letters.lower() not in english_words():
        out.add(letters)
    # the kind of school alone, as its own staff call it: "the ELC" for "Lakeview Early Learning Center"
    for kind, initials in (("early learning center", "ELC"), ("career and technical center", "CTC"),
                           ("career technical center", "CTC"), ("career center", "CTC"), ("alternative", "Alt")):
        if place.casefold().endswith(kind):
            out.add(initials)
    return {a for a in out if len(a) >= 3 and a.isalpha() and (a.isupper() or a == "Alt")}


# the letters by which public figures are known, which a school named after one never takes alone
_FIGURES_BY_LETTERS = frozenset("MLK JFK FDR RFK LBJ GWC RBG JFKJ MLKJ WEB".split())
_COMPASS = re.compile(r"(North|South)(east|west)$", re.I)
# Words of school and district names as staff abbreviate them: "Tamarack Hts", "Mt. Vernon", "Kettle Lake Jr/Sr High"
_PLACE_ABBREVIATIONS = {"heights": "Hts", "mount": "Mt", "mountain": "Mtn", "saint": "St", "fort": "Ft", "point": "Pt",
                        "center": "Ctr", "square": "Sq", "escuela": "Esc",
                        "elementary": "Elem", "academy": "Acad", "junior-senior": "Jr/Sr", "junior": "Jr",
                        "senior": "Sr", "street": "St", "avenue": "Ave", "road": "Rd", "township": "Twp"}
_ABBREVIABLE = re.compile(r"\b(?:" + "|".join(_PLACE_ABBREVIATIONS) + r")\b", re.I)
# a district's number after its kind: "Prairie Crossing USD 412" is "PC 412" and "USD 412" to its staff
_DISTRICT_NUMBER = re.compile(r"^(.+?)[ \t]+(C?USD|ISD|CCSD|ESD|SD|District)[ \t]*(?:#|No\.?)?[ \t]*(\d{1,4}(?:-\d{1,3})?)$")
_SMALL_WORDS = frozenset("of the and for at in on".split())
# a school by its kind's initials and number, then its name: "P.S. 123 Ellison Park", "M.S. 88 Bayard"
_NUMBERED_NAME = re.compile(r"^((?:P|I|M|J\.?H|H)\.?S\.?)[ \t]*(\d{1,3})(?:[ \t]+(.+))?$")
# (a city's numbered school by its name, its number first: "School 3 Fargo Commons"; "School 3" alone is no name, "missed
# school 3 days")
_NUMBER_FIRST_NAME = re.compile(r"^(?:(?:P|I|M|J\.?H|H)\.?S\.?|School)[ \t]*\d{1,3}[ \t]+(.+)$")
_BARE_END = re.compile(r"[ \t]+(?:County|Parish|Borough)$")


_REGION_TAIL = re.compile(r"[ \t]+(?:(?:North|South|East|West|Central|Northeast|Northwest|Southeast|Southwest)[ \t]+Region"
                          r"|Region[ \t]+\d{1,2})$")


def _place_forms(place: str) -> set[str]:
    """A roster school's or district's name as written, with its words abbreviated ("Tamarack Hts Elementary") and,
    for a numbered district, its initials with the number ("PC 412")."""
    out = {place}
    if _ABBREVIABLE.search(place):
        # each word abbreviated alone ("Acorn St. Elementary"), all of them together, with and without full stops
        short = [_PLACE_ABBREVIATIONS[m.group(0).lower()] for m in _ABBREVIABLE.finditer(place)]
        for i, m in enumerate(_ABBREVIABLE.finditer(place)):
            out |= {place[:m.start()] + short[i] + stop + place[m.end():]
                    for stop in ("", ".")[:1 + (m.end() < len(place))]}   # (a full stop at the end is the sentence's)
        out.add(_ABBREVIABLE.sub(lambda m: _PLACE_ABBREVIATIONS[m.group(0).lower()], place))
    if place.endswith(" Campus") or place.endswith(" School") and " " in place[:-7]:
        out.add(place.rsplit(" ", 1)[0])     # "Lumen Prep – Riverside", "Ridgeway Elementary/Middle"
    # the name, then the initials of its kind: "Lone Oak ECHS", "Bluestone ALC", "Fairbrook CPS", "Riverton City DOE"
    short = _short_place(place)
    kind = place[len(short):].split() if place.startswith(short) and short != place else []
    if len(kind) >= 2 and all(w.isalpha() for w in kind):
        out |= {f"{short} {''.join(w[0] for w in kind if small or w.lower() not in _SMALL_WORDS).upper()}"
                for small in (True, False)}
    # (and the initials of the name's words before a kind in capitals, then the kind: "NVR SELPA" for "North Valley
    # Regional SELPA")
    words = place.split()
    if len(words) >= 3 and words[-1].isupper() and words[-1].isalpha() and len(words[-1]) >= 3 \
            and all(w[:1].isupper() for w in words[:-1]):
        out.add(f"{''.join(w[0] for w in words[:-1])} {words[-1]}")
    elif len(words) >= 4 and "&" in words[1:-2] and words[-1].isupper() and words[-1].isalpha() \
            and all(w[:1].isupper() for w in words[:-1] if w != "&"):
        # (two names joined by "&" before the kind: "R&V RESA" and "RV RESA" for "Ridge & Valley RESA")
        letters = [w[0] for w in words[:-1] if w != "&"]
        out |= {f"{'&'.join(letters)} {words[-1]}", f"{''.join(letters)} {words[-1]}"}
    region = _REGION_TAIL.search(place)
    if region and region.start():
        # a district's region by the district's initials: "MDUS South Region" for "Miami-Dade Unified Schools South
        # Region"
        initials = "".join(w[0] for w in re.split(r"[ \t-]+", place[:region.start()]) if w[:1].isupper())
        if len(initials) >= 2:
            out.add(f"{initials} {region.group(0).strip()}")
    school = _NUMBERED_NAME.match(place)
    if school:   # "P.S. 123 Ellison Park" is "PS 123", "PS123" and "P.S. 123" to its staff
        letters, number = school.group(1).replace(".", ""), school.group(2)
        out |= {f"{school.group(1)} {number}", f"{letters} {number}", f"{letters}{number}"}
    campus = _NETWORK_CAMPUS.match(place)
    if campus:   # a network's campus by the network's initials: "WSA Magna" for "Wasatch Summit Academy Magna"
        network, where = campus.group(1), campus.group(2)
        initials = "".join(w[0] for w in network.split() if w[0].isupper())
        if len(initials) >= 2:
            out.add(f"{initials} {where}")
        # (by the network's name without its kind, "Sembrar Emporia", and with a dash, "Sembrar Academy – Emporia")
        out |= {f"{network.rsplit(None, 1)[0]} {where}", f"{network} – {where}", f"{network} - {where}"}
    numbered = _DISTRICT_NUMBER.match(place)
    if numbered:
        name, kind, number = numbered.groups()
        initials = "".join(w[0] for w in name.split() if w[0].isupper())
        # (a kind written out is its letter: "FCSD 44", "FCSD #44" for "Fremont County School District 44"; the
        # letters of "Public School District" too, "Little Muddy PSD 21")
        letters = kind if kind.isupper() else kind[0]
        out |= {f"{initials} {number}", f"{initials}{letters} {number}", f"{initials}{letters} #{number}"} \
            if len(initials) >= 2 else set()
        if len(initials) >= 3:
            out.add(f"{initials}{letters}")   # (and without its number, where the letters are many: "CLASD")
        if not kind.isupper() and (short := _short_place(name + " " + kind)) != name + " " + kind:
            rest = (name + " " + kind)[len(short):].split()
            out.add(f"{short} {''.join(w[0] for w in rest).upper()} {number}")
    # (a namesake's middle initial without its stop, as forms and capitals drop it: "CORNELIUS T BANKS HS")
    out |= {_STOPPED_INITIAL.sub(" ", form) for form in out if _STOPPED_INITIAL.search(form)}
    return out


_STOPPED_INITIAL = re.compile(r"(?<=[ ][A-Z])\.[ ]")


# a charter network's name, then its campus: "Wasatch Summit Academy Magna", "Bright Path Prep – Riverbend"
_NETWORK_CAMPUS = re.compile(r"^((?:[A-Z][\w'’]*[ ]+){1,4}(?:Academy|Academies|Prep|Preparatory|Collegiate))"
                             r"(?:[ ][–—-])?[ ]([A-Z][a-z]+(?:[ ][A-Z][a-z]+)?)$")


def _bare_place(place: str) -> set[str]:
    """A county's name without "County" when it is no word and no one's name ("Riverbend" for "Riverbend County
    Schools"; never "Jefferson" or "Lake")."""
    short = _BARE_END.sub("", _short_place(place))
    low = short.lower()
    if short == _short_place(place) or len(low) < 5 or low in person_words() or low in english_words():
        return set()
    return {short}


# the kind of school before its name, as Spanish and Portuguese name schools: "Escuela Intermedia Monte Alto"
_KIND_FIRST = re.compile(rf"^(?:(?:Escuela|Escola|Colegio|Col[eé]gio|Academia|Liceo|Instituto)(?:[ \t]+(?:{_SPANISH_SUBKINDS}"
                         r"|de|del|da|do|la))*|Segunda[ \t]+Unidad|Regi[oó]n[ \t]+Educativa(?:[ \t]+de)?)[ \t]+", re.I)


_DISTRICT_NUMBER_END = re.compile(r"\b(?:District|SD|Schools)[ \t]+No\.?[ \t]*(\d{1,4})$")


def _short_place(name: str) -> str:
    """The short form people type: "Roosevelt" for "Roosevelt Elementary School", "Monte Alto" for "Escuela
    Intermedia Monte Alto"."""
    short = _PLACE_WORDS.sub("", _KIND_FIRST.sub("", name)).strip(" -,")
    if f" {short} City " in f" {name} " and f"{short} City".lower() in place_names():
        short += " City"   # (a city's own name: "Salt Lake City" of "Salt Lake City School District")
    return short if len(short) >= 4 else name


_PROGRAM_WORDS = re.compile(r"(?:dual language|two-way immersion|bilingual|(?:upper|lower|pilot)\s+(?:school|academy))\b",
                            re.I)


def _short_forms(name: str) -> set[str]:
    """Every short form of a school's name: :func:`_short_place`, and for a school named after a person the
    person's surnames ("Muñoz Rivera" for "Escuela Elemental Luis Muñoz Rivera")."""
    short = _short_place(name)
    words = short.split()
    # (never a short form an article opens, "The Park" of "The Park Upper School"; nor one everyday word before a
    # program's words, "International" of "International Dual Language School" (second reader, session 22))
    # (nor a kind's word alone, "Community" of "Community Prep Academy", nor a county's name alone, "Merced" of
    # "Merced County Office of Education")
    if short != name and (words[0].lower() in ("the", "a", "an") or len(words) == 1
                          and (_PROGRAM_WORDS.match(name, len(short) + 1)
                               and word_rank().get(fold(short).lower(), PLAIN_RANK) < PLAIN_RANK
                               or _PLACE_WORDS.fullmatch(" " + short, 1)
                               or name.endswith("Office of Education") and fold(short).lower() in place_names())):
        return set()
    # (never a state's or a borough's name: "Minnesota", "Bronx")
    out = {short} if short.lower() not in _STATE_NAMES and short.lower() not in _BOROUGHS \
        and short.lower() not in _TERRITORY_LETTERS else set()
    # (a district's kind word kept too, as people write it: "Mill River Union" for "Mill River Union School District")
    out |= {f"{short} {kind}" for kind in ("Union", "Joint", "Independent", "International")
            if f" {short} {kind} " in f" {name} "}
    if (kind := _KIND_FIRST.match(name)) and len(words) >= 1:
        # (and by its kind's letters before the short name: "SU Palmarejo Alto", "ESV Rafael Colón Ortiz"; a
        # region's office, "ORE Costa Norte")
        letters = "".join(w[0].upper() for w in kind.group(0).split() if w.lower() not in ("de", "del", "la", "da", "do"))
        out |= {f"{letters} {short}"} | ({f"ORE {short}"} if letters == "RE" else set())
    if name.endswith(" Complex Area") and words:
        out.add(f"{short} CA")   # ("Mauna Lahilahi CA", as Hawaii's complex areas are written)
    if words and (number := _DISTRICT_NUMBER_END.search(name)):
        out.add(f"{short} No. {number.group(1)}")   # "Red Prairie No. 1" for "Red Prairie Public School District No. 1"
    school = _NUMBER_FIRST_NAME.match(name)
    if school and len(school.group(1)) >= 4:
        out.add(school.group(1))    # "Ellison Park" for "P.S. 123 Ellison Park", "Fargo Commons" for "School 3 Fargo Commons"
        if (rest := _short_place(school.group(1))) != school.group(1):
            out.add(rest)           # ("Harborview International" for "PS 45 Harborview International School")
    if len(words) >= 3 and words[0].lower() in given_names() and all(w[:1].isupper() for w in words[1:]):
        out.add(" ".join(words[1:]))
        # (and the namesake's last surname alone, on the terms the two-word case sets below: "Villanueva" for "Maria
        # Elena Villanueva Academy"; never a public figure's, "Annie Dodge Wauneka Elementary")
        if len(words[-1]) >= 4 and words[-1][1:].islower() and words[-1].upper() not in _SCHOOL_CUE_WORDS \
                and word_rank().get(words[-1].lower(), PLAIN_RANK) >= PLAIN_RANK \
                and words[-1].lower() not in FAMOUS_SURNAMES and words[-1].lower() not in given_names() \
                and words[-1].lower() not in place_names() \
                and not any(p.lower().startswith(" ".join(words).lower()) for p in PUBLIC_NAMES if " " in p):
            out.add(words[-1])
    # (and of two words, the namesake's surname where it is no everyday word and no famous figure's: "Tolliver" for
    # "Maxine Tolliver STEM Academy"; not "Parks" of "Rosa Parks", "Chavez" of "Cesar Chavez")
    # (never a body's initials and its kind: "BOCES" of "EL BOCES")
    elif len(words) == 2 and words[0].lower() in given_names() and not words[0].isupper() and words[1][:1].isupper() \
            and len(words[1]) >= 4 and words[1].upper() not in _SCHOOL_CUE_WORDS \
            and word_rank().get(words[1].lower(), PLAIN_RANK) >= PLAIN_RANK and words[1].lower() not in FAMOUS_SURNAMES \
            and not any(p.lower().startswith(name.lower()) for p in PUBLIC_NAMES if " " in p):
        out.add(words[1])
    # a school named after its street, by the street's name alone: "Holgate" for "Holgate Crossing High School"
    # (no everyday word and no given name: not "Spindle", not "Maria")
    if len(words) == 2 and words[1] in _STREET_NAME_WORDS and len(words[0]) >= 4 \
            and words[0].lower() not in english_words() and words[0].lower() not in all_given_names():
        out.add(words[0])
    return out


# kinds of school a district has one of, which its staff call the school by: "the Newcomer Center"
_ONE_OF_A_KIND = ("Newcomer Center", "International Center", "Welcome Center", "Newcomer Academy", "Early College",
                  "Career Academy", "Career Center", "Learning Center", "Alternative Center", "Alternative School",
                  "Technical Center")


def _kind_short(place: str) -> set[str]:
    """A school by its kind alone, for the kinds a district has one of: "Newcomer Center" for "Rouge Valley Newcomer
    Center", "Early College" for "Harnell Early College" (a name only; the kind is read where it is capitalised)."""
    return {kind for kind in _ONE_OF_A_KIND if place.endswith(" " + kind)}


def _network_campuses(places: Iterable[str]) -> list[str]:
    """A network's campus by the network's initials and the campus's own words, where the roster lists both:
    "MSA Midland Central" for "Mesquite Star Midland Central" beside "Mesquite Star Academies"."""
    out = []
    for network in places:
        short = _short_place(network)
        if short == network:
            continue
        for campus in places:
            if campus != network and campus.startswith(short + " ") and len(rest := campus[len(short) + 1:]) >= 4:
                out += [f"{a} {rest}" for a in _acronyms(network) if a.isalpha() and a.isupper() and len(a) >= 2]
    return out


def _campus_short(place: str) -> set[str]:
    """A network's campus by its own name, as the roster writes it with a dash: "Riverbend" for "Bright Path Prep
    – Riverbend" (no everyday word; never from a form evalkit wrote itself, "Wasatch Summit Academy - Magna")."""
    campus = _CAMPUS_AFTER_DASH.search(place)
    out = {campus.group(1)} if campus and len(campus.group(1)) >= 4 \
        and campus.group(1).lower() not in english_words() else set()
    # (and by the network's short name and the campus's: "Lantern Bridge Paterson" for "Lantern Bridge Charter School
    # – Paterson")
    if campus and (network := _short_place(place[:campus.start()])) != place[:campus.start()]:
        out |= {f"{network} {campus.group(1)}", f"{network} {campus.group(1).removesuffix(' Campus')}"}
    # (and a network's campus named before "Campus": "Caniff" and "Caniff Campus" for "Beacon Ridge Caniff Campus")
    words = place.split()
    if len(words) >= 3 and words[-1] == "Campus" and len(words[-2]) >= 4 and words[-2][:1].isupper() \
            and words[-2].lower() not in english_words() and words[-2].lower() not in all_given_names():
        out |= {words[-2], f"{words[-2]} Campus"}
    return out


# words that make what follows a place, not the school named after it: "the town of Caney Springs", "families live up
# Kettle Fork" (a school's short form is its place's name)
_PLACE_OF_BEFORE = re.compile(r"\b(?:(?:town|city|village|community|hamlet|township|valley|holler|hollow)[ \t]+of"
                              r"|(?:live[sd]?|living)[ \t]+(?:(?:up|down|out|over)[ \t]+(?:in|by|near)|up|down|on|in|out"
                              r"|near|along|off))[ \t]+$", re.I)
_TO_TOWN = re.compile(r"[ \t]+to[ \t]+([A-Z][a-z]+)")
# a school's short form that ends in a landform is the land where one goes over, past or across it: "smoke sat over
# Cherry Bench", "driving down past Rattlesnake Ridge" (not "at Cherry Bench", the school)
_LANDFORMS = frozenset("bay valley ridge bench creek lake river mountain canyon hills hill mesa wash flats springs draw range "
                       "arroyo coulee gulch slough "
                       "falls point island sound prairie basin hollow fork bend cove pond inlet canal bayou rock knob "
                       "dome peak butte buttes bluff bluffs gap notch camp cliff cliffs".split())
_LANDFORMS_FIRST = frozenset("lake rio loma lomas bosque cerro arroyo laguna lago isla".split())
_PART_OF_TOWN_AFTER = re.compile(r"[ \t]+(?:side[ \t]+of[ \t]+(?:town|the[ \t]+\w+)|neighbou?rhood|part[ \t]+of[ \t]+town"
                                 r"|area(?![ \t]+(?:schools?|principals?|teachers?|staff|students|team|office|cadre)\b))\b")
# (and a second place before what both do: "Crown Point and Lafitte flood at high tide")
# what only water and land do, which says a name a landform's word opens is the landform, as a school is named after it
# too: "Loma Alta flooded", "Lake Brandt froze" (never its sunsets, its fishing club, its water polo, a score that "rose
# over 80%": second reader, session 22)
_NATURE_STRONG = (r"flooded|floods|flooding|frozen|froze|overflowed|snowpack|watershed|headwaters|shoreline|trailhead"
                  r"|levee|(?:runs|ran|running|went|goes)[ \t]+dry|dried[ \t]+up|came[ \t]+up[ \t]+over|jumped[ \t]+its[ \t]+banks")
# (and another water joined to it: "Kettle Creek and the East Fork were muddy"; never "and the other schools")
_NATURE_AFTER = re.compile(r"(?:[ \t]+(?:and|&)[ \t]+(?:[^\W\d_][\w'’-]*(?:[ \t]+[^\W\d_][\w'’-]*)?"
                           r"|the[ \t]+(?:[^\W\d_][\w'’-]*[ \t]+)?(?:fork|branch|river|creek|lake|bay|canal|pond|slough"
                           r"|bayou|run)))?"
                           r"[ \t]+(?:(?:was|is|were|are|looked|looks|got|gets|stayed|froze|stays)[ \t]+(?:so[ \t]+)?)?"
                           rf"(?:{_NATURE_STRONG}|beautiful|gorgeous|stunning|flood|rising|calm|rough|muddy"
                           r"|icy|floats?|trails?|waterfront|sunsets?|beach|ferry|fishing|kayak\w*|canoe\w*"
                           r"|hike|hiking|overlook|dam|water|waves|ice|tide|currents?|banks?|sunrise|sunset"
                           # (where the water runs: "Onondaga Creek runs right behind the housing")
                           r"|(?:runs|ran|flows|flowed|winds)[ \t]+(?:right[ \t]+|just[ \t]+)?(?:behind|along|past|under"
                           r"|beside|between)"
                           r"|(?:is|was)[ \t]+dry|at[ \t]+(?:sunrise|sunset|dawn|dusk)"
                           r"|bridges?|locks?|canals?|ditch(?:es)?|snowmelt|(?:comes|rose|rises)[ \t]+up[ \t]+over|overlooks)\b")
_NATURE_STRONG_AFTER = re.compile(rf"[ \t]+(?:(?:was|is|were|are|got|gets)[ \t]+)?(?:{_NATURE_STRONG}"
                                  r"|nature[ \t]+(?:trail|center|preserve))\b")
# (and beside it on the way: "out by Moon Lake on the way home", "near Sandy Creek")
_ACROSS_BEFORE = re.compile(r"\b(?:over|past|across|around|through|beyond|along|up|down|near|hiked|climbed|summited"
                            r"|(?:out|drove|drive|driving|went|walked|walk)[ \t]+by)[ \t]+(?:the[ \t]+)?$", re.I)


_RARE_WORD_RANK = 15_000   # (a word rarer than this in a school's short form makes it one in lower case too)
_A_OR_AN_BEFORE = re.compile(r"\ban?[ \t]+$", re.I)


def _said_as_place(folded: str, low: str, start: int, end: int) -> bool:
    """Whether a school's short form at ``start:end`` is said as the place it is named after: after "the town of" or
    "live up" (:data:`_PLACE_OF_BEFORE`), a landform gone over or past (:data:`_LANDFORMS`), or a town travelled
    from to another ("the drive from Sequoia Vista to Fresno")."""
    if _PLACE_OF_BEFORE.search(folded, max(0, start - 24), start) or _ALONG_BEFORE.search(folded, max(0, start - 12), start):
        return True
    if _PEOPLE_NOUN_AFTER.match(low, end):
        return True   # (the people a county and its schools are named after: "the Chickahominy peoples", "tribal center")
    if _CARE_NOUN_AFTER.match(low, end):
        return True   # (a hospital or a clinic by the place's name: "Ohio Falls Children's Hospital does the screenings")
    if (low[start:end].rsplit(None, 1)[-1] in _LANDFORMS or low[start:end].split(None, 1)[0] in _LANDFORMS_FIRST) \
            and _WHERE_AFTER.match(low, end):
        return True   # (a landform where something is done: "Lake Brandt is where the cross-country team runs")
    # (a name's later word in lower case is a thing's: "Sego lily is the state flower"; a place by what it is: "Franklin
    # Heights is the neighborhood on the hill", "Tres Lomas is just three hills")
    if any(w.islower() and w not in _PARTICLE_WORDS and w not in ("of", "and", "the") and w not in _LANDFORMS
           and w not in _PLACE_NAME_WORDS for w in folded[start:end].split()[1:]) \
            or _IS_A_PLACE_AFTER.match(low, end):
        return True
    last = low[start:end].rsplit(None, 1)[-1]
    # (a street gone along: "the canal path along Canal Street"; a landform's picnic: "to Jericho Pond for the picnic")
    # (and a road a place stands on: "the Grange hall on Dufur Road")
    if last in _STREET_WORDS_LOW and (_ACROSS_BEFORE.search(folded, max(0, start - 16), start)
                                      or _ON_ROAD_BEFORE.search(folded, max(0, start - 40), start)
                                      and not folded.startswith(("'s", "’s"), end)) \
            or (last in _LANDFORMS or low[start:end].split(None, 1)[0] in _LANDFORMS_FIRST) \
            and _LEISURE_AFTER.match(low, end) and _GOING_TO_BEFORE.search(folded, max(0, start - 12), start):
        return True
    # (a landform's word last; or first, as Spanish and lakes name them, by what it does alone: "Loma Alta flooded",
    # "Lake Brandt froze"; never "chose us over Lake Brandt")
    land = last in _LANDFORMS
    if low[start:end].split(None, 1)[0] in _LANDFORMS_FIRST and _NATURE_STRONG_AFTER.match(low, end):
        return True
    if land and _ACROSS_BEFORE.search(folded, max(0, start - 16), start) \
            and not folded.startswith(("'s", "’s"), end):   # ("over Cedar Park's PLCs": the school's)
        return True
    # (a landform by what it does or holds: "Commencement Bay was beautiful at sunset", "The Platte River trail",
    # "Laurel Bend flooded in 2016", "Loma Alta flooded during the monsoon"; a school's name before its people and its
    # work stays the school's)
    if land and _NATURE_AFTER.match(low, end):
        return True
    # (a landform's or a fort's word before it: "the Lake Pontchartrain conference center", "Fort Bend"; a landform
    # after it: "out past Pohick Run")
    if _LANDFORM_BEFORE.search(folded, max(0, start - 8), start) or _LANDFORM_AFTER.match(folded, end) \
            or _LAND_NOUN_AFTER.match(folded, end):
        return True
    # (homes by their complex's name, and the next complex joined to it: "the garden apartments at Willow Oaks and
    # Glen Hollow")
    if _HOME_PLACE_BEFORE.search(folded, max(0, start - 60), start):
        return True
    # (the second of two towns travelled from: "commute from Rio Rico and Calabasas to jobs")
    if (m := _FROM_TOWN_AND.search(folded, max(0, start - 40), start)) and m.group(1).lower() in place_names():
        return True
    # (a county, a parish or a township named like the school: "Jefferson County sent observers"; never the
    # district that bears the county's name, "Jefferson County Schools")
    if _JURISDICTION_AFTER.match(folded, end):
        return True
    # (a part of town by the body's name: "on the Glen Hollis side of town", "from the RSU 9 area through Hollis")
    if low.endswith("the ", 0, start) and _PART_OF_TOWN_AFTER.match(low, end):
        return True
    return folded.endswith(("from ", "From "), 0, start) and bool(to := _TO_TOWN.match(folded, end)) \
        and to.group(1).lower() in place_names()


# (a street a school is named after, gone along: "the apartments along Wilcrest")
_ALONG_BEFORE = re.compile(r"\b(?:along|off[ \t]+of)[ \t]+$", re.I)
# (never "the Border Sun people", a school's staff, nor "the Arkansas Bend Indian ed staff")
# (and a place's own things after its name: "the Drakes Creek greenway", "the Falling Creek ironworks park", "Prater's
# Mill fair")
_CARE_NOUN_AFTER = re.compile(r"[ \t]+(?:children['’]s[ \t]+)?(?:hospital|medical[ \t]+center|health[ \t]+center|clinic)\b"
                              r"|['’]?s?[ \t]+(?:greenway|trailhead|overlook|boat[ \t]+ramp|reservoir|ironworks|fairgrounds"
                              r"|fair|battlefield|trail[ \t]+head)\b")
# (a landform where something is done, or by its view: "Lake Brandt is where the team runs", "Herron Hill has the best
# view of the city")
_WHERE_AFTER = re.compile(r"[ \t]+(?:is|was)[ \t]+where\b|[ \t]+(?:has|had)[ \t]+(?:the[ \t]+best|a[ \t]+great|a[ \t]+nice"
                          r"|great|the[ \t]+prettiest)[ \t]+views?\b")
_PEOPLE_NOUN_AFTER = re.compile(r"[ \t]+(?:peoples|tribes?|tribal|nation|reservation|band[ \t]+of)\b")
_IS_A_PLACE_AFTER = re.compile(r"(?:[ \t]+(?:and|&)[ \t]+[^\W\d_][\w'’-]*(?:[ \t]+[^\W\d_][\w'’-]*)?[ \t]+(?:are|were)"
                               r"|[ \t]+(?:is|was|are|were))[ \t]+(?:just[ \t]+|really[ \t]+)?(?:(?:the|a|an|three|two|some)[ \t]+)?"
                               r"(?:\w+[ \t]+)?(?:neighbou?rhoods?|hills?|towns?|villages?|subdivisions?|park|lake|communit(?:y|ies)"
                               r"|river|creek|mountains?|canyon|valley|colonia)\b(?![ \t]+(?:school|academy|center))")
# the words of a place's name that may be typed in lower case in a school's name: "Mountain view", "Cedar park"
_PLACE_NAME_WORDS = frozenset("view park heights hills grove point pointe vista meadows meadow woods springs crossing "
                              "landing harbor harbour haven acres gardens glen square corner".split())
_STREET_WORDS_LOW = frozenset("street avenue road boulevard drive lane way highway".split())
# (a building or a meeting place on the road: "the Grange hall on", "we meet on", "the church out on")
# (a building no school is, or a home: never "our PLC meeting on", "the office on", "her building on": a school's own)
_ON_ROAD_BEFORE = re.compile(r"\b(?:halls?|church|chapel|temple|mosque|store|shop|station|clinic|lives?|lived|house|farm"
                             r"|ranch|stop|park)(?:[ \t]+\w+){0,3}?"
                             r"[ \t]+(?:out[ \t]+|over[ \t]+|down[ \t]+|up[ \t]+)?on[ \t]+$", re.I)
# (a landform gone to for it: "took the cadre to Jericho Pond for the picnic"; not "Jericho Pond hosted the picnic")
_GOING_TO_BEFORE = re.compile(r"\b(?:to|at|by|near)[ \t]+$", re.I)
_LEISURE_AFTER = re.compile(r"[^.!?\n]{0,30}?\b(?:picnics?|campout|cookout|swim|swimming|hike|hiking|fishing|kayaking"
                            r"|canoeing|bonfire)\b")
# (the land's own word after it, in lower case: "the Caprock escarpment", "the Reedy Fork creek trail")
# (and a venue named after the place: "the Bayfront Convention Center", "the Valley Ranch convention hotel"; a path or a
# trailhead: "The Liberty Canal path")
_LAND_NOUN_AFTER = re.compile(r"[ \t]+(?:escarpment|canyon|creek|trail|trails|grasslands|lake|river|falls|ridge|mesa|bluffs?"
                              r"|watershed|snowpack|headwaters|wetlands|nature[ \t]+(?:trail|center|preserve|area|walk)|road"
                              r"|sanctuary|caves?|caverns|paths?|trailheads?|campgrounds?|(?i:convention)[ \t]+(?i:center|centre|hotel)"
                              r"|prairie|woods|forest|dunes|wetlands|marsh|swamp|reservoir|preserve|hills|valley)\b")
_HOME_PLACE_BEFORE = re.compile(r"\b(?:apartments?|apartment[ \t]+complex|townhomes|townhouses|condos?|subdivision"
                                r"|trailer[ \t]+(?:park|courts?)|mobile[ \t]+home[ \t]+park)"
                                r"[ \t]+(?:at|in|on|near|called)[ \t]+(?:the[ \t]+)?"
                                r"(?:[A-Z][\w'’-]*[ \t]+){0,3}(?:(?:and|&|or)[ \t]+)?$")
_LANDFORM_BEFORE = re.compile(r"(?<![\w'’-])(?:Lake|Bayou|Mount|Mt\.|Fort|Ft\.|Cape|Isle|Port)[ \t]+$")
_FROM_TOWN_AND = re.compile(r"\b[Ff]rom[ \t]+([A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,2})[ \t]+(?:and|or|&)[ \t]+$")
_JURISDICTION_AFTER = re.compile(r"[ \t]+(?:County|Parish|Township|Twp\.?|Borough)\b"
                                 r"(?![ \t]+(?:(?i:schools?|district|public|board|office)|High|Middle"
                                 r"|Elementary|Board|Office|Unified|Consolidated|Independent|ISD|SD|USD|CSD|Academy"
                                 r"|Charter|Community|Regional|Area|Career|Technical|Vo-?Tech|Head[ ]Start|Early)\b)")
_STREET_NAME_WORDS = frozenset("Street St Avenue Ave Road Rd Crossing Boulevard Blvd Way".split())
_CAMPUS_AFTER_DASH = re.compile(r"[ ][–—-][ ]([A-Z][\w'’]+(?:[ ][A-Z][\w'’]+)?)$")
