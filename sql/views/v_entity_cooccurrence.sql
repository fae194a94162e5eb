-- Pairs of entities mentioned together: in how many articles, and in how many sentences.
-- One row per unordered pair (entity_key_a < entity_key_b), ready for network analysis.
create or replace view v_entity_cooccurrence as
with
entity_in_sentence as (
    select distinct
        fact_entity_mention.article_id,
        fact_entity_mention.sentence_index,
        fact_entity_mention.entity_key,
    from fact_entity_mention
),

entity_in_article as (
    select distinct
        entity_in_sentence.article_id,
        entity_in_sentence.entity_key,
    from entity_in_sentence
),

article_pair as (
    select
        first_entity.entity_key as entity_key_a,
        second_entity.entity_key as entity_key_b,
        count(*) as article_count,
    from entity_in_article as first_entity
    inner join entity_in_article as second_entity
        on first_entity.article_id = second_entity.article_id
        and first_entity.entity_key < second_entity.entity_key
    group by first_entity.entity_key, second_entity.entity_key
),

sentence_pair as (
    select
        first_entity.entity_key as entity_key_a,
        second_entity.entity_key as entity_key_b,
        count(*) as sentence_count,
    from entity_in_sentence as first_entity
    inner join entity_in_sentence as second_entity
        on first_entity.article_id = second_entity.article_id
        and first_entity.sentence_index = second_entity.sentence_index
        and first_entity.entity_key < second_entity.entity_key
    group by first_entity.entity_key, second_entity.entity_key
)

select
    article_pair.entity_key_a,
    entity_a.canonical_name as entity_name_a,
    entity_a.entity_type as entity_type_a,
    article_pair.entity_key_b,
    entity_b.canonical_name as entity_name_b,
    entity_b.entity_type as entity_type_b,
    article_pair.article_count,
    coalesce(sentence_pair.sentence_count, 0) as sentence_count,
from article_pair
inner join dim_entity as entity_a on article_pair.entity_key_a = entity_a.entity_key
inner join dim_entity as entity_b on article_pair.entity_key_b = entity_b.entity_key
left join sentence_pair
    on article_pair.entity_key_a = sentence_pair.entity_key_a
    and article_pair.entity_key_b = sentence_pair.entity_key_b;

comment on view v_entity_cooccurrence is 'Entity pairs mentioned in the same article and in the same sentence, with counts; one row per unordered pair.';
comment on column v_entity_cooccurrence.entity_key_a is 'First entity of the pair (the smaller key).';
comment on column v_entity_cooccurrence.entity_name_a is 'Canonical name of the first entity.';
comment on column v_entity_cooccurrence.entity_type_a is 'Entity type of the first entity.';
comment on column v_entity_cooccurrence.entity_key_b is 'Second entity of the pair (the larger key).';
comment on column v_entity_cooccurrence.entity_name_b is 'Canonical name of the second entity.';
comment on column v_entity_cooccurrence.entity_type_b is 'Entity type of the second entity.';
comment on column v_entity_cooccurrence.article_count is 'Articles that mention both.';
comment on column v_entity_cooccurrence.sentence_count is 'Sentences that mention both (0 when they never share one).';
