"""Stage 4-5: named entities with character offsets, and topic assignment."""
