"""Prefect flows. Deployment entrypoints look like `flows/ingest.py:ingest_articles`."""
