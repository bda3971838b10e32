"""`evalkit doctor`'s report checks: each says what it found and, on failure, how to fix it."""

from __future__ import annotations

import sys

from evalkit.report import doctor
from evalkit.report.doctor import Check, check_environment


def test_check_environment_passes_here():
    checks = check_environment()
    assert all(isinstance(c, Check) for c in checks)
    names = [c.name for c in checks]
    for expected in ("Python >= 3.11", "package pandas", "package papermill", "package typst",
                     "PDF engine (Typst, PDF/UA-1)", "Jupyter kernel python3",
                     "bundled font (Lato, OFL)", "report template"):
        assert expected in names, expected
    failed = [(c.name, c.detail) for c in checks if not c.ok]
    assert failed == []
    assert all(c.fix is None for c in checks if c.ok)


def test_a_broken_pdf_engine_says_how_to_fix_it(monkeypatch):
    """The PDF needs no system library: a failing compile is fixed by reinstalling the wheel."""
    import evalkit.report._typst_pdf as typst_pdf

    def broken(*args, **kwargs):
        raise RuntimeError("no fonts")

    monkeypatch.setattr(typst_pdf, "compile_pdf", broken)
    check = doctor._check_pdf()
    assert not check.ok and "RuntimeError: no fonts" in check.detail
    assert "pip install --force-reinstall" in check.fix and "apt" not in check.fix


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


def test_a_dependency_whose_module_name_differs_is_found_by_its_installed_files() -> None:
    """fonttools installs the module ``fontTools``: the doctor imports what the distribution really provides."""
    from evalkit.report.doctor import _installed_module

    assert _installed_module("fonttools") == "fontTools"
    assert _installed_module("PyYAML") == "yaml"
    assert _installed_module("no-such-distribution-evalkit") is None
