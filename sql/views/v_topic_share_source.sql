-- Which sources write about what: per source, articles carrying each topic and their share of the source's articles.
create or replace view v_topic_share_source as
with
source_total as (
    select
        fact_article.source_key,
        count(*) as source_articles,
    from fact_article
    group by fact_article.source_key
),

topic_source as (
    -- Grouped by topic_key, which stands for (scheme, code) one to one; an article carries a topic once
    -- (bridge_article_topic's key), so counting its (never NULL) article_id counts distinct articles.
    select
        bridge_article_topic.topic_key,
        fact_article.source_key,
        count(bridge_article_topic.article_id) as articles,
    from bridge_article_topic
    inner join dim_topic on bridge_article_topic.topic_key = dim_topic.topic_key
    inner join fact_article on bridge_article_topic.article_id = fact_article.article_id
    where (dim_topic.scheme = 'iptc' and bridge_article_topic.rank <= 3)
        or (dim_topic.scheme = 'discovered' and bridge_article_topic.rank = 1)
    group by bridge_article_topic.topic_key, fact_article.source_key
)

select
    dim_topic.scheme,
    dim_topic.code as topic_code,
    dim_topic.label as topic_label,
    coalesce(dim_source.name, '(unknown)') as source_name,
    topic_source.articles,
    source_total.source_articles,
    round(topic_source.articles / source_total.source_articles, 4) as share,
from topic_source
inner join dim_topic on topic_source.topic_key = dim_topic.topic_key
inner join source_total on topic_source.source_key is not distinct from source_total.source_key
left join dim_source on topic_source.source_key = dim_source.source_key;

comment on view v_topic_share_source is 'Topic mix per source: articles carrying each topic and their share of the source''s articles.';
comment on column v_topic_share_source.topic_code is 'Topic code (dim_topic.code).';
comment on column v_topic_share_source.topic_label is 'Topic label (dim_topic.label).';
comment on column v_topic_share_source.source_name is 'Agency or publisher; (unknown) when none was named.';
comment on column v_topic_share_source.articles is 'The source''s articles carrying the topic (IPTC: among their top three; discovered: main topic).';
comment on column v_topic_share_source.source_articles is 'All articles of the source.';
comment on column v_topic_share_source.share is 'articles / source_articles.';
comment on column v_topic_share_source.scheme is 'Topic scheme: iptc or discovered.';
