"""Stage 1-3: find inbox files, read and normalize them, parse their metadata."""
