-- Question: which entities are mentioned together with Lavrov, and how closely?
with
lavrov_pair as (
    select
        v_entity_cooccurrence.entity_name_a as lavrov_name,
        v_entity_cooccurrence.entity_key_b as partner_key,
        v_entity_cooccurrence.entity_name_b as partner_name,
        v_entity_cooccurrence.entity_type_b as partner_type,
        v_entity_cooccurrence.article_count,
        v_entity_cooccurrence.sentence_count,
    from v_entity_cooccurrence
    where v_entity_cooccurrence.entity_name_a like '%Lavrov'
    union all
    select
        v_entity_cooccurrence.entity_name_b as lavrov_name,
        v_entity_cooccurrence.entity_key_a as partner_key,
        v_entity_cooccurrence.entity_name_a as partner_name,
        v_entity_cooccurrence.entity_type_a as partner_type,
        v_entity_cooccurrence.article_count,
        v_entity_cooccurrence.sentence_count,
    from v_entity_cooccurrence
    where v_entity_cooccurrence.entity_name_b like '%Lavrov'
)

select
    lavrov_pair.lavrov_name,
    lavrov_pair.partner_name,
    lavrov_pair.partner_type,
    lavrov_pair.article_count,
    lavrov_pair.sentence_count,
from lavrov_pair
order by
    lavrov_pair.article_count desc,
    lavrov_pair.sentence_count desc,
    lavrov_pair.partner_name,
    lavrov_pair.lavrov_name
