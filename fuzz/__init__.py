"""Fuzzing the engine's invariants on documents built from the bundled glossary.

``python -m fuzz --docs 100000`` (``make fuzz``) is the long run; ``tests/test_robust_fuzz.py``
runs a quick deterministic subset of the same generator and checks in CI.
``python -m fuzz.atheris_target`` drives the same generator and checks from atheris's
coverage-guided byte streams where atheris installs.
"""
