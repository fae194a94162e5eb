-- Question: which entities are mentioned together with Lavrov, and how closely?
-- The rows of v_entity_cooccurrence with a Lavrov on either side, computed from Lavrov's articles only:
-- Lavrov's entities are looked up first, so only the sentences of articles that mention him are paired.
with
lavrov as (
    select
        dim_entity.entity_key,
        dim_entity.canonical_name,
    from dim_entity
    where dim_entity.canonical_name like '%Lavrov'
),

lavrov_in_sentence as (
    select distinct
        fact_entity_mention.article_id,
        fact_entity_mention.sentence_index,
        fact_entity_mention.entity_key,
    from fact_entity_mention
    inner join lavrov on fact_entity_mention.entity_key = lavrov.entity_key
),

lavrov_in_article as (
    select distinct
        lavrov_in_sentence.article_id,
        lavrov_in_sentence.entity_key,
    from lavrov_in_sentence
),

entity_in_sentence as (
    select distinct
        fact_entity_mention.article_id,
        fact_entity_mention.sentence_index,
        fact_entity_mention.entity_key,
    from fact_entity_mention
    where fact_entity_mention.article_id in (select lavrov_in_article.article_id from lavrov_in_article)
),

entity_in_article as (
    select distinct
        entity_in_sentence.article_id,
        entity_in_sentence.entity_key,
    from entity_in_sentence
),

article_pair as (
    select
        lavrov_in_article.entity_key as lavrov_key,
        entity_in_article.entity_key as partner_key,
        count(*) as article_count,
    from lavrov_in_article
    inner join entity_in_article
        on lavrov_in_article.article_id = entity_in_article.article_id
        and lavrov_in_article.entity_key <> entity_in_article.entity_key
    group by lavrov_in_article.entity_key, entity_in_article.entity_key
),

sentence_pair as (
    select
        lavrov_in_sentence.entity_key as lavrov_key,
        entity_in_sentence.entity_key as partner_key,
        count(*) as sentence_count,
    from lavrov_in_sentence
    inner join entity_in_sentence
        on lavrov_in_sentence.article_id = entity_in_sentence.article_id
        and lavrov_in_sentence.sentence_index = entity_in_sentence.sentence_index
        and lavrov_in_sentence.entity_key <> entity_in_sentence.entity_key
    group by lavrov_in_sentence.entity_key, entity_in_sentence.entity_key
)

select
    lavrov.canonical_name as lavrov_name,
    partner.canonical_name as partner_name,
    partner.entity_type as partner_type,
    article_pair.article_count,
    coalesce(sentence_pair.sentence_count, 0) as sentence_count,
from article_pair
inner join lavrov on article_pair.lavrov_key = lavrov.entity_key
inner join dim_entity as partner on article_pair.partner_key = partner.entity_key
left join sentence_pair
    on article_pair.lavrov_key = sentence_pair.lavrov_key
    and article_pair.partner_key = sentence_pair.partner_key
order by
    article_pair.article_count desc,
    sentence_count desc,
    partner_name,
    lavrov_name,
    partner_type
