#!/usr/bin/env python3
"""Estimate the share of person spans that refer to roster people.

A person span counts as "roster" when, after stripping titles, HTML entities, accents, PDF hyphen breaks, OCR
digit slips and case,
  - it is made only of initials that match a roster person's initials, or
  - none of its word tokens is in the hand-kept list of non-roster name tokens below (the invented students,
    parents, clergy, elders, council members, speakers, vendors and partners), and one of them equals, or is a
    close misspelling of, a roster first name, surname or nickname.
This is an estimate (collisions between invented names are possible); it is not used by build.py or check.py.

  python3 tools/roster_share.py            summary
  python3 tools/roster_share.py --list     also list every person span with its guess
"""
import difflib
import html
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TITLES = {"mr", "mrs", "ms", "miss", "dr", "prof", "coach", "principal", "supt", "superintendent", "rev", "pastor",
          "imam", "sheikh", "councilman", "councilwoman", "sra", "sr", "don", "dona", "tita", "tito", "elder",
          "bishop", "mayor", "jr", "speaker"}
# informal forms of roster names that are neither the listed first name nor the nickname
EXTRA_FORMS = {"dom"}
# surnames / given names of the invented non-roster people (students, parents, clergy, vendors, partners ...)
NON_ROSTER = set("""
aaliyah abdiweli abdullahi abebe abellera abuk abundio achol ada agatha aguvluk ahmed akech aklaq albarran alma amezcua amundsen angelica anna apatiki aqargiq arreola aster aurelio ayaan ayaprun bao bartolo basilio baugh birch bohdan bol bondarenko brad bravo brayan carolyn carrasco catalina celia chavez chikoyak chol colton crispin dana daniela dario darlene darrell delphine denise dimaculangan dinh dualeh dwayne efren elijah ellen engebretsen ernesto eseta esperanza evan evangelina evanoff eze fa'amausili fa'aola fairweather faisa falani feliz fidel fifita filipo fischbach fotini fuimaono galeana garrett gedi genevieve gilberto girma gloria grace guillermina gure gus guzman halaholo halima halloran halyna hamza harvey her herman herminia hersi hieu hoang hodo hung ilutsik ioane iryna isaac isileli ivory jama jayden jaylen jimenez jimmy jinna jolynn jordan jorkan joseph kaden kahale kalani kalolaine kanayurak kanrilak kanuk kasak kasayuli kaur kaylee keisha kelsey kenji kessler khoa kirra kobe kou kravets kuol lacsamana laijo lan lanki lauina laulu lealofi ledesma leilani leland leonel liban lidya liem lijon lillian lonnie lorenzo lorna lourdes lucatero mahad maiava majok maldonado mamea marco mariam marr martha matagi mateo maykou mejia mengistu mikayla minh miriam montano morales moroz moses mugisha mulitalo nadia nanouk nanuaq nanugaq nanuk nanuq nava nellie ngozi nhat nikolai nora nou nukusuk nur obi ocampo ocotlan oduya ofelia oktuk oleksii olivares olivier ortega ortiz ostrowski otis oyelaran oyelowo oyler pangilinan pauline paulo pele petra pettit polanco qasaq qavlluq quang quintero ramos refugio renee reyna robert rodel rojas rosalind ruffin ruppert ruth ryder sahra sakeagak salazar saluskin sampson sanchez santana sefo shaylee sione sofiia soto stahi sua tagruk taliaoa tallman tausala tavae teresa terrence tevita thao thi thomas tkachenko tomasz tommy tranquilino truong tuiasosopo tulukaq tupou twohy tyrell ubah ulric vaifale vaipulu valdovinos van vanterpool vernon villasenor vincent vo wahsise wapsheli warfa wendell whitaker whitebear whitford whitlock wiles woldemichael wyanet xochitl yadira yairon yesica yohanna yuen yusuf yusufzai zepeda zielinski
marites gatdula eusebio tapia ayen
fa'alogo deshawn tevin flossie ungudruk lusiana moala kristen amaguq jonah yvonne langlois brooke tennant agafia kiokun hawa osman quang phan tekle gebre bilimon anjain bettina kowalczyk karin lindahl artem lysenko arvid kvamme
vaoita leiataua romeo sabangan charlene oduro felix amadi arturo pulido ruby malu sagapolutele nadiya kozak cecilia tunuchuk abraham qiluk dwight ellsworth rowena sibal danilo catapang gilbert navarrete linda sorensen valeria montes rigoberto luna maura quintanilla hipolito cano yaretzi simon panigeo loretta kagak hyun woo baek nasteho ali ostap hnatiuk lagi tuitele leonard tohmtow jazmin olvera uriel ambriz majak aguer nyibol reza farzan amparo villalobos jesse tallbull olga barrientos emiliano ledford keanu leavasa daisy cortez yeng moua nkauj hli beulah oyagak ciara wesley
""".split())


def norm(s):
    s = html.unescape(s).replace("\u00a0", " ").replace("-\n", "")
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).replace("\u0131", "i")
    s = s.translate(str.maketrans({"1": "l", "0": "o"}))
    s = s.lower().replace("-", " ")
    return re.findall(r"[a-z']+", s)


def main():
    roster = json.load(open(os.path.join(HERE, "roster.json"), encoding="utf-8"))
    first, last, nick, inits = set(), set(), set(), set()
    for r in roster:
        for t in norm(r["first"]):
            first.add(t)
        for t in norm(r["last"] or ""):
            last.add(t)
        for t in norm(r["nickname"] or ""):
            nick.add(t)
        f = norm(r["first"])[0][0]
        l = norm(r["last"] or "x")[0][0]
        inits.add(f + l)
    nick |= EXTRA_FORMS
    names = first | last | nick
    recs = [json.loads(l) for l in open(os.path.join(HERE, "comments.jsonl"), encoding="utf-8")]
    total = hits = 0
    rows = []
    for rec in recs:
        for s in rec["spans"]:
            if s["kind"] != "person":
                continue
            total += 1
            raw = s["text"]
            toks = [t for t in norm(raw) if t not in TITLES] or norm(raw)
            compact = re.sub(r"[^A-Za-z]", "", raw)
            guess = False
            if toks and all(len(t) == 1 for t in toks):
                guess = "".join(toks) in inits or (len(toks) == 1 and toks[0] in {i[1] for i in inits})
            elif len(compact) == 2 and compact.isupper():
                guess = compact.lower() in inits
            elif any(t in NON_ROSTER for t in toks):
                guess = False
            else:
                for t in toks:
                    if t in last or t in nick or t in first:
                        guess = True
                    elif len(t) >= 5 and difflib.get_close_matches(t, list(names), n=1, cutoff=0.8):
                        guess = True
            hits += guess
            rows.append((guess, raw))
    if "--list" in sys.argv[1:]:
        for g, raw in rows:
            print("R" if g else "-", raw.replace("\n", " "))
    print(f"person spans: {total}; roster (estimated): {hits} ({hits / total:.0%}); "
          f"non-roster: {total - hits} ({(total - hits) / total:.0%})")


if __name__ == "__main__":
    main()
