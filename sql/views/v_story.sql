-- Unique stories: one row per story, described by its representative (earliest copy), with how many
-- copies of it were loaded and by how many sources.
create or replace view v_story as
with
copies as (
    select
        article_story.story_id,
        count(*) as copies,
        count(distinct fact_article.source_key) as sources,
        min(fact_article.published_date) as first_published_date,
        max(fact_article.published_date) as last_published_date,
        min(article_story.similarity) as min_similarity,
    from article_story
    inner join fact_article on article_story.article_id = fact_article.article_id
    group by article_story.story_id
)

select
    copies.story_id,
    fact_article.title,
    dim_source.name as source_name,
    fact_article.published_date,
    copies.copies,
    copies.sources,
    copies.first_published_date,
    copies.last_published_date,
    copies.min_similarity,
from copies
inner join fact_article on copies.story_id = fact_article.article_id
left join dim_source on fact_article.source_key = dim_source.source_key;

comment on view v_story is 'Unique stories: one row per story (syndicated and edited copies folded), described by its earliest copy.';
comment on column v_story.story_id is 'The story (article_story.story_id), which is its representative''s article_id.';
comment on column v_story.title is 'Title of the representative copy.';
comment on column v_story.source_name is 'Source of the representative copy (dim_source.name).';
comment on column v_story.published_date is 'Publication date of the representative copy.';
comment on column v_story.copies is 'Articles (copies) of the story in the warehouse, the representative included.';
comment on column v_story.sources is 'Distinct sources that published a copy.';
comment on column v_story.first_published_date is 'Earliest publication date among the copies.';
comment on column v_story.last_published_date is 'Latest publication date among the copies.';
comment on column v_story.min_similarity is 'Lowest similarity of a copy to the representative (1 when the story has one copy).';
