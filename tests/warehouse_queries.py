"""Read-only queries against a test warehouse file, shared by the end-to-end tests."""

import duckdb


def query(path, sql, params=None):
    with duckdb.connect(str(path), read_only=True) as connection:
        return connection.execute(sql, params or []).fetchall()
