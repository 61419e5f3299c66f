"""Batch cleaning: many files and corpora, in parallel, resumable (see docs/batch.md)."""
