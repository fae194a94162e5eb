"""Stage 7: the DuckDB star schema: DDL, keys, loading and run records."""
