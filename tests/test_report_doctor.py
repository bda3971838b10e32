"""`evalkit doctor`'s report checks: each says what it found and, on failure, how to fix it."""

from __future__ import annotations

import sys

from evalkit.report import doctor
from evalkit.report.doctor import Check, check_environment


def test_check_environment_passes_here():
    checks = check_environment()
    assert all(isinstance(c, Check) for c in checks)
    names = [c.name for c in checks]
    for expected in ("Python >= 3.11", "package pandas", "package papermill", "package weasyprint",
                     "WeasyPrint + Pango (PDF output)", "Jupyter kernel python3",
                     "bundled font (Lato, OFL)", "report template"):
        assert expected in names, expected
    failed = [(c.name, c.detail) for c in checks if not c.ok]
    assert failed == []
    assert all(c.fix is None for c in checks if c.ok)


def test_missing_weasyprint_gives_os_specific_fixes(monkeypatch):
    monkeypatch.setitem(sys.modules, "weasyprint", None)
    check = doctor._check_weasyprint()
    assert not check.ok
    assert "apt-get install libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b libfontconfig1" in check.fix
    assert "brew install pango" in check.fix and "conda install -c conda-forge weasyprint" in check.fix


def test_missing_package_and_old_version():
    check = doctor._check_package("evalkit-no-such-package", "evalkit_no_such_package", None)
    assert not check.ok and check.detail == "not installed" and "pip install" in check.fix
    check = doctor._check_package("pandas", "pandas", "999.0")
    assert not check.ok and "needs >= 999.0" in check.detail


def test_missing_kernel_names_the_install_command(monkeypatch):
    monkeypatch.setattr(doctor, "_KERNEL", "evalkit-no-such-kernel")
    check = doctor._check_kernel()
    assert not check.ok and "ipykernel install --user --name" in check.fix


def test_missing_font_is_reported(monkeypatch, tmp_path):
    monkeypatch.setattr(doctor, "_FONT_DIR", tmp_path)
    check = doctor._check_font()
    assert not check.ok and "Lato-Regular.ttf" in check.detail
