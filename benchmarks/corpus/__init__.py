"""Deterministic generator of realistic benchmark corpora (raw news-article text files).

`generate_corpus(n, output, seed=7, start=0)` writes articles start..start+n-1; article i is the
same file whatever n is, so a small corpus is a prefix of a larger one. Everything is composed
from team-written vocabularies (`vocabulary`, `beats`) and raw-file layouts (`templates`).
"""
