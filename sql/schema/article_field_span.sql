create table if not exists article_field_span (
    article_id varchar not null,
    field varchar not null,
    value varchar not null,
    start_char integer not null,
    end_char integer not null,
    -- Grain: one row per (article_id, field, start_char). Checked by the loader, not declared as a key: the index of a key
    -- this size made every checkpoint rewrite it, so each run cost more as the warehouse grew.
    check (start_char >= 0 and end_char > start_char),
);

comment on table article_field_span is 'Where each metadata value was read from: the span of article_text.full_text behind it.';
comment on column article_field_span.article_id is 'The article (fact_article.article_id).';
comment on column article_field_span.field is 'Metadata field: header_date (a date header, an e-mail''s Date: or a page time stamp), header_language, publisher, site, mail_from (an e-mail''s From:), title (an e-mail''s Subject: included), subtitle, caption, photo_credit, photo_id, byline, dateline, dateline_place, dateline_date, agency, published_date, source, trailer, page_timestamp.';
comment on column article_field_span.value is 'The text of the span, exactly as in full_text.';
comment on column article_field_span.start_char is 'Offset of the first character in article_text.full_text (0-based).';
comment on column article_field_span.end_char is 'Offset just past the last character (exclusive).';
