-- Topic trends counted per unique story: for each month, how many stories carry each topic and what share of
-- the month's stories that is. Each story counts once, through its representative (earliest) copy.
-- IPTC topics count when they are among an article's top three; discovered topics when they are its main one.
create or replace view v_story_topic_share_month as
with
dated_article as (
    select
        fact_article.article_id,
        date_trunc('month', fact_article.published_date) as published_month,
    from fact_article
    inner join article_story on fact_article.article_id = article_story.article_id
    where fact_article.published_date is not null
        and article_story.story_id = article_story.article_id
),

month_total as (
    select
        dated_article.published_month,
        count(*) as month_articles,
    from dated_article
    group by dated_article.published_month
),

topic_month as (
    select
        dim_topic.scheme,
        dim_topic.code as topic_code,
        dim_topic.label as topic_label,
        dated_article.published_month,
        count(distinct dated_article.article_id) as articles,
    from bridge_article_topic
    inner join dim_topic on bridge_article_topic.topic_key = dim_topic.topic_key
    inner join dated_article on bridge_article_topic.article_id = dated_article.article_id
    where (dim_topic.scheme = 'iptc' and bridge_article_topic.rank <= 3)
        or (dim_topic.scheme = 'discovered' and bridge_article_topic.rank = 1)
    group by dim_topic.scheme, dim_topic.code, dim_topic.label, dated_article.published_month
)

select
    topic_month.scheme,
    topic_month.topic_code,
    topic_month.topic_label,
    topic_month.published_month,
    topic_month.articles,
    month_total.month_articles,
    round(topic_month.articles / month_total.month_articles, 4) as share,
from topic_month
inner join month_total on topic_month.published_month = month_total.published_month;

comment on view v_story_topic_share_month is 'Topic trends by month counted per unique story (representative copies only): stories carrying each topic and their share of the month''s dated stories.';
comment on column v_story_topic_share_month.topic_code is 'Topic code (dim_topic.code).';
comment on column v_story_topic_share_month.topic_label is 'Topic label (dim_topic.label).';
comment on column v_story_topic_share_month.published_month is 'First day of the publication month.';
comment on column v_story_topic_share_month.articles is 'Stories of that month carrying the topic (IPTC: among their top three; discovered: their main topic).';
comment on column v_story_topic_share_month.month_articles is 'Dated stories first published that month (by their representative copy).';
comment on column v_story_topic_share_month.share is 'articles (stories) / month_articles (stories).';
comment on column v_story_topic_share_month.scheme is 'Topic scheme: iptc or discovered.';
