-- Mentions and articles per person entity and publication month (fact_person_month), kept up to date
-- by adding what the articles of the runs not counted yet contribute (etl_mart_run lists the counted
-- runs): normally the run that just loaded, or every run when the table is new to the warehouse.
--
-- Why adding is exact: articles are only ever added (nothing deletes or rewrites fact_article or
-- fact_entity_mention; an article already held is never loaded again), an article belongs to exactly
-- one run and all its mentions arrive with it, so the articles of a new run are distinct from those
-- already counted and per-entity counts of distinct articles simply add up. An entity's type never
-- changes, and the table holds entity keys, not names: dim_entity_names.sql renaming an entity needs
-- nothing here, the queries join today's canonical_name. Names several entity keys share are the
-- queries' business (sql/analysis/top_people.sql counts their articles once from the mentions).
--
-- The cost follows the new runs' articles: the run's mentions are found through its articles and
-- by row id (past etl_mart_run.mention_rows, as in fact_entity_surface.sql), and only the
-- (entity, month) rows they touch are updated or inserted.
merge into fact_person_month
using (
    with
    counted_run as (
        select etl_mart_run.run_id,
        from etl_mart_run
        where etl_mart_run.mart = 'fact_person_month'
    ),

    counted_mention as (
        select coalesce(max(etl_mart_run.mention_rows), 0) as mention_rows,
        from etl_mart_run
        where etl_mart_run.mart = 'fact_person_month'
    ),

    new_article as (
        select
            fact_article.article_id,
            cast(date_trunc('month', fact_article.published_date) as date) as published_month,
        from fact_article
        where fact_article.run_id not in (select counted_run.run_id from counted_run)
            and fact_article.run_id is not null  -- never, but such an article could not be recorded as counted
    ),

    person as (
        select dim_entity.entity_key,
        from dim_entity
        where dim_entity.entity_type = 'PERSON'
    )

    select
        fact_entity_mention.entity_key,
        new_article.published_month,
        count(distinct fact_entity_mention.article_id) as articles,
        count(*) as mentions,
    from fact_entity_mention
    inner join new_article on fact_entity_mention.article_id = new_article.article_id
    inner join person on fact_entity_mention.entity_key = person.entity_key
    where fact_entity_mention.rowid >= (select counted_mention.mention_rows from counted_mention)
    group by fact_entity_mention.entity_key, new_article.published_month
) as new_person_month
on fact_person_month.entity_key = new_person_month.entity_key
    and fact_person_month.published_month is not distinct from new_person_month.published_month
when matched then update set
    articles = fact_person_month.articles + new_person_month.articles,
    mentions = fact_person_month.mentions + new_person_month.mentions
when not matched then insert (entity_key, published_month, articles, mentions)
    values (new_person_month.entity_key, new_person_month.published_month, new_person_month.articles, new_person_month.mentions);

-- The runs just counted; their articles are never counted again, nor their mentions scanned again.
insert into etl_mart_run (mart, run_id, mention_rows)
select distinct
    'fact_person_month' as mart,
    fact_article.run_id,
    (select count(*) from fact_entity_mention) as mention_rows,
from fact_article
where fact_article.run_id not in (
    select etl_mart_run.run_id
    from etl_mart_run
    where etl_mart_run.mart = 'fact_person_month'
)
    and fact_article.run_id is not null;
