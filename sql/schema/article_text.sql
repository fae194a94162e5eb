create table if not exists article_text (
    article_id varchar primary key,
    full_text varchar not null,
);

comment on table article_text is 'The normalized text of each article; every character offset in the warehouse points into it.';
comment on column article_text.article_id is 'The article (fact_article.article_id).';
comment on column article_text.full_text is 'Normalized text: decoded, mojibake repaired (ftfy), NFC, LF line ends, trailing blanks removed.';
