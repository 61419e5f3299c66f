"""The package version, in one place (the glossary cache key includes it)."""

VERSION = "0.1.0"
