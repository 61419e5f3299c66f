"""Glossary files: loading with line marks, schema, invariants, compilation and its cache."""
