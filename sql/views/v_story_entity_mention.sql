-- Entity mentions counted once per story: only the representative copy of each story, so a
-- syndicated story does not count once per site that republished it.
create or replace view v_story_entity_mention as
select
    article_story.story_id,
    v_entity_mention.article_id,
    v_entity_mention.entity_key,
    v_entity_mention.canonical_name,
    v_entity_mention.entity_type,
    v_entity_mention.mention_text,
    v_entity_mention.label,
    v_entity_mention.section,
    v_entity_mention.sentence_index,
    v_entity_mention.start_char,
    v_entity_mention.end_char,
    v_entity_mention.published_date,
    v_entity_mention.source_name,
from v_entity_mention
inner join article_story on v_entity_mention.article_id = article_story.article_id
where article_story.story_id = article_story.article_id;

comment on view v_story_entity_mention is 'Entity mentions of unique stories: the mentions of each story''s representative copy only (count stories, not copies).';
