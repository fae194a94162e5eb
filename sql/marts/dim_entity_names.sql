-- Names of entities the team's alias list does not know: the most frequent full surface form among
-- all their mentions (surnames resolved inside an article do not count), ties broken by the longer
-- form, then alphabetically. Read from fact_entity_surface (every mention counted, refreshed just
-- before this), so the same articles loaded in any order give the same names; only entities
-- mentioned by the runs this has not named yet (normally the run that just loaded; every run the
-- first time) can change, so only they are recomputed. etl_mart_run lists the runs it named, under
-- 'dim_entity_names', and their mentions are found past its mention_rows, as in
-- fact_entity_surface.sql: a run that stopped before naming its entities has them named by the next.
update dim_entity
set canonical_name = best_name.name
from (
    with
    named_run as (
        select etl_mart_run.run_id,
        from etl_mart_run
        where etl_mart_run.mart = 'dim_entity_names'
    ),

    named_mention as (
        select coalesce(max(etl_mart_run.mention_rows), 0) as mention_rows,
        from etl_mart_run
        where etl_mart_run.mart = 'dim_entity_names'
    ),

    renamed_entity as (
        select distinct new_mention.entity_key,
        from fact_entity_mention as new_mention
        inner join fact_article as new_article on new_mention.article_id = new_article.article_id
        where new_mention.rowid >= (select named_mention.mention_rows from named_mention)
            and new_article.run_id not in (select named_run.run_id from named_run)
            and new_article.run_id is not null
    )

    select
        ranked.entity_key,
        ranked.name,
    from (
        select
            fact_entity_surface.entity_key,
            fact_entity_surface.mention_text as name,
            row_number() over (
                partition by fact_entity_surface.entity_key
                -- A spelling in mixed case before headline and dateline capitals (DETROIT); acronyms are short.
                order by (length(fact_entity_surface.mention_text) > 4
                        and fact_entity_surface.mention_text = upper(fact_entity_surface.mention_text)),
                    fact_entity_surface.mentions desc, length(fact_entity_surface.mention_text) desc,
                    fact_entity_surface.mention_text
            ) as position,
        from fact_entity_surface
        where fact_entity_surface.entity_key in (select renamed_entity.entity_key from renamed_entity)
    ) as ranked
    where ranked.position = 1
) as best_name
where dim_entity.entity_key = best_name.entity_key
    and dim_entity.name_source = 'observed'
    and dim_entity.canonical_name <> best_name.name;

-- The runs just named; their mentions are not scanned again.
insert into etl_mart_run (mart, run_id, mention_rows)
select distinct
    'dim_entity_names' as mart,
    fact_article.run_id,
    (select count(*) from fact_entity_mention) as mention_rows,
from fact_article
where fact_article.run_id not in (
    select etl_mart_run.run_id
    from etl_mart_run
    where etl_mart_run.mart = 'dim_entity_names'
)
    and fact_article.run_id is not null;
