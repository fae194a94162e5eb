create table if not exists topic_model (
    version integer primary key,
    fitted_at timestamp with time zone not null,
    topic_count integer not null,
    article_count integer not null,
    vocabulary_size integer not null,
    silhouette double,
    alignment varchar,
    model blob not null,
);

comment on table topic_model is 'Every fitted topic-discovery model (wirehouse topics refit); the highest version assigns new articles.';
comment on column topic_model.version is 'Model version, 1, 2, ...; bridge_article_topic evidence names the version that assigned a topic.';
comment on column topic_model.fitted_at is 'When the model was fitted.';
comment on column topic_model.topic_count is 'Number of topics, chosen from the data (best cosine silhouette).';
comment on column topic_model.article_count is 'Articles the model was fitted on.';
comment on column topic_model.vocabulary_size is 'Terms in the model''s vocabulary.';
comment on column topic_model.silhouette is 'Cosine silhouette of the articles'' topic assignments at the chosen topic count (-1 to 1).';
comment on column topic_model.alignment is 'JSON: for each topic code, whether it was kept from the previous version (with the similarity) or is new.';
comment on column topic_model.model is 'The fitted model (scikit-learn TF-IDF vectorizer and NMF, pickled).';
