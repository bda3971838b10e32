"""Synthetic demo data: deterministic, messy raw exports with fake personal data.

Use :func:`evalkit.demo.generate.generate_demo` (or ``python -m evalkit.demo.generate OUT_DIR``)
to write the files of ``data_raw/demo/``, and :func:`evalkit.demo.generate.make_state_outcomes`
for a large state outcome file. Nothing is imported here, so ``python -m`` runs the module once.
"""

__all__: list[str] = []
