create table if not exists fact_person_month (
    entity_key varchar not null,
    published_month date,
    articles bigint not null,
    mentions bigint not null,
);

comment on table fact_person_month is 'Mentions of each person and the articles that mention them, per publication month: an aggregate of fact_entity_mention kept up to date by the loader (sql/marts/fact_person_month.sql), one row per person entity and month (the month NULL once per person, for undated articles).';
comment on column fact_person_month.entity_key is 'The person (dim_entity.entity_key, entity_type PERSON).';
comment on column fact_person_month.published_month is 'First day of the publication month (fact_article.published_date); NULL for the articles whose date is unknown.';
comment on column fact_person_month.articles is 'Articles of that month that mention the person at least once.';
comment on column fact_person_month.mentions is 'Mentions of the person in those articles.';
