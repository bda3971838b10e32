"""Can this machine render reports? Checks behind ``evalkit doctor``.

Each check *does* the thing it checks where that is cheap (import the package, compile a tiny PDF,
start the kernel's Python), because "installed" and "usable" differ most often exactly here: the
``python3`` kernel points at another Python that has no evalkit, say. Every failed check carries the
command that fixes it. PDFs come from the ``typst`` wheel: no system library is needed.
"""

from __future__ import annotations

import functools
import importlib
import re
import subprocess
import sys
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

__all__ = ["Check", "check_environment", "REQUIRED_PACKAGES"]

_FONT_DIR = Path(__file__).resolve().parent / "fonts"
_TEMPLATE_DIR = Path(__file__).resolve().parent / "templates" / "evalkit_html"
_FONT_FILES = ("Lato-Regular.ttf", "Lato-Bold.ttf", "Lato-Italic.ttf", "OFL.txt")
_KERNEL = "python3"
_MIN_PYTHON = (3, 11)

#: Distribution name → import name, used when evalkit's own metadata is unavailable (a source
#: tree that was never installed). Normally the list comes from evalkit's declared dependencies.
REQUIRED_PACKAGES: dict[str, str] = {
    "numpy": "numpy", "pandas": "pandas", "pyarrow": "pyarrow", "scipy": "scipy",
    "statsmodels": "statsmodels", "matplotlib": "matplotlib", "seaborn": "seaborn",
    "openpyxl": "openpyxl", "pyreadstat": "pyreadstat", "pydantic": "pydantic", "pyyaml": "yaml",
    "typer": "typer", "rich": "rich", "rapidfuzz": "rapidfuzz",
    "charset-normalizer": "charset_normalizer", "platformdirs": "platformdirs", "jinja2": "jinja2",
    "papermill": "papermill", "nbformat": "nbformat", "nbconvert": "nbconvert",
    "nbclient": "nbclient", "ipykernel": "ipykernel", "typst": "typst", "pikepdf": "pikepdf",
    "pillow": "PIL", "jupyterlab": "jupyterlab",
}
# Distributions whose import name is not derivable from the distribution name.
_IMPORT_NAMES = {"pyyaml": "yaml", "charset-normalizer": "charset_normalizer", "pillow": "PIL"}

@dataclass(frozen=True)
class Check:
    """The outcome of one environment check.

    Attributes
    ----------
    name : str
        What was checked, e.g. ``"package pandas"`` or ``"kernel python3"``.
    ok : bool
        Whether it passed.
    detail : str
        What was found (a version, a path, or the error).
    fix : str or None
        What to run or change when ``ok`` is False; None when it passed.
    """

    name: str
    ok: bool
    detail: str
    fix: str | None = None


def check_environment() -> list[Check]:
    """Check that this machine can execute report notebooks and print PDFs.

    Returns
    -------
    list of Check
        In order: Python version; each required package (importable, version, minimum met);
        the PDF engine (a one-page PDF/UA-1 is compiled with the bundled font); the Jupyter
        kernel ``python3`` (exists, and its Python can import evalkit); the bundled font and its
        licence; the report template. Nothing is downloaded or installed.

    Notes
    -----
    Takes a few seconds: importing every package and starting the kernel's Python are the cost.

    Examples
    --------
    >>> checks = check_environment()  # doctest: +SKIP
    >>> [c.name for c in checks if not c.ok]  # doctest: +SKIP
    []
    """
    checks = [_check_python()]
    checks += [_check_package(dist, module, minimum) for dist, module, minimum in _requirements()]
    checks.append(_check_pdf())
    checks.append(_check_kernel())
    checks.append(_check_font())
    checks.append(_check_template())
    return checks


def _check_python() -> Check:
    found = ".".join(map(str, sys.version_info[:3]))
    ok = sys.version_info[:2] >= _MIN_PYTHON
    need = ".".join(map(str, _MIN_PYTHON))
    return Check(f"Python >= {need}", ok, f"{found} at {sys.executable}",
                 None if ok else f"install Python {need} or newer and reinstall evalkit into it")


def _requirements() -> list[tuple[str, str, str | None]]:
    """(distribution, import name, minimum version) for evalkit's runtime dependencies."""
    try:
        declared = metadata.requires("evalkit") or []
    except metadata.PackageNotFoundError:
        return [(dist, module, None) for dist, module in REQUIRED_PACKAGES.items()]
    found = []
    for req in declared:
        if ";" in req:  # an extra (test, docs) or a platform marker: not needed to render
            continue
        match = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*(?:>=\s*([\w.]+))?", req)
        if match:
            dist = match.group(1).lower()
            module = (REQUIRED_PACKAGES.get(dist) or _IMPORT_NAMES.get(dist) or _installed_module(dist)
                      or dist.replace("-", "_"))
            found.append((dist, module, match.group(2)))
    return found


def _installed_module(dist: str) -> str | None:
    """The top-level module an installed distribution provides (``fonttools`` → ``fontTools``), read from the
    installed files' records; None when it is not installed or provides no single obvious module."""
    wanted = _normalized(dist)
    provided = sorted(_modules_by_distribution().get(wanted, ()))
    same = [m for m in provided if m.lower() == wanted.replace("-", "_")]
    return (same or provided or [None])[0]


def _normalized(dist: str) -> str:
    return re.sub(r"[-_.]+", "-", dist).lower()


@functools.lru_cache(maxsize=1)
def _modules_by_distribution() -> dict[str, tuple[str, ...]]:
    """Every installed distribution's public top-level modules (one scan of the installed files' records)."""
    out: dict[str, list[str]] = {}
    for module, dists in metadata.packages_distributions().items():
        if not module.startswith("_"):
            for d in dists:
                out.setdefault(_normalized(d), []).append(module)
    return {d: tuple(m) for d, m in out.items()}


def _version_tuple(text: str) -> tuple[int, ...]:
    return tuple(int(x) for x in re.findall(r"\d+", text.split("+")[0])[:3])


def _check_package(dist: str, module: str, minimum: str | None) -> Check:
    name = f"package {dist}"
    fix = f"python -m pip install '{dist}{'>=' + minimum if minimum else ''}'"
    try:
        version = metadata.version(dist)
    except metadata.PackageNotFoundError:
        return Check(name, False, "not installed", fix)
    if minimum and _version_tuple(version) < _version_tuple(minimum):
        return Check(name, False, f"{version} installed, evalkit needs >= {minimum}", fix)
    try:
        importlib.import_module(module)
    except Exception as exc:  # any import-time failure means the package is unusable
        return Check(name, False, f"{version} installed but `import {module}` fails: "
                                  f"{type(exc).__name__}: {exc}", fix)
    return Check(name, True, version)


def _check_pdf() -> Check:
    name = "PDF engine (Typst, PDF/UA-1)"
    try:
        from evalkit.report._typst_pdf import compile_pdf

        source = ('#import "evalkit.typ": *\n#show: ek-document.with(title: "evalkit doctor", description: "", '
                  'keywords: (), running: "")\n#ek-paragraph(body: "evalkit doctor")\n')
        import tempfile

        with tempfile.TemporaryDirectory() as tmp:
            pdf = compile_pdf(source, Path(tmp), timeout=60)
    except Exception as exc:  # any failure means no PDF: say what it was
        return Check(name, False, f"compiling a test PDF failed: {type(exc).__name__}: {exc}",
                     "python -m pip install --force-reinstall 'typst>=0.14' (a wheel; no system library needed)")
    if not pdf.startswith(b"%PDF"):
        return Check(name, False, "compiling a test PDF gave no PDF", "python -m pip install --force-reinstall typst")
    return Check(name, True, f"typst {metadata.version('typst')}; test PDF compiled with the bundled Lato")


def _check_kernel() -> Check:
    name = f"Jupyter kernel {_KERNEL}"
    install = f"{sys.executable} -m ipykernel install --user --name {_KERNEL}"
    try:
        from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel
    except ImportError as exc:
        return Check(name, False, f"jupyter_client unavailable: {exc}", "python -m pip install ipykernel")
    try:
        spec = KernelSpecManager().get_kernel_spec(_KERNEL)
    except NoSuchKernel:
        return Check(name, False, "no kernel of that name", install)
    argv = list(spec.argv or [])
    if not argv:
        return Check(name, False, f"kernel spec in {spec.resource_dir} has no command", install)
    # jupyter_client runs a bare "python"/"python3"/"python3.X" as the launching interpreter.
    bare = {"python", f"python{sys.version_info[0]}", "python{}.{}".format(*sys.version_info[:2])}
    exe = sys.executable if argv[0] in bare else argv[0]
    probe = "import evalkit, sys; print(evalkit.__version__); print(sys.executable)"
    try:
        done = subprocess.run([exe, "-c", probe], capture_output=True, text=True, timeout=60, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return Check(name, False, f"cannot start the kernel's Python {exe!r}: {exc}", install)
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["unknown error"])[-1]
        return Check(name, False, f"the kernel's Python ({exe}) cannot import evalkit: {last}",
                     f"install evalkit into that environment (`{exe} -m pip install evalkit`) or point "
                     f"the kernel at this one: `{install}`")
    version, kernel_python = (done.stdout.strip().splitlines() + ["", ""])[:2]
    from evalkit import __version__

    if version != __version__:
        found = f"the kernel runs evalkit {version} ({kernel_python}), this is {__version__}"
        return Check(name, False, found,
                     f"use one environment for both: `{install}`")
    return Check(name, True, f"{kernel_python}, evalkit {version}")


def _check_font() -> Check:
    name = "bundled font (Lato, OFL)"
    missing = [f for f in _FONT_FILES if not (_FONT_DIR / f).is_file()]
    broken = [f for f in _FONT_FILES if f.endswith(".ttf") and f not in missing
              and (_FONT_DIR / f).read_bytes()[:4] not in (b"\x00\x01\x00\x00", b"true")]
    if missing or broken:
        bad = ", ".join(missing + broken)
        return Check(name, False, f"missing or damaged in {_FONT_DIR}: {bad}",
                     "reinstall evalkit (the fonts ship inside the package)")
    size = sum((_FONT_DIR / f).stat().st_size for f in _FONT_FILES)
    return Check(name, True, f"{_FONT_DIR} ({size / 1e6:.1f} MB)")


def _check_template() -> Check:
    name = "report template"
    needed = ("conf.json", "index.html.j2", "evalkit_report.css")
    missing = [f for f in needed if not (_TEMPLATE_DIR / f).is_file()]
    if missing:
        return Check(name, False, f"missing in {_TEMPLATE_DIR}: {', '.join(missing)}",
                     "reinstall evalkit (the template ships inside the package)")
    return Check(name, True, str(_TEMPLATE_DIR))
