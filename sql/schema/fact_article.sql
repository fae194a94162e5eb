create table if not exists fact_article (
    article_id varchar primary key,
    source_file varchar not null,
    content_sha256 varchar not null,
    title varchar,
    subtitle varchar,
    published_date date,
    date_source varchar not null check (date_source in ('header', 'dateline', 'dateline+reference', 'caption', 'body', 'none')),
    date_confidence double not null check (date_confidence between 0 and 1),
    date_note varchar,
    date_flag varchar check (date_flag in ('year_unresolved', 'invalid_date', 'future_date')),
    dateline_place varchar,
    source_key varchar,
    location_key varchar,
    date_key integer,
    language varchar,
    language_confidence double,
    nlp_status varchar,
    word_count integer not null,
    sentence_count integer,
    paragraph_count integer,
    captions varchar,
    photo_credits varchar,
    photo_ids varchar,
    bylines varchar,
    source_encoding varchar,
    loaded_at timestamp with time zone not null,
    run_id varchar not null,
);

comment on table fact_article is 'One row per article: one distinct normalized text, whatever file it arrived in.';
comment on column fact_article.article_id is 'Lower-case hex SHA-256 of the normalized full text (article_text.full_text).';
comment on column fact_article.source_file is 'Path of the inbox file the article was first loaded from.';
comment on column fact_article.content_sha256 is 'SHA-256 of that file''s raw bytes, before decoding and normalization.';
comment on column fact_article.title is 'Headline; NULL when the article has none (a first sentence is never used as a title).';
comment on column fact_article.subtitle is 'Standfirst or lede printed under the headline; NULL when there is none.';
comment on column fact_article.published_date is 'Publication date; NULL when the text does not settle it (see date_note).';
comment on column fact_article.date_source is 'Where published_date came from: header (a date or timestamp line at the top), dateline (its own full date, or its month and day with the year from a full date of the same day in the file), dateline+reference (month and day from the dateline, year from the run''s reference date: the latest such day on or before it), caption, none (undated: date_flag and date_note say why), or body (older runs only).';
comment on column fact_article.date_confidence is 'How sure the date is, 0 to 1: 1 header, 0.95 a dateline''s own full date, 0.9 a dateline''s month and day with the year from a same-day full date in the file, 0.7 a photo caption, 0.6 a dateline''s month and day with the run''s reference date, 0 undated.';
comment on column fact_article.date_note is 'How the date was derived or why it is unknown, for review.';
comment on column fact_article.date_flag is 'Why the date needs a look: year_unresolved (dateline without a year the text settles), invalid_date (not a calendar date) or future_date; NULL when fine.';
comment on column fact_article.dateline_place is 'Place named in the dateline, normalized (MOSCOW becomes Moscow); NULL without a dateline.';
comment on column fact_article.source_key is 'The agency or publisher (dim_source.source_key); NULL when none is named.';
comment on column fact_article.location_key is 'The dateline place (dim_location.location_key); NULL without a dateline.';
comment on column fact_article.date_key is 'The publication day as yyyymmdd (dim_date.date_key); NULL when the date is unknown.';
comment on column fact_article.language is 'ISO 639-1 language code of the text, e.g. en; NULL when it cannot be told.';
comment on column fact_article.language_confidence is 'Probability of the detected language, 0 to 1 (py3langid); 1 when only a Source: header named it.';
comment on column fact_article.nlp_status is 'analyzed, or why entity and topic extraction was skipped (e.g. a language the pipeline does not read).';
comment on column fact_article.word_count is 'Words in the body (after the dateline; header, captions and credits excluded).';
comment on column fact_article.sentence_count is 'Sentences in the body.';
comment on column fact_article.paragraph_count is 'Paragraphs (blocks separated by blank lines) in the body.';
comment on column fact_article.captions is 'Photo captions found above the body, one per line; NULL when there are none.';
comment on column fact_article.photo_credits is 'Photo credits without picture ids (e.g. REUTERS/Sergei Karpukhin), one per line; NULL when there are none.';
comment on column fact_article.photo_ids is 'Agency picture ids from credit lines (e.g. RTX39M8M), one per line; NULL when there are none.';
comment on column fact_article.bylines is 'Byline lines (By Name), one per line; NULL when there are none.';
comment on column fact_article.source_encoding is 'Character encoding the file was decoded from (utf-8, utf-16-le, cp1251, ...).';
comment on column fact_article.loaded_at is 'When the article was loaded.';
comment on column fact_article.run_id is 'The run that loaded it (etl_run.run_id).';
