"""The release ledger: an append-only record of what each release published (figures, never microdata).

Each line of the JSON-lines file is one release: its id, the unit it reports on (program, cohort,
cadre), when, under which policy, and every published linear figure (count or share bounds) with the
universe it describes. The audit of a later bundle includes these figures, so a re-issued report
after a late response, or a post report whose n differs from the pre report by a few, cannot isolate
the people who changed (FERPA's "single or multiple releases"; NIST SP 800-53 SI-19(5)).
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from evalkit.disclose.attack import Figure, _sig
from evalkit.disclose.space import Universe
from evalkit.errors import EvalkitError, RereleaseError

__all__ = ["ReleaseLedger"]

SCHEMA = "evalkit.release_ledger/1"


def _fig_to_json(f: Figure) -> dict[str, Any]:
    return {"universe": f.universe, "lo": f.lo if f.lo > -1e300 else None, "hi": f.hi if f.hi < 1e300 else None,
            "terms": [[c, {d: sorted(v) for d, v in s.items()}] for c, s in f.terms]}


def _fig_from_json(d: Mapping[str, Any]) -> Figure:
    return Figure(d["universe"], tuple((float(c), {k: frozenset(v) for k, v in s.items()}) for c, s in d["terms"]),
                  -float("inf") if d["lo"] is None else float(d["lo"]),
                  float("inf") if d["hi"] is None else float(d["hi"]))


class ReleaseLedger:
    """Append-only JSON-lines ledger of releases.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> led = ReleaseLedger(pathlib.Path(tempfile.mkdtemp()) / "ledger.jsonl")
    >>> led.releases()
    []
    """

    def __init__(self, path: Path) -> None:
        self.path = Path(path)

    def releases(self) -> list[dict[str, Any]]:
        if not self.path.exists():
            return []
        out = []
        for i, line in enumerate(self.path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                raise EvalkitError(f"{self.path}: line {i} of the release ledger is not valid JSON ({exc.msg})",
                                   hint="restore the ledger from version control or backup; never edit it by hand") from None
            out.append(rec)
        return out

    def priors(self, universes: Mapping[str, Universe], *, exclude_release: str | None = None
               ) -> dict[str, list[list[Figure]]]:
        """Earlier releases' figures per universe key (the attacker's memory)."""
        out: dict[str, list[list[Figure]]] = {}
        for rec in self.releases():
            if rec.get("release_id") == exclude_release:
                continue
            by_u: dict[str, list[Figure]] = {}
            for d in rec.get("figures", []):
                if d["universe"] in universes and all(
                        dim in universes[d["universe"]].dims for _, s in d["terms"] for dim in s):
                    by_u.setdefault(d["universe"], []).append(_fig_from_json(d))
            for k, figs in by_u.items():
                out.setdefault(k, []).append(figs)
        return out

    def _latest(self, unit: str, holding: str) -> list[dict[str, Any]]:
        """``unit``'s latest release that records ``holding`` (as a list of none or one): a re-release is
        compared with what was last published, not with every earlier version."""
        return [r for r in self.releases() if r.get("unit") == unit and r.get(holding) is not None][-1:]

    def check_rerelease(self, unit: str, release_id: str, figures: Sequence[Figure], *, allow: str | None) -> None:
        """Refuse to publish ``unit`` again with different figures unless ``allow`` gives a reason."""
        mine = {(_sig(f), round(f.lo, 9), round(f.hi, 9)) for f in figures}
        for rec in self._latest(unit, "figures"):
            theirs = {(_sig(g), round(g.lo, 9), round(g.hi, 9)) for g in map(_fig_from_json, rec.get("figures", []))}
            if theirs != mine and not allow:
                raise RereleaseError(
                    f"{unit} was released before ({rec.get('release_id')}, {rec.get('released_at')}) with different "
                    "figures; publishing it again could single out the people whose answers changed it",
                    hint="re-release only with a reason: `evalkit report --allow-rerelease \"why\"`; the audit "
                         "still hides every figure that would isolate the change")

    def check_published(self, unit: str, published: Mapping[str, str], *, allow: str | None) -> None:
        """Refuse to publish ``unit`` again when any table it shows reads differently from its last release
        (statistics tables included: a mean or a percentage that moved by one response can single out that
        response), unless ``allow`` gives a reason."""
        for rec in self._latest(unit, "published"):
            theirs = rec["published"]
            changed = sorted(t for t in set(theirs) | set(published) if theirs.get(t) != published.get(t))
            if changed and not allow:
                raise RereleaseError(
                    f"{unit} was released before ({rec.get('release_id')}, {rec.get('released_at')}) and "
                    f"{len(changed)} of its tables now read differently (e.g. {changed[0]!r}); publishing it again "
                    "could single out the people whose answers changed them",
                    hint="re-release only with a reason: `evalkit report --allow-rerelease \"why\"`")

    def append(self, bundle: Any, *, override: str | None = None) -> None:
        """Record a release (its published figures only). Appends one line; never rewrites."""
        rec = {"schema": SCHEMA, "release_id": bundle.release_id, "unit": bundle.unit,
               "released_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
               "policy": bundle.policy.to_dict(), "override": override,
               "figures": [_fig_to_json(f) for f in bundle.figures],
               "published": bundle.published() if hasattr(bundle, "published") else None}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        line = json.dumps(rec, separators=(",", ":")) + "\n"
        fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        try:
            os.write(fd, line.encode("utf-8"))
            os.fsync(fd)
        finally:
            os.close(fd)
