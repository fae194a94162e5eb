"""Near-duplicate and syndicated stories: one story, many copies, counted once.

    shingles.py    the text a story is compared on (body only, normalized) and its word shingles
    signatures.py  MinHash signatures, LSH band keys, Jaccard and containment estimates
    clusters.py    order-independent story clusters (union-find), representatives, incremental updates
"""
