create table if not exists bridge_article_topic (
    article_id varchar not null,
    topic_key varchar not null,
    score double not null check (score between 0 and 1),
    rank integer not null check (rank >= 1),
    evidence varchar,
    -- Grain: one row per (article_id, topic_key). Checked by the loader, not declared as a key: the index of a key
    -- this size made every checkpoint rewrite it, so each run cost more as the warehouse grew.
);

comment on table bridge_article_topic is 'Which topics each article is about, ranked, with the evidence for each assignment.';
comment on column bridge_article_topic.article_id is 'The article (fact_article.article_id).';
comment on column bridge_article_topic.topic_key is 'The topic (dim_topic.topic_key).';
comment on column bridge_article_topic.score is 'Strength of the assignment, 0 to 1.';
comment on column bridge_article_topic.rank is 'Position among the article''s topics of the same scheme: for iptc, top-level topics come first (rank 1 is the main topic), then second-level ones; for discovered, 1 is the strongest.';
comment on column bridge_article_topic.evidence is 'JSON object: for iptc, each lexicon term matched and its weight (headline matches count double); for discovered, the model version and the topic''s share of the article.';
