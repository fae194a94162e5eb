"""Stage 6: Great Expectations validation of each batch before it is loaded."""
