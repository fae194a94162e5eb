create table if not exists article_text (
    -- Grain: one row per article_id. Checked by the loader (fact_article holds the key), not declared
    -- as one here: its index made every checkpoint rewrite it, so each run cost more as the warehouse grew.
    article_id varchar not null,
    full_text varchar not null,
);

comment on table article_text is 'The normalized text of each article; every character offset in the warehouse points into it.';
comment on column article_text.article_id is 'The article (fact_article.article_id).';
comment on column article_text.full_text is 'Normalized text: decoded, mojibake repaired (ftfy), NFC, LF line ends, trailing blanks removed.';
