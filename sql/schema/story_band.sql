create table if not exists story_band (
    band smallint not null,
    band_key bigint not null,
    article_id varchar not null,
);

comment on table story_band is 'The LSH index of stories: articles whose signatures agree on a whole band are compared; a new article looks up only its own keys.';
comment on column story_band.band is 'Band number: body bands first, then the lead''s.';
comment on column story_band.band_key is 'Stable 64-bit hash of the band''s signature values (as a signed BIGINT, so every SQL engine can hold it).';
comment on column story_band.article_id is 'The article (article_story.article_id).';
