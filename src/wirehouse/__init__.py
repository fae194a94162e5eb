"""Wirehouse: raw news articles in, an analytical DuckDB star schema out."""

from wirehouse import offline as _offline  # noqa: F401  (sets offline defaults before anything else)

__version__ = "0.1.0"
