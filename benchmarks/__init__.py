"""Performance and quality benchmarks for Wirehouse (run as scripts or modules, never imported by the package)."""
