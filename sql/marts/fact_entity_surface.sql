-- Mentions per entity and surface form (fact_entity_surface), kept up to date by adding the mentions of
-- the runs not counted yet (etl_mart_run lists the counted runs), as fact_person_month.sql does: an
-- article belongs to one run and all its mentions arrive with it, so the counts simply add up.
-- dim_entity_names.sql chooses display names from this table instead of from every mention, so a
-- run's cost follows its own mentions, not how often its entities were mentioned before.
--
-- The new mentions are found by row id as well as through the new articles: fact_entity_mention is
-- only appended to, so every mention of a run not counted yet lies at or past the table's row count
-- when the mart last counted (etl_mart_run.mention_rows). Joined to the new articles alone, every
-- run scanned all of the table (2.48 million rows at 100,000 articles); the row-id bound lets
-- DuckDB skip all but the new rows, and the article join keeps the result exact whatever the bound.
merge into fact_entity_surface
using (
    with
    counted_run as (
        select etl_mart_run.run_id,
        from etl_mart_run
        where etl_mart_run.mart = 'fact_entity_surface'
    ),

    counted_mention as (
        select coalesce(max(etl_mart_run.mention_rows), 0) as mention_rows,
        from etl_mart_run
        where etl_mart_run.mart = 'fact_entity_surface'
    ),

    new_article as (
        select fact_article.article_id,
        from fact_article
        where fact_article.run_id not in (select counted_run.run_id from counted_run)
            and fact_article.run_id is not null
    )

    select
        fact_entity_mention.entity_key,
        -- A name wrapped across lines is the same surface form as on one line.
        regexp_replace(fact_entity_mention.mention_text, '\s+', ' ', 'g') as mention_text,
        count(*) as mentions,
    from fact_entity_mention
    inner join new_article on fact_entity_mention.article_id = new_article.article_id
    where fact_entity_mention.rowid >= (select counted_mention.mention_rows from counted_mention)
        and fact_entity_mention.link_method in ('exact', 'transliteration', 'case_variant')
    group by fact_entity_mention.entity_key, regexp_replace(fact_entity_mention.mention_text, '\s+', ' ', 'g')
) as new_surface
on fact_entity_surface.entity_key = new_surface.entity_key
    and fact_entity_surface.mention_text = new_surface.mention_text
when matched then update set mentions = fact_entity_surface.mentions + new_surface.mentions
when not matched then insert (entity_key, mention_text, mentions)
    values (new_surface.entity_key, new_surface.mention_text, new_surface.mentions);

-- The runs just counted; their mentions are never counted again, nor scanned again.
insert into etl_mart_run (mart, run_id, mention_rows)
select distinct
    'fact_entity_surface' as mart,
    fact_article.run_id,
    (select count(*) from fact_entity_mention) as mention_rows,
from fact_article
where fact_article.run_id not in (
    select etl_mart_run.run_id
    from etl_mart_run
    where etl_mart_run.mart = 'fact_entity_surface'
)
    and fact_article.run_id is not null;
