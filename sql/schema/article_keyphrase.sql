create table if not exists article_keyphrase (
    article_id varchar not null,
    phrase varchar not null,
    score double not null check (score between 0 and 1),
    rank integer not null check (rank >= 1),
    occurrences integer not null,
    -- Grain: one row per (article_id, rank). Checked by the loader, not declared as a key: the index of a key
    -- this size made every checkpoint rewrite it, so each run cost more as the warehouse grew.
);

comment on table article_keyphrase is 'The key phrases of each article: noun chunks ranked by word degree over frequency (RAKE style), headline weighted.';
comment on column article_keyphrase.article_id is 'The article (fact_article.article_id).';
comment on column article_keyphrase.phrase is 'The phrase as written in the article (its most frequent surface form).';
comment on column article_keyphrase.score is 'Relative strength, 0 to 1; the article''s best phrase scores 1.';
comment on column article_keyphrase.rank is 'Position among the article''s phrases, 1 = strongest (at most 10).';
comment on column article_keyphrase.occurrences is 'How often the phrase occurs in the article.';
