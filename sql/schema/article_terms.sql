create table if not exists article_terms (
    -- Grain: one row per article_id. Checked by the loader (fact_article holds the key), not declared
    -- as one here: its index made every checkpoint rewrite it, so each run cost more as the warehouse grew.
    article_id varchar not null,
    terms varchar not null,
);

comment on table article_terms is 'Each article''s content lemmas and noun chunks, kept so topic discovery can refit without re-running spaCy.';
comment on column article_terms.article_id is 'The article (fact_article.article_id).';
comment on column article_terms.terms is 'Space-separated lower-case lemmas and noun chunks (words joined by _), in text order.';
