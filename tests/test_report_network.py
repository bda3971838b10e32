"""The network report (issue [5/9]) on the demo: rendered with its sections, attendance and the funnel against
counts made from the raw files with pandas alone, the retrospective pre-post against a hand computation."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from conftest import DEMO_DIR, bundle_table, demo_bundle

LEVELS = {"Very low": 1, "Low": 2, "Moderate": 3, "High": 4, "Very high": 5}


@pytest.fixture(scope="module")
def network(demo_run):
    return demo_bundle(demo_run, "network-2025")


_table = bundle_table


def _active_network() -> pd.DataFrame:
    reg = pd.read_excel(DEMO_DIR / "registration.xlsx", sheet_name="Registrations")
    reg = reg[(reg["program"].astype(str).str.strip().str.upper() == "NETWORK")
              & (reg["status"].astype(str).str.strip().str.lower() == "active")]
    return reg.assign(key=reg["email"].astype(str).str.strip().str.casefold())


def test_the_network_report_is_rendered_with_its_sections(network) -> None:
    folder, facts = network
    assert (folder / "report.html").is_file() and (folder / "report.pdf").is_file()
    assert (folder / "supplement.pdf").is_file()
    ids = [s.id for s in facts.report_sections]
    assert ids[:2] == ["summary", "limitations"]
    assert {"participation", "funnel", "reactions", "learning", "use", "pdps"} <= set(ids)
    assert facts.whole_program and "cadre" not in facts.title.lower()


def test_attendance_by_meeting_matches_the_coordinators_roster(network) -> None:
    folder, _ = network
    wide = pd.read_csv(DEMO_DIR / "network_attendance.csv", encoding="utf-8-sig")
    wide = wide[wide["Email"].astype(str).str.strip().str.casefold().isin(set(_active_network()["key"]))]
    got = _table(folder, "attendance_by_event").set_index("Event")["Attendees"]
    for k in range(1, 6):
        col = next(c for c in wide.columns if c.startswith(f"Mtg {k} "))
        expected = int(wide[col].astype(str).str.strip().str.upper().isin(["P", "PT"]).sum())
        assert int(got[f"NET-M{k}"]) == expected
    assert not any(e.startswith("NET-WG") for e in got.index)      # no attendance was recorded for groups


def test_the_funnel_and_the_pdp_count_match_the_raw_files(network) -> None:
    from test_pdp import _independent_earners

    folder, _ = network
    funnel = _table(folder, "funnel").set_index("Step")["People"]
    assert int(funnel["Registered"]) == len(_active_network())
    assert int(funnel["Earned PDPs"]) == len(_independent_earners())
    assert int(_table(folder, "pdps").set_index("Group").loc["Earned PDPs", "Participants"]) == len(_independent_earners())


def test_the_retrospective_pre_post_matches_a_hand_computation(network) -> None:
    """g_av = mean change / ((SD now + SD before) / 2), times J = 1 - 3 / (4 (n - 1) - 1) (Lakens 2013, eq. 10
    with Hedges' correction), on the respondents who answered every item, from the raw Google Forms file."""
    folder, _ = network
    raw = pd.read_csv(DEMO_DIR / "network_final_eval_forms.csv")
    # the report speaks for the network's registered participants only
    raw = raw[raw["Email Address"].astype(str).str.strip().str.casefold().isin(set(_active_network()["key"]))]
    before = [c for c in raw.columns if c.startswith("Before the network:")]
    now = [c for c in raw.columns if c.startswith("Now:")]
    b = raw[before].apply(lambda s: s.map(LEVELS))
    n_ = raw[now].apply(lambda s: s.map(LEVELS))
    ok = b.notna().all(axis=1) & n_.notna().all(axis=1)
    mb, mn = b[ok].mean(axis=1).to_numpy(), n_[ok].mean(axis=1).to_numpy()
    n = len(mb)
    d_av = (mn.mean() - mb.mean()) / ((mn.std(ddof=1) + mb.std(ddof=1)) / 2)
    g_av = d_av * (1 - 3 / (4 * (n - 1) - 1))
    row = _table(folder, "retro_prepost").iloc[0]
    assert int(row["Respondents"]) == n
    assert float(row["Before (looking back)"]) == pytest.approx(mb.mean(), abs=0.005)
    assert float(row["Now"]) == pytest.approx(mn.mean(), abs=0.005)
    assert float(row["g_av"]) == pytest.approx(g_av, abs=0.006)
    assert float(row["CI low"]) < float(row["g_av"]) < float(row["CI high"])


def test_no_name_or_email_of_the_certificate_list_reaches_the_network_report(network) -> None:
    folder, _ = network
    reg = _active_network()
    text = " ".join(p.read_text(errors="ignore") for p in folder.rglob("*")
                    if p.is_file() and p.suffix in (".html", ".csv", ".json")).casefold()
    assert not any(e in text for e in reg["key"])
    assert not any(f" {str(ln).casefold()} " in text for ln in reg["last_name"] if len(str(ln)) > 5)


def test_reactions_meeting_by_meeting_when_each_meeting_was_evaluated(demo_run, tmp_path) -> None:
    """The demo network has one evaluation at the end; a network that evaluates each meeting (a survey of the
    'event' wave) gets percent favorable per meeting. Checked on a made-up evaluation table added to the demo's
    store, against shares counted here."""
    import dataclasses

    from evalkit.config.project import Source
    from evalkit.demo.config import demo_config
    from evalkit.processed import load_processed
    from evalkit.report.network import build_network_artifacts, network_units

    cfg = demo_config(data=DEMO_DIR, processed_dir=demo_run["processed"], reports_dir=demo_run["reports"])
    src = Source(id="meeting_evals", file="meeting_evals.csv", kind="survey", program="network",
                 instrument="event_eval", wave="event")
    cfg = dataclasses.replace(cfg, project=cfg.project.model_copy(update={"sources": [*cfg.project.sources, src]}))
    store = load_processed(cfg)
    reg = store.tables["registration"]
    people = reg.loc[(reg["program"].astype(str).str.upper() == "NETWORK") & ~reg["withdrawn"].fillna(False).astype(bool),
                     "person_id"].tolist()[:30]
    rng = np.random.default_rng(7)
    item = "q3_my_time_was_well_spent"
    rows = [{"event_id": f"NET-M{k}", "person_id": p, item: float(rng.integers(1, 6)), "q5": float(rng.integers(0, 11))}
            for k in range(1, 6) for p in people[: 18 + 2 * k]]
    store.tables["meeting_evals"] = pd.DataFrame(rows)
    unit = network_units(cfg)[0]
    out, _ = build_network_artifacts(cfg, store, unit, tmp_path / "net")
    got = pd.read_csv(out / "tables" / "event_ratings.csv", dtype=str).set_index("Event")
    col = next(c for c in got.columns if c.startswith("My time was well spent"))
    frame = pd.DataFrame(rows)
    exact = 0
    for ev, d in [*frame.groupby("event_id"), ("All events", frame)]:
        expected = 100 * d[item].isin([4.0, 5.0]).mean()
        text = got.loc[ev, col]
        assert int(got.loc[ev, "n"]) == len(d)
        if text.rstrip("%").isdigit():
            assert int(text.rstrip("%")) == math.floor(expected + 0.5)
            exact += 1
        else:                                   # coded: the bound must be true of the value
            bound = float(text.strip("<>%"))
            assert (expected > bound) if text.startswith(">") else (expected < bound) if text.startswith("<") else True
    assert exact >= 1                          # the all-meetings row at least is shown exactly
    facts = (out / "facts.json").read_text()
    assert '"event_ratings"' in facts and "No evaluation was collected after each meeting" not in facts
