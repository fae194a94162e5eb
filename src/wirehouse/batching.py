"""How a run cuts its files into batches, so the NLP workers neither wait at the start nor the
flow at the end.

Batch N+1 is read and sent to the workers before batch N is validated and loaded, so only two
stretches are not overlapped with NLP: reading the first batch, and everything after NLP for the
last one. Both are kept short: the first batch is small, and the last full-size batch is cut into
halves that shrink down to that size (512 files end as ..., 256, 128, 64, 32). While the workers
analyse each piece of the tail, the flow finishes the piece before, which is twice as large but
takes a fraction of the NLP time per article.
"""

from __future__ import annotations

EDGE_BATCH = 32


def batch_sizes(total: int, size: int, edge: int = EDGE_BATCH) -> list[int]:
    """Batch sizes for `total` files with batches of `size`: one batch when they fit, else a small
    first batch, full-size ones, and a tail halving down to `edge` files. They sum to `total`."""
    size = max(1, size)
    if total <= size:
        return [total] if total else []
    edge = min(size, edge)
    remaining = total - edge
    tail: list[int] = []
    piece = edge
    while piece < size and remaining >= 2 * piece:
        tail.insert(0, piece)
        remaining -= piece
        piece *= 2
    body = [size] * (remaining // size) + ([remaining % size] if remaining % size else [])
    return [edge, *body, *tail]
