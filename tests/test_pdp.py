"""PDP eligibility and `evalkit pdp` (issue [5/9]): the demo's certificate list against an independent
computation from the raw files, its file mode, where it may be written, and that no report carries it."""

from __future__ import annotations

import dataclasses
import stat

import pandas as pd
import pytest

from conftest import DEMO_DIR
from evalkit.errors import EvalkitError


def _independent_earners() -> set[str]:
    """The rule of the demo project file (12 hours of network meetings and the end-of-network evaluation),
    computed from the raw exports with pandas alone: no evalkit code."""
    reg = pd.read_excel(DEMO_DIR / "registration.xlsx", sheet_name="Registrations")
    reg = reg[(reg["program"].astype(str).str.strip().str.upper() == "NETWORK")
              & (reg["status"].astype(str).str.strip().str.lower() == "active")]
    active = set(reg["email"].astype(str).str.strip().str.casefold())
    events = pd.read_csv(DEMO_DIR / "events.csv")
    hours = dict(zip(events["event_id"], pd.to_numeric(events["hours"])))
    wide = pd.read_csv(DEMO_DIR / "network_attendance.csv", encoding="utf-8-sig")
    meetings = {f"Mtg {k}": f"NET-M{k}" for k in range(1, 6)}
    earned: dict[str, float] = {}
    for _, row in wide.iterrows():
        h = 0.0
        for col in wide.columns:
            key = next((m for m in meetings if col.startswith(m + " ")), None)
            if key and str(row[col]).strip().upper() in ("P", "PT"):      # present, part time (project marks)
                h += hours[meetings[key]]
        earned[str(row["Email"]).strip().casefold()] = h
    evals = pd.read_csv(DEMO_DIR / "network_final_eval_forms.csv")
    done = set(evals["Email Address"].astype(str).str.strip().str.casefold())
    return {e for e in active if earned.get(e, 0.0) >= 12 and e in done}


@pytest.fixture(scope="module")
def pdp_run(demo_run, tmp_path_factory):
    from evalkit.demo.config import demo_config
    from evalkit.pipeline import pdp_list

    private = tmp_path_factory.mktemp("private") / "pdp_network.csv"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("EVALKIT_KEY_FILE", str(demo_run["key_file"]))
        cfg = demo_config(data=DEMO_DIR, processed_dir=demo_run["processed"], reports_dir=demo_run["reports"])
        programs = [p.model_copy(update={"pdp": p.pdp.model_copy(update={"certificates": str(private)})})
                    if p.pdp else p for p in cfg.project.programs]
        cfg = dataclasses.replace(cfg, project=cfg.project.model_copy(update={"programs": programs}))
        res = pdp_list(cfg)
    return cfg, res


def test_the_certificate_list_matches_an_independent_computation_from_the_raw_files(pdp_run) -> None:
    _, res = pdp_run
    listed = pd.read_csv(res.file)
    expected = _independent_earners()
    assert res.eligible == len(expected) == len(listed) > 0
    assert set(listed["email"].str.strip().str.casefold()) == expected
    assert (listed["pdps"] >= 12).all() and (listed["evaluation_completed"] == "yes").all()
    assert list(listed.columns) == ["first_name", "last_name", "email", "events_attended", "hours",
                                    "evaluation_completed", "pdps"]
    funnel = dict(res.funnel.values.tolist())
    assert funnel["Registered"] == res.registered and funnel["Earned PDPs"] == res.eligible
    assert funnel["Registered"] >= funnel["Attended at least one event"] >= funnel["Attended enough for PDPs"]


def test_the_list_is_private_and_never_in_a_report(pdp_run, demo_run) -> None:
    _, res = pdp_run
    assert stat.S_IMODE(res.file.stat().st_mode) == 0o600
    listed = pd.read_csv(res.file)
    secrets = set(listed["email"].str.casefold()) | {n.casefold() for n in listed["last_name"] if len(n) > 3}
    for f in demo_run["reports"].rglob("*"):
        if f.is_file() and f.suffix in (".html", ".csv", ".json", ".ipynb", ".txt", ".typ", ".svg"):
            text = f.read_text(errors="ignore").casefold()
            assert not any(s in text for s in secrets if "@" in s), f"{f} holds an e-mail of the certificate list"


@pytest.mark.parametrize("where", ["reports", "processed"])
def test_the_list_may_not_be_written_where_reports_or_data_go(pdp_run, demo_run, where) -> None:
    from evalkit.pipeline import pdp_list

    cfg, _ = pdp_run
    bad = demo_run[where] / "pdp.csv"
    programs = [p.model_copy(update={"pdp": p.pdp.model_copy(update={"certificates": str(bad)})})
                if p.pdp else p for p in cfg.project.programs]
    cfg = dataclasses.replace(cfg, project=cfg.project.model_copy(update={"programs": programs}))
    with pytest.raises(EvalkitError, match="must be kept apart"):
        pdp_list(cfg)
    assert not bad.exists()


def test_a_rule_needs_a_criterion_and_a_known_evaluation() -> None:
    from pydantic import ValidationError

    from evalkit.config.project import PdpRule

    with pytest.raises(ValidationError, match="at least one of"):
        PdpRule(certificates="x.csv")
    assert PdpRule(min_meetings=4, certificates="x.csv").min_hours is None


def test_the_audit_would_catch_the_list_in_a_report(pdp_run, demo_run, tmp_path) -> None:
    """The list never enters a report (above); and were it copied into one, the audit would stop it: its names
    and e-mails are findings."""
    import shutil

    from evalkit.audit import audit_path

    cfg, res = pdp_run
    bundle = tmp_path / "network-2025"
    shutil.copytree(demo_run["reports"] / "network-2025", bundle)
    assert audit_path(bundle, cfg, processed_dir=demo_run["processed"]).ok
    shutil.copy(res.file, bundle / "artifacts" / "tables" / "pdp_network.csv")
    found = audit_path(bundle, cfg, processed_dir=demo_run["processed"])
    assert not found.ok and any("pdp_network.csv" in f.file for f in found.findings)
