"""The bundled demo project: its configuration pointed at the demo data, and the demo's own key."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from evalkit._console import Progress
from evalkit.config import ProjectConfig

__all__ = ["demo_config", "demo_key"]


def demo_key(*, console: Any | None = None) -> Path:
    """The demo's pseudonymization key, outside the work tree (created on first use, and said so).

    There is no default key, not even for the demo: this one is random, lives in the user's cache
    folder (mode 0600) and only ever pseudonymizes the synthetic demo data.
    """
    import os

    from platformdirs import user_cache_dir

    from evalkit.anonymize.keys import keygen

    if os.environ.get("EVALKIT_KEY_FILE"):
        return Path(os.environ["EVALKIT_KEY_FILE"])
    path = Path(user_cache_dir("evalkit")) / "keys" / "demo.key"
    if not path.exists():
        keygen(path)
        Progress(console)(f"created a demo pseudonymization key at {path} (outside the work tree, mode 0600)")
    return path


def demo_config(*, data: Path | None = None, processed_dir: Path = Path("data_processed/demo"),
                reports_dir: Path = Path("reports/demo"), console: Any | None = None) -> ProjectConfig:
    """The bundled demo project, pointed at the demo data (generated into a cache folder if absent)."""
    from importlib import resources

    from evalkit.config import load_project

    say = Progress(console)
    if data is None:
        data = Path("data_raw/demo")
        if not (data / "MANIFEST.md").exists():
            from platformdirs import user_cache_dir

            from evalkit.demo.generate import generate_demo

            data = Path(user_cache_dir("evalkit")) / "demo_data"
            say(f"no ./data_raw/demo here: generating the synthetic demo data into {data}")
            generate_demo(data)
    project_file = Path(str(resources.files("evalkit.demo") / "project" / "evalkit.yml"))
    cfg = load_project(project_file)
    anon = cfg.project.anonymize.model_copy(update={"key_file": str(demo_key(console=console)),
                                                    "review_dir": str(Path("review").resolve())})
    # Withheld reports go beside the review queue, in the working folder: never inside the package.
    privacy = cfg.project.privacy.model_copy(update={"quarantine_dir": str(Path("quarantine").resolve())})
    # the PDP certificate list names people: it goes to the working folder's exports/ (git-ignored), never
    # beside the project file inside the package
    programs = [p.model_copy(update={"pdp": p.pdp.model_copy(update={
        "certificates": str((Path("exports") / Path(p.pdp.certificates).name).resolve())})}) if p.pdp else p
        for p in cfg.project.programs]
    proj = cfg.project.model_copy(update={"privacy": privacy, "programs": programs, "raw_dir": str(Path(data).resolve()),
                                          "processed_dir": str(Path(processed_dir).resolve()),
                                          "reports_dir": str(Path(reports_dir).resolve()),
                                          "anonymize": anon})
    return ProjectConfig(project=proj, codebook=cfg.codebook, project_file=cfg.project_file)
