create table if not exists article_story (
    -- Grain: one row per article_id. Checked by the loader (fact_article holds the key), not declared
    -- as one here: its index made every checkpoint rewrite it, so each run cost more as the warehouse grew.
    article_id varchar not null,
    story_id varchar not null,
    similarity double not null check (similarity between 0 and 1),
    jaccard double not null check (jaccard between 0 and 1),
    containment double not null check (containment between 0 and 1),
    published_date date,
    shingle_count integer not null,
    signature bigint[] not null,
    lead_signature bigint[] not null,
);

comment on table article_story is 'Which story each article is a copy of: syndicated and edited copies of one text share a story (MinHash/LSH over the body''s word shingles). One row per article.';
comment on column article_story.article_id is 'The article (fact_article.article_id).';
comment on column article_story.story_id is 'The story: the article_id of its representative, the earliest copy (undated copies last, then by article_id).';
comment on column article_story.similarity is 'How much of the shorter body the two share (estimated containment), against the representative; 1 for the representative.';
comment on column article_story.jaccard is 'Estimated Jaccard similarity of the body''s shingles to the representative''s.';
comment on column article_story.containment is 'Estimated share of the smaller body''s shingles found in the other, against the representative.';
comment on column article_story.published_date is 'The article''s publication date, which decides the representative.';
comment on column article_story.shingle_count is 'Distinct word shingles of the compared body.';
comment on column article_story.signature is 'MinHash signature of the body''s shingles (WIREHOUSE_STORY_PERMUTATIONS values).';
comment on column article_story.lead_signature is 'MinHash signature of the body''s first words, so copies cut down to their lead still meet.';
