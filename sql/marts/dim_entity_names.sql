-- Names of entities the team's alias list does not know: the most frequent full surface form among
-- all their mentions (surnames resolved inside an article do not count), ties broken by the longer
-- form, then alphabetically. Read from fact_entity_surface (every mention counted, refreshed just
-- before this), so the same articles loaded in any order give the same names; only entities
-- mentioned by the run's articles (getvariable('wirehouse_run_id')) can change, so only they are
-- recomputed.
update dim_entity
set canonical_name = best_name.name
from (
    select
        ranked.entity_key,
        ranked.name,
    from (
        select
            fact_entity_surface.entity_key,
            fact_entity_surface.mention_text as name,
            row_number() over (
                partition by fact_entity_surface.entity_key
                order by fact_entity_surface.mentions desc, length(fact_entity_surface.mention_text) desc,
                    fact_entity_surface.mention_text
            ) as position,
        from fact_entity_surface
        where fact_entity_surface.entity_key in (
            select run_mention.entity_key
            from fact_entity_mention as run_mention
            inner join fact_article as run_article on run_mention.article_id = run_article.article_id
            where run_article.run_id = getvariable('wirehouse_run_id')
        )
    ) as ranked
    where ranked.position = 1
) as best_name
where dim_entity.entity_key = best_name.entity_key
    and dim_entity.name_source = 'observed'
    and dim_entity.canonical_name <> best_name.name
