"""Near-duplicate and syndicated stories: one story, many copies, counted once.

    shingles.py    the text a story is compared on (body only, normalized, boilerplate lines dropped)
    signatures.py  MinHash signatures, LSH band keys (body and lead), Jaccard and containment estimates
    clusters.py    order-independent story clusters (union-find), representatives, incremental updates
    params.py      the knobs, with the measured defaults (`Settings.story_*`, WIREHOUSE_STORY_*)

An ingest, per batch of parsed articles:

    params = StoryParams.from_settings(settings)
    sketches = sketch_articles(batch.articles, params)            # signature, lead signature, shingle count
    keys = {s.article_id: sketch_band_keys(s, params) for s in sketches}
    # look up the stored stories any of those (band, band_key) hit, with all their members' sketches
    changed = update_stories(sketches, existing_members, current_story_ids, params)
    # write `changed` (new articles and existing ones whose story merged or got an earlier representative)
    # and the new articles' band keys

`cluster_stories(all_sketches, params)` rebuilds every assignment from scratch (after a change of
settings); both give the same stories. Defaults and their measurements: benchmarks/near_dup_eval.py.
"""
