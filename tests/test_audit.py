"""`evalkit audit PATH` (issue 4/5, section 6): every finding kind in every text layer, masked details,
exit codes, and the must-show on the real demo output.

Unit tests plant one item into a small hand-made bundle (HTML, CSV, notebook, PDF with metadata, PNG,
JSON, log) scanned with a hand-made :class:`AuditContext`: the clean bundle must pass and the planted
one must fail with the expected kind, without the planted value in any output. The slow tests run the
demo into a temporary folder and audit it for real.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import os
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest

from evalkit.pii import PiiDetector
from evalkit.cli import main
from evalkit.disclose.scan import AuditContext, FindingKind, key_pieces, scan_path

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "data_raw" / "demo"

KEY = hashlib.sha256(b"evalkit audit test key").digest()
PSEUDONYM = "3fa1c2d4e5b6a7980112"
RAW_ID = "R0042"

# Report prose that must not trip the audit: everyday-word names of the roster (May, Will, Grant, Hope),
# months, page numbers, dates, hours, years, "fewer than 10", top and bottom coding.
PROSE = ("Participants met in May 2025 and will meet again in June. We hope to see Grant-funded teams grow; "
         "Hope is what the program offers. Will the schedule hold? Page 3 of 10. Sessions ran 1.5 hours on "
         "2025-05-03. Results for groups of fewer than 10 respondents are not shown; shares read <5% or >95%. "
         "At least 10 responses per school. Guskey level 2 outcomes. The cohort of 2025 had 32 participants.")


def _ctx(n_min: int = 10) -> AuditContext:
    detector = PiiDetector.from_names(first=["Maria", "Hope", "Grant", "May", "Will", "Deborah"],
                                      last=["Gutiérrez", "Osei", "Lewis"],
                                      full=["Maria Gutiérrez", "Hope Osei", "Grant Lewis", "May Osei", "Will Lewis"],
                                      places=["Roosevelt Elementary"])
    return AuditContext(detector=detector, pseudonyms={PSEUDONYM}, raw_ids={RAW_ID}, key_pieces=key_pieces(KEY),
                        n_min=n_min, project="test")


# One item per finding kind: (id, kind, text to plant, the value that must never be printed).
PLANTS = [
    ("roster_name", FindingKind.name, "Thanks to Maria Gutiérrez for hosting.", "Gutiérrez"),
    ("accent_folded", FindingKind.name, "Thanks to maria gutierrez for hosting.", "gutierrez"),
    ("nickname", FindingKind.name, "Deb shared the agenda.", "Deb "),
    ("title_surname", FindingKind.name, "Ms. Osei opened the session.", "Osei"),
    ("email", FindingKind.email, "Write to maria.g@riverdale.example.org for details.", "maria.g@riverdale"),
    ("phone", FindingKind.phone, "Call 617-555-0160 to join.", "555-0160"),
    ("pseudonym", FindingKind.pseudonym, f"Record {PSEUDONYM} was merged.", PSEUDONYM),
    ("raw_id", FindingKind.raw_id, f"Registration {RAW_ID} withdrew.", RAW_ID),
    ("key_hex", FindingKind.key_material, f"build {KEY.hex()[5:15]} finished", KEY.hex()[5:15]),
    ("key_base64", FindingKind.key_material, f"token {base64.b64encode(KEY).decode()[3:14]} used",
     base64.b64encode(KEY).decode()[3:14]),
    ("n_equals", FindingKind.small_n, "Coaches (n = 3) agreed.", None),
    ("n_colon", FindingKind.small_n, "Coaches, N: 4, agreed.", None),
    ("n_paren", FindingKind.small_n, "Coaches (n 3) agreed.", None),
    ("n_phrase", FindingKind.small_n, "Only 3 respondents answered.", None),
    ("share_100", FindingKind.extreme_share, "Coaches: 100% agreed.", None),
    ("share_0", FindingKind.extreme_share, "Coaches: 0.0 % disagreed.", None),
]
LAYERS = ["html_text", "html_alt", "csv", "notebook_output", "notebook_source", "notebook_error", "pdf_page",
          "pdf_metadata", "pdf_xmp", "pdf_attachment", "png_chunk", "json", "log"]


def _pdf_bytes(pages: list[str]) -> bytes:
    """A minimal PDF with one Helvetica text line per line of each page (pypdf extracts it)."""
    objs: list[bytes] = [b"<< /Type /Catalog /Pages 2 0 R >>",
                         b"<< /Type /Pages /Kids [%s] /Count %d >>"
                         % (" ".join(f"{4 + 2 * i} 0 R" for i in range(len(pages))).encode(), len(pages)),
                         b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"]
    for i, text in enumerate(pages):
        lines = [ln.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") for ln in text.split("\n")]
        stream = ("BT /F1 9 Tf 12 TL 40 780 Td\n" + "\n".join(f"({ln}) Tj T*" for ln in lines) + "\nET").encode("cp1252")
        objs.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> "
                    b"/Contents %d 0 R >>" % (5 + 2 * i))
        objs.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
    out, offsets = b"%PDF-1.4\n", []
    for k, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (k, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    return out + b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)


def _write_pdf(path: Path, pages: list[str], *, metadata: dict[str, str] | None = None, xmp: str | None = None,
               attachment: str | None = None) -> None:
    import pypdf
    from pypdf.xmp import XmpInformation

    writer = pypdf.PdfWriter(clone_from=io.BytesIO(_pdf_bytes(pages)))
    writer.add_metadata({"/Title": "Cadre report", "/Producer": "test", **(metadata or {})})
    info = XmpInformation.create()
    info.dc_title = {"x-default": "Cadre report"}
    if xmp:
        info.dc_creator = [xmp]
    writer.xmp_metadata = info
    if attachment:
        writer.add_attachment("notes.txt", attachment.encode())
    with path.open("wb") as fh:
        writer.write(fh)


def _png(path: Path, text: str | None) -> None:
    from PIL import Image
    from PIL.PngImagePlugin import PngInfo

    meta = PngInfo()
    meta.add_text("Software", "matplotlib")
    if text:
        meta.add_text("Description", text)
    Image.new("RGB", (4, 4), "white").save(path, pnginfo=meta)


def _notebook(extra_source: str = "", output: str = "", error: str = "") -> dict:
    cells = [
        {"cell_type": "markdown", "metadata": {"tags": ["remove-cell"]}, "source": ["# Cadre report\n", PROSE]},
        {"cell_type": "code", "execution_count": 1, "metadata": {"tags": ["parameters"]},
         "source": f'cadre = "C1"\n{extra_source}', "outputs": []},
        {"cell_type": "code", "execution_count": 2, "metadata": {}, "source": "er.show_section(facts, 'program')",
         "outputs": [{"output_type": "display_data", "metadata": {},
                      "data": {"text/html": f"<section><p>{PROSE} {output}</p></section>",
                               "text/plain": "<IPython.core.display.HTML object>"}},
                     {"output_type": "stream", "name": "stdout", "text": ["done\n"]}]},
    ]
    if error:
        cells[2]["outputs"].append({"output_type": "error", "ename": "ValueError", "evalue": "bad",
                                    "traceback": ["\x1b[31mValueError\x1b[0m", error]})
    return {"cells": cells, "metadata": {"kernelspec": {"name": "python3"}}, "nbformat": 4, "nbformat_minor": 5}


def _html(text: str = "", alt: str = "Bar chart of agreement by role") -> str:
    return f"""<!DOCTYPE html><html><head><title>Cadre report</title>
<style>.ek-table {{ width: 100%; }} td {{ padding: 0; }}</style><script>var n = 3;</script></head>
<body><h1>Science Leadership Cadre</h1><p>{PROSE}</p><p>{text}</p>
<img alt="{alt}" src="chart.png" style="width:100%">
<table><caption>Participants by role</caption><thead><tr><th>Role</th><th>Participants</th></tr></thead>
<tbody><tr><td>Principal</td><td>12</td></tr><tr><td>Coach</td><td>fewer than 10</td></tr>
<tr><td>Teacher leader</td><td>not shown</td></tr></tbody></table>
<p>Page 1 of 6</p></body></html>"""


def _bundle(root: Path, layer: str | None = None, text: str = "") -> Path:
    """A small clean bundle; ``text`` is planted in ``layer`` when given."""
    def put(name: str) -> str:
        return text if layer == name else ""

    b = root / "C1"
    (b / "artifacts" / "tables").mkdir(parents=True, exist_ok=True)
    (b / "report.html").write_text(_html(put("html_text"), alt=put("html_alt") or "Bar chart of agreement by role"),
                                   encoding="utf-8")
    rows = [["Role", "Participants", "Share agreeing"], ["Principal", "12", "75%"], ["Coach", "fewer than 10", ""],
            ["Teacher leader", "not shown", "<5%"], ["Note", put("csv") or "counts under 10 are not shown", ""]]
    (b / "artifacts" / "tables" / "participants_by_role.csv").write_text(
        "\n".join(",".join(f'"{c}"' for c in r) for r in rows) + "\n", encoding="utf-8")
    facts = {"schema": "evalkit.artifacts/2", "project": "test", "cadre": "C1", "n_min": 10,
             "headline": [{"label": "Participants", "value": "32"}, {"label": "Events held", "value": "8"}],
             "sections": [{"id": "program", "text": PROSE + " " + put("json")}],
             "tables": {"participants_by_role": {"title": "Participants by role", "file": "tables/participants_by_role.csv"}}}
    (b / "artifacts" / "facts.json").write_text(json.dumps(facts), encoding="utf-8")
    nb = _notebook(extra_source=put("notebook_source"), output=put("notebook_output"), error=put("notebook_error"))
    (b / "report.ipynb").write_text(json.dumps(nb), encoding="utf-8")
    _write_pdf(b / "report.pdf", ["Cadre report\n" + PROSE[:90], PROSE[90:200] + "\n" + put("pdf_page") + "\nPage 2 of 2"],
               metadata={"/Subject": put("pdf_metadata") or "Cadre C1"}, xmp=put("pdf_xmp") or None,
               attachment=put("pdf_attachment") or None)
    (b / "artifacts" / "charts").mkdir(exist_ok=True)
    _png(b / "artifacts" / "charts" / "agreement.png", put("png_chunk") or None)
    (b / "render.log").write_text(f"rendered in 1.2 s\n{put('log')}\n", encoding="utf-8")
    return b


def _kinds(report) -> set[FindingKind]:
    return {f.kind for f in report.findings}


# ---------------------------------------------------------------------------------------------
# Unit tests: hand-made bundles and contexts
# ---------------------------------------------------------------------------------------------

def test_clean_bundle_passes(tmp_path) -> None:
    _bundle(tmp_path)
    report = scan_path(tmp_path, _ctx())
    assert report.ok, report.findings
    assert report.bundles == ("C1",)
    assert report.files == 7 and not report.skipped


@pytest.mark.parametrize("layer", LAYERS)
@pytest.mark.parametrize("plant", PLANTS, ids=[p[0] for p in PLANTS])
def test_planted_item_is_found_in_every_layer(tmp_path, plant, layer) -> None:
    _, kind, text, secret = plant
    _bundle(tmp_path, layer, text)
    report = scan_path(tmp_path, _ctx())
    assert kind in _kinds(report), (layer, report.findings)
    printed = json.dumps([f.to_dict() for f in report.findings], ensure_ascii=False)
    if secret:
        assert secret.strip() not in printed
        assert secret.strip().casefold() not in printed.casefold()


def test_locations_name_the_layer(tmp_path) -> None:
    text = "Thanks to Maria Gutiérrez."
    for layer, expected in [("pdf_page", "page 2"), ("pdf_metadata", "metadata /Subject"), ("pdf_xmp", "metadata XMP"),
                            ("pdf_attachment", "attachment notes.txt"), ("png_chunk", "text chunk Description"),
                            ("notebook_output", "cell 3 output 1 (text/html)"), ("notebook_source", "cell 2 source"),
                            ("notebook_error", "cell 3 output 3 (error)"), ("csv", "row 5 column 'Participants'"),
                            ("html_alt", "<img alt>"), ("json", "$.sections[0].text"), ("log", "line 2")]:
        folder = tmp_path / layer
        _bundle(folder, layer, text)
        locations = [f.location for f in scan_path(folder, _ctx()).findings]
        assert any(expected in loc for loc in locations), (layer, locations)


def test_typst_pdf_text_and_metadata(tmp_path) -> None:
    """The audit reads a PDF as the report engine makes it (Typst): its pages and its metadata."""
    from evalkit.report._typst_pdf import compile_pdf

    source = ('#import "evalkit.typ": *\n#show: ek-document.with(title: "Cadre report", description: "", '
              'keywords: ("Hope Osei",), running: "")\n'
              '#ek-paragraph(body: "Ms. Osei and Maria Gutiérrez led it (n = 3).")\n')
    (tmp_path / "report.pdf").write_bytes(compile_pdf(source, tmp_path / "build"))
    report = scan_path(tmp_path / "report.pdf", _ctx())
    where = {(f.kind, f.location) for f in report.findings}
    assert (FindingKind.name, "page 1") in where and (FindingKind.small_n, "page 1") in where
    assert any(kind == FindingKind.name and loc.startswith("metadata") for kind, loc in where), where
    assert "Osei" not in str(report.findings)


@pytest.mark.parametrize("cell, bad", [("3", True), ("1", True), ("9", True), ("10", False), ("fewer than 10", False),
                                       ("0", False), ("1,234", False), ("3.0", True)])
def test_count_columns_in_csv_and_html(tmp_path, cell, bad) -> None:
    b = _bundle(tmp_path)
    csv = b / "artifacts" / "tables" / "participants_by_role.csv"
    csv.write_text(csv.read_text().replace('"fewer than 10"', f'"{cell}"'))
    html = b / "report.html"
    html.write_text(html.read_text().replace("<td>fewer than 10</td>", f"<td>{cell}</td>"))
    found = {f.file for f in scan_path(tmp_path, _ctx()).findings if f.kind == FindingKind.small_n}
    assert found == ({"C1/artifacts/tables/participants_by_role.csv", "C1/report.html"} if bad else set())


@pytest.mark.parametrize("header", ["n", "N", "Responses", "Respondents (post)", "Attendees", "Evaluations", "Count",
                                    "Matched pre and post", "Number of participants", "Paired n"])
def test_count_headers(tmp_path, header) -> None:
    (tmp_path / "t.csv").write_text(f"Group,{header},Hours,Events,Year\nCoaches,4,3,2,2025\n")
    findings = scan_path(tmp_path, _ctx()).findings
    assert [f.kind for f in findings] == [FindingKind.small_n]
    assert findings[0].location == f"row 2 column {header!r}"


def test_other_numeric_columns_and_n_min(tmp_path) -> None:
    (tmp_path / "t.csv").write_text("Modality,Events,Hours offered,Schools with at least 10 responses\nVirtual,3,4.5,2\n")
    assert scan_path(tmp_path, _ctx()).ok
    (tmp_path / "t.csv").write_text("Role,Participants\nCoach,12\n")
    assert scan_path(tmp_path, _ctx()).ok
    assert _kinds(scan_path(tmp_path, _ctx(n_min=20))) == {FindingKind.small_n}


@pytest.mark.parametrize("text, bad", [
    ("n = 3", True), ("n=3", True), ("(n 3)", True), ("N: 3", True), ("(n = 1,234)", False), ("n = 12", False),
    ("n = 3.5 hours", False), ("fewer than 10 respondents", False), ("at least 5 responses", False),
    ("Page 3 of 10", False), ("in 2025", False), ("on 2025-05-03", False), ("3 hours", False),
    ("Section: 3", False), ("100%", True), ("100.0 %", True), ("0%", True), ("<5%", False), (">95%", False),
    ("10%", False), ("50.0%", False), ("a +100% rise in sessions", False), ("width: 100%", True)])
def test_text_patterns(tmp_path, text, bad) -> None:
    (tmp_path / "notes.txt").write_text(f"Coaches: {text}.\n")
    assert (not scan_path(tmp_path, _ctx()).ok) == bad


def test_css_and_script_are_not_text(tmp_path) -> None:
    (tmp_path / "r.html").write_text('<html><head><style>table { width: 100%; }</style><script>var n = 3;</script>'
                                     '</head><body><div style="width:100%">Hello</div></body></html>')
    assert scan_path(tmp_path, _ctx()).ok


def _log(bundle: Path, entries: list[dict]) -> None:
    (bundle / "artifacts" / "disclosure_log.json").write_text(json.dumps(
        {"schema": "evalkit.disclosure_log/1", "release_id": "r1", "policy": {"n_min": 10}, "cells": 6,
         "hidden": len(entries), "share_hidden": 0.3, "entries": entries, "audit": {"passed": True}}))


@pytest.mark.parametrize("rule, row, shown, bad", [
    ("primary", "Coach", "fewer than 10", False), ("complementary", "Teacher leader", "not shown", False),
    ("complementary", "Principal", "12", True), ("homogeneity", "Principal", "12", True),
    ("row_gate", "Principal", "12", True), ("difference", "Principal", "12", True),
    ("top_coded", "Principal", "12", False), ("merged", "Principal", "12", False),
    ("primary", "Nobody", "12", False)])
def test_suppressed_cells(tmp_path, rule, row, shown, bad) -> None:
    b = _bundle(tmp_path)
    _log(b, [{"table": "participants_by_role", "row": row, "column": "Participants", "rule": rule, "reason": "x"}])
    report = scan_path(tmp_path, _ctx())
    found = {f.file for f in report.findings if f.kind == FindingKind.suppressed_value}
    # The CSV and the HTML table of the same title are both checked.
    assert found == ({"C1/artifacts/tables/participants_by_role.csv", "C1/report.html"} if bad else set())
    assert all("12" not in f.detail for f in report.findings)


def test_suppressed_cell_blank_and_bad_log(tmp_path) -> None:
    b = _bundle(tmp_path)
    csv = b / "artifacts" / "tables" / "participants_by_role.csv"
    csv.write_text(csv.read_text().replace('"fewer than 10"', '""'))
    _log(b, [{"table": "participants_by_role", "row": "Coach", "column": "Participants", "rule": "primary",
              "reason": "fewer than 10 people"}])
    assert [f.detail for f in scan_path(tmp_path, _ctx()).findings if f.kind == FindingKind.suppressed_value][0] \
        .endswith("shows no suppression marker, not 'fewer than 10' or 'not shown'")
    (b / "artifacts" / "disclosure_log.json").write_text('{"schema": "something/1"}')
    assert FindingKind.unreadable in _kinds(scan_path(tmp_path, _ctx()))


def test_no_log_skips_the_check(tmp_path) -> None:
    b = _bundle(tmp_path)
    assert not (b / "artifacts" / "disclosure_log.json").exists()
    assert scan_path(tmp_path, _ctx()).ok


def test_unreadable_and_skipped_files(tmp_path) -> None:
    _bundle(tmp_path)
    (tmp_path / "C1" / "broken.pdf").write_bytes(b"%PDF-1.4 not really")
    (tmp_path / "C1" / "font.woff2").write_bytes(b"wOF2\0\0\x01binary")
    report = scan_path(tmp_path, _ctx())
    assert [(f.file, f.kind) for f in report.findings] == [("C1/broken.pdf", FindingKind.unreadable)]
    assert report.skipped == ("C1/font.woff2",)


def test_file_names_and_locations_are_masked(tmp_path) -> None:
    (tmp_path / "maria_gutierrez.csv").write_text("Maria Gutiérrez,n\nCoaches,3\n")
    report = scan_path(tmp_path, _ctx())
    text = json.dumps([f.to_dict() for f in report.findings], ensure_ascii=False).casefold()
    assert "gutierrez" not in text and "gutiérrez" not in text
    assert {FindingKind.name, FindingKind.small_n} <= _kinds(report)


def test_embedded_images(tmp_path) -> None:
    _png(tmp_path / "c.png", "Chart for Maria Gutiérrez")
    png = base64.b64encode((tmp_path / "c.png").read_bytes()).decode()
    (tmp_path / "c.png").unlink()
    svg = base64.b64encode(b"<svg><title>Coaches (n = 3)</title></svg>").decode()
    (tmp_path / "r.html").write_text(f'<p>Hi</p><img src="data:image/png;base64,{png}" alt="chart">'
                                     f'<img src="data:image/svg+xml;base64,{svg}" alt="chart">'
                                     '<img src="data:image/png;base64,bm90IGFuIGltYWdl" alt="chart">')
    nb = _notebook()
    nb["cells"][2]["outputs"].append({"output_type": "display_data", "metadata": {},
                                      "data": {"image/png": png, "text/plain": "<Figure>"}})
    (tmp_path / "r.ipynb").write_text(json.dumps(nb))
    found = {(f.file, f.kind, f.location) for f in scan_path(tmp_path, _ctx()).findings}
    assert found == {("r.html", FindingKind.name, "line 1 embedded image text chunk Description"),
                     ("r.html", FindingKind.small_n, "line 1 embedded image"),
                     ("r.html", FindingKind.unreadable, "line 1 embedded image"),
                     ("r.ipynb", FindingKind.name, "cell 3 output 3 (image/png) text chunk Description")}


def _saved_chart(folder: Path, label: str, title: str, alt: str) -> None:
    """A bar chart on a 0-100 % axis written by save_chart: PNG and SVG as in artifacts/charts/."""
    from matplotlib.figure import Figure
    from matplotlib.ticker import PercentFormatter

    from evalkit.report.charts import Chart, save_chart

    fig = Figure(figsize=(4, 2))
    ax = fig.add_subplot()
    ax.barh([label, "Teachers (n = 24)"], [100, 40])
    ax.set_xlim(0, 100)
    ax.xaxis.set_major_formatter(PercentFormatter())
    save_chart(Chart(figure=fig, alt_text=alt, table_id="agreement", kind="bar", title=title,
                     rows_shown=(label, "Teachers (n = 24)"), rows_hidden=()), folder, "agreement")


def test_saved_chart_svg_labels_and_png_text_chunks(tmp_path) -> None:
    """save_chart's SVG keeps labels as comments (text is drawn as paths) and the title and alt text as
    dc:title/dc:description; its PNG keeps them as Title/Description chunks. All are read; the axis
    scale (0% ... 100%) is not a share."""
    _saved_chart(tmp_path / "clean", "Coaches (n = 12)", "Agreement by role", "Bar chart of agreement by role.")
    assert "<!-- 100% -->" in (tmp_path / "clean" / "agreement.svg").read_text(encoding="utf-8")
    assert scan_path(tmp_path / "clean", _ctx()).ok
    _saved_chart(tmp_path / "bad", "Coaches (n = 3)", "Agreement for Will Lewis",
                 "Bar chart: Maria Gutiérrez's coaches agree most.")
    report = scan_path(tmp_path / "bad", _ctx())
    found = {(f.file, f.kind) for f in report.findings}
    assert found == {("agreement.svg", FindingKind.small_n), ("agreement.svg", FindingKind.name),
                     ("agreement.png", FindingKind.name)}, report.findings
    png = {f.location for f in report.findings if f.file == "agreement.png"}
    assert png == {"text chunk Title", "text chunk Description"}
    assert len([f for f in report.findings if f.file == "agreement.svg" and f.kind == FindingKind.name]) >= 2
    printed = str(report.findings)
    assert "Lewis" not in printed and "Gutiérrez" not in printed


def test_folder_of_bundles_and_one_file(tmp_path) -> None:
    _bundle(tmp_path / "a")
    _bundle(tmp_path / "b", "html_text", "Thanks to Maria Gutiérrez.")
    report = scan_path(tmp_path, _ctx())
    assert report.bundles == ("a/C1", "b/C1")
    assert {f.file for f in report.findings} == {"b/C1/report.html"}
    assert not scan_path(tmp_path / "b" / "C1" / "report.html", _ctx()).ok
    assert scan_path(tmp_path / "a" / "C1" / "report.html", _ctx()).ok


def test_context_validates_and_hides_secrets() -> None:
    ctx = _ctx()
    assert PSEUDONYM not in repr(ctx) and KEY.hex()[:8] not in repr(ctx)
    with pytest.raises(ValueError, match="n_min"):
        AuditContext(n_min=0)
    with pytest.raises(ValueError, match="key_pieces"):
        AuditContext(key_pieces={"short"})
    assert len(key_pieces(KEY)) > 57  # 57 hex pieces and the base64 ones


def test_without_detector_finds_emails_and_titled_names(tmp_path) -> None:
    (tmp_path / "a.txt").write_text("Ask Dr. Whitfield or jo@example.org.\n")
    assert _kinds(scan_path(tmp_path, AuditContext())) == {FindingKind.name, FindingKind.email}


# ---------------------------------------------------------------------------------------------
# The command line (project loading replaced by the hand-made context)
# ---------------------------------------------------------------------------------------------

@pytest.fixture
def fake_project(monkeypatch):
    import evalkit.audit as audit

    monkeypatch.setattr(audit, "find_project", lambda path, project=None, console=None:
                        (audit._check_path(Path(path)), SimpleNamespace(project=SimpleNamespace(project="test")))[1])
    monkeypatch.setattr(audit, "audit_context", lambda cfg, processed_dir=None: _ctx())


def _cli(args: list[str], capsys) -> tuple[int, str]:
    """Run the console entry point; (exit code, everything printed)."""
    code = 0
    try:
        main(args)
    except SystemExit as exc:
        code = exc.code or 0
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def test_cli_exit_codes_and_masked_table(tmp_path, capsys, fake_project) -> None:
    _bundle(tmp_path / "clean")
    code, output = _cli(["audit", str(tmp_path / "clean")], capsys)
    assert code == 0 and "No findings" in output
    _bundle(tmp_path / "bad", "html_text", f"Maria Gutiérrez (n = 3), {PSEUDONYM}, maria.g@riverdale.example.org")
    code, output = _cli(["audit", str(tmp_path / "bad")], capsys)
    assert code == 1
    for kind in ("name", "small_n", "pseudonym", "email"):
        assert kind in output
    assert "Gutiérrez" not in output and PSEUDONYM not in output and "maria.g@" not in output
    code, output = _cli(["audit", str(tmp_path / "missing")], capsys)
    assert code == 2 and "no such file or folder" in output and "How to fix" in output


def test_cli_project_not_found(tmp_path, capsys, monkeypatch) -> None:
    _bundle(tmp_path / "reports")  # facts.json names project "test": not the demo, and no ./evalkit.yml
    monkeypatch.chdir(tmp_path)
    code, output = _cli(["audit", "reports"], capsys)
    assert code == 2 and "--project" in output and "'test'" in output
    code, output = _cli(["audit", "reports", "--project", str(tmp_path / "nope.yml")], capsys)
    assert code == 2


def test_cli_refuses_a_bundle_of_another_project(tmp_path, capsys, monkeypatch) -> None:
    import evalkit.audit as audit

    _bundle(tmp_path)
    monkeypatch.setattr(audit, "find_project", lambda path, project=None, console=None:
                        SimpleNamespace(project=SimpleNamespace(project="other")))
    code, output = _cli(["audit", str(tmp_path)], capsys)
    assert code == 2 and "made by project 'test'" in output


# ---------------------------------------------------------------------------------------------
# Must show: the real demo output passes; a doctored copy fails
# ---------------------------------------------------------------------------------------------

@pytest.fixture
def demo_env(demo_run, monkeypatch):
    monkeypatch.chdir(ROOT)  # ./data_raw/demo is the demo's raw data; no ./evalkit.yml here
    monkeypatch.setenv("EVALKIT_KEY_FILE", str(demo_run["key_file"]))
    return demo_run


@pytest.fixture(scope="module")
def demo_context(demo_run):
    from evalkit.audit import audit_context
    from evalkit.demo.config import demo_config

    old = os.environ.get("EVALKIT_KEY_FILE")
    os.environ["EVALKIT_KEY_FILE"] = str(demo_run["key_file"])
    try:
        return audit_context(demo_config(data=DEMO), processed_dir=demo_run["processed"])
    finally:
        if old is None:
            os.environ.pop("EVALKIT_KEY_FILE", None)
        else:
            os.environ["EVALKIT_KEY_FILE"] = old


def _roster_name() -> str:
    from evalkit.ingest import read_export

    reg = read_export(DEMO / "registration.xlsx").data
    return f"{reg['first_name'].iloc[5]} {reg['last_name'].iloc[5]}"


@pytest.mark.slow
def test_demo_reports_pass_the_audit(demo_env, capsys) -> None:
    code, output = _cli(["audit", str(demo_env["reports"]), "--processed", str(demo_env["processed"])], capsys)
    assert code == 0, output
    assert "No findings" in output and "8 bundle(s)" in output   # 3 cadres, pipeline, network, principal network,
    #                                                                  state resources, program summary


@pytest.mark.slow
def test_demo_audit_refuses_another_key(demo_env, capsys, tmp_path, monkeypatch) -> None:
    from evalkit.anonymize.keys import keygen

    monkeypatch.setenv("EVALKIT_KEY_FILE", str(keygen(tmp_path / "keys" / "other.key")))
    code, output = _cli(["audit", str(demo_env["reports"]), "--processed", str(demo_env["processed"])], capsys)
    assert code == 2 and "were made with key" in output


@pytest.mark.slow
def test_doctored_demo_report_fails(demo_env, demo_context, capsys, tmp_path) -> None:
    """Must show: a roster name and a cell of n = 3 inserted into a copy of a report make the audit fail."""
    copy = tmp_path / "reports"
    shutil.copytree(demo_env["reports"] / "C1", copy / "C1")
    name = _roster_name()
    html = copy / "C1" / "report.html"
    text = html.read_text(encoding="utf-8")
    caption = "<caption>Participants by role</caption>"
    assert caption in text and "</h2>" in text
    at = text.index("<tbody>", text.index(caption)) + len("<tbody>")
    text = text[:at] + '<tr><th scope="row">Coach</th><td class="ek-num">3</td></tr>' + text[at:]
    html.write_text(text.replace("</h2>", f"</h2><p>With thanks to {name}.</p>", 1), encoding="utf-8")
    csv = copy / "C1" / "artifacts" / "tables" / "participants_by_role.csv"
    lines = csv.read_text(encoding="utf-8").splitlines()
    csv.write_text("\n".join([lines[0], "Coach,3", *lines[1:]]) + "\n", encoding="utf-8")
    code, output = _cli(["audit", str(copy), "--processed", str(demo_env["processed"])], capsys)
    assert code == 1, output
    assert "name" in output and "small_n" in output
    for part in name.split():
        assert part not in output
    report = scan_path(copy, demo_context)
    found = {(f.file, f.kind) for f in report.findings}
    assert found == {("C1/report.html", FindingKind.name), ("C1/report.html", FindingKind.small_n),
                     ("C1/artifacts/tables/participants_by_role.csv", FindingKind.small_n)}, report.findings


@pytest.mark.slow
def test_demo_context_finds_identifiers_of_this_run(demo_run, demo_context, tmp_path) -> None:
    import pandas as pd

    assert len(demo_context.pseudonyms) > 500 and len(demo_context.raw_ids) > 500
    assert scan_path(demo_run["reports"], demo_context).ok
    pid = pd.read_parquet(demo_run["processed"] / "registration.parquet")["person_id"].iloc[0]
    key_hex = demo_run["key_file"].read_bytes().hex()
    copy = tmp_path / "C2"
    shutil.copytree(demo_run["reports"] / "C2", copy)
    (copy / "artifacts" / "extra.txt").write_text(f"id {pid}\nregistration R0001\nbuild {key_hex[20:30]}\n"
                                                   "Debbie Howard said 100% of them agreed\n")
    report = scan_path(copy, demo_context)
    assert {FindingKind.pseudonym, FindingKind.raw_id, FindingKind.key_material, FindingKind.name,
            FindingKind.extreme_share} <= _kinds(report)
    assert key_hex[20:28] not in str(report) and pid not in str(report)
    assert report.seconds < 10


def test_an_email_wrapped_inside_a_narrow_pdf_cell_is_still_found(tmp_path) -> None:
    """Long words get zero-width break opportunities in the PDF, so an e-mail can wrap over two lines of a
    cell; the audit joins it again and still finds it."""
    import pypdf

    from evalkit.report._typst_pdf import compile_pdf
    from evalkit.report.typst_markup import table_typst

    email = "maria.gutierrez.of.the.leadership.cadre@district-schools.example.org"
    digest = "3f2a9c1b7d4e5f60" * 4                          # a SHA-256 beside it, as in the input-files table
    source = ('#import "evalkit.typ": *\n#show: ek-document.with(title: "T", description: "", keywords: (), '
              'running: "")\n' + table_typst(["Contact", "SHA-256", "Also"], [[email, digest, email]],
                                              caption="c", note=None))
    (tmp_path / "report.pdf").write_bytes(compile_pdf(source, tmp_path / "build"))
    text = pypdf.PdfReader(tmp_path / "report.pdf").pages[0].extract_text()
    assert email not in text and "\u200b\n" in text          # it did wrap at a break opportunity
    found = [f for f in scan_path(tmp_path / "report.pdf", _ctx()).findings if f.location == "page 1"]
    assert found and "gutierrez" not in str(found)


def test_xmp_machine_ids_are_not_read_as_text() -> None:
    """A PDF engine writes a random InstanceID and DocumentID into the XMP of every build; one that starts with a given
    name's letters ("Cy//B2A1...") once withheld a real project's report. They are no one's text and are not read; the
    XMP's own text still is."""
    from evalkit.disclose._layers import _read_html
    from evalkit.disclose.scan import AuditContext, _Rules

    xmp = ('<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF><rdf:Description>'
           "<dc:title><rdf:Alt><rdf:li>Cadre report for Ms. Okafor</rdf:li></rdf:Alt></dc:title>"
           "<xmpMM:InstanceID>Cy//B2A1NxIgwQTk6XMLEA==</xmpMM:InstanceID>"
           "<xmpMM:DocumentID>Cjtwuf+qnQzoNltNkspRwg==</xmpMM:DocumentID>"
           "</rdf:Description></rdf:RDF></x:xmpmeta>")
    text = " ".join(t for _, t, _ in _read_html(xmp, all_attrs=True, line_prefix=False).segments)
    assert "Cy//" not in text and "Cjtwuf" not in text
    rules = _Rules(AuditContext())
    found = [text[h.start:h.end] for h in rules.hits(text)]
    assert found == ["Ms. Okafor"], found            # (the title's name is still found)
